import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBankFile } from "../../../src/core/bank/load-bank.ts";
import { parseParameterExpression } from "../../../src/core/bank/parameter-expression.ts";
import { checkVariants } from "../../../src/core/grading/variant-self-check.ts";

const bank = loadBankFile(path.join(import.meta.dirname, "../../../data/banks/midterm.yaml"));

describe("question variants of the midterm", () => {
  it("draws 1,000 variants of each parameterized question: every reference earns full marks, every known mistake is named", () => {
    const templates = Object.values(bank.templates ?? {});
    expect(templates.map((t) => t.id)).toEqual(["4b-i", "4b-ii", "4b-iii"]);
    for (const template of templates) {
      const report = checkVariants(template, 1000);
      expect(report.problems, template.id).toEqual([]);
    }
    expect(checkVariants(bank.templates!["4b-ii"]!, 1)).toMatchObject({ graded: true, mistakes: 3 });
  });

  it("keeps the exam's own numbers in the loaded bank", () => {
    const q = bank.questions.find((x) => x.id === "4b-ii")!;
    expect(q.prompt).toContain("there are 32 filters that are $3 \\times 3$");
    expect(q.solution).toContain("= 4608");
  });
});

describe("parameter expressions", () => {
  it("computes arithmetic, comparisons and logic over parameters", () => {
    const e = (text: string, values: Record<string, number> = {}) => {
      const parsed = parseParameterExpression(text);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.expression.evaluate(values);
    };
    expect(e("N - F1 + 1", { N: 32, F1: 7 })).toBe(26);
    expect(e("2^3 * (1 + 1) % 5")).toBe(1);
    expect(e("F2 < O and K1 != C", { F2: 3, O: 26, K1: 16, C: 3 })).toBe(1);
    expect(e("not (1 == 1) or max(2, 3) >= 3")).toBe(1);
  });

  it("refuses anything else with a message", () => {
    expect(parseParameterExpression("process.exit(1)")).toMatchObject({ ok: false, message: expect.stringMatching(/not understood at "\.exit/) });
    expect(parseParameterExpression("eval(1)")).toMatchObject({ ok: false, message: expect.stringMatching(/"eval" is not a function here/) });
    expect(parseParameterExpression("(1 + 2")).toMatchObject({ ok: false, message: expect.stringMatching(/not closed/) });
  });
});
