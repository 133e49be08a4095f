import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { DEFAULT_BANKS } from "../config.ts";
import { type BankLibrary, loadBankLibrary } from "../core/bank/bank-library.ts";
import { UnknownQuestionError } from "../core/bank/question-bank.ts";
import type { Question } from "../core/bank/schema.ts";
import { UserError } from "../core/errors.ts";
import type { Grade, StudentAnswer } from "../core/grading/grade.ts";
import { newErrorReference } from "../core/errors.ts";
import { failedGrade } from "../core/grading/grading-failure.ts";
import { createGradingPool, type GradingPool } from "../core/grading/grading-pool.ts";
import { NUMBER_DEFAULTS } from "../core/grading/number-grader.ts";
import { type CliCommand, type CliContext, UsageError, writeLine } from "./cli-command.ts";
import { withoutVerbatimMarks } from "../core/chat/markup.ts";
import { CorpusEntry, buildCorpusReport, formatCorpusReport } from "../core/grading/corpus-report.ts";

const HELP = `Usage: tutor grade ID --answer TEXT [--justification TEXT] [--bank BANK] [--json]
       tutor grade --batch < answers.jsonl
       tutor grade --batch --corpus < tests/grading/corpus/1a.jsonl

Grades one answer to question ID exactly as the bot does (same graders, same
worker pool), so a TA can try a rubric on sample answers before students see it.

  --answer TEXT          the student's answer; for true/false questions the first
                         word is the choice (true, false, T, F) and the rest the
                         justification: "false, because it helps generalization"
  --justification TEXT   a justification given separately
  --bank BANK            the bank of ID (its exam id) when several banks have the id;
                         or give ID as its key, BANK/ID (final/1a), as tutor bank list shows
  --json                 print {question, score, max, needsReview, items, feedback};
                         question is the key
  --batch                read JSON lines {"question","answer","justification","bank"}
                         (bank optional) on stdin; write one result line each, or
                         {"error": "line N: ..."}
  --corpus               with --batch: the lines are a labelled corpus (each with the
                         TA's "score", "kind", "why", optional "review" and "set");
                         print agreement with the TA per question, kind and set,
                         and every disagreement, instead of one result per line
  --db PATH              accepted and ignored (every tutor command takes it)

Questions come from TUTOR_BANKS (a folder or one .yaml file), else data/banks;
with several banks, an id two banks share is named BANK/ID or with --bank.
Numbers: integer references (counts) must be exact; others pass within a relative
tolerance of ${NUMBER_DEFAULTS.real.rtol} (absolute ${NUMBER_DEFAULTS.real.atol} near zero), unless the question sets
rtol/atol. Arithmetic such as 32*3*3*16 is accepted.
Exit code 0 when grading completed, 1 for an unknown question, 2 for a usage error.

Examples:
  tutor grade 3a --answer "false, because regularization improves generalization"
  tutor grade 4b-ii --answer "depth: 16; parameters: 32*3*3*16" --json`;

/** The JSON form of a grade, as `--json` and `--batch` print it. */
export function gradeJson(grade: Grade) {
  const { question, score, max, needsReview } = grade;
  // Tools read plain text: the marks around what the student typed are for chat renderers.
  const items = grade.items.map((i) => (i.note ? { ...i, note: withoutVerbatimMarks(i.note) } : i));
  return { question, score, max, needsReview, items, feedback: grade.feedback.map(withoutVerbatimMarks) };
}

/** A grade as a TA reads it in a terminal: score line, rubric items with ✓/✗, feedback. */
export function formatGrade(grade: Grade): string {
  const lines = [`${grade.question}: ${grade.score}/${grade.max}`];
  for (const item of grade.items) {
    const ok = item.points < 0 ? item.earned === 0 : item.earned >= item.points && item.points > 0;
    const mark = ok ? "✓" : item.earned > 0 ? "~" : "✗";
    lines.push(`  ${mark} ${item.label} (${item.earned}/${item.points})${item.note ? `: ${withoutVerbatimMarks(item.note)}` : ""}`);
  }
  if (grade.feedback.length > 0) lines.push("Feedback:", ...grade.feedback.map((f) => `  - ${withoutVerbatimMarks(f)}`));
  if (grade.needsReview) lines.push("needs review by a TA");
  return lines.join("\n");
}

function loadQuestions(ctx: CliContext): BankLibrary {
  return loadBankLibrary(ctx.env.TUTOR_BANKS ?? DEFAULT_BANKS);
}

/**
 * The question an ID (a key such as `final/1a`, or an id with `bank`) names, or why there is none:
 * unknown (with the valid keys), or an id several banks share (with how to name each).
 */
function find(banks: BankLibrary, id: string, bank?: string): { question: Question } | { unknown: string } | { problem: string } {
  try {
    return { question: banks.forCourse().resolve(id, { bank, command: "tutor grade", bankOption: "--bank" }).question };
  } catch (error) {
    if (error instanceof UnknownQuestionError) return { unknown: error.validIds.join(", ") };
    if (error instanceof UserError) return { problem: withoutVerbatimMarks(error.message) };
    throw error;
  }
}

/** The grade the bot would store: a grading failure is a provisional grade for a TA, its cause on stderr. */
async function gradeOrReview(pool: GradingPool, question: Question, answer: StudentAnswer, ctx: CliContext): Promise<Grade> {
  const outcome = await pool.grade(question, answer);
  if (outcome.ok) return outcome.grade;
  const reference = newErrorReference();
  writeLine(ctx.stderr, `tutor grade: automatic grading of ${question.id} failed (${outcome.failure}), reference ${reference}: ${outcome.detail ?? "no detail"}`);
  return failedGrade(question, outcome.failure, reference);
}

async function gradeLine(pool: GradingPool, banks: BankLibrary, line: string, n: number, ctx: CliContext): Promise<object> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { error: `line ${n}: not valid JSON` };
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { error: `line ${n}: expected a JSON object` };
  const { question, answer, justification, bank } = input as Record<string, unknown>;
  if (typeof question !== "string") return { error: `line ${n}: "question" must be a question id` };
  if (bank !== undefined && bank !== null && typeof bank !== "string") return { error: `line ${n}: "bank" must be a bank's exam id` };
  if (typeof answer !== "string") return { error: `line ${n}: "answer" must be a string` };
  if (justification !== undefined && justification !== null && typeof justification !== "string") {
    return { error: `line ${n}: "justification" must be a string` };
  }
  const found = find(banks, question, typeof bank === "string" ? bank : undefined);
  if ("unknown" in found) return { error: `line ${n}: no question "${question}"; questions: ${found.unknown}` };
  if ("problem" in found) return { error: `line ${n}: ${found.problem}` };
  return gradeJson(await gradeOrReview(pool, found.question, { text: answer, ...(typeof justification === "string" ? { justification } : {}) }, ctx));
}

async function runBatch(pool: GradingPool, banks: BankLibrary, ctx: CliContext): Promise<void> {
  const lines = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
  let n = 0;
  let written = Promise.resolve();
  for await (const line of lines) {
    n += 1;
    if (line.trim() === "") continue;
    const result = gradeLine(pool, banks, line, n, ctx);
    // Grades run concurrently across the pool; results are written in input order.
    written = written.then(async () => writeLine(ctx.stdout, JSON.stringify(await result)));
  }
  await written;
}

/** `--batch --corpus`: grades every labelled line and prints the agreement report. */
async function runCorpus(pool: GradingPool, banks: BankLibrary, ctx: CliContext): Promise<void> {
  const lines = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
  const pending: Array<Promise<{ entry: CorpusEntry; grade: Grade } | undefined>> = [];
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === "") continue;
    let entry: CorpusEntry;
    try {
      entry = CorpusEntry.parse(JSON.parse(line));
    } catch (error) {
      writeLine(ctx.stderr, `tutor grade: line ${n}: not a corpus entry (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
      continue;
    }
    const found = find(banks, entry.question);
    if (!("question" in found)) {
      writeLine(ctx.stderr, `tutor grade: line ${n}: ${"problem" in found ? found.problem : `no question "${entry.question}"`}`);
      continue;
    }
    const answer = { text: entry.answer, ...(entry.justification !== undefined ? { justification: entry.justification } : {}) };
    pending.push(gradeOrReview(pool, found.question, answer, ctx).then((grade) => ({ entry, grade })));
  }
  const rows = (await Promise.all(pending)).filter((r) => r !== undefined);
  writeLine(ctx.stdout, formatCorpusReport(buildCorpusReport(rows)));
}

async function withPool(pool: GradingPool, work: (pool: GradingPool) => Promise<void>): Promise<number> {
  try {
    await work(pool);
    return 0;
  } finally {
    await pool.close();
  }
}

function parse(argv: string[]) {
  // Unknown or malformed flags are reported as usage errors by run-cli.
  return parseArgs({
    args: argv,
    options: {
      answer: { type: "string" },
      justification: { type: "string" },
      json: { type: "boolean", default: false },
      batch: { type: "boolean", default: false },
      corpus: { type: "boolean", default: false },
      bank: { type: "string" },
      db: { type: "string" },
    },
    allowPositionals: true,
  });
}

/** `tutor grade`, with the pool factory injectable for tests. */
export function createGradeCommand(makePool: (size: number) => GradingPool = (size) => createGradingPool({ size })): CliCommand {
  return {
    name: "grade",
    summary: "Grade an answer (or JSON lines of answers) as the bot does",
    help: HELP,
    async run(argv, ctx) {
      const { values, positionals } = parse(argv);
      if (values.batch && (positionals.length > 0 || values.answer !== undefined)) {
        throw new UsageError("--batch reads its answers from stdin; give no ID or --answer.");
      }
      if (!values.batch && positionals.length !== 1) throw new UsageError("give exactly one question ID.");
      if (!values.batch && values.answer === undefined) throw new UsageError("give the answer with --answer TEXT.");
      const banks = loadQuestions(ctx);
      if (values.corpus && !values.batch) throw new UsageError("--corpus goes with --batch.");
      if (values.batch) return withPool(makePool(2), async (pool) => (values.corpus ? runCorpus : runBatch)(pool, banks, ctx));
      const found = find(banks, positionals[0] ?? "", values.bank);
      if (!("question" in found)) {
        writeLine(ctx.stderr, `tutor grade: ${"problem" in found ? found.problem : `there is no question "${positionals[0]}". Questions: ${found.unknown}.`}`);
        return 1;
      }
      const { question } = found;
      const answer = { text: values.answer ?? "", ...(values.justification !== undefined ? { justification: values.justification } : {}) };
      return withPool(makePool(1), async (pool) => {
        const grade = await gradeOrReview(pool, question, answer, ctx);
        writeLine(ctx.stdout, values.json ? JSON.stringify(gradeJson(grade)) : formatGrade(grade));
      });
    },
  };
}

/** The `tutor grade` subcommand. */
export const gradeCommand: CliCommand = createGradeCommand();
