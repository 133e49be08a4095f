import { describe, expect, it } from "vitest";
import { DEFAULT_BANKS } from "../../../src/config.ts";
import { loadBankDir } from "../../../src/core/bank/load-bank.ts";
import { QuestionBank } from "../../../src/core/bank/question-bank.ts";
import { replyToText } from "../../../src/adapters/console/console-renderer.ts";
import { gradersLines, statsBlocks } from "../../../src/core/views/stats-view.ts";

describe("the statistics post", () => {
  it("names the graders as the TAs' post does", () => {
    const bank = new QuestionBank(loadBankDir(DEFAULT_BANKS)[0]!);
    expect(gradersLines(bank)).toEqual([
      "Questions 1a, 1b: Ken-Fu",
      "Questions 1c, 1d: Weixi",
      "Question 2: Johannes",
      "Question 3: Michael",
      "Question 4a: Cheng",
      "Question 4b: Jonathan",
      "Bonus: Jonathan",
    ]);
  });

  it("lays out the figures like the seed: whole numbers stay whole, means and sds keep one decimal", () => {
    const summary = { n: 250, high: 106, low: 60, mean: 91.08, median: 92.5, sd: 8.58 };
    const blocks = statsBlocks({
      assessment: "Midterm", kind: "imported", section: null, overall: summary,
      sections: { C247: { ...summary, mean: 91.6, median: 93, sd: 8.3 } }, scores: [], outOf: 100, questions: [],
    });
    expect(blocks).toContainEqual({ kind: "heading", text: "Overall statistics (250 students)" });
    const text = replyToText({ blocks });
    expect(text).toContain("Overall statistics (250 students)\nHigh score: 106\nMean score: 91.1\nMedian score: 92.5\nStandard deviation: 8.6");
    expect(text).toContain("C247 (250 students)\nHigh score: 106\nMean score: 91.6\nMedian score: 93\nStandard deviation: 8.3");
    expect(text).toContain("population");
  });
});
