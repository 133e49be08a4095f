import { describe, expect, it } from "vitest";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";
import { PhraseMatcher, compiledPhrase, matchPhrase } from "../../../src/core/grading/phrase-matcher.ts";
import { readPhrase } from "../../../src/core/grading/phrase-reading.ts";
import { analyzeText } from "../../../src/core/grading/text-analysis.ts";
import { BASE_VOCABULARY, type Vocabulary, vocabularyFor, vocabularyOf } from "../../../src/core/grading/vocabulary.ts";
import { makeQuestion } from "./question-fixtures.ts";

const units = (phrase: string) => readPhrase(phrase).parts.map((p) => p.units.map((u) => u.map((w) => w.surface).join(" ")));
const finds = (answer: string, phrase: string, vocabulary: Vocabulary = BASE_VOCABULARY) =>
  new PhraseMatcher(analyzeText(answer, vocabulary)).match(compiledPhrase(phrase, vocabulary)).hit !== undefined;

describe("readPhrase", () => {
  it("keeps content words in written order and says which stop words it drops", () => {
    const r = readPhrase("what the function does");
    expect(r.shown).toEqual(["function"]);
    expect(r.dropped).toEqual(["what", "the", "does"]);
    expect(r.ordered).toBe(false);
    expect(r.guard).toBe(false);
  });

  it("never drops a number or one", () => {
    expect(readPhrase("one element").shown).toEqual(["one", "element"]);
    expect(readPhrase("2 layers of 3 units").shown).toEqual(["2", "layers", "3", "units"]);
  });

  it("keeps a variable written twice, in order, and counts another repeated word once", () => {
    const r = readPhrase("n log n");
    expect(r.shown).toEqual(["n", "log", "n"]);
    expect(r.ordered).toBe(true);
    expect(readPhrase("n - n").shown).toEqual(["n", "n"]);
    // A name times itself is its square, however written (n*n, n^2, n²).
    expect(readPhrase("n*n").shown).toEqual(["squared", "n"]);
    expect(readPhrase("n^2").shown).toEqual(["squared", "n"]);
    const image = readPhrase("compare the test image to every training image");
    expect(image.shown.filter((w) => w === "image")).toHaveLength(1);
    expect(image.merged).toEqual(["image"]);
    expect(image.ordered).toBe(false);
  });

  it("merges a synonym of an earlier word and says so", () => {
    const r = readPhrase("slow and expensive");
    expect(r.shown).toEqual(["slow"]);
    expect(r.merged).toEqual(["expensive"]);
    expect(r.synonyms[0]).toContain("costly");
  });

  it("reads quoted words as one unit, stop words included", () => {
    expect(units('"do while" runs once')).toEqual([["do while", "runs", "once"]]);
    expect(readPhrase('"do while" runs once').ordered).toBe(true);
  });

  it("splits at comparisons, with their direction", () => {
    const r = readPhrase("left < node < right");
    expect(units("left < node < right")).toEqual([["left"], ["node"], ["right"]]);
    expect(r.relations).toEqual(["<", "<"]);
    expect(readPhrase("A after B").relations).toEqual([">"]);
    expect(readPhrase("normalize before the activation").relations).toEqual(["<"]);
    expect(readPhrase("insert -> rebalance").relations).toEqual(["<"]);
    // A side made of stop words only is kept as written: `x < y` needs x.
    expect(units("x < y")).toEqual([["x"], ["y"]]);
    // A comparing word at either end is an ordinary word.
    expect(readPhrase("after training the loss drops").parts).toHaveLength(1);
  });

  it("reads guards as phrases", () => {
    const r = readPhrase("unless: n log n");
    expect(r.guard).toBe(true);
    expect(r.text).toBe("n log n");
    expect(r.shown).toEqual(["n", "log", "n"]);
  });

  it("reports phrases it cannot read", () => {
    expect(readPhrase("< node").problems.join(" ")).toMatch(/nothing before "<"/);
    expect(readPhrase("node <").problems.join(" ")).toMatch(/nothing after/);
    expect(readPhrase('"do while runs once').problems.join(" ")).toMatch(/not closed/);
    expect(readPhrase("left < node").problems).toEqual([]);
  });

  it("reads the null character as a word of its own", () => {
    expect(readPhrase("'\\0'").shown).toEqual(["\\0"]);
    expect(readPhrase("null terminator").shown).toEqual(["\\0"]);
    expect(readPhrase("0").words).not.toEqual(readPhrase("'\\0'").words);
  });

  it("keeps the polarity of the phrase", () => {
    expect(readPhrase("does not saturate").negated).toBe(true);
    expect(readPhrase("saturates").negated).toBe(false);
  });
});

describe("matching a phrase as read", () => {
  it("needs a repeated variable twice, in order", () => {
    expect(finds("it is O(n log n)", "n log n")).toBe(true);
    expect(finds("it is O(log n)", "n log n")).toBe(false);
    expect(finds("log n where n is the size", "n log n")).toBe(false);
  });

  it("keeps order across a comparison, accepting it said the other way round", () => {
    expect(finds("the right subtree comes after the left subtree", "left subtree before right subtree")).toBe(true);
    expect(finds("the right subtree comes before the left subtree", "left subtree before right subtree")).toBe(false);
    expect(finds("y is larger than x", "x < y")).toBe(true);
    expect(finds("x is larger than y", "x < y")).toBe(false);
  });

  it("matches one phrase in one text for tools, guards read as phrases", () => {
    expect(matchPhrase("unless: n log n", "it is O(n log n)").hit).toBeDefined();
    expect(matchPhrase("unless: n log n", "it is O(log n)").hit).toBeUndefined();
    expect(matchPhrase("many examples", "many points", vocabularyOf([["points", "examples"]])).hit).toBeDefined();
  });

  it("finds a stop word the phrase keeps", () => {
    expect(finds("the list has one element", "one element")).toBe(true);
    expect(finds("the list has an element", "one element")).toBe(false);
  });

  it("finds words split or glued by a space", () => {
    expect(finds("the function calls it self", "calls itself")).toBe(true);
    expect(finds("the function calls itself", "calls it self")).toBe(true);
    expect(finds("it is logn", "log n")).toBe(true);
    expect(finds("it is nlogn", "n log n")).toBe(true);
    expect(finds("use post fix notation", "postfix")).toBe(true);
  });
});

describe("vocabularies", () => {
  it("reads a bank's group before the built-in table, one-word and several-word entries alike", () => {
    const v = vocabularyOf([["twice", "double", "two times"], ["predetermine", "fix in advance"]]);
    expect(finds("it needs double the memory", "twice as much memory", v)).toBe(true);
    expect(finds("it needs two times as much memory", "twice as much memory", v)).toBe(true);
    expect(finds("the size is fixed in advance", "predetermine the size", v)).toBe(true);
    expect(finds("it needs double the memory", "twice as much memory")).toBe(false);
  });

  it("takes a word a bank lists out of its built-in group", () => {
    const v = vocabularyOf([["quick", "rapid"]]);
    expect(v.canonOf("rapid").canon).toBe(v.canonOf("quick").canon);
    expect(v.canonOf("quick").canon).not.toBe(v.canonOf("fast").canon);
    expect(BASE_VOCABULARY.canonOf("quick").canon).toBe(BASE_VOCABULARY.canonOf("fast").canon);
  });

  it("gives the same vocabulary for the same groups, and caches phrases by vocabulary", () => {
    const groups = [["points", "examples"]];
    expect(vocabularyOf(groups)).toBe(vocabularyOf([["points", "examples"]]));
    expect(vocabularyFor({})).toBe(BASE_VOCABULARY);
    expect(vocabularyFor({ synonyms: groups })).toBe(vocabularyOf(groups));
    const v = vocabularyOf(groups);
    expect(compiledPhrase("many examples", v).canons).toEqual(compiledPhrase("many points", v).canons);
    expect(compiledPhrase("many examples").canons).not.toEqual(compiledPhrase("many points").canons);
  });

  it("keeps machine-learning meanings out of the built-in table", () => {
    for (const [a, b] of [["points", "examples"], ["local", "sparse"], ["test", "predict"], ["complexity", "capacity"]]) {
      expect(BASE_VOCABULARY.canonOf(a!).canon, `${a} = ${b}`).not.toBe(BASE_VOCABULARY.canonOf(b!).canon);
    }
  });

  it("grades a question from its data alone, as a grading worker receives it", () => {
    const question = { ...makeQuestion({ kind: "short", rubric: [{ id: "twice", label: "Twice the memory", points: 5, phrases: ["twice as much memory"] }] }), synonyms: [["twice", "double"]] };
    const answer = { text: "It takes double the memory." };
    expect(gradeAnswer(question, answer).score).toBe(5);
    expect(gradeAnswer(structuredClone(question), answer).score).toBe(5);
    expect(gradeAnswer({ ...question, synonyms: [] }, answer).score).toBe(0);
  });
});
