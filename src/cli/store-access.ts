import { loadConfig } from "../config.ts";
import { createSqliteStore, type SqliteStore } from "../store/sqlite-store.ts";

/** The `--db` override on top of the environment, as every `tutor` command takes it. */
export function configFor(env: Record<string, string | undefined>, db: string | undefined) {
  return loadConfig({ ...env, ...(db ? { TUTOR_DB: db } : {}) });
}

/** Opens the store of `--db` (else TUTOR_DB), runs `work`, and always closes the file. */
export async function withStore<T>(env: Record<string, string | undefined>, db: string | undefined, work: (store: SqliteStore) => T | Promise<T>): Promise<T> {
  const store = createSqliteStore(configFor(env, db).TUTOR_DB);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
