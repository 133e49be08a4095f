import type { Question } from "../bank/schema.ts";
import { type Block, heading, list, type Reply, reply, text } from "../chat/reply.ts";
import { formatScore } from "../format.ts";
import type { Grade } from "../grading/grade.ts";

/** A graded practice answer: score/max, the rubric items earned and missed, feedback, the solution. */
export function gradeReply(question: Question, grade: Grade): Reply {
  const full = grade.score >= grade.max - 1e-9;
  const items: string[] = [];
  for (const item of grade.items) {
    const mark = item.points < 0 ? (item.earned < 0 ? "✗" : "✓") : item.earned >= item.points - 1e-9 ? "✓" : item.earned > 0 ? "◐" : "✗";
    const worth = item.points < 0 ? `${item.earned < 0 ? item.earned : 0} (deduction)` : formatScore(item.earned, item.points);
    items.push(`${mark} ${item.label} (${worth})${item.note ? `: ${item.note}` : ""}`);
  }
  const blocks: Block[] = [heading(`${question.id}: ${formatScore(grade.score, grade.max)}${full ? " ✓" : ""}`)];
  if (items.length) blocks.push(text(items.join("\n")));
  if (grade.feedback.length) blocks.push(list(grade.feedback));
  if (grade.needsReview) blocks.push(text("A TA will review this answer; the score above is provisional."));
  blocks.push(heading("Reference solution"), text(question.solution.trim()));
  return reply(blocks, {
    buttons: [
      { label: "Try again", style: "secondary", action: { command: "quiz", options: { question: question.id } } },
      { label: "Next question", style: "primary", action: { command: "quiz", options: {} } },
    ],
    data: { grade: { question: question.id, score: grade.score, max: grade.max, needsReview: grade.needsReview, items: grade.items, feedback: grade.feedback } },
  });
}
