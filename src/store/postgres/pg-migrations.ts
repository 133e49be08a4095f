import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../repo-root.ts";
import type { SqlClient } from "./sql-client.ts";

/** PostgreSQL's migrations: numbered and named as SQLite's in the folder above (a test keeps them in step). */
export const POSTGRES_MIGRATIONS_DIR = path.join(REPO_ROOT, "src", "store", "migrations", "postgres");

/** A numbered migration file: `001_practice.sql` is version 1. */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

export function readPostgresMigrations(dir = POSTGRES_MIGRATIONS_DIR): PostgresMigration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(path.join(dir, f), "utf8") }));
}

/**
 * The advisory lock migrations hold ("tutor" in ASCII): two processes starting on a new database
 * at once (two bots, a TA's `tutor`) take turns, and the second finds the work done.
 */
const MIGRATION_LOCK = 0x7475746f72;

/**
 * Forward-only: applies every migration newer than the database's version in one transaction,
 * under a transaction-scoped advisory lock, recording each in `schema_migrations` (in the schema
 * the connection's search_path names first). Returns the version the database is at.
 */
export async function migratePostgres(client: SqlClient, migrations: PostgresMigration[] = readPostgresMigrations()): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  return client.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1::bigint)", [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const [row] = await tx.query<{ version: number | null }>("SELECT max(version) AS version FROM schema_migrations");
    const current = row?.version ?? 0;
    if (current > latest) {
      throw new Error(`The database is at schema version ${current}, newer than this program knows (${latest}). Upgrade the program.`);
    }
    for (const migration of migrations.filter((m) => m.version > current)) {
      await tx.query(migration.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
    }
    return latest;
  });
}
