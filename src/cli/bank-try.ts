import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Bank, Question } from "../core/bank/schema.ts";
import { withoutVerbatimMarks } from "../core/chat/markup.ts";
import { newErrorReference } from "../core/errors.ts";
import { calibrate, type CalibrationRow, DEFAULT_TOLERANCE, type Tolerance } from "../core/grading/calibration.ts";
import type { Grade, StudentAnswer } from "../core/grading/grade.ts";
import { failedGrade } from "../core/grading/grading-failure.ts";
import type { GradingPool } from "../core/grading/grading-pool.ts";
import { bankTarget, displayPath, loadValidBanks } from "./bank-files.ts";
import { formatCalibration } from "./bank-try-report.ts";
import { type CliContext, UsageError, writeLine } from "./cli-command.ts";

/** Answers graded at once: enough to keep the pool busy, few enough never to fill its queue. */
const IN_FLIGHT = 32;

/** A labelled line read: the question it answers, the answer, and the TA's score. */
interface Labelled {
  line: number;
  question: Question;
  shownId: string;
  answer: StudentAnswer;
  label: number;
}

/**
 * `tutor bank try FILE.jsonl [--bank PATH] [--tolerance F] [--json] [--worst N]`: grades a TA's
 * labelled answers with the bank and reports how the grader agrees with the TA. Bad lines are
 * reported with their number and skipped. Exit 0 when something was graded, 1 when nothing could be.
 */
export async function runBankTry(argv: string[], ctx: CliContext, makePool: (size: number) => GradingPool): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      bank: { type: "string" }, tolerance: { type: "string" }, worst: { type: "string" },
      json: { type: "boolean", default: false }, db: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "give the file of labelled answers (JSON lines)." : `unexpected argument "${positionals[1]}".`);
  const tolerance = parseTolerance(values.tolerance);
  const worst = parseWorst(values.worst);
  const file = positionals[0] ?? "";
  if (!existsSync(file)) {
    writeLine(ctx.stderr, `tutor bank try: ${displayPath(file)} does not exist.`);
    return 1;
  }
  const target = bankTarget(values.bank, ctx);
  const banks = loadValidBanks(target, ctx);
  if (!banks) return 1;
  const errors: Array<{ line: number; message: string }> = [];
  const labelled = readLabelled(readFileSync(file, "utf8"), banks.map((b) => b.bank), errors);
  for (const e of errors) writeLine(ctx.stderr, `tutor bank try: line ${e.line}: ${e.message}`);
  if (labelled.length === 0) {
    writeLine(ctx.stderr, `tutor bank try: no answer in ${displayPath(file)} could be graded.`);
    return 1;
  }
  const pool = makePool(2);
  let rows: CalibrationRow[];
  try {
    rows = await gradeAll(pool, labelled, ctx);
  } finally {
    await pool.close();
  }
  const report = calibrate(rows, { tolerance, worst });
  if (values.json) writeLine(ctx.stdout, JSON.stringify({ ...report, errors }));
  else writeLine(ctx.stdout, formatCalibration(report, { file: displayPath(file), banks: displayPath(target), tolerance, skipped: errors.length }));
  return 0;
}

function parseTolerance(raw: string | undefined): Tolerance {
  if (raw === undefined) return DEFAULT_TOLERANCE;
  const points = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(points) || points < 0) throw new UsageError(`--tolerance must be a number of points (0 or more), not "${raw}".`);
  return { points };
}

function parseWorst(raw: string | undefined): number {
  if (raw === undefined) return 10;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--worst must be a whole number (0 or more), not "${raw}".`);
  return n;
}

/** Reads every line; a bad one goes to `errors` with its number and the others are kept. */
function readLabelled(text: string, banks: readonly Bank[], errors: Array<{ line: number; message: string }>): Labelled[] {
  const out: Labelled[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    const read = readLine(raw, banks);
    if (typeof read === "string") errors.push({ line: i + 1, message: read });
    else out.push({ ...read, line: i + 1 });
  });
  return out;
}

/** One labelled line, or what is wrong with it in plain words. */
function readLine(raw: string, banks: readonly Bank[]): Omit<Labelled, "line"> | string {
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch {
    return "not valid JSON";
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) return "expected a JSON object";
  const { question, answer, justification, score, label, bank } = input as Record<string, unknown>;
  if (typeof question !== "string" || question === "") return `"question" must be a question id`;
  if (typeof answer !== "string") return `"answer" must be text`;
  if (justification !== undefined && justification !== null && typeof justification !== "string") return `"justification" must be text`;
  if (bank !== undefined && typeof bank !== "string") return `"bank" must be a bank's exam id`;
  const ta = score ?? label;
  if (ta === undefined || ta === null) return `no "score" (the TA's score; "label" works too)`;
  if (typeof ta !== "number" || !Number.isFinite(ta)) return `"score" must be a number, not ${JSON.stringify(ta)}`;
  const found = findQuestion(banks, question, bank);
  if (typeof found === "string") return found;
  if (ta < 0 || ta > found.question.points) return `score ${ta} is outside 0..${found.question.points}, the points of ${found.shownId}`;
  const text = { text: answer, ...(typeof justification === "string" ? { justification } : {}) };
  return { ...found, answer: text, label: ta };
}

/** The question an id names, with the bank (`"bank"`, or `bank/id`) when several banks have it. */
function findQuestion(banks: readonly Bank[], id: string, bank: string | undefined): { question: Question; shownId: string } | string {
  const [prefix, rest] = id.includes("/") ? [id.slice(0, id.indexOf("/")), id.slice(id.indexOf("/") + 1)] : [bank, id];
  const scope = prefix === undefined ? banks : banks.filter((b) => b.exam.id === prefix);
  if (scope.length === 0) return `no bank "${prefix}"; banks: ${banks.map((b) => b.exam.id).join(", ")}`;
  const matches = scope.flatMap((b) => b.questions.filter((q) => q.id === rest).map((q) => ({ b, q })));
  if (matches.length === 0) {
    const ids = [...new Set(scope.flatMap((b) => b.questions.map((q) => q.id)))];
    return `no question "${id}"${prefix === undefined ? "" : ` in bank ${prefix}`}; questions: ${ids.slice(0, 30).join(", ")}${ids.length > 30 ? ", …" : ""}`;
  }
  if (matches.length > 1) {
    return `question "${rest}" is in several banks (${matches.map((m) => m.b.exam.id).join(", ")}): add "bank": the exam id of the one it answers`;
  }
  const only = matches[0]!;
  return { question: only.q, shownId: banks.length > 1 && prefix !== undefined ? `${only.b.exam.id}/${only.q.id}` : only.q.id };
}

/** Answer kinds a TA grades by design: their provisional 0 is left out of the figures. */
const TA_GRADED: ReadonlySet<string> = new Set(["drawing", "proof", "essay"]);

/** Grades every answer on the pool, a few at a time, keeping file order. */
async function gradeAll(pool: GradingPool, labelled: readonly Labelled[], ctx: CliContext): Promise<CalibrationRow[]> {
  const rows: CalibrationRow[] = new Array(labelled.length);
  let next = 0;
  const worker = async () => {
    while (next < labelled.length) {
      const i = next++;
      const l = labelled[i]!;
      const grade = await gradeOne(pool, l, ctx);
      rows[i] = {
        line: l.line, question: l.shownId, answer: [l.answer.text, l.answer.justification ?? ""].join(" ").trim(), points: l.question.points,
        label: l.label, score: grade.score, needsReview: grade.needsReview, detail: gradeDetail(grade),
        byTa: TA_GRADED.has(l.question.answer.kind),
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, labelled.length) }, worker));
  return rows;
}

/** The grade the bot would store: a grading failure is a provisional 0 for review, its cause on stderr. */
async function gradeOne(pool: GradingPool, l: Labelled, ctx: CliContext): Promise<Grade> {
  const outcome = await pool.grade(l.question, l.answer);
  if (outcome.ok) return outcome.grade;
  const reference = newErrorReference();
  writeLine(ctx.stderr, `tutor bank try: line ${l.line}: automatic grading failed (${outcome.failure}), reference ${reference}: ${outcome.detail ?? "no detail"}`);
  return failedGrade(l.question, outcome.failure, reference);
}

/** The grader's items and feedback in one line: `✓ Slow at test time 2/2; ✗ Curse of dimensionality 0/3 | Missing: …`. */
function gradeDetail(grade: Grade): string {
  const items = grade.items.map((i) => {
    const ok = i.points < 0 ? i.earned === 0 : i.earned >= i.points && i.points > 0;
    return `${ok ? "✓" : i.earned > 0 ? "~" : "✗"} ${i.label} ${i.earned}/${i.points}`;
  });
  const feedback = grade.feedback.map(withoutVerbatimMarks).join(" ");
  return [items.join("; "), feedback].filter((s) => s !== "").join(" | ");
}
