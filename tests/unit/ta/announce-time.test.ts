import { describe, expect, it } from "vitest";
import { parseAnnounceTime } from "../../../src/core/ta/announce-time.ts";
import { TimeZone } from "../../../src/core/time-zone.ts";
import { verbatim } from "../../../src/core/chat/reply.ts";

const now = new Date("2026-11-28T10:00:00Z");
const utc = new TimeZone("UTC");
const la = new TimeZone("America/Los_Angeles");
const iso = (text: string, zone = utc) => parseAnnounceTime(text, now, zone).toISOString();

describe("parseAnnounceTime", () => {
  it("reads UTC dates, relative times and today/tomorrow", () => {
    expect(iso("2026-12-01 09:00")).toBe("2026-12-01T09:00:00.000Z");
    expect(iso("2026-12-01T09:00:30 UTC")).toBe("2026-12-01T09:00:30.000Z");
    expect(iso("in 2h")).toBe("2026-11-28T12:00:00.000Z");
    expect(iso("in 1h30m")).toBe("2026-11-28T11:30:00.000Z");
    expect(iso("in 90 minutes")).toBe("2026-11-28T11:30:00.000Z");
    expect(iso("in 2 days")).toBe("2026-11-30T10:00:00.000Z");
    expect(iso("tomorrow 9:00")).toBe("2026-11-29T09:00:00.000Z");
    expect(iso("today 5pm")).toBe("2026-11-28T17:00:00.000Z");
  });

  it("refuses a time in the past with both times, and unreadable text with the accepted forms", () => {
    expect(() => iso("2026-11-27 09:00")).toThrow("2026-11-27 09:00:00 UTC has already passed (it is now 2026-11-28 10:00:00 UTC)");
    expect(() => iso("today 9:00")).toThrow(/already passed/);
    // A day without a time of day is refused rather than posted at midnight.
    expect(() => iso("next friday")).toThrow(new RegExp(`cannot read the time "${verbatim("next friday")}".*YYYY-MM-DD HH:MM`));
    expect(() => iso("friday 5pm or so")).toThrow(/cannot read/);
    expect(() => iso("2026-02-30 09:00")).toThrow(/cannot read/);
    expect(() => iso("in 2 fortnights")).toThrow(/cannot read/);
  });
});

describe("times written in words", () => {
  it("reads weekdays, month names and noon in the course's zone, always ahead", () => {
    // 2026-11-28 is a Saturday.
    expect(iso("Friday 5pm")).toBe("2026-12-04T17:00:00.000Z");
    expect(iso("next Monday at 10am")).toBe("2026-11-30T10:00:00.000Z");
    expect(iso("Dec 1 9:00")).toBe("2026-12-01T09:00:00.000Z");
    expect(iso("noon tomorrow")).toBe("2026-11-29T12:00:00.000Z");
    expect(iso("Friday 5pm", la)).toBe("2026-12-05T01:00:00.000Z");
    expect(iso("December 1 at 9am", la)).toBe("2026-12-01T17:00:00.000Z");
  });
});

describe("times in the course's zone", () => {
  it("reads wall-clock times in the zone, and UTC when the text says so", () => {
    // 10:00 UTC is 02:00 PST on November 28 in Los Angeles.
    expect(iso("2026-12-01 09:00", la)).toBe("2026-12-01T17:00:00.000Z");
    expect(iso("2026-12-01 09:00 UTC", la)).toBe("2026-12-01T09:00:00.000Z");
    expect(iso("2026-12-01T09:00Z", la)).toBe("2026-12-01T09:00:00.000Z");
    expect(iso("today 9:00", la)).toBe("2026-11-28T17:00:00.000Z");
    expect(iso("tomorrow 9:00", la)).toBe("2026-11-29T17:00:00.000Z");
    expect(iso("tomorrow 9:00 utc", la)).toBe("2026-11-29T09:00:00.000Z");
    expect(iso("in 2h", la)).toBe("2026-11-28T12:00:00.000Z");
    expect(iso("2027-03-14 09:00", la)).toBe("2027-03-14T16:00:00.000Z"); // daylight time by then
  });

  it("says the zone when it refuses a time", () => {
    expect(() => iso("2026-11-27 09:00", la)).toThrow("2026-11-27 09:00:00 PST has already passed (it is now 2026-11-28 02:00:00 PST)");
    expect(() => iso("next friday", la)).toThrow(/Write it in America\/Los_Angeles time \(or end it with UTC\) as YYYY-MM-DD HH:MM/);
  });
});

describe("times too far ahead", () => {
  it("refuses a time more than a year away instead of storing an impossible date", () => {
    expect(() => parseAnnounceTime("in 99999999999 weeks", now, utc)).toThrow(/more than a year away|cannot read/);
    expect(() => parseAnnounceTime("in 400 days", now, utc)).toThrow(/more than a year away/);
  });
});
