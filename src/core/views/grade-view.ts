import type { Question } from "../bank/schema.ts";
import { type Block, heading, list, type Reply, reply, text } from "../chat/reply.ts";
import { formatScore } from "../format.ts";
import type { AwardedItem, Grade } from "../grading/grade.ts";

/**
 * The rubric items of a grade, one line each: earned ✓, partly ◐, missed ✗. A deduction is shown
 * only when it was made, as what it took away (`− 2`), never with a ✓.
 */
export function rubricLines(items: readonly AwardedItem[]): string[] {
  return items.flatMap((item) => {
    const note = item.note ? `: ${item.note}` : "";
    if (item.points < 0) return item.earned < 0 ? [`− ${formatPoints(-item.earned)} ${item.label}${note}`] : [];
    const mark = item.earned >= item.points - 1e-9 ? "✓" : item.earned > 0 ? "◐" : "✗";
    return [`${mark} ${item.label} (${formatScore(item.earned, item.points)})${note}`];
  });
}

const formatPoints = (n: number) => String(Math.round(n * 100) / 100);

/** A graded practice answer: score/max, the rubric items earned and missed, feedback, the solution. */
export function gradeReply(question: Question, grade: Grade, comesBack?: string): Reply {
  const full = grade.score >= grade.max - 1e-9;
  const items = rubricLines(grade.items);
  const blocks: Block[] = [heading(`${question.id}: ${formatScore(grade.score, grade.max)}${full ? " ✓" : ""}`)];
  if (items.length) blocks.push(text(items.join("\n")));
  if (grade.feedback.length) blocks.push(list(grade.feedback));
  if (grade.needsReview) blocks.push(text("A TA will review this answer; the score above is provisional."));
  if (comesBack) blocks.push(text(comesBack));
  blocks.push(heading("Reference solution"), text(question.solution.trim()));
  return reply(blocks, {
    buttons: [
      { label: "Try again", style: "secondary", action: { command: "quiz", options: { question: question.id } } },
      { label: "Next question", style: "primary", action: { command: "quiz", options: {} } },
    ],
    data: { grade: { question: question.id, score: grade.score, max: grade.max, needsReview: grade.needsReview, items: grade.items, feedback: grade.feedback } },
  });
}
