import path from "node:path";
import { expect, it } from "vitest";
import { DEFAULT_BANKS } from "../../../src/config.ts";
import { loadBankFile } from "../../../src/core/bank/load-bank.ts";
import { QuestionBank } from "../../../src/core/bank/question-bank.ts";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";

/** The midterm, graded in process as the unit tests of reading rules grade it. */
export const midterm = new QuestionBank(loadBankFile(path.join(DEFAULT_BANKS, "midterm.yaml")));

export const grade = (id: string, text: string) => gradeAnswer(midterm.require(id), { text });
export const score = (id: string, text: string) => grade(id, text).score;
/** What the answer earned on the rubric item or blank with that label (undefined: no such item). */
export const item = (id: string, text: string, label: string) => grade(id, text).items.find((i) => i.label === label)?.earned;

/** A question, an answer written for the test, and the score a careful TA gives it. */
export type Case = readonly [id: string, text: string, score: number];

/** One test per case: the answer earns exactly the TA's score (the items shown when it does not). */
export function expectScores(cases: readonly Case[]): void {
  it.each(cases)("%s: %s -> %s", (id, text, expected) => {
    const g = grade(id, text);
    expect(g.score, JSON.stringify(g.items)).toBe(expected);
  });
}
