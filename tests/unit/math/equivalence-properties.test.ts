import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkExpression } from "../../../src/core/math/index.ts";

/** Random polynomial-ish expressions in x, y, z, written fully parenthesized. */
const expression: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("x", "y", "z"),
    fc.integer({ min: 1, max: 5 }).map(String),
    fc.tuple(tie("node"), fc.constantFrom("+", "-", "*"), tie("node")).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie("node").map((a) => `sin(${a})`),
  ),
})).node;

const runs = { numRuns: 60 };
const equal = (student: string, reference: string) => checkExpression(student, reference).result === "equal";
const different = (student: string, reference: string) => checkExpression(student, reference).result === "different";

describe("algebraically equal rewrites are equal", () => {
  it("commutes sums and products", () => {
    fc.assert(fc.property(expression, expression, (a, b) => equal(`${a} + ${b}`, `${b} + ${a}`) && equal(`${a} * ${b}`, `${b} * ${a}`)), runs);
  });

  it("distributes", () => {
    fc.assert(fc.property(expression, expression, expression, (a, b, c) => equal(`${a} * (${b} + ${c})`, `${a}*${b} + ${a}*${c}`)), runs);
  });

  it("expands squares", () => {
    fc.assert(fc.property(expression, expression, (a, b) => equal(`(${a} + ${b})^2`, `${a}^2 + 2*${a}*${b} + ${b}^2`)), runs);
  });

  it("cancels a common factor", () => {
    fc.assert(fc.property(expression, expression, (a, b) => equal(`(${a}^2 + 1) / (${a}^2 + 1) * ${b}`, b)), runs);
  });
});

describe("small perturbations are different", () => {
  it("notices + 1e-3 x", () => {
    fc.assert(fc.property(expression, (a) => different(`${a} + 1e-3*x`, a)), runs);
  });

  it("notices a changed coefficient", () => {
    fc.assert(fc.property(expression, (a) => different(`${a} + 3*y`, `${a} + 2*y`)), runs);
  });
});

it("reports each verdict with a reason", () => {
  expect(checkExpression("x", "y").reason).toMatch(/your answer is .* but the reference is/);
});
