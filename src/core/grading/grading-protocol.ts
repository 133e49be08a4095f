import type { CheckOptions } from "../math/index.ts";
import type { Question } from "../bank/schema.ts";
import type { StudentAnswer } from "./grade.ts";

/** A job sent from the grading pool to a worker. */
export type WorkerRequest =
  | { id: number; kind: "check"; student: string; reference: string; options: CheckOptions }
  | { id: number; kind: "grade"; question: Question; answer: StudentAnswer };

/** A worker's message: ready after warming up, then one reply per request. */
export type WorkerReply =
  | { type: "ready" }
  | { type: "result"; id: number; value: unknown }
  /** A job that threw (a bug): `message` is for the log (it may hold a stack), never for a student. */
  | { type: "error"; id: number; message: string };
