import type { Question } from "../bank/schema.ts";
import { privateReply, type Reply } from "../chat/reply.ts";
import { formatScore } from "../format.ts";
import type { Grade } from "../grading/grade.ts";

/** A graded practice answer: score/max, the rubric items earned and missed, feedback, the solution. */
export function gradeReply(question: Question, grade: Grade): Reply {
  const full = grade.score >= grade.max - 1e-9;
  const lines = [`**${question.id}: ${formatScore(grade.score, grade.max)}**${full ? " ✓" : ""}`];
  for (const item of grade.items) {
    const mark = item.points < 0 ? (item.earned < 0 ? "✗" : "✓") : item.earned >= item.points - 1e-9 ? "✓" : item.earned > 0 ? "◐" : "✗";
    const worth = item.points < 0 ? `${item.earned < 0 ? item.earned : 0} (deduction)` : formatScore(item.earned, item.points);
    lines.push(`${mark} ${item.label} (${worth})${item.note ? `: ${item.note}` : ""}`);
  }
  if (grade.feedback.length) lines.push("", ...grade.feedback.map((f) => `• ${f}`));
  if (grade.needsReview) lines.push("", "A TA will review this answer; the score above is provisional.");
  lines.push("", "**Reference solution**", question.solution.trim());
  return privateReply(lines.join("\n"), {
    buttons: [
      { label: "Try again", style: "secondary", action: { command: "quiz", options: { question: question.id } } },
      { label: "Next question", style: "primary", action: { command: "quiz", options: {} } },
    ],
    data: { grade: { question: question.id, score: grade.score, max: grade.max, needsReview: grade.needsReview, items: grade.items, feedback: grade.feedback } },
  });
}
