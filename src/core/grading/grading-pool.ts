import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Question } from "../bank/schema.ts";
import { errorDetail, UserError } from "../errors.ts";
import type { CheckResult, CheckTest, MathContext } from "../math/index.ts";
import { FairJobQueue, type QueueRefusal } from "./fair-job-queue.ts";
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

/**
 * Whose job it is: a student's jobs run one at a time and take turns with everyone else's
 * (`course\u0000user`, say). Without one, a job (a TA's tool) waits only for its turn.
 */
export interface JobOwner {
  owner?: string;
}

/**
 * Grades and checks in sandboxed workers; never rejects because of what a student typed. The one
 * rejection is a `GradingBusyError` (a UserError the student reads) when the owner already has
 * `perStudent` jobs waiting or the whole line is full: nothing was graded, so nothing is stored.
 */
export interface GradingPool {
  /** A grade, or why there is none (timeout, out of memory, crashed worker, grader bug, shutdown). */
  grade(question: Question, answer: StudentAnswer, job?: JobOwner): Promise<GradingOutcome>;
  check(student: string, reference: string, options?: { test?: CheckTest; rtol?: number; atol?: number; context?: MathContext }, job?: JobOwner): Promise<CheckResult>;
  /**
   * Resolves true once no job is queued or running (at once when none is), so background work
   * such as a retry waits for students' answers; false when the pool is or gets closed.
   */
  whenIdle(): Promise<boolean>;
  close(): Promise<void>;
}

/** Pool settings; `workerEntry` lets tests substitute a worker speaking the same protocol. */
export interface GradingPoolOptions {
  /** Workers; default from the cores (defaultPoolSize). */
  size?: number;
  /** Jobs one student may have queued or running (default 3). */
  perStudent?: number;
  /** Jobs waiting in all before the pool is busy for everyone (default 1,000: a class answering at once fits). */
  maxQueued?: number;
  timeoutMs?: number;
  maxOldGenerationSizeMb?: number;
  workerEntry?: URL;
  /** Given to every worker as `workerData` (a substitute worker's settings). */
  workerData?: unknown;
}

/** A queued request; `accept` turns the worker's result into the caller's answer, `fallback` a failure. */
type Job = {
  /** The job's lane in the fair queue. */
  key: string;
  request: WorkerRequest;
  resolve(value: unknown): void;
  accept(value: unknown): unknown;
  fallback(failure: GradingFailure, detail?: string): unknown;
};
type Slot = { worker: Worker; ready: boolean; job?: Job; timer?: NodeJS.Timeout };

/**
 * Each worker's young generation, MB: a job's garbage is small and short-lived, and a larger one
 * only raises the bot's resident memory under load (docs/PERFORMANCE.md, exam night).
 */
const YOUNG_GENERATION_MB = 12;

/** Workers that may die before becoming ready, in a row, before the pool stops restarting them. */
const MAX_START_FAILURES = 3;

// Kinds graded from text alone: no mathjs, nothing to sandbox.
const INLINE_KINDS = new Set(["short", "truefalse", "choice", "drawing", "proof", "essay"]);

/** Refused for being busy: the student's words say to send it again shortly, nothing was kept. */
export class GradingBusyError extends UserError {
  constructor(readonly refusal: QueueRefusal) {
    super("grading-busy", refusal === "owner-full"
      ? "Your earlier answers are still being graded: wait for their results, then send this one again in a moment (it was not saved)."
      : "The grader is busy with the class's answers right now: send this one again in a moment (it was not saved).");
  }
}

/**
 * One worker per core, at least 2 (a hung job must not stop all grading) and at most 8: each
 * worker holds its own mathjs and up to its memory limit, and the bot's thread needs a core too.
 */
export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.min(8, Math.max(2, cores));
}

function explain(failure: GradingFailure, timeoutMs: number): string {
  switch (failure) {
    case "timeout": return `This expression took too long to evaluate (over ${timeoutMs / 1000} s); simplify it and try again.`;
    case "memory": return "This expression needed too much memory to evaluate; simplify it and try again.";
    case "closed": return "The grader is shutting down; please submit again in a moment.";
    default: return "The grader stopped while evaluating this expression; simplify it and try again.";
  }
}

/** Starts `size` warm workers (default from the cores) with a per-job time limit (default 2 s). */
export function createGradingPool(options: GradingPoolOptions = {}): GradingPool {
  const size = Math.max(1, options.size ?? defaultPoolSize());
  const timeoutMs = options.timeoutMs ?? 2000;
  const memoryMb = options.maxOldGenerationSizeMb ?? 256;
  const entry = options.workerEntry ?? new URL("./grading-worker-entry.mjs", import.meta.url);
  const queue = new FairJobQueue<Job>({ perOwner: options.perStudent ?? 3, total: options.maxQueued ?? 1000 });
  const slots: Slot[] = [];
  const idleWaiters: ((idle: boolean) => void)[] = [];
  let nextId = 1;
  let closed = false;
  let startFailures = 0;

  const start = (): Slot => {
    const worker = new Worker(entry, {
      workerData: options.workerData,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, stackSizeMb: 4 },
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
        if (slots.length === 0) for (const waiting of queue.drain()) waiting.resolve(waiting.fallback("crash", "grading workers fail to start"));
      } else if (!closed) {
        slots.push(start());
      }
      dispatch();
    });
    return slot;
  };

  const isIdle = () => queue.size === 0 && slots.every((slot) => !slot.job);

  const finish = (slot: Slot) => {
    if (slot.job) queue.done(slot.job.key);
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (queue.size === 0) break;
      if (!slot.ready || slot.job) continue;
      const next = queue.take();
      // Whatever waits belongs to students with a job running: it starts when theirs ends.
      if (!next) break;
      const job = next.job;
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

  const submit = <T>(owner: string | undefined, request: WorkerRequest, accept: (value: unknown) => T, fallback: (failure: GradingFailure, detail?: string) => T): Promise<T> => {
    if (closed) return Promise.resolve(fallback("closed"));
    if (slots.length === 0) {
      startFailures = 0;
      for (let i = 0; i < size; i += 1) slots.push(start());
    }
    return new Promise<T>((resolve, reject) => {
      const job: Job = { key: "", request, resolve: resolve as (value: unknown) => void, accept, fallback };
      const queued = queue.push(owner, job);
      if ("refused" in queued) return reject(new GradingBusyError(queued.refused));
      job.key = queued.key;
      dispatch();
    });
  };

  for (let i = 0; i < size; i += 1) slots.push(start());

  return {
    grade(question, answer, job = {}) {
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
        job.owner,
        { id: nextId++, kind: "grade", question, answer },
        (grade) => ({ ok: true, grade: grade as Grade }),
        (failure, detail) => ({ ok: false, failure, ...(detail !== undefined ? { detail } : {}) }),
      );
    },
    check(student, reference, checkOptions = {}, job = {}) {
      return submit<CheckResult>(
        job.owner,
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
      for (const job of queue.drain()) job.resolve(job.fallback("closed"));
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
