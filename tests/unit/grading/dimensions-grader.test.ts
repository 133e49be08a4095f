import { describe, expect, it } from "vitest";
import { parseDimensions, readCardinalities } from "../../../src/core/grading/dimensions-grader.ts";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";
import { makeQuestion } from "./question-fixtures.ts";

const mn = makeQuestion({ kind: "dimensions", value: ["m", "n"] }, 1);
const filter = makeQuestion({ kind: "dimensions", value: [7, 7, 3] }, 3);

describe("parseDimensions", () => {
  it.each([
    ["m x n"], ["m×n"], ["m by n"], ["m*n"], ["(m, n)"], ["[m, n]"], ["R^{m×n}"], ["ℝ^(m x n)"], ["\\mathbb{R}^{m \\times n}"],
    ["W1 ∈ R^{m×n}"], ["mxn"], ["$m \\times n$"], ["M X N".toLowerCase()],
  ])("reads %s as m, n", (text) => {
    expect(parseDimensions(text)).toEqual(["m", "n"]);
  });

  it("reads numeric shapes", () => {
    expect(parseDimensions("7x7x3")).toEqual([7, 7, 3]);
    expect(parseDimensions("7 × 7 × 3")).toEqual([7, 7, 3]);
    expect(parseDimensions("(32-26+1) x 7 x 3")).toEqual([7, 7, 3]);
  });

  it("rejects what is not a shape", () => {
    expect(parseDimensions("a big matrix!")).toBeUndefined();
    expect(parseDimensions("")).toBeUndefined();
  });
});

describe("dimensions grader", () => {
  it("gives full marks for the shape in any spelling", () => {
    expect(gradeAnswer(mn, { text: "m × n" }).score).toBe(1);
    expect(gradeAnswer(filter, { text: "7x7x3" }).score).toBe(3);
  });

  it("names a transposed shape", () => {
    const g = gradeAnswer(mn, { text: "n x m" });
    expect(g.score).toBe(0);
    expect(g.feedback[0]).toMatch(/transposed/);
  });

  it("reads capitals as the reference's one-letter lowercase names", () => {
    const g = gradeAnswer(mn, { text: "M x N" });
    expect(g.score).toBe(g.max);
    expect(g.items[0]?.note).toMatch(/read as m×n/);
    expect(gradeAnswer(mn, { text: "N x M" }).feedback[0]).toMatch(/transposed/);
  });

  it("explains a wrong number of factors and unreadable input", () => {
    expect(gradeAnswer(filter, { text: "7x7" }).feedback[0]).toMatch(/3 dimensions/);
    expect(gradeAnswer(filter, { text: "7 x 7 x ?" }).feedback[0]).toMatch(/could not read/);
    expect(gradeAnswer(filter, { text: "5x5x3" }).score).toBe(0);
  });
});

describe("sizes of sets written |S|", () => {
  const prompt = "A bipartite graph has $p$ left nodes and $q$ right nodes, joined by $k$ edges; a node has a degree.";

  it("reads |S| as the count the prompt names by the initial of what it counts", () => {
    expect(readCardinalities("|L| x |R|", prompt)).toBe("p x q");
    expect(readCardinalities("|K| by |L|", "There are $k$ keys and $l$ locks.")).toBe("k by l");
  });

  it("leaves |S| alone when no name, or more than one, fits", () => {
    expect(readCardinalities("|Z| x |L|", prompt)).toBe("|Z| x p");
    expect(readCardinalities("|N| x 2", "We have $n$ nodes and $m$ nets.")).toBe("|N| x 2");
  });

  it("grades a shape written with set sizes", () => {
    const q = { ...makeQuestion({ kind: "dimensions", value: ["r", "s"] }, 2), prompt: "A map sends $r$ rows to $s$ slots." };
    expect(gradeAnswer(q, { text: "|R| x |S|" }).score).toBe(2);
    expect(gradeAnswer(q, { text: "|S| x |R|" }).score).toBe(0);
  });
});
