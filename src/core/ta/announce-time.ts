import * as chrono from "chrono-node";
import { verbatim } from "../chat/reply.ts";
import { UserError } from "../errors.ts";
import { TimeZone } from "../time-zone.ts";

const UNITS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, hr: 3_600_000, d: 86_400_000, day: 86_400_000, w: 604_800_000, week: 604_800_000 };
const UNIT_OF = (word: string): number | undefined => UNITS[word.toLowerCase().replace(/(ute|our)?s?$/, "")] ?? UNITS[word.toLowerCase()];

/** Hours and minutes of `9:00`, `17:30`, `9am`, `5:30pm`; null when it is not a clock time. */
function clock(text: string): { h: number; m: number } | null {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  const half = m[3]?.toLowerCase();
  if (half) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (half === "pm" ? 12 : 0);
  }
  return h < 24 && min < 60 ? { h, m: min } : null;
}

const MAX_AHEAD_MS = 366 * 86_400_000;

/**
 * When to post an announcement, read as wall-clock time in the course's zone: `2026-12-01 09:00`
 * (also with `T` or seconds; a trailing `UTC` or `Z` reads it in UTC), `in 2h`, `in 90 minutes`,
 * `in 1h30m`, `today 17:00`, `tomorrow 9:00`, `tomorrow 9am`, and what people write in English
 * (chrono-node): `Friday 5pm`, `next Monday at 10am`, `Dec 1 9:00`, `noon tomorrow`.
 * Unparsable text and times already past are a UserError that says what is accepted.
 */
export function parseAnnounceTime(text: string, now: Date, zone: TimeZone): Date {
  const trimmed = text.trim();
  const t = trimmed.replace(/\s+(utc|z)$/i, "").replace(/(\d)z$/i, "$1");
  const at = parse(t, now, t === trimmed ? zone : new TimeZone("UTC"));
  if (!at || !Number.isFinite(at.getTime())) {
    const how = zone.name === "UTC" ? "in UTC" : `in ${zone.name} time (or end it with UTC)`;
    throw new UserError("bad-time", `I cannot read the time "${verbatim(trimmed)}". Write it ${how} as YYYY-MM-DD HH:MM (e.g. 2026-12-01 09:00), or as "in 2h", "in 30 minutes", "tomorrow 9:00", "Friday 5pm".`);
  }
  if (at.getTime() - now.getTime() > MAX_AHEAD_MS) {
    throw new UserError("time-far", `${zone.format(at)} is more than a year away; schedule announcements within the next year.`);
  }
  if (at.getTime() <= now.getTime()) {
    throw new UserError("time-past", `${zone.format(at)} has already passed (it is now ${zone.format(now)}). Give a later time, or leave out at: to post now.`);
  }
  return at;
}

function parse(t: string, now: Date, zone: TimeZone): Date | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (iso) {
    const [y, mo, d, h, mi, s] = iso.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
    // Date.UTC rolls 2026-02-30 over into March: refuse instead of posting on a day nobody meant.
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
    return zone.fromLocal(y, mo, d, h, mi, s);
  }
  const rel = /^in\s+(.+)$/i.exec(t);
  if (rel) {
    let total = 0;
    const parts = [...rel[1]!.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gi)];
    if (parts.length === 0 || parts.map((p) => p[0]).join("") !== rel[1]!.replace(/\band\b\s*/gi, "")) return null;
    for (const p of parts) {
      const unit = UNIT_OF(p[2]!);
      if (!unit) return null;
      total += Number(p[1]) * unit;
    }
    return new Date(now.getTime() + total);
  }
  const day = /^(today|tomorrow)\s+(.+)$/i.exec(t);
  if (day) {
    const c = clock(day[2]!);
    if (!c) return null;
    const plus = day[1]!.toLowerCase() === "tomorrow" ? 1 : 0;
    const today = zone.wallClock(now);
    return zone.fromLocal(today.year, today.month, today.day + plus, c.h, c.m);
  }
  return inWords(t, now, zone);
}

/**
 * A time written in English, read by chrono-node against today's date in the course's zone. The
 * whole text must be the time (no words left over), and a time of day must be given: "Friday"
 * alone is refused rather than posted at midnight.
 */
function inWords(t: string, now: Date, zone: TimeZone): Date | null {
  const [found] = chrono.parse(t, { instant: now, timezone: zone.offsetMs(now) / 60_000 }, { forwardDate: true });
  if (!found || found.index !== 0 || found.text.length !== t.length || !found.start.isCertain("hour")) return null;
  // An explicit zone in the text ("5pm PST") fixes the instant; otherwise it is the course's wall clock.
  if (found.start.isCertain("timezoneOffset")) return found.start.date();
  const get = (part: chrono.Component) => found.start.get(part) ?? 0;
  return zone.fromLocal(get("year"), get("month"), get("day"), get("hour"), get("minute"), get("second"));
}
