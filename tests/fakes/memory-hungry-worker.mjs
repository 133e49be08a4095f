// A grading worker that behaves like the real one, except that the check "exhaust memory" allocates
// until the worker's heap limit kills it: lets tests prove the pool survives and replaces the worker.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
// Registered before the real worker's listener, so it runs first and never returns.
parentPort.on("message", (request) => {
  if (request.kind === "check" && request.student === "exhaust memory") {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
});
await import("../../src/core/grading/grading-worker.ts");
