import { describe, expect, it } from "vitest";
import { loadBankDir } from "../../../src/core/bank/load-bank.ts";
import { QuestionBank } from "../../../src/core/bank/question-bank.ts";
import { bankSuggestions, SUGGESTION_LIMIT } from "../../../src/core/chat/option-suggestions.ts";
import { DEFAULT_BANKS } from "../../../src/config.ts";

const bank = new QuestionBank(loadBankDir(DEFAULT_BANKS)[0]!);
const suggest = bankSuggestions(bank, async (course) => (course === "c1" ? ["midterm", "Final 2025"] : []));

describe("option suggestions (Discord autocomplete)", () => {
  it("offers question ids that start with what was typed first, each with its title", async () => {
    const three = await suggest({ course: "c1", option: "question", typed: "3" });
    expect(three.map((s) => s.value)).toEqual(["3a", "3b", "3c", "3d"]);
    expect(three[0]!.name).toMatch(/^3a — \S/);
    expect((await suggest({ course: "c1", option: "question", typed: "4A-I" })).map((s) => s.value)).toEqual(["4a-i", "4a-ii", "4a-iii"]);
  });

  it("offers at most 25, each name and value within 100 characters", async () => {
    const all = await suggest({ course: "c1", option: "question", typed: "" });
    expect(all.length).toBe(Math.min(SUGGESTION_LIMIT, bank.ids().length));
    for (const s of all) expect(Math.max(s.name.length, s.value.length)).toBeLessThanOrEqual(100);
  });

  it("matches topics, sections and the course's assessments anywhere in the name, case ignored", async () => {
    const topic = bank.topics()[0]!;
    expect(await suggest({ course: "c1", option: "topic", typed: topic.slice(1, 4).toUpperCase() })).toContainEqual({ name: topic, value: topic });
    expect(await suggest({ course: "c1", option: "section", typed: "c2" })).toEqual([{ name: "C247", value: "C247" }]);
    expect(await suggest({ course: "c1", option: "assessment", typed: "fin" })).toEqual([{ name: "Final 2025", value: "Final 2025" }]);
    expect(await suggest({ course: "c2", option: "assessment", typed: "" })).toEqual([]);
  });

  it("offers nothing for an option without suggestions, or text that matches nothing", async () => {
    expect(await suggest({ course: "c1", option: "reason", typed: "" })).toEqual([]);
    expect(await suggest({ course: "c1", option: "question", typed: "zz" })).toEqual([]);
  });
});
