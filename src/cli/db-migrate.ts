import { migratePostgres } from "../store/postgres/pg-migrations.ts";
import { type CliContext, writeLine } from "./cli-command.ts";
import { connectionTrouble, connectPostgres, postgresUrl, shownUrl } from "./db-postgres.ts";
import { configFor, withSqliteStore } from "./store-access.ts";

/**
 * `tutor db migrate`: brings PostgreSQL (--database-url, else TUTOR_DATABASE_URL) to this program's
 * schema. Without a URL the store is SQLite, which migrates itself whenever it is opened: it is
 * opened, and its version said.
 */
export async function runMigrate(options: { url: string | undefined; db: string | undefined }, ctx: CliContext): Promise<number> {
  const config = configFor(ctx.env, options.db);
  // A --db file on the command line is SQLite, whatever the environment says (as for every command).
  const url = options.url ?? (options.db ? undefined : config.TUTOR_DATABASE_URL);
  if (!url) {
    const version = await withSqliteStore(ctx.env, options.db, (store) => Number(store.db.pragma("user_version", { simple: true })));
    writeLine(ctx.stdout, `SQLite migrates itself when opened: ${config.TUTOR_DB} is at schema version ${version}. (For PostgreSQL, set TUTOR_DATABASE_URL or pass --database-url.)`);
    return 0;
  }
  const target = postgresUrl(url, options.url ? "--database-url" : "TUTOR_DATABASE_URL");
  const client = connectPostgres(target);
  try {
    const before = await schemaVersion(client);
    const after = await migratePostgres(client);
    writeLine(ctx.stdout, before === after
      ? `PostgreSQL at ${shownUrl(target)} is already at schema version ${after}.`
      : `Migrated PostgreSQL at ${shownUrl(target)} from schema version ${before} to ${after}.`);
    return 0;
  } catch (error) {
    const trouble = connectionTrouble(error, target);
    if (!trouble) throw error;
    writeLine(ctx.stderr, `tutor db: ${trouble}`);
    return 1;
  } finally {
    await client.close();
  }
}

/** The version recorded by the migrations so far (0 for a new database). */
async function schemaVersion(client: ReturnType<typeof connectPostgres>): Promise<number> {
  const [table] = await client.query<{ found: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS found");
  if (!table?.found) return 0;
  const [row] = await client.query<{ version: number | null }>("SELECT max(version) AS version FROM schema_migrations");
  return Number(row?.version ?? 0);
}
