import { verbatim } from "../chat/reply.ts";
import { UserError } from "../errors.ts";

/**
 * Reads "4.5 rubric applied correctly now" (a form's one text field) as a score and a note;
 * "keep" or "same" leaves the score unchanged (null). `4/5` is read as 4.
 */
export function parseScoreAndNote(text: string): { score: number | null; note: string | null } {
  const m = /^\s*(keep|same|[+]?\d+(?:\.\d+)?|\.\d+)(?:\s*\/\s*\d+(?:\.\d+)?)?(?:\s+([\s\S]*))?$/i.exec(text);
  if (!m) throw new UserError("bad-score", `Start with the score (a number, or "keep"), then the note: e.g. "4 rubric applied correctly now". I read "${verbatim(text.trim().slice(0, 40))}".`);
  const score = /^(keep|same)$/i.test(m[1]!) ? null : Number(m[1]);
  return { score, note: m[2]?.trim() || null };
}
