import { afterEach, describe, expect, it } from "vitest";
import { TestClock, useConsoleDrivers } from "../fakes/console-driver.ts";

const driver = useConsoleDrivers(afterEach);

describe("the mock midterm", () => {
  it("hides scores until submission, then reports per problem and the total out of 100", async () => {
    const d = driver();
    expect(await d.say("ana", "/exam start")).toMatch(/110 minutes/);
    expect(await d.say("ana", "/quiz 3a")).not.toMatch(/Show solution/);
    const received = await d.say("ana", "/answer 3a false, because regularization improves generalization to the test set");
    expect(received).toMatch(/received/);
    expect(received).not.toMatch(/5\/5/);
    expect(await d.say("ana", "/solution 3a")).toMatch(/stay hidden/);
    await d.say("ana", "/answer 2b z - y");
    await d.say("ana", "/answer 4b-ii depth: 16; parameters: 32*3*3*16");
    await d.say("ana", "/answer 2a input x goes to W1 x, then relu, then W3, plus W2 x, gives z, then the loss");
    expect(await d.say("ana", "/exam status")).toMatch(/Answered 4 of 20/);
    // A stray /exam submit asks first: time is left and 16 questions are not answered.
    const asked = await d.say("ana", "/exam submit");
    expect(asked).toMatch(/Submit your mock exam now\? You have 1:50:00 left and 16 questions not answered: 1a, 1b, .*5\. Once submitted/);
    expect(asked).toMatch(/\[1\] Submit now\s+\[2\] Keep working/);
    expect(await d.say("ana", "2")).toMatch(/Answered 4 of 20/);
    await d.say("ana", "/exam submit");
    const report = await d.say("ana", "1");
    expect(report).toMatch(/Problem 1\s+0\/30/);
    expect(report).toMatch(/Problem 2\s+4\/20\s+\(pending TA review: 2a\)/);
    expect(report).toMatch(/Problem 3\s+5\/20/);
    expect(report).toMatch(/Problem 4\s+5\/30/);
    expect(report).toMatch(/Bonus\s+0\/6/);
    expect(report).toMatch(/Total\s+14\/100 points \+ 0\/6 bonus/);
    expect(report).toMatch(/wait for a TA/);
    // Then every question in order: the answer that counted, its rubric items, the solution.
    expect(report).toMatch(/You answered 4 of 20 questions/);
    const headings = [...report.matchAll(/^(\S+) — .*: (.*)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(d.app.services.bank.ids());
    expect(report).toMatch(/^1a — .*: not answered \(0\/\d+ points\)\nSolution: /m);
    expect(report).toMatch(/^3a — .*: 5\/5\n> false, because regularization improves generalization to the test set\n+✓ The choice \(false\) \(2\/2\)[\s\S]*?Solution: False\./m);
    expect(report).toMatch(/^2a — .*: 0\/4 \(provisional: a TA will grade it\)/m);
    expect(report.match(/^Solution:/gm)).toHaveLength(20);

    // Later: the status is the summary; /exam review shows it all again.
    const status = await d.say("ana", "/exam status");
    expect(status).toMatch(/Total\s+14\/100/);
    expect(status).toMatch(/\/exam review/);
    expect(status).not.toMatch(/Solution:/);
    expect(await d.say("ana", "/exam review")).toBe(report);
  });

  it("says at once what cannot be read, and never lets an unreadable answer replace an earlier one unasked", async () => {
    const d = driver();
    await d.say("ana", "/exam start");
    const unclosed = await d.say("ana", "/answer 2b (z - y");
    expect(unclosed).toMatch(/received .* It has a problem you can fix: I could not read this as a formula: .*Parenthesis.* Send it again before the end; as it stands, a TA will grade it\./);
    expect(unclosed).not.toMatch(/\d\/4|right|wrong|correct/i);
    const shape = await d.say("ana", "/answer 2c-i W1 * W3");
    expect(shape).toMatch(/a product whose sizes do not fit .* otherwise it is graded as it stands\./);

    expect(await d.say("ana", "/answer 2b z - y")).toMatch(/^Answer to 2b received/);
    const kept = await d.say("ana", "/answer 2b z - (y");
    expect(kept).toMatch(/^Your new answer to 2b was not stored: I could not read this as a formula: .* Your earlier answer \(received .*\) still counts\. .*replace: yes/);
    await d.say("ana", "/exam submit confirm");
    expect(await d.say("ana", "/exam review")).toMatch(/^2b — .*: 4\/4\n> z - y$/m);

    const other = driver();
    await other.say("ben", "/exam start");
    await other.say("ben", "/answer 2b z - y");
    expect(await other.say("ben", "/answer 2b z - (y replace: yes")).toMatch(/^Answer to 2b received/);
    await other.say("ben", "/exam submit confirm");
    expect(await other.say("ben", "/exam review")).toMatch(/^2b — .*: 0\/4 \(provisional: a TA will grade it\)\n> z - \(y$/m);
  });

  it("has nothing to review before an exam is submitted", async () => {
    const d = driver();
    expect(await d.say("cara", "/exam review")).toMatch(/not sat a mock exam yet/);
    await d.say("cara", "/exam start");
    expect(await d.say("cara", "/exam review")).toMatch(/still running/);
  });

  it("refuses a late answer with the time it came, and submits at the deadline across a restart", async () => {
    const clock = new TestClock(new Date("2026-11-28T14:00:00Z"));
    const first = driver(undefined, clock);
    expect(await first.say("ben", "/exam start")).toMatch(/ends at 2026-11-28 15:50:00 UTC/);
    await first.say("ben", "/answer 2b z - y");
    await first.close();

    clock.advance(111);
    const second = driver(first.dbFile, clock);
    const late = await second.say("ben", "/answer 3a false, because it helps generalization");
    // The restart does not keep the session open: the deadline already submitted it, and the late
    // answer is refused with the report instead of being graded as practice.
    expect(late).toMatch(/arrived at 2026-11-28 15:51:00 UTC, after your mock exam ended at 2026-11-28 15:50:00 UTC; it was not counted/);
    expect(late).toMatch(/Problem 2\s+4\/20/);
    expect(late).not.toMatch(/3a: /);
    const status = await second.say("ben", "/exam status");
    expect(status).toMatch(/submitted automatically when time ran out at 2026-11-28 15:50:00 UTC/);
    expect(status).toMatch(/Problem 2\s+4\/20/);
    const sessions = await second.app.store.examSessions.submittedForUser("console", "console:ben");
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.submittedBy).toBe("deadline");
  });

  it("refuses an answer that arrives after the deadline while the session is still open", async () => {
    const clock = new TestClock(new Date("2026-11-28T14:00:00Z"));
    const d = driver(undefined, clock);
    await d.say("cy", "/exam start");
    const session = (await d.app.store.examSessions.open("console", "console:cy"))!;
    const question = d.app.services.bank.require("2b");
    await expect(d.app.services.exams.answer(session, question, { text: "z - y" }, new Date("2026-11-28T15:50:01Z"))).rejects.toThrow(
      /arrived at 2026-11-28 15:50:01 UTC, after the mock exam ended at 2026-11-28 15:50:00 UTC/,
    );
  });

  it("stores an answer sent just before /exam submit, even while it is still being graded", async () => {
    const d = driver();
    await d.say("eve", "/exam start");
    const [answered, submitted] = await Promise.all([d.say("eve", "/answer 2b z - y"), d.say("eve", "/exam submit confirm")]);
    expect(answered).toMatch(/received/);
    expect(submitted).toMatch(/Problem 2\s+4\/20/);
  });

  it("grades answers as practice again once the student has seen the automatic submission", async () => {
    const clock = new TestClock(new Date("2026-11-28T14:00:00Z"));
    const d = driver(undefined, clock);
    await d.say("fin", "/exam start");
    clock.advance(120);
    expect(await d.say("fin", "/exam status")).toMatch(/submitted automatically/);
    expect(await d.say("fin", "/answer 2b z - y")).toMatch(/2b: 4\/4/);
  });

  it("does not start a second exam while one runs", async () => {
    const d = driver();
    await d.say("dee", "/exam start");
    expect(await d.say("dee", "/exam start")).toMatch(/already running/);
  });
});
