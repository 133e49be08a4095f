import type { SemanticIssue } from "./bank-checks.ts";
import { parseParameterExpression } from "./parameter-expression.ts";
import { brokenConstraint, drawVariant, examValues, instantiate, rangeValues, usesTemplates, VariantError } from "./question-variants.ts";
import type { Question } from "./schema.ts";

/** Questions as the rest of the bank checks and the app see them, and the templates they came from. */
export interface PreparedQuestions {
  /** Each question with the exam's own numbers (unchanged when it has no parameters); undefined where it failed. */
  questions: Array<Question | undefined>;
  templates: Record<string, Question>;
  issues: SemanticIssue[];
}

/** Draws tried at load time: enough to catch a space whose constraints reject nearly everything. */
const LOAD_DRAWS = 20;

/**
 * Writes each question with parameters in the exam's numbers and checks its variant space: names,
 * expressions, ranges, the exam values against the constraints, and a few drawn variants against
 * the schema. `tutor bank validate` goes further and grades sampled variants (see variant-self-check).
 */
export function prepareVariants(questions: Array<Question | undefined>): PreparedQuestions {
  const issues: SemanticIssue[] = [];
  const templates: Record<string, Question> = {};
  const prepared = questions.map((q, i) => {
    if (!q) return q;
    const at = ["questions", i];
    if (!q.parameters) {
      if (usesTemplates(q)) issues.push({ path: at, message: `question ${q.id} uses {{...}} but declares no parameters` });
      return q;
    }
    const problems = spaceIssues(q);
    if (problems.length > 0) {
      issues.push(...problems.map((message) => ({ path: [...at, "parameters"], message: `question ${q.id}: ${message}` })));
      return undefined;
    }
    try {
      const exam = instantiate(q, examValues(q.parameters));
      for (let seed = 1; seed <= LOAD_DRAWS; seed++) instantiate(q, drawVariant(q.parameters, seed).values);
      templates[q.id] = q;
      return exam;
    } catch (error) {
      if (!(error instanceof VariantError)) throw error;
      issues.push({ path: [...at, "parameters"], message: `question ${q.id}: ${error.message}` });
      return undefined;
    }
  });
  return { questions: prepared, templates, issues };
}

function spaceIssues(q: Question): string[] {
  const space = q.parameters!;
  const out: string[] = [];
  const names = new Set(Object.keys(space.ranges));
  if (names.size === 0) out.push("parameters.ranges is empty: name at least one parameter");
  for (const [name, range] of Object.entries(space.ranges)) {
    if (range.values && (range.min !== undefined || range.max !== undefined)) out.push(`parameter ${name} has both values and min/max: keep one`);
    else if (!range.values && (range.min === undefined || range.max === undefined)) out.push(`parameter ${name} needs min and max, or values`);
    else if (rangeValues(range).length === 0) out.push(`parameter ${name} has min ${range.min} above max ${range.max}`);
  }
  const known = new Set(names);
  for (const [name, text] of Object.entries(space.derived)) {
    if (known.has(name)) out.push(`derived ${name} is already a parameter: give it another name`);
    const parsed = parseParameterExpression(text);
    if (!parsed.ok) out.push(`derived ${name}: ${parsed.message}`);
    else {
      const unknown = parsed.expression.names.filter((n) => !known.has(n));
      if (unknown.length) out.push(`derived ${name} uses ${unknown.join(", ")}, not defined before it`);
    }
    known.add(name);
  }
  for (const rule of space.constraints) {
    const parsed = parseParameterExpression(rule);
    if (!parsed.ok) out.push(`constraint ${parsed.message}`);
    else {
      const unknown = parsed.expression.names.filter((n) => !known.has(n));
      if (unknown.length) out.push(`constraint "${rule}" uses ${unknown.join(", ")}, which is not a parameter`);
    }
  }
  if (out.length > 0) return out;
  try {
    const broken = brokenConstraint(space, examValues(space));
    if (broken) out.push(`the exam values break the constraint "${broken}"`);
  } catch (error) {
    if (!(error instanceof VariantError)) throw error;
    out.push(error.message);
  }
  return out;
}
