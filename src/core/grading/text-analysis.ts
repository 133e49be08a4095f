import { stem } from "./porter-stemmer.ts";
import {
  AUXILIARIES, CLAUSE_BREAKS, CLAUSE_NEGATORS, EVALUATIVE_PREDICATES, FORWARD_NEGATORS, OTHERS, REWRITES, STOPWORDS, SYNONYM_GROUPS,
} from "./synonym-table.ts";

/**
 * Turns free text into tokens a rubric phrase can be matched against: lowercase words with their
 * stem, their synonym class ("canon"), the sentence, clause and line they sit in, and whether a
 * negation reaches them. Rubric phrases go through the same analysis, so both sides always agree.
 */

/** One word of an analysed text. */
export interface Token {
  surface: string;
  stem: string;
  /** The synonym class: equal canons mean the same idea ("slow" and "expensive"). */
  canon: string;
  sentence: number;
  /** A stretch of a sentence between contrasts ("fast at test time | but slow at training"). */
  segment: number;
  line: number;
  /** True for stopwords and negators: they never have to be matched. */
  filler: boolean;
  /** Inside a negation's reach: after "not" in its clause, or after "no"/"without"/"instead of". */
  negated: boolean;
  /**
   * Before "not" in its clause ("flipping is not valid"): the word may be what is rejected, or just
   * the subject of a negated statement ("distances in a high-dimensional space do not reflect..."),
   * so it matches phrases of either polarity.
   */
  subjectNegated: boolean;
  /** True when the clause holds two negations, whose meaning a TA should judge. */
  ambiguous: boolean;
}

/** An analysed text, with an index from canon to token positions (ascending). */
export interface AnalyzedText {
  tokens: Token[];
  positions: Map<string, number[]>;
  lineCount: number;
}

/** Words that turn to a contrasting claim: a phrase never spans one ("fast at test time but slow..."). */
const CONTRASTS: ReadonlySet<string> = new Set(["but", "whereas", "however", "although", "though", "yet"]);

/** Forward negators that negate only with their preposition: "instead of", "rather than". */
const FORWARD_NEGATOR_NEEDS: Readonly<Record<string, string>> = { instead: "of", rather: "than" };

const CANON = new Map<string, string>();
const SURFACES = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) {
  const head = stem(group[0] ?? "");
  for (const word of group) if (!CANON.has(stem(word))) CANON.set(stem(word), head);
  SURFACES.set(head, [...(SURFACES.get(head) ?? []), ...group]);
}

/** True when a stem belongs to the synonym table, i.e. it is a known word rather than a typo. */
export function isKnownStem(s: string): boolean {
  return CANON.has(s);
}

const FORMS = new Map<string, string[]>();

/** Every stem and listed word whose canon is `canon` (what a typo may be a misspelling of). */
export function formsOfCanon(canon: string): string[] {
  let forms = FORMS.get(canon);
  if (!forms) {
    const out = new Set([canon, ...(SURFACES.get(canon) ?? [])]);
    for (const [s, c] of CANON) if (c === canon) out.add(s);
    forms = [...out];
    // The tables are fixed at load, so each canon's forms are computed once.
    FORMS.set(canon, forms);
  }
  return forms;
}

const REWRITE_INDEX = new Map<string, Array<{ from: string[]; to: string[] }>>();
for (const [from, to] of REWRITES) {
  const words = from.split(" ");
  const list = REWRITE_INDEX.get(words[0] ?? "") ?? [];
  list.push({ from: words, to: to.split(" ") });
  list.sort((a, b) => b.from.length - a.from.length);
  REWRITE_INDEX.set(words[0] ?? "", list);
}

const CONTRACTIONS: Record<string, string> = {
  doesnt: "does not", isnt: "is not", dont: "do not", cant: "can not", wont: "will not", arent: "are not",
  wasnt: "was not", werent: "were not", shouldnt: "should not", wouldnt: "would not", couldnt: "could not",
  hasnt: "has not", havent: "have not", didnt: "did not", neednt: "need not", aint: "is not", mustnt: "must not",
};

/** Text to lowercase words and marks: `w` word, `s` sentence end, `c` clause break, `n` new line. */
function lex(text: string): Array<{ kind: "w" | "s" | "c" | "n"; value: string }> {
  const cleaned = text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/≈|~/g, " approximately ")
    // "x → -∞" says where a function saturates: keep the sign as a word before "-" becomes a space.
    .replace(/±\s*(?:∞|inf(?:inity)?\b)/g, " positive and negative infinity ")
    .replace(/[-−–]\s*(?:∞|inf(?:inity)?\b)/g, " negative infinity ")
    .replace(/\+?\s*∞|\+\s*inf(?:inity)?\b/g, " positive infinity ")
    .replace(/(\p{L})'(\p{L})/gu, "$1$2")
    .replace(/[-_/\\]/g, " ");
  const out: Array<{ kind: "w" | "s" | "c" | "n"; value: string }> = [];
  const re = /(\p{L}[\p{L}\p{N}]*|\p{N}+(?:\.\p{N}+)?[\p{L}]*)|(\r?\n)|([!?;]|\.(?=\s|$))|([,()[\]{}])/gu;
  for (const m of cleaned.matchAll(re)) {
    if (m[1] !== undefined) {
      const expanded = CONTRACTIONS[m[1]];
      for (const w of (expanded ?? m[1]).split(" ")) out.push({ kind: "w", value: w });
    } else if (m[2] !== undefined) out.push({ kind: "n", value: "\n" });
    else if (m[3] !== undefined) out.push({ kind: "s", value: m[3] });
    else out.push({ kind: "c", value: m[4] ?? "" });
  }
  return out;
}

function applyRewrites(lexed: ReturnType<typeof lex>): ReturnType<typeof lex> {
  const out: ReturnType<typeof lex> = [];
  for (let i = 0; i < lexed.length; i++) {
    const item = lexed[i];
    if (!item) continue;
    const afterAux = item.value === "not" && AUXILIARIES.has(out.at(-1)?.value ?? "");
    const rule = item.kind === "w" && !afterAux
      ? REWRITE_INDEX.get(item.value)?.find((r) => r.from.every((w, k) => lexed[i + k]?.kind === "w" && lexed[i + k]?.value === w))
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

function canonOf(word: string): { stem: string; canon: string } {
  const s = stem(word);
  return { stem: s, canon: CANON.get(s) ?? s };
}

/**
 * Analyses a text. Linear in its length, so a 10,000-character answer costs well under a millisecond
 * per kilobyte. Negation: "not"-like words negate their whole clause ("flipping is not valid"),
 * "no"/"without"/"instead of" only what follows ("rotate instead of flipping").
 */
export function analyzeText(text: string): AnalyzedText {
  const lexed = applyRewrites(lex(text));
  const tokens: Token[] = [];
  let sentence = 0;
  let segment = 0;
  let line = 0;
  let clause: Token[] = [];
  let firstNegator = -1;
  let clauseNegators = 0;
  let forward = false;

  const closeClause = () => {
    if (firstNegator >= 0) {
      // "X is not the problem", "X does not matter", "X is not why": the subject is what is rejected.
      const rest = clause.slice(firstNegator + 1).filter((t) => !t.filler);
      const judged = rest.every((t) => EVALUATIVE_PREDICATES.has(t.surface));
      clause.forEach((t, k) => {
        if (k > firstNegator || (judged && k < firstNegator)) t.negated = true;
        else if (k < firstNegator && !t.negated) t.subjectNegated = true;
      });
    }
    if (clauseNegators > 1) for (const t of clause) t.ambiguous = true;
    clause = [];
    firstNegator = -1;
    clauseNegators = 0;
    forward = false;
  };

  for (let k = 0; k < lexed.length; k++) {
    const item = lexed[k]!;
    if (item.kind !== "w") {
      closeClause();
      if (item.kind === "s") sentence++;
      if (item.kind === "n") {
        sentence++;
        line++;
      }
      if (item.kind !== "c") segment++;
      continue;
    }
    const word = item.value;
    if (CLAUSE_BREAKS.has(word)) closeClause();
    if (CONTRASTS.has(word)) segment++;
    const isClauseNegator = CLAUSE_NEGATORS.has(word);
    // "instead of flipping" rejects the flip; a sentence-initial "Instead, crop" proposes the crop.
    const next = lexed[k + 1];
    const needs = FORWARD_NEGATOR_NEEDS[word];
    const isForwardNegator = FORWARD_NEGATORS.has(word) && (!needs || (next?.kind === "w" && next.value === needs));
    if (isClauseNegator && clauseNegators++ === 0) firstNegator = clause.length;
    const { stem: s, canon } = canonOf(word);
    const token: Token = {
      surface: word, stem: s, canon, sentence, segment, line,
      filler: STOPWORDS.has(word) || isClauseNegator || isForwardNegator || CLAUSE_BREAKS.has(word),
      negated: forward, subjectNegated: false, ambiguous: false,
    };
    if (isForwardNegator) forward = true;
    tokens.push(token);
    clause.push(token);
  }
  closeClause();
  rejectOthersOptions(tokens);

  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    if (t.filler) return;
    const list = positions.get(t.canon);
    if (list) list.push(i);
    else positions.set(t.canon, [i]);
  });
  return { tokens, positions, lineCount: line + 1 };
}

/** How many words of real content a text has (stopwords and negators left out). */
export function contentWordCount(tokens: readonly Token[]): number {
  let n = 0;
  for (const t of tokens) if (!t.filler) n++;
  return n;
}

/**
 * "Some would use rotations; I would not": an option put in others' mouths and then rejected by the
 * student (a negated "I"/"we" clause in the same or the next sentence) is negated, so it earns nothing.
 */
function rejectOthersOptions(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!OTHERS.has(t.surface) || (i > 0 && tokens[i - 1]?.sentence === t.sentence && tokens[i - 1]?.segment === t.segment && !CLAUSE_BREAKS.has(tokens[i - 1]?.surface ?? ""))) continue;
    let end = i;
    while (end + 1 < tokens.length && tokens[end + 1]!.sentence === t.sentence && tokens[end + 1]!.segment === t.segment) end++;
    const rejects = tokens.slice(end + 1).filter((u) => u.sentence <= t.sentence + 1).some((u, k, rest) =>
      (u.surface === "i" || u.surface === "we") && rest.slice(k + 1, k + 5).some((v) => v.surface === "not" || v.surface === "never"));
    if (rejects) for (let k = i; k <= end; k++) tokens[k]!.negated = true;
  }
}
