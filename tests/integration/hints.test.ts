import { afterEach, describe, expect, it } from "vitest";
import { useConsoleDrivers } from "../fakes/console-driver.ts";

const driver = useConsoleDrivers(afterEach);

/** The review date a graded reply announces. */
const dueOf = (reply: string) => reply.match(/Comes back for review (\S+ \S+) UTC/)?.[1];

describe("hint ladders in practice", () => {
  it("offers a hint before the solution after a wrong answer; three hints, then only the solution is left", async () => {
    const d = driver();
    await d.say("ana", "/quiz 2c-i");
    const wrong = await d.say("ana", "/answer 2c-i W1 * x");
    expect(wrong).toMatch(/2c-i: 0\/6/);
    expect(wrong).not.toMatch(/Reference solution/);
    expect(wrong).toMatch(/Ask for a hint \(3 available\)/);
    expect(wrong).toMatch(/\[1\] Hint\s+\[2\] Show solution\s+\[3\] Try again\s+\[4\] Next question/);
    const first = await d.say("ana", "1");
    expect(first).toMatch(/Hint 1 of 3 for 2c-i/);
    expect(first).toMatch(/\[1\] Next hint\s+\[2\] Show solution/);
    expect(await d.say("ana", "1")).toMatch(/Hint 2 of 3 for 2c-i[\s\S]*indicator/);
    const last = await d.say("ana", "1");
    expect(last).toMatch(/Hint 3 of 3 for 2c-i[\s\S]*That was the last hint/);
    expect(last).not.toMatch(/Next hint/);
    expect(await d.say("ana", "1")).toMatch(/Reference solution for 2c-i/);
  });

  it("points a recognised known mistake to the hint about it", async () => {
    const d = driver();
    await d.say("ana", "/quiz 2c-i");
    const dropped = await d.say("ana", "/answer 2c-i (step(W1*x) .* (W3 * dLdz)) * x'");
    expect(dropped).toMatch(/W3 is m×p, so it needs a transpose/);
    expect(dropped).toMatch(/Hint 2 of 3 is about this mistake/);
    const [json] = await d.json("ana", "/answer 2c-i (step(W1*x) .* (W3 * dLdz)) * x'");
    expect((json!.grade as { mistakes: string[] }).mistakes).toEqual(["dropped transpose"]);
    expect(await d.say("ana", "1")).toMatch(/Hint 2 of 3 for 2c-i[\s\S]*multiplies by Cᵀ/);
  });

  it("rates a hinted success Hard, so it comes back sooner than a clean one, and /progress shows the hints", async () => {
    const d = driver();
    await d.say("ana", "/quiz 2b");
    await d.say("ana", "/answer 2b z + y");
    await d.say("ana", "/hint 2b");
    const hinted = await d.say("ana", "/answer 2b z - y");
    expect(hinted).toMatch(/rated Hard: full marks with 1 hint/);
    await d.say("ben", "/quiz 2b");
    const clean = await d.say("ben", "/answer 2b z - y");
    expect(clean).toMatch(/rated Good: full marks/);
    expect(dueOf(hinted)! < dueOf(clean)!).toBe(true);
    expect(await d.say("ana", "/progress")).toMatch(/2b\s+4\/4\s+2 tries.*\(last try: 1 hint\)/);
    const [progress] = await d.json("ana", "/progress");
    const questions = (progress!.progress as { questions: { question: string; hintsUsed: number }[] }).questions;
    expect(questions.find((q) => q.question === "2b")).toMatchObject({ hintsUsed: 1 });
    // Solved: the ladder starts over, and the next answer is rated on its own.
    await d.say("ana", "/quiz 2b");
    expect(await d.say("ana", "/answer 2b z - y")).toMatch(/rated Good: full marks/);
  });

  it("keeps the solution in the reply of a full answer, and refuses hints that make no sense", async () => {
    const d = driver();
    expect(await d.say("ana", "/hint 2b")).toMatch(/You have not been given question 2b yet/);
    await d.say("ana", "/quiz 2b");
    expect(await d.say("ana", "/hint 2b step: 9")).toMatch(/hints 1 to 3; there is no hint 9/);
    expect(await d.say("ana", "/hint 2b step: two")).toMatch(/step must be a whole number/);
    expect(await d.say("ana", "/answer 2b z - y")).toMatch(/Reference solution/);
  });

  it("hides hints during a mock exam, like solutions", async () => {
    const d = driver();
    await d.say("ana", "/exam start");
    await d.say("ana", "/quiz 2b");
    expect(await d.say("ana", "/hint 2b")).toMatch(/Hints stay hidden while your mock exam runs/);
  });
});
