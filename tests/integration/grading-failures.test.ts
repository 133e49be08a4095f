import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { ConsoleDriver } from "../fakes/console-driver.ts";
import { RecordingAdapter } from "../fakes/recording-adapter.ts";
import { TroubledPool } from "../fakes/troubled-pool.ts";
import { replyToText } from "../../src/adapters/console/console-renderer.ts";

/**
 * Grading never fails silently: a timeout, a crashed worker or a grader bug stores the answer as
 * waiting for a TA, tells the student so with a reference (and nothing of the error), logs the
 * error once, and grades the answer again once the pool is free.
 */

const RIGHT = "(1(W_1 x) ⊙ (W3ᵀ dL/dz)) xᵀ";
// The pool's own time limit ends a hung job (see TroubledPool on choosing it).
const troubled = new TroubledPool({ size: 1, timeoutMs: 1000 });
afterAll(() => troubled.close());

let open: ConsoleDriver[] = [];
afterEach(async () => {
  troubled.free();
  await Promise.all(open.map((d) => d.close()));
  open = [];
});

function driver(dbFile?: string) {
  const logs: string[] = [];
  const d = new ConsoleDriver(dbFile, undefined, {}, { pool: troubled.pool, log: (line) => logs.push(line) });
  open.push(d);
  return { d, logs };
}

const latest = async (d: ConsoleDriver, user: string) => (await d.app.store.attempts.forUser("console", `console:${user}`)).at(-1)!;
const referenceIn = (text: string) => /reference ([a-z0-9]+)/.exec(text)?.[1] ?? "(none)";
// Until the retry's grade is stored: a poll, not a clock; it ends as soon as the retry has run.
const eventually = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 20_000, interval: 20 });

describe("a grading that cannot finish", () => {
  it("waits for a TA with a reference instead of scoring 0, and takes the retry's grade when the pool frees up", async () => {
    const { d, logs } = driver();
    await d.say("ana", "/quiz 2c-i");
    troubled.hangNext(1, { thenBusy: true });
    const shown = await d.say("ana", `/answer 2c-i ${RIGHT}`);

    expect(shown).toMatch(/2c-i: 0\/6/);
    expect(shown).toMatch(/Automatic grading failed \(timeout\) — reference [a-z0-9]+\./);
    expect(shown).toMatch(/a TA will check it/);
    expect(shown).toMatch(/A TA will review this answer; the score above is provisional/);
    expect(shown).not.toMatch(/no answer within|Error|\n\s+at |took too long to evaluate/);
    const reference = referenceIn(shown);
    expect(await latest(d, "ana")).toMatchObject({ score: 0, needsReview: true, reviewedBy: null });
    expect(logs).toEqual([expect.stringMatching(new RegExp(`^\\[grading ${reference}\\] 2c-i by console:ana in console: automatic grading failed \\(timeout\\).*no answer within 1000 ms`))]);

    expect(await d.say("ana", "/progress")).toMatch(/2c-i .*\(TA review pending\)/);
    const review = await d.say("tara", "/review", "ta");
    expect(review).toMatch(/answer #\d+ to 2c-i/);
    expect(review).toMatch(new RegExp(`Automatic grading failed \\(timeout\\) — reference ${reference}`));

    troubled.free();
    await eventually(async () => expect(await latest(d, "ana")).toMatchObject({ score: 6, needsReview: false, reviewedBy: null }));
    expect((await latest(d, "ana")).feedback).toEqual([`Graded automatically on a second try, after automatic grading failed (reference ${reference}).`]);
    expect(logs.slice(1)).toEqual([`[grading ${reference}] answer #${(await latest(d, "ana")).id} (2c-i) graded on retry: 6/6.`]);
    expect(await d.say("ana", "/progress")).not.toMatch(/review pending/);
    expect(await d.app.store.schedules.get("console", "console:ana", "2c-i")).not.toBeNull();
    expect(await d.say("tara", "/review", "ta")).toMatch(/Nothing waits for review/);
    // The student is told, through timed work, wherever their console runs.
    const told = new RecordingAdapter("console");
    d.app.timedWork.attach(told);
    await d.app.timedWork.sweep(d.clock.read());
    expect(told.delivered.map((x) => [x.to, replyToText(x.reply)])).toEqual([
      [{ user: "console:ana" }, `Your answer to 2c-i (reference ${reference}) was graded on a second try: 6/6. See /progress.`],
    ]);
  });

  it("keeps an exam answer in the review queue when its retry fails too; the report says it is pending", async () => {
    const { d, logs } = driver();
    await d.say("ben", "/exam start");
    troubled.crashNext(2);
    const received = await d.say("ben", `/answer 2c-i ${RIGHT}`);
    expect(received).toMatch(/Answer to 2c-i received .*Automatic grading failed \(grader crashed\) — reference [a-z0-9]+\. A TA will grade it/);
    expect(received).not.toMatch(/0\/6/);
    expect(await latest(d, "ben")).toMatchObject({ mode: "exam", score: 0, needsReview: true });
    await eventually(() => expect(logs).toHaveLength(2));
    expect(logs[1]).toMatch(/retry of answer #\d+ \(2c-i\) failed again \(crash\); it stays in the review queue/);

    expect(await d.say("ben", "/exam submit confirm")).toMatch(/pending TA review: 2c-i/);
    expect(await d.say("tara", "/review", "ta")).toMatch(/answer #\d+ to 2c-i[\s\S]*Automatic grading failed \(grader crashed\) — reference/);
  });

  it("treats a grader that throws like any failure: the student sees a reference, never the error, and the log has the stack", async () => {
    const { d, logs } = driver();
    await d.say("cy", "/quiz 2c-i");
    troubled.breakNext(1);
    const shown = await d.say("cy", `/answer 2c-i ${RIGHT}`);
    expect(shown).toMatch(/Automatic grading failed \(internal error\) — reference [a-z0-9]+/);
    expect(shown).not.toMatch(/TypeError|Something went wrong|\n\s+at /);
    expect(logs[0]).toMatch(/automatic grading failed \(internal\)[\s\S]*TypeError[\s\S]*\n\s+at /);
    await eventually(async () => expect(await latest(d, "cy")).toMatchObject({ score: 6, needsReview: false }));
  });

  it("lets a TA's grade stand over a retry, and never retries after the app closes, losing nothing", async () => {
    const first = driver();
    await first.d.say("dee", "/quiz 2c-i");
    troubled.hangNext(1, { thenBusy: true });
    await first.d.say("dee", `/answer 2c-i ${RIGHT}`);
    const graded = await latest(first.d, "dee");
    expect(await first.d.say("tara", `/review ${graded.id} 5 checked by hand`, "ta")).toMatch(/graded 5\/6/);
    troubled.free();
    await eventually(() => expect(first.logs.at(-1)).toMatch(/graded by a TA first; the TA's grade stands/));
    expect(await latest(first.d, "dee")).toMatchObject({ score: 5, reviewedBy: "console:tara" });

    await first.d.say("eve", "/quiz 2c-i");
    troubled.hangNext(1, { thenBusy: true });
    await first.d.say("eve", `/answer 2c-i ${RIGHT}`);
    await first.d.close();
    troubled.free();
    // The retry's job ran in the shared pool; with the app closed, its grade must go nowhere.
    expect(await troubled.pool.whenIdle()).toBe(true);
    const restarted = driver(first.d.dbFile);
    expect(await latest(restarted.d, "eve")).toMatchObject({ score: 0, needsReview: true });
    expect(await restarted.d.say("tara", "/review", "ta")).toMatch(/answer #\d+ to 2c-i .* by eve/);
    expect(first.logs.join("\n")).not.toMatch(/graded on retry/);
  });
});

describe("the deadline and an answer still being graded", () => {
  it("waits for an answer sent before the deadline before submitting the exam by its deadline", async () => {
    const { d } = driver();
    const clock = d.clock;
    await d.say("dee", "/exam start");
    clock.advance(109);
    troubled.hangNext(1);
    const answering = d.say("dee", `/answer 2c-i ${RIGHT}`);
    clock.advance(1.5);
    // A sweep just after the deadline, while the answer is still being graded (the worker hangs until its time limit).
    await d.app.timedWork.sweep(clock.read());
    expect(await answering).toMatch(/Answer to 2c-i received/);
    expect(await d.app.store.examSessions.submittedForUser("console", "console:dee")).toEqual([]);
    clock.advance(1);
    await d.app.timedWork.sweep(clock.read());
    const sessions = await d.app.store.examSessions.submittedForUser("console", "console:dee");
    expect(sessions.map((s) => s.submittedBy)).toEqual(["deadline"]);
    expect((await d.app.store.attempts.forSession(sessions[0]!.id)).map((a) => a.question)).toEqual(["2c-i"]);
  });
});
