import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { checkBank } from "./bank-checks.ts";
import { type BankIssue, formatIssue, fromZodIssues, type PathIssue, YamlLocator } from "./bank-issues.ts";
import { Bank, Problem, Question } from "./schema.ts";

export { type BankIssue, formatIssue } from "./bank-issues.ts";

/** The outcome of reading one bank: all of it, or every issue found, never half a bank. */
export type ParseBankResult = { ok: true; bank: Bank } | { ok: false; issues: BankIssue[] };

/** A bank file that cannot be used; `issues` says where and why, all at once. */
export class BankLoadError extends Error {
  override readonly name = "BankLoadError";
  readonly code = "BANK_INVALID";

  constructor(readonly issues: BankIssue[]) {
    super(`Invalid question bank (${issues.length} issue${issues.length === 1 ? "" : "s"}):\n${issues.map(formatIssue).join("\n")}`);
  }
}

/**
 * Parses and checks a bank's YAML text. `file` is only used to label issues.
 * @example parseBank(readFileSync(p, "utf8"), p) // { ok: true, bank } or { ok: false, issues }
 */
export function parseBank(text: string, file: string): ParseBankResult {
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
  const data: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (data === null || data === undefined) {
    return { ok: false, issues: [{ file, line: 1, column: 1, path: "", message: "the file is empty: a bank needs exam, problems and questions" }] };
  }

  const parsed = Bank.safeParse(data);
  const issues: PathIssue[] = parsed.success ? [] : fromZodIssues(parsed.error.issues, data);
  issues.push(...checkBank(partsOf(data)));
  if (issues.length > 0 || !parsed.success) {
    return { ok: false, issues: dedupe(issues.map((i) => locator.place(i))).sort(byPosition) };
  }
  return { ok: true, bank: parsed.data };
}

/**
 * Each problem and question parsed on its own, so semantic checks run on every sound entry
 * even when another entry has a schema error: the TA sees all issues in one run.
 */
function partsOf(data: unknown) {
  const record = (data ?? {}) as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  return {
    problems: list(record.problems).map((p) => Problem.safeParse(p).data),
    questions: list(record.questions).map((q) => Question.safeParse(q).data),
    questionIds: list(record.questions).map((q) => {
      const id = (q as { id?: unknown } | null)?.id;
      return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
    }),
  };
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
  const result = parseBank(readFileSync(file, "utf8"), file);
  if (!result.ok) throw new BankLoadError(result.issues);
  return result.bank;
}

/** The bank files in a folder (`*.yaml`, `*.yml`), sorted by name. */
export function bankFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

/** Loads every bank in a folder; throws one `BankLoadError` with the issues of all files. */
export function loadBankDir(dir: string): Bank[] {
  const banks: Bank[] = [];
  const issues: BankIssue[] = [];
  for (const file of bankFiles(dir)) {
    const result = parseBank(readFileSync(file, "utf8"), file);
    if (result.ok) banks.push(result.bank);
    else issues.push(...result.issues);
  }
  if (issues.length > 0) throw new BankLoadError(issues);
  return banks;
}
