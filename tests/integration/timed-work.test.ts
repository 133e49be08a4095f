import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { ConsoleAdapter } from "../../src/adapters/console/console-adapter.ts";
import type { App } from "../../src/app.ts";
import type { Role } from "../../src/core/chat/command-input.ts";
import { type ConsoleDriver, TestClock, useConsoleDrivers } from "../fakes/console-driver.ts";
import { RecordingAdapter } from "../fakes/recording-adapter.ts";

const driver = useConsoleDrivers(afterEach);

/** A console adapter for one user, printing JSON lines into a buffer the test reads. */
function consoleOf(app: App, user: string, clock: TestClock) {
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const adapter = new ConsoleAdapter(app.dispatcher, { user, role: "student", json: true, input: new PassThrough(), output, interactive: false, clock: clock.read });
  app.timedWork.attach(adapter);
  return { adapter, lines: () => printed.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { text: string; ephemeral: boolean; delivery?: { to: string } }) };
}

/** A command typed on the recording adapter's course, as its platform would hand it over. */
function onTestCourse(d: ConsoleDriver, user: string, line: string, role: Role = "student") {
  return d.app.dispatcher.dispatch({ course: "test", user: { id: `test:${user}`, name: user }, roles: [role], attachments: [], now: d.clock.read(), line });
}

describe("timed work across adapters", () => {
  it("delivers a scheduled announcement and an automatic exam submission to each course's own adapter, once", async () => {
    const d = driver(undefined, new TestClock(new Date("2026-11-28T10:00:00Z")));
    const ana = consoleOf(d.app, "ana", d.clock);
    const other = new RecordingAdapter("test");
    d.app.timedWork.attach(other);

    expect(await d.say("tara", "/announce Review session at 5pm at: 2026-11-28 10:30", "ta")).toMatch(/scheduled/);
    expect((await onTestCourse(d, "zoe", "/announce Quiz tonight at: 2026-11-28 10:30", "ta")).visibility).toBe("private");
    await d.say("ana", "/exam start");
    await onTestCourse(d, "bob", "/exam start");

    await d.app.timedWork.sweep(d.clock.read());
    expect(ana.lines()).toEqual([]);
    expect(other.delivered).toEqual([]);

    d.clock.advance(111);
    await d.app.timedWork.sweep(d.clock.read());
    await d.app.timedWork.sweep(d.clock.read());

    const printed = ana.lines();
    expect(printed.map((l) => l.delivery?.to)).toEqual(["#announcements", "console:ana"]);
    expect(printed[0]!.text).toMatch(/Review session at 5pm/);
    expect(printed[0]!.ephemeral).toBe(false);
    expect(printed[1]!.text).toMatch(/Time ran out at 2026-11-28 11:50:00 UTC; your mock exam was submitted automatically/);
    expect(printed[1]!.text).toMatch(/Total\s+0\/100/);

    expect(other.delivered.map((x) => [x.course, x.to])).toEqual([["test", { channel: "announcements" }], ["test", { user: "test:bob" }]]);
    // The report was delivered: the student's next answer is practice, and /exam status shows the report.
    expect(await d.say("ana", "/exam status")).toMatch(/submitted automatically when time ran out/);
  });

  it("reaches the student's own console when another process submitted the exam", async () => {
    const clock = new TestClock(new Date("2026-11-28T10:00:00Z"));
    const a = driver(undefined, clock);
    const b = driver(a.dbFile, clock);
    const ana = consoleOf(a.app, "ana", clock);
    const cy = consoleOf(b.app, "cy", clock);
    await a.say("ana", "/exam start");
    clock.advance(120);

    await b.app.timedWork.sweep(clock.read());
    expect(cy.lines()).toEqual([]);
    await a.app.timedWork.sweep(clock.read());
    await b.app.timedWork.sweep(clock.read());
    expect(ana.lines().map((l) => l.delivery?.to)).toEqual(["console:ana"]);
    expect(ana.lines()[0]!.text).toMatch(/submitted automatically/);
    expect(await a.app.store.examSessions.submittedForUser("console", "console:ana")).toHaveLength(1);
  });

  it("counts a deadline report as seen only once it reached the student: a late answer before that is refused with it", async () => {
    const clock = new TestClock(new Date("2026-11-28T10:00:00Z"));
    const d = driver(undefined, clock);
    await d.say("ben", "/exam start");
    clock.advance(111);
    // Submitted by a sweep with no adapter of ben's attached (his console is closed).
    await d.app.timedWork.sweep(clock.read());
    const late = await d.say("ben", "/answer 2b z - y");
    expect(late).toMatch(/after your mock exam ended at 2026-11-28 11:50:00 UTC; it was not counted/);
    expect(late).not.toMatch(/2b: 4\/4/);
    // He has seen it now: his console, opened later, does not print it again.
    const ben = consoleOf(d.app, "ben", clock);
    await d.app.timedWork.sweep(clock.read());
    expect(ben.lines()).toEqual([]);
  });

  it("reminds a student once, ten minutes before the end", async () => {
    const d = driver(undefined, new TestClock(new Date("2026-11-28T10:00:00Z")));
    const ana = consoleOf(d.app, "ana", d.clock);
    await d.say("ana", "/exam start");
    d.clock.advance(99);
    await d.app.timedWork.sweep(d.clock.read());
    expect(ana.lines()).toEqual([]);
    d.clock.advance(2);
    await d.app.timedWork.sweep(d.clock.read());
    await d.app.timedWork.sweep(d.clock.read());
    expect(ana.lines().map((l) => l.text)).toEqual([expect.stringMatching(/^9 minutes left in your mock midterm: it ends at 2026-11-28 11:50:00 UTC/)]);
  });

  it("keeps a delivery the platform refused and delivers it on a later sweep", async () => {
    const d = driver(undefined, new TestClock(new Date("2026-11-28T10:00:00Z")));
    const other = new RecordingAdapter("test");
    d.app.timedWork.attach(other);
    await onTestCourse(d, "zoe", "/announce Quiz tonight at: 2026-11-28 10:30", "ta");
    d.clock.advance(31);
    other.failing = true;
    await d.app.timedWork.sweep(d.clock.read());
    expect(other.delivered).toEqual([]);
    other.failing = false;
    await d.app.timedWork.sweep(d.clock.read());
    await d.app.timedWork.sweep(d.clock.read());
    expect(other.delivered).toHaveLength(1);
  });

  it("sends a reply's messages for others through the outbox at once, and keeps them when the platform refuses", async () => {
    const d = driver();
    const platform = new RecordingAdapter("test");
    d.app.timedWork.attach(platform);
    const say = (user: string, line: string, role: Role = "student") =>
      d.app.dispatcher.dispatch({ course: "test", user: { id: `test:${user}`, name: user }, roles: [role], attachments: [], now: d.clock.read(), line }, { outbox: true });

    platform.failing = true;
    const posted = await say("tara", "/announce Quiz moved to Friday channel: general", "ta");
    expect(posted.deliveries).toBeUndefined();
    await d.app.timedWork.flush();
    expect(platform.delivered).toEqual([]);

    platform.failing = false;
    await d.app.timedWork.flush();
    expect(platform.delivered).toMatchObject([{ course: "test", to: { channel: "general" } }]);
    await d.app.timedWork.flush();
    expect(platform.delivered).toHaveLength(1);
  });
});
