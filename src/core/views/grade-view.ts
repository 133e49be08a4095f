import type { Question } from "../bank/schema.ts";
import { type Block, heading, list, type Reply, type ReplyButton, reply, text } from "../chat/reply.ts";
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

/**
 * A graded practice answer: score/max, the rubric items earned and missed, feedback. A full answer
 * (or one a TA will grade) shows the solution; a wrong or partial one to a question with hints keeps
 * it behind the buttons and offers a hint first, so the next try tests the skill, not memory of the
 * solution. A recognised mistake's hint is offered directly.
 */
export function gradeReply(question: Question, grade: Grade, comesBack?: string): Reply {
  const full = grade.score >= grade.max - 1e-9;
  const tutoring = !full && !grade.needsReview && question.hints.length > 0;
  const items = rubricLines(grade.items);
  const blocks: Block[] = [heading(`${question.id}: ${formatScore(grade.score, grade.max)}${full ? " ✓" : ""}`)];
  if (items.length) blocks.push(text(items.join("\n")));
  if (grade.feedback.length) blocks.push(list(grade.feedback));
  if (grade.needsReview) blocks.push(text("A TA will review this answer; the score above is provisional."));
  if (comesBack) blocks.push(text(comesBack));
  const pointed = grade.mistakes?.find((m) => m.hint !== undefined && m.hint <= question.hints.length)?.hint;
  const buttons: ReplyButton[] = [];
  if (tutoring) {
    const n = question.hints.length;
    blocks.push(text(pointed
      ? `Hint ${pointed} of ${n} is about this mistake; ask for it, then try again.`
      : `Stuck? Ask for a hint (${n} available) before looking at the solution.`));
    buttons.push(
      { label: pointed ? `Hint ${pointed}` : "Hint", style: "primary", action: { command: "hint", options: pointed ? { question: question.id, step: String(pointed) } : { question: question.id } } },
      { label: "Show solution", style: "secondary", action: { command: "solution", options: { question: question.id } } },
    );
  } else {
    blocks.push(heading("Reference solution"), text(question.solution.trim()));
  }
  buttons.push(
    { label: "Try again", style: "secondary", action: { command: "quiz", options: { question: question.id } } },
    { label: "Next question", style: tutoring ? "secondary" : "primary", action: { command: "quiz", options: {} } },
  );
  const mistakes = (grade.mistakes ?? []).map((m) => m.name);
  return reply(blocks, {
    buttons,
    data: { grade: { question: question.id, score: grade.score, max: grade.max, needsReview: grade.needsReview, items: grade.items, feedback: grade.feedback, ...(mistakes.length ? { mistakes } : {}) } },
  });
}
