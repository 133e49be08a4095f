import { formatScore } from "../format.ts";
import type { ExamReport } from "../practice/exam-service.ts";
import type { TimeZone } from "../time-zone.ts";

/** The per-problem report of a submitted mock exam, as on the paper cover page. */
export function examReportText(report: ExamReport, title: string, zone: TimeZone): string {
  const how = report.session.submittedBy === "deadline" ? "submitted automatically when time ran out" : "submitted";
  const lines = [
    `**Mock ${title.toLowerCase()} report** (${how} at ${zone.format(report.session.submittedAt ?? report.session.deadline)})`,
    "```",
    ...report.problems.map((p) => {
      const name = p.bonus ? "Bonus" : `Problem ${p.problem}`;
      return `${name.padEnd(10)} ${formatScore(p.score, p.max).padStart(7)}${p.pending.length ? `  (pending TA review: ${p.pending.join(", ")})` : ""}`;
    }),
    `${"Total".padEnd(10)} ${formatScore(report.score, report.max).padStart(7)} points + ${formatScore(report.bonus, report.bonusMax)} bonus`,
    "```",
    `You answered ${report.answered} question${report.answered === 1 ? "" : "s"}.`,
  ];
  if (report.pending.length) {
    lines.push(`Answers to ${report.pending.join(", ")} wait for a TA; your total may go up when they are graded.`);
  }
  return lines.join("\n");
}
