import type { Db } from "./database.ts";

interface Pending {
  work: () => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit: writes queued in the same turn of the event loop share one transaction, and so
 * one fsync, instead of paying one each. Each write runs in its own savepoint, so one that throws
 * (a late exam answer) is undone alone; every caller learns its outcome only after the commit is
 * durable, so nothing is acknowledged before it is stored.
 */
export function createGroupCommit(db: Db): { commit<T>(work: () => T): Promise<T>; flush(): void } {
  let pending: Pending[] = [];

  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      db.transaction(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: db.transaction(item.work)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  };

  return {
    commit: <T>(work: () => T) =>
      new Promise<T>((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      }),
    /** Commits what is queued now (before closing the database). */
    flush,
  };
}
