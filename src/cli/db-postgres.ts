import pg from "pg";
import { pgPoolClient, type SqlClient } from "../store/postgres/sql-client.ts";
import { UsageError } from "./cli-command.ts";
import { shownUrl } from "../store/postgres/postgres-store.ts";

export { shownUrl };

/** A PostgreSQL URL as `tutor db` takes it (`postgres://…` or `postgresql://…`); anything else is a usage error naming `what`. */
export function postgresUrl(url: string, what: string): string {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`${what} must be a PostgreSQL URL (postgres://user@host:5432/database), not "${url}".`);
  return url;
}


/** A small pool on the server of `url`: `tutor db` runs one statement at a time. */
export function connectPostgres(url: string): SqlClient {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops is the pool's to replace; unheard, its error would end the process.
  pool.on("error", () => {});
  return pgPoolClient(pool);
}

/** Why the server cannot be used, in one line, when the error says so (refused, unknown host, wrong password, no database); null otherwise. */
export function connectionTrouble(error: unknown, url: string): string | null {
  if (!(error instanceof Error)) return null;
  const code = String((error as { code?: unknown }).code ?? "");
  const where = shownUrl(url);
  if (code === "ECONNREFUSED") return `nothing answers at ${where}: is PostgreSQL running there?`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `the host of ${where} is unknown.`;
  if (code === "ETIMEDOUT" || code === "EHOSTUNREACH" || /timeout/i.test(error.message)) return `${where} did not answer in time: check the host and the network.`;
  if (code === "28P01" || code === "28000") return `PostgreSQL at ${where} refused the login: ${error.message}.`;
  if (code === "3D000") return `${error.message} at ${where}: create it first (createdb).`;
  return null;
}
