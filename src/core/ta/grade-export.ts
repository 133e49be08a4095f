import { verbatim } from "../chat/reply.ts";
import type { CourseBankChoice } from "../bank/course-banks.ts";
import { UserError } from "../errors.ts";
import { round } from "../format.ts";
import { toCsv } from "./csv.ts";
import type { TaStore } from "./ta-ports.ts";

/** A gradebook file: its suggested name, CSV text, and how many students it lists. */
export interface GradeFile {
  name: string;
  csv: string;
  students: number;
  /** What the rows are, in words: the mock exam's latest attempts, or an import as imported. */
  source: string;
}

/**
 * Grades as CSV a gradebook imports: one row per student (Name, SID, Section, each question's
 * score, Total). For the mock exam a student's row is their latest submitted session, its SID the
 * one given with `/enroll ... sid:` (empty if none) next to the chat user id; a question they did
 * not answer is left empty. Reviewed and regraded scores are the current ones.
 */
export class GradeExport {
  constructor(
    private readonly banks: CourseBankChoice,
    private readonly ta: TaStore,
  ) {}

  async csv(course: string, assessment?: string): Promise<GradeFile> {
    const wanted = assessment?.trim() ?? "";
    const imported = wanted ? await this.ta.assessments.find(course, wanted) : null;
    if (imported) {
      const [scores, questions] = await Promise.all([this.ta.assessments.scores(course, imported), this.ta.assessments.questions(course, imported)]);
      const rows = scores.map((s) => [s.name, s.student, s.section, ...questions.map((q) => s.questions?.[q.id] ?? null), s.score]);
      const header = ["Name", "SID", "Section", ...questions.map((q) => q.id), "Total Score"];
      return { name: `${slug(imported)}.csv`, csv: toCsv([header, ...rows]), students: rows.length, source: `"${imported}" as imported from the gradebook` };
    }
    const banks = await this.banks.of(course);
    const bank = banks.mockExam(wanted);
    if (!bank) {
      const names = [...banks.ids(), ...(await this.ta.assessments.list(course)).map((a) => a.name)];
      throw new UserError("unknown-assessment", `There is no assessment "${verbatim(wanted)}". Choose one of: ${names.join(", ")}.`);
    }
    const exam = bank.exam;
    const ids = bank.ids();
    const results = (await this.ta.examResults.latest(course, exam.id)).sort((a, b) => a.name.localeCompare(b.name) || a.user.localeCompare(b.user));
    const rows = results.map((r) => [r.name, r.studentId, r.user, r.section, ...ids.map((id) => (r.scores[id] === undefined ? null : round(r.scores[id]))), round(r.total)]);
    return { name: `${slug(exam.id)}-mock.csv`, csv: toCsv([["Name", "SID", "User", "Section", ...ids, "Total"], ...rows]), students: rows.length, source: `the mock exam of ${exam.id} (${exam.title}): each student's latest submitted attempt` };
  }
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "grades";
}
