import { Document, isNode, isSeq } from "yaml";
import type { z } from "zod";
import type { Bank } from "../schema.ts";
import type { MappedQuestion, QuestionInput } from "./to-bank.ts";

/**
 * Lays imported questions out as a bank a TA refines: one problem per source category (in order of
 * first appearance), ids like the exam's (`1a`, `1b`, … `1z`, `1aa`), the exam's metadata filled with
 * placeholders, and YAML comments that mark every placeholder `TODO` and say, above each question,
 * where it came from and what the import lost.
 */

/** What the TA chose (or the file says) about the bank being written. */
export interface DraftOptions {
  /** The bank's id (`exam.id`). */
  id: string;
  /** The course's name; a placeholder when not given. */
  course?: string;
  /** The grader every question names; a placeholder when not given. */
  grader?: string;
  /** The source file's name, for the bank's notes and comments. */
  source: string;
  format: "moodle" | "gift";
}

/** The placeholder grader of imported questions when none is given. */
export const PLACEHOLDER_GRADER = "TA";

/** The placeholder date written where the bank needs one (the exam's, the release of its grades). */
export const PLACEHOLDER_DATE = "2000-01-01";

/** A bank as written in YAML (defaults left out). */
export type BankInput = z.input<typeof Bank>;

/** A bank draft: the data (to validate), its YAML text (to write), and each mapped question's id. */
export interface BankDraft {
  bank: BankInput;
  yaml: string;
  ids: string[];
}

const FORMAT_NAMES = { moodle: "Moodle XML", gift: "GIFT" } as const;

/** `a`…`z`, then `aa`, `ab`…: the letters of the n-th question (0-based) of a problem. */
export function questionLetters(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : questionLetters(Math.floor(n / 26) - 1) + String.fromCharCode(97 + (n % 26));
}

/** A name as an id or topic: lowercase letters, digits and dashes. */
export function slug(text: string, fallback: string): string {
  const s = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return s.slice(0, 40).replace(/-+$/, "") || fallback;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Builds the bank and its YAML from mapped questions. */
export function draftBank(mapped: readonly MappedQuestion[], options: DraftOptions): BankDraft {
  const categories: string[] = [];
  for (const m of mapped) if (!categories.includes(m.source.category ?? "")) categories.push(m.source.category ?? "");
  const leaf = (c: string) => c.split(" / ").at(-1) ?? c;
  const problems = categories.map((c, i) => ({
    number: i + 1,
    title: leaf(c) || "Imported questions",
    points: round(mapped.filter((m) => (m.source.category ?? "") === c).reduce((s, m) => s + m.question.points, 0)),
  }));
  const counts = new Map<number, number>();
  const ids: string[] = [];
  const questions: QuestionInput[] = mapped.map((m) => {
    const problem = categories.indexOf(m.source.category ?? "") + 1;
    const n = counts.get(problem) ?? 0;
    counts.set(problem, n + 1);
    const id = `${problem}${questionLetters(n)}`;
    ids.push(id);
    const { title, ...rest } = m.question;
    return { id, problem, title, ...rest, topic: slug(leaf(m.source.category ?? ""), "imported") };
  });
  const bank: BankInput = {
    exam: {
      id: options.id,
      course: options.course ?? "Course name",
      title: `Imported quiz (${options.source})`,
      term: "Term",
      date: PLACEHOLDER_DATE,
      durationMinutes: 60,
      sections: ["all"],
      released: PLACEHOLDER_DATE,
      regradeWindowDays: 7,
      notes: [`Imported from ${options.source} (${FORMAT_NAMES[options.format]}) by tutor bank import; every rubric and solution is the source's, to be checked.`],
    },
    problems,
    questions,
  };
  return { bank, yaml: render(bank, mapped, ids, options), ids };
}

function render(bank: BankInput, mapped: readonly MappedQuestion[], ids: string[], options: DraftOptions): string {
  const doc = new Document(bank);
  doc.commentBefore = [
    ` A question bank imported from ${options.source} (${FORMAT_NAMES[options.format]}) by \`tutor bank import\`.`,
    " Fill in every TODO, read each question's rubric and solution, then check it with",
    " `npm run -s tutor -- bank validate FILE` and try answers with `tutor grade ID --answer ...`.",
  ].join("\n");
  const todo = (path: Array<string | number>, text: string) => {
    const node = doc.getIn(path, true);
    if (!isNode(node)) return;
    if (isSeq(node)) node.flow = true;
    node.comment = ` TODO: ${text}`;
  };
  if (!options.course) todo(["exam", "course"], "the course's name");
  todo(["exam", "title"], "what students call this assessment (Quiz 3, Midterm)");
  todo(["exam", "term"], "the term, e.g. Fall 2025");
  todo(["exam", "date"], "the date of the exam or quiz (YYYY-MM-DD)");
  todo(["exam", "durationMinutes"], "the time limit of the mock exam");
  todo(["exam", "sections"], "the course's sections (students /enroll in one)");
  todo(["exam", "released"], "when grades were released (YYYY-MM-DD)");
  mapped.forEach((m, i) => {
    const node = doc.getIn(["questions", i], true);
    if (!isNode(node)) return;
    const from = ` ${ids[i]}: question ${m.source.number} of ${options.source}, "${m.source.name.replace(/\s+/g, " ")}" (${m.source.type}).`;
    const notes = m.notes.map((n) => ` NOTE: ${n}.`);
    const grader = options.grader ? [] : [` TODO: grader: the TA who grades ${ids[i]} and answers its regrades.`];
    node.commentBefore = [from, ...notes, ...grader].join("\n");
  });
  return doc.toString({ lineWidth: 120 });
}
