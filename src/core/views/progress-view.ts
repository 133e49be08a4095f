import { bar, formatScore } from "../format.ts";
import type { Progress } from "../practice/progress-service.ts";
import type { TimeZone } from "../time-zone.ts";
import { examReportText } from "./exam-view.ts";

/** /progress as a compact table that reads well in any chat's monospace block. */
export function progressText(p: Progress, examTitle: string, zone: TimeZone): string {
  const lines = [`**Your progress**: ${p.attempts} practice answer${p.attempts === 1 ? "" : "s"}, streak ${p.streakDays} day${p.streakDays === 1 ? "" : "s"}`, "```"];
  for (const problem of p.problems) {
    const name = problem.bonus ? "Bonus" : `Problem ${problem.problem}`;
    lines.push(`${name.padEnd(10)} ${bar(problem.max ? problem.best / problem.max : 0)} ${formatScore(problem.best, problem.max)}`);
    for (const q of problem.questions) {
      const best = q.best === null ? "—" : formatScore(q.best, q.max);
      const acc = q.accuracy === null ? "" : ` ${Math.round(q.accuracy * 100)}% full`;
      const tries = q.attempts ? ` ${q.attempts} tr${q.attempts === 1 ? "y" : "ies"}` : "";
      const flags = `${q.pendingReview ? " (TA review pending)" : ""}${p.due.includes(q.question) ? " (due)" : ""}`;
      lines.push(`  ${q.question.padEnd(7)} ${best.padStart(7)}${tries}${acc}${flags}`);
    }
  }
  lines.push("```");
  lines.push(p.due.length ? `Due for review: ${p.due.join(", ")}. Type /quiz to start.` : "Nothing is due for review right now.");
  const next = p.problems.flatMap((x) => x.questions).filter((q) => q.dueAt && !p.due.includes(q.question)).sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime())[0];
  if (next) lines.push(`Next review: ${next.question} at ${zone.format(next.dueAt!)}.`);
  for (const report of p.exams) lines.push("", examReportText(report, examTitle, zone));
  return lines.join("\n");
}
