import { type Block, heading, list, quote, table, text } from "../chat/reply.ts";
import { formatScore } from "../format.ts";
import type { ExamReport, QuestionResult } from "../practice/exam-report.ts";
import type { TimeZone } from "../time-zone.ts";
import { rubricLines } from "./grade-view.ts";

/**
 * The report of a submitted mock exam, titled with its bank's exam: as on the paper cover page (a title, a score table per
 * problem, a summary), then, in full, every question in order with the answer that counted, its
 * score, the rubric items earned and missed, the feedback and the reference solution. The summary
 * alone ends by saying where the rest is (/exam review).
 */
export function examReportBlocks(report: ExamReport, zone: TimeZone, detail: "full" | "summary" = "full"): Block[] {
  const how = report.session.submittedBy === "deadline" ? "submitted automatically when time ran out" : "submitted";
  const rows = report.problems.map((p) => [
    p.bonus ? "Bonus" : `Problem ${p.problem}`,
    formatScore(p.score, p.max),
    p.pending.length ? `(pending TA review: ${p.pending.join(", ")})` : "",
  ]);
  // A bank without a bonus problem (a quiz) has no bonus to speak of.
  rows.push(["Total", formatScore(report.score, report.max), report.bonusMax > 0 ? `points + ${formatScore(report.bonus, report.bonusMax)} bonus` : "points"]);
  const summary = [`You answered ${report.answered} of ${report.questions.length} question${report.questions.length === 1 ? "" : "s"}.`];
  if (report.pending.length) summary.push(`Answers to ${report.pending.join(", ")} wait for a TA; your total may go up when they are graded.`);
  if (detail === "summary") summary.push("Each question with your answer, its rubric and the solution: /exam review.");
  const blocks: Block[] = [
    heading(`Mock ${report.title.toLowerCase()} report (${how} at ${zone.format(report.session.submittedAt ?? report.session.deadline)})`),
    table([{ header: "" }, { header: "Score", align: "right" }, { header: "" }], rows),
    text(summary.join("\n")),
  ];
  return detail === "full" ? [...blocks, ...report.questions.flatMap(questionBlocks)] : blocks;
}

/** One question of the report: what counted, how it was graded, and the solution. */
function questionBlocks(q: QuestionResult): Block[] {
  const a = q.attempt;
  const worth = `${q.points}${q.bonus ? " bonus" : ""} point${q.points === 1 ? "" : "s"}`;
  if (!a) return [heading(`${q.question} — ${q.title}: not answered (0/${worth})`), text(`**Solution:** ${q.solution}`)];
  const blocks: Block[] = [
    heading(`${q.question} — ${q.title}: ${formatScore(a.score, a.max)}${a.needsReview ? " (provisional: a TA will grade it)" : ""}`),
    quote(`${a.answer}${a.justification ? ` — ${a.justification}` : ""}`),
  ];
  const items = rubricLines(a.items);
  if (items.length) blocks.push(text(items.join("\n")));
  if (a.feedback.length) blocks.push(list(a.feedback));
  blocks.push(text(`**Solution:** ${q.solution}`));
  return blocks;
}
