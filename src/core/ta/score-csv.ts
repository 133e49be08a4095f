import { parseCsv } from "./csv.ts";
import type { ImportedScore } from "./ta-ports.ts";

/** What a gradebook export yields: the scores, or every problem found, each naming its line. */
export interface ScoreCsvResult {
  scores: ImportedScore[];
  /** `line 17: Total Score "abc" is not a number`; when non-empty nothing may be imported. */
  issues: string[];
  /** Rows with an empty Total Score (Gradescope's "Missing" submissions): not scores, skipped. */
  skipped: number[];
}

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * Reads a Gradescope-style score export: `Name` (or `First Name` + `Last Name`), `SID` or `Email`,
 * optional `Section` (or Gradescope's `Sections`), `Total Score`; header case and extra columns
 * ignored; a section is spelled as the bank spells it (`c247` is C247). Pure: the caller
 * decides to store all scores or none.
 */
export function parseScoreCsv(text: string, sections: readonly string[] = []): ScoreCsvResult {
  const { records, error } = parseCsv(text);
  const issues: string[] = error ? [error] : [];
  const header = records[0];
  if (!header) return { scores: [], issues: [...issues, "the file is empty: expected a header line with Name, SID or Email, Section, Total Score"], skipped: [] };
  const col = (name: string) => header.fields.findIndex((h) => norm(h) === name);
  const at = { name: col("name"), first: col("first name"), last: col("last name"), sid: col("sid"), email: col("email"), section: Math.max(col("section"), col("sections")), total: col("total score") };
  const missing = [
    at.name < 0 && (at.first < 0 || at.last < 0) ? "Name" : null,
    at.sid < 0 && at.email < 0 ? "SID or Email" : null,
    at.total < 0 ? "Total Score" : null,
  ].filter((m): m is string => m !== null);
  if (missing.length) {
    return { scores: [], issues: [...issues, `line ${header.line}: the header lacks ${missing.join(", ")} (found: ${header.fields.map((f) => f.trim()).join(", ")})`], skipped: [] };
  }
  const scores: ImportedScore[] = [];
  const skipped: number[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of records.slice(1)) {
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
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(rawTotal) || !Number.isFinite(score)) {
      issues.push(`line ${line}: Total Score "${rawTotal}" is not a number`);
      continue;
    }
    if (score < 0) {
      issues.push(`line ${line}: Total Score ${rawTotal} is negative`);
      continue;
    }
    scores.push({ student, name: name || student, section: sectionName(get(at.section), sections), score });
  }
  return { scores, issues, skipped };
}

/** The bank's spelling of a section, whatever its case; other names are kept as written. */
function sectionName(raw: string, known: readonly string[]): string | null {
  if (raw === "") return null;
  return known.find((k) => k.toLowerCase() === raw.toLowerCase()) ?? raw;
}
