import { afterEach, describe, expect, it } from "vitest";
import { TestClock, useConsoleDrivers } from "../fakes/console-driver.ts";

const driver = useConsoleDrivers(afterEach);
const LA = { TUTOR_TIMEZONE: "America/Los_Angeles" };

describe("TUTOR_TIMEZONE=America/Los_Angeles", () => {
  it("shows the mock exam's times in Pacific time", async () => {
    const clock = new TestClock(new Date("2026-11-28T22:00:00Z"));
    const d = driver(undefined, clock, LA);
    expect(await d.say("ana", "/exam start")).toMatch(/it ends at 2026-11-28 15:50:00 PST\./);
    expect(await d.say("ana", "/exam status")).toMatch(/\(ends at 2026-11-28 15:50:00 PST\)/);
    clock.advance(111);
    expect(await d.say("ana", "/answer 2b z - y")).toMatch(/arrived at 2026-11-28 15:51:00 PST, after your mock exam ended at 2026-11-28 15:50:00 PST/);
  });

  it("reads announcement times as Pacific wall-clock time, or UTC when the TA says so", async () => {
    const d = driver(undefined, new TestClock(new Date("2026-11-28T22:00:00Z")), LA);
    const [tomorrow] = await d.json("tara", "/announce Review session at: tomorrow 9:00", "ta");
    expect(tomorrow).toMatchObject({ announcement: { postAt: "2026-11-29T17:00:00.000Z" } });
    expect(tomorrow!.text).toMatch(/scheduled for 2026-11-29 09:00:00 PST/);
    const [dated] = await d.json("tara", "/announce Office hours at: 2026-12-01 09:00", "ta");
    expect(dated).toMatchObject({ announcement: { postAt: "2026-12-01T17:00:00.000Z" } });
    const [utc] = await d.json("tara", "/announce Deadline at: 2026-12-01 09:00 UTC", "ta");
    expect(utc).toMatchObject({ announcement: { postAt: "2026-12-01T09:00:00.000Z" } });
    expect(await d.say("tara", "/announce list", "ta")).toMatch(/#1 2026-11-29 09:00:00 PST in #announcements: Review session/);
    expect(await d.say("tara", "/announce Soon at: next week", "ta")).toMatch(/Write it in America\/Los_Angeles time \(or end it with UTC\) as YYYY-MM-DD HH:MM/);
    expect(await d.say("tara", "/announce Late at: today 9:00", "ta")).toMatch(/2026-11-28 09:00:00 PST has already passed \(it is now 2026-11-28 14:00:00 PST\)/);
  });

  it("counts a streak in Pacific days: 22:00 one evening and noon the next day are two days", async () => {
    const clock = new TestClock(new Date("2026-11-28T06:00:00Z")); // 22:00 PST on November 27
    const pacific = driver(undefined, clock, LA);
    await pacific.say("ben", "/quiz 2b");
    expect(await pacific.say("ben", "/answer 2b z - y")).toMatch(/2b: 4\/4/);
    clock.advance(14 * 60); // 12:00 PST on November 28, the same day in UTC
    await pacific.say("ben", "/quiz 2b");
    expect(await pacific.say("ben", "/answer 2b z - y")).toMatch(/2b: 4\/4/);
    expect(await pacific.say("ben", "/progress")).toMatch(/streak 2 days/);
    await pacific.close();
    const utc = driver(pacific.dbFile, clock);
    expect(await utc.say("ben", "/progress")).toMatch(/streak 1 day\b/);
  });
});
