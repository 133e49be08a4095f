import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createGradingPool, type GradingPool } from "../core/grading/grading-pool.ts";
import type { CheckResult, CheckTest } from "../core/math/index.ts";
import { type CliCommand, type CliContext, UsageError, writeLine } from "./cli-command.ts";

const HELP = `Usage: tutor check STUDENT REFERENCE [--test equiv|relative|absolute] [--tol X] [--json]
       tutor check --batch < cases.jsonl

Checks a student expression against a reference the way the bot grades it (same
sandbox, same worker pool): both are evaluated at random points, every free name
is a scalar variable; e, pi and i are constants. Vectors and matrices are written
[1,2,3] and [[1,2],[3,4]].

  --test equiv      same expression (default)
  --test relative   numbers with |student - reference| <= X * |reference|
  --test absolute   numbers with |student - reference| <= X
  --tol X           the tolerance (required by relative and absolute)
  --json            print {"result": ..., "reason": ...}
  --batch           read JSON lines {"student","reference","test","tolerance"} on
                    stdin and write one {"result","reason"} line per input line
  --db PATH         accepted and ignored (every tutor command takes it)

The result is equal, different or invalid (the input cannot be read or is not a
value, such as 1/0). Exit code 0 when the check completed, whatever the result;
2 for a usage error. Put -- before an expression that starts with "-".

Examples:
  tutor check "(x-1)^2" "x^2-2*x+1"            # equal: both sides agree at 24 sample points
  tutor check 3.14 pi --test relative --tol 0.001 --json`;

const TESTS: Readonly<Record<string, CheckTest>> = {
  equiv: "equiv", relative: "relative", absolute: "absolute",
  AlgEquiv: "equiv", NumRelative: "relative", NumAbsolute: "absolute",
};

function toleranceOptions(test: CheckTest, tol: number | undefined): { rtol?: number; atol?: number } {
  if (tol === undefined) return {};
  return test === "absolute" ? { atol: tol } : { rtol: tol };
}

async function runBatch(pool: GradingPool, ctx: CliContext): Promise<void> {
  const lines = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let written = Promise.resolve();
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    const result = checkLine(pool, line, lineNumber);
    // Checks run concurrently across the pool; answers are written in input order.
    written = written.then(async () => writeLine(ctx.stdout, JSON.stringify(await result)));
  }
  await written;
}

/** One case as `tutor check --batch` reads it: {student, reference, test?, tolerance?}. */
export interface CheckCase {
  student: unknown;
  reference: unknown;
  test?: unknown;
  tolerance?: unknown;
}

type ReadCase = { student: string; reference: string; options: { test: CheckTest; rtol?: number; atol?: number } };

function readCase(input: CheckCase): ReadCase | string {
  const { student, reference, tolerance } = input;
  if (typeof student !== "string" || typeof reference !== "string") return `"student" and "reference" must be strings`;
  if (input.test !== undefined && typeof input.test !== "string") return `"test" must be equiv, relative or absolute`;
  const test = TESTS[input.test ?? "equiv"];
  if (!test) return `"test" must be equiv, relative or absolute`;
  if (tolerance !== undefined && tolerance !== null && typeof tolerance !== "number") return `"tolerance" must be a number`;
  return { student, reference, options: { test, ...toleranceOptions(test, tolerance ?? undefined) } };
}

/**
 * Checks one case exactly as `tutor check --batch` does (test names as in the CLI or STACK's, the
 * tolerance applied as relative or absolute); a malformed case is an "invalid" result.
 */
export async function checkCase(pool: GradingPool, input: CheckCase): Promise<CheckResult> {
  const read = readCase(input);
  if (typeof read === "string") return { result: "invalid", reason: read };
  return pool.check(read.student, read.reference, read.options);
}

async function checkLine(pool: GradingPool, line: string, lineNumber: number): Promise<CheckResult> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { result: "invalid", reason: `line ${lineNumber}: not valid JSON` };
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { result: "invalid", reason: `line ${lineNumber}: expected a JSON object` };
  }
  const read = readCase(input as CheckCase);
  if (typeof read === "string") return { result: "invalid", reason: `line ${lineNumber}: ${read}` };
  return pool.check(read.student, read.reference, read.options);
}

function parse(argv: string[]) {
  // Unknown or malformed flags are reported as usage errors by run-cli.
  return parseArgs({
    args: argv,
    options: {
      test: { type: "string", default: "equiv" },
      tol: { type: "string" },
      json: { type: "boolean", default: false },
      batch: { type: "boolean", default: false },
      db: { type: "string" },
    },
    allowPositionals: true,
  });
}

/** `tutor check`, with the pool factory injectable for tests. */
export function createCheckCommand(makePool: (size: number) => GradingPool = (size) => createGradingPool({ size })): CliCommand {
  return {
    name: "check",
    summary: "Check a student expression against a reference, as the grader does",
    help: HELP,
    async run(argv, ctx) {
      const { values, positionals } = parse(argv);
      const test = TESTS[values.test];
      if (!test || values.test !== test) throw new UsageError(`--test must be equiv, relative or absolute, not "${values.test}".`);
      const tol = values.tol === undefined ? undefined : Number(values.tol);
      if (tol !== undefined && !(Number.isFinite(tol) && tol >= 0)) throw new UsageError(`--tol must be a number of at least 0, not "${values.tol}".`);
      if (values.batch && positionals.length > 0) throw new UsageError("--batch reads its cases from stdin; give no expressions.");
      if (!values.batch && positionals.length !== 2) throw new UsageError("give exactly two expressions: STUDENT REFERENCE.");
      const pool = makePool(values.batch ? 2 : 1);
      try {
        if (values.batch) {
          await runBatch(pool, ctx);
          return 0;
        }
        const [student = "", reference = ""] = positionals;
        const result = await pool.check(student, reference, { test, ...toleranceOptions(test, tol) });
        writeLine(ctx.stdout, values.json ? JSON.stringify(result) : `${result.result}: ${result.reason}`);
        return 0;
      } finally {
        await pool.close();
      }
    },
  };
}

/** `tutor check STUDENT REFERENCE` and `tutor check --batch`. */
export const checkCommand: CliCommand = createCheckCommand();
