import { AsyncLocalStorage } from "node:async_hooks";

/**
 * One SQLite connection shared by asynchronous work. A transaction holds the connection from BEGIN
 * to COMMIT, across its awaits; a call outside any transaction waits until none is open, or it
 * would run inside someone else's transaction and share its fate. Calls made inside a transaction
 * through the store's own repositories (instead of the transaction's) would wait for themselves:
 * they fail at once as the bug they are.
 */
export class ConnectionGate {
  private readonly context = new AsyncLocalStorage<object>();
  private holder: object | null = null;
  private released: Promise<void> = Promise.resolve();
  private tail: Promise<void> = Promise.resolve();

  /** Runs `work` holding the connection, after the transactions queued before it. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.context.getStore()) return Promise.reject(new Error("A transaction cannot start inside another: use the repositories the transaction hands its work."));
    const previous = this.tail;
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    this.tail = previous.then(() => done);
    return (async () => {
      await previous;
      const token = {};
      this.holder = token;
      this.released = done;
      try {
        return await this.context.run(token, work);
      } finally {
        this.holder = null;
        release();
      }
    })();
  }

  /** Runs a synchronous statement once no transaction holds the connection. */
  outside<T>(statement: () => T): Promise<T> {
    if (this.holder === null) return runNow(statement);
    if (this.context.getStore() === this.holder) {
      return Promise.reject(new Error("Inside a transaction, use the repositories it hands its work, not the store's own."));
    }
    return this.released.then(() => this.outside(statement));
  }
}

/** Runs a synchronous statement now, its outcome as a promise (a throw becomes a rejection). */
export function runNow<T>(statement: () => T): Promise<T> {
  try {
    return Promise.resolve(statement());
  } catch (error) {
    return Promise.reject(error);
  }
}
