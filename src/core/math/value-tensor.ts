import type { BigNumber, MathJsInstance } from "mathjs";

/**
 * Evaluated values flattened into a shape and entries, so scalars, vectors and matrices, plain and
 * complex, are compared by one routine. Shapes are canonical: a 1-D list of k is a k×1 column
 * (vectors are columns here) and any 1×1 value is a scalar.
 */

/** A value in plain numbers: real parts and imaginary parts (all zero when real). */
export interface FloatTensor {
  shape: number[];
  re: number[];
  im: number[];
}

/** A real value in BigNumbers. */
export interface BigTensor {
  shape: number[];
  values: BigNumber[];
}

/** A value that is not a number (a string, a boolean, a function): the message says which. */
export class NotANumberError extends Error {
  override readonly name = "NotANumberError";
}

function canonicalShape(size: number[]): number[] {
  if (size.every((d) => d === 1)) return [];
  if (size.length === 1) return [size[0] ?? 0, 1];
  return size;
}

function flatten(math: MathJsInstance, value: unknown): { shape: number[]; entries: unknown[] } {
  if (math.isMatrix(value) || Array.isArray(value)) {
    const matrix = math.isMatrix(value) ? value : math.matrix(value as number[]);
    const size = matrix.size();
    if (size.length > 2) throw new NotANumberError(`a ${size.join("×")} array is not a vector or a matrix`);
    const entries: unknown[] = [];
    const walk = (x: unknown) => (Array.isArray(x) ? x.forEach(walk) : entries.push(x));
    walk(matrix.valueOf());
    return { shape: canonicalShape(size), entries };
  }
  return { shape: [], entries: [value] };
}

/** Flattens a value into plain numbers; throws NotANumberError for non-numbers. */
export function toFloatTensor(math: MathJsInstance, value: unknown): FloatTensor {
  const { shape, entries } = flatten(math, value);
  const re: number[] = [];
  const im: number[] = [];
  for (const entry of entries) {
    if (typeof entry === "number") {
      re.push(entry);
      im.push(0);
    } else if (math.isComplex(entry)) {
      re.push(entry.re);
      im.push(entry.im);
    } else if (math.isBigNumber(entry)) {
      re.push(entry.toNumber());
      im.push(0);
    } else {
      throw new NotANumberError(`the value is ${typeof entry === "boolean" ? "true/false" : "not a number"}`);
    }
  }
  return { shape, re, im };
}

/** Flattens a value into BigNumbers, or undefined when some entry is not a real BigNumber. */
export function toBigTensor(math: MathJsInstance, value: unknown): BigTensor | undefined {
  const { shape, entries } = flatten(math, value);
  const values: BigNumber[] = [];
  for (const entry of entries) {
    if (!math.isBigNumber(entry)) return undefined;
    values.push(entry);
  }
  return { shape, values };
}

/** Whether every entry is finite. */
export function isFiniteTensor(t: FloatTensor): boolean {
  return t.re.every(Number.isFinite) && t.im.every(Number.isFinite);
}

/** Whether every entry is real, ignoring rounding-level imaginary parts. */
export function isRealTensor(t: FloatTensor): boolean {
  return t.im.every((v, i) => Math.abs(v) <= 1e-12 * Math.max(1, Math.abs(t.re[i] ?? 0)));
}

/** "a scalar", "a 3×1 vector", "a 1×3 row vector", "a 3×4 matrix". */
export function describeShape(shape: readonly number[]): string {
  if (shape.length === 0) return "a scalar";
  const [rows, cols] = shape;
  const dims = shape.join("×");
  if (cols === 1) return `a ${dims} vector`;
  if (rows === 1) return `a ${dims} row vector`;
  return `a ${dims} matrix`;
}

/** Whether two canonical shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
