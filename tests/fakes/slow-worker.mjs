// A grading worker that speaks the pool's protocol without grading anything (no mathjs, so it
// starts at once): an answer whose text starts with "slow" takes workerData.slowMs of blocked
// thread, as a heavy expression would; any other answer is graded full marks at once. For tests of
// the pool's scheduling, where what matters is which job a worker runs when, not the grade.
import { parentPort, workerData } from "node:worker_threads";

const sleeper = new Int32Array(new SharedArrayBuffer(4));

parentPort.on("message", (request) => {
  const text = request.kind === "grade" ? request.answer.text : request.student;
  if (text.startsWith("slow")) Atomics.wait(sleeper, 0, 0, workerData.slowMs);
  const value = request.kind === "grade"
    ? { question: request.question.id, score: request.question.points, max: request.question.points, items: [], feedback: [text], needsReview: false, graderVersion: 0 }
    : { result: "equal", reason: text };
  parentPort.postMessage({ type: "result", id: request.id, value });
});
parentPort.postMessage({ type: "ready" });
