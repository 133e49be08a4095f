// Console start: `npm start` with no platform tokens opens the console chat. Timed from spawn to
// the reply to /help on stdout and to exit at the end of stdin, beside Node starting and running
// nothing, measured in the same run. The start includes bundling the sources (scripts/start.mjs).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BenchSection, printSection, row } from "./bench-section.ts";
import { quantile } from "./timing.ts";

const ROUNDS = 3;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** What `npm start` runs, from package.json: `node`, then its arguments. */
const START = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;

/** The environment of a fresh checkout: no platform tokens, no TUTOR_* settings but a fresh database. */
function env(): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|SLACK_|TUTOR_)/.test(k)));
  return { ...clean, TUTOR_DB: path.join(mkdtempSync(path.join(tmpdir(), "tutor-start-bench-")), "tutor.db") };
}

/** Spawns `node args`, writes `input` to stdin and closes it; times the first stdout output and the exit. */
function run(args: string[], input: string): Promise<{ firstOutput: number; exit: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let firstOutput = NaN;
    let output = "";
    const child = spawn(process.execPath, args, { cwd: ROOT, env: env(), stdio: ["pipe", "pipe", "pipe"] });
    child.stdout.on("data", (d: Buffer) => {
      if (Number.isNaN(firstOutput)) firstOutput = performance.now() - start;
      output += d.toString();
    });
    let errors = "";
    child.stderr.on("data", (d: Buffer) => (errors += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      const exit = performance.now() - start;
      if (code !== 0) reject(new Error(`node ${args.join(" ")} exited with ${code}: ${errors.trim().split("\n")[0] ?? ""}`));
      else if (input && !output.includes("/quiz")) reject(new Error(`the console did not answer /help: ${output.slice(0, 200)}`));
      else resolve({ firstOutput, exit });
    });
    child.stdin.end(input);
  });
}

export async function runStartBench(): Promise<BenchSection> {
  const [command, ...consoleArgs] = START.split(/\s+/);
  if (command !== "node") throw new Error(`npm start runs ${command}, not node: this bench spawns node with its arguments`);
  const bareArgs = ["-e", "0"];
  await run(bareArgs, "");
  await run(consoleArgs, "/help\n"); // a first start reads the files from disk; the figures are of a warm page cache
  const chat: Array<{ firstOutput: number; exit: number }> = [];
  const bare: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bare.push((await run(bareArgs, "")).exit);
    chat.push(await run(consoleArgs, "/help\n"));
  }
  const reference = { name: "node -e 0 (start and exit), median", value: quantile(bare, 0.5) };
  return {
    title: "Console start",
    rows: [
      row("console start: spawn to the reply to /help, median", quantile(chat.map((c) => c.firstOutput), 0.5), "ms", reference),
      row("console start: spawn to exit after /help and end of input, median", quantile(chat.map((c) => c.exit), 0.5), "ms", reference),
    ],
    lines: [
      `${START} (what npm start runs) on a fresh database, no platform tokens; ${ROUNDS} interleaved runs of each after one warm-up`,
      "the start bundles the sources, then builds the app (bank, database and its migrations, grading pool) before the console reads its first line",
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printSection(await runStartBench());
}
