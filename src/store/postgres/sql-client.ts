import pg from "pg";

/**
 * What the PostgreSQL store needs of a connection: statements with `$1` parameters, transactions
 * and an end. `pgPoolClient` is the server's (a pool of connections); the tests also run the store
 * on PGlite (PostgreSQL in WebAssembly, one connection) through the same interface.
 *
 * Rows come back parsed alike whoever serves them: bigint and numeric as numbers (ids, epoch
 * milliseconds and counts stay far below 2^53), jsonb as values, bytea as a Buffer. A `text`
 * without parameters may hold several statements (a migration file); with parameters, one.
 */
export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Runs `work` in one transaction (BEGIN ... COMMIT; ROLLBACK when it throws) on a client bound to
   * it. On a transaction's own client, `transaction` runs its work inline, in the same transaction.
   */
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;

/** node-postgres's parsers, except that bigint and numeric become numbers, as the interface says. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8 || oid === NUMERIC ? Number : pg.types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

type Queryable = Pick<pg.PoolClient, "query">;

async function run<R>(target: Queryable, text: string, params: readonly unknown[] | undefined): Promise<R[]> {
  // Without values node-postgres sends a simple query, which may hold several statements.
  const result = (await target.query({ text, values: params?.length ? [...params] : undefined, types })) as pg.QueryResult | pg.QueryResult[];
  return (Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows) as R[];
}

/** A client bound to one checked-out connection inside its transaction. */
function bound(connection: pg.PoolClient): SqlClient {
  const client: SqlClient = {
    query: (text, params) => run(connection, text, params),
    transaction: (work) => work(client),
    close: () => Promise.reject(new Error("A transaction's client is not closed: close the pool's.")),
  };
  return client;
}

/**
 * A SqlClient over a node-postgres pool: each statement outside a transaction takes any free
 * connection; a transaction holds one from BEGIN to COMMIT. `close` ends the pool.
 */
export function pgPoolClient(pool: pg.Pool): SqlClient {
  return {
    query: (text, params) => run(pool, text, params),
    async transaction(work) {
      const connection = await pool.connect();
      let broken: Error | undefined;
      try {
        await connection.query("BEGIN");
        const result = await work(bound(connection));
        await connection.query("COMMIT");
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dropped from the pool, not handed to the next caller.
        await connection.query("ROLLBACK").catch((rollback: unknown) => {
          broken = rollback instanceof Error ? rollback : new Error(String(rollback));
        });
        throw error;
      } finally {
        connection.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
