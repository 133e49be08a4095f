// A grading worker that misbehaves when a test says so, and is otherwise the real one. The test
// steers it through a SharedArrayBuffer given as workerData.state (see troubled-pool.ts), shared
// by every worker the pool starts, replacements included:
//   [0] grade jobs still to hang: the worker never answers, as in a runaway evaluation, until the
//       pool's timeout ends it (it sleeps rather than spins, so a hang does not slow other tests)
//   [1] grade jobs still to crash: the worker exits in the middle of the job
//   [2] grade jobs still to break: the request reaches the real grader broken, so it throws (a bug)
//   [3] 1 when a hang should also hold the workers that start next (a machine too busy to grade)
//   [4] 1 while starting workers wait before saying they are ready
//   [5] always 0: what a hung worker waits on
import process from "node:process";
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

const state = new Int32Array(workerData.state);
const [HANGS, CRASHES, BREAKS, HOLD_AFTER_HANG, HELD, NEVER] = [0, 1, 2, 3, 4, 5];

/** Takes one from a counter shared with other workers; false when none is left. */
function take(index) {
  for (;;) {
    const left = Atomics.load(state, index);
    if (left <= 0) return false;
    if (Atomics.compareExchange(state, index, left, left - 1) === left) return true;
  }
}

// The pool can still terminate a waiting worker: termination interrupts Atomics.wait.
while (Atomics.load(state, HELD) === 1) Atomics.wait(state, HELD, 1);

register();
// Registered before the real worker's listener, so it sees each request first.
parentPort.on("message", (request) => {
  if (request.kind !== "grade") return;
  if (take(CRASHES)) process.exit(70);
  if (take(BREAKS)) request.question.answer = null;
  if (take(HANGS)) {
    if (Atomics.load(state, HOLD_AFTER_HANG) === 1) Atomics.store(state, HELD, 1);
    for (;;) Atomics.wait(state, NEVER, 0);
  }
});
await import("../../src/core/grading/grading-worker.ts");
