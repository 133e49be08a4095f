import { Worker } from "node:worker_threads";
import type { Question } from "../bank/schema.ts";
import { errorDetail } from "../errors.ts";
import type { CheckResult, CheckTest, MathContext } from "../math/index.ts";
import type { Grade, StudentAnswer } from "./grade.ts";
import { gradeAnswerOrThrow } from "./grade-answer.ts";
import type { GradingFailure, GradingOutcome } from "./grading-failure.ts";
import type { WorkerReply, WorkerRequest } from "./grading-protocol.ts";

/**
 * Grading in a pool of warm worker threads with a time and a memory limit. Student expressions
 * run there, never on the bot's thread: a runaway evaluation is stopped, a worker that runs out
 * of memory is replaced, and the caller gets a plain explanation instead of an exception.
 * A grade that could not finish is a failure outcome, never a grade: the caller decides who sees it.
 */

/** Grades and checks in sandboxed workers; never rejects because of what a student typed. */
export interface GradingPool {
  /** A grade, or why there is none (timeout, out of memory, crashed worker, grader bug, shutdown). */
  grade(question: Question, answer: StudentAnswer): Promise<GradingOutcome>;
  check(student: string, reference: string, options?: { test?: CheckTest; rtol?: number; atol?: number; context?: MathContext }): Promise<CheckResult>;
  /**
   * Resolves true once no job is queued or running (at once when none is), so background work
   * such as a retry waits for students' answers; false when the pool is or gets closed.
   */
  whenIdle(): Promise<boolean>;
  close(): Promise<void>;
}

/** Pool settings; `workerEntry` lets tests substitute a worker speaking the same protocol. */
export interface GradingPoolOptions {
  size?: number;
  timeoutMs?: number;
  maxOldGenerationSizeMb?: number;
  workerEntry?: URL;
  /** Given to every worker as `workerData` (a substitute worker's settings). */
  workerData?: unknown;
}

/** A queued request; `accept` turns the worker's result into the caller's answer, `fallback` a failure. */
type Job = {
  request: WorkerRequest;
  resolve(value: unknown): void;
  accept(value: unknown): unknown;
  fallback(failure: GradingFailure, detail?: string): unknown;
};
type Slot = { worker: Worker; ready: boolean; job?: Job; timer?: NodeJS.Timeout };

/** Workers that may die before becoming ready, in a row, before the pool stops restarting them. */
const MAX_START_FAILURES = 3;

// Kinds graded from text alone: no mathjs, nothing to sandbox.
const INLINE_KINDS = new Set(["short", "truefalse", "drawing", "proof"]);

function explain(failure: GradingFailure, timeoutMs: number): string {
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
  const idleWaiters: ((idle: boolean) => void)[] = [];
  let nextId = 1;
  let closed = false;
  let startFailures = 0;

  const start = (): Slot => {
    const worker = new Worker(entry, {
      workerData: options.workerData,
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
      job.resolve(message.type === "result" ? job.accept(message.value) : job.fallback("internal", message.message));
      dispatch();
    });
    worker.on("error", (error) => {
      lastError = error;
    });
    worker.on("exit", (exitCode) => {
      const index = slots.indexOf(slot);
      if (index < 0) return; // replaced on purpose (timeout) or closing
      const job = slot.job;
      finish(slot);
      const code = (lastError as { code?: string } | undefined)?.code;
      const detail = lastError ? errorDetail(lastError) : `worker exited with code ${exitCode}`;
      job?.resolve(job.fallback(code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crash", detail));
      slots.splice(index, 1);
      if (!slot.ready) startFailures += 1;
      if (startFailures >= MAX_START_FAILURES) {
        // Workers die while starting (a broken install, say): answer what waits instead of looping.
        if (lastError) console.error("grading worker failed to start:", lastError);
        if (slots.length === 0) for (const waiting of queue.splice(0)) waiting.resolve(waiting.fallback("crash", "grading workers fail to start"));
      } else if (!closed) {
        slots.push(start());
      }
      dispatch();
    });
    return slot;
  };

  const isIdle = () => queue.length === 0 && slots.every((slot) => !slot.job);

  const finish = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (queue.length === 0) break;
      if (!slot.ready || slot.job) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        const index = slots.indexOf(slot);
        if (index >= 0) slots.splice(index, 1);
        finish(slot);
        void slot.worker.terminate();
        job.resolve(job.fallback("timeout", `no answer within ${timeoutMs} ms`));
        if (!closed) slots.push(start());
        dispatch();
      }, timeoutMs);
      try {
        slot.worker.postMessage(job.request);
      } catch (error) {
        // A request that cannot be sent (a question that does not clone) is a bug, not a dead worker.
        finish(slot);
        job.resolve(job.fallback("internal", errorDetail(error)));
      }
    }
    if (isIdle()) for (const waiter of idleWaiters.splice(0)) waiter(true);
  };

  const submit = <T>(request: WorkerRequest, accept: (value: unknown) => T, fallback: (failure: GradingFailure, detail?: string) => T): Promise<T> => {
    if (closed) return Promise.resolve(fallback("closed"));
    if (slots.length === 0) {
      startFailures = 0;
      for (let i = 0; i < size; i += 1) slots.push(start());
    }
    return new Promise<T>((resolve) => {
      queue.push({ request, resolve: resolve as (value: unknown) => void, accept, fallback });
      dispatch();
    });
  };

  for (let i = 0; i < size; i += 1) slots.push(start());

  return {
    grade(question, answer) {
      if (INLINE_KINDS.has(question.answer.kind)) {
        return Promise.resolve().then((): GradingOutcome => {
          try {
            return { ok: true, grade: gradeAnswerOrThrow(question, answer) };
          } catch (error) {
            return { ok: false, failure: "internal", detail: errorDetail(error) };
          }
        });
      }
      return submit<GradingOutcome>(
        { id: nextId++, kind: "grade", question, answer },
        (grade) => ({ ok: true, grade: grade as Grade }),
        (failure, detail) => ({ ok: false, failure, ...(detail !== undefined ? { detail } : {}) }),
      );
    },
    check(student, reference, checkOptions = {}) {
      return submit<CheckResult>(
        { id: nextId++, kind: "check", student, reference, options: checkOptions },
        (result) => result as CheckResult,
        (failure) => ({ result: "invalid", reason: explain(failure, timeoutMs) }),
      );
    },
    whenIdle() {
      if (closed) return Promise.resolve(false);
      if (isIdle()) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      for (const waiter of idleWaiters.splice(0)) waiter(false);
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
