import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runTutorInProcess } from "../fakes/run-tutor.ts";

// Issue 15's rubric constructs, graded as a TA checks a rubric: `tutor grade ID --answer ... --json`
// on a small data-structures bank that uses each of them.
const BANK = path.join(import.meta.dirname, "..", "fixtures", "banks", "rubric-constructs.yaml");
const TEXT = readFileSync(BANK, "utf8");

/** The same bank with its top-level synonyms removed: another course without that vocabulary. */
const withoutSynonyms = (() => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "tutor-rubric-")), "no-synonyms.yaml");
  writeFileSync(file, TEXT.replace(/^synonyms:\n(?: {2}- .*\n)+/m, ""));
  return file;
})();

interface Graded {
  score: number;
  max: number;
  needsReview: boolean;
  items: Array<{ id: string; earned: number; note: string }>;
  feedback: string[];
}

async function grade(id: string, answer: string, bank = BANK): Promise<Graded> {
  const run = await runTutorInProcess(["grade", id, "--answer", answer, "--json"], "", { TUTOR_BANKS: bank });
  expect(run.stderr, run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Graded;
}

/** Writes `text` as a bank file and returns `tutor bank validate`'s output and code. */
async function validate(text: string): Promise<{ code: number; out: string }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "tutor-rubric-")), "bank.yaml");
  writeFileSync(file, text);
  const run = await runTutorInProcess(["bank", "validate", file]);
  return { code: run.code, out: `${run.stdout}${run.stderr}` };
}

describe("rubric constructs through tutor grade", () => {
  it("validates the bank that uses them all", async () => {
    expect((await validate(TEXT)).code).toBe(0);
  });

  it("awards the best alternative by its own points: the height earns 5, log n earns 3", async () => {
    expect((await grade("search", "It takes time proportional to the height of the tree.")).score).toBe(5);
    const big = await grade("search", "A search takes O(log n) time.");
    expect(big.score).toBe(3);
    expect(big.items[0]?.note).toMatch(/The big-O only/);
    expect(big.feedback.join(" ")).toMatch(/Missing: The time of a search/);
  });

  it("cancels a match inside its guard, read as a phrase: n log n is not log n", async () => {
    const guarded = await grade("search", "A search is O(n log n).");
    expect(guarded.score).toBe(0);
    expect((await grade("search", "It is O(log n), not O(n).")).score).toBe(3);
  });

  it("awards the best level of an item: full for the null character, partial for another difference", async () => {
    expect((await grade("strings", "A C string is ended by '\\0'.")).score).toBe(5);
    expect((await grade("strings", "It has a null terminator at the end.")).score).toBe(5);
    const partial = await grade("strings", "In Java the length is stored with the string.");
    expect(partial.score).toBe(2);
    expect(partial.items[0]?.note).toMatch(/another real difference/);
    expect(partial.feedback.join(" ")).toMatch(/For full credit: A C string ends with the null character/);
  });

  it("reads '\\0' as the null character, never as the number 0", async () => {
    const zero = await grade("strings", "A C string is ended by 0.");
    expect(zero.score).toBe(0);
    expect(zero.needsReview).toBe(true);
  });

  it("checks the order of an ordered phrase, as written or said the other way round", async () => {
    expect((await grade("inorder", "It visits the left subtree, then the node, then the right subtree.")).score).toBe(4);
    expect((await grade("inorder", "The order is left < node < right.")).score).toBe(4);
    expect((await grade("inorder", "The order is right > node > left.")).score).toBe(4);
    expect((await grade("inorder", "The order is right < node < left.")).score).toBe(0);
    expect((await grade("inorder", "It visits the right subtree, then the node, then the left subtree.")).score).toBe(0);
  });

  it("keeps quoted words and their order: do while is not while", async () => {
    expect((await grade("loops", "A do-while loop always runs at least once.")).score).toBe(3);
    expect((await grade("loops", "A while loop runs once.")).score).toBe(0);
  });

  it("reads the bank's synonyms for its own questions only", async () => {
    expect((await grade("doubling", "It uses double the memory.")).score).toBe(4);
    expect((await grade("doubling", "It takes two times as much memory.")).score).toBe(4);
    const other = await grade("doubling", "It uses double the memory.", withoutSynonyms);
    expect(other.score).toBe(0);
    expect(other.needsReview).toBe(true);
  });

  it("reads a question's own synonyms, phrases of several words included", async () => {
    expect((await grade("static", "Its size is fixed in advance.")).score).toBe(3);
    expect((await grade("static", "Its size is predetermined.")).score).toBe(3);
  });

  it("matches words split or glued by a space", async () => {
    expect((await grade("words", "The function calls it self.")).items.find((i) => i.id === "self")?.earned).toBe(2);
    expect((await grade("words", "It is written in post fix notation.")).items.find((i) => i.id === "postfix")?.earned).toBe(2);
    expect((await grade("search", "The search is logn.")).score).toBe(3);
  });

  it("caps a group at its max and a question at its points when the items add past them", async () => {
    expect((await grade("hashing", "It is slow with many collisions, a high load factor and a bad hash function.")).score).toBe(5);
    expect((await grade("hashing", "It is slow with many collisions and a bad hash function.")).score).toBe(4);
    const both = await grade("stacks", "It is last in first out, and you can use only the top.");
    expect(both.score).toBe(4);
    expect(both.items.map((i) => i.earned)).toEqual([3, 3]);
  });

  it("sends an answer that matches nothing to a TA, short or long, but not one with no answer", async () => {
    for (const answer of ["It is O(1).", "hash", "It uses a queue of the nodes to visit next."]) {
      const g = await grade("search", answer);
      expect(g.score, answer).toBe(0);
      expect(g.needsReview, answer).toBe(true);
    }
    for (const answer of ["no idea", "I don't know, sorry"]) expect((await grade("search", answer)).needsReview, answer).toBe(false);
    const justified = await grade("queues", "false, it keeps the items in a ring buffer");
    expect(justified.score).toBe(1);
    expect(justified.needsReview).toBe(true);
  });
});

describe("rubric constructs in bank validate", () => {
  const broken = async (from: string | RegExp, to: string) => (await validate(TEXT.replace(from, to))).out;

  it("asks for cap: true when items add past the question's points", async () => {
    const out = await broken("      cap: true\n", "");
    expect(out).toMatch(/the rubric's points add up to 6 points, but question stacks is worth 4 points; .*add cap: true/);
  });

  it("refuses a level above its item, an item without its full level, and an option above its group", async () => {
    expect(await broken("{ points: 2, label: another real difference", "{ points: 6, label: another real difference"))
      .toMatch(/this level earns 6 points, more than the item's 5 points/);
    expect(await broken("- { points: 5, phrases: [\"'\\\\0'\", null terminator] }", "- { points: 4, phrases: [\"'\\\\0'\", null terminator] }"))
      .toMatch(/no level earns the item's 5 points/);
    expect(await broken("{ id: collisions, label: Many collisions, points: 2,", "{ id: collisions, label: Many collisions, points: 7,"))
      .toMatch(/this option earns 7 points, more than the 5 points the group may earn/);
  });

  it("refuses phrases it cannot read and a word in two synonym groups", async () => {
    expect(await broken("phrases: [left < node < right]", "phrases: [< node < right]")).toMatch(/nothing before "<"/);
    expect(await broken("  - [twice, double, two times]\n", "  - [twice, double, two times]\n  - [double, dual]\n"))
      .toMatch(/"double" is also in synonym group 1/);
  });
});
