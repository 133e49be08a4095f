import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_BANKS } from "../config.ts";
import { bankFiles, formatIssue, parseBank } from "../core/bank/load-bank.ts";
import { QuestionBank } from "../core/bank/question-bank.ts";
import type { Bank, Question } from "../core/bank/schema.ts";
import { checkVariants, formatVariantProblem, type VariantCheckReport } from "../core/grading/variant-self-check.ts";
import { type CliCommand, type CliContext, UsageError, writeLine } from "./cli-command.ts";

const HELP = `tutor bank: check and list question banks

Usage:
  tutor bank validate [PATH] [--samples N]
                                   check a bank file, or every *.yaml/*.yml bank in a folder
  tutor bank list [PATH] [--json]  list the questions: id, problem, kind, points

PATH defaults to the banks folder (TUTOR_BANKS, else data/banks).

validate prints every issue at once as FILE:LINE:COLUMN: PATH: MESSAGE and exits 1,
or, when the bank is sound, a summary of its problems and points. For every question with
parameters it draws N variants (default 200; seeds 1..N, so a finding can be reproduced) and
grades each variant's own reference answer (it must earn full marks) and known mistakes (each
must be recognised as itself).
list --json prints a JSON array of {id, problem, kind, points, bonus, topic, grader, exam}.

Options:
  --json       machine-readable output (list)
  --samples N  variants drawn per question with parameters (validate; 1 to 100000, default 200)
  --db PATH    accepted for uniformity with other commands; banks do not use the database
  -h, --help   this help

Examples:
  npm run -s tutor -- bank validate
  npm run -s tutor -- bank validate data/banks/midterm.yaml
  npm run -s tutor -- bank list --json`;

/** One bank as read from disk, or the issues that kept it from loading. */
type Loaded = { file: string; bank: Bank } | { file: string; issues: string[] };

/** `tutor bank validate|list`: what a TA runs before students see a rubric. */
export const bankCommand: CliCommand = {
  name: "bank",
  summary: "Validate and list question banks",
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseOptions(argv);
    const [action, target, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}".`);
    if (action !== "validate" && action !== "list") {
      throw new UsageError(action ? `unknown action "${action}": use validate or list.` : "say what to do: validate or list.");
    }
    const files = resolveFiles(target ?? ctx.env.TUTOR_BANKS ?? DEFAULT_BANKS, ctx);
    if (!files) return 1;
    const loaded = files.map(loadOne);
    const failed = loaded.filter((l) => "issues" in l);
    if (failed.length > 0) {
      for (const f of failed) for (const line of f.issues) writeLine(ctx.stderr, line);
      const count = failed.reduce((n, f) => n + f.issues.length, 0);
      writeLine(ctx.stderr, `${count} issue${count === 1 ? "" : "s"} in ${failed.map((f) => f.file).join(", ")}.`);
      return 1;
    }
    const banks = loaded.flatMap((l) => ("bank" in l ? [{ file: l.file, bank: new QuestionBank(l.bank) }] : []));
    if (action === "validate") {
      const samples = sampleCount(values.samples);
      const reports = loaded.flatMap((l) => ("bank" in l ? Object.values(l.bank.templates ?? {}) : [])).map((t) => ({ template: t, report: checkVariants(t, samples) }));
      const variantIssues = reports.flatMap(({ report }) => report.problems.map((p) => formatVariantProblem(report.question, p)));
      if (variantIssues.length > 0) {
        for (const line of variantIssues) writeLine(ctx.stderr, line);
        writeLine(ctx.stderr, `${plural(variantIssues.length, "variant issue")}: fix the question's parameters, constraints or templates.`);
        return 1;
      }
      banks.forEach((b) => printSummary(b.file, b.bank, ctx));
      for (const { template, report } of reports) writeLine(ctx.stdout, variantLine(template, report));
    }
    else if (values.json) writeLine(ctx.stdout, JSON.stringify(banks.flatMap((b) => listRows(b.bank))));
    else banks.forEach((b, i) => printTable(b.bank, ctx, i > 0));
    return 0;
  },
};

function parseOptions(argv: string[]) {
  // Unknown or malformed flags are reported as usage errors by run-cli.
  return parseArgs({
    args: argv,
    options: { json: { type: "boolean", default: false }, db: { type: "string" }, samples: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
}

function sampleCount(raw: string | undefined): number {
  if (raw === undefined) return 200;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new UsageError(`--samples must be a whole number from 1 to 100000, not "${raw}".`);
  return n;
}

/** One summary line for a question's variant space that passed. */
function variantLine(template: Question, report: VariantCheckReport): string {
  const names = Object.keys(template.parameters?.ranges ?? {}).join(", ");
  const what = !report.graded
    ? "each written and checked against the schema (no reference answer to grade)"
    : `each one's reference earns full marks${report.mistakes > 0 ? ` and its ${plural(report.mistakes, "known mistake")} are recognised` : ""}`;
  return `  Variants of ${template.id} (${names}): ${plural(report.samples, "sample")}, ${what}`;
}

/** The bank files at PATH (a file or a folder); prints why and returns undefined when there are none. */
function resolveFiles(target: string, ctx: CliContext): string[] | undefined {
  const shown = display(target);
  if (!existsSync(target)) {
    writeLine(ctx.stderr, `tutor bank: ${shown} does not exist.`);
    return undefined;
  }
  const files = statSync(target).isDirectory() ? bankFiles(target) : [target];
  if (files.length === 0) writeLine(ctx.stderr, `tutor bank: no bank files (*.yaml, *.yml) in ${shown}.`);
  return files.length > 0 ? files : undefined;
}

function loadOne(file: string): Loaded {
  const shown = display(file);
  const result = parseBank(readFileSync(file, "utf8"), shown);
  return result.ok ? { file: shown, bank: result.bank } : { file: shown, issues: result.issues.map(formatIssue) };
}

/** Paths under the current folder are shown relative to it, so they are short and clickable. */
function display(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function printSummary(file: string, bank: QuestionBank, ctx: CliContext): void {
  const { exam } = bank;
  writeLine(ctx.stdout, `${file}: ${exam.course} ${exam.title} (${exam.term}) is valid: ${plural(bank.all().length, "question")}.`);
  for (const p of bank.problems) {
    const count = bank.all().filter((q) => q.problem === p.number).length;
    const worth = p.bonus ? `${p.points} bonus points` : plural(p.points, "point");
    writeLine(ctx.stdout, `  Problem ${p.number} (${p.title}): ${worth}, ${plural(count, "question")}`);
  }
  writeLine(ctx.stdout, `  Total: ${totalText(bank)}`);
}

function totalText(bank: QuestionBank): string {
  const { regular, bonus } = bank.totalPoints;
  return bonus > 0 ? `${regular} + ${bonus} bonus` : `${regular}`;
}

/** One row of `bank list --json`. */
export interface BankListRow {
  id: string;
  problem: number;
  kind: string;
  points: number;
  bonus: boolean;
  topic: string;
  grader: string;
  exam: string;
}

function listRows(bank: QuestionBank): BankListRow[] {
  return bank.all().map((q) => ({
    id: q.id, problem: q.problem, kind: q.answer.kind, points: q.points, bonus: q.bonus, topic: q.topic, grader: q.grader, exam: bank.exam.id,
  }));
}

function printTable(bank: QuestionBank, ctx: CliContext, spaced: boolean): void {
  if (spaced) writeLine(ctx.stdout, "");
  const rows = bank.all().map((q) => [q.id, String(q.problem), q.answer.kind, q.bonus ? `${q.points} (bonus)` : String(q.points)]);
  const table = [["id", "problem", "kind", "points"], ...rows];
  const widths = [0, 1, 2].map((c) => Math.max(...table.map((r) => r[c]?.length ?? 0)));
  writeLine(ctx.stdout, `${bank.exam.course} ${bank.exam.title} (${bank.exam.term})`);
  for (const row of table) writeLine(ctx.stdout, row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd());
  writeLine(ctx.stdout, `${plural(rows.length, "question")}, ${totalText(bank)} points`);
}
