import { createPostgresStore } from "../../src/store/postgres/postgres-store.ts";
import type { SqlClient } from "../../src/store/postgres/sql-client.ts";
import { pgliteClient, type ServerSchema, serverSchema } from "../fakes/pglite-client.ts";
import type { Engine } from "./stores.ts";

/** Empties every table of the client's schema but the migrations' record, ids starting over. */
export async function emptyTables(client: SqlClient): Promise<void> {
  const tables = await client.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'");
  if (tables.length) await client.query(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/** The client without its `close`: the stores of one file share it, and the file closes it at the end. */
const shared = (client: SqlClient): SqlClient => ({ query: client.query, transaction: client.transaction, close: async () => {} });

/** PGlite, one per test file; each test's database is the same one emptied. Two stores share its one connection. */
function pglite(): Engine {
  let client: SqlClient | null = null;
  const ready = () => {
    if (!client) throw new Error("PGlite is not started");
    return client;
  };
  return {
    name: "PGlite",
    async setUp() {
      client = await pgliteClient();
      await createPostgresStore(shared(client));
    },
    async empty() {
      await emptyTables(ready());
      return () => createPostgresStore(shared(ready()));
    },
    async tearDown() {
      await client?.close();
      client = null;
    },
  };
}

/** The PostgreSQL server of `url`, in a schema of the test file's own (dropped after); each store is a pool of its own. */
function server(url: string): Engine {
  let schema: ServerSchema | null = null;
  let admin: SqlClient | null = null;
  return {
    name: "PostgreSQL server",
    async setUp() {
      schema = await serverSchema(url);
      admin = schema.client();
      await createPostgresStore(shared(admin));
    },
    async empty() {
      await emptyTables(admin!);
      return () => createPostgresStore(schema!.client());
    },
    async tearDown() {
      await schema?.drop();
      schema = null;
      admin = null;
    },
  };
}

/** PGlite always (npm test on a machine with no server); the server of `url` too when one is named. */
export function postgresEngines(url: string | undefined): Engine[] {
  return [pglite(), ...(url ? [server(url)] : [])];
}
