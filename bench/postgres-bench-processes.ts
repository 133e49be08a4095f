// The processes of the PostgreSQL benchmark (bench/postgres-bench.ts): bot processes running
// bench/answer-worker.ts, and pgbench on the same server.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORKER = path.join(ROOT, "bench", "answer-worker.ts");

/** What one bot process measured: its answers, its start and end (epoch ms), each answer's latency (ms). */
export interface WorkerRun {
  answers: number;
  start: number;
  end: number;
  latencies: number[];
}

/** A started bot process: `ready` once it has warmed up, `go` starts its measured run, `stop` ends it early. */
export interface AnswerWorker {
  ready: Promise<void>;
  go(): void;
  result: Promise<WorkerRun>;
  stop(): void;
}

const lastLines = (text: string) => text.trim().split("\n").slice(-5).join(" / ");

/** Starts `node --import tsx bench/answer-worker.ts ARGS` (one process, so `stop` ends all of it). */
export function startAnswerWorker(args: string[]): AnswerWorker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, ...args], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let onReady = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on("data", (d: Buffer) => {
    stdout.push(d);
    if (Buffer.concat(stdout).toString("utf8").split("\n").includes("ready")) onReady();
  });
  child.stderr.on("data", (d: Buffer) => stderr.push(d));
  const result = new Promise<WorkerRun>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      const out = Buffer.concat(stdout).toString("utf8");
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (code !== 0 || !line) reject(new Error(`bench/answer-worker.ts ${args.slice(1).join(" ")} ended with code ${code}: ${lastLines(Buffer.concat(stderr).toString("utf8"))}`));
      else resolve(JSON.parse(line) as WorkerRun);
    });
  });
  // A worker that ends before it is ready fails `ready` too, so a caller waiting on it is not left hanging.
  const readyOrFailed = Promise.race([ready, result.then(() => {
    throw new Error("bench/answer-worker.ts ended before it was ready");
  })]);
  result.catch(() => {});
  readyOrFailed.catch(() => {});
  return {
    ready: readyOrFailed,
    go: () => child.stdin.end("go\n"),
    result,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

/** Runs pgbench with ARGS on `url`, its tables in `schema` (through PGOPTIONS); resolves to what it printed. */
export function runPgbench(url: string, schema: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("pgbench", [...args, url], { env: { ...process.env, PGOPTIONS: `-c search_path=${schema}` }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.once("error", (error) => reject(new Error(`pgbench could not be started (is it installed, e.g. postgresql-client?): ${error.message}`)));
    child.once("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`pgbench ${args.join(" ")} ended with code ${code}: ${lastLines(output)}`))));
  });
}
