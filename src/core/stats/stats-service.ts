import type { QuestionBank } from "../bank/question-bank.ts";
import { UserError } from "../errors.ts";
import type { TaStore } from "../ta/ta-ports.ts";
import { pearsonFromSums, summarize, type Summary } from "./descriptive-stats.ts";

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
  /** The section asked for, if any: `overall` is then that section's. */
  section: string | null;
  overall: Summary | null;
  sections: Record<string, Summary | null>;
  /** Every score counted in `overall`, for the histogram. */
  scores: number[];
  /** The points the assessment is out of (bonus excluded), for the histogram's range. */
  outOf: number;
  /** Per question, for the mock exam (whole class). */
  questions: QuestionStats[];
}

interface Scored {
  section: string | null;
  score: number;
}

/**
 * Statistics of the mock exam (each student's latest submitted session, bonus included, so a
 * total may pass 100) or of an imported assessment. The store aggregates; this class only
 * combines sums and sorts one score per student.
 */
export class StatsService {
  constructor(
    private readonly bank: QuestionBank,
    private readonly ta: TaStore,
  ) {}

  /** Assessments statistics can be asked for: the mock exam, then imported ones. */
  names(course: string): string[] {
    return [this.bank.exam.id, ...this.ta.assessments.list(course).map((a) => a.name)];
  }

  compute(course: string, request: { assessment?: string; section?: string }): AssessmentStats {
    const wanted = request.assessment?.trim() ?? "";
    const imported = wanted ? this.ta.assessments.find(course, wanted) : null;
    const mock = !imported && (wanted === "" || [this.bank.exam.id, this.bank.exam.title, "mock", "exam"].some((n) => n.toLowerCase() === wanted.toLowerCase()));
    if (!imported && !mock) {
      throw new UserError("unknown-assessment", `There is no assessment "${wanted}". Choose one of: ${this.names(course).join(", ")} (import one with \`tutor scores import FILE.csv --assessment NAME\`).`);
    }
    const all: Scored[] = imported
      ? this.ta.assessments.scores(course, imported).map((s) => ({ section: s.section, score: s.score }))
      : this.ta.examResults.totals(course, this.bank.exam.id).map((t) => ({ section: t.section, score: t.total }));
    const section = request.section ? this.resolveSection(request.section, all) : null;
    const counted = section ? all.filter((s) => s.section === section) : all;
    const scores = counted.map((s) => s.score);
    const sectionNames = section ? [section] : this.sectionNames(all);
    const sections = Object.fromEntries(sectionNames.map((name) => [name, summarize(all.filter((s) => s.section === name).map((s) => s.score))]));
    return {
      assessment: imported ?? this.bank.exam.title,
      kind: imported ? "imported" : "mock",
      section,
      overall: summarize(scores),
      sections,
      scores,
      outOf: imported ? Math.max(100, ...scores) : this.bank.totalPoints.regular,
      questions: imported ? [] : this.questionStats(course, all.map((s) => s.score)),
    };
  }

  private questionStats(course: string, totals: number[]): QuestionStats[] {
    const n = totals.length;
    if (n === 0) return [];
    let sumY = 0;
    let sumYY = 0;
    for (const t of totals) {
      sumY += t;
      sumYY += t * t;
    }
    const byQuestion = new Map(this.ta.examResults.questionAggregates(course, this.bank.exam.id).map((a) => [a.question, a]));
    return this.bank.all().map((q) => {
      const a = byQuestion.get(q.id) ?? { sumX: 0, sumXX: 0, sumXY: 0, full: 0 };
      return {
        question: q.id, max: q.points, mean: a.sumX / n, fullShare: a.full / n,
        discrimination: pearsonFromSums({ n, sumX: a.sumX, sumXX: a.sumXX, sumXY: a.sumXY, sumY, sumYY }),
      };
    });
  }

  /** Sections with scores: the bank's in its order, then any other the data names. */
  private sectionNames(all: Scored[]): string[] {
    const found = new Set(all.map((s) => s.section).filter((s): s is string => s !== null));
    const known = this.bank.exam.sections.filter((s) => found.has(s));
    return [...known, ...[...found].filter((s) => !known.includes(s)).sort()];
  }

  private resolveSection(text: string, all: Scored[]): string {
    const names = [...new Set([...this.bank.exam.sections, ...all.map((s) => s.section).filter((s): s is string => s !== null)])];
    const found = names.find((n) => n.toLowerCase() === text.trim().toLowerCase());
    if (!found) throw new UserError("unknown-section", `There is no section "${text}". Sections: ${names.join(", ")}.`);
    return found;
  }
}
