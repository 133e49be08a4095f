import type { ChoiceAnswer, ChoiceOption, Question } from "../bank/schema.ts";
import { verbatim } from "../chat/reply.ts";
import type { AwardedItem, Grade, StudentAnswer } from "./grade.ts";
import { EMPTY_ANSWER, buildGrade, roundPoints } from "./grade-result.ts";

/**
 * Grades a multiple-choice question as Moodle does: one option earns its points; when several may
 * be chosen, the points of every chosen option add up, so a wrong pick (negative points) takes back
 * what a right one earned, and the total is clamped to [0, points].
 *
 * Students name options the ways they write on paper: `b`, `B`, `(b)`, `b)`, `b.`, `b) 1/3`,
 * `answer: b`, the option's own text, or for several `a, c`, `a and c`, `a c`. An answer that names
 * no option (or, for one answer, names two) earns nothing and says how to answer; it is not a
 * guess a TA must check.
 */

/** Spacing, case, `$`, `*` and end punctuation never tell two answers apart. */
const key = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[$*`"'“”‘’\s]/g, "").replace(/[.!]+$/, "");

const PREFIX = /^\s*(?:(?:i\s+(?:choose|chose|pick|picked|select|selected|think(?:\s+it'?s)?)|(?:(?:my|the)\s+)?(?:answers?|options?|choices?)(?:\s+(?:is|are))?)\s*[:=-]?\s*)+/i;
const LETTER = /^\(?([a-z])\)?[.:]?$/i;
const SEPARATOR = /\s*(?:,|;|\/|&|\+|\band\b|\s)\s*/i;
/** A letter that opens a line of text: "b) 1/3", "(b) because…", "b. 1/3", "B: 1/3". */
const LEADING_LETTER = /^\s*(?:\(([a-z])\)|([a-z])\)|([a-z])(?:[.:](?=\s|$)|(?=\s+(?:because|since|as)\b|\s*[-–—]\s)))/i;
/** Words that start a reason after the options: "a, c, because…". */
const REASON = /^(?:because|since|as|so|bc|it|its|it's|this|that|which)\b/i;

/** What an answer named: option letters (possibly not options of this question), or nothing readable. */
export function readChoices(spec: ChoiceAnswer, text: string): string[] | undefined {
  const body = text.trim().replace(PREFIX, "").replace(/\)\s*\(/g, ") (").trim();
  if (body === "") return undefined;
  const byText = (s: string) => spec.options.find((o) => key(o.text) === key(s))?.id;
  const whole = byText(body) ?? byText(text);
  if (whole) return [whole];
  const tokens = body.replace(/[.!]+$/, "").split(SEPARATOR).filter((t) => t !== "");
  const letters = tokens.map((t) => LETTER.exec(t)?.[1]?.toLowerCase());
  if (letters.every((l) => l !== undefined)) return unique(letters as string[]);
  // Several lines or comma-separated parts, each a letter with its text, or an option's text.
  const parts = body.split(/\s*[,;\n]\s*/).filter((p) => p !== "");
  const named = parts.map((p) => {
    const m = LEADING_LETTER.exec(p) ?? LETTER.exec(p);
    return m ? (m[1] ?? m[2] ?? m[3])?.toLowerCase() : byText(p);
  });
  // The options named first, then the reason: "a, c, because both hold".
  const firstProse = named.findIndex((l) => l === undefined);
  if (firstProse < 0) return unique(named as string[]);
  if (firstProse > 0 && REASON.test(parts[firstProse] ?? "")) return unique(named.slice(0, firstProse) as string[]);
  const leading = LEADING_LETTER.exec(body);
  if (leading) return [(leading[1] ?? leading[2] ?? leading[3] ?? "").toLowerCase()];
  // "I'd go with (b) since…": letters in parentheses anywhere.
  const inParens = [...body.matchAll(/\(([a-z])\)/gi)].map((m) => (m[1] ?? "").toLowerCase());
  return inParens.length > 0 ? unique(inParens) : undefined;
}

const unique = (ids: string[]) => [...new Set(ids)];
const named = (o: ChoiceOption) => `(${o.id}) ${o.text}`;
const listIds = (ids: string[]) => (ids.length <= 1 ? ids.join("") : `${ids.slice(0, -1).join(", ")} or ${ids.at(-1)}`);

/** How to answer, said when an answer names no option. */
function howTo(spec: ChoiceAnswer): string {
  const ids = spec.options.map((o) => o.id);
  // No example: a letter shown as one could read as a hint.
  return spec.multiple
    ? `Answer with the letters of every option you choose (${listIds(ids)}), separated by commas.`
    : `Answer with the letter of one option (${listIds(ids)}).`;
}

/** Grades a `choice` question. */
export function gradeChoice(question: Question, spec: ChoiceAnswer, answer: StudentAnswer): Grade {
  const text = [answer.text, answer.justification ?? ""].filter((s) => s.trim() !== "").join("\n");
  const choiceItem = (earned: number, note: string): AwardedItem => ({ id: "choice", label: "The choice", points: question.points, earned, note });
  if (text.trim() === "") return buildGrade(question, [choiceItem(0, "No answer.")], [EMPTY_ANSWER]);
  const chosen = readChoices(spec, answer.text) ?? (answer.justification ? readChoices(spec, text) : undefined);
  if (!chosen) return buildGrade(question, [choiceItem(0, "No option named.")], [howTo(spec)], [], [], [howTo(spec)]);
  const unknown = chosen.filter((id) => !spec.options.some((o) => o.id === id));
  if (unknown.length > 0) {
    const message = `There is no option ${listIds(unknown.map((id) => `(${id})`))}. ${howTo(spec)}`;
    return buildGrade(question, [choiceItem(0, "Not an option.")], [message], [], [], [message]);
  }
  const picked = spec.options.filter((o) => chosen.includes(o.id));
  const feedback = picked.flatMap((o) => (o.feedback ? [`(${o.id}): ${o.feedback}`] : []));
  if (!spec.multiple) {
    if (picked.length > 1) {
      return buildGrade(question, [choiceItem(0, `You chose ${picked.map((o) => `(${o.id})`).join(" and ")}.`)], [
        `This question has one answer, and yours names ${picked.length} options: choose one.`,
      ]);
    }
    const [o] = picked as [ChoiceOption];
    const earned = roundPoints(Math.max(0, Math.min(question.points, o.points)));
    const verdict = earned >= question.points ? "right" : earned > 0 ? "partly right" : "not right";
    return buildGrade(question, [choiceItem(earned, `You chose ${verbatim(named(o))}: ${verdict}.`)], feedback.length ? feedback : earned < question.points ? [`(${o.id}) is ${verdict}.`] : []);
  }
  const items: AwardedItem[] = picked.map((o) => ({
    id: o.id, label: named(o), points: o.points, earned: o.points,
    note: o.points > 0 ? "Chosen: right." : o.points < 0 ? "Chosen: not right, so it deducts." : "Chosen: not right.",
  }));
  // Right options not chosen are counted, never named: a retry must not be handed the answer.
  const missed = spec.options.filter((o) => o.points > 0 && !chosen.includes(o.id));
  if (missed.length > 0) {
    const points = roundPoints(missed.reduce((s, o) => s + o.points, 0));
    items.push({ id: "missed", label: "The other right options", points, earned: 0, note: `${missed.length} not chosen.` });
  }
  const wrong = picked.filter((o) => o.points <= 0).length;
  const summary = [
    ...(wrong > 0 ? [`${wrong === 1 ? "One option you chose is" : `${wrong} options you chose are`} not right${picked.some((o) => o.points < 0) ? ", which costs points" : ""}.`] : []),
    ...(missed.length > 0 ? [`${missed.length === 1 ? "One right option is" : `${missed.length} right options are`} missing.`] : []),
  ];
  return buildGrade(question, items, [...summary, ...feedback]);
}
