import { afterEach, describe, expect, it } from "vitest";
import { textReply } from "../../src/core/chat/reply.ts";
import { type ConsoleDriver, TestClock, useConsoleDrivers } from "../fakes/console-driver.ts";
import { RecordingAdapter } from "../fakes/recording-adapter.ts";
import { runTutorInProcess } from "../fakes/run-tutor.ts";

const driver = useConsoleDrivers(afterEach);

describe("TA access", () => {
  it("refuses every TA command to a student with a clear private message", async () => {
    const d = driver();
    for (const line of ["/announce Exam moved", "/stats", "/review", "/regrades", "/export"]) {
      const [reply] = await d.json("sam", line, "student");
      expect(reply!.ephemeral).toBe(true);
      expect(reply!.text).toMatch(/is for the course staff \(TAs\)/);
      expect(Object.keys(reply!).sort()).toEqual(["ephemeral", "error", "text"]);
    }
    expect(await d.app.store.ta.announcements.pending("console")).toEqual([]);
  });

  it("lets a TA recorded with `tutor roles set` use TA commands from a student console", async () => {
    const d = driver();
    await d.close();
    const set = await runTutorInProcess(["roles", "set", "rita", "ta", "--db", d.dbFile]);
    expect(set.stdout).toMatch(/console:rita is now a TA in console/);
    const again = driver(d.dbFile);
    expect(await again.say("rita", "/stats", "student")).toMatch(/Midterm statistics/);
  });
});

describe("/announce", () => {
  it("posts now in the channel, or as a delivery to the channel named, Markdown kept", async () => {
    const d = driver();
    const [now] = await d.replies("tara", "/announce **Midterm review** Friday 5pm in Boelter", "ta");
    expect(now).toMatchObject({ visibility: "public", blocks: [{ kind: "text", text: "**Midterm review** Friday 5pm in Boelter" }] });
    expect(await d.say("tara", "/announce **Midterm review** Friday 5pm in Boelter", "ta")).toBe("Midterm review Friday 5pm in Boelter");
    const [elsewhere] = await d.replies("tara", "/announce Office hours moved channel: general", "ta");
    expect(elsewhere!.visibility).toBe("private");
    expect(elsewhere!.deliveries).toEqual([{ to: { channel: "general" }, reply: textReply("Office hours moved") }]);
    const [json] = await d.json("tara", "/announce Office hours moved again channel: general", "ta");
    expect(json).toMatchObject({ ephemeral: true, text: "Posted in #general.", deliveries: [{ to: { channel: "general" }, ephemeral: false, text: "Office hours moved again" }] });
  });

  it("schedules, lists, edits and cancels; refuses past and unreadable times", async () => {
    const d = driver();
    expect(await d.say("tara", "/announce Review at: 2026-12-01 09:00 channel: announcements", "ta")).toMatch(/#1 is scheduled for 2026-12-01 09:00:00 UTC in #announcements/);
    await d.say("tara", "/announce Second at: in 2h", "ta");
    expect(await d.say("tara", "/announce edit 1 Review moved to Boelter 3400", "ta")).toMatch(/#1 will be posted at 2026-12-01 09:00:00 UTC in #announcements:\nReview moved to Boelter 3400/);
    const list = await d.say("tara", "/announce list", "ta");
    expect(list).toMatch(/#2 2026-11-28 12:00:00 UTC in #announcements: Second\n#1 2026-12-01 09:00:00 UTC in #announcements: Review moved/);
    expect(await d.say("tara", "2", "ta")).toMatch(/Announcement #1 .* is cancelled/); // the second button: "Cancel #1"
    expect(await d.say("tara", "/announce cancel 1", "ta")).toMatch(/already posted or cancelled/);
    expect(await d.say("tara", "/announce Late at: 2026-11-27 09:00", "ta")).toMatch(/2026-11-27 09:00:00 UTC has already passed \(it is now 2026-11-28 10:00:00 UTC\)/);
    expect(await d.say("tara", "/announce Soon at: next week", "ta")).toMatch(/cannot read the time "next week".*UTC/);
  });

  it("delivers a scheduled announcement once, also after a restart", async () => {
    const clock = new TestClock(new Date("2026-11-28T10:00:00Z"));
    const posted = new RecordingAdapter("console");
    const sweep = async (d: ConsoleDriver) => {
      d.app.timedWork.attach(posted);
      await d.app.timedWork.sweep(clock.read());
      return posted.delivered.map(({ course, to, reply }) => ({ course, to, reply }));
    };
    const first = driver(undefined, clock);
    await first.say("tara", "/announce Midterm review **Friday** at: tomorrow 9:00 channel: announcements", "ta");
    expect(await sweep(first)).toEqual([]);
    await first.close();

    clock.advance(24 * 60);
    const second = driver(first.dbFile, clock);
    const once = [{ course: "console", to: { channel: "announcements" }, reply: textReply("Midterm review **Friday**") }];
    expect(await sweep(second)).toEqual(once);
    expect(await sweep(second)).toEqual(once);
    await second.close();

    const third = driver(first.dbFile, clock);
    clock.advance(60);
    expect(await sweep(third)).toEqual(once);
    expect(await third.say("tara", "/announce list", "ta")).toMatch(/No announcement is scheduled/);
  });

  it("is posted by the console chat's sweeper when it starts after the time passed", async () => {
    const clock = new TestClock(new Date(Date.now() - 10 * 60_000));
    const d = driver(undefined, clock);
    await d.say("tara", "/announce Quiz **tonight** at: in 5m", "ta");
    await d.close();
    const run = await runTutorInProcess(["chat", "--user", "sam", "--db", d.dbFile], "");
    expect(run.stdout).toContain("→ to #announcements:\nQuiz tonight");
    const rerun = await runTutorInProcess(["chat", "--user", "sam", "--db", d.dbFile], "");
    expect(rerun.stdout).not.toContain("Quiz");
  });
});
