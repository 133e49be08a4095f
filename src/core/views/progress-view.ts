import { type Block, heading, table, text } from "../chat/reply.ts";
import { bar, formatScore } from "../format.ts";
import type { Progress } from "../practice/progress-service.ts";
import type { TimeZone } from "../time-zone.ts";
import { examReportBlocks } from "./exam-view.ts";

/** Upcoming reviews /progress names. */
const NEXT_REVIEWS = 5;

/** /progress: a table of problems (with a progress bar) and their questions, what is due, exam reports. */
export function progressBlocks(p: Progress, examTitle: string, zone: TimeZone): Block[] {
  const rows: string[][] = [];
  for (const problem of p.problems) {
    const name = problem.bonus ? "Bonus" : `Problem ${problem.problem}`;
    rows.push([name, bar(problem.max ? problem.best / problem.max : 0), formatScore(problem.best, problem.max), "", "", ""]);
    for (const q of problem.questions) {
      const best = q.best === null ? "—" : formatScore(q.best, q.max);
      const acc = q.accuracy === null ? "" : `${Math.round(q.accuracy * 100)}% full`;
      const tries = q.attempts ? `${q.attempts} tr${q.attempts === 1 ? "y" : "ies"}` : "";
      const hints = q.hintsUsed ? `(last try: ${q.hintsUsed} hint${q.hintsUsed === 1 ? "" : "s"})` : "";
      const flags = [hints, q.pendingReview ? "(TA review pending)" : "", p.due.includes(q.question) ? "(due)" : ""].filter(Boolean).join(" ");
      rows.push([q.question, "", best, tries, acc, flags]);
    }
  }
  const columns = [{ header: "" }, { header: "" }, { header: "Best", align: "right" as const }, { header: "Tries" }, { header: "Accuracy" }, { header: "" }];
  const after = [p.due.length ? `Due for review: ${p.due.join(", ")}. Type /quiz to start.` : "Nothing is due for review right now."];
  const upcoming = p.problems.flatMap((x) => x.questions).filter((q) => q.dueAt && !p.due.includes(q.question)).sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime());
  if (upcoming.length) after.push(`Next reviews: ${upcoming.slice(0, NEXT_REVIEWS).map((q) => `${q.question} ${zone.format(q.dueAt!)}`).join("; ")}${upcoming.length > NEXT_REVIEWS ? `; and ${upcoming.length - NEXT_REVIEWS} more` : ""}.`);
  return [
    heading(`Your progress: ${p.attempts} practice answer${p.attempts === 1 ? "" : "s"}, streak ${p.streakDays} day${p.streakDays === 1 ? "" : "s"}`),
    table(columns, rows),
    text(after.join("\n")),
    ...p.exams.flatMap((report) => examReportBlocks(report, examTitle, zone)),
  ];
}
