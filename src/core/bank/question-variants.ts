import { seededRandom } from "../math/random-source.ts";
import { parseParameterExpression, UnknownParameterError } from "./parameter-expression.ts";
import { type Parameters, type ParameterRange, Question } from "./schema.ts";

/**
 * Variants of a question with `parameters`: values drawn from a seed, then the question's text,
 * reference answer, rubric numbers, known mistakes and solution written with them. A variant is
 * stored as its values, so a retry, a regrade or a review rebuilds exactly what the student saw,
 * even after the bank's ranges change.
 */

/** The values of one variant (drawn and derived), and the seed they were drawn from. */
export interface QuestionVariant {
  seed: number;
  values: Record<string, number>;
}

/** A variant space or template that cannot be used: the message says what to fix in the bank. */
export class VariantError extends Error {
  override readonly name = "VariantError";
}

/** Draws tried before a space is declared too tight: constraints that reject most draws are a bank mistake. */
export const MAX_DRAWS = 500;

const TEMPLATE = /\{\{([^{}]*)\}\}/g;
const WHOLE_TEMPLATE = /^\s*\{\{([^{}]*)\}\}\s*$/;

/** The integers a range may take, smallest first. */
export function rangeValues(range: ParameterRange): number[] {
  if (range.values) return range.values;
  if (range.min === undefined || range.max === undefined) return [];
  const out: number[] = [];
  for (let v = range.min; v <= range.max && out.length < 10_000; v += range.step) out.push(v);
  return out;
}

/** Adds the derived values, in order, to drawn ones; throws VariantError naming a broken definition. */
export function withDerived(space: Parameters, drawn: Record<string, number>): Record<string, number> {
  const values = { ...drawn };
  for (const [name, text] of Object.entries(space.derived)) values[name] = evaluate(text, values, `derived ${name}`);
  return values;
}

/** The constraint a set of values breaks, or undefined when it keeps them all. */
export function brokenConstraint(space: Parameters, values: Record<string, number>): string | undefined {
  return space.constraints.find((rule) => evaluate(rule, values, `constraint "${rule}"`) === 0);
}

/** The exam's own values (with the derived ones). */
export function examValues(space: Parameters): Record<string, number> {
  return withDerived(space, Object.fromEntries(Object.entries(space.ranges).map(([name, r]) => [name, r.exam])));
}

/**
 * Draws a variant from `seed`: each range uniformly, again until every constraint holds.
 * @example drawVariant(space, 7).values // { N: 29, F1: 5, ..., O: 25 }
 */
export function drawVariant(space: Parameters, seed: number): QuestionVariant {
  const random = seededRandom(seed);
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    const drawn: Record<string, number> = {};
    for (const [name, range] of Object.entries(space.ranges)) {
      const choices = rangeValues(range);
      if (choices.length === 0) throw new VariantError(`parameter ${name} needs min and max, or values`);
      drawn[name] = choices[Math.floor(random() * choices.length)]!;
    }
    const values = withDerived(space, drawn);
    if (brokenConstraint(space, values) === undefined) return { seed, values };
  }
  throw new VariantError(`no variant kept every constraint in ${MAX_DRAWS} draws: loosen the constraints or the ranges`);
}

/**
 * The question written with `values`: every `{{expression}}` in its text replaced by its value; a
 * field that is only a template becomes a number. The result is checked against the schema.
 */
export function instantiate(template: Question, values: Record<string, number>): Question {
  const { parameters, ...rest } = template;
  const filled = fill(rest, values) as Record<string, unknown>;
  const parsed = Question.safeParse({ ...filled, parameters });
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new VariantError(`with ${describeValues(values)}, ${first.path.join(".")}: ${first.message}`);
  }
  return parsed.data;
}

/** `N = 32, F1 = 7`: a variant's values as people read them. */
export function describeValues(values: Record<string, number>): string {
  return Object.entries(values).map(([k, v]) => `${k} = ${formatParameter(v)}`).join(", ");
}

/** What a TA reads above an answer to a variant: the numbers the student was given. */
export function variantNote(variant: QuestionVariant): string {
  return `The student's variant (seed ${variant.seed}): ${describeValues(variant.values)}.`;
}

/** True when a question's text uses `{{...}}` anywhere (it then needs parameters). */
export function usesTemplates(question: Question): boolean {
  const { parameters: _, ...rest } = question;
  return JSON.stringify(rest).includes("{{");
}

function fill(node: unknown, values: Record<string, number>): unknown {
  if (typeof node === "string") {
    const whole = WHOLE_TEMPLATE.exec(node);
    if (whole) return evaluate(whole[1]!, values, `{{${whole[1]}}}`);
    return node.replace(TEMPLATE, (_, text: string) => formatParameter(evaluate(text, values, `{{${text}}}`)));
  }
  if (Array.isArray(node)) return node.map((n) => fill(n, values));
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, values)]));
  }
  return node;
}

function evaluate(text: string, values: Record<string, number>, where: string): number {
  const parsed = parseParameterExpression(text);
  if (!parsed.ok) throw new VariantError(`${where}: ${parsed.message}`);
  try {
    const value = parsed.expression.evaluate(values);
    if (!Number.isFinite(value)) throw new VariantError(`${where} is not a finite number with ${describeValues(values)}`);
    return value;
  } catch (error) {
    if (error instanceof UnknownParameterError) throw new VariantError(`${where}: ${error.message}`);
    throw error;
  }
}

/** An integer as written; anything else to 6 significant digits (templates show sizes, not floats). */
function formatParameter(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}
