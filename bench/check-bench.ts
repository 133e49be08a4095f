import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createGradingPool } from "../src/core/grading/grading-pool.ts";
import { checkExpression, type MathContext } from "../src/core/math/index.ts";
import { DEFAULT_BANKS } from "../src/config.ts";
import { loadBankFile } from "../src/core/bank/load-bank.ts";
import { QuestionBank } from "../src/core/bank/question-bank.ts";
import { type BenchRow, type BenchSection, printSection, row } from "./bench-section.ts";
import { quantile, timeRuns } from "./timing.ts";

/**
 * Expression checks end to end through the grading pool (a warm worker, as the bot grades), next
 * to sympy (simplify(a - b) == 0, expand) and Maxima (ratsimp) on the same two checks:
 * 2c-i's matrix gradient and 4a-ii's parameter count.
 */

const RUNS = 1000;
const TARGET_MEDIAN_MS = 1;
const TARGET_P99_MS = 5;

/** A question's own context and reference, from the midterm bank: the bench checks what students are graded with. */
function fromBank(id: string): { reference: string; context: MathContext } {
  const answer = new QuestionBank(loadBankFile(path.join(DEFAULT_BANKS, "midterm.yaml"))).require(id).answer;
  if (answer.kind !== "expression") throw new Error(`${id} is not an expression question`);
  return { reference: answer.reference, context: { symbols: answer.symbols, derived: answer.derived, dimensions: answer.dimensions } };
}

const MATRIX = { student: "diag(1(W_1 x)) W3ᵀ (z - y) xᵀ", ...fromBank("2c-i") };
const SCALAR = { student: "2mn+ml+m+l", ...fromBank("4a-ii") };

// The same two checks in sympy: p = 4, n = 3, m = 2 hidden/input/output sizes, fresh cache per call.
const SYMPY = String.raw`
import json, sys, time
from sympy import Matrix, symbols, Heaviside, Max, simplify, expand, diag, zeros
from sympy.core.cache import clear_cache
from sympy.parsing.sympy_parser import parse_expr, standard_transformations, implicit_multiplication_application, split_symbols
n, m, p = 3, 2, 4
def mat(name, r, c): return Matrix(r, c, lambda i, j: symbols(f"{name}_{i}{j}", real=True))
x, y, W1, W2, W3 = mat("x", n, 1), mat("y", m, 1), mat("a", p, n), mat("b", m, n), mat("c", m, p)
u = W1 * x
z = W3 * u.applyfunc(lambda v: Max(0, v)) + W2 * x
ref = (u.applyfunc(Heaviside).multiply_elementwise(W3.T * (z - y))) * x.T
stu = diag(*list(u.applyfunc(Heaviside))) * W3.T * (z - y) * x.T
M, N, L = symbols("m n l")
sref = 2*M*N + M*L + M + L
tr = standard_transformations + (split_symbols, implicit_multiplication_application)
def runs(f, k):
    out = []
    for _ in range(k):
        clear_cache(); t = time.perf_counter(); ok = f(); out.append((time.perf_counter() - t) * 1000)
    return {"times": out, "ok": bool(ok)}
k = int(sys.argv[1])
print(json.dumps({
  "matrix simplify": runs(lambda: simplify(ref - stu) == zeros(p, n), 3),
  "matrix expand": runs(lambda: (ref - stu).applyfunc(expand) == zeros(p, n), k),
  "scalar simplify": runs(lambda: simplify(parse_expr("2mn+ml+m+l", transformations=tr) - sref) == 0, k),
  "scalar expand": runs(lambda: expand(parse_expr("2mn+ml+m+l", transformations=tr) - sref) == 0, k),
}))`;

// Maxima's clock ticks in 10 ms, so the scalar check is timed in batches of 500 and divided.
const MAXIMA = `display2d: false$ n: 3$ m: 2$ p: 4$
W1: genmatrix(lambda([i,j], a[i,j]), p, n)$ W2: genmatrix(lambda([i,j], b[i,j]), m, n)$
W3: genmatrix(lambda([i,j], c[i,j]), m, p)$ x: genmatrix(lambda([i,j], xx[i]), n, 1)$
y: genmatrix(lambda([i,j], yy[i]), m, 1)$ u: W1 . x$
z: W3 . matrixmap(lambda([v], max(0, v)), u) + W2 . x$
ref: (matrixmap(unit_step, u) * (transpose(W3) . (z - y))) . transpose(x)$
stu: apply(diag_matrix, makelist(unit_step(u[i,1]), i, 1, p)) . transpose(W3) . (z - y) . transpose(x)$
mt: []$ for k: 1 thru 10 do (t0: elapsed_real_time(), r: ratsimp(ref - stu), mt: endcons(1000*(elapsed_real_time() - t0), mt))$
st: []$ for k: 1 thru 10 do (t0: elapsed_real_time(), for j: 1 thru 500 do r2: ratsimp(eval_string("2*m*n+m*l+m+l") - (2*m*n + m*l + m + l)), st: endcons(1000*(elapsed_real_time() - t0)/500, st))$
print(sconcat("RESULT ", mt, " ", is(r = zeromatrix(p, n)), " ", st, " ", is(r2 = 0)))$`;

type Timed = { times: number[]; ok: boolean };
const summary = (t: number[]) => ({ median: quantile(t, 0.5), p99: quantile(t, 0.99) });

function runSympy(): Record<string, Timed> | string {
  const run = spawnSync("python3", ["-c", SYMPY, "20"], { encoding: "utf8", timeout: 300_000 });
  if (run.status !== 0) return "sympy: not installed (apt-get install python3-sympy, or pip install sympy)";
  return JSON.parse(run.stdout) as Record<string, Timed>;
}

function runMaxima(): { matrix: Timed; scalar: Timed } | string {
  const run = spawnSync("maxima", ["--very-quiet", `--batch-string=${MAXIMA}`], { encoding: "utf8", timeout: 300_000 });
  const line = run.status === 0 ? /RESULT (\[[^\]]*\]) (\w+) (\[[^\]]*\]) (\w+)/.exec(run.stdout.replace(/\s+/g, " ")) : null;
  if (!line) return "maxima: not installed (apt-get install maxima)";
  const list = (s: string) => JSON.parse(s) as number[];
  return { matrix: { times: list(line[1]!), ok: line[2] === "true" }, scalar: { times: list(line[3]!), ok: line[4] === "true" } };
}

/** Median and p99 of the 2c-i and 4a-ii checks, ours through the pool, beside sympy and Maxima. */
export async function runCheckBench(): Promise<BenchSection> {
  const pool = createGradingPool({ size: 2 });
  const lines: string[] = [];
  const rows: BenchRow[] = [];
  try {
    for (const c of [MATRIX, SCALAR]) {
      const verdict = await pool.check(c.student, c.reference, { context: c.context });
      if (verdict.result !== "equal") throw new Error(`bench check is not equal: ${verdict.reason}`);
    }
    await timeRuns(200, () => pool.check(MATRIX.student, MATRIX.reference, { context: MATRIX.context }));
    const matrix = await timeRuns(RUNS, () => pool.check(MATRIX.student, MATRIX.reference, { context: MATRIX.context }));
    const scalar = await timeRuns(RUNS, () => pool.check(SCALAR.student, SCALAR.reference, { context: SCALAR.context }));
    const inline = await timeRuns(RUNS, () => checkExpression(MATRIX.student, MATRIX.reference, { context: MATRIX.context }));
    const m = summary(matrix);
    const s = summary(scalar);
    lines.push(`2c-i matrix check: ${MATRIX.student}  vs  ${MATRIX.reference}`, `4a-ii scalar check: ${SCALAR.student}  vs  ${SCALAR.reference}`);
    lines.push(`ours: ${RUNS} checks each, end to end through a warm worker of the grading pool (same thread: checkExpression directly)`);
    const sympy = runSympy();
    const maxima = runMaxima();
    const ref = (name: string, t: Timed | undefined, q = 0.5) => (t ? { name: `${name}${t.ok ? "" : " (not proven)"}`, value: quantile(t.times, q) } : undefined);
    const sy = typeof sympy === "string" ? {} : sympy;
    const mx = typeof maxima === "string" ? undefined : maxima;
    const medianMet = { text: `<= ${TARGET_MEDIAN_MS} ms`, met: m.median <= TARGET_MEDIAN_MS };
    rows.push(
      row("checks: 2c-i matrix, pool, median", m.median, "ms", ref("sympy simplify(a - b) == 0, median", sy["matrix simplify"]), medianMet),
      row("checks: 2c-i matrix, pool, median", m.median, "ms", ref("sympy expand, median", sy["matrix expand"])),
      row("checks: 2c-i matrix, pool, median", m.median, "ms", ref("Maxima ratsimp, median", mx?.matrix)),
      row("checks: 2c-i matrix, pool, p99", m.p99, "ms", ref("sympy expand, p99", sy["matrix expand"], 0.99), { text: `<= ${TARGET_P99_MS} ms`, met: m.p99 <= TARGET_P99_MS }),
      row("checks: 2c-i matrix, same thread, median", quantile(inline, 0.5), "ms", ref("sympy expand, median", sy["matrix expand"])),
      row("checks: 4a-ii scalar, pool, median", s.median, "ms", ref("sympy simplify(a - b) == 0, median", sy["scalar simplify"])),
      row("checks: 4a-ii scalar, pool, median", s.median, "ms", ref("sympy expand, median", sy["scalar expand"])),
      row("checks: 4a-ii scalar, pool, median", s.median, "ms", ref("Maxima ratsimp, median of means of 500", mx?.scalar)),
    );
    const runsOf = (t: Timed | undefined) => t?.times.length ?? 0;
    if (typeof sympy === "string") lines.push(sympy);
    else lines.push(`sympy (cache cleared before each call): matrix simplify ${runsOf(sy["matrix simplify"])} runs, the others ${runsOf(sy["matrix expand"])} runs each`);
    if (typeof maxima === "string") lines.push(maxima);
    else lines.push(`Maxima: ratsimp, 10 runs of the matrix check; the scalar check timed in batches of 500 (its clock ticks in 10 ms)`);
  } finally {
    await pool.close();
  }
  return { title: "Expression checks", rows, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printSection(await runCheckBench());
}
