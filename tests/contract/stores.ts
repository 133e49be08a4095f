import { afterAll, afterEach, beforeAll, describe } from "vitest";
import type { Store } from "../../src/core/ports.ts";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import { tempDbFile } from "../fakes/temp-files.ts";
import { postgresEngines } from "./postgres-engines.ts";

/** A store as the tests hold it: the core's port, and a way to let go of its connection. */
export type ClosableStore = Store & { close(): Promise<void> };

/**
 * One database engine the contract runs on. `setUp` and `tearDown` bracket a test file (PGlite
 * starts once per file: seconds and hundreds of megabytes); `empty` gives each test an empty
 * database and a way to open stores on it, each as its own connection (another process, say).
 */
export interface Engine {
  name: string;
  setUp(): Promise<void>;
  empty(): Promise<() => Promise<ClosableStore>>;
  tearDown(): Promise<void>;
}

/** SQLite: a new temporary file per test; each store is its own connection to the file. */
const sqlite: Engine = {
  name: "SQLite",
  setUp: async () => {},
  async empty() {
    const file = tempDbFile();
    return async () => createSqliteStore(file);
  },
  tearDown: async () => {},
};

/** The database of one test, on one engine. Stores opened here are closed after the test. */
export class TestDatabase {
  private opener: (() => Promise<ClosableStore>) | null = null;
  private opened: ClosableStore[] = [];

  constructor(readonly engine: Engine) {}

  /** A store over a new, empty database. */
  async open(): Promise<ClosableStore> {
    this.opener = await this.engine.empty();
    return this.another();
  }

  /** Another store on the database of the last `open`, over its own connection, as a second process has it. */
  async another(): Promise<ClosableStore> {
    if (!this.opener) throw new Error("open a database first");
    const store = await this.opener();
    this.opened.push(store);
    return store;
  }

  async closeAll(): Promise<void> {
    const opened = this.opened;
    this.opened = [];
    this.opener = null;
    await Promise.all(opened.map((s) => s.close()));
  }
}

/** The engines of this run: SQLite, PGlite, and the PostgreSQL server of TUTOR_TEST_DATABASE_URL when set. */
export function engines(): Engine[] {
  return [sqlite, ...postgresEngines(process.env.TUTOR_TEST_DATABASE_URL)];
}

/**
 * Writes a block of store behaviours once and runs it on every engine. Call it once per test
 * file (each call starts its own PGlite): `describeStores("attempts", (db) => { it(..., async () => {
 * const store = await db.open(); ... }) })`.
 */
export function describeStores(area: string, body: (db: TestDatabase) => void): void {
  for (const engine of engines()) {
    describe(`${area} on ${engine.name}`, () => {
      const db = new TestDatabase(engine);
      beforeAll(() => engine.setUp(), 180_000);
      afterEach(() => db.closeAll());
      afterAll(() => engine.tearDown(), 60_000);
      body(db);
    });
  }
}
