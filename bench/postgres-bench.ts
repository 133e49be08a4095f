// The answer path on PostgreSQL: answers per second and p99 with one bot process and with two on
// one fresh schema, beside the same path on SQLite and pgbench's simple-update rate on the same
// server, all measured in the same run. Skipped (a note, not a failure) when no server answers at
// TUTOR_BENCH_DATABASE_URL (default: the local test server).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { type BenchSection, figure, printSection, row } from "./bench-section.ts";
import { type WorkerRun, runPgbench, startAnswerWorker } from "./postgres-bench-processes.ts";
import { ms, quantile } from "./timing.ts";
import { shownUrl } from "../src/store/postgres/postgres-store.ts";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/test";
/** Students answering at once in each bot process. */
const CLASS = 16;
/** Seconds each measured run lasts. */
const SECONDS = 5;
/** Rounds of the three runs (SQLite, one process, two processes), interleaved; rates are medians. */
const ROUNDS = 3;
const PGBENCH_SECONDS = 10;


/** Why no server answers at `url`, or null when one does. */
async function unreachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `url` with its connections' search_path set to `schema`. */
function inSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("options", `-c search_path=${schema}`);
  return parsed.toString();
}

/** Runs `processes` bot processes on `store` at once; the rate is all answers over the span from the first start to the last end. */
async function measure(store: string, processes: number, tag: string): Promise<{ rate: number; latencies: number[] }> {
  const workers = Array.from({ length: processes }, (_, p) => startAnswerWorker([store, `${tag}p${p}`, String(CLASS), String(SECONDS)]));
  try {
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const runs: WorkerRun[] = await Promise.all(workers.map((w) => w.result));
    const span = Math.max(...runs.map((r) => r.end)) - Math.min(...runs.map((r) => r.start));
    const answers = runs.reduce((n, r) => n + r.answers, 0);
    return { rate: answers / (span / 1000), latencies: runs.flatMap((r) => r.latencies) };
  } finally {
    for (const w of workers) w.stop();
  }
}

export async function runPostgresBench(): Promise<BenchSection> {
  const title = "Answer path on PostgreSQL";
  const url = process.env.TUTOR_BENCH_DATABASE_URL || DEFAULT_URL;
  const why = await unreachable(url);
  if (why) {
    const note = `skipped: no PostgreSQL answers at ${shownUrl(url)} (${why}); set TUTOR_BENCH_DATABASE_URL to a server to run it`;
    process.stderr.write(`bench: postgres ${note}\n`);
    return { title: `${title} (skipped)`, rows: [], lines: [note] };
  }

  const suffix = Math.random().toString(36).slice(2, 10);
  const tutorSchema = `tutor_bench_${suffix}`;
  const pgbenchSchema = `pgbench_bench_${suffix}`;
  const admin = new pg.Client({ connectionString: url });
  admin.on("error", () => {});
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${tutorSchema}`);
    await admin.query(`CREATE SCHEMA ${pgbenchSchema}`);
    const postgres = inSchema(url, tutorSchema);
    const sqlite = `sqlite:${path.join(mkdtempSync(path.join(tmpdir(), "tutor-pg-bench-")), "tutor.db")}`;

    await runPgbench(url, pgbenchSchema, ["-i", "-q"]);
    const runs = { sqlite: [] as number[], one: [] as number[], two: [] as number[] };
    const latencies = { sqlite: [] as number[], one: [] as number[], two: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, store, processes] of [["sqlite", sqlite, 1], ["one", postgres, 1], ["two", postgres, 2]] as const) {
        const run = await measure(store, processes, `r${round}${name}`);
        runs[name].push(run.rate);
        latencies[name].push(...run.latencies);
      }
    }
    const pgbench = await runPgbench(url, pgbenchSchema, ["-N", "-c", "4", "-T", String(PGBENCH_SECONDS)]);
    const tps = Number(/tps = ([\d.]+)/.exec(pgbench)?.[1]);
    if (!Number.isFinite(tps)) throw new Error(`pgbench printed no "tps = …": ${pgbench.slice(-300)}`);

    const median = (xs: number[]) => quantile(xs, 0.5);
    const p99 = (xs: number[]) => quantile(xs, 0.99);
    const reference = { name: `pgbench -N -c 4 -T ${PGBENCH_SECONDS} (simple update), tps`, value: tps };
    const sqliteP99 = { name: "the same path on SQLite, p99", value: p99(latencies.sqlite) };
    const rows = [
      row(`answers on PostgreSQL: 3a true/false, 1 process x ${CLASS} students`, median(runs.one), "/s", reference),
      row(`answers on PostgreSQL: 3a true/false, 2 processes x ${CLASS} students, one schema`, median(runs.two), "/s", reference),
      row(`answers on SQLite (same run): 3a true/false, 1 process x ${CLASS} students`, median(runs.sqlite), "/s", reference),
      row(`answer p99 on PostgreSQL, 1 process x ${CLASS} students`, p99(latencies.one), "ms", sqliteP99),
      row(`answer p99 on PostgreSQL, 2 processes x ${CLASS} students`, p99(latencies.two), "ms", sqliteP99),
    ];
    const lines = [
      `server ${shownUrl(url)}; a fresh schema ${tutorSchema} for the tutor (migrated by the first process) and ${pgbenchSchema} for pgbench (pgbench -i, scale 1, no foreign keys), both dropped at the end`,
      `each bot process is its own tsx process (bench/answer-worker.ts): ${CLASS} students each answer 3a one answer after another through the dispatcher's /answer path (parse, grade, commit, reply) for ${SECONDS} s after a warm-up; two processes start together on the same schema with their own students`,
      `rates are medians of ${ROUNDS} interleaved rounds (SQLite, 1 process, 2 processes): answers over the span from the first process's start to the last one's end; p99 over every answer of the rounds (${latencies.one.length.toLocaleString("en-US")} on 1 process, ${latencies.two.length.toLocaleString("en-US")} on 2, ${latencies.sqlite.length.toLocaleString("en-US")} on SQLite)`,
      `rounds, answers/s: SQLite ${runs.sqlite.map(figure).join(", ")}; PostgreSQL 1 process ${runs.one.map(figure).join(", ")}; 2 processes ${runs.two.map(figure).join(", ")}`,
      `medians: SQLite ${ms(median(latencies.sqlite))}, PostgreSQL 1 process ${ms(median(latencies.one))}, 2 processes ${ms(median(latencies.two))}; SQLite p99 ${ms(p99(latencies.sqlite))}`,
      `pgbench ran after the answer runs on the same server: ${pgbench.split("\n").filter((l) => /^(latency average|tps) =/.test(l)).join("; ")}`,
    ];
    return { title, rows, lines };
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${tutorSchema} CASCADE`).catch(() => {});
    await admin.query(`DROP SCHEMA IF EXISTS ${pgbenchSchema} CASCADE`).catch(() => {});
    await admin.end().catch(() => {});
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printSection(await runPostgresBench());
}
