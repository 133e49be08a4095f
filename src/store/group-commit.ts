import type { Db } from "./database.ts";

interface Pending<R> {
  work: (tx: R) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit: writes queued in the same turn of the event loop share one transaction, and so
 * one fsync, instead of paying one each. Each write runs in its own savepoint, so one that throws
 * (a late exam answer) is undone alone; if the batch fails as a whole, its writes are retried one
 * by one. Every caller learns its outcome only after the commit is durable, so nothing is
 * acknowledged before it is stored.
 */
export function createGroupCommit<R>(db: Db, transaction: <T>(work: () => Promise<T>) => Promise<T>, tx: R) {
  let pending: Pending<R>[] = [];
  let flushing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (pending.length === 0) return flushing;
    const batch = pending;
    pending = [];
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    const run = transaction(async () => {
      for (const item of batch) {
        db.exec("SAVEPOINT group_item");
        try {
          outcomes.push({ ok: true, value: await item.work(tx) });
          db.exec("RELEASE group_item");
        } catch (error) {
          db.exec("ROLLBACK TO group_item");
          db.exec("RELEASE group_item");
          outcomes.push({ ok: false, error });
        }
      }
    }).then(
      () => batch.forEach((item, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) item.resolve(outcome.value);
        else item.reject(outcome.error);
      }),
      (error: unknown) => (batch.length === 1 ? batch[0]!.reject(error) : alone(batch)),
    );
    flushing = run;
    return run;
  };

  /**
   * The batch as a whole failed (its COMMIT refused, say a deferred constraint one write broke, or
   * the write lock not won in time): nothing of it is stored, so each write runs again in its own
   * transaction and only the one at fault fails, instead of every answer that shared the batch.
   */
  const alone = async (batch: Pending<R>[]): Promise<void> => {
    for (const item of batch) await transaction(() => item.work(tx)).then(item.resolve, item.reject);
  };

  return {
    commit: <T>(work: (tx: R) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        if (pending.length === 0) setImmediate(() => void flush());
        pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      }),
    /** Commits what is queued now and waits for it (before closing the database). */
    flush,
  };
}
