import { z } from "zod";
import type { Grade } from "./grade.ts";

/**
 * Agreement between the grader and a TA over a labelled corpus (tests/grading/corpus/*.jsonl), as
 * the corpus test and `tutor grade --batch --corpus` report it, so a TA checks a new bank the same way.
 *
 * When the grader agrees with the TA's label:
 * - `review: "expected"` (only a person can grade it: a drawing, a formula in words): it is sent to review;
 * - `review: "allowed"` (a TA would accept either): the score matches, or it is sent to review;
 * - otherwise: the score matches (within 0.01), whether or not it is also sent to review.
 * A "confident zero" is an answer the TA credits that scores 0 without review: never acceptable.
 */

/** One labelled answer: what a student wrote and what a careful TA gives it, and why. */
export const CorpusEntry = z.strictObject({
  question: z.string().min(1),
  answer: z.string(),
  justification: z.string().optional(),
  score: z.number().min(0),
  kind: z.string().min(1).describe("The kind of answer: plain, paraphrase, notation, negation, keywords, hedge, gaming, unreadable"),
  why: z.string().min(1),
  review: z.enum(["expected", "allowed"]).optional(),
  set: z.string().trim().min(1).default("tuned")
    .describe("which set: `tuned` (looked at while tuning the grader), `held-out` or a dated fresh set (never looked at: they measure it)"),
});
export type CorpusEntry = z.infer<typeof CorpusEntry>;

/** Agreed and total answers in one group. */
export interface Tally {
  agreed: number;
  total: number;
}

/** An answer on which the grader and the TA disagree. */
export interface Disagreement {
  entry: CorpusEntry;
  score: number;
  needsReview: boolean;
  confidentZero: boolean;
}

/** Agreement overall, per question, per kind and per set, with every disagreement. */
export interface CorpusReport {
  overall: Tally;
  byQuestion: Map<string, Tally>;
  byKind: Map<string, Tally>;
  bySet: Map<string, Tally>;
  disagreements: Disagreement[];
  confidentZeros: number;
}

/** Whether the grader's `grade` agrees with the TA's label (see the file comment). */
export function agrees(entry: CorpusEntry, grade: Pick<Grade, "score" | "needsReview">): boolean {
  const same = Math.abs(grade.score - entry.score) <= 0.01;
  if (entry.review === "expected") return grade.needsReview;
  if (entry.review === "allowed") return same || grade.needsReview;
  return same;
}

function count(map: Map<string, Tally>, key: string, ok: boolean): void {
  const t = map.get(key) ?? { agreed: 0, total: 0 };
  t.total += 1;
  if (ok) t.agreed += 1;
  map.set(key, t);
}

/** Builds the report from each entry and the grade the grader gave it. */
export function buildCorpusReport(rows: ReadonlyArray<{ entry: CorpusEntry; grade: Pick<Grade, "score" | "needsReview"> }>): CorpusReport {
  const report: CorpusReport = {
    overall: { agreed: 0, total: 0 }, byQuestion: new Map(), byKind: new Map(), bySet: new Map(), disagreements: [], confidentZeros: 0,
  };
  for (const { entry, grade } of rows) {
    const ok = agrees(entry, grade);
    report.overall.total += 1;
    if (ok) report.overall.agreed += 1;
    count(report.byQuestion, entry.question, ok);
    count(report.byKind, entry.kind, ok);
    count(report.bySet, entry.set, ok);
    const confidentZero = entry.score > 0 && grade.score === 0 && !grade.needsReview;
    if (confidentZero) report.confidentZeros += 1;
    if (!ok || confidentZero) report.disagreements.push({ entry, score: grade.score, needsReview: grade.needsReview, confidentZero });
  }
  return report;
}

/** A tally as a share, e.g. 0.97. */
export const share = (t: Tally): number => (t.total === 0 ? 1 : t.agreed / t.total);

const line = (label: string, t: Tally) => `  ${label.padEnd(12)} ${(share(t) * 100).toFixed(1).padStart(5)}%  (${t.agreed}/${t.total})`;

/** The report as a TA reads it in a terminal; `details` lists every disagreement. */
export function formatCorpusReport(report: CorpusReport, details = true): string {
  const out = [`Agreement with the TA: ${line("overall", report.overall).trim()}`, "By question:"];
  for (const [q, t] of report.byQuestion) out.push(line(q, t));
  out.push("By kind:");
  for (const [k, t] of [...report.byKind].sort()) out.push(line(k, t));
  out.push("By set:");
  for (const [s, t] of report.bySet) out.push(line(s, t));
  out.push(`Confident zeros (credited by the TA, 0 without review): ${report.confidentZeros}`);
  if (details && report.disagreements.length > 0) {
    out.push("Disagreements:");
    for (const d of report.disagreements) {
      const ta = `${d.entry.score}${d.entry.review ? ` (review ${d.entry.review})` : ""}`;
      out.push(`  [${d.entry.question} ${d.entry.kind} ${d.entry.set}] grader ${d.score}${d.needsReview ? " (review)" : ""}, TA ${ta}: ${JSON.stringify(d.entry.answer).slice(0, 140)}`);
    }
  }
  return out.join("\n");
}
