import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isAlias, LineCounter, parseDocument, visit } from "yaml";
import { checkBank } from "./bank-checks.ts";
import { type BankIssue, formatIssue, fromZodIssues, type PathIssue, YamlLocator } from "./bank-issues.ts";
import { Bank, Problem, Question, Synonyms } from "./schema.ts";
import { prepareVariants } from "./variant-checks.ts";

export { type BankIssue, formatIssue } from "./bank-issues.ts";

/**
 * The largest bank file read: the midterm is 66 KB, so 2 MB holds thirty exams. Parsing is
 * roughly 20x the text in memory and time (a 72 MB file took 25 s and 1.6 GB): a file past this
 * is refused before it is parsed.
 */
export const MAX_BANK_BYTES = 2 * 1024 * 1024;

/**
 * Aliases (`*name`) a bank may expand. A bank needs a few at most; each alias can copy a whole
 * tree, so a chain of them (an "alias bomb", a billion laughs) would fill the memory.
 */
export const MAX_BANK_ALIASES = 1000;

/** The outcome of reading one bank: all of it, or every issue found, never half a bank. */
export type ParseBankResult = { ok: true; bank: Bank } | { ok: false; issues: BankIssue[] };

/** A bank folder that is missing, not a folder, or holds no bank: the message names it. */
export class BankFolderError extends Error {
  override readonly name = "BankFolderError";
  readonly code = "BANK_FOLDER";

  constructor(readonly dir: string, reason: string) {
    super(`${dir} ${reason}`);
  }
}

/** A bank file that cannot be used; `issues` says where and why, all at once. */
export class BankLoadError extends Error {
  override readonly name = "BankLoadError";
  readonly code = "BANK_INVALID";

  constructor(readonly issues: BankIssue[]) {
    // One issue is one line (what an operator greps for); several are listed under a count.
    super(issues.length === 1
      ? `Invalid question bank: ${formatIssue(issues[0]!)}`
      : `Invalid question bank (${issues.length} issues):\n${issues.map(formatIssue).join("\n")}`);
  }
}

/**
 * Parses and checks a bank's YAML text. `file` is only used to label issues.
 * @example parseBank(readFileSync(p, "utf8"), p) // { ok: true, bank } or { ok: false, issues }
 */
export function parseBank(text: string, file: string): ParseBankResult {
  const tooLarge = sizeIssue(file, Buffer.byteLength(text));
  if (tooLarge) return { ok: false, issues: [tooLarge] };
  const lines = new LineCounter();
  // prettyErrors off: we place messages ourselves, without the source excerpt yaml would append.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return { file, line, column: col, path: "", message: e.message };
      }),
    };
  }
  const locator = new YamlLocator(doc, lines, file);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_BANK_ALIASES });
  } catch (error) {
    // yaml refuses an alias that expands too much with a ReferenceError that has no position.
    if (!(error instanceof ReferenceError)) throw error;
    const { line, col } = lines.linePos(firstAliasOffset(doc));
    return { ok: false, issues: [{ file, line, column: col, path: "", message: `its aliases (*name) expand to more than ${MAX_BANK_ALIASES} copies; a bank needs only a few (write the values out)` }] };
  }
  if (data === null || data === undefined) {
    return { ok: false, issues: [{ file, line: 1, column: 1, path: "", message: "the file is empty: a bank needs exam, problems and questions" }] };
  }

  const parsed = Bank.safeParse(data);
  const issues: PathIssue[] = parsed.success ? [] : fromZodIssues(parsed.error.issues, data);
  // Questions with parameters are checked, and used, in the exam's own numbers.
  const parts = partsOf(data);
  const variants = prepareVariants(parts.questions);
  issues.push(...variants.issues, ...checkBank({ ...parts, questions: variants.questions }));
  if (issues.length > 0 || !parsed.success) {
    return { ok: false, issues: dedupe(issues.map((i) => locator.place(i))).sort(byPosition) };
  }
  const vocabulary = withBankSynonyms(parsed.data.synonyms);
  const bank = { ...parsed.data, questions: parsed.data.questions.map(vocabulary) };
  if (Object.keys(variants.templates).length === 0) return { ok: true, bank };
  const questions = bank.questions.map((q, i) => (variants.questions[i] ? vocabulary(variants.questions[i]) : q));
  const templates = Object.fromEntries(Object.entries(variants.templates).map(([id, q]) => [id, vocabulary(q)]));
  return { ok: true, bank: { ...bank, questions, templates } };
}

/**
 * Puts the bank's synonym groups after each question's own, so a grader reads a question with its
 * whole vocabulary from the question alone (a grading worker receives only the question). Only
 * questions with a rubric of phrases read words; the others travel to the workers without them.
 */
function withBankSynonyms(synonyms: Bank["synonyms"]): (q: Question) => Question {
  if (!synonyms || synonyms.length === 0) return (q) => q;
  return (q) => {
    if (!("rubric" in q.answer) && !("justification" in q.answer)) return q;
    return { ...q, synonyms: q.synonyms && q.synonyms.length > 0 ? [...q.synonyms, ...synonyms] : synonyms };
  };
}

/**
 * Each problem and question parsed on its own, so semantic checks run on every sound entry
 * even when another entry has a schema error: the TA sees all issues in one run.
 */
function partsOf(data: unknown) {
  const record = (data ?? {}) as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  return {
    synonyms: Synonyms.safeParse(record.synonyms).data,
    problems: list(record.problems).map((p) => Problem.safeParse(p).data),
    questions: list(record.questions).map((q) => Question.safeParse(q).data),
    questionIds: list(record.questions).map((q) => {
      const id = (q as { id?: unknown } | null)?.id;
      return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
    }),
  };
}

/** Where the first alias of the document starts, to point at the aliases a refusal is about. */
function firstAliasOffset(doc: ReturnType<typeof parseDocument>): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node)) offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** The issue of a file over MAX_BANK_BYTES, or null. */
function sizeIssue(file: string, bytes: number): BankIssue | null {
  if (bytes <= MAX_BANK_BYTES) return null;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return { file, line: 1, column: 1, path: "", message: `the file is ${mb(bytes)}, over the ${mb(MAX_BANK_BYTES)} a bank may be; split it into several banks` };
}

/** A bank file's text, or its size issue without reading a file too large to parse. */
function readBank(file: string): ParseBankResult {
  const tooLarge = sizeIssue(file, statSync(file).size);
  return tooLarge ? { ok: false, issues: [tooLarge] } : parseBank(readFileSync(file, "utf8"), file);
}

function dedupe(issues: BankIssue[]): BankIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = formatIssue(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function byPosition(a: BankIssue, b: BankIssue): number {
  return a.line - b.line || a.column - b.column;
}

/** Reads one bank file; throws `BankLoadError` listing every issue. */
export function loadBankFile(file: string): Bank {
  const result = readBank(file);
  if (!result.ok) throw new BankLoadError(result.issues);
  return result.bank;
}

/** The bank files in a folder (`*.yaml`, `*.yml`), sorted by name; a missing folder is a BankFolderError. */
export function bankFiles(dir: string): string[] {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new BankFolderError(dir, "does not exist: it should be the folder of question banks (*.yaml).");
  if (!stat.isDirectory()) throw new BankFolderError(dir, "is not a folder: it should be the folder of question banks (*.yaml).");
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

/**
 * Loads every bank in a folder; throws one `BankLoadError` with the issues of all files, or a
 * `BankFolderError` when there is no folder or no bank in it.
 */
export function loadBankDir(dir: string): Bank[] {
  const banks: Bank[] = [];
  const issues: BankIssue[] = [];
  const files = bankFiles(dir);
  if (files.length === 0) throw new BankFolderError(dir, "holds no question bank (no *.yaml or *.yml file).");
  for (const file of files) {
    const result = readBank(file);
    if (result.ok) banks.push(result.bank);
    else issues.push(...result.issues);
  }
  if (issues.length > 0) throw new BankLoadError(issues);
  return banks;
}
