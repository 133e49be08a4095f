import type { Question, ShortAnswer } from "../bank/schema.ts";
import type { Grade, StudentAnswer } from "./grade.ts";
import { EMPTY_ANSWER, buildGrade } from "./grade-result.ts";
import { scoreRubric } from "./rubric-scorer.ts";
import { analyzeText } from "./text-analysis.ts";

/**
 * Grades a short free-text answer against its concept rubric (see rubric-scorer.ts for matching and
 * for when a TA must review). The score is clamped to [0, points]; a sentence limit over-run is
 * pointed out, not penalized, since the exam's graders judged that themselves.
 */

/** Grades a `short` question. */
export function gradeShortAnswer(question: Question, spec: ShortAnswer, answer: StudentAnswer): Grade {
  const text = [answer.text, answer.justification ?? ""].filter((s) => s.trim() !== "").join("\n");
  if (text.trim() === "") {
    const items = spec.rubric.map((e) => ({ id: e.id, label: e.label, points: e.points, earned: 0, note: "No answer." }));
    return buildGrade(question, items, [EMPTY_ANSWER]);
  }
  const outcome = scoreRubric(spec.rubric, text, question.points, spec.parts);
  const feedback = [...outcome.feedback];
  if (spec.maxSentences !== undefined) {
    const tokens = analyzeText(text).tokens;
    const sentences = new Set(tokens.map((t) => t.sentence)).size;
    if (sentences > spec.maxSentences) {
      feedback.push(`The question asks for at most ${spec.maxSentences} sentences; yours has ${sentences}. On the exam, keep it short.`);
    }
  }
  return buildGrade(question, outcome.items, feedback, outcome.review);
}
