import { type Block, reply, text, verbatim } from "../src/core/chat/reply.ts";
import { UserError } from "../src/core/errors.ts";
import { formatScore } from "../src/core/format.ts";
import { parseScoreAndNote } from "../src/core/ta/score-and-note.ts";
import { reviewReply } from "../src/core/views/review-view.ts";
import type { Command } from "../src/services.ts";

/** `/review`: the next answer waiting for a TA; `/review ID SCORE NOTE` or `/review ID items: a,b` grades it. */
export const review: Command = {
  name: "review",
  description: "Grade answers waiting for a TA (drawings, proofs, uncertain short answers)",
  options: [
    { name: "attempt", description: "The answer's number (from /review)", type: "string", required: false },
    { name: "score", description: "The score to give, optionally followed by a note", type: "string", required: false },
    { name: "note", description: "A note for the student", type: "string", required: false, rest: true, maxLength: 1000 },
    { name: "items", description: "Rubric item ids earned, comma-separated", type: "string", required: false },
    { name: "after", description: "Show the next answer after this one (skip)", type: "string", required: false },
  ],
  access: "ta",
  visibility: "private",
  examples: ["/review", "/review 17 4 clear graph, missing the loss node", "/review 17 items: inputs,relu"],
  async handle(input, { review: queue, zone }) {
    const o = input.options;
    const number = (raw: string | undefined, what: string) => {
      if (raw === undefined || raw.trim() === "") return undefined;
      const n = Number(raw.trim().replace(/^#/, ""));
      if (!Number.isInteger(n) || n <= 0) throw new UserError("bad-option", `${what} must be an answer number from /review, not "${verbatim(raw)}".`);
      return n;
    };
    const attempt = number(o.attempt, "The answer");
    const show = async (after: number, before: Block[] = []) => {
      const next = await queue.next(input.course, after);
      return next ? reviewReply(next, queue.rubric(next.question), zone, before) : reply([...before, text("Nothing waits for review. 🎉")], { data: { review: null } });
    };
    if (attempt === undefined) return show(number(o.after, "after") ?? 0);
    const items = o.items?.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    const parsed = o.score?.trim() ? parseScoreAndNote(o.score) : null;
    if (!items && !parsed) {
      if (!(await queue.isWaiting(input.course, attempt))) return show(0, [text(`Answer #${attempt} is not waiting for review.`)]);
      return show(attempt - 1);
    }
    const note = [parsed?.note, o.note].filter(Boolean).join(" ") || null;
    const { attempt: graded, deliveries } = await queue.decide(input.course, attempt, { score: parsed?.score ?? undefined, items, note }, input.user, input.now);
    const done = [text(`Answer #${graded.id} to ${graded.question} is graded ${formatScore(graded.score, graded.max)}; the student is told.`)];
    const next = await show(graded.id, done);
    return { ...next, deliveries, data: { ...next.data, graded: { attempt: graded.id, question: graded.question, score: graded.score, max: graded.max } } };
  },
};
