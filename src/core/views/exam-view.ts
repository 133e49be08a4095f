import { type Block, heading, table, text } from "../chat/reply.ts";
import { formatScore } from "../format.ts";
import type { ExamReport } from "../practice/exam-service.ts";
import type { TimeZone } from "../time-zone.ts";

/** The per-problem report of a submitted mock exam, as on the paper cover page: a title, a score table, a summary. */
export function examReportBlocks(report: ExamReport, title: string, zone: TimeZone): Block[] {
  const how = report.session.submittedBy === "deadline" ? "submitted automatically when time ran out" : "submitted";
  const rows = report.problems.map((p) => [
    p.bonus ? "Bonus" : `Problem ${p.problem}`,
    formatScore(p.score, p.max),
    p.pending.length ? `(pending TA review: ${p.pending.join(", ")})` : "",
  ]);
  rows.push(["Total", formatScore(report.score, report.max), `points + ${formatScore(report.bonus, report.bonusMax)} bonus`]);
  const summary = [`You answered ${report.answered} question${report.answered === 1 ? "" : "s"}.`];
  if (report.pending.length) summary.push(`Answers to ${report.pending.join(", ")} wait for a TA; your total may go up when they are graded.`);
  return [
    heading(`Mock ${title.toLowerCase()} report (${how} at ${zone.format(report.session.submittedAt ?? report.session.deadline)})`),
    table([{ header: "" }, { header: "Score", align: "right" }, { header: "" }], rows),
    text(summary.join("\n")),
  ];
}
