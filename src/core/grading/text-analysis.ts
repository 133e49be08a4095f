import {
  CLAUSE_BREAKS, CLAUSE_NEGATORS, EVALUATIVE_PREDICATES, FORWARD_NEGATORS, OTHERS, PRESENCE_PREDICATES, STOPWORDS, SUBJECT_STARTERS, SUBORDINATORS, VERDICT_NEGATORS,
} from "./synonym-table.ts";
import { rejectedByLaterVerdicts } from "./later-verdicts.ts";
import { applyRewrites, lex, verdictsInFront } from "./text-lexer.ts";
import { BASE_VOCABULARY, type Vocabulary } from "./vocabulary.ts";

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
  /** The clause the word is in (numbered through the text): commas, "and", "because" end one. */
  clause: number;
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
  /** True when the clause holds two negations, or a contrast takes up what it denied: a TA should judge. */
  ambiguous: boolean;
  /** A comparison written just before the word: `<` (<, ≤, ->, →) or `>` (>, ≥). */
  mark?: "<" | ">";
  /** The double-quoted stretch the word is in (0 for the first), if any: a rubric phrase's exact words. */
  quote?: number;
}

/** An analysed text, with an index from canon to token positions (ascending). */
export interface AnalyzedText {
  tokens: Token[];
  /** Positions of content words by canon. */
  positions: Map<string, number[]>;
  /** Positions of stop words and negators by canon, for the phrases that keep such a word ("one element"). */
  fillerPositions: Map<string, number[]>;
  lineCount: number;
  /** The vocabulary the text was read with; phrases matched against it must be read with the same. */
  vocabulary: Vocabulary;
}

/** Words that turn to a contrasting claim: a phrase never spans one ("fast at test time but slow..."). */
const CONTRASTS: ReadonlySet<string> = new Set(["but", "whereas", "however", "although", "though", "yet"]);

/** Forward negators that negate only with their preposition: "instead of", "rather than". */
const FORWARD_NEGATOR_NEEDS: Readonly<Record<string, string>> = { instead: "of", rather: "than" };

/** True when a stem belongs to the built-in synonym table, i.e. it is a known word rather than a typo. */
export function isKnownStem(s: string): boolean {
  return BASE_VOCABULARY.isKnownStem(s);
}

/** Every stem and listed word whose built-in canon is `canon` (what a typo may be a misspelling of). */
export function formsOfCanon(canon: string): string[] {
  return BASE_VOCABULARY.formsOfCanon(canon);
}

/**
 * Analyses a text. Linear in its length, so a 10,000-character answer costs well under a millisecond
 * per kilobyte. Negation: "not"-like words negate their whole clause ("flipping is not valid"),
 * "no"/"without"/"instead of" only what follows ("rotate instead of flipping").
 */
export function analyzeText(text: string, vocabulary: Vocabulary = BASE_VOCABULARY): AnalyzedText {
  const lexed = verdictsInFront(vocabulary.rewrite(applyRewrites(lex(text))), (w) => STOPWORDS.has(w) || CLAUSE_NEGATORS.has(w));
  const tokens: Token[] = [];
  let sentence = 0;
  let segment = 0;
  let line = 0;
  let clause: Token[] = [];
  let clauseIndex = 0;
  let firstNegator = -1;
  let clauseNegators = 0;
  let forward = false;
  let mark: "<" | ">" | undefined;
  let quote = -1;
  let quotes = 0;

  const closeClause = () => {
    if (firstNegator >= 0) {
      // "X is not the problem", "X does not matter", "X is not why": the subject is what is rejected.
      const rest = clause.slice(firstNegator + 1).filter((t) => !t.filler);
      // "X does not matter for images", "X is not the cause of it": the judgement comes first, then a filler.
      const judgedFirst = EVALUATIVE_PREDICATES.has(rest[0]?.surface ?? "") && clause[clause.indexOf(rest[0]!) + 1]?.filler !== false;
      // Nothing after the negation ("go deep until it cannot"): the verb is left out, the subject stands.
      const judged = clause.length > firstNegator + 1 && (judgedFirst || rest.every((t) => EVALUATIVE_PREDICATES.has(t.surface)));
      clause.forEach((t, k) => {
        if (k > firstNegator || (judged && k < firstNegator)) t.negated = true;
        else if (k < firstNegator && !t.negated) t.subjectNegated = true;
      });
      // "sharing and sparsity are not used in conv layers": denied of something the question may be
      // about; whether the student denies the concept or only places it is a TA's to read.
      if (!judged && PRESENCE_PREDICATES.has(rest[0]?.surface ?? "")) {
        const first = clause[0];
        for (let k = tokens.length - 1; k >= 0 && first && tokens[k]!.sentence === first.sentence && tokens[k]!.segment === first.segment; k--) {
          const t = tokens[k]!;
          if (!t.filler && !t.negated) t.ambiguous = true;
        }
      }
    }
    if (clauseNegators > 1) for (const t of clause) t.ambiguous = true;
    if (clause.length > 0) clauseIndex++;
    clause = [];
    firstNegator = -1;
    clauseNegators = 0;
    forward = false;
  };

  for (let k = 0; k < lexed.length; k++) {
    const item = lexed[k]!;
    // Comparisons and quotes mark the next words; they neither end a clause nor take a position.
    if (item.kind === "r") {
      mark = item.value === ">" ? ">" : "<";
      continue;
    }
    if (item.kind === "q") {
      quote = quote >= 0 ? -1 : quotes++;
      continue;
    }
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
    // "It is not because the rate is small": the reason that follows is what is denied.
    const deniedReason = DENIABLE_REASONS.has(word) && clause.length > 0 && CLAUSE_NEGATORS.has(clause.at(-1)!.surface);
    if (CLAUSE_BREAKS.has(word) || startsMainClause(clause, firstNegator, word)) closeClause();
    if (deniedReason) forward = true;
    // "with no breaks it is smooth": "no" denies its noun, not the clause a new subject starts.
    if (forward && !deniedReason && NEW_SUBJECTS.has(word) && clause.some((t) => !t.filler && t.negated)) forward = false;
    if (CONTRASTS.has(word)) segment++;
    const isClauseNegator = CLAUSE_NEGATORS.has(word);
    // "instead of flipping" rejects the flip; a sentence-initial "Instead, crop" proposes the crop.
    const next = lexed[k + 1];
    const needs = FORWARD_NEGATOR_NEEDS[word];
    const isForwardNegator = FORWARD_NEGATORS.has(word) && (!needs || (next?.kind === "w" && next.value === needs));
    // "slid across and reused, rather than separate weights per place": what follows is the rejected
    // alternative, a stretch of its own, so no phrase takes words from both sides.
    if (needs && isForwardNegator && clause.length > 0) segment++;
    if (isClauseNegator && clauseNegators++ === 0) firstNegator = clause.length;
    const { stem: s, canon } = vocabulary.canonOf(word);
    const token: Token = {
      surface: word, stem: s, canon, sentence, segment, line, clause: clauseIndex,
      filler: (STOPWORDS.has(word) && !vocabulary.listsWord(word)) || (isClauseNegator && !VERDICT_NEGATORS.has(word)) || isForwardNegator ||
        CLAUSE_BREAKS.has(word),
      negated: forward, subjectNegated: false, ambiguous: false,
    };
    if (mark) token.mark = mark;
    if (quote >= 0) token.quote = quote;
    mark = undefined;
    if (isForwardNegator) forward = true;
    tokens.push(token);
    clause.push(token);
  }
  closeClause();
  rejectOthersOptions(tokens);
  claimedByContrast(tokens);
  deniedAlternatives(tokens);
  rejectedByLaterVerdicts(tokens);

  const positions = new Map<string, number[]>();
  const fillerPositions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const index = t.filler ? fillerPositions : positions;
    const list = index.get(t.canon);
    if (list) list.push(i);
    else index.set(t.canon, [i]);
  });
  return { tokens, positions, fillerPositions, lineCount: line + 1, vocabulary };
}

/** Pronouns that start a clause of their own after a forward negator's noun ("without noise it converges"). */
const NEW_SUBJECTS: ReadonlySet<string> = new Set(["it", "they", "we", "you", "i", "he", "she"]);

/** Words that give a reason, which a negation right before them denies ("not because …", "not due to …"). */
const DENIABLE_REASONS: ReadonlySet<string> = new Set(["because", "since", "due"]);

const BE_FORMS: ReadonlySet<string> = new Set(["is", "are", "was", "were", "be", "been", "being", "gets", "get"]);

/**
 * True when `word` starts the main clause after a negated subordinate one with no comma between:
 * in "if a recursion never hits its base case the stack overflows", "the" follows the negated
 * verb's object, so "the stack overflows" is not negated. A subject word right after the negated
 * verb is its object ("does not reach the base case"), unless that verb is passive ("is not
 * resized the chains grow").
 */
function startsMainClause(clause: readonly Token[], negator: number, word: string): boolean {
  if (negator < 0 || !SUBJECT_STARTERS.has(word) || !SUBORDINATORS.has(clause[0]?.surface ?? "")) return false;
  const last = clause.at(-1);
  if (!last || last.filler) return false;
  const content = clause.slice(negator + 1).filter((t) => !t.filler).length;
  return content >= 2 || (content === 1 && BE_FORMS.has(clause[negator - 1]?.surface ?? ""));
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

/** Words after a contrast that take up what was denied before it: "…, whereas conv layers have both". */
const TAKEN_UP: ReadonlySet<string> = new Set(["both", "them"]);

/**
 * "FC layers have no sharing and no sparsity, whereas conv layers have both": what the first part
 * denies of one subject, the contrast asserts of another, so those words read either way (a phrase
 * of either polarity matches them), as a subject of a negated clause does. Which subject has them
 * is not checked, so a TA confirms (the words are marked ambiguous).
 */
function claimedByContrast(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!CONTRASTS.has(t.surface)) continue;
    const rest = tokens.slice(i + 1).filter((u) => u.sentence === t.sentence);
    if (rest.some((u) => u.negated || CLAUSE_NEGATORS.has(u.surface)) || !rest.some((u) => TAKEN_UP.has(u.surface))) continue;
    for (let k = i - 1; k >= 0 && tokens[k]!.sentence === t.sentence; k--) {
      const u = tokens[k]!;
      if (u.negated && !u.filler) {
        u.negated = false;
        u.subjectNegated = true;
        u.ambiguous = true;
      }
    }
  }
}

/**
 * Prepositions that say whose a property is ("a property of X", "found in X"); not "to" or "for",
 * which state a purpose ("meant to prevent overfitting, not to lower the training loss").
 */
const ATTACHING: ReadonlySet<string> = new Set(["of", "in"]);
/** Longest "not of B" fragment read as a denied alternative. */
const MAX_FRAGMENT = 6;

/**
 * "Sharing and sparsity are properties of FC layers, not of conv layers": a short clause "not" +
 * a preposition the claim before it used (in its sentence, since the last contrast) denies the
 * claim of B and makes it of A. Which of A and B
 * the claim is right for is the question's, not the words', so the claim's words are marked
 * ambiguous: they may earn, but a TA confirms.
 */
function deniedAlternatives(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const prep = tokens[i + 1]!;
    const previous = tokens[i - 1]!;
    if (t.surface !== "not" || !ATTACHING.has(prep.surface) || prep.clause !== t.clause || previous.clause === t.clause) continue;
    if (previous.sentence !== t.sentence) continue;
    let end = i;
    while (end + 1 < tokens.length && tokens[end + 1]!.clause === t.clause) end++;
    if (end - i + 1 > MAX_FRAGMENT) continue;
    let start = i - 1;
    while (start > 0 && tokens[start - 1]!.sentence === t.sentence && tokens[start - 1]!.segment === t.segment) start--;
    const claim = tokens.slice(start, i);
    if (!claim.some((u) => u.surface === prep.surface)) continue;
    for (const u of claim) if (!u.filler && !u.negated) u.ambiguous = true;
  }
}
