import type { QuestionBank } from "../bank/question-bank.ts";
import { type Block, fields, heading, table, text, verbatim } from "../chat/reply.ts";
import type { Summary } from "../stats/descriptive-stats.ts";
import type { AssessmentStats } from "../stats/stats-service.ts";
import type { TimeZone } from "../time-zone.ts";

const one = (n: number) => n.toFixed(1);
/** 106, 92.5: whole numbers stay whole, as in the TAs' post. */
const plain = (n: number) => String(Math.round(n * 10) / 10);

function summaryBlocks(title: string, s: Summary | null): Block[] {
  if (!s) return [heading(title), text("No scores yet.")];
  return [
    heading(`${title} (${s.n} student${s.n === 1 ? "" : "s"})`),
    fields([
      { name: "High score", value: plain(s.high) },
      { name: "Mean score", value: one(s.mean) },
      { name: "Median score", value: plain(s.median) },
      { name: "Standard deviation", value: one(s.sd) },
    ]),
  ];
}

/** The statistics reply, laid out like the seed's "Midterm statistics" post. */
export function statsBlocks(stats: AssessmentStats, extras: { graders?: string[]; regrades?: string } = {}): Block[] {
  const source = stats.kind === "mock"
    ? "mock exam: each student's latest submitted attempt, bonus included"
    : "imported scores";
  // An imported assessment is named by the TA who imported it.
  const blocks: Block[] = [heading(`${verbatim(stats.assessment)} statistics (${source})`)];
  if (stats.section) {
    blocks.push(...summaryBlocks(stats.section, stats.overall));
  } else {
    blocks.push(...summaryBlocks("Overall statistics", stats.overall));
    for (const [name, summary] of Object.entries(stats.sections)) blocks.push(...summaryBlocks(name, summary));
  }
  blocks.push(text("Standard deviation: population (divide by n)."));
  if (stats.questions.length && stats.overall) {
    blocks.push(
      heading(`Per question (${stats.section ? `section ${stats.section}` : "whole class"}; unanswered counts 0; discrimination = correlation with the total)`),
      table(
        [{ header: "Q" }, { header: "mean", align: "right" }, { header: "full", align: "right" }, { header: "disc", align: "right" }],
        stats.questions.map((q) => [
          q.question,
          `${plain(q.mean)}/${q.max}`,
          `${Math.round(q.fullShare * 100)}%`,
          q.discrimination === null ? "—" : q.discrimination.toFixed(2),
        ]),
      ),
    );
  }
  if (extras.graders?.length) blocks.push(text(extras.graders.join("\n")));
  if (extras.regrades) blocks.push(text(extras.regrades));
  return blocks;
}

/** `stats: {overall, sections}` for `--json`, each with n, high, mean, median, sd. */
export function statsData(stats: AssessmentStats): Record<string, unknown> {
  const pick = (s: Summary | null) => (s ? { n: s.n, high: s.high, mean: s.mean, median: s.median, sd: s.sd } : { n: 0, high: null, mean: null, median: null, sd: null });
  return {
    stats: {
      assessment: stats.assessment,
      section: stats.section,
      sd: "population",
      overall: pick(stats.overall),
      sections: Object.fromEntries(Object.entries(stats.sections).map(([k, v]) => [k, pick(v)])),
      questions: stats.questions,
    },
  };
}

/**
 * Who graded what, as the post says it: "Questions 1a, 1b: Ken-Fu", "Question 2: Johannes",
 * "Bonus: Jonathan". A grader of a whole problem is named for the problem; parts of one lettered
 * question (4a-i, 4a-ii, 4a-iii) are named by the letter.
 */
export function gradersLines(bank: QuestionBank): string[] {
  const lines: string[] = [];
  for (const p of bank.problems) {
    const questions = bank.all().filter((q) => q.problem === p.number);
    const runs: { grader: string; ids: string[] }[] = [];
    for (const q of questions) {
      const last = runs.at(-1);
      if (last && last.grader === q.grader) last.ids.push(q.id);
      else runs.push({ grader: q.grader, ids: [q.id] });
    }
    if (runs.length === 1) {
      lines.push(`${p.bonus ? "Bonus" : `Question ${p.number}`}: ${runs[0]!.grader}`);
      continue;
    }
    for (const run of runs) {
      const labels: string[] = [];
      for (const id of run.ids) {
        const stem = id.split("-")[0]!;
        const whole = questions.filter((q) => q.id.split("-")[0] === stem).every((q) => run.ids.includes(q.id));
        const label = whole ? stem : id;
        if (!labels.includes(label)) labels.push(label);
      }
      lines.push(`Question${labels.length > 1 ? "s" : ""} ${labels.join(", ")}: ${run.grader}`);
    }
  }
  return lines;
}

/** The regrade sentence of a posted statistics message. */
export function regradeLine(kind: AssessmentStats["kind"], windowDays: number, now: Date, zone: TimeZone): string {
  if (kind === "mock") return `Regrades: /regrade QUESTION REASON within ${windowDays} days of your submission; it goes to the TA who grades that question.`;
  const close = new Date(now.getTime() + windowDays * 86_400_000);
  return `Regrades close ${windowDays === 7 ? "one week" : `${windowDays} days`} from today (${zone.formatDate(close)}).`;
}
