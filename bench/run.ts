import { runAnswerBench } from "./answer-bench.ts";
import type { BenchSection } from "./bench-section.ts";
import { runCheckBench } from "./check-bench.ts";
import { runDiscordBench } from "./discord-bench.ts";
import { runRenderBench } from "./render-bench.ts";
import { runSlackBench } from "./slack-bench.ts";
import { runStatsBench } from "./stats-bench.ts";
import { runWorstInputBench } from "./worst-input-bench.ts";

/**
 * `npm run bench`: every benchmark in one run, printed as Markdown so the figures can go into
 * docs/PERFORMANCE.md as they are. Exits 1 when a target is missed.
 */
const benches: Array<[string, () => Promise<BenchSection>]> = [
  ["checks", runCheckBench],
  ["answers", runAnswerBench],
  ["stats", runStatsBench],
  ["render", runRenderBench],
  ["worst", runWorstInputBench],
  ["discord", runDiscordBench],
  ["slack", runSlackBench],
];

const only = process.argv.slice(2);
let missed = 0;
for (const [name, bench] of benches) {
  if (only.length && !only.includes(name)) continue;
  const section = await bench();
  console.log(`## ${section.title}${section.ok ? "" : " (TARGET MISSED)"}\n${section.lines.map((l) => `- ${l}`).join("\n")}\n`);
  if (!section.ok) missed++;
}
process.exitCode = missed ? 1 : 0;
