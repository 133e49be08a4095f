import { afterEach, describe, expect, it } from "vitest";
import { replyToText } from "../../src/adapters/console/console-renderer.ts";
import { TestClock, useConsoleDrivers } from "../fakes/console-driver.ts";

const driver = useConsoleDrivers(afterEach);

describe("practice in the console chat", () => {
  it("serves a question, grades an answer with score/max and rubric items, and counts it in progress", async () => {
    const d = driver();
    expect(await d.say("ana", "/enroll C247")).toMatch(/enrolled in C247/);
    const question = await d.say("ana", "/quiz 3a");
    expect(question).toMatch(/Question 3a.*5 points/);
    expect(question).toMatch(/Regularization is helpful/);
    expect(question).toMatch(/\[1\] True/);
    const graded = await d.say("ana", "/answer 3a false, because regularization improves generalization to the test set");
    expect(graded).toMatch(/3a: 5\/5/);
    expect(graded).toMatch(/Reference solution/);
    const [progress] = await d.json("ana", "/progress");
    const questions = (progress!.progress as { questions: { question: string; best: number; attempts: number }[] }).questions;
    expect(questions.find((q) => q.question === "3a")).toMatchObject({ best: 5, attempts: 1 });
  });

  it("shows a deduction as what it took away, and one that was not made not at all", async () => {
    const d = driver();
    await d.say("ana", "/quiz 1d-i");
    const wrong = await d.say("ana", "/answer 1d-i underfitting, because the model is too simple");
    expect(wrong).toMatch(/^− 2 Calls the problem underfitting/m);
    expect(wrong).not.toMatch(/✓ Calls the problem underfitting|\(0\/-2\)|deduction\)/);
    const right = await d.say("ana", "/answer 1d-i overfitting: the training data is not enough");
    expect(right).not.toMatch(/Calls the problem underfitting/);
  });

  it("lists the sections for a bare /enroll, and keeps student IDs to the course's pattern and one student each", async () => {
    const d = driver();
    const bare = await d.say("ana", "/enroll");
    expect(bare).toMatch(/Choose your section of ECE C147\/C247: C147 or C247/);
    expect(bare).toMatch(/\[1\] C147\s+\[2\] C247/);
    expect(await d.say("ana", "2")).toMatch(/You are enrolled in C247/);
    expect(await d.say("ana", "/enroll C247 sid: 12")).toMatch(/"12" is not a student ID of this course: it is nine digits/);
    expect(await d.say("ana", "/enroll C247 sid: 905123456")).toMatch(/with student ID 905123456/);
    expect(await d.say("ben", "/enroll C147 sid: 905123456")).toMatch(/Student ID 905123456 is already someone else's in this course/);
    expect(await d.say("ana", "/enroll C147 sid: 905123456")).toMatch(/enrolled in C147 .* with student ID 905123456/);

    const other = driver(undefined, undefined, { TUTOR_SID_PATTERN: "[A-Z]{2}\\d{4}" });
    expect(await other.say("cy", "/enroll C147 sid: AB1234")).toMatch(/with student ID AB1234/);
    expect(await other.say("cy", "/enroll C147 sid: AB12345")).toMatch(/as the course writes them/);
  });

  it("says when a question comes back and why; a look at the solution first makes the next answer an \"Again\"", async () => {
    const d = driver();
    await d.say("ana", "/quiz 2b");
    expect(await d.say("ana", "/answer 2b z - y")).toMatch(/Comes back for review 2026-11-\d\d \d\d:\d\d:\d\d UTC \(rated Good: full marks\)\./);
    await d.say("ana", "/quiz 4b-ii");
    expect(await d.say("ana", "/solution 4b-ii")).toMatch(/Your next answer to 4b-ii counts as a review you did not know yet/);
    expect(await d.say("ana", "/answer 4b-ii depth: 16; parameters: 4608")).toMatch(/4b-ii: 5\/5[\s\S]*\(rated Again: you looked at the solution before answering\)/);
    // Only the next answer: the one after is rated on its own.
    expect(await d.say("ana", "/answer 4b-ii depth: 16; parameters: 4608")).toMatch(/\(rated Good: full marks\)/);
    expect(await d.say("ana", "/progress")).toMatch(/Next reviews: (2b|4b-ii) 2026-11-\d\d [\d:]+ UTC; (2b|4b-ii) 2026/);
  });

  it("limits a student to TUTOR_ANSWER_LIMIT answers a minute, with when to send again, and stores nothing refused", async () => {
    const clock = new TestClock();
    const d = driver(undefined, clock, { TUTOR_ANSWER_LIMIT: "3" });
    await d.say("ana", "/quiz 2b");
    for (let i = 0; i < 3; i++) expect(await d.say("ana", "/answer 2b z - y")).toMatch(/2b: 4\/4/);
    expect(await d.say("ana", "/answer 2b z - y")).toBe("That is 3 answers in the last 60 seconds; take a breath and send this one again in 60 s. Nothing was stored.");
    // Others are not held back, and a minute later she may answer again.
    await d.say("ben", "/quiz 2b");
    expect(await d.say("ben", "/answer 2b z - y")).toMatch(/2b: 4\/4/);
    clock.advance(1);
    expect(await d.say("ana", "/answer 2b z - y")).toMatch(/2b: 4\/4/);
    expect((await d.app.store.attempts.forUser("console", "console:ana")).length).toBe(4);
  });

  it("serves a topic typed where the question id goes", async () => {
    const d = driver();
    const topic = d.app.services.bank.topics()[0]!;
    const first = d.app.services.bank.byTopic(topic)[0]!;
    expect(await d.say("ana", `/quiz ${topic}`)).toMatch(new RegExp(`Question ${first.id} `));
    expect(await d.say("ana", "/quiz nosuchthing")).toMatch(/no question "nosuchthing"|not a question/i);
  });

  it("keeps progress across a restart on the same SQLite file", async () => {
    const first = driver();
    await first.say("ben", "/quiz 2b");
    expect(await first.say("ben", "/answer 2b z - y")).toMatch(/2b: 4\/4/);
    await first.close();
    const second = driver(first.dbFile);
    expect(await second.say("ben", "/progress")).toMatch(/2b\s+4\/4 1 try/);
  });

  it("answers True/False through the buttons and the justification form", async () => {
    const d = driver();
    await d.say("cy", "/quiz 3c");
    expect(await d.say("cy", "1")).toMatch(/Why\?/);
    const graded = await d.say("cy", "the accumulated squared gradient history only grows, so the effective learning rate never increases");
    expect(graded).toMatch(/3c: 5\/5/);
  });

  it("serves what is due first, then unseen questions, then the weakest", async () => {
    const clock = new TestClock();
    const d = driver(undefined, clock);
    const first = await d.json("dee", "/quiz");
    expect((first[0]!.question as { id: string }).id).toBe("1a");
    await d.say("dee", "/answer 1a no idea");
    const second = await d.json("dee", "/quiz");
    expect((second[0]!.question as { id: string }).id).toBe("1b");
    clock.advance(60 * 24);
    const due = await d.json("dee", "/quiz");
    expect(due[0]!.text).toMatch(/Due for review/);
    expect((due[0]!.question as { id: string }).id).toBe("1a");
  });

  it("gives a clear message for bad input and loses nothing", async () => {
    const d = driver();
    expect(await d.say("eve", "/quiz 9z")).toMatch(/There is no question "9z". Questions: 1a, 1b/);
    await d.say("eve", "/quiz 2b");
    expect(await d.say("eve", "/answer 2b z - y")).toMatch(/2b: 4\/4/);
    expect(await d.say("eve", "/answer 2b")).toMatch(/needs answer/);
    expect(await d.say("eve", '/answer 2b ""')).toMatch(/needs answer|empty/);
    expect(await d.say("eve", `/answer 2b ${"z".repeat(10_000)}`)).toMatch(/10,000 characters; the limit is 4,000/);
    expect(await d.say("eve", "/answer 4a-ii 2mn+ml+m+l")).toMatch(/not been given question 4a-ii/);
    expect(await d.say("eve", "/answer 2b q + z")).toMatch(/q/);
    expect(await d.say("eve", "hello")).toMatch(/Commands start with a slash/);
    expect(await d.say("eve", "/frobnicate")).toMatch(/no \/frobnicate command/);
    const attempts = await d.app.store.attempts.forUser("console", "console:eve");
    expect(attempts.map((a) => a.answer)).toEqual(["z - y", "q + z"]);
  });

  it("answers a delivery seen twice once, and stores it once", async () => {
    const d = driver();
    await d.say("fay", "/quiz 2b");
    const input = {
      interactionId: "delivery-1", course: "console", user: { id: "console:fay", name: "fay" }, roles: ["student" as const],
      command: "answer", options: { question: "2b", answer: "z - y" }, attachments: [], now: new Date(),
    };
    const [a, b] = await Promise.all([d.app.dispatcher.dispatch(input), d.app.dispatcher.dispatch(input)]);
    const c = await d.app.dispatcher.dispatch(input);
    expect(replyToText(a)).toMatch(/4\/4/);
    expect(b).toEqual(a);
    expect(replyToText(c)).toEqual(replyToText(a));
    expect(await d.app.store.attempts.forUser("console", "console:fay")).toHaveLength(1);
  });

  it("answers a repeated delivery of a reply with attachments with its text, never a broken image", async () => {
    const d = driver();
    await d.app.store.ta.assessments.replace("console", "quiz1", [{ student: "s1", name: "S1", section: "C247", score: 90 }], new Date());
    const input = {
      interactionId: "delivery-2", course: "console", user: { id: "console:tara", name: "tara" }, roles: ["ta" as const],
      command: "stats", options: { assessment: "quiz1" }, attachments: [], now: new Date(),
    };
    const first = await d.app.dispatcher.dispatch(input);
    expect(first.images?.[0]?.png.length).toBeGreaterThan(0);
    const again = await d.app.dispatcher.dispatch(input);
    expect(again.images).toBeUndefined();
    expect(replyToText(again)).toMatch(/Attachments were sent with the first reply: Histogram/);
  });
});
