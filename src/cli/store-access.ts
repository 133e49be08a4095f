import { type Config, loadConfig } from "../config.ts";
import { openPostgresStore, type PostgresStore } from "../store/postgres/postgres-store.ts";
import { createSqliteStore, type SqliteStore } from "../store/sqlite-store.ts";

/** The `--db` override on top of the environment, as every `tutor` command takes it. */
export function configFor(env: Record<string, string | undefined>, db: string | undefined) {
  return loadConfig({ ...env, ...(db ? { TUTOR_DB: db } : {}) });
}

/**
 * The PostgreSQL store of TUTOR_DATABASE_URL, opened for `createApp`'s `store` option; undefined
 * when the configuration names SQLite (the app opens TUTOR_DB itself). A `--db` file given on the
 * command line is SQLite and wins over the URL.
 */
export async function postgresStoreFor(config: Config, db?: string): Promise<PostgresStore | undefined> {
  return config.TUTOR_DATABASE_URL && !db ? openPostgresStore(config.TUTOR_DATABASE_URL) : undefined;
}

/**
 * Opens the store the configuration names (see `postgresStoreFor`): `--db`, else
 * TUTOR_DATABASE_URL, else TUTOR_DB. Runs `work`, and always closes it.
 */
export async function withStore<T>(env: Record<string, string | undefined>, db: string | undefined, work: (store: SqliteStore | PostgresStore) => T | Promise<T>): Promise<T> {
  const config = configFor(env, db);
  const store = (await postgresStoreFor(config, db)) ?? createSqliteStore(config.TUTOR_DB);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Like `withStore`, for work on the SQLite file itself (a backup): `--db`, else TUTOR_DB, whatever TUTOR_DATABASE_URL says. */
export async function withSqliteStore<T>(env: Record<string, string | undefined>, db: string | undefined, work: (store: SqliteStore) => T | Promise<T>): Promise<T> {
  const store = createSqliteStore(configFor(env, db).TUTOR_DB);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
