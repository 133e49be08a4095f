import type { DerivedSymbol, SymbolSpec } from "../bank/schema.ts";
import { roundedUniform, seededRandom } from "./random-source.ts";

/**
 * Where expressions are evaluated. With a question's context: every declared symbol is sampled per
 * its shape and domain, with dimension sizes chosen distinct so a missing transpose cannot pass.
 * Without one: every free identifier is a scalar, sampled at integers, in (-1, 1), at positive
 * values and across a wider range, so both real-only and complex-valued identities are exercised.
 */

/** Symbols a question declares (from the bank's ExpressionAnswer). */
export interface MathContext {
  symbols: Record<string, SymbolSpec>;
  derived: Record<string, DerivedSymbol>;
  dimensions: Record<string, number[]>;
}

/** A raw sampled value: a number, or rows of numbers for a vector (n×1) or matrix. */
export type SampleValue = number | number[][];

/** Samples drawn for a context: more points when everything is scalar, since they are cheap. */
export const CONTEXT_SAMPLES = 6;
export const SCALAR_CONTEXT_SAMPLES = 10;
/** Points for the free-variable path: a quarter each from four ranges. */
export const FREE_SAMPLES = 24;

const FALLBACK_SIZES = [3, 2, 4, 5, 6, 7, 8, 9];

/** Chooses a size for every dimension name, all distinct and distinct from literal sizes where possible. */
export function chooseDimensionSizes(context: MathContext): Map<string, number> {
  const names: string[] = [];
  const literal = new Set<number>();
  for (const spec of Object.values(context.symbols)) {
    for (const d of spec.shape) {
      if (typeof d === "number") literal.add(d);
      else if (!names.includes(d)) names.push(d);
    }
  }
  const candidates = names.map((name) => {
    const listed = (context.dimensions[name] ?? []).filter((v) => v >= 2);
    return listed.length > 0 ? listed : FALLBACK_SIZES;
  });
  const chosen: number[] = [];
  const search = (i: number, avoidLiteral: boolean): boolean => {
    if (i === names.length) return true;
    for (const size of candidates[i] ?? []) {
      if (chosen.includes(size) || (avoidLiteral && literal.has(size))) continue;
      chosen.push(size);
      if (search(i + 1, avoidLiteral)) return true;
      chosen.pop();
    }
    return false;
  };
  if (!search(0, true) && !search(0, false)) {
    // The bank's lists force a repeat; use each name's first listed size rather than fail.
    candidates.forEach((c, i) => (chosen[i] = c[0] ?? 3));
  }
  return new Map(names.map((name, i) => [name, chosen[i] ?? 3]));
}

function resolveShape(shape: SymbolSpec["shape"], sizes: Map<string, number>): number[] {
  return shape.map((d) => (typeof d === "number" ? d : (sizes.get(d) ?? 3)));
}

function scalarFor(domain: SymbolSpec["domain"], random: () => number): number {
  switch (domain) {
    case "positive": return roundedUniform(random, 0.25, 3);
    case "integer": return Math.floor(random() * 9) - 4 || 1;
    case "positive-integer": return 1 + Math.floor(random() * 6);
    case "probability": return roundedUniform(random, 0.05, 0.95);
    case "onehot": return 1;
    case "ones": return 1;
    default: return roundedUniform(random, -2, 2);
  }
}

function matrixFor(domain: SymbolSpec["domain"], rows: number, cols: number, random: () => number): number[][] {
  const out = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let c = 0; c < cols; c += 1) {
    if (domain === "onehot") {
      out[Math.floor(random() * rows)]![c] = 1;
      continue;
    }
    const column = Array.from({ length: rows }, () => scalarFor(domain === "probability" ? "positive" : domain, random));
    const total = column.reduce((a, b) => a + b, 0);
    column.forEach((v, r) => (out[r]![c] = domain === "probability" ? v / total : v));
  }
  return out;
}

/** One sample of every declared symbol (derived symbols are computed later, from their definitions). */
export function sampleContext(context: MathContext, sizes: Map<string, number>, count: number, seed = 1): Map<string, SampleValue>[] {
  const random = seededRandom(seed);
  const samples: Map<string, SampleValue>[] = [];
  for (let k = 0; k < count; k += 1) {
    const sample = new Map<string, SampleValue>();
    for (const [name, spec] of Object.entries(context.symbols)) {
      const shape = resolveShape(spec.shape, sizes);
      if (shape.length === 0) sample.set(name, scalarFor(spec.domain, random));
      else sample.set(name, matrixFor(spec.domain, shape[0] ?? 1, shape[1] ?? 1, random));
    }
    samples.push(sample);
  }
  return samples;
}

/** Whether every declared symbol is a scalar. */
export function isScalarContext(context: MathContext): boolean {
  return Object.values(context.symbols).every((s) => s.shape.length === 0);
}

/** Points for free scalar variables: integers, values in (-1, 1), positive values, a wide range. */
export function sampleFreeVariables(variables: readonly string[], seed = 7): Map<string, number>[] {
  const random = seededRandom(seed);
  const ranges: Array<() => number> = [
    () => [-3, -2, -1, 1, 2, 3, 4][Math.floor(random() * 7)] ?? 2,
    () => roundedUniform(random, -0.95, 0.95, 3, 0.02),
    () => roundedUniform(random, 0.1, 4),
    () => roundedUniform(random, -5, 5, 3, 0.1),
  ];
  const points: Map<string, number>[] = [];
  const perRange = variables.length === 0 ? 0 : FREE_SAMPLES / ranges.length;
  for (const draw of ranges) {
    for (let k = 0; k < perRange; k += 1) points.push(new Map(variables.map((v) => [v, draw()])));
  }
  return variables.length === 0 ? [new Map()] : points;
}
