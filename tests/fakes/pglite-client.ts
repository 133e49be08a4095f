import { randomBytes } from "node:crypto";
import { PGlite, types } from "@electric-sql/pglite";
import pg from "pg";
import { pgPoolClient, type SqlClient } from "../../src/store/postgres/sql-client.ts";

/**
 * PostgreSQL for tests: PGlite (the real server compiled to WebAssembly, in process, one
 * connection; seconds and hundreds of megabytes to start: one per test file) and, when
 * TUTOR_TEST_DATABASE_URL names one, a real server in a schema of its own.
 */

type Target = Pick<PGlite, "query" | "exec">;

/** Parsed as `pgPoolClient` parses the server's rows (see SqlClient): numbers, and bytea as a Buffer. */
const parsers = {
  [types.INT8]: Number,
  [types.NUMERIC]: Number,
  [types.BYTEA]: (text: string) => Buffer.from(text.slice(2), "hex"),
};

async function run<R>(target: Target, text: string, params: readonly unknown[] | undefined): Promise<R[]> {
  // Without parameters, the simple protocol: the text may hold several statements (a migration).
  if (!params?.length) return ((await target.exec(text, { parsers })).at(-1)?.rows ?? []) as R[];
  return (await target.query<R>(text, [...params], { parsers })).rows;
}

/**
 * A SqlClient over a new in-memory PGlite. PGlite is one connection: statements and transactions
 * take turns through one queue, so a statement never lands inside someone else's transaction;
 * inside a transaction, its own client runs at once.
 */
export async function pgliteClient(): Promise<SqlClient> {
  const db = await PGlite.create();
  let tail: Promise<unknown> = Promise.resolve();
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => {});
    return next;
  };
  return {
    query: (text, params) => queued(() => run(db, text, params)),
    transaction: (work) => queued(() => db.transaction((tx) => {
      const client: SqlClient = {
        query: (text, params) => run(tx, text, params),
        transaction: (inner) => inner(client),
        close: () => Promise.reject(new Error("A transaction's client is not closed: close PGlite's.")),
      };
      return work(client);
    })),
    close: () => queued(() => db.close()),
  };
}

/** A schema of its own on the server of `url`, for one test file: clients see only it; `drop` removes it. */
export interface ServerSchema {
  name: string;
  /** A new client (a pool) whose search_path is the schema: as another process would connect. */
  client(): SqlClient;
  drop(): Promise<void>;
}

/** Creates `t_<random>` on the server; every client of it sets its search_path there. */
export async function serverSchema(url: string): Promise<ServerSchema> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${name}`);
  const clients: SqlClient[] = [];
  return {
    name,
    client() {
      const client = pgPoolClient(new pg.Pool({ connectionString: url, options: `-c search_path=${name}` }));
      clients.push(client);
      return client;
    },
    async drop() {
      await Promise.all(clients.splice(0).map((c) => c.close().catch(() => {})));
      await admin.query(`DROP SCHEMA ${name} CASCADE`);
      await admin.end();
    },
  };
}

/** A client that leaves the connection open when a store closes it: the test file owns it. */
function unclosable(client: SqlClient): SqlClient {
  return { query: (text, params) => client.query(text, params), transaction: (work) => client.transaction(work), close: async () => {} };
}

/**
 * One PostgreSQL of the tests: PGlite always, and the server of TUTOR_TEST_DATABASE_URL when set.
 * `setUp` and `tearDown` bracket a test file; `fresh` gives a test an empty schema and an opener of
 * clients on it (on the server each is its own pool, as another process's; PGlite has one
 * connection, shared). Close what the opener gives (a store closes its client).
 */
export interface PostgresTestEngine {
  name: string;
  setUp(): Promise<void>;
  fresh(): Promise<() => SqlClient>;
  tearDown(): Promise<void>;
}

function pgliteEngine(): PostgresTestEngine {
  let pglite: SqlClient | null = null;
  let schemas = 0;
  return {
    name: "PGlite",
    async setUp() {
      pglite = await pgliteClient();
    },
    async fresh() {
      if (!pglite) throw new Error("set the engine up first");
      // One connection, one test at a time: the new schema becomes the connection's search_path.
      const schema = `s_${++schemas}`;
      await pglite.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      const client = unclosable(pglite);
      return () => client;
    },
    async tearDown() {
      await pglite?.close();
      pglite = null;
    },
  };
}

function serverEngine(url: string): PostgresTestEngine {
  let made: ServerSchema[] = [];
  return {
    name: "PostgreSQL server",
    setUp: async () => {},
    async fresh() {
      const schema = await serverSchema(url);
      made.push(schema);
      return () => schema.client();
    },
    async tearDown() {
      await Promise.all(made.map((s) => s.drop()));
      made = [];
    },
  };
}

/** The PostgreSQL engines of this run: PGlite, and the server of `url` (TUTOR_TEST_DATABASE_URL) when set. */
export function postgresTestEngines(url = process.env.TUTOR_TEST_DATABASE_URL): PostgresTestEngine[] {
  return [pgliteEngine(), ...(url ? [serverEngine(url)] : [])];
}
