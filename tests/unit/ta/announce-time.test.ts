import { describe, expect, it } from "vitest";
import { parseAnnounceTime } from "../../../src/core/ta/announce-time.ts";

const now = new Date("2026-11-28T10:00:00Z");
const iso = (text: string) => parseAnnounceTime(text, now).toISOString();

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
    expect(() => iso("next friday")).toThrow(/cannot read the time "next friday".*YYYY-MM-DD HH:MM/);
    expect(() => iso("2026-02-30 09:00")).toThrow(/cannot read/);
    expect(() => iso("in 2 fortnights")).toThrow(/cannot read/);
  });
});

describe("times too far ahead", () => {
  it("refuses a time more than a year away instead of storing an impossible date", () => {
    expect(() => parseAnnounceTime("in 99999999999 weeks", now)).toThrow(/more than a year away|cannot read/);
    expect(() => parseAnnounceTime("in 400 days", now)).toThrow(/more than a year away/);
  });
});
