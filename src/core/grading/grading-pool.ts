import { Worker } from "node:worker_threads";
import type { Question } from "../bank/schema.ts";
import type { CheckResult, CheckTest, MathContext } from "../math/index.ts";
import { GRADER_VERSION, type Grade, type StudentAnswer } from "./grade.ts";
import { gradeAnswer } from "./grade-answer.ts";
import type { WorkerReply, WorkerRequest } from "./grading-protocol.ts";

/**
 * Grading in a pool of warm worker threads with a time and a memory limit. Student expressions
 * run there, never on the bot's thread: a runaway evaluation is stopped, a worker that runs out
 * of memory is replaced, and the caller gets a plain explanation instead of an exception.
 */

/** Grades and checks in sandboxed workers; never rejects because of what a student typed. */
export interface GradingPool {
  grade(question: Question, answer: StudentAnswer): Promise<Grade>;
  check(student: string, reference: string, options?: { test?: CheckTest; rtol?: number; atol?: number; context?: MathContext }): Promise<CheckResult>;
  close(): Promise<void>;
}

/** Pool settings; `workerEntry` lets tests substitute a worker speaking the same protocol. */
export interface GradingPoolOptions {
  size?: number;
  timeoutMs?: number;
  maxOldGenerationSizeMb?: number;
  workerEntry?: URL;
}

type Failure = "timeout" | "memory" | "crash" | "closed";
type Job = { request: WorkerRequest; resolve(value: unknown): void; fallback(failure: Failure): unknown };
type Slot = { worker: Worker; ready: boolean; job?: Job; timer?: NodeJS.Timeout };

/** Workers that may die before becoming ready, in a row, before the pool stops restarting them. */
const MAX_START_FAILURES = 3;

// Kinds graded from text alone: no mathjs, nothing to sandbox.
const INLINE_KINDS = new Set(["short", "truefalse", "drawing", "proof"]);

function explain(failure: Failure, timeoutMs: number): string {
  switch (failure) {
    case "timeout": return `This expression took too long to evaluate (over ${timeoutMs / 1000} s); simplify it and try again.`;
    case "memory": return "This expression needed too much memory to evaluate; simplify it and try again.";
    case "closed": return "The grader is shutting down; please submit again in a moment.";
    default: return "The grader stopped while evaluating this expression; simplify it and try again.";
  }
}

/** Starts `size` warm workers (default 2) with a per-job time limit (default 2 s). */
export function createGradingPool(options: GradingPoolOptions = {}): GradingPool {
  const size = Math.max(1, options.size ?? 2);
  const timeoutMs = options.timeoutMs ?? 2000;
  const memoryMb = options.maxOldGenerationSizeMb ?? 256;
  const entry = options.workerEntry ?? new URL("./grading-worker-entry.mjs", import.meta.url);
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let startFailures = 0;

  const start = (): Slot => {
    const worker = new Worker(entry, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    const slot: Slot = { worker, ready: false };
    let lastError: unknown;
    worker.on("message", (message: WorkerReply) => {
      if (message.type === "ready") {
        slot.ready = true;
        startFailures = 0;
        dispatch();
        return;
      }
      const job = slot.job;
      if (!job || job.request.id !== message.id) return;
      finish(slot);
      job.resolve(message.type === "result" ? message.value : job.fallback("crash"));
      dispatch();
    });
    worker.on("error", (error) => {
      lastError = error;
    });
    worker.on("exit", () => {
      const index = slots.indexOf(slot);
      if (index < 0) return; // replaced on purpose (timeout) or closing
      const job = slot.job;
      finish(slot);
      const code = (lastError as { code?: string } | undefined)?.code;
      job?.resolve(job.fallback(code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crash"));
      slots.splice(index, 1);
      if (!slot.ready) startFailures += 1;
      if (startFailures >= MAX_START_FAILURES) {
        // Workers die while starting (a broken install, say): answer what waits instead of looping.
        if (lastError) console.error("grading worker failed to start:", lastError);
        if (slots.length === 0) for (const waiting of queue.splice(0)) waiting.resolve(waiting.fallback("crash"));
      } else if (!closed) {
        slots.push(start());
      }
      dispatch();
    });
    return slot;
  };

  const finish = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.ready || slot.job) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        const index = slots.indexOf(slot);
        if (index >= 0) slots.splice(index, 1);
        finish(slot);
        void slot.worker.terminate();
        job.resolve(job.fallback("timeout"));
        if (!closed) slots.push(start());
        dispatch();
      }, timeoutMs);
      slot.worker.postMessage(job.request);
    }
  };

  const submit = <T>(request: WorkerRequest, fallback: (failure: Failure) => T): Promise<T> => {
    if (closed) return Promise.resolve(fallback("closed"));
    if (slots.length === 0) {
      startFailures = 0;
      for (let i = 0; i < size; i += 1) slots.push(start());
    }
    return new Promise<T>((resolve) => {
      queue.push({ request, resolve: resolve as (value: unknown) => void, fallback });
      dispatch();
    });
  };

  for (let i = 0; i < size; i += 1) slots.push(start());

  return {
    grade(question, answer) {
      if (INLINE_KINDS.has(question.answer.kind)) return Promise.resolve().then(() => gradeAnswer(question, answer));
      return submit<Grade>({ id: nextId++, kind: "grade", question, answer }, (failure) => ({
        question: question.id, score: 0, max: question.points, items: [],
        feedback: [explain(failure, timeoutMs)], needsReview: false, graderVersion: GRADER_VERSION,
      }));
    },
    check(student, reference, checkOptions = {}) {
      return submit<CheckResult>({ id: nextId++, kind: "check", student, reference, options: checkOptions }, (failure) => ({
        result: "invalid", reason: explain(failure, timeoutMs),
      }));
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.resolve(job.fallback("closed"));
      const workers = slots.splice(0);
      for (const slot of workers) {
        const job = slot.job;
        finish(slot);
        job?.resolve(job.fallback("closed"));
      }
      await Promise.all(workers.map((slot) => slot.worker.terminate()));
    },
  };
}
