/**
 * An error meant for the person who caused it: shown to them (privately) in words they understand.
 * Anything else thrown is a bug: logged with a reference id, and the person sees only the id.
 * The message is the tutor's markup (see reply.ts): wrap anything a person typed in `verbatim()`.
 * @example throw new UserError("unknown-question", "There is no question 9z. Try /quiz to see the list.")
 */
export class UserError extends Error {
  override readonly name = "UserError";
  constructor(
    /** A stable identifier, for tests and logs. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A short random id that ties a bug report seen by a person to the logged stack trace. */
export function newErrorReference(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** What the log keeps of something thrown: the stack when there is one. Never for a person to read. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
