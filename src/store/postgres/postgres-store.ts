import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import type { Repositories, Store } from "../../core/ports.ts";
import { DatabaseOpenError } from "../database.ts";
import { PgAttemptStore } from "./pg-attempt-store.ts";
import { PgDeliveryStore } from "./pg-delivery-store.ts";
import { PgCourseStore, PgEnrollmentStore } from "./pg-enrollment-store.ts";
import { PgExamSessionStore } from "./pg-exam-session-store.ts";
import { migratePostgres } from "./pg-migrations.ts";
import { PgInstallationStore } from "./pg-installation-store.ts";
import { PgInteractionStore, PgScheduleStore, PgServedStore } from "./pg-schedule-store.ts";
import { createPgTaStore } from "./pg-ta-store.ts";
import { pgPoolClient, type SqlClient } from "./sql-client.ts";

/** The PostgreSQL implementation of the core's Store: several processes may share one database. */
export interface PostgresStore extends Store {
  kind: "postgres";
  /** Ends the store's connections (the pool, or the client it was given). */
  close(): Promise<void>;
}

/** Every repository over one client: the store's own (any pooled connection) or a transaction's. */
function pgRepositories(sql: SqlClient, inTransaction: boolean): Repositories {
  return {
    courses: new PgCourseStore(sql),
    enrollments: new PgEnrollmentStore(sql),
    attempts: new PgAttemptStore(sql),
    schedules: new PgScheduleStore(sql),
    examSessions: new PgExamSessionStore(sql, inTransaction),
    interactions: new PgInteractionStore(sql),
    served: new PgServedStore(sql),
    deliveries: new PgDeliveryStore(sql),
    ta: createPgTaStore(sql),
    installations: new PgInstallationStore(sql),
  };
}

/**
 * The store over a client, once its migrations have run. Transactions are the server's (READ
 * COMMITTED): each repository's claims are single statements, and what must stand or fall together
 * runs in `transaction`. `commit` is a plain transaction: a server needs no group commit.
 *
 * As in the SQLite store, work inside a transaction must use the repositories it is handed: the
 * store's own would take another connection and could wait on the transaction's own row locks.
 */
export async function createPostgresStore(client: SqlClient): Promise<PostgresStore> {
  await migratePostgres(client);
  const running = new AsyncLocalStorage<{ open: boolean }>();
  const inside = () => running.getStore()?.open === true;
  const outside: SqlClient = {
    query: (text, params) =>
      inside() ? Promise.reject(new Error("Inside a transaction, use the repositories it hands its work, not the store's own.")) : client.query(text, params),
    transaction: (work) =>
      inside() ? Promise.reject(new Error("Inside a transaction, use the repositories it hands its work, not the store's own.")) : client.transaction(work),
    close: () => client.close(),
  };
  const transaction = async <T>(work: (tx: Repositories) => Promise<T>): Promise<T> => {
    if (inside()) throw new Error("A transaction cannot start inside another: use the repositories the transaction hands its work.");
    // Closed when it ends: work it started that outlives it (a flush set off) may use the store again.
    const token = { open: true };
    try {
      return await running.run(token, () => client.transaction((tx) => work(pgRepositories(tx, true))));
    } finally {
      token.open = false;
    }
  };
  return { kind: "postgres", ...pgRepositories(outside, false), transaction, commit: transaction, close: () => client.close() };
}

/** Error codes of a server that cannot be used as given (not a bug): see `openPostgresStore`. */
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: "refuses connections: is PostgreSQL running there?",
  ENOTFOUND: "names a host that cannot be found.",
  ETIMEDOUT: "did not answer in time.",
  EHOSTUNREACH: "cannot be reached from this machine.",
  "28P01": "refused the password.",
  "28000": "refused this user (check pg_hba.conf and the user name).",
  "3D000": "names a database that does not exist: create it first (createdb).",
  "42501": "lets this user read but not create the tutor's tables: grant CREATE on the schema, or run `tutor db migrate` as its owner.",
};

/** The URL as it may be printed: without its password. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ":***@");
  }
}

/**
 * Opens the PostgreSQL database of `url` (a pool of connections) and brings its schema up to date.
 * A server that cannot be reached or used is a DatabaseOpenError naming the URL (password hidden).
 */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A connection dropped while idle is discarded by the pool and the next query opens another;
  // without a listener, the pool's error event would end the process.
  pool.on("error", () => {});
  const client = pgPoolClient(pool);
  try {
    return await createPostgresStore(client);
  } catch (error) {
    await client.close().catch(() => {});
    const code = String((error as { code?: unknown }).code ?? "");
    const reason = UNREACHABLE[code] ?? (/timeout/i.test(error instanceof Error ? error.message : "") ? UNREACHABLE.ETIMEDOUT : undefined);
    throw reason ? new DatabaseOpenError(shownUrl(url), reason, { cause: error }) : error;
  }
}
