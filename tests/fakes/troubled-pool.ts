import { createGradingPool, type GradingPool } from "../../src/core/grading/grading-pool.ts";

const [HANGS, CRASHES, BREAKS, HOLD_AFTER_HANG, HELD] = [0, 1, 2, 3, 4];

/**
 * A real grading pool whose workers (tests/fakes/troubled-worker.mjs) hang, crash or hit a grader
 * bug on the next grade jobs when the test says so, and otherwise grade for real. A hang ends by
 * the pool's own `timeoutMs`, which also bounds the real jobs: small enough that a hang costs
 * little, large enough that a real grade never meets it on a loaded machine (1 s; 200 ms did).
 */
export class TroubledPool {
  readonly pool: GradingPool;
  private readonly state = new Int32Array(new SharedArrayBuffer(6 * Int32Array.BYTES_PER_ELEMENT));

  constructor(options: { size?: number; timeoutMs: number }) {
    this.pool = createGradingPool({
      ...options,
      workerEntry: new URL("./troubled-worker.mjs", import.meta.url),
      workerData: { state: this.state.buffer },
    });
  }

  /**
   * The next `count` grade jobs hang until the pool times them out. With `thenBusy`, the workers
   * that replace them wait until `free()`: the pool keeps its queued work, as on a busy night.
   */
  hangNext(count = 1, options: { thenBusy?: boolean } = {}): void {
    Atomics.store(this.state, HOLD_AFTER_HANG, options.thenBusy ? 1 : 0);
    Atomics.store(this.state, HANGS, count);
  }

  /** The next `count` grade jobs end with their worker exiting. */
  crashNext(count = 1): void {
    Atomics.store(this.state, CRASHES, count);
  }

  /** The next `count` grade jobs make the real grader throw (a bug in a grader). */
  breakNext(count = 1): void {
    Atomics.store(this.state, BREAKS, count);
  }

  /** Lets held workers start: the pool frees up. */
  free(): void {
    Atomics.store(this.state, HELD, 0);
    Atomics.notify(this.state, HELD);
  }

  close(): Promise<void> {
    this.free();
    return this.pool.close();
  }
}
