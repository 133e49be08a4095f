import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export type Db = Database.Database;

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
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  // An answer touches a few pages (the row, its indexes, the review schedule): checkpoint the WAL
  // less often than the default 1,000 pages so each answer's commit stays one append and one fsync.
  db.pragma("wal_autocheckpoint = 4000");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db, migrations);
  return db;
}

/** Forward-only: applies each pending migration in its own transaction and records the version. */
export function migrate(db: Db, migrations: Migration[]): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(`The database is at schema version ${current}, newer than this program knows (${latest}). Upgrade the program.`);
  }
  for (const m of migrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}
