import { referencedSymbols } from "../math/index.ts";
import { checkMistakeHints } from "./hint-checks.ts";
import { checkRubric, checkSynonyms, checkTotal, rubricPoints } from "./rubric-checks.ts";
import type {
  Answer, Blank, BlanksAnswer, ChoiceAnswer, DerivedSymbol, ExpressionAnswer, KnownMistake, Problem, Question, Synonyms, SymbolSpec,
} from "./schema.ts";

/** A problem found after the schema passed, located by its path in the bank. */
export interface SemanticIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * What the semantic checks see: problems and questions that passed the schema, at their original
 * indices (`undefined` where an entry failed), so every issue can point at its line in the file.
 */
export interface CheckedParts {
  problems: Array<Problem | undefined>;
  questions: Array<Question | undefined>;
  /** Every question's id as written, even where the question failed the schema, to catch duplicates. */
  questionIds?: Array<string | undefined>;
  /** The bank's own synonym groups, when they passed the schema. */
  synonyms?: Synonyms | undefined;
}

type Path = Array<string | number>;
type Report = (path: Path, message: string) => void;

/** Rounds away float noise so 2.5 + 2.5 + 0.1 compares as people expect. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;
const pts = (n: number) => `${round(n)} point${round(n) === 1 ? "" : "s"}`;

/** Checks what a schema cannot: totals, duplicates, references between entries, expression symbols. */
export function checkBank(parts: CheckedParts): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  checkSynonyms(parts.synonyms, ["synonyms"], report);
  const problems = new Map<number, number>();
  parts.problems.forEach((p, i) => {
    if (!p) return;
    if (problems.has(p.number)) report(["problems", i, "number"], `problem ${p.number} is listed twice`);
    else problems.set(p.number, i);
  });

  const firstIndex = new Map<string, number>();
  (parts.questionIds ?? parts.questions.map((q) => q?.id)).forEach((id, i) => {
    if (id === undefined) return;
    const seen = firstIndex.get(id);
    if (seen !== undefined) report(["questions", i, "id"], `duplicate question id "${id}" (also used by questions.${seen})`);
    else firstIndex.set(id, i);
  });

  parts.questions.forEach((q, i) => {
    if (!q) return;
    const at: Path = ["questions", i];
    const problemIndex = problems.get(q.problem);
    const problem = problemIndex === undefined ? undefined : parts.problems[problemIndex];
    if (!problem) {
      const known = [...problems.keys()].join(", ");
      report([...at, "problem"], `question ${q.id} is in problem ${q.problem}, which is not listed under problems (listed: ${known})`);
    } else if (problem.bonus !== q.bonus) {
      report([...at, "bonus"], `question ${q.id} must have bonus: ${problem.bonus}, like its problem ${problem.number}`);
    }
    checkAnswer(q, q.answer, [...at, "answer"], report);
    checkMistakeHints(q, at, report);
    checkSynonyms(q.synonyms, [...at, "synonyms"], report);
  });

  // Totals are only meaningful when every question parsed; otherwise they would mislead.
  if (parts.questions.every((q) => q !== undefined)) {
    parts.problems.forEach((p, i) => {
      if (!p || problems.get(p.number) !== i) return;
      const questions = parts.questions.filter((q) => q?.problem === p.number);
      const sum = questions.reduce((s, q) => s + (q?.points ?? 0), 0);
      if (questions.length === 0) report(["problems", i], `problem ${p.number} has no questions`);
      else if (round(sum) !== round(p.points)) {
        report(["problems", i, "points"], `the questions of problem ${p.number} add up to ${pts(sum)}, but the problem is worth ${pts(p.points)}`);
      }
    });
  }
  return issues;
}

function checkAnswer(q: Question, answer: Answer, at: Path, report: Report): void {
  const worth = `question ${q.id} is worth ${pts(q.points)}`;
  switch (answer.kind) {
    case "short": {
      checkTotal(rubricPoints(answer.rubric), q.points, answer.cap, "the rubric's points", worth, [...at, "rubric"], report);
      checkRubric(answer.rubric, [...at, "rubric"], report, answer.parts?.map((p) => p.id));
      return;
    }
    case "truefalse": {
      const sum = answer.choicePoints + rubricPoints(answer.justification);
      checkTotal(sum, q.points, answer.cap, "choicePoints plus the justification's points", worth, [...at, "justification"], report);
      checkRubric(answer.justification, [...at, "justification"], report);
      const alt = answer.alternative;
      if (!alt) return;
      if (alt.maxPoints > q.points) report([...at, "alternative", "maxPoints"], `maxPoints (${alt.maxPoints}) is more than the ${pts(q.points)} the question is worth`);
      if (alt.choice === answer.correct) report([...at, "alternative", "choice"], `the alternative choice must differ from the correct one (${answer.correct})`);
      const altSum = rubricPoints(alt.justification);
      if (round(altSum) > round(alt.maxPoints) && !answer.cap) {
        report([...at, "alternative", "justification"], `the alternative justification's points add up to ${pts(altSum)}, more than its maxPoints (${alt.maxPoints})`);
      }
      checkRubric(alt.justification, [...at, "alternative", "justification"], report);
      return;
    }
    case "drawing":
    case "proof":
    case "essay": {
      const sum = answer.rubric.reduce((s, item) => s + Math.max(0, item.points), 0);
      if (round(sum) !== round(q.points)) report([...at, "rubric"], `the rubric's points add up to ${pts(sum)}, but ${worth}`);
      checkRubric(answer.rubric, [...at, "rubric"], report, undefined, true);
      return;
    }
    case "blanks": {
      const sum = answer.blanks.reduce((s, b) => s + b.points, 0);
      if (round(sum) !== round(q.points)) report([...at, "blanks"], `the blanks' points add up to ${pts(sum)}, but ${worth}`);
      checkBlanks(answer, at, report);
      return;
    }
    case "expression":
      checkExpression(answer, at, report);
      return;
    case "number":
      checkNumber(answer.value, answer.mistakes, at, report);
      return;
    case "dimensions":
      return;
    case "choice":
      checkChoice(answer, q.points, worth, at, report);
      return;
  }
}

/** Option letters are distinct, and a full answer earns exactly the question's points (as in Moodle). */
function checkChoice(answer: ChoiceAnswer, points: number, worth: string, at: Path, report: Report): void {
  const seen = new Set<string>();
  answer.options.forEach((o, i) => {
    if (seen.has(o.id)) report([...at, "options", i, "id"], `option "${o.id}" is listed twice`);
    seen.add(o.id);
  });
  const earning = answer.options.filter((o) => o.points > 0);
  if (earning.length === 0) {
    report([...at, "options"], "no option earns points: give the right option(s) points");
    return;
  }
  if (answer.multiple) {
    const sum = earning.reduce((s, o) => s + o.points, 0);
    if (round(sum) !== round(points)) report([...at, "options"], `the right options' points add up to ${pts(sum)}, but ${worth}`);
    return;
  }
  const best = Math.max(...earning.map((o) => o.points));
  if (round(best) !== round(points)) report([...at, "options"], `the best option earns ${pts(best)}, but ${worth}; with one answer, the right option earns them all`);
}

/** The symbols an expression may see: symbols and derived, merged over `shared` for blanks. */
interface Scope {
  dimensions: Record<string, number[]>;
  symbols: Record<string, SymbolSpec>;
  derived: Record<string, DerivedSymbol>;
}

function checkBlanks(answer: BlanksAnswer, at: Path, report: Report): void {
  const shared: Scope = {
    dimensions: answer.shared?.dimensions ?? {},
    symbols: answer.shared?.symbols ?? {},
    derived: answer.shared?.derived ?? {},
  };
  if (answer.shared) checkScope(shared, [...at, "shared"], report);
  answer.blanks.forEach((blank: Blank, i) => {
    const here: Path = [...at, "blanks", i];
    if (blank.kind === "number") checkNumber(blank.value, blank.mistakes, here, report);
    if (blank.kind !== "expression") return;
    const scope: Scope = {
      dimensions: { ...shared.dimensions, ...blank.dimensions },
      symbols: { ...shared.symbols, ...blank.symbols },
      derived: { ...shared.derived, ...blank.derived },
    };
    // Shared entries were checked once above; check only what this blank adds.
    if (Object.keys(blank.symbols).length + Object.keys(blank.derived).length + Object.keys(blank.dimensions).length > 0) {
      checkScope(scope, here, report);
    }
    checkExpressions(scope, blank.reference, blank.mistakes, here, report);
  });
}

function checkExpression(answer: ExpressionAnswer, at: Path, report: Report): void {
  checkScope(answer, at, report);
  checkExpressions(answer, answer.reference, answer.mistakes, at, report);
}

function checkExpressions(scope: Scope, reference: string, mistakes: KnownMistake[], at: Path, report: Report): void {
  const names = declaredNames(scope);
  checkUses(reference, names, [...at, "reference"], report);
  mistakes.forEach((m, i) => checkUses(m.answer, names, [...at, "mistakes", i, "answer"], report));
}

function checkNumber(value: number | string, mistakes: KnownMistake[], at: Path, report: Report): void {
  if (typeof value === "string") checkUses(value, new Set(), [...at, "value"], report);
  mistakes.forEach((m, i) => checkUses(m.answer, new Set(), [...at, "mistakes", i, "answer"], report));
}

/** Names an expression may use: canonical names, plus aliases that are plain identifiers. */
function declaredNames(scope: Scope): Set<string> {
  const names = new Set<string>();
  for (const [name, spec] of [...Object.entries(scope.symbols), ...Object.entries(scope.derived)]) {
    names.add(name);
    for (const alias of spec.aliases) if (/^[A-Za-z_]\w*$/.test(alias)) names.add(alias);
  }
  return names;
}

function checkUses(expression: string, names: Set<string>, at: Path, report: Report): void {
  let used: string[];
  try {
    used = referencedSymbols(expression);
  } catch (error) {
    // The math engine's message already quotes the expression and says what is wrong with it.
    report(at, error instanceof Error ? error.message : `cannot read "${expression}": ${String(error)}`);
    return;
  }
  const unknown = used.filter((s) => !names.has(s));
  if (unknown.length === 0) return;
  const declared = names.size ? `declared: ${[...names].join(", ")}` : "this answer declares no symbols";
  const list = unknown.map((s) => `"${s}"`).join(", ");
  report(at, `${list} ${unknown.length === 1 ? "is" : "are"} used but not declared (${declared}); declare ${unknown.length === 1 ? "it" : "them"} under symbols or derived`);
}

/** Shapes name known dimensions, dimensions are sampled at distinct sizes, derived symbols resolve. */
function checkScope(scope: Scope, at: Path, report: Report): void {
  for (const [name, spec] of Object.entries(scope.symbols)) {
    spec.shape.forEach((dim, i) => {
      if (typeof dim === "string" && !(dim in scope.dimensions)) {
        const known = Object.keys(scope.dimensions).join(", ") || "none";
        report([...at, "symbols", name, "shape", i], `dimension "${dim}" of ${name} is not listed under dimensions (listed: ${known})`);
      }
    });
    if (name in scope.derived) report([...at, "derived", name], `"${name}" is declared both as a symbol and as derived`);
  }
  // Dimensions sampled at the same size let a missing transpose pass, so the lists must allow distinct sizes.
  const dims = Object.entries(scope.dimensions);
  if (!distinctSizesPossible(dims.map(([, sizes]) => sizes))) {
    report([...at, "dimensions"], `dimensions ${dims.map(([n]) => n).join(", ")} cannot all get different sizes from their lists: give them different sizes so a missing transpose cannot pass`);
  }
  checkDerived(scope, at, report);
}

/** Whether one size per dimension can be picked from its list with no two equal (tiny backtracking). */
function distinctSizesPossible(lists: number[][], chosen: number[] = []): boolean {
  const [first, ...rest] = lists;
  if (!first) return true;
  return first.some((size) => !chosen.includes(size) && distinctSizesPossible(rest, [...chosen, size]));
}

function checkDerived(scope: Scope, at: Path, report: Report): void {
  const names = declaredNames(scope);
  const deps = new Map<string, string[]>();
  for (const [name, d] of Object.entries(scope.derived)) {
    const here: Path = [...at, "derived", name, "definition"];
    try {
      const used = referencedSymbols(d.definition);
      deps.set(name, used.filter((s) => s in scope.derived));
    } catch {
      deps.set(name, []);
    }
    checkUses(d.definition, names, here, report);
  }
  // Depth-first search for a cycle among derived definitions (z defined from w, w from z).
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, trail: string[]): string[] | undefined => {
    if (state.get(name) === "done") return undefined;
    if (state.get(name) === "visiting") return [...trail.slice(trail.indexOf(name)), name];
    state.set(name, "visiting");
    for (const next of deps.get(name) ?? []) {
      const cycle = visit(next, [...trail, name]);
      if (cycle) return cycle;
    }
    state.set(name, "done");
    return undefined;
  };
  for (const name of deps.keys()) {
    const cycle = visit(name, []);
    if (cycle) {
      report([...at, "derived", cycle[0] ?? name, "definition"], `derived symbols are defined in a circle: ${cycle.join(" -> ")}`);
      break;
    }
  }
}
