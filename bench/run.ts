import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runAnswerBench } from "./answer-bench.ts";
import { type BenchRow, type BenchSection, markdownTable } from "./bench-section.ts";
import { runCheckBench } from "./check-bench.ts";
import { runDiscordBench } from "./discord-bench.ts";
import { runExamNightBench } from "./exam-night-bench.ts";
import { runPostgresBench } from "./postgres-bench.ts";
import { runRenderBench } from "./render-bench.ts";
import { runSlackBench } from "./slack-bench.ts";
import { runStartBench } from "./start-bench.ts";
import { runStatsBench } from "./stats-bench.ts";
import { runWorstInputBench } from "./worst-input-bench.ts";

/**
 * `npm run bench`: every benchmark in one run (`npm run bench -- discord slack` runs those). Prints
 * ONE Markdown table of every figure beside its reference measured in the same run, then each
 * section's notes, and writes bench/results.json. Targets are reported (met or missed), not
 * enforced, since absolute times move with the machine: the exit code is 1 only when a benchmark
 * fails to run (throws, or finds the replies it times wrong). A run of some sections replaces
 * their rows in bench/results.json and keeps the others', each row saying its section and date.
 */
const benches: Array<[string, () => Promise<BenchSection>]> = [
  ["checks", runCheckBench],
  ["answers", runAnswerBench],
  ["stats", runStatsBench],
  ["render", runRenderBench],
  ["worst", runWorstInputBench],
  ["discord", runDiscordBench],
  ["slack", runSlackBench],
  ["start", runStartBench],
  ["examnight", runExamNightBench],
  ["postgres", runPostgresBench],
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !benches.some(([n]) => n === name));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(", ")}; choose from ${benches.map(([n]) => n).join(", ")}`);
  process.exit(1);
}

const startedAt = new Date();
const loadBefore = loadavg();
const rows: Array<BenchRow & { section: string }> = [];
const notes: string[] = [];
const failed: string[] = [];
for (const [name, bench] of benches) {
  if (only.length && !only.includes(name)) continue;
  const began = performance.now();
  process.stderr.write(`bench: ${name}...\n`);
  try {
    const section = await bench();
    rows.push(...section.rows.map((row) => ({ ...row, section: name })));
    const failures = (section.failures ?? []).map((f) => `${name}: ${f}`);
    failed.push(...failures);
    notes.push(`### ${section.title}\n\n${[...failures.map((f) => `- FAILED: ${f}`), ...section.lines.map((l) => `- ${l}`)].join("\n")}\n`);
  } catch (error) {
    const message = `${name}: ${error instanceof Error ? error.message : String(error)}`;
    failed.push(message);
    notes.push(`### ${name}\n\n- FAILED TO RUN: ${message}\n`);
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.stderr.write(`bench: ${name} took ${((performance.now() - began) / 1000).toFixed(0)} s\n`);
}

const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverage: { atStart: loadBefore.map((l) => Number(l.toFixed(2))), atEnd: loadavg().map((l) => Number(l.toFixed(2))) },
};
const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(", ");
const missed = rows.filter((r) => r.met === false).length;
const withTarget = rows.filter((r) => r.met !== undefined).length;

console.log(`## Latest run\n`);
console.log(`${startedAt.toISOString()}; ${machine.cores} cores (${machine.cpu}), Node ${machine.node}; load average (1, 5, 15 min) ${fmtLoad(machine.loadAverage.atStart)} at the start, ${fmtLoad(machine.loadAverage.atEnd)} at the end. Ratio = value / reference; targets met: ${withTarget - missed} of ${withTarget}.\n`);
console.log(markdownTable(rows));
console.log(`\n${notes.join("\n")}`);
if (failed.length) console.log(`**${failed.length} benchmark(s) failed to run:**\n${failed.map((f) => `- ${f}`).join("\n")}`);

/** One row of bench/results.json. */
interface ResultRow {
  section: string;
  date: string;
  name: string;
  [field: string]: unknown;
}

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "results.json");
const measured: ResultRow[] = rows.map((r) => ({
  section: r.section, date: startedAt.toISOString(), name: r.name, value: r.value, unit: r.unit,
  reference: r.reference ?? null, ratio: r.ratio ?? null, target: r.target ?? null, met: r.met ?? null,
}));
// The sections not run this time keep their last figures (a section that failed to run keeps none).
const ran = new Set(benches.map(([name]) => name).filter((name) => !only.length || only.includes(name)));
const earlier = only.length && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { results?: ResultRow[] }).results ?? [] : [];
const kept = earlier.filter((r) => typeof r.section === "string" && !ran.has(r.section));
const order = benches.map(([name]) => name);
const results = {
  date: startedAt.toISOString(),
  machine,
  only: only.length ? only : undefined,
  failed,
  results: [...kept, ...measured].sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section)),
};
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
process.stderr.write(`bench: wrote ${path.relative(process.cwd(), file)}\n`);
process.exitCode = failed.length ? 1 : 0;
