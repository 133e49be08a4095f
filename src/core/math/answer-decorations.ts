/**
 * What students wrap around an expression that is not part of it: `$…$` from LaTeX habits, a final
 * period or comma ending their sentence, a trailing unit or comment ("2mn+ml+m+l parameters",
 * "… (weights plus biases)"). Removed before parsing so the expression itself is graded.
 */

/** A trailing comment in parentheses: only words, at least two of 3+ letters ("(weights plus biases)"). */
const TRAILING_COMMENT = /\s+\(\s*([A-Za-z][A-Za-z\s,'-]*)\)\s*$/;
/** Trailing words of 3+ letters each ("parameters", "in total"). */
const TRAILING_WORDS = /((?:\s+[A-Za-z]{2,})+)\s*$/;

/** True when `word` is a name the student may use, or a run of declared one-letter names ("lmn"). */
function isExpressionWord(word: string, declared: ReadonlySet<string>): boolean {
  return declared.has(word) || [...word].every((c) => declared.has(c));
}

/** Strips decorations; `declared` (the question's names) keeps a trailing `dLdz` or `mn` in place. */
export function stripDecorations(text: string, declared?: ReadonlySet<string>): string {
  let out = text.trim();
  for (let changed = true; changed;) {
    const before = out;
    out = out
      .replace(/^\$+\s*([\s\S]*?)\s*\$+$/, "$1")
      .replace(/^\\[([]\s*([\s\S]*?)\s*\\[)\]]$/, "$1")
      .replace(/\s*[.,;:]+$/, "")
      .trim();
    const comment = TRAILING_COMMENT.exec(out);
    if (comment && (comment[1] ?? "").split(/[\s,'-]+/).filter((w) => w.length >= 3).length >= 2) {
      out = out.slice(0, comment.index).trim();
    }
    const words = declared ? TRAILING_WORDS.exec(out) : null;
    if (declared && words && words.index > 0) {
      const list = (words[1] ?? "").trim().split(/\s+/);
      // Only prose: every word unknown to the question and at least one of 3+ letters.
      if (list.every((w) => !isExpressionWord(w, declared)) && list.some((w) => w.length >= 3)) {
        out = out.slice(0, words.index).trim();
      }
    }
    changed = out !== before && out !== "";
  }
  return out;
}
