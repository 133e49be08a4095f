import type { Token } from "./text-analysis.ts";

/**
 * "Sparse connectivity and shared weights is what the slides say, but that's actually wrong";
 * "crop, rotate, shift. But for digits none of these are allowed": a verdict that rejects what came
 * before it. The claims it points back to (the earlier clauses of its sentence, or the sentence
 * before when it opens its own) are negated, so they earn nothing; where something there was already
 * negated, which way the verdict cuts is a TA's to read (the words are marked ambiguous).
 */

/** A word that points back ("that", "this", "which", "it", "these"), then a verdict of falsehood. */
const POINTERS: ReadonlySet<string> = new Set(["that", "thats", "this", "which", "it", "its"]);
const FALSE_VERDICTS: ReadonlySet<string> = new Set(["wrong", "false", "myth", "incorrect", "untrue", "nonsense", "bs"]);
/** Words that may sit between the pointer and the verdict: "that is actually just a myth". */
const BETWEEN: ReadonlySet<string> = new Set(["is", "s", "was", "a", "an", "actually", "just", "simply", "completely", "totally", "all", "plain", "really"]);
/** "none of these / them / those are allowed / valid / ok / work": every option named before is rejected. */
const NONE_OF: ReadonlySet<string> = new Set(["these", "them", "those"]);
const NONE_VERDICTS: ReadonlySet<string> = new Set(["allowed", "valid", "ok", "okay", "work", "works", "fine", "apply", "right", "correct"]);

/** The index just past a verdict that starts at `i`, or -1. */
function verdictAt(tokens: readonly Token[], i: number): number {
  const t = tokens[i]!;
  const inClause = (k: number) => tokens[k]?.clause === t.clause;
  if (POINTERS.has(t.surface)) {
    let k = i + 1;
    while (inClause(k) && BETWEEN.has(tokens[k]!.surface)) k++;
    if (inClause(k) && FALSE_VERDICTS.has(tokens[k]!.surface)) return k + 1;
    if (inClause(k) && tokens[k]!.surface === "not" && inClause(k + 1) && ["true", "right", "correct"].includes(tokens[k + 1]!.surface)) return k + 2;
    return -1;
  }
  if (t.surface === "none" && inClause(i + 1) && tokens[i + 1]!.surface === "of" && inClause(i + 2) && NONE_OF.has(tokens[i + 2]!.surface)) {
    for (let k = i + 3; inClause(k) && k <= i + 6; k++) if (NONE_VERDICTS.has(tokens[k]!.surface)) return k + 1;
  }
  return -1;
}

/** True when only fillers ("but", "so") come before token `i` in its clause. */
function opensClause(tokens: readonly Token[], i: number): boolean {
  const clause = tokens[i]!.clause;
  for (let k = i - 1; k >= 0 && tokens[k]!.clause === clause; k--) if (!tokens[k]!.filler) return false;
  return true;
}

/** Negates what a later verdict rejects (see the file comment). */
export function rejectedByLaterVerdicts(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // "that's wrong" must open its clause (after fillers such as "but"); "none of these" may sit anywhere in it.
    if (!POINTERS.has(t.surface) && t.surface !== "none") continue;
    if ((t.surface !== "none" && !opensClause(tokens, i)) || verdictAt(tokens, i) < 0) continue;
    const firstOfSentence = tokens.findIndex((u) => u.sentence === t.sentence);
    const sameSentence = tokens.slice(firstOfSentence, i).filter((u) => u.clause < t.clause);
    const scope = sameSentence.some((u) => !u.filler) ? sameSentence : tokens.filter((u) => u.sentence === t.sentence - 1);
    const contents = scope.filter((u) => !u.filler);
    const mixed = contents.some((u) => u.negated);
    for (const u of contents) {
      if (mixed) u.ambiguous = true;
      else u.negated = true;
    }
  }
}
