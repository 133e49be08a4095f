import { parentPort } from "node:worker_threads";
import { checkExpression } from "../math/index.ts";
import { gradeAnswerOrThrow } from "./grade-answer.ts";
import type { WorkerReply, WorkerRequest } from "./grading-protocol.ts";

/**
 * A grading worker: evaluates student expressions away from the bot's thread, so the pool can
 * stop it on a timeout or lose it to its memory limit without losing the process.
 */

const port = parentPort;
if (!port) throw new Error("grading-worker.ts must run in a worker thread");

function reply(message: WorkerReply): void {
  port!.postMessage(message);
}

port.on("message", (request: WorkerRequest) => {
  try {
    const value = request.kind === "check"
      ? checkExpression(request.student, request.reference, request.options)
      : gradeAnswerOrThrow(request.question, request.answer);
    reply({ type: "result", id: request.id, value });
  } catch (error) {
    // A grader bug: the pool logs the stack and sends the answer to a TA; the student never sees it.
    reply({ type: "error", id: request.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

// Warm up: build the mathjs instances and let the JIT see the hot paths before real work arrives.
for (let i = 0; i < 20; i += 1) {
  checkExpression("2x+1", "1+x*2");
  checkExpression("W x", "W*x", {
    context: {
      symbols: { W: { shape: ["m", "n"], domain: "real", aliases: [] }, x: { shape: ["n"], domain: "real", aliases: [] } },
      derived: {},
      dimensions: {},
    },
  });
}
reply({ type: "ready" });
