import type { Question } from "../bank/schema.ts";
import { type Grade, GRADER_VERSION, type StudentAnswer } from "./grade.ts";
import { gradeBlanks } from "./blanks-grader.ts";
import { gradeChoice } from "./choice-grader.ts";
import { gradeDimensions } from "./dimensions-grader.ts";
import { gradeExpression } from "./expression-grader.ts";
import { gradeNumber } from "./number-grader.ts";
import { gradeForReview } from "./review-grader.ts";
import { gradeShortAnswer } from "./short-answer-grader.ts";
import { gradeTrueFalse } from "./true-false-grader.ts";

/** Longest answer graded; beyond it the text is cut, so no input can make grading slow. */
export const MAX_ANSWER_CHARS = 20_000;

function dispatch(question: Question, answer: StudentAnswer): Grade {
  const spec = question.answer;
  switch (spec.kind) {
    case "number":
      return gradeNumber(question, spec, answer);
    case "expression":
      return gradeExpression(question, spec, answer);
    case "dimensions":
      return gradeDimensions(question, spec, answer);
    case "blanks":
      return gradeBlanks(question, spec, answer);
    case "truefalse":
      return gradeTrueFalse(question, spec, answer);
    case "short":
      return gradeShortAnswer(question, spec, answer);
    case "choice":
      return gradeChoice(question, spec, answer);
    case "drawing":
    case "proof":
    case "essay":
      return gradeForReview(question, spec, answer);
  }
}

/**
 * Grades one answer to one question: pure, synchronous, and never throws. Graders turn bad student
 * input into feedback themselves; if one throws anyway (a bug, or a broken bank entry), the answer
 * goes to a TA instead of being lost.
 * @example gradeAnswer(q3a, { text: "false, because it helps generalization" }) // score 5/5
 */
export function gradeAnswer(question: Question, answer: StudentAnswer): Grade {
  try {
    return gradeAnswerOrThrow(question, answer);
  } catch {
    return {
      question: question.id,
      score: 0,
      max: question.points,
      items: [],
      feedback: ["We could not grade this automatically; a TA will."],
      needsReview: true,
      graderVersion: GRADER_VERSION,
    };
  }
}

/**
 * `gradeAnswer` without the safety net: a grader bug throws. The grading pool uses it, so a bug is
 * logged with a reference and retried instead of becoming an anonymous review.
 */
export function gradeAnswerOrThrow(question: Question, answer: StudentAnswer): Grade {
  const clipped: StudentAnswer = {
    text: String(answer?.text ?? "").slice(0, MAX_ANSWER_CHARS),
    ...(answer?.justification !== undefined ? { justification: String(answer.justification).slice(0, MAX_ANSWER_CHARS) } : {}),
  };
  return dispatch(question, clipped);
}
