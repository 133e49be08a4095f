/**
 * What students wrap around an expression that is not part of it: `$…$` from LaTeX habits, a final
 * period or comma ending their sentence, a trailing unit or comment ("2mn+ml+m+l parameters",
 * "… (weights plus biases)"). Removed before parsing so the expression itself is graded.
 */

/** A trailing comment in parentheses: only words (and names such as W1), at least two of 3+ letters ("(weights plus biases)"). */
const TRAILING_COMMENT = /\s+\(\s*([A-Za-z][A-Za-z0-9\s,'-]*)\)\s*$/;
/** The last word of a text, with the space before it. */
const LAST_WORD = /\s+([A-Za-z]+)\s*$/;

const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}/gu;
const EMOTICON = /(?:^|\s)(?:[:;]-?[()DPp]|<3|xD)(?=\s|$)/g;

/** True when `word` is a name the student may use, or a run of declared one-letter names ("lmn"). */
function isExpressionWord(word: string, declared: ReadonlySet<string>): boolean {
  return declared.has(word) || [...word].every((c) => declared.has(c));
}

/**
 * Drops trailing prose ("parameters", "in total", "i think"): the run of words at the end that are
 * all unknown to the question, when one of them has 3+ letters (a lone `i` may be the constant).
 */
function withoutTrailingProse(text: string, declared: ReadonlySet<string>): string {
  let cut = text.length;
  let long = false;
  for (;;) {
    const m = LAST_WORD.exec(text.slice(0, cut));
    if (!m || m.index === 0 || isExpressionWord(m[1] ?? "", declared)) break;
    long ||= (m[1] ?? "").length >= 3;
    cut = m.index;
  }
  return long ? text.slice(0, cut).trim() : text;
}

/** Strips decorations; `declared` (the question's names) keeps a trailing `dLdz` or `mn` in place. */
export function stripDecorations(text: string, declared?: ReadonlySet<string>): string {
  // Emoji and chat emoticons are never part of a formula ("z - y 👍", "z-y :)").
  let out = text.replace(EMOJI, " ").replace(EMOTICON, " ").trim();
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
    if (declared) out = withoutTrailingProse(out, declared);
    changed = out !== before && out !== "";
  }
  return out;
}
