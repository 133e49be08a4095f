import { verbatim } from "../chat/reply.ts";
import type { CourseBankChoice } from "../bank/course-banks.ts";
import { UserError } from "../errors.ts";
import type { ImportedScore, TaStore } from "../ta/ta-ports.ts";
import { type PairSums, pearsonFromSums, summarize, type Summary } from "./descriptive-stats.ts";
import { ScoreTable } from "./score-table.ts";

/** One question's line in the statistics of the mock exam. */
export interface QuestionStats {
  question: string;
  max: number;
  /** Mean score over students (an unanswered question counts 0). */
  mean: number;
  /** Share of students with full marks. */
  fullShare: number;
  /** Pearson correlation of the question's score with the exam total; null when nobody's score differs. */
  discrimination: number | null;
}

/** Statistics of one assessment, overall and per section, as the TAs' post gives them. */
export interface AssessmentStats {
  /** The name shown: the bank's exam title for the mock exam, else the imported name. */
  assessment: string;
  kind: "mock" | "imported";
  /** The bank's exam id for a mock exam; absent for an imported assessment. */
  bank?: string;
  /** The section asked for, if any: `overall` is then that section's. */
  section: string | null;
  overall: Summary | null;
  sections: Record<string, Summary | null>;
  /** Every score counted in `overall`, for the histogram. */
  scores: number[];
  /** The points the assessment is out of (bonus excluded; 100 for imported ones), for the histogram's range. */
  outOf: number;
  /** Per question, for the students counted (the section's when one is asked for); imported columns too. */
  questions: QuestionStats[];
}

/**
 * Statistics of a bank's mock exam (each student's latest submitted session of it, bonus included,
 * so a total may pass 100) or of an imported assessment. The store aggregates; this class only
 * combines sums and sorts one score per student.
 */
export class StatsService {
  constructor(
    private readonly banks: CourseBankChoice,
    private readonly ta: TaStore,
  ) {}

  /** Assessments statistics can be asked for: the course's banks (their mock exams), then imported ones. */
  async names(course: string): Promise<string[]> {
    return [...(await this.banks.of(course)).ids(), ...(await this.ta.assessments.list(course)).map((a) => a.name)];
  }

  /** Statistics of the assessment named (an imported one, or a bank's mock exam; the course's first bank by default). */
  async compute(course: string, request: { assessment?: string; section?: string }): Promise<AssessmentStats> {
    const wanted = request.assessment?.trim() ?? "";
    const imported = wanted ? await this.ta.assessments.find(course, wanted) : null;
    const bank = imported ? null : (await this.banks.of(course)).mockExam(wanted);
    if (!imported && !bank) {
      throw new UserError("unknown-assessment", `There is no assessment "${verbatim(wanted)}". Choose one of: ${(await this.names(course)).join(", ")} (import one with \`tutor scores import FILE.csv --assessment NAME\`).`);
    }
    const table = bank ? await this.ta.examResults.scores(course, bank.exam.id) : importedTable(await this.ta.assessments.scores(course, imported!));
    const columns = bank
      ? bank.all().map((q) => ({ id: q.id, max: q.points }))
      : (await this.ta.assessments.questions(course, imported!)).map((q) => ({ id: q.id, max: q.max }));
    const known = bank ? bank.exam.sections : this.banks.library.sections();
    const section = request.section ? resolveSection(request.section, table.sections, known) : null;
    const counted = rowsIn(table, section);
    const scores = counted.map((row) => table.totals[row]!);
    const sectionNames = section ? [section] : sectionOrder(table.sections, known);
    const sections = Object.fromEntries(sectionNames.map((name) => [name, summarize(rowsIn(table, name).map((row) => table.totals[row]!))]));
    return {
      assessment: bank ? bank.exam.title : imported!,
      kind: bank ? "mock" : "imported",
      ...(bank ? { bank: bank.exam.id } : {}),
      section,
      overall: summarize(scores),
      sections,
      scores,
      outOf: bank ? bank.totalPoints.regular : 100,
      questions: questionStats(table, counted, columns),
    };
  }
}

/** An imported assessment's scores as a table, like the mock exam's. */
function importedTable(scores: readonly ImportedScore[]): ScoreTable {
  const table = new ScoreTable();
  for (const s of scores) table.add(s.section, s.score, s.questions ?? {});
  return table;
}

/** The table's rows (by index) of a section's students, or of every student for null. */
function rowsIn(table: ScoreTable, section: string | null): number[] {
  const rows: number[] = [];
  table.sections.forEach((s, row) => {
    if (section === null || s === section) rows.push(row);
  });
  return rows;
}

/** Sections with scores, largest first as in the seed's post (C247, then C147); ties in the bank's order. */
function sectionOrder(sections: ReadonlyArray<string | null>, known: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sections) if (s !== null) counts.set(s, (counts.get(s) ?? 0) + 1);
  const order = (name: string) => {
    const i = known.indexOf(name);
    return i < 0 ? known.length : i;
  };
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || order(a) - order(b) || a.localeCompare(b));
}

/** The section a TA named (any letter case), among the bank's and those with scores. */
function resolveSection(text: string, sections: ReadonlyArray<string | null>, known: readonly string[]): string {
  const names = [...new Set([...known, ...sections.filter((s): s is string => s !== null)])];
  const found = names.find((n) => n.toLowerCase() === text.trim().toLowerCase());
  if (!found) throw new UserError("unknown-section", `There is no section "${verbatim(text)}". Sections: ${names.join(", ")}.`);
  return found;
}

/**
 * Mean, full-marks share and discrimination per question, a question at a time over the rows counted.
 * A question without a known maximum (an imported column) takes the best score seen as its maximum.
 */
function questionStats(table: ScoreTable, counted: readonly number[], columns: ReadonlyArray<{ id: string; max: number | null }>): QuestionStats[] {
  const n = counted.length;
  if (n === 0 || columns.length === 0) return [];
  let sumY = 0;
  let sumYY = 0;
  for (const row of counted) {
    const y = table.totals[row]!;
    sumY += y;
    sumYY += y * y;
  }
  return columns.map((c) => {
    const s: PairSums = { n, sumX: 0, sumY, sumXX: 0, sumYY, sumXY: 0 };
    let best = 0;
    let full = 0;
    const scores = table.column(c.id);
    if (scores) {
      for (const row of counted) {
        // An unanswered question (NaN) counts 0: it adds nothing to the sums.
        const x = scores[row]!;
        if (Number.isNaN(x)) continue;
        s.sumX += x;
        s.sumXX += x * x;
        s.sumXY += x * table.totals[row]!;
        best = Math.max(best, x);
      }
      const max = c.max ?? best;
      for (const row of counted) if (max > 0 && scores[row]! >= max - 1e-9) full++;
    }
    return { question: c.id, max: c.max ?? best, mean: s.sumX / n, fullShare: full / n, discrimination: pearsonFromSums(s) };
  });
}
