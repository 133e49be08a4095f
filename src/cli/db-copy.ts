import { existsSync } from "node:fs";
import type { Db } from "../store/database.ts";
import { migratePostgres } from "../store/postgres/pg-migrations.ts";
import type { SqlClient } from "../store/postgres/sql-client.ts";
import { createSqliteStore, type SqliteStore } from "../store/sqlite-store.ts";
import { type CliContext, UsageError, writeLine } from "./cli-command.ts";
import { copyOrder, insertRows, type TargetColumn, targetTables } from "./db-copy-tables.ts";
import { connectionTrouble, connectPostgres, postgresUrl, shownUrl } from "./db-postgres.ts";
import { configFor } from "./store-access.ts";

/** How many rows each table had in the source and holds in the target after a copy (the same, or the copy failed). */
export interface CopiedTable {
  table: string;
  rows: number;
}

/** The target already holds a course: copying over it would mix two courses' ids. */
export class TargetNotEmptyError extends Error {
  override readonly name = "TargetNotEmptyError";
  constructor(readonly tables: CopiedTable[]) {
    super(`the target database already holds data (${tables.map((t) => `${t.table}: ${t.rows}`).join(", ")}).`);
  }
}

/** A source table the target has no room for (an older program on the target's side): nothing is copied. */
export class SchemaMismatchError extends Error {
  override readonly name = "SchemaMismatchError";
}

export interface CopyOptions {
  /** Replace what the target holds instead of refusing. */
  force?: boolean;
}

/**
 * Copies every table of a SQLite course into PostgreSQL, ids kept and sequences advanced past
 * them, in one transaction on the target: all of it, or nothing. The target is migrated first;
 * the source is read in one read transaction, so a bot writing meanwhile leaves it consistent.
 * Refuses a target that holds data unless `force`. Checks each table's row count before committing.
 * A store passed as `from` must be one nothing else uses meanwhile (its connection is read directly).
 * @example await copyDatabase("data/tutor.db", pgPoolClient(pool)) // [{ table: "courses", rows: 1 }, ...]
 */
export async function copyDatabase(from: SqliteStore | string, to: SqlClient, options: CopyOptions = {}): Promise<CopiedTable[]> {
  const source = typeof from === "string" ? createSqliteStore(from) : from;
  try {
    await migratePostgres(to);
    return await readConsistently(source.db, () => to.transaction((tx) => copyTables(source.db, tx, options)));
  } finally {
    if (typeof from === "string") await source.close();
  }
}

/** Runs `work` inside one read transaction of the SQLite connection: every table read from the same snapshot. */
async function readConsistently<T>(db: Db, work: () => Promise<T>): Promise<T> {
  db.exec("BEGIN");
  try {
    return await work();
  } finally {
    db.exec("COMMIT");
  }
}

async function copyTables(db: Db, tx: SqlClient, options: CopyOptions): Promise<CopiedTable[]> {
  const source = sourceTables(db);
  const target = await targetTables(tx);
  const missing = source.filter((t) => !target.has(t.table));
  if (missing.length) throw new SchemaMismatchError(`the target has no table ${missing.map((t) => t.table).join(", ")}: upgrade the program that made it.`);
  const order = await copyOrder(tx, source.map((t) => t.table));
  const held = await counts(tx, [...target.keys()]);
  if (held.some((t) => t.rows > 0)) {
    if (!options.force) throw new TargetNotEmptyError(held.filter((t) => t.rows > 0));
    await tx.query(`TRUNCATE ${[...target.keys()].map(quote).join(", ")} RESTART IDENTITY CASCADE`);
  }
  for (const table of order) {
    const columns = targetColumns(db, table, target.get(table)!);
    // Triggers on a table copied before may have derived rows here (the mock exam's results):
    // the source's rows are the ones kept.
    await tx.query(`DELETE FROM ${quote(table)}`);
    await insertRows(tx, table, columns, db.prepare(`SELECT ${columns.map((c) => quote(c.name)).join(", ")} FROM ${quote(table)}`).raw().iterate() as Iterable<unknown[]>);
    for (const c of columns.filter((c) => c.sequenced)) {
      await tx.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(c.name)}) FROM ${quote(table)}), 0) + 1, false)`, [quote(table), c.name]);
    }
  }
  const copied = await counts(tx, order);
  const expected = source.filter((t) => order.includes(t.table));
  const wrong = expected.filter((t) => copied.find((c) => c.table === t.table)?.rows !== t.rows);
  if (wrong.length) throw new Error(`Copy check failed: ${wrong.map((t) => `${t.table} has ${t.rows} rows in SQLite but ${copied.find((c) => c.table === t.table)?.rows} in PostgreSQL`).join("; ")}.`);
  return expected;
}

/** The source's tables, in creation order, with their row counts. */
function sourceTables(db: Db): CopiedTable[] {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid").pluck().all() as string[];
  return names.map((table) => ({ table, rows: Number(db.prepare(`SELECT count(*) FROM ${quote(table)}`).pluck().get()) }));
}

/** Each source column with the target's type for it; a column the target lacks stops the copy. */
function targetColumns(db: Db, table: string, target: Map<string, TargetColumn>): TargetColumn[] {
  const names = (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name);
  const missing = names.filter((n) => !target.has(n));
  if (missing.length) throw new SchemaMismatchError(`the target's ${table} has no column ${missing.join(", ")}: upgrade the program that made it.`);
  return names.map((n) => target.get(n)!);
}

async function counts(tx: SqlClient, tables: string[]): Promise<CopiedTable[]> {
  const out: CopiedTable[] = [];
  for (const table of tables) {
    const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table)}`);
    out.push({ table, rows: row?.n ?? 0 });
  }
  return out;
}

/** A table or column name as an SQL identifier (both engines quote with double quotes). */
export const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * `tutor db copy --from sqlite:PATH --to postgres://…`: the copy, its row counts per table, and
 * one line for what stops it (a target holding data, an older target, a server that does not answer).
 */
export async function runCopy(options: { from: string | undefined; db: string | undefined; to: string | undefined; force: boolean }, ctx: CliContext): Promise<number> {
  if (options.from !== undefined && !options.from.startsWith("sqlite:")) throw new UsageError(`--from must be sqlite:PATH (the SQLite file of the course), not "${options.from}".`);
  const config = configFor(ctx.env, options.db);
  const file = options.from?.slice("sqlite:".length) ?? config.TUTOR_DB;
  const to = options.to ?? config.TUTOR_DATABASE_URL;
  if (!to) throw new UsageError("say where to copy: --to postgres://USER@HOST:PORT/DATABASE (or set TUTOR_DATABASE_URL).");
  const url = postgresUrl(to, options.to ? "--to" : "TUTOR_DATABASE_URL");
  // Opening a missing file would create an empty course and copy nothing.
  if (!file || !existsSync(file)) {
    writeLine(ctx.stderr, `tutor db: ${file || "(no path)"} does not exist: name the SQLite file of the course.`);
    return 1;
  }
  const client = connectPostgres(url);
  try {
    const copied = await copyDatabase(file, client, { force: options.force });
    const width = Math.max(...copied.map((t) => t.table.length));
    writeLine(ctx.stdout, [
      `Copied ${file} to ${shownUrl(url)}; every table checked:`,
      ...copied.map((t) => `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(8)} rows`),
      `  ${"total".padEnd(width)}  ${String(copied.reduce((n, t) => n + t.rows, 0)).padStart(8)} rows`,
    ].join("\n"));
    return 0;
  } catch (error) {
    const trouble = error instanceof TargetNotEmptyError
      ? `${error.message} Nothing was copied. Copy into an empty database, or pass --force to replace what it holds.`
      : error instanceof SchemaMismatchError ? `${error.message} Nothing was copied.` : connectionTrouble(error, url);
    if (!trouble) throw error;
    writeLine(ctx.stderr, `tutor db: ${trouble}`);
    return 1;
  } finally {
    await client.close();
  }
}
