import { parseCsv } from "./csv.ts";
import type { AssessmentQuestion, ImportedScore } from "./ta-ports.ts";

/** What a gradebook export yields: the scores, or every problem found, each naming its line. */
export interface ScoreCsvResult {
  scores: ImportedScore[];
  /** Per-question columns, in the file's order: a bank id where the header names one, else the header. */
  questions: AssessmentQuestion[];
  /** `line 17: Total Score "abc" is not a number`; when non-empty nothing may be imported. */
  issues: string[];
  /** Rows with an empty Total Score (Gradescope's "Missing" submissions): not scores, skipped. */
  skipped: number[];
}

/** What the reader checks the file against: the course's sections and the bank's questions. */
export interface ScoreCsvRules {
  /** The course's sections; a row in another section is refused. Empty: any section is kept. */
  sections?: readonly string[];
  /** The bank's questions, so a column titled `1a`, `Q2c-i` or with a question's title maps to its id. */
  questions?: ReadonlyArray<{ id: string; title: string; points: number }>;
  /** The most a Total Score may be when the file has no Max Points column (the bank's total with bonus). */
  maxTotal?: number;
}

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, " ");

/** Gradescope's own columns: read by name, never taken for a question. */
const METADATA = new Set([
  "name", "first name", "last name", "sid", "student id", "email", "section", "sections", "total score", "max points",
  "status", "submission id", "submission time", "lateness (h:m:s)", "view count", "submission count",
]);

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a Gradescope-style score export: `Name` (or `First Name` + `Last Name`), `SID` or `Email`,
 * optional `Section` (or Gradescope's `Sections`), `Total Score`, optional `Max Points`, and every
 * per-question column (a column of numbers that is none of Gradescope's own); header case and
 * other columns ignored. A section is spelled as the bank spells it (`c247` is C247). Pure: the
 * caller decides to store all scores or none.
 */
export function parseScoreCsv(text: string, rules: ScoreCsvRules = {}): ScoreCsvResult {
  const { records, error } = parseCsv(text);
  const issues: string[] = error ? [error] : [];
  const header = records[0];
  if (!header) return { scores: [], questions: [], issues: [...issues, "the file is empty: expected a header line with Name, SID or Email, Section, Total Score"], skipped: [] };
  const col = (name: string) => header.fields.findIndex((h) => norm(h) === name);
  const at = {
    name: col("name"), first: col("first name"), last: col("last name"), sid: Math.max(col("sid"), col("student id")), email: col("email"),
    section: Math.max(col("section"), col("sections")), total: col("total score"), max: col("max points"),
  };
  const missing = [
    at.name < 0 && (at.first < 0 || at.last < 0) ? "Name" : null,
    at.sid < 0 && at.email < 0 ? "SID or Email" : null,
    at.total < 0 ? "Total Score" : null,
  ].filter((m): m is string => m !== null);
  if (missing.length) {
    return { scores: [], questions: [], issues: [...issues, `line ${header.line}: the header lacks ${missing.join(", ")} (found: ${header.fields.map((f) => f.trim()).join(", ")})`], skipped: [] };
  }
  const rows = records.slice(1);
  const columns = questionColumns(header.fields, rows.map((r) => r.fields), rules.questions ?? []);
  const scores: ImportedScore[] = [];
  const skipped: number[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    const get = (i: number) => (i >= 0 ? (fields[i] ?? "").trim() : "");
    const name = at.name >= 0 ? get(at.name) : `${get(at.first)} ${get(at.last)}`.trim();
    const student = get(at.sid) || get(at.email);
    const rawTotal = get(at.total);
    if (!student) {
      issues.push(`line ${line}: no ${at.sid >= 0 ? "SID" : "Email"}${at.sid >= 0 && at.email >= 0 ? " nor Email" : ""} for ${name ? `"${name}"` : "this row"}`);
      continue;
    }
    const first = seen.get(student.toLowerCase());
    if (first !== undefined) {
      issues.push(`line ${line}: ${student} already appears on line ${first}`);
      continue;
    }
    seen.set(student.toLowerCase(), line);
    if (rawTotal === "") {
      skipped.push(line);
      continue;
    }
    const score = Number(rawTotal);
    if (!NUMBER.test(rawTotal) || !Number.isFinite(score)) {
      issues.push(`line ${line}: Total Score "${rawTotal}" is not a number`);
      continue;
    }
    if (score < 0) {
      issues.push(`line ${line}: Total Score ${rawTotal} is negative`);
      continue;
    }
    const rowMax = at.max >= 0 && NUMBER.test(get(at.max)) ? Number(get(at.max)) : rules.maxTotal;
    if (rowMax !== undefined && score > rowMax + 1e-9) {
      issues.push(`line ${line}: Total Score ${rawTotal} is above the maximum of ${rowMax}`);
      continue;
    }
    const section = sectionName(get(at.section), rules.sections ?? []);
    if (section.unknown) {
      issues.push(`line ${line}: "${section.unknown}" is not a section of this course (sections: ${rules.sections!.join(", ")})`);
      continue;
    }
    const perQuestion: Record<string, number> = {};
    for (const c of columns) {
      const raw = get(c.index);
      if (raw === "") continue;
      const value = Number(raw);
      if (value < 0 || (c.question.max !== null && value > c.question.max + 1e-9)) {
        issues.push(`line ${line}: ${c.question.title} is ${raw}, outside 0-${c.question.max ?? "∞"}`);
        continue;
      }
      perQuestion[c.question.id] = value;
    }
    scores.push({ student, name: name || student, section: section.name, score, ...(columns.length ? { questions: perQuestion } : {}) });
  }
  return { scores, questions: columns.map((c) => c.question), issues, skipped };
}

/** The question columns: not Gradescope's own, and holding only numbers (or nothing). */
function questionColumns(header: string[], rows: string[][], bank: NonNullable<ScoreCsvRules["questions"]>): Array<{ index: number; question: AssessmentQuestion }> {
  const taken = new Set<string>();
  return header.flatMap((raw, index) => {
    const title = raw.trim();
    if (!title || METADATA.has(norm(title))) return [];
    const values = rows.map((r) => (r[index] ?? "").trim()).filter((v) => v !== "");
    if (values.length === 0 || !values.every((v) => NUMBER.test(v) && Number.isFinite(Number(v)))) return [];
    // Gradescope writes a question's points in its title: "1.2: Batch norm (5.0 pts)".
    const points = /\((\d+(?:\.\d+)?)\s*pts?\)\s*$/i.exec(title);
    const shown = title.replace(/\s*\(\d+(?:\.\d+)?\s*pts?\)\s*$/i, "");
    const match = bankQuestion(shown, bank);
    const id = match && !taken.has(match.id) ? match.id : shown;
    taken.add(id);
    return [{ index, question: { id, title: shown, max: points ? Number(points[1]) : (match?.points ?? null) } }];
  });
}

/** The bank question a column's title names: by id at its start (`1a`, `Q2c-i:`), else by title. */
function bankQuestion(title: string, bank: NonNullable<ScoreCsvRules["questions"]>) {
  // Gradescope numbers its columns ("1.2: ..."): the text after the number is the question's.
  const t = title.toLowerCase().replace(/^\d+(\.\d+)*\s*:\s*/, "").replace(/^(q|question)\s*/, "");
  const byId = [...bank].sort((a, b) => b.id.length - a.id.length).find((q) => new RegExp(`^${q.id.toLowerCase().replace(/[-.]/g, "[-. ]?")}(?![a-z0-9])`).test(t));
  return byId ?? bank.find((q) => t.includes(q.title.toLowerCase()));
}

/** The bank's spelling of a section, whatever its case; a name the course does not have is reported. */
function sectionName(raw: string, known: readonly string[]): { name: string | null; unknown?: string } {
  if (raw === "") return { name: null };
  if (known.length === 0) return { name: raw };
  const found = known.find((k) => k.toLowerCase() === raw.toLowerCase());
  return found ? { name: found } : { name: null, unknown: raw };
}
