import { bothWaysAsUnsure } from "./both-ways.ts";
import { formulasAsWords } from "./formula-words.ts";
import { AUXILIARIES, REWRITES } from "./synonym-table.ts";

/**
 * The first step of reading a text (an answer or a rubric phrase): lowercase words and the marks
 * between them, with contractions expanded and the built-in rewrites applied. text-analysis.ts
 * turns the result into tokens.
 */

/**
 * One lexed item: `w` a word, `s` a sentence end, `c` a clause break, `n` a new line, `r` a
 * comparison between two words (`<` for <, ≤, →, ->; `>` for >, ≥), `q` a double quote.
 */
export interface Lexed {
  kind: "w" | "s" | "c" | "n" | "r" | "q";
  value: string;
}

/** The word a null character (`'\0'`, `"\0"`, `\0`) reads as, so it is never the number 0. */
export const NULL_CHARACTER = "\\0";

const CONTRACTIONS: Record<string, string> = {
  doesnt: "does not", isnt: "is not", dont: "do not", cant: "can not", wont: "will not", arent: "are not",
  wasnt: "was not", werent: "were not", shouldnt: "should not", wouldnt: "would not", couldnt: "could not",
  hasnt: "has not", havent: "have not", didnt: "did not", neednt: "need not", aint: "is not", mustnt: "must not",
};

// Placeholders that survive the clean-up below, each read back as one item.
const NUL = "\u2400";
const THEN = "\u21D2";

/**
 * Marks and shorthand of a table typed in chat, as words: a cross before a word denies it ("✗ diff":
 * "not diff"), a tick before a word is dropped; a mark after a word is its verdict ("C∞ ✔": yes, see
 * verdictsInFront). `C∞` (infinitely differentiable) reads "smooth"; the dot of a shortened word
 * ("sat.", "diff.") does not end a sentence.
 */
export function marksAsWords(text: string): string {
  if (!/[✗✘❌✔✓✅☑∞.]/u.test(text)) return text;
  return text
    .replace(/[✗✘❌]\uFE0F?[ \t]*(?=\p{L})/gu, " not ")
    .replace(/[✔✓✅☑]\uFE0F?[ \t]*(?=\p{L})/gu, " ")
    .replace(/[✗✘❌]\uFE0F?/gu, " no ")
    .replace(/[✔✓✅☑]\uFE0F?/gu, " yes ")
    .replace(/\bC\s*\^?\s*\{?(?:∞|\\infty)\}?/g, " smooth ")
    .replace(/\b(sat|diff|approx|deriv|resp)\.(?=\s)/gi, "$1");
}

/** A doubt about what follows, to the end of its clause: the student claims none of it. */
const UNCLAIMED = /\b(?:not sure|unsure|no idea|dunno|(?:do not|don't|dont) know)\s+(?:about|if|whether|of)\b[^,.;:!?\n]*/g;

/** Text to lowercase words and marks. */
export function lex(text: string): Lexed[] {
  const lowered = formulasAsWords(marksAsWords(text)).toLowerCase().replace(/[’‘`´]/g, "'");
  // "it could work or could not", "maybe too slow or maybe fast enough": both ways, so neither.
  const cleaned = bothWaysAsUnsure(lowered)
    // "not sure about identity", "no idea if it saturates": what follows is not claimed either way.
    .replace(UNCLAIMED, " unsure ")
    .replace(/'\\0'|"\\0"|\\0(?![0-9])/g, ` ${NUL} `)
    .replace(/-+>|=>|→|⟶|⇒/g, ` ${THEN} `)
    .replace(/≈|~/g, " approximately ")
    // "variance ≫ bias", "gap ↑": a comparison or a trend in symbols, read as the words it stands for.
    .replace(/≫|>>/g, " much larger than ")
    .replace(/≪|<</g, " much smaller than ")
    .replace(/\s*(?:↑|⬆)/g, " increases ")
    .replace(/\s*(?:↓|⬇)/g, " decreases ")
    .replace(/\s*(?:≠|!=|=\/=)\s*/g, " is not ")
    // "not enough data + model too big", "no early stopping & too little data": a list of claims.
    .replace(/(?<=\p{L})\s+[+&]\s+(?=\p{L})/gu, " , ")
    // "x → -∞" says where a function saturates: keep the sign as a word before "-" becomes a space.
    .replace(/±\s*(?:∞|inf(?:inity)?\b)/g, " positive and negative infinity ")
    .replace(/[-−–]\s*(?:∞|inf(?:inity)?\b)/g, " negative infinity ")
    .replace(/\+?\s*∞|\+\s*inf(?:inity)?\b/g, " positive infinity ")
    .replace(/(\p{L})'(\p{L})/gu, "$1$2")
    .replace(/[-_/\\]/g, " ");
  const out: Lexed[] = [];
  const re = /(\p{L}[\p{L}\p{N}]*|\p{N}+(?:\.\p{N}+)?[\p{L}]*)|(\r?\n)|([!?;]|\.(?=\s|$))|([,:()[\]{}])|([<>≤≥\u21D2])|(["“”])|(\u2400)/gu;
  for (const m of cleaned.matchAll(re)) {
    if (m[1] !== undefined) {
      const expanded = CONTRACTIONS[m[1]];
      for (const w of (expanded ?? m[1]).split(" ")) out.push({ kind: "w", value: w });
    } else if (m[2] !== undefined) out.push({ kind: "n", value: "\n" });
    else if (m[3] !== undefined) out.push({ kind: "s", value: m[3] });
    else if (m[4] !== undefined) {
      // "it is not exact: only a batch is used": a colon after a clause with a verb starts another;
      // after a label ("tanh:", "not valid:") it introduces what the label speaks of.
      if (m[4] !== ":" || afterClause(out)) out.push({ kind: "c", value: m[4] });
    }
    else if (m[5] !== undefined) {
      // "A ⇒ B" states B of A: a new clause, so a negation in A does not reach B.
      if (m[5] === THEN) out.push({ kind: "c", value: "," });
      out.push({ kind: "r", value: m[5] === ">" || m[5] === "≥" ? ">" : "<" });
    }
    else if (m[6] !== undefined) out.push({ kind: "q", value: '"' });
    else out.push({ kind: "w", value: NULL_CHARACTER });
  }
  return out;
}

/** True when the words since the last mark hold an auxiliary verb ("it is not exact"), not a bare label. */
function afterClause(out: readonly Lexed[]): boolean {
  // A chat "its" is "it's" here ("its not exact: ...").
  for (let i = out.length - 1; i >= 0 && out[i]!.kind === "w"; i--) if (AUXILIARIES.has(out[i]!.value) || out[i]!.value === "its") return true;
  return false;
}

const REWRITE_INDEX = new Map<string, Array<{ from: string[]; to: string[] }>>();
for (const [from, to] of REWRITES) {
  const words = from.split(" ");
  const list = REWRITE_INDEX.get(words[0] ?? "") ?? [];
  list.push({ from: words, to: to.split(" ") });
  list.sort((a, b) => b.from.length - a.from.length);
  REWRITE_INDEX.set(words[0] ?? "", list);
}

/** Applies the built-in rewrites (synonym-table.ts REWRITES), longest first, on surface words. */
export function applyRewrites(lexed: readonly Lexed[]): Lexed[] {
  const out: Lexed[] = [];
  for (let i = 0; i < lexed.length; i++) {
    const item = lexed[i];
    if (!item) continue;
    // "does not only grow" denies; "not only X but Y" affirms X. Other rewrites of "not" apply anywhere.
    const afterAux = item.value === "not" && AUXILIARIES.has(out.at(-1)?.value ?? "");
    const rule = item.kind === "w"
      ? REWRITE_INDEX.get(item.value)?.find((r) => (!afterAux || r.to[0] !== "only") && r.from.every((w, k) => lexed[i + k]?.kind === "w" && lexed[i + k]?.value === w))
      : undefined;
    if (!rule) {
      out.push(item);
      continue;
    }
    for (const w of rule.to) out.push({ kind: "w", value: w });
    i += rule.from.length - 1;
  }
  return out;
}

/** The words of a short text (a synonym entry) as the lexer and the built-in rewrites read them. */
export function lexWords(text: string): string[] {
  return applyRewrites(lex(text)).filter((l) => l.kind === "w").map((l) => l.value);
}

/** Answers to "saturates?" that leave it open. */
const UNDECIDED: ReadonlySet<string> = new Set(["maybe", "perhaps", "idk", "dunno", "possibly"]);

/** Words that may be a verdict written after what it judges. */
const TRAILING_VERDICT: Readonly<Record<string, boolean>> = { yes: true, yep: true, no: false, nope: false };

/** One-letter verdicts of a table typed in chat ("sat y diff n id y"): verdicts only in such a table. */
const LETTER_VERDICT: Readonly<Record<string, boolean>> = { y: true, n: false };
/** Fewest "property verdict" pairs that make a text a table of verdicts. */
const MIN_TABLE_PAIRS = 3;

/**
 * True when the text is a table of "property verdict" pairs (at least MIN_TABLE_PAIRS of a word
 * then y/n/yes/no): then y and n are verdicts, and a verdict may be followed by the next pair
 * ("sat y diff y id n"); "relu no saturation" stays a denial of saturation.
 */
function isVerdictTable(lexed: readonly Lexed[], isStopWord: (w: string) => boolean): boolean {
  let pairs = 0;
  for (let i = 1; i < lexed.length; i++) {
    const [prev, item] = [lexed[i - 1]!, lexed[i]!];
    if (item.kind !== "w" || prev.kind !== "w" || isStopWord(prev.value) || !/^\p{L}{2,}$/u.test(prev.value)) continue;
    if (verdictOf(item.value, true) !== undefined && verdictOf(prev.value, true) === undefined) pairs++;
  }
  return pairs >= MIN_TABLE_PAIRS;
}

function verdictOf(word: string, table: boolean): boolean | undefined {
  return TRAILING_VERDICT[word] ?? (table ? LETTER_VERDICT[word] : undefined);
}

/**
 * A property then a verdict, as in a table typed in chat ("saturates yes, differentiable no"): the
 * verdict is read in front of its word ("saturates", "not differentiable"), also after a question
 * mark ("saturates? no"); "saturates? maybe" says nothing of it. Only a yes or no that ends its
 * clause and follows a word that is not a stop word counts. A word hedged with "or not" ("saturates
 * or not") is dropped: it says both, so neither.
 */
export function verdictsInFront(lexed: readonly Lexed[], isStopWord: (w: string) => boolean): Lexed[] {
  const out: Lexed[] = [];
  const table = isVerdictTable(lexed, isStopWord);
  for (let i = 0; i < lexed.length; i++) {
    const item = lexed[i]!;
    // "saturates or not": both at once, so neither is said.
    if (item.kind === "w" && lexed[i + 1]?.value === "or" && (lexed[i + 2]?.value === "not" || lexed[i + 2]?.value === "no") && !isStopWord(item.value)) {
      i += 2;
      continue;
    }
    const next = lexed[i + 1];
    // "saturates? no": the question mark goes with the verdict that answers it.
    const asked = out.at(-1)?.kind === "s" && out.at(-1)?.value === "?" ? 1 : 0;
    // "saturates? maybe": a question left open claims nothing, so the word asked about is dropped.
    if (asked && item.kind === "w" && UNDECIDED.has(item.value) && (next === undefined || next.kind !== "w") && out.at(-2)?.kind === "w") {
      out.splice(out.length - 2, 2);
      continue;
    }
    const verdict = item.kind === "w" ? verdictOf(item.value, table) : undefined;
    const prev = out.at(-1 - asked);
    // In a table, "sat y diff y": the verdict is followed by the next property and its verdict.
    const after = lexed[i + 2];
    const chained = table && next?.kind === "w" && after?.kind === "w" && verdictOf(after.value, table) !== undefined;
    const ends = next === undefined || next.kind !== "w" || chained;
    if (verdict === undefined || !ends || prev?.kind !== "w" || isStopWord(prev.value) || verdictOf(prev.value, table) !== undefined) {
      out.push(item);
      continue;
    }
    if (asked) out.pop();
    if (!verdict) out.splice(out.length - 1, 0, { kind: "w", value: "not" });
  }
  return out;
}
