import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBank } from "../../../src/core/bank/load-bank.ts";
import { QuestionBank, UnknownQuestionError } from "../../../src/core/bank/question-bank.ts";
import { UserError } from "../../../src/core/errors.ts";
import { verbatim } from "../../../src/core/chat/reply.ts";

const text = readFileSync(path.join(import.meta.dirname, "../../fixtures/banks/valid-small.yaml"), "utf8");
const parsed = parseBank(text, "valid-small.yaml");
if (!parsed.ok) throw new Error("fixture must load");
const bank = new QuestionBank(parsed.bank);

describe("QuestionBank", () => {
  it("finds questions by id, tolerant of case and spacing", () => {
    expect(bank.get("1a")?.title).toBe("Overfitting");
    expect(bank.get(" 1B ")?.id).toBe("1b");
    expect(bank.get("9z")).toBeUndefined();
  });

  it("refuses an unknown id with a user-facing error that lists the valid ids", () => {
    expect(() => bank.require("9z")).toThrow(UnknownQuestionError);
    try {
      bank.require("9z");
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect((error as UnknownQuestionError).validIds).toEqual(["1a", "1b"]);
      expect((error as Error).message).toBe(`There is no question "${verbatim("9z")}". Questions: 1a, 1b.`);
    }
  });

  it("groups questions by topic and problem", () => {
    expect(bank.topics()).toEqual(["ml-basics", "backprop"]);
    expect(bank.byTopic("Backprop").map((q) => q.id)).toEqual(["1b"]);
    expect(bank.byTopic("nothing")).toEqual([]);
    expect(bank.problemOf("1b").title).toBe("Basics");
    expect(bank.totalPoints).toEqual({ regular: 10, bonus: 0 });
    expect(bank.all()).toHaveLength(2);
    expect(bank.exam.id).toBe("quiz");
  });
});
