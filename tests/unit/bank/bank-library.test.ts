import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_BANKS } from "../../../src/config.ts";
import { BankLibrary, loadBankLibrary } from "../../../src/core/bank/bank-library.ts";
import { BankLoadError, loadBankFile } from "../../../src/core/bank/load-bank.ts";
import { UnknownQuestionError } from "../../../src/core/bank/question-bank.ts";
import type { Bank } from "../../../src/core/bank/schema.ts";
import { UserError } from "../../../src/core/errors.ts";

const MIDTERM = path.join(DEFAULT_BANKS, "midterm.yaml");
const QUIZ1 = path.join(import.meta.dirname, "../../fixtures/banks/quiz1.yaml");
const midterm = loadBankFile(MIDTERM);
const quiz1 = loadBankFile(QUIZ1);
/** A bank like quiz1, with another exam id and date. */
const renamed = (bank: Bank, id: string, date: string): Bank => ({ ...bank, exam: { ...bank.exam, id, title: id, date } });

const codeOf = (work: () => unknown): string | undefined => {
  try {
    work();
  } catch (error) {
    return error instanceof UserError ? error.code : "not a UserError";
  }
  return undefined;
};
const messageOf = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    return (error as Error).message.replace(/[\uE000\uE001]/g, "");
  }
  return "";
};

describe("BankLibrary: the keys of questions", () => {
  it("keeps plain ids for the earliest bank that has an id, and BANK/ID for later ones, whatever the file order", () => {
    for (const library of [new BankLibrary([midterm, quiz1]), new BankLibrary([quiz1, midterm])]) {
      expect(library.banks.map((b) => b.exam.id)).toEqual(["midterm", "quiz1"]);
      expect(library.banks[0]!.ids()).toEqual(new BankLibrary([midterm]).ids());
      expect(library.banks[1]!.ids()).toEqual(["quiz1/1a", "1e", "2d", "2e"]);
      expect(library.byKey("quiz1/1a")?.bank.exam.id).toBe("quiz1");
      expect(library.byKey("Quiz1/1A")?.question.title).toBe("What overfitting is");
      expect(library.require("1a").title).toMatch(/k-nearest neighbors/);
      expect(library.get("2e")?.id).toBe("2e");
    }
  });

  it("never renames an earlier bank's questions when a later bank comes; a bank with an earlier date takes the plain ids", () => {
    const later = renamed(quiz1, "final", "2020-03-20");
    expect(new BankLibrary([midterm, quiz1, later]).banks.map((b) => b.ids()[0])).toEqual(["1a", "quiz1/1a", "final/1a"]);
    // Ties of date: the exam id decides.
    const sameDay = renamed(quiz1, "aaa", midterm.exam.date);
    expect(new BankLibrary([midterm, sameDay]).bank("midterm")!.ids()[0]).toBe("midterm/1a");
  });

  it("gives a question of a later bank its variant under its key", () => {
    const library = new BankLibrary([midterm, renamed(midterm, "again", "2021-01-01")]);
    const question = library.variant("again/4b-ii", { seed: 1, values: { N: 28, C: 3, K1: 5, F1: 3, K2: 7, F2: 2, O: 26 } });
    expect(question.id).toBe("again/4b-ii");
    expect(question.solution).not.toBe(library.require("again/4b-ii").solution);
    expect(library.bank("again")!.hasVariants("4b-ii")).toBe(true);
  });
});

describe("CourseBanks: what a person types", () => {
  const library = new BankLibrary([midterm, quiz1]);
  const course = library.forCourse();

  it("finds BANK/ID, BANK ID, an id with the bank option, and a bare id one bank has", () => {
    expect(course.resolve("quiz1/1a").key).toBe("quiz1/1a");
    expect(course.resolve("quiz1 1a").key).toBe("quiz1/1a");
    expect(course.resolve("1a", { bank: "quiz1" }).key).toBe("quiz1/1a");
    expect(course.resolve("1a", { bank: "Quiz 1" }).key).toBe("quiz1/1a");
    expect(course.resolve("midterm/1a").key).toBe("1a");
    expect(course.resolve("2E").key).toBe("2e");
    expect(course.resolve("1D I").key).toBe("1d-i");
  });

  it("refuses a bare id two banks share with the ways to name each", () => {
    expect(codeOf(() => course.resolve("1A"))).toBe("ambiguous-question");
    expect(messageOf(() => course.resolve("1A"))).toBe("1a is in midterm and quiz1: say /quiz midterm/1a or /quiz quiz1/1a, or add bank: quiz1.");
    expect(messageOf(() => course.resolve("1a", { command: "tutor grade", bankOption: "--bank" }))).toMatch(/say tutor grade midterm\/1a or tutor grade quiz1\/1a, or add --bank quiz1\.$/);
    expect(messageOf(() => course.resolve("1a", { command: "/answer", bankOption: false }))).toMatch(/say \/answer midterm\/1a or \/answer quiz1\/1a\.$/);
  });

  it("says a bank is not the course's, and lists the bank's ids for an id it lacks", () => {
    const narrow = library.forCourse(["quiz1"]);
    expect(narrow.resolve("1a").key).toBe("quiz1/1a");
    expect(codeOf(() => narrow.resolve("midterm/2b"))).toBe("bank-not-used");
    expect(messageOf(() => narrow.resolve("1a", { bank: "midterm" }))).toBe("The bank midterm (Midterm) is not used in this course. Its banks: quiz1 (Quiz 1).");
    expect(() => narrow.resolve("2b")).toThrow(UnknownQuestionError);
    expect(messageOf(() => narrow.resolve("2b"))).toBe('There is no question "2b". Questions: quiz1/1a, 1e, 2d, 2e.');
    expect(codeOf(() => course.resolve("1a", { bank: "final" }))).toBe("unknown-bank");
  });

  it("picks the one bank meant: named, the only one, else a message listing them", () => {
    expect(course.only("quiz1", (id) => `/exam start ${id}`).exam.id).toBe("quiz1");
    expect(library.forCourse(["quiz1"]).only(undefined, (id) => id).exam.id).toBe("quiz1");
    expect(messageOf(() => course.only(undefined, (id) => `/exam start ${id}`))).toBe("This course has 2 banks: midterm (Midterm), quiz1 (Quiz 1). Say which, e.g. `/exam start midterm` or `/exam start quiz1`.");
    expect(course.mockExam("")?.exam.id).toBe("midterm");
    expect(course.mockExam("Quiz 1")?.exam.id).toBe("quiz1");
    expect(library.forCourse(["quiz1", "midterm"]).mockExam("mock")?.exam.id).toBe("quiz1");
    expect(course.mockExam("paper-midterm")).toBeNull();
  });

  it("keeps the course's order, skips a bank no longer loaded, and falls back to every bank", () => {
    expect(library.forCourse(["quiz1", "midterm"]).ids()).toEqual(["quiz1", "midterm"]);
    expect(library.forCourse(["gone", "quiz1"]).ids()).toEqual(["quiz1"]);
    expect(library.forCourse(["gone"]).ids()).toEqual(["midterm", "quiz1"]);
  });
});

describe("loadBankLibrary", () => {
  it("loads every bank of a folder, and refuses two banks with one exam id at the later file's exam.id", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tutor-banks-"));
    copyFileSync(MIDTERM, path.join(dir, "a-midterm.yaml"));
    copyFileSync(QUIZ1, path.join(dir, "b-quiz1.yaml"));
    expect(loadBankLibrary(dir).banks.map((b) => b.exam.id)).toEqual(["midterm", "quiz1"]);
    writeFileSync(path.join(dir, "c-copy.yaml"), readFileSync(QUIZ1, "utf8"));
    expect(() => loadBankLibrary(dir)).toThrow(BankLoadError);
    const idLine = readFileSync(QUIZ1, "utf8").split("\n").findIndex((l) => /^\s+id: quiz1$/.test(l)) + 1;
    expect(messageOf(() => loadBankLibrary(dir))).toBe(`Invalid question bank: ${path.join(dir, "c-copy.yaml")}:${idLine}:7: exam.id: exam id "quiz1" is already the id of ${path.join(dir, "b-quiz1.yaml")}; every bank of the folder needs its own (it names the bank: /quiz quiz1/1a)`);
  });
});
