import { createRequire } from "node:module";
import type * as MathJs from "mathjs";
import type { MathJsInstance, MathNode } from "mathjs";
import { ELEMENTWISE_FUNCTIONS } from "./function-table.ts";

/**
 * Private mathjs instances with the dangerous functions disabled (per mathjs's security page) and
 * the tutor's own functions added. Student text never reaches the global mathjs instance.
 */

// mathjs's single-file build loads in ~60 ms where its ESM tree takes ~1 s; same code, same version.
// That start-up time is paid by every grading worker and every `tutor check`. It is loaded on the
// first instance, not on import: the bot's own thread imports the graders but leaves expressions
// to the grading workers, and so never pays mathjs's tens of megabytes.
let mathjs: typeof MathJs | undefined;
const loadMathjs = (): typeof MathJs => (mathjs ??= createRequire(import.meta.url)("mathjs/lib/browser/math.js") as typeof MathJs);

/** Largest matrix `ones`/`zeros`/`identity` may build: the sandbox's size guard for generated values. */
export const MAX_GENERATED_ELEMENTS = 10_000;
/**
 * Longest side of a generated matrix. Products and broadcasts never exceed their inputs' sides, so
 * with literal matrices limited too, no value can grow past a few hundred by a few hundred entries
 * (ones(10000,1) * ones(1,10000) would otherwise be 10^8 entries).
 */
export const MAX_GENERATED_SIDE = 100;
/** Longest side generated in exact (BigNumber) arithmetic; larger matrices are evaluated in plain numbers. */
const MAX_EXACT_SIDE = 10;
/** Largest exponent of a matrix power: A^k costs about 2·log2(k) products. */
export const MAX_MATRIX_POWER = 64;

/** A private instance: `parse` captured before the namespace's own `parse` was disabled. */
export interface SandboxedMath {
  math: MathJsInstance;
  parse(text: string): MathNode;
}

const DISABLED = [
  "import", "createUnit", "evaluate", "parse", "simplify", "simplifyConstant", "simplifyCore", "derivative",
  "resolve", "reviver", "compile", "rationalize", "parser", "chain", "help", "replacer",
] as const;

function disabled(name: string): () => never {
  return () => {
    throw new Error(`Function ${name} is disabled`);
  };
}

type Value = unknown;

function sizeArgument(math: MathJsInstance, value: Value, fn: string): number {
  const n = Number(math.isBigNumber(value) ? value.toNumber() : value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${fn} needs positive whole-number sizes`);
  if (n > MAX_GENERATED_SIDE) throw new Error(`${fn} sizes are limited to ${MAX_GENERATED_SIDE}`);
  // BigNumber matrix products are ~100x slower; the caller falls back to plain numbers on this error.
  if (math.isBigNumber(value) && n > MAX_EXACT_SIDE) throw new Error(`${fn}(${n}) is too large for exact arithmetic`);
  return n;
}

function boundedShape(math: MathJsInstance, fn: string, args: Value[]): [number, number] {
  const rows = sizeArgument(math, args[0], fn);
  const cols = args.length > 1 ? sizeArgument(math, args[1], fn) : 1;
  if (rows * cols > MAX_GENERATED_ELEMENTS) {
    throw new Error(`${fn}(${rows}, ${cols}) would have ${rows * cols} elements; the limit is ${MAX_GENERATED_ELEMENTS}`);
  }
  return [rows, cols];
}

function isCollection(math: MathJsInstance, x: Value): boolean {
  return math.isMatrix(x) || Array.isArray(x);
}

/** The tutor's functions, built on the instance's own arithmetic so BigNumber and complex values work. */
function tutorFunctions(math: MathJsInstance, big: boolean): Record<string, (...args: never[]) => unknown> {
  const m = math as unknown as Record<string, (...args: unknown[]) => unknown>;
  const map = math.map as unknown as (x: Value, f: (v: Value, index: number[]) => Value) => Value;
  const zero = () => (big ? math.bignumber(0) : 0);
  const one = () => (big ? math.bignumber(1) : 1);
  const scalarStep = (v: Value) => (math.largerEq(v as number, 0) ? one() : zero());
  const scalarRelu = (v: Value) => (math.larger(v as number, 0) ? v : zero());
  const scalarSigmoid = (v: Value) => math.divide(1, math.add(1, math.exp(math.unaryMinus(v as number)))) as Value;
  const elementwise = (f: (v: Value) => Value) => (x: Value) =>
    isCollection(math, x) ? map(x, (v) => f(v)) : f(x);
  // softmax of a vector is a vector; of a matrix, each column is normalized (one example per column).
  const columnSoftmax = (x: Value) => {
    if (!isCollection(math, x)) return one();
    const e = map(math.matrix(x as number[]), (v) => math.exp(v as number)) as { size(): number[] };
    const sum = math.sum as unknown as (x: Value, dim?: number) => Value;
    if (e.size().length === 1) return math.divide(e as never, sum(e) as never);
    const totals = sum(e, 0) as { get(i: number[]): Value };
    return map(e, (v, index) => math.divide(v as number, totals.get([index[1] ?? 0]) as number));
  };
  const generated = (fn: string, fill: "ones" | "zeros") => (...args: Value[]) => {
    const [rows, cols] = boundedShape(math, fn, args);
    return math[fill]([rows, cols]);
  };
  const extremum = (fn: "max" | "min") => (...args: Value[]) => {
    // max(v, 0) on a matrix means elementwise (relu), not "along dimension 0" as in mathjs.
    if (args.length === 2 && isCollection(math, args[0]) !== isCollection(math, args[1])) {
      const [mat, scalar] = isCollection(math, args[0]) ? [args[0], args[1]] : [args[1], args[0]];
      return map(mat, (v) => math[fn](v as number, scalar as number));
    }
    return m[fn]!(...args);
  };
  const functions: Record<string, (...args: never[]) => unknown> = {
    tutor_pow: (base: Value, exponent: Value) => {
      if (isCollection(math, base) && !(Math.abs(Number(exponent)) <= MAX_MATRIX_POWER)) {
        throw new Error(`matrix powers are limited to exponents up to ${MAX_MATRIX_POWER}`);
      }
      return math.pow(base as number, exponent as number);
    },
    tutor_relu: elementwise(scalarRelu),
    tutor_step: elementwise(scalarStep),
    tutor_sigmoid: elementwise(scalarSigmoid),
    tutor_softmax: columnSoftmax,
    tutor_diag: (x: Value) => {
      const flat = math.flatten(math.matrix(x as number[]));
      const size = flat.size()[0] ?? 0;
      // A vector (n×1, 1×n or plain) becomes a diagonal matrix; a square matrix gives its diagonal.
      const dims = math.size(x as number[]) as unknown as number[];
      const isVector = dims.length <= 1 || dims[0] === 1 || dims[1] === 1;
      if (!isVector) return math.reshape(math.diag(math.matrix(x as number[])), [-1, 1]);
      if (size > 100) throw new Error("diag is limited to vectors of 100 elements");
      return math.diag(flat);
    },
    tutor_ones: generated("ones", "ones"),
    tutor_zeros: generated("zeros", "zeros"),
    tutor_identity: (n: Value) => {
      const size = sizeArgument(math, n, "identity");
      if (size * size > MAX_GENERATED_ELEMENTS) throw new Error(`identity(${size}) is too large`);
      return math.identity(size);
    },
    tutor_max: extremum("max"),
    tutor_min: extremum("min"),
    tutor_sum: (x: Value, dim?: Value) => {
      if (!isCollection(math, x)) return x;
      if (dim === undefined) return math.sum(x as number[]);
      // As on paper and in MATLAB: sum(A, 1) adds down each column (a row), sum(A, 2) along each row (a column).
      const d = Number(dim);
      if (d !== 1 && d !== 2) throw new Error("sum(A, dim) takes dim 1 (down the columns) or 2 (along the rows)");
      const matrix = math.matrix(x as number[]);
      if (matrix.size().length !== 2) throw new Error("sum(A, dim) needs a matrix");
      const sums = math.sum(matrix, d - 1) as unknown as MathJs.Matrix;
      return d === 1 ? math.reshape(sums, [1, -1]) : math.reshape(sums, [-1, 1]);
    },
    tutor_norm: (x: Value) => (isCollection(math, x) ? math.norm(math.flatten(math.matrix(x as number[]))) : math.abs(x as number)),
  };
  for (const name of ELEMENTWISE_FUNCTIONS) {
    const original = m[name];
    if (!original) throw new Error(`mathjs has no ${name}`);
    functions[`ew_${name}`] = (x: Value, ...rest: Value[]) =>
      isCollection(math, x) ? map(x, (v) => original(v, ...rest)) : original(x, ...rest);
  }
  return functions;
}

/** A fresh private instance: plain numbers (complex where needed) or 64-digit BigNumbers. */
export function createSandboxedMath(numbers: "number" | "BigNumber"): SandboxedMath {
  const { all, create } = loadMathjs();
  const math = create(all ?? {});
  // Set after creation: the single-file build ignores `number` when it is passed to create().
  if (numbers === "BigNumber") math.config({ number: "BigNumber", precision: 64 });
  const parse = math.parse.bind(math) as (text: string) => MathNode;
  math.import(tutorFunctions(math, numbers === "BigNumber"), { override: false });
  math.import(Object.fromEntries(DISABLED.map((name) => [name, disabled(name)])), { override: true });
  return { math, parse };
}
