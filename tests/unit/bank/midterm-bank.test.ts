import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../src/config.ts";
import { loadBankFile } from "../../../src/core/bank/load-bank.ts";
import { QuestionBank } from "../../../src/core/bank/question-bank.ts";
import type { Question } from "../../../src/core/bank/schema.ts";
import { referencedSymbols } from "../../../src/core/math/index.ts";

const bank = new QuestionBank(loadBankFile(path.join(REPO_ROOT, "data/banks/midterm.yaml")));
const answerOf = <K extends Question["answer"]["kind"]>(id: string, kind: K) => {
  const answer = bank.require(id).answer;
  if (answer.kind !== kind) throw new Error(`${id} is ${answer.kind}, not ${kind}`);
  return answer as Extract<Question["answer"], { kind: K }>;
};

describe("the midterm bank", () => {
  it("has the exam's 20 questions, in exam order", () => {
    expect(bank.ids()).toEqual([
      "1a", "1b", "1c", "1d-i", "1d-ii", "2a", "2b", "2c-i", "2c-ii", "3a", "3b", "3c", "3d",
      "4a-i", "4a-ii", "4a-iii", "4b-i", "4b-ii", "4b-iii", "5",
    ]);
  });

  it("is worth 100 points plus 6 bonus, per problem as on the cover", () => {
    expect(bank.totalPoints).toEqual({ regular: 100, bonus: 6 });
    const perProblem = bank.problems.map((p) => [p.number, p.points, p.bonus]);
    expect(perProblem).toEqual([[1, 30, false], [2, 20, false], [3, 20, false], [4, 30, false], [5, 6, true]]);
    for (const p of bank.problems) {
      const sum = bank.all().filter((q) => q.problem === p.number).reduce((s, q) => s + q.points, 0);
      expect(sum, `problem ${p.number}`).toBe(p.points);
    }
    const points = Object.fromEntries(bank.all().map((q) => [q.id, q.points]));
    expect(points).toMatchObject({ "1c": 10, "2a": 4, "2c-i": 6, "4a-i": 3, "4a-iii": 9, "4b-ii": 5, "5": 6 });
    expect(bank.require("5").bonus).toBe(true);
  });

  it("names the grader the TAs' post gives for each question", () => {
    const graders = Object.fromEntries(bank.all().map((q) => [q.id, q.grader]));
    expect(graders).toEqual({
      "1a": "Ken-Fu", "1b": "Ken-Fu", "1c": "Weixi", "1d-i": "Weixi", "1d-ii": "Weixi",
      "2a": "Johannes", "2b": "Johannes", "2c-i": "Johannes", "2c-ii": "Johannes",
      "3a": "Michael", "3b": "Michael", "3c": "Michael", "3d": "Michael",
      "4a-i": "Cheng", "4a-ii": "Cheng", "4a-iii": "Cheng",
      "4b-i": "Jonathan", "4b-ii": "Jonathan", "4b-iii": "Jonathan", "5": "Jonathan",
    });
  });

  it("records the exam's metadata, and the source's inconsistencies in notes", () => {
    expect(bank.exam).toMatchObject({
      course: "ECE C147/C247", sections: ["C147", "C247"], term: "Winter 2020", date: "2020-02-19",
      start: "14:00", durationMinutes: 110, released: "2020-02-24", regradeWindowDays: 7,
    });
    expect(bank.exam.notes.join("\n")).toMatch(/Fall 2020/);
    expect(bank.exam.notes.join("\n")).toMatch(/3:50am/);
    expect(bank.exam.policy).toContain("No credit without reasoning.");
  });

  it("uses the answer kinds the solutions call for", () => {
    const kinds = Object.fromEntries(bank.all().map((q) => [q.id, q.answer.kind]));
    expect(kinds).toMatchObject({
      "1a": "short", "1c": "blanks", "2a": "drawing", "2b": "expression", "2c-i": "expression", "3d": "truefalse",
      "4a-i": "blanks", "4a-ii": "expression", "4a-iii": "short", "4b-i": "blanks", "5": "proof",
    });
  });

  it("keeps the references the seed gives", () => {
    expect(answerOf("2b", "expression").reference).toBe("z - y");
    expect(answerOf("2c-i", "expression").reference).toBe("(step(W1*x) .* (W3' * dLdz)) * x'");
    expect(answerOf("2c-ii", "expression").reference).toBe("W1' * (step(W1*x) .* (W3' * dLdz)) + W2' * dLdz");
    expect(answerOf("4a-ii", "expression").reference).toBe("2*m*n + m*l + m + l");
    const params = answerOf("4b-ii", "blanks").blanks[1];
    expect(params).toMatchObject({ kind: "number", value: "32*3*3*16" });
    expect(answerOf("4a-i", "blanks").blanks.map((b) => b.kind === "dimensions" && b.value)).toEqual([["m", "n"], ["m", "n"], ["l", "m"]]);
    expect(answerOf("4b-i", "blanks").blanks.map((b) => b.kind !== "expression" && b.value)).toEqual([16, [7, 7, 3]]);
  });

  it("declares 1c's matrices, a ones vector and the score matrix, so both blanks can be sampled", () => {
    const answer = answerOf("1c", "blanks");
    expect(answer.shared?.symbols?.u).toMatchObject({ shape: ["m"], domain: "ones" });
    expect(answer.shared?.symbols?.Y).toMatchObject({ shape: ["c", "m"], domain: "onehot" });
    expect(answer.shared?.derived?.A?.definition).toBe("W*X + b*u'");
    const refs = answer.blanks.map((b) => (b.kind === "expression" ? b.reference : ""));
    expect(refs).toEqual(["(softmax(W*X + b*u') - Y) * X'", "(softmax(W*X + b*u') - Y) * u"]);
    for (const ref of refs) expect(referencedSymbols(ref).sort()).toEqual(["W", "X", "Y", "b", "u"].filter((s) => ref.includes(s)).sort());
  });

  it("writes 4a-iii in three labelled parts, one point per property", () => {
    const answer = answerOf("4a-iii", "short");
    expect(answer.parts?.map((p) => p.id)).toEqual(["tanh", "leaky-relu", "gelu"]);
    expect(answer.rubric).toHaveLength(9);
    for (const item of answer.rubric) {
      expect(item.points).toBe(1);
      expect("part" in item && item.id.startsWith(item.part ?? "?")).toBe(true);
    }
    expect(bank.require("4a-iii").howToAnswer).toMatch(/tanh:.*leaky relu:.*gelu:/s);
  });

  it("grades true/false with a justification, and accepts a justified false on 3d", () => {
    for (const id of ["3a", "3b", "3c", "3d"]) expect(answerOf(id, "truefalse").choicePoints).toBeLessThan(5);
    expect(["3a", "3b", "3c", "3d"].map((id) => answerOf(id, "truefalse").correct)).toEqual([false, false, true, true]);
    expect(answerOf("3d", "truefalse").alternative).toMatchObject({ choice: false, maxPoints: 3 });
  });

  it("deducts for flips in 1d-ii and for calling 1d-i underfitting", () => {
    const flips = answerOf("1d-ii", "short").rubric.find((e) => e.id === "flips");
    expect(flips?.points).toBeLessThan(0);
    const under = answerOf("1d-i", "short").rubric.find((e) => e.id === "underfitting");
    expect(under?.points).toBeLessThan(0);
  });

  it("lists its topics", () => {
    expect(bank.topics()).toEqual(["ml-basics", "backprop", "regularization", "optimization", "fc-networks", "cnn", "probability"]);
  });
});
