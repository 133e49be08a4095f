import type { CheckResult, Tolerance } from "./check-types.ts";
import { type CompiledExpression, compileExpression } from "./compiled-expression.ts";
import type { DeclaredNames } from "./expression-rewriter.ts";
import { floatMath } from "./math-instances.ts";
import {
  CONTEXT_SAMPLES, type MathContext, SCALAR_CONTEXT_SAMPLES, chooseDimensionSizes, isScalarContext, sampleContext,
} from "./sampling-plan.ts";
import { firstFloatMismatch } from "./value-compare.ts";
import { decideVerdict, formatNumber, type PointResult } from "./verdict.ts";
import { type FloatTensor, isFiniteTensor, isRealTensor, toFloatTensor } from "./value-tensor.ts";

/**
 * The check with a question's context: declared symbols sampled per shape and domain, derived
 * symbols computed from their definitions at each sample, the reference evaluated once per plan
 * and cached, so a check costs one parse (cached too) and a handful of evaluations.
 */

type ReferenceValue = { tensor: FloatTensor } | { error: string } | { nonfinite: true };

interface Plan {
  declared: DeclaredNames;
  key: string;
  scopes: Map<string, unknown>[];
  references: ReferenceValue[];
  scalars: Map<string, number>[];
}

const PLAN_LIMIT = 100;
const plans = new Map<string, Plan | { error: string }>();

export function declaredNames(context: MathContext): DeclaredNames {
  const aliases = new Map<string, string>();
  const entries = [...Object.entries(context.symbols), ...Object.entries(context.derived)];
  for (const [name, spec] of entries) for (const alias of spec.aliases) aliases.set(alias, name);
  return { variables: new Set(entries.map(([name]) => name)), aliases };
}

/** Derived symbols in an order where each comes after the ones its definition uses. */
function derivedOrder(context: MathContext, compiled: Map<string, CompiledExpression>): string[] | { error: string } {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string): string | undefined => {
    if (state.get(name) === "done") return undefined;
    if (state.get(name) === "visiting") return `the derived symbol ${name} is defined in terms of itself`;
    state.set(name, "visiting");
    for (const dep of compiled.get(name)?.variables ?? []) {
      if (dep in context.derived) {
        const problem = visit(dep);
        if (problem) return problem;
      }
    }
    state.set(name, "done");
    order.push(name);
    return undefined;
  };
  for (const name of Object.keys(context.derived)) {
    const problem = visit(name);
    if (problem) return { error: problem };
  }
  return order;
}

function buildPlan(reference: string, context: MathContext, key: string): Plan | { error: string } {
  const declared = declaredNames(context);
  const math = floatMath().math;
  const derived = new Map<string, CompiledExpression>();
  for (const [name, spec] of Object.entries(context.derived)) {
    const compiled = compileExpression(spec.definition, "float", declared, key);
    if (!compiled.ok) return { error: `the derived symbol ${name} cannot be read: ${compiled.message}` };
    derived.set(name, compiled.compiled);
  }
  const order = derivedOrder(context, derived);
  if ("error" in order) return order;
  const ref = compileExpression(reference, "float", declared, key);
  if (!ref.ok) return { error: `the reference cannot be read: ${ref.message}` };
  const count = isScalarContext(context) ? SCALAR_CONTEXT_SAMPLES : CONTEXT_SAMPLES;
  const samples = sampleContext(context, chooseDimensionSizes(context), count);
  const scopes: Map<string, unknown>[] = [];
  const references: ReferenceValue[] = [];
  for (const sample of samples) {
    const scope = new Map<string, unknown>();
    for (const [name, value] of sample) scope.set(name, typeof value === "number" ? value : math.matrix(value));
    for (const name of order) {
      try {
        scope.set(name, derived.get(name)!.evaluate(new Map(scope)));
      } catch (error) {
        return { error: `the derived symbol ${name} cannot be computed: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    scopes.push(scope);
    try {
      const tensor = toFloatTensor(math, ref.compiled.evaluate(new Map(scope)));
      references.push(isFiniteTensor(tensor) ? { tensor } : { nonfinite: true });
    } catch (error) {
      references.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  const scalars = samples.map((s) => new Map([...s].filter((e): e is [string, number] => typeof e[1] === "number")));
  return { declared, key, scopes, references, scalars };
}

function planFor(reference: string, context: MathContext): Plan | { error: string } {
  const key = JSON.stringify(context);
  const planKey = `${key}\u0000${reference}`;
  let plan = plans.get(planKey);
  if (!plan) {
    plan = buildPlan(reference, context, key);
    plans.set(planKey, plan);
    if (plans.size > PLAN_LIMIT) plans.delete(plans.keys().next().value as string);
  }
  return plan;
}

function mismatchText(scalars: Map<string, number>, s: FloatTensor, r: FloatTensor, index: number): string {
  if (r.shape.length === 0) {
    const at = scalars.size > 0 && scalars.size <= 6 ? `at ${[...scalars].map(([k, v]) => `${k} = ${v}`).join(", ")}, ` : "";
    return `${at}your answer is ${formatNumber(s.re[0] ?? NaN)} but the expected value is ${formatNumber(r.re[0] ?? NaN)}`;
  }
  const cols = r.shape[1] ?? 1;
  return `your answer has the right shape but different values (entry (${Math.floor(index / cols) + 1}, ${(index % cols) + 1}) differs at a sample point)`;
}

/** Checks a student expression against a bank reference, with the question's declared symbols. */
export function checkWithContext(student: string, reference: string, tol: Tolerance, context: MathContext): CheckResult {
  const plan = planFor(reference, context);
  if ("error" in plan) return { result: "invalid", reason: plan.error };
  const compiled = compileExpression(student, "float", plan.declared, plan.key);
  if (!compiled.ok) return { result: "invalid", reason: compiled.message };
  const math = floatMath().math;
  const points: PointResult[] = [];
  for (let i = 0; i < plan.scopes.length; i += 1) {
    const ref = plan.references[i]!;
    if ("error" in ref) {
      points.push({ status: "reference-error", message: ref.error });
      continue;
    }
    if ("nonfinite" in ref) {
      points.push({ status: "reference-nonfinite" });
      continue;
    }
    let s: FloatTensor;
    try {
      s = toFloatTensor(math, compiled.compiled.evaluate(new Map(plan.scopes[i])));
    } catch (error) {
      points.push({ status: "student-error", message: error instanceof Error ? error.message : String(error) });
      break; // the same error at every sample: one is enough
    }
    if (!isFiniteTensor(s)) {
      points.push({ status: "student-nonfinite" });
      continue;
    }
    const sameShape = s.shape.join() === ref.tensor.shape.join();
    const index = sameShape ? firstFloatMismatch(s, ref.tensor, tol) : -1;
    points.push({
      status: "compared", studentShape: s.shape, referenceShape: ref.tensor.shape, real: isRealTensor(s) && isRealTensor(ref.tensor),
      mismatch: index < 0 ? undefined : mismatchText(plan.scalars[i]!, s, ref.tensor, index),
    });
    if (!sameShape || index >= 0) break; // the verdict is settled; skip the remaining samples
  }
  return decideVerdict(points, { test: tol.test, strict: true });
}
