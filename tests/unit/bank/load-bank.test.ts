import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BankLoadError, type BankIssue, loadBankDir, loadBankFile, parseBank } from "../../../src/core/bank/load-bank.ts";

const FIXTURES = path.join(import.meta.dirname, "../../fixtures/banks");
const fixture = (name: string) => path.join(FIXTURES, name);

/** The issues of a fixture, each as `line:column path: message` with the file checked separately. */
function issuesOf(name: string): BankIssue[] {
  const file = `banks/${name}`;
  const result = parseBank(readFileSync(fixture(name), "utf8"), file);
  if (result.ok) throw new Error(`${name} loaded, but it should not`);
  for (const issue of result.issues) expect(issue.file).toBe(file);
  return result.issues;
}
const at = (line: number, column: number, path: string, message: string) => ({ line, column, path, message });
const strip = (issues: BankIssue[]) => issues.map(({ line, column, path, message }) => ({ line, column, path, message }));

describe("parseBank", () => {
  it("loads a sound bank with its defaults applied", () => {
    const result = parseBank(readFileSync(fixture("valid-small.yaml"), "utf8"), "valid-small.yaml");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bank.questions.map((q) => q.id)).toEqual(["1a", "1b"]);
    expect(result.bank.questions[0]?.bonus).toBe(false);
  });

  it("reports a YAML syntax error at its own position", () => {
    expect(strip(issuesOf("bad-yaml.yaml"))).toEqual([
      at(10, 3, "", "Flow sequence in block collection must be sufficiently indented and end with a ]"),
    ]);
  });

  it("names a missing field, at its parent", () => {
    expect(strip(issuesOf("missing-field.yaml"))).toEqual([at(15, 5, "questions.0.prompt", 'missing required field "prompt"')]);
  });

  it("points at an unknown field's key and suggests the spelling", () => {
    expect(strip(issuesOf("unknown-field.yaml"))).toEqual([
      at(15, 5, "questions.0.points", 'missing required field "points"'),
      at(19, 5, "questions.0.pionts", 'unknown field "pionts" (did you mean "points"?)'),
    ]);
  });

  it("lists the answer kinds when the kind is unknown", () => {
    expect(strip(issuesOf("unknown-kind.yaml"))).toEqual([
      at(23, 13, "questions.0.answer.kind", 'unknown kind "poem": use one of number, expression, dimensions, blanks, truefalse, short, drawing, proof, essay, choice'),
    ]);
  });

  it("checks that a rubric adds up to the question's points", () => {
    expect(strip(issuesOf("rubric-points.yaml"))).toEqual([
      at(25, 9, "questions.0.answer.rubric", "the rubric's points add up to 4 points, but question 1a is worth 5 points"),
    ]);
  });

  it("checks that a problem's questions add up to the problem's points", () => {
    expect(strip(issuesOf("problem-points.yaml"))).toEqual([
      at(13, 41, "problems.0.points", "the questions of problem 1 add up to 10 points, but the problem is worth 12 points"),
    ]);
  });

  it("finds a duplicate question id", () => {
    expect(strip(issuesOf("duplicate-id.yaml"))).toEqual([at(27, 9, "questions.1.id", 'duplicate question id "1a" (also used by questions.0)')]);
  });

  it("finds a symbol used but not declared", () => {
    expect(strip(issuesOf("undeclared-symbol.yaml"))).toEqual([
      at(36, 18, "questions.1.answer.reference", '"q" is used but not declared (declared: y, x, z); declare it under symbols or derived'),
    ]);
  });

  it("finds derived symbols defined in a circle", () => {
    expect(strip(issuesOf("derived-cycle.yaml"))).toEqual([
      at(42, 26, "questions.1.answer.derived.z.definition", "derived symbols are defined in a circle: z -> w -> z"),
    ]);
  });

  it("finds a shape naming a dimension that is not listed", () => {
    expect(strip(issuesOf("unknown-dimension.yaml"))).toEqual([
      at(40, 22, "questions.1.answer.symbols.x.shape.0", 'dimension "k" of x is not listed under dimensions (listed: m)'),
    ]);
  });

  it("finds a question in a problem that is not listed", () => {
    expect(strip(issuesOf("unknown-problem.yaml"))).toContainEqual(
      at(16, 14, "questions.0.problem", "question 1a is in problem 7, which is not listed under problems (listed: 1)"),
    );
  });

  it("reports every error at once, schema and semantic, in file order", () => {
    expect(strip(issuesOf("many-errors.yaml"))).toEqual([
      at(7, 9, "exam.date", "use YYYY-MM-DD"),
      at(25, 9, "questions.0.answer.rubric", "the rubric's points add up to 4 points, but question 1a is worth 5 points"),
      at(36, 18, "questions.1.answer.reference", '"q" is used but not declared (declared: y, x, z); declare it under symbols or derived'),
      at(44, 9, "questions.2.id", 'duplicate question id "1a" (also used by questions.0)'),
      at(52, 13, "questions.2.answer.kind", 'unknown kind "poem": use one of number, expression, dimensions, blanks, truefalse, short, drawing, proof, essay, choice'),
      at(66, 9, "questions.3.answer.justification", "choicePoints plus the justification's points add up to 4 points, but question 1d is worth 5 points"),
      at(69, 20, "questions.3.answer.alternative.maxPoints", "maxPoints (6) is more than the 5 points the question is worth"),
    ]);
  });

  it("checks blanks, groups, parts, dimensions and number arithmetic", () => {
    const text = readFileSync(fixture("valid-small.yaml"), "utf8").replace(
      / {2}- id: 1b[\s\S]*$/,
      `  - id: 1b
    problem: 1
    title: Blanks
    topic: cnn
    points: 5
    grader: Ann
    prompt: Fill in.
    answer:
      kind: blanks
      shared:
        dimensions: { m: [2], n: [2] }
        symbols: { x: { shape: [m, n] } }
      blanks:
        - { kind: number, label: count, points: 2, value: 3*k }
        - { kind: expression, label: grad, points: 2, reference: x' }
    solution: Four.
`,
    ).replace(
      "        - { id: overfitting, label: Overfitting, points: 5, phrases: [overfitting] }",
      `        - { id: reasons, label: Reasons, points: 5, pick: 3, options: [{ id: a, label: A, phrases: [a], part: p }] }`,
    );
    const result = parseBank(text, "inline.yaml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'questions.0.answer.rubric.0: the item names part "p", but the answer declares no parts',
      "questions.0.answer.rubric.0.pick: pick is 3, but the group has only 1 option(s)",
      "questions.1.answer.shared.dimensions: dimensions m, n cannot all get different sizes from their lists: give them different sizes so a missing transpose cannot pass",
      "questions.1.answer.blanks: the blanks' points add up to 4 points, but question 1b is worth 5 points",
      'questions.1.answer.blanks.0.value: "k" is used but not declared (this answer declares no symbols); declare it under symbols or derived',
    ]);
  });

  it("explains an empty file and a number where an id needs text", () => {
    expect(parseBank("", "empty.yaml")).toEqual({
      ok: false,
      issues: [{ file: "empty.yaml", line: 1, column: 1, path: "", message: "the file is empty: a bank needs exam, problems and questions" }],
    });
    const text = readFileSync(fixture("valid-small.yaml"), "utf8").replace("  - id: 1a", "  - id: 5");
    const result = parseBank(text, "t.yaml");
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toContain('expected text, got the number 5: quote it, as in "5"');
  });
});

describe("loadBankFile and loadBankDir", () => {
  it("throws a BankLoadError whose message lists every issue as file:line:column: path: message", () => {
    const file = fixture("many-errors.yaml");
    expect(() => loadBankFile(file)).toThrow(BankLoadError);
    try {
      loadBankFile(file);
    } catch (error) {
      const e = error as BankLoadError;
      expect(e.issues).toHaveLength(7);
      expect(e.message).toContain(`${file}:7:9: exam.date: use YYYY-MM-DD`);
      expect(e.message.split("\n")).toHaveLength(8);
    }
  });

  it("loads every *.yaml and *.yml bank of a folder, and nothing else", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "banks-"));
    const valid = readFileSync(fixture("valid-small.yaml"), "utf8");
    writeFileSync(path.join(dir, "a.yaml"), valid);
    writeFileSync(path.join(dir, "b.yml"), valid.replace("id: quiz", "id: quiz-two"));
    writeFileSync(path.join(dir, "notes.txt"), "not a bank");
    expect(loadBankDir(dir).map((b) => b.exam.id)).toEqual(["quiz", "quiz-two"]);
    writeFileSync(path.join(dir, "c.yaml"), readFileSync(fixture("duplicate-id.yaml"), "utf8"));
    expect(() => loadBankDir(dir)).toThrow(/c\.yaml:27:9: questions\.1\.id: duplicate question id "1a"/);
  });
});
