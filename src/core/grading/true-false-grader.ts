import type { Question, TrueFalseAnswer } from "../bank/schema.ts";
import type { AwardedItem, Grade, StudentAnswer } from "./grade.ts";
import { EMPTY_ANSWER, buildGrade, roundPoints } from "./grade-result.ts";
import { scoreRubric } from "./rubric-scorer.ts";
import { gradeTermList } from "./short-answer-grader.ts";
import { promptWords, vocabularyFor } from "./vocabulary.ts";
import { firstWordTag } from "./claim-reading.ts";

/**
 * Grades a true/false statement with its justification, as the exam's rubric does: the choice earns
 * `choicePoints`, the justification earns the rest only with the rubric's reason; a wrong choice earns
 * nothing, whatever it says, unless it is the question's justified alternative reading (3d), which
 * earns up to `alternative.maxPoints` from its own rubric.
 *
 * The choice is the answer's first word: true/false, t/f; a verdict then a choice ("yes true, ...");
 * a chat yes/yep/nah whatever follows; no/right/wrong/correct unless they qualify the next word
 * ("No, because..." or "no it grows", but not "no regularization..."); "it is false" works too.
 * The justification is the rest of the text plus `answer.justification`.
 */

// "Fals", "flase", "ture", "tru": a slip in the first word (a letter dropped or swapped) still states the choice.
const CHOICE_WORD = String.raw`(true|false|t|f|fals|flase|fasle|flse|fase|fale|ture|treu|tru|trie|tue)`;
/**
 * Words a student puts before the choice they commit to while hedging it ("prob false?", "i think
 * true but not sure"): the choice stands, as a TA reads it.
 */
const HEDGE_PREFIX = String.raw`(?:(?:hmm+|hm+|um+|uh+|erm|well|ok|okay|so)[\s,.]+)?` +
  String.raw`(?:(?:could be|might be|may be|must be|should be|prob|probs|probably|maybe|perhaps|likely|most likely|i think|i guess|i believe|i'd say|i would say|i say|pretty sure|not sure but|im not sure but|i'm not sure but|i'd go with|i would go with|going with|i choose|i pick)[\s,]+)?`;
/** Punctuation after the choice word, a hedging "?" included ("false? since ..."). */
const AFTER_CHOICE = String.raw`[\s.,:;!?)*"'”\-–—]*`;
const LEADING_CHOICE = new RegExp(String.raw`^[\s(*"'“]*${HEDGE_PREFIX}${CHOICE_WORD}\b${AFTER_CHOICE}`, "i");
/** Words that are a verdict only as the whole first phrase: "No, because..." but not "no regularization...". */
const LEADING_VERDICT = new RegExp(
  String.raw`^[\s(*"'“]*(yes|no|yep|yup|yeah|ya|nope|nah|incorrect|wrong|not true|untrue|not correct|correct|right)` +
  // "No, because…", "nope", and a chat "no its an estimate"; never "no regularization…".
  String.raw`\s*(?:[.,:;!\-–—]+|$|(?=(?:it|its|it's|because|bc|since|cuz|cause|that|this|you|u|we|as|not|never)\b))\s*`,
  "i",
);
/** Both choices asserted ("true or false, it depends", "T/F"): no choice is made. */
const HEDGE = new RegExp(String.raw`^[\s(*"'“]*(?:true|false|t|f)\s*(?:or|/|and|\\)\s*(?:true|false|t|f)\b|^[\s(*"'“]*(?:it\s+)?depends\b|^[\s(*"'“]*(?:both|either|kind of|sort of)\b`, "i");
const STATED_CHOICE = new RegExp(
  String.raw`^\s*(?:(?:i think|i believe|i'd say|i would say|i say)\s+)?` +
  String.raw`(?:(?:the statement is|this statement is|statement is|it is|it's|its|this is|the answer is|my answer is|answer is|answer\s*:)\s*)?` +
  String.raw`${CHOICE_WORD}\b${AFTER_CHOICE}`,
  "i",
);
/** A verdict stated of the statement ("It is not correct.", "this is wrong"): false or true. */
const STATED_VERDICT = new RegExp(
  String.raw`^\s*(?:the statement is|this statement is|statement is|it is|it's|its|this is|that is|that's)\s+` +
  String.raw`(not true|untrue|not correct|incorrect|correct|wrong|right)\b${AFTER_CHOICE}`,
  "i",
);
const MEANS_TRUE = new Set(["true", "t", "ture", "treu", "tru", "trie", "tue", "yes", "yep", "yup", "yeah", "ya", "correct", "right", "agree", "i agree", "i fully agree", "fully agree"]);
const VERDICT_WORD = String.raw`(?:yes|no|yep|yup|yeah|ya|nope|nah|incorrect|wrong|not true|untrue|not correct|correct|right)`;
/** A verdict then a choice spelt out ("yes true, ..."; not "no t-test"): the choice word says which. */
const VERDICT_THEN_CHOICE = new RegExp(String.raw`^[\s(*"'“]*${VERDICT_WORD}\b[\s.,:;!\-–—]*(true|false|fals|flase|fasle|ture|treu)\b[\s.,:;!)*"'”\-–—]*`, "i");
/** Chat affirmations and negations that are never a determiner: a choice whatever follows ("yep lr too low"). */
const CHAT_VERDICT = /^[\s(*"'“]*(yes|yep|yup|yeah|ya|nope|nah|(?:i\s+)?(?:fully\s+)?(?:agree|disagree))\b(?:\s+with\s+(?:it|this|that|the\s+statement))?[\s.,:;!\-–—]*/i;
/**
 * "no", "right", "wrong", "correct" followed by a word: a verdict unless that word is what they
 * qualify ("no regularization helps", "correct labels matter"), told by its part of speech.
 */
const PLAIN_VERDICT = /^[\s(*"'“]*(no|incorrect|wrong|correct|right)\s+(?=\S)/i;
const QUALIFIED = new Set(["NOUN", "PROPN", "ADJ", "NUM", "X", "SYM"]);

/** A choice word opening the rest, after the first choice: "False true. ..." and "could be true or false" assert both. */
const SECOND_CHOICE = /^(?:(?:or|and)\s+|\/\s*)?(true|false|t|f)\b/i;

/** Splits "false, because ..." into the choice and the rest; choice undefined when there is none. */
export function parseChoice(text: string): { choice?: boolean; rest: string; hedged?: boolean } {
  const clean = text.replace(/[’‘]/g, "'");
  // "False is wrong here, so: true. …": the choice named first is the one rejected.
  const rejected = REJECTED_CHOICE.exec(clean);
  if (rejected) {
    const after = parseChoice(clean.slice(rejected[0].length));
    const named = (rejected[1] ?? "").toLowerCase() === "true";
    return after.choice === !named ? after : { rest: clean.trim(), hedged: true };
  }
  if (HEDGE.test(clean)) return { rest: clean.trim(), hedged: true };
  for (const re of [VERDICT_THEN_CHOICE, LEADING_CHOICE, LEADING_VERDICT, STATED_CHOICE, STATED_VERDICT, CHAT_VERDICT]) {
    const m = re.exec(clean);
    if (!m) continue;
    const said = (m[1] ?? "").toLowerCase().replace(/\s+/g, " ");
    const choice = MEANS_TRUE.has(said);
    const rest = clean.slice(m[0].length).trim();
    const second = SECOND_CHOICE.exec(rest);
    if (second && MEANS_TRUE.has(second[1]!.toLowerCase()) !== choice) return { rest, hedged: true };
    if (takesItBack(rest, choice)) return { rest, hedged: true };
    return { choice, rest };
  }
  const plain = PLAIN_VERDICT.exec(clean);
  if (plain && !QUALIFIED.has(firstWordTag(clean.slice(plain[0].length)) ?? "X")) {
    return { choice: MEANS_TRUE.has((plain[1] ?? "").toLowerCase()), rest: clean.slice(plain[0].length).trim() };
  }
  return choiceStatedLater(clean) ?? { rest: text.trim() };
}

/**
 * "True for plain Adagrad, but it could be false if …, so it depends": the reason that follows
 * grants the other choice, so no choice is made.
 */
function takesItBack(rest: string, choice: boolean): boolean {
  const other = choice ? "false" : "true";
  // "could be true only if the batch is the whole set" states a condition, not the other choice.
  return new RegExp(String.raw`\b(?:could|might|may|would|can)\s+(?:also\s+)?be\s+${other}\b(?!\s+(?:only\s+)?(?:if|when|for|in)\b)`, "i").test(rest) ||
    /\b(?:so|thus)\s+it\s+depends\b|\bit\s+depends\s*[.!]?\s*$/i.test(rest);
}

/** A choice named and rejected at the start: "False is wrong here, so: …". */
const REJECTED_CHOICE = /^[\s(*"'“]*(true|false)\s+is\s+(?:wrong|incorrect|not\s+(?:right|correct|it|the\s+answer))\b[^.,:;!?]*[.,:;!?]*\s*/i;

/** A sentence that is only the choice, after a first remark: "its not exact. false. the batch …", "…, so false." */
const CHOICE_SENTENCE = new RegExp(
  String.raw`(?:^|[.!?;\n]\s*|,\s*(?=(?:so|hence|thus|therefore)\b))(?:(?:so|hence|thus|therefore|the statement is|statement is|answer\s*:|the answer is)[\s,:]+){0,2}` +
  String.raw`(true|false)\s*(?:[.!?;\n]|$)`,
  "gi",
);

/**
 * The choice stated as a sentence of its own somewhere after the first: one choice only (both
 * said is a hedge). The rest is the answer without it.
 */
function choiceStatedLater(text: string): { choice?: boolean; rest: string; hedged?: boolean } | undefined {
  const found = [...text.matchAll(CHOICE_SENTENCE)];
  if (found.length === 0) return undefined;
  if (/\b(?:true|false)\b[\s?!.,]*(?:or|\/)\s*(?:true|false)\b/i.test(text)) return { rest: text.trim(), hedged: true };
  const choices = new Set(found.map((m) => (m[1] ?? "").toLowerCase() === "true"));
  if (choices.size > 1) return { rest: text.trim(), hedged: true };
  const m = found[0]!;
  const rest = `${text.slice(0, m.index)}. ${text.slice(m.index + m[0].length)}`.replace(/^[\s.]+|[\s.]+$/g, "");
  return { choice: choices.has(true), rest };
}

const word = (b: boolean) => (b ? "true" : "false");

/** Grades a `truefalse` question. */
export function gradeTrueFalse(question: Question, spec: TrueFalseAnswer, answer: StudentAnswer): Grade {
  const { choice, rest, hedged } = parseChoice(answer.text);
  const justification = [rest, answer.justification?.trim() ?? ""].filter((s) => s !== "").join("\n");
  const choiceItem = (earned: number, note: string): AwardedItem =>
    ({ id: "choice", label: `The choice (${word(spec.correct)})`, points: spec.choicePoints, earned, note });
  const justificationMax = question.points - spec.choicePoints;

  if (hedged) {
    return buildGrade(question, [choiceItem(0, "Both choices given.")], [
      "Your answer gives both true and false (or says it depends); choose one and justify it. An answer that asserts both earns no credit.",
    ]);
  }
  if (choice === undefined) {
    if (answer.text.trim() === "" && justification === "") return buildGrade(question, [choiceItem(0, "No answer.")], [EMPTY_ANSWER]);
    // The choice may be there in words no rule knows: a TA decides rather than a silent 0.
    return buildGrade(question, [choiceItem(0, "No true or false found.")], [
      'Start your answer with true or false, then give your reason, e.g. "false, because ...".',
    ], ["No true or false found at the start of the answer; a TA will read it."]);
  }

  if (choice === spec.correct) {
    const items = [choiceItem(spec.choicePoints, `You chose ${word(choice)}: right.`)];
    // A question without a justification rubric (imported from Moodle or GIFT) is the choice alone.
    if (spec.justification.length === 0) return buildGrade(question, items, []);
    if (justification === "") {
      return buildGrade(question, [...items, ...spec.justification.map((e) => ({ id: e.id, label: e.label, points: e.points, earned: 0, note: "No justification given." }))], [
        `Your choice is right, but full credit needs a justification: say why the statement is ${word(choice)}.`,
      ]);
    }
    const outcome = scoreRubric(spec.justification, justification, justificationMax, undefined, vocabularyFor(question), promptWords(question), { optionsAreOneReason: true });
    const list = gradeTermList(outcome.items, justification, false);
    return buildGrade(question, [...items, ...(list?.items ?? outcome.items)], outcome.feedback, [...outcome.review, ...(list?.review ?? [])]);
  }

  const alternative = spec.alternative;
  if (alternative && alternative.choice === choice) {
    const note = `You chose ${word(choice)}; the expected answer is ${word(spec.correct)}.`;
    const other = `${word(choice)} earns up to ${alternative.maxPoints} points only with a justification of this reading: ${alternative.reading}`;
    if (justification === "") return buildGrade(question, [choiceItem(0, note)], [`The statement is ${word(spec.correct)}; ${other}`]);
    const outcome = scoreRubric(alternative.justification, justification, alternative.maxPoints, undefined, vocabularyFor(question), promptWords(question));
    const grade = buildGrade(question, [choiceItem(0, note), ...outcome.items], [`The statement is ${word(spec.correct)}; ${other}`, ...outcome.feedback], outcome.review);
    return { ...grade, score: roundPoints(Math.min(grade.score, alternative.maxPoints)) };
  }

  const items = [
    choiceItem(0, `You chose ${word(choice)}; the statement is ${word(spec.correct)}.`),
    ...spec.justification.map((e) => ({ id: e.id, label: e.label, points: e.points, earned: 0, note: "No credit for a justification of the wrong choice." })),
  ];
  return buildGrade(question, items, [spec.justification.length === 0
    ? `The statement is ${word(spec.correct)}.`
    : `The statement is ${word(spec.correct)}, so a justification of ${word(choice)} earns no credit.`]);
}
