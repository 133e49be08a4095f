import { parseArgs } from "node:util";
import { LineCounter, parseDocument } from "yaml";
import { type BankIssue, formatIssue, YamlLocator } from "../core/bank/bank-issues.ts";
import { type LintedPhrase, type LintWarningKind, lintBank, type QuestionLint } from "../core/bank/rubric-lint.ts";
import { describeReading } from "../core/bank/rubric-lint-warnings.ts";
import type { Bank } from "../core/bank/schema.ts";
import { bankTarget, loadValidBanks, plural } from "./bank-files.ts";
import { type CliContext, UsageError, writeLine } from "./cli-command.ts";

/** A lint warning placed in its file, as `--json` prints it. */
export interface PlacedWarning extends BankIssue {
  kind: LintWarningKind;
}

/** A bank's rubrics read, and its warnings placed at line and column. */
export interface BankLint {
  questions: QuestionLint[];
  warnings: PlacedWarning[];
}

/** Reads a valid bank's rubrics and places each warning in `text`, the bank file's YAML, sorted by position. */
export function lintBankFile(file: string, text: string, bank: Bank): BankLint {
  const lines = new LineCounter();
  const locator = new YamlLocator(parseDocument(text, { lineCounter: lines }), lines, file);
  const questions = lintBank(bank);
  const warnings = questions
    .flatMap((q) => q.warnings.map((w) => ({ ...locator.place({ path: w.path, message: w.message }), kind: w.kind })))
    .sort((a, b) => a.line - b.line || a.column - b.column);
  return { questions, warnings };
}

/** `FILE:LINE:COLUMN: PATH: warning: MESSAGE`, the form of validate's issues. */
export function formatWarning(w: PlacedWarning): string {
  return formatIssue({ ...w, message: `warning: ${w.message}` });
}

/**
 * `tutor bank lint [PATH] [--json]`: how each phrase and guard of every rubric will be read, then
 * the warnings. Exit 0 with warnings; 1 when a bank does not validate (its issues on stderr).
 */
export async function runBankLint(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: "boolean", default: false }, db: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}".`);
  const banks = loadValidBanks(bankTarget(positionals[0], ctx), ctx);
  if (!banks) return 1;
  const linted = banks.map((b) => ({ ...b, ...lintBankFile(b.file, b.text, b.bank) }));
  if (values.json) {
    writeLine(ctx.stdout, JSON.stringify({
      banks: linted.map((b) => ({ file: b.file, exam: b.bank.exam.id, questions: b.questions.filter((q) => q.rubrics.length > 0).map(questionJson) })),
      warnings: linted.flatMap((b) => b.warnings),
    }));
    return 0;
  }
  linted.forEach((b, i) => {
    if (i > 0) writeLine(ctx.stdout, "");
    writeLine(ctx.stdout, `${b.file}: ${b.bank.exam.course} ${b.bank.exam.title} (${b.bank.exam.term})`);
    for (const q of b.questions) for (const line of readingLines(q)) writeLine(ctx.stdout, line);
    writeLine(ctx.stdout, "");
    for (const w of b.warnings) writeLine(ctx.stdout, formatWarning(w));
    writeLine(ctx.stdout, b.warnings.length > 0 ? `${plural(b.warnings.length, "warning")} in ${b.file}.` : `No warnings in ${b.file}.`);
  });
  return 0;
}

const dotted = (path: ReadonlyArray<string | number>) => path.join(".");

function questionJson(q: QuestionLint) {
  const phrase = ({ path, ...reading }: LintedPhrase) => ({ path: dotted(path), ...reading });
  return {
    id: q.id, kind: q.kind, points: q.points,
    rubrics: q.rubrics.map((r) => ({
      name: r.name, path: dotted(r.path), graded: r.graded,
      items: r.items.map((item) => ({ ...item, path: dotted(item.path), phrases: item.phrases.map(phrase), guards: item.guards.map(phrase) })),
    })),
  };
}

/** A question's rubrics as a TA reads them: each item, then each phrase and guard with the words it comes to. */
function readingLines(q: QuestionLint): string[] {
  if (q.rubrics.length === 0) return [];
  const lines = ["", `${q.id} (${q.kind}, ${plural(q.points, "point")})`];
  for (const r of q.rubrics) {
    if (q.rubrics.length > 1 || !r.graded) lines.push(`  ${r.name}${r.graded ? "" : " (hints for the TA: the grader does not match them)"}`);
    for (const item of r.items) {
      const worth = item.points === undefined ? "" : ` (${plural(item.points, "point")})`;
      lines.push(`  ${item.id}: ${item.label}${item.part ? ` [part ${item.part}]` : ""}${worth}`);
      for (const p of [...item.phrases, ...item.guards]) lines.push(`    ${phraseLine(p)}`);
    }
  }
  return lines;
}

/** `"too many epochs" → many + epochs  (many ≈ large, big, huge, high…)`: what the phrase needs, and why. */
function phraseLine(p: LintedPhrase): string {
  const head = `${p.guard ? "unless: " : ""}"${p.text}" → ${describeReading(p)}`;
  const notes = [
    ...p.problems,
    ...(p.negated ? ["negated"] : []),
    ...(p.ordered ? ["in this order"] : []),
    ...(p.dropped.length > 0 ? [`skips ${p.dropped.join(", ")}`] : []),
    ...(p.merged.length > 0 ? [`counts once: ${p.merged.join(", ")}`] : []),
    ...p.shown.flatMap((w, i) => {
      const others = p.synonyms[i] ?? [];
      return others.length > 0 ? [`${w} ≈ ${others.slice(0, 4).join(", ")}${others.length > 4 ? "…" : ""}`] : [];
    }),
  ];
  return notes.length > 0 ? `${head}  (${notes.join("; ")})` : head;
}
