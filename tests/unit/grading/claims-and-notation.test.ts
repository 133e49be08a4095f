import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_BANKS } from "../../../src/config.ts";
import { loadBankFile } from "../../../src/core/bank/load-bank.ts";
import { QuestionBank } from "../../../src/core/bank/question-bank.ts";
import { partsOnLines } from "../../../src/core/grading/answer-parts.ts";
import { statesAClaim } from "../../../src/core/grading/claim-reading.ts";
import { depthInWords, parseDimensions } from "../../../src/core/grading/dimensions-grader.ts";
import { withoutProse } from "../../../src/core/grading/formula-text.ts";
import { formulasAsWords } from "../../../src/core/grading/formula-words.ts";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";
import { matchPhrase } from "../../../src/core/grading/phrase-matcher.ts";
import { analyzeText } from "../../../src/core/grading/text-analysis.ts";

// Issue 11: answers read as claims, in the forms students type. Examples are fresh, not the corpus's.
const bank = new QuestionBank(loadBankFile(path.join(DEFAULT_BANKS, "midterm.yaml")));
const grade = (id: string, text: string) => gradeAnswer(bank.require(id), { text });
const negated = (text: string, word: string) => analyzeText(text).tokens.find((t) => t.surface === word)?.negated;

describe("formulas in a prose reason", () => {
  it("reads squares, signs and accumulations as words", () => {
    expect(formulasAsWords("h^2 and h**2 and h² and h*h")).toBe("squared h and squared h and squared h and squared h");
    expect(formulasAsWords("v_t^2 >= 0")).toBe("squared v is nonnegative");
    expect(formulasAsWords("flat for z<0, linear for z > 0")).toBe("flat for negative z, linear for positive z");
    expect(formulasAsWords("acc += d**2, then acc keeps growing")).toBe("sum adds squared d, then sum keeps growing");
    expect(formulasAsWords("S_t = S_{t-1} + q, so S_t grows")).toBe("sum adds q, so sum grows");
  });

  it("leaves formulas that state no such claim alone", () => {
    expect(formulasAsWords("f(0)=0 and f'(0)=1")).toBe("f(0)=0 and f'(0)=1");
    expect(formulasAsWords("z = d + f")).toBe("z = d + f");
  });

  it("credits Adagrad's update rule written as code, and not a wrong reason in code", () => {
    expect(grade("3c", "True. s = s + dw*dw, and s never decreases").score).toBe(5);
    expect(grade("3c", "true, G += g^2 so G can only go up").score).toBe(5);
    expect(grade("3c", "True, the sum of squared gradients goes down sometimes.").score).toBe(2);
  });
});

describe("negation and polarity", () => {
  it("does not let the subject of a negated clause carry it into the next clause", () => {
    // "relu" is the subject of "does not saturate"; "differentiable at 0" is affirmed after the comma.
    expect(matchPhrase("relu is not differentiable at 0", "relu: does not saturate, differentiable at 0").hit).toBeUndefined();
    expect(matchPhrase("relu is not differentiable at 0", "relu: does not saturate, not differentiable at 0").hit).toBeDefined();
  });

  it("reads a verdict written after its property, and drops a property hedged with 'or not'", () => {
    expect(negated("bounded no, smooth yes", "bounded")).toBe(true);
    expect(negated("bounded no, smooth yes", "smooth")).toBe(false);
    expect(negated("bounded? no", "bounded")).toBe(true);
    expect(analyzeText("bounded or not, smooth").tokens.map((t) => t.surface)).toEqual(["smooth"]);
  });

  it("reads what a contrast takes up ('whereas Y has both') as asserted", () => {
    const text = "Dense layers have no weight sharing and no sparse connectivity, whereas conv layers have both.";
    expect(grade("4b-iii", text).score).toBe(5);
    expect(grade("4b-iii", "Dense layers have no weight sharing and no sparse connectivity.").score).toBe(0);
  });

  it("splits a chat list joined by + or & into its own claims", () => {
    expect(negated("no dropout & model too deep", "deep")).toBe(false);
    expect(grade("1d-i", "overfit: no early stopping + too few examples").score).toBe(5);
  });

  it("sends a double negation to a TA instead of reading it", () => {
    const g = grade("4a-iii", "tanh: it is not true that it doesn't saturate, smooth, identity near 0\nleaky relu: no saturation, kink at 0, not identity\ngelu: saturates for very negative x, smooth, not identity");
    expect(g.needsReview).toBe(true);
  });
});

describe("claims without a verb", () => {
  it("reads a judgement ('too small') and a chat 'its for' as claims, a bare list as none", () => {
    expect(statesAClaim("step way too big")).toBe(true);
    expect(statesAClaim("its for the test data")).toBe(true);
    expect(statesAClaim("learning rate, epsilon, small")).toBe(false);
  });
});

describe("labelled parts on one line", () => {
  const parts = bank.require("4a-iii").answer;
  const spec = parts.kind === "short" ? parts.parts ?? [] : [];
  it("puts one-letter labels on their own lines when two or more are written so", () => {
    expect(partsOnLines("A: one thing B) another C: a third", spec).split("\n")).toEqual(["A: one thing", "B) another", "C: a third"]);
    expect(partsOnLines("it is a: not a label", spec)).toBe("it is a: not a label");
  });
});

describe("typo matching never turns a real word into another", () => {
  it("does not read the prompt's 'Recall that' as 'rescale'", () => {
    expect(grade("1d-ii", "Recall that the images are digits: rotate them slightly.").score).toBe(2.5);
    expect(grade("1d-ii", "rotate slightly and rescal them").score).toBe(5);
  });
});

describe("notation around formulas and blanks", () => {
  const declared = new Set(["l", "m", "n", "z", "y"]);
  it("drops a lead-in, work before a stated total and trailing chat words", () => {
    expect(withoutProse("the result is z - y", declared)).toBe("z - y");
    expect(withoutProse("W1: mn, b1: m, total: 2mn + m", declared)).toBe("2mn + m");
    expect(withoutProse("3mn + l i think", declared)).toBe("3mn + l");
    expect(withoutProse("l + mn", declared)).toBe("l + mn");
  });

  it("grades a formula with prose around it, and an intermediate name after a coefficient", () => {
    expect(grade("2b", "the gradient is z - y 🙂").score).toBe(4);
    expect(grade("4a-ii", "let q = m*n; 2q + ml + m + l").score).toBe(3);
  });

  it("reads glued one-letter dimensions, the depth in words and shared labels", () => {
    expect(grade("4a-i", "W1: mn; Ws: mn; W2: lm").score).toBe(3);
    expect(grade("4a-i", "W1 / Ws: m x n / W2: l x m").score).toBe(3);
    expect(depthInWords("5x5 (depth 8)")).toBe("5x5x8");
    expect(parseDimensions("7x7 with depth 3")).toEqual([7, 7, 3]);
  });

  it("reads a bare label, a middle dot, the result after 'so', and sends a rounded count to review", () => {
    expect(grade("4b-ii", "depth 16\nparams 32⋅3⋅3⋅16").score).toBe(5);
    expect(grade("4b-i", "input 32x32x3 so 16 filters of 7x7x3").score).toBe(5);
    const rounded = grade("4b-ii", "depth: 16\nparameters: 5k");
    expect(rounded.needsReview).toBe(true);
  });
});
