import { type Block, heading, table, text } from "../chat/reply.ts";
import { bar, formatScore } from "../format.ts";
import type { BankProgress, Progress } from "../practice/progress-service.ts";
import type { TimeZone } from "../time-zone.ts";
import { examReportBlocks } from "./exam-view.ts";

/** Upcoming reviews /progress names. */
const NEXT_REVIEWS = 5;

/**
 * /progress: per bank, a table of problems (with a progress bar) and their questions, then what is
 * due, and the bank's exam reports. With several banks each has its own heading.
 */
export function progressBlocks(p: Progress, zone: TimeZone): Block[] {
  const several = p.banks.length > 1;
  const questions = p.banks.flatMap((b) => b.problems.flatMap((x) => x.questions));
  const after = [p.due.length ? `Due for review: ${p.due.join(", ")}. Type /quiz to start.` : "Nothing is due for review right now."];
  const upcoming = questions.filter((q) => q.dueAt && !p.due.includes(q.question)).sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime());
  if (upcoming.length) after.push(`Next reviews: ${upcoming.slice(0, NEXT_REVIEWS).map((q) => `${q.question} ${zone.format(q.dueAt!)}`).join("; ")}${upcoming.length > NEXT_REVIEWS ? `; and ${upcoming.length - NEXT_REVIEWS} more` : ""}.`);
  const banks = p.banks.flatMap((b) => [
    ...(several ? [heading(`${b.title} (${b.bank})`)] : []),
    problemsTable(b, p.due),
    ...(several ? b.exams.flatMap((report) => examReportBlocks(report, zone)) : []),
  ]);
  return [
    heading(`Your progress: ${p.attempts} practice answer${p.attempts === 1 ? "" : "s"}, streak ${p.streakDays} day${p.streakDays === 1 ? "" : "s"}`),
    ...banks,
    text(after.join("\n")),
    // One bank: its reports after what is due, as always.
    ...(several ? [] : p.banks.flatMap((b) => b.exams.flatMap((report) => examReportBlocks(report, zone)))),
  ];
}

/** One bank's problems and questions: best score, tries, accuracy, and what waits. */
function problemsTable(b: BankProgress, due: readonly string[]): Block {
  const rows: string[][] = [];
  for (const problem of b.problems) {
    const name = problem.bonus ? "Bonus" : `Problem ${problem.problem}`;
    rows.push([name, bar(problem.max ? problem.best / problem.max : 0), formatScore(problem.best, problem.max), "", "", ""]);
    for (const q of problem.questions) {
      const best = q.best === null ? "—" : formatScore(q.best, q.max);
      const acc = q.accuracy === null ? "" : `${Math.round(q.accuracy * 100)}% full`;
      const tries = q.attempts ? `${q.attempts} tr${q.attempts === 1 ? "y" : "ies"}` : "";
      const hints = q.hintsUsed ? `(last try: ${q.hintsUsed} hint${q.hintsUsed === 1 ? "" : "s"})` : "";
      const flags = [hints, q.pendingReview ? "(TA review pending)" : "", due.includes(q.question) ? "(due)" : ""].filter(Boolean).join(" ");
      rows.push([q.question, "", best, tries, acc, flags]);
    }
  }
  const columns = [{ header: "" }, { header: "" }, { header: "Best", align: "right" as const }, { header: "Tries" }, { header: "Accuracy" }, { header: "" }];
  return table(columns, rows);
}
