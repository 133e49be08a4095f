import type { LintedItem, LintedPhrase, LintedRubric, LintReading, LintWarning, LintWarningKind, PhraseReader } from "./rubric-lint.ts";
import type { Question } from "./schema.ts";

/**
 * The rules of `tutor bank lint`, over phrases as the grader reads them (rubric-lint.ts): a phrase
 * that reads as nothing or as one common word, one that loses words its author meant, a guard that
 * cancels a phrase of its own item, a phrase the question's prompt already contains, and a phrase
 * two items share. Each warning says what to do.
 */

/**
 * Words found in nearly every answer of any course: a phrase read as one of them alone is earned by
 * answers that do not state the concept. Compared by stem, so "cases" is "case".
 */
const COMMON_WORDS = [
  "function", "value", "element", "item", "data", "number", "time", "use", "work", "need", "thing", "part", "case",
  "result", "answer", "question", "problem", "example", "set", "list", "size", "type", "form", "input", "output",
  "step", "method", "approach", "process", "information", "amount", "change", "point", "level", "order", "call",
  "new", "first", "last", "next", "good", "bad", "right", "wrong", "true", "false", "same", "different", "more",
  "less", "many", "all", "each", "high", "low", "big", "small", "increase", "decrease", "help", "better", "mean",
  "give", "take", "show", "say", "know", "find", "run", "return", "code", "program", "algorithm", "model",
];

/**
 * Stop words whose loss changes what a phrase says: "only a minibatch" is not "minibatch", "saturates
 * at both ends" not "saturates at an end". Articles, "is", "of" and the like lose nothing.
 */
const MEANINGFUL_STOP_WORDS = new Set(["one", "only", "both", "either", "neither", "other", "another", "while", "if", "what"]);

/** A formula-like phrase ("z = d + f"), where single letters are variables rather than noise. */
const FORMULA = /[=+*^<>]/;

/** Every warning of one question's rubrics; none for a rubric the grader does not match (a drawing's hints). */
export function rubricWarnings(question: Question, rubrics: readonly LintedRubric[], reader: PhraseReader): LintWarning[] {
  const graded = rubrics.filter((r) => r.graded);
  if (graded.length === 0) return [];
  const common = new Set(COMMON_WORDS.flatMap((w) => reader.read(w).stems));
  const items = graded.flatMap((r) => r.items);
  return [
    ...items.flatMap((item) => [...item.phrases, ...item.guards].flatMap((p) => warnReading(p, common))),
    ...items.flatMap(warnGuards),
    ...items.flatMap((item) => warnPrompt(item, question, reader)),
    ...graded.flatMap((r) => warnShared(r.items)),
  ];
}

const quoted = (words: readonly string[]) => words.map((w) => `"${w}"`).join(", ");
const what = (p: LintReading) => (p.guard ? `guard "unless: ${p.text}"` : `phrase "${p.text}"`);
const reads = (p: LintReading) => describeReading(p);

/**
 * The words a phrase comes to, as a TA reads them: `slow + test + time`, `"do while" + once`,
 * `left < node < right`, `n … log … n` (in this order).
 */
export function describeReading(p: LintReading): string {
  if (p.words.length === 0) return "(nothing)";
  return p.parts.map((part, i) => {
    const units = part.units.map((u) => (u.length > 1 ? `"${u.map((w) => w.surface).join(" ")}"` : (u[0]?.surface ?? "")));
    return `${i === 0 ? "" : ` ${p.relations[i - 1] ?? "<"} `}${units.join(part.inOrder ? " … " : " + ")}`;
  }).join("");
}
const warning = (p: LintedPhrase, kind: LintWarningKind, message: string): LintWarning => ({ path: p.path, kind, message });

/** A phrase that reads as nothing, as stop words only, as one common word, or that loses words. */
function warnReading(p: LintedPhrase, common: ReadonlySet<string>): LintWarning[] {
  if (p.words.length === 0) {
    return [warning(p, "empty", `${what(p)} has no word the grader can read, so it never matches: write the concept in words (spell out a symbol).`)];
  }
  if (p.stopWordsOnly) {
    return [warning(p, "empty", `${what(p)} is only stop words (${quoted(p.shown)}), which the grader then matches as written and most answers contain: name the concept in content words.`)];
  }
  const stem = p.stems[0] ?? "";
  if (p.words.length === 1 && (common.has(stem) || /^\p{L}{1,2}$/u.test(stem))) {
    const shrinks = p.dropped.length + p.merged.length > 0 ? `shrinks to the single word "${p.shown[0]}"` : `is the single word "${p.shown[0]}"`;
    const effect = p.guard ? "it cancels the item in almost every answer" : "almost every answer contains it";
    return [warning(p, "one-common-word", `${what(p)} ${shrinks} after stop words: ${effect}. Add the words that make it this concept.`)];
  }
  const formula = FORMULA.test(p.text);
  const lost = p.dropped.filter((w) => MEANINGFUL_STOP_WORDS.has(w) || (formula && /^\p{L}$/u.test(w)));
  if (lost.length === 0) return [];
  return [warning(p, "loses-words",
    `${what(p)} reads as ${reads(p)}: the grader ignores ${quoted(lost)} (stop words). If they matter, put the words that must appear as written in double quotes inside the phrase, or use a content word ("single", "squared").`)];
}

/** True when every word of `part` is among `whole`'s, as many times (a multiset inclusion). */
function within(part: readonly string[], whole: readonly string[]): boolean {
  const left = [...whole];
  return part.every((w) => {
    const i = left.indexOf(w);
    if (i >= 0) left.splice(i, 1);
    return i >= 0;
  });
}

/** A guard whose words are all in a phrase of its own item: wherever the phrase matches, the guard cancels it. */
function warnGuards(item: LintedItem): LintWarning[] {
  return item.guards.flatMap((g) => {
    const hit = item.phrases.find((p) => g.words.length > 0 && p.negated === g.negated && within(g.words, p.words));
    if (!hit) return [];
    return [warning(g, "guard-cancels",
      `${what(g)} reads as ${reads(g)}, words the phrase "${hit.text}" of this item also has: wherever an answer says "${hit.text}", the guard matches too and cancels it. Give the guard a word the phrase lacks.`)];
  });
}

/** A phrase the question's own prompt already contains: every answer that repeats the question matches it. */
function warnPrompt(item: LintedItem, question: Question, reader: PhraseReader): LintWarning[] {
  return item.phrases.flatMap((p) => {
    const found = p.words.length > 0 ? reader.foundIn(p.text, question.prompt) : undefined;
    if (found === undefined) return [];
    const effect = (item.points ?? 0) < 0 ? "gets this deduction" : "earns this item";
    return [warning(p, "matches-prompt",
      `${what(p)} is found in the question's own text (as "${found}"): every answer that repeats the question ${effect}. Use words only an answer would use.`)];
  });
}

/** What two phrases share when they read the same: their words in any order, unless order is checked. */
function readingKey(p: LintReading): string {
  if (!p.ordered) return [...p.words].sort().join(" ");
  return p.parts.map((part, i) => {
    const units = part.units.map((u) => u.map((w) => w.canon).join("_"));
    return `${i === 0 ? "" : ` ${p.relations[i - 1] ?? "<"} `}${part.inOrder ? units.join(" ") : units.sort().join(",")}`;
  }).join("");
}

/** The same reading in two items (or two options) of one rubric: one stretch of an answer counts for both. */
function warnShared(items: readonly LintedItem[]): LintWarning[] {
  const first = new Map<string, { item: LintedItem; phrase: LintedPhrase }>();
  const out: LintWarning[] = [];
  for (const item of items) {
    for (const phrase of item.phrases) {
      if (phrase.words.length === 0) continue;
      // Items looked for in different labelled parts of the answer never see the same words.
      const key = `${item.part ?? ""}|${phrase.negated ? "not " : ""}${readingKey(phrase)}`;
      const earlier = first.get(key);
      if (!earlier) first.set(key, { item, phrase });
      else if (earlier.item !== item) {
        out.push(warning(phrase, "shared-phrase",
          `${what(phrase)} reads the same as "${earlier.phrase.text}" of ${earlier.item.id} (${reads(phrase)}): an answer that says it is taken for both. Keep it in one of them, or make each say what tells them apart.`));
      }
    }
  }
  return out;
}
