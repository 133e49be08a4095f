import { createGradingPool, type GradingPool } from "../../src/core/grading/grading-pool.ts";

// Each worker of a grading pool costs about a CPU-second to start (tsx's loader, mathjs, a
// warm-up), and a test file makes many apps and in-process `tutor` runs: they share one pool,
// started when first asked for and closed after the file's last test (tests/each-test-file.ts).
let pool: GradingPool | undefined;

/** The test file's grading pool; whoever uses it must not close it. */
export function fileGradingPool(): GradingPool {
  return (pool ??= createGradingPool());
}

/** The file's pool for code that closes the pool it is given (a `tutor` command): its close is a no-op. */
export function borrowedGradingPool(): GradingPool {
  const shared = fileGradingPool();
  return new Proxy(shared, { get: (target, key) => (key === "close" ? async () => {} : Reflect.get(target, key, target)) });
}

/** Closes the file's pool, if one was started; the next file starts its own. */
export async function closeFileGradingPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}
