import { describe, expect, it } from "vitest";
import { TimeZone } from "../../../src/core/time-zone.ts";

const la = new TimeZone("America/Los_Angeles");
const utc = new TimeZone("UTC");
const iso = (d: Date) => d.toISOString();

describe("TimeZone", () => {
  it("refuses a name Intl does not know, and names UTC canonically", () => {
    expect(() => new TimeZone("Mars/Olympus_Mons")).toThrow(RangeError);
    expect(new TimeZone("utc").name).toBe("UTC");
    expect(new TimeZone("Etc/UTC").name).toBe("UTC");
    expect(la.name).toBe("America/Los_Angeles");
  });

  it("shows UTC as before, and a local zone with its abbreviation, standard or daylight", () => {
    expect(utc.format(new Date("2026-11-28T15:50:00Z"))).toBe("2026-11-28 15:50:00 UTC");
    expect(la.format(new Date("2026-11-28T15:50:00Z"))).toBe("2026-11-28 07:50:00 PST");
    expect(la.format(new Date("2026-07-04T03:05:09Z"))).toBe("2026-07-03 20:05:09 PDT");
    expect(la.format(new Date("2026-11-29T07:59:59Z"))).toBe("2026-11-28 23:59:59 PST");
    expect(la.formatDate(new Date("2026-11-29T07:59:59Z"))).toBe("2026-11-28");
    expect(new TimeZone("Asia/Kolkata").format(new Date("2026-11-28T18:30:00Z"))).toBe("2026-11-29 00:00:00 GMT+5:30");
  });

  it("numbers local calendar days, so a streak follows the course's midnight", () => {
    const day = (text: string) => la.dayNumber(new Date(text));
    expect(utc.dayNumber(new Date("2026-11-28T23:59:59Z"))).toBe(Date.UTC(2026, 10, 28) / 86_400_000);
    expect(day("2026-11-29T07:59:59Z")).toBe(Date.UTC(2026, 10, 28) / 86_400_000); // 23:59 PST on the 28th
    expect(day("2026-11-29T08:00:00Z")).toBe(Date.UTC(2026, 10, 29) / 86_400_000);
    // The day clocks go back (2026-11-01) has 25 hours: both of its ends stay on it.
    expect(day("2026-11-01T07:00:00Z")).toBe(Date.UTC(2026, 10, 1) / 86_400_000); // 00:00 PDT
    expect(day("2026-11-02T07:59:59Z")).toBe(Date.UTC(2026, 10, 1) / 86_400_000); // 23:59:59 PST
    expect(day("2026-11-02T08:00:00Z")).toBe(Date.UTC(2026, 10, 2) / 86_400_000);
    const kolkata = new TimeZone("Asia/Kolkata");
    expect(kolkata.dayNumber(new Date("2026-11-28T18:29:59Z"))).toBe(Date.UTC(2026, 10, 28) / 86_400_000);
    expect(kolkata.dayNumber(new Date("2026-11-28T18:30:00Z"))).toBe(Date.UTC(2026, 10, 29) / 86_400_000);
  });

  it("reads a wall-clock time back as the instant, on either side of a change of offset", () => {
    expect(iso(utc.fromLocal(2026, 11, 29, 9, 0))).toBe("2026-11-29T09:00:00.000Z");
    expect(iso(la.fromLocal(2026, 11, 29, 9, 0))).toBe("2026-11-29T17:00:00.000Z");
    expect(iso(la.fromLocal(2026, 7, 4, 9, 0, 30))).toBe("2026-07-04T16:00:30.000Z");
    // Clocks go forward at 2:00 on 2026-03-08: 1:59 is PST, 3:00 PDT, and the skipped 2:30 moves on to 3:30 PDT.
    expect(iso(la.fromLocal(2026, 3, 8, 1, 59))).toBe("2026-03-08T09:59:00.000Z");
    expect(iso(la.fromLocal(2026, 3, 8, 3, 0))).toBe("2026-03-08T10:00:00.000Z");
    expect(iso(la.fromLocal(2026, 3, 8, 2, 30))).toBe("2026-03-08T10:30:00.000Z");
    // Clocks go back at 2:00 on 2026-11-01: 1:30 happens twice; the first (PDT) is meant.
    expect(iso(la.fromLocal(2026, 11, 1, 1, 30))).toBe("2026-11-01T08:30:00.000Z");
    expect(iso(la.fromLocal(2026, 11, 1, 2, 30))).toBe("2026-11-01T10:30:00.000Z");
    // East of UTC the repeated hour comes first too (Berlin, 2026-10-25 02:30 CEST).
    expect(iso(new TimeZone("Europe/Berlin").fromLocal(2026, 10, 25, 2, 30))).toBe("2026-10-25T00:30:00.000Z");
    // Days roll over like Date.UTC: "tomorrow" of November 30 is December 1.
    expect(iso(la.fromLocal(2026, 11, 31, 9, 0))).toBe("2026-12-01T17:00:00.000Z");
  });

  it("round-trips every hour of a year through the wall clock and fromLocal", () => {
    const differ: string[] = [];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      const w = la.wallClock(new Date(t));
      if (la.fromLocal(w.year, w.month, w.day, w.hour, w.minute, w.second).getTime() !== t) differ.push(iso(new Date(t)));
    }
    // Only the second 1:00-2:00 of November 1 (PST) reads back as its first occurrence (PDT).
    expect(differ).toEqual(["2026-11-01T09:00:00.000Z"]);
  });
});
