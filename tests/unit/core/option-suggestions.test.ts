import path from "node:path";
import { describe, expect, it } from "vitest";
import { BankLibrary } from "../../../src/core/bank/bank-library.ts";
import { CourseBankChoice } from "../../../src/core/bank/course-banks.ts";
import { loadBankFile } from "../../../src/core/bank/load-bank.ts";
import { bankSuggestions, SUGGESTION_LIMIT } from "../../../src/core/chat/option-suggestions.ts";
import { DEFAULT_BANKS } from "../../../src/config.ts";

const midterm = loadBankFile(path.join(DEFAULT_BANKS, "midterm.yaml"));
const library = new BankLibrary([midterm]);
const bank = library.banks[0]!;
const noChoice = { banks: async () => [] };
const suggest = bankSuggestions(new CourseBankChoice(library, noChoice), async (course) => (course === "c1" ? ["midterm", "Final 2025"] : []));

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

  it("offers the course's banks, and question keys from the banks the course uses", async () => {
    const quiz1 = loadBankFile(path.join(import.meta.dirname, "../../fixtures/banks/quiz1.yaml"));
    const two = new BankLibrary([quiz1, midterm]);
    const chosen: Record<string, string[]> = { narrow: ["quiz1"] };
    const suggestTwo = bankSuggestions(new CourseBankChoice(two, { banks: async (course) => chosen[course] ?? [] }), async () => []);
    expect(await suggestTwo({ course: "c1", option: "bank", typed: "" })).toEqual([{ name: "midterm — Midterm", value: "midterm" }, { name: "quiz1 — Quiz 1", value: "quiz1" }]);
    expect((await suggestTwo({ course: "c1", option: "question", typed: "1a" })).map((s) => s.value)).toEqual(["1a", "quiz1/1a"]);
    expect((await suggestTwo({ course: "c1", option: "question", typed: "quiz" })).map((s) => s.value)).toEqual(["quiz1/1a"]);
    expect((await suggestTwo({ course: "narrow", option: "bank", typed: "" })).map((s) => s.value)).toEqual(["quiz1"]);
    expect((await suggestTwo({ course: "narrow", option: "question", typed: "" })).map((s) => s.value)).toEqual(["quiz1/1a", "1e", "2d", "2e"]);
  });
});
