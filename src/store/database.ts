import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../repo-root.ts";

const MIGRATIONS_DIR = path.join(REPO_ROOT, "src", "store", "migrations");

export type Db = Database.Database;

/**
 * How long a statement waits for another process's write lock before failing with "database is
 * locked". Writers hold it for milliseconds (a group commit, an import of a few hundred rows), but
 * several bots, a TA's `tutor` and a checkpoint may queue behind one another on a loaded machine:
 * a student would rather wait a few seconds than lose an answer.
 */
export const BUSY_TIMEOUT_MS = 10_000;

/** The database file cannot be used (a folder, read-only, not SQLite...): the message says which and why. */
export class DatabaseOpenError extends Error {
  override readonly name = "DatabaseOpenError";
  readonly code = "DATABASE_OPEN";

  constructor(readonly file: string, reason: string, options?: { cause: unknown }) {
    super(`${file} ${reason}`, options);
  }
}

/** What went wrong opening `file`, in words a TA can act on; null for an error this does not know. */
function openTrouble(file: string, error: unknown): DatabaseOpenError | null {
  if (!(error instanceof Error)) return null;
  const code = String((error as { code?: unknown }).code ?? "");
  const because = (reason: string) => new DatabaseOpenError(file, reason, { cause: error });
  if (isFolder(file)) return because("is a folder, not a database file: name a file in it (e.g. tutor.db).");
  if (code.startsWith("SQLITE_READONLY") || /readonly/i.test(error.message)) return because("is read-only: the bot stores every answer there, so it needs write permission on the file and its folder.");
  if (code === "SQLITE_NOTADB") return because("is not a SQLite database (or is encrypted or damaged).");
  if (code.startsWith("SQLITE_CANTOPEN")) return because("cannot be opened: check that its folder exists and may be written.");
  if (code === "SQLITE_FULL" || code === "ENOSPC") return because("cannot be written: the disk is full.");
  if (/^(ENOTDIR|EEXIST|EACCES|EPERM|EROFS)$/.test(code)) return because(`cannot be created: ${error.message}.`);
  return null;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false; // a path through a file (ENOTDIR): not a folder, and the open error says the rest
  }
}

/** A numbered migration file: `001_practice.sql` is version 1. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(path.join(dir, f), "utf8") }));
}

/**
 * Opens (creating if needed) the SQLite file, in WAL mode with full sync so an answer acknowledged
 * to a student survives a crash, and applies every migration newer than the file's version.
 */
export function openDatabase(file: string, migrations: Migration[] = readMigrations()): Db {
  let db: Db | undefined;
  try {
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // The timeout is set as the file opens: switching a new file to WAL takes a lock another
    // process opening it at the same moment may hold.
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    configure(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    throw (file !== ":memory:" && openTrouble(file, error)) || error;
  }
}

function configure(db: Db, migrations: Migration[]): void {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  // An answer touches a few pages (the row, its indexes, the review schedule): checkpoint the WAL
  // less often than the default 1,000 pages so each answer's commit stays one append and one fsync.
  db.pragma("wal_autocheckpoint = 4000");
  db.pragma("foreign_keys = ON");
  migrate(db, migrations);
}

/**
 * Forward-only: applies each pending migration in its own transaction and records the version.
 * Several processes may open a new file at once (two bots, a TA's `tutor`): each migration runs in
 * an IMMEDIATE transaction, which waits for the write lock, and reads `user_version` again inside
 * it, so a process that waited finds the work done instead of creating the tables a second time.
 */
export function migrate(db: Db, migrations: Migration[]): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const version = () => db.pragma("user_version", { simple: true }) as number;
  const tooNew = (current: number) =>
    new Error(`The database is at schema version ${current}, newer than this program knows (${latest}). Upgrade the program.`);
  // The common case, a file already up to date, takes no write lock.
  if (version() > latest) throw tooNew(version());
  const step = db.transaction((): boolean => {
    const current = version();
    if (current > latest) throw tooNew(current);
    const next = migrations.find((m) => m.version > current);
    if (!next) return false;
    db.exec(next.sql);
    db.pragma(`user_version = ${next.version}`);
    return true;
  });
  while (step.immediate());
  return latest;
}

/**
 * Runs `work`, which may await, in one transaction that takes the write lock at once (BEGIN
 * IMMEDIATE: a write never fails to upgrade a read lock another process holds); rolls back on error.
 * The caller keeps other statements off the connection meanwhile (the store's connection gate).
 */
export async function immediately<T>(db: Db, work: () => Promise<T>): Promise<T> {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = await work();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}
