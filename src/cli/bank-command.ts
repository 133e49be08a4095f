import { parseArgs } from "node:util";
import { BankLibrary } from "../core/bank/bank-library.ts";
import { QuestionBank } from "../core/bank/question-bank.ts";
import type { Bank, Question } from "../core/bank/schema.ts";
import { createGradingPool, type GradingPool } from "../core/grading/grading-pool.ts";
import { checkVariants, formatVariantProblem, type VariantCheckReport } from "../core/grading/variant-self-check.ts";
import { bankTarget, loadValidBanks, plural } from "./bank-files.ts";
import { runBankImport } from "./bank-import.ts";
import { formatWarning, lintBankFile, runBankLint } from "./bank-lint.ts";
import { runBankTry } from "./bank-try.ts";
import { type CliCommand, type CliContext, UsageError, writeLine } from "./cli-command.ts";

const HELP = `tutor bank: check, read, try and list question banks

Usage:
  tutor bank validate [PATH] [--samples N] [--quiet]
                                   check a bank file, or every *.yaml/*.yml bank in a folder
  tutor bank lint [PATH] [--json]  show how each rubric phrase and guard will be read, with warnings
  tutor bank try FILE.jsonl [--bank PATH] [--tolerance F] [--json] [--worst N]
                                   grade a TA's labelled answers and compare with the TA's scores
  tutor bank list [PATH] [--json]  list the questions: id, problem, kind, points
  tutor bank import FILE [--out PATH] [--format moodle|gift]  turn a Moodle XML or GIFT export into a bank YAML

PATH defaults to the banks folder (TUTOR_BANKS, else data/banks).

validate prints every issue at once as FILE:LINE:COLUMN: PATH: MESSAGE and exits 1,
or, when the bank is sound, a summary of its problems and points. For every question with
parameters it draws N variants (default 200; seeds 1..N, so a finding can be reproduced) and
grades each variant's own reference answer (it must earn full marks) and known mistakes (each
must be recognised as itself). It then lists lint's warnings (they never fail validation).
lint prints, for every rubric, the words each phrase comes to after stop words, stems and
synonyms, then warnings as FILE:LINE:COLUMN: PATH: warning: MESSAGE: a phrase that reads as
nothing or as one common word, one that loses words ("one element" reads as "element"), a guard
that cancels a phrase of its own item, a phrase found in the question's own text, a phrase two
items share. Exit 0 with warnings, 1 when the bank does not validate.
try reads JSON lines {"question","answer","justification"?,"score"} ("label" for "score"; "bank",
the exam id, when several banks have the question), grades each answer as the bot does and
prints agreement (graded within the tolerance of the TA's score), correlation, means, mean
difference (grader - TA), RMSE and answers sent to review, overall and per question, and the
largest disagreements. Bad lines are reported with their number and skipped.
list --json prints a JSON array of {id, key, bank, problem, kind, points, bonus, topic, grader, exam}:
key is the name the bot stores and students type (BANK/ID where an earlier bank has the id).

Options:
  --json         machine-readable output (list, lint, try)
  --samples N    variants drawn per question with parameters (validate; 1 to 100000, default 200)
  --quiet        validate without lint's warnings
  --bank PATH    the bank file or folder try grades with (default: TUTOR_BANKS, else data/banks)
  --tolerance F  try: agreement within F points (default: 10% of each question's points)
  --worst N      try: how many of the largest disagreements to list (default 10)
  --db PATH      accepted for uniformity with other commands; banks do not use the database
  -h, --help     this help

Examples:
  npm run -s tutor -- bank validate
  npm run -s tutor -- bank lint data/banks/midterm.yaml
  npm run -s tutor -- bank try labelled.jsonl --bank data/banks --tolerance 0.5
  npm run -s tutor -- bank list --json`;

/** `tutor bank`, with the grading pool of `try` injectable (tests share one). */
export function createBankCommand(makePool: (size: number) => GradingPool = (size) => createGradingPool({ size })): CliCommand {
  return {
    name: "bank",
    summary: "Validate, lint, try and list question banks",
    help: HELP,
    async run(argv, ctx) {
      // These actions parse their own options.
      const [first, ...rest] = argv;
      if (first === "lint") return runBankLint(rest, ctx);
      if (first === "try") return runBankTry(rest, ctx, makePool);
      if (first === "import") return runBankImport(rest, ctx);
      const { values, positionals } = parseOptions(argv);
      const [action, target, ...extra] = positionals;
      if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}".`);
      if (action !== "validate" && action !== "list") {
        const actions = "use validate or list to check a bank, lint or try to see how it grades, import to convert a quiz export";
        throw new UsageError(action ? `unknown action "${action}": ${actions}.` : `say what to do: ${actions}.`);
      }
      const loaded = loadValidBanks(bankTarget(target, ctx), ctx);
      if (!loaded) return 1;
      const banks = loaded.map((l) => ({ file: l.file, bank: new QuestionBank(l.bank) }));
      if (action === "validate") {
        const samples = sampleCount(values.samples);
        const reports = loaded.flatMap((l) => Object.values(l.bank.templates ?? {})).map((t) => ({ template: t, report: checkVariants(t, samples) }));
        const variantIssues = reports.flatMap(({ report }) => report.problems.map((p) => formatVariantProblem(report.question, p)));
        if (variantIssues.length > 0) {
          for (const line of variantIssues) writeLine(ctx.stderr, line);
          writeLine(ctx.stderr, `${plural(variantIssues.length, "variant issue")}: fix the question's parameters, constraints or templates.`);
          return 1;
        }
        banks.forEach((b) => printSummary(b.file, b.bank, ctx));
        for (const { template, report } of reports) writeLine(ctx.stdout, variantLine(template, report));
        if (!values.quiet) printLintWarnings(loaded, ctx);
      }
      else if (values.json) writeLine(ctx.stdout, JSON.stringify(keyedBanks(loaded).flatMap(listRows)));
      else keyedBanks(loaded).forEach((b, i) => printTable(b, ctx, i > 0));
      return 0;
    },
  };
}

/** The `tutor bank` subcommand. */
export const bankCommand: CliCommand = createBankCommand();

function parseOptions(argv: string[]) {
  // Unknown or malformed flags are reported as usage errors by run-cli.
  return parseArgs({
    args: argv,
    options: {
      json: { type: "boolean", default: false }, db: { type: "string" }, samples: { type: "string" }, quiet: { type: "boolean", default: false },
    },
    allowPositionals: true,
    strict: true,
  });
}

/** Lint's warnings after validate's summary: worth reading, never a failure. */
function printLintWarnings(loaded: ReadonlyArray<{ file: string; text: string; bank: Bank }>, ctx: CliContext): void {
  const warnings = loaded.flatMap((l) => lintBankFile(l.file, l.text, l.bank).warnings);
  if (warnings.length === 0) return;
  writeLine(ctx.stdout, "");
  for (const w of warnings) writeLine(ctx.stdout, formatWarning(w));
  writeLine(ctx.stdout, `${plural(warnings.length, "lint warning")}: phrases that may not grade as meant (\`tutor bank lint\` shows how each phrase is read; --quiet hides them).`);
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

/** One row of `bank list --json`: `key` is what the store keeps and students type (`final/1a` where banks share `1a`). */
export interface BankListRow {
  id: string;
  key: string;
  bank: string;
  problem: number;
  kind: string;
  points: number;
  bonus: boolean;
  topic: string;
  grader: string;
  exam: string;
}

/**
 * The banks in file order, their questions named by key as the bot names them (BankLibrary); with
 * two banks of one exam id there are no keys to give, and each bank keeps its plain ids.
 */
function keyedBanks(loaded: ReadonlyArray<{ bank: Bank }>): QuestionBank[] {
  try {
    const library = new BankLibrary(loaded.map((l) => l.bank));
    return loaded.map((l) => library.bank(l.bank.exam.id)!);
  } catch {
    return loaded.map((l) => new QuestionBank(l.bank));
  }
}

/** A key's id within its bank: `final/1a` is 1a. */
const plainId = (key: string) => key.slice(key.indexOf("/") + 1);

function listRows(bank: QuestionBank): BankListRow[] {
  return bank.all().map((q) => ({
    id: plainId(q.id), key: q.id, bank: bank.exam.id, problem: q.problem, kind: q.answer.kind, points: q.points, bonus: q.bonus, topic: q.topic, grader: q.grader, exam: bank.exam.id,
  }));
}

function printTable(bank: QuestionBank, ctx: CliContext, spaced: boolean): void {
  if (spaced) writeLine(ctx.stdout, "");
  // A key column only where a key is not the id (an id an earlier bank has too).
  const keyed = bank.all().some((q) => q.id !== plainId(q.id));
  const rows = bank.all().map((q) => [plainId(q.id), ...(keyed ? [q.id] : []), String(q.problem), q.answer.kind, q.bonus ? `${q.points} (bonus)` : String(q.points)]);
  const table = [["id", ...(keyed ? ["key"] : []), "problem", "kind", "points"], ...rows];
  const widths = table[0]!.slice(0, -1).map((_, c) => Math.max(...table.map((r) => r[c]?.length ?? 0)));
  writeLine(ctx.stdout, `${bank.exam.course} ${bank.exam.title} (${bank.exam.term})`);
  for (const row of table) writeLine(ctx.stdout, row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd());
  writeLine(ctx.stdout, `${plural(rows.length, "question")}, ${totalText(bank)} points`);
}
