import { afterEach, describe, expect, it } from "vitest";
import { useConsoleDrivers } from "../fakes/console-driver.ts";

const driver = useConsoleDrivers(afterEach);

/** The sizes a 4b-ii card shows: the first layer's output depth and the second layer's filters. */
function sizesOf(card: string): { depth: number; filters: number; size: number; output: number } {
  const first = /whose output is (\d+) × \1 × (\d+)/.exec(card);
  const second = /there are (\d+) filters that are (\d+) × \2/.exec(card);
  expect(first, card).not.toBeNull();
  expect(second, card).not.toBeNull();
  return { output: Number(first![1]), depth: Number(first![2]), filters: Number(second![1]), size: Number(second![2]) };
}

describe("question variants in the console chat", () => {
  it("gives 4b-ii in the exam's numbers first, then fresh sizes on each /quiz, each graded against its own numbers", async () => {
    const d = driver();
    const seed = sizesOf(await d.say("ana", "/quiz 4b-ii"));
    expect(seed).toEqual({ output: 26, depth: 16, filters: 32, size: 3 });
    const first = sizesOf(await d.say("ana", "/quiz 4b-ii"));
    const params = (s: typeof first) => s.filters * s.size * s.size * s.depth;
    // The exam's numbers are now wrong for this variant, and its own are right.
    if (params(first) !== 4608) expect(await d.say("ana", "/answer 4b-ii depth: 16; parameters: 4608")).not.toMatch(/4b-ii: 5\/5/);
    expect(await d.say("ana", `/answer 4b-ii depth: ${first.depth}; parameters: ${first.filters}*${first.size}*${first.size}*${first.depth}`)).toMatch(/4b-ii: 5\/5/);
    // A second answer to the same variant is graded against the same numbers.
    expect(await d.say("ana", `/answer 4b-ii depth: ${first.depth}; parameters: ${params(first)}`)).toMatch(/4b-ii: 5\/5/);

    const second = sizesOf(await d.say("ana", "/quiz 4b-ii"));
    expect(second).not.toEqual(first);
    const wrong = await d.say("ana", `/answer 4b-ii depth: 3; parameters: ${second.filters}*${second.size}*${second.size}*3`);
    expect(wrong).toMatch(/4b-ii: 0\/5[\s\S]*is a known mistake/);
    expect(wrong).toContain(`the ${second.depth} channels of the first layer's output, not 3`);
    expect(await d.say("ana", `/answer 4b-ii depth: ${second.depth}; parameters: ${params(second)}`)).toMatch(/4b-ii: 5\/5/);
    // The solution shown is the variant's.
    expect(await d.say("ana", "/solution 4b-ii")).toContain(`= ${params(second)}`);
  });

  it("keeps the exam's own numbers during the mock exam", async () => {
    const d = driver();
    await d.say("ana", "/quiz 4b-ii");
    await d.say("ana", "/quiz 4b-ii");
    expect(await d.say("ana", "/exam start")).toMatch(/110 minutes/);
    const card = await d.say("ana", "/quiz 4b-ii");
    expect(sizesOf(card)).toEqual({ output: 26, depth: 16, filters: 32, size: 3 });
    expect(await d.say("ana", "/answer 4b-ii depth: 16; parameters: 32*3*3*16")).toMatch(/received/);
    await d.say("ana", "/exam submit");
    expect(await d.say("ana", "1")).toMatch(/4b-ii[^\n]*5\/5|5\/5[^\n]*4b-ii/);
  });

  it("shows the TA who reviews a variant's answer the numbers the student saw", async () => {
    const d = driver();
    await d.say("ana", "/quiz 4b-ii");
    const variant = sizesOf(await d.say("ana", "/quiz 4b-ii"));
    // Unreadable, so a TA decides: the review must show this variant's sizes, not the exam's.
    expect(await d.say("ana", "/answer 4b-ii depth: (16; parameters: 32*3*(3*16")).toMatch(/TA/);
    const review = await d.say("tara", "/review", "ta");
    expect(review).toMatch(/answer #\d+ to 4b-ii/);
    expect(review).toMatch(/variant \(seed \d+\)/);
    expect(review).toContain(`${variant.filters}`);
  });
});
