const DAY = 86_400_000;

/** A wall-clock reading: month 1-12, hour 0-23. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * The course's time zone (an IANA name such as `America/Los_Angeles`): shows instants as local
 * wall-clock time and reads local times back as instants, across daylight-saving changes.
 * Example: `new TimeZone("America/Los_Angeles").format(new Date("2026-11-28T15:50:00Z"))` is
 * `2026-11-28 07:50:00 PST`.
 */
export class TimeZone {
  /** The canonical IANA name (`utc` and `Etc/UTC` become `UTC`). */
  readonly name: string;
  private readonly isUtc: boolean;
  private readonly clock: Intl.DateTimeFormat;
  private readonly label: Intl.DateTimeFormat;
  /** Offsets at both ends of each UTC day seen: a streak maps ~1,000 times, and Intl takes ~10 µs a call. */
  private readonly dayOffsets = new Map<number, [number, number]>();

  /** Throws a RangeError when `name` is not a time zone Intl knows. */
  constructor(name: string) {
    this.clock = new Intl.DateTimeFormat("en-US", {
      timeZone: name, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    this.name = this.clock.resolvedOptions().timeZone;
    this.isUtc = this.name === "UTC";
    this.label = new Intl.DateTimeFormat("en-US", { timeZone: this.name, timeZoneName: "short" });
  }

  /** `2026-11-28 07:50:00 PST` (`... UTC` in UTC): unambiguous, since the zone is named. */
  format(at: Date): string {
    const w = this.wallClock(at);
    return `${this.formatDate(at, w)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} ${this.abbreviation(at)}`;
  }

  /** `2026-11-28`: the local calendar date. */
  formatDate(at: Date, w: WallClock = this.wallClock(at)): string {
    return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  }

  /** The local calendar day as days since 1970-01-01, e.g. for streaks of consecutive days. */
  dayNumber(at: Date): number {
    const t = at.getTime();
    if (this.isUtc) return Math.floor(t / DAY);
    const utcDay = Math.floor(t / DAY);
    let ends = this.dayOffsets.get(utcDay);
    if (!ends) {
      if (this.dayOffsets.size > 4096) this.dayOffsets.clear();
      ends = [this.offsetMs(new Date(utcDay * DAY)), this.offsetMs(new Date((utcDay + 1) * DAY - 1))];
      this.dayOffsets.set(utcDay, ends);
    }
    // Zones change offset at most once a day: when both ends agree, the whole day has that offset.
    const offset = ends[0] === ends[1] ? ends[0] : this.offsetMs(at);
    return Math.floor((t + offset) / DAY);
  }

  /** What a clock on the wall in this zone shows at `at`. */
  wallClock(at: Date): WallClock {
    if (this.isUtc) {
      return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate(), hour: at.getUTCHours(), minute: at.getUTCMinutes(), second: at.getUTCSeconds() };
    }
    const w = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const p of this.clock.formatToParts(at)) {
      if (p.type in w) w[p.type as keyof WallClock] = Number(p.value);
    }
    return w;
  }

  /** Local time minus UTC at `at`, in milliseconds (-8 h for PST). */
  offsetMs(at: Date): number {
    if (this.isUtc) return 0;
    const w = this.wallClock(at);
    const t = at.getTime();
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - (t - (((t % 1000) + 1000) % 1000));
  }

  /**
   * The instant a wall clock in this zone shows `y-mo-d h:mi:s` (month 1-12; out-of-range days and
   * hours roll over, as with Date.UTC). A time that occurs twice when clocks go back is the first
   * one; a time skipped when clocks go forward is moved forward by the gap (2:30 becomes 3:30 PDT).
   */
  fromLocal(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date {
    const local = Date.UTC(y, mo - 1, d, h, mi, s);
    if (this.isUtc) return new Date(local);
    // A day either side of the wall time lies outside any change of offset near it.
    const before = this.offsetMs(new Date(local - DAY));
    const after = this.offsetMs(new Date(local + DAY));
    const fits = [before, after].map((o) => local - o).filter((t) => this.offsetMs(new Date(t)) === local - t);
    if (fits.length) return new Date(Math.min(...fits));
    return new Date(local - before);
  }

  private abbreviation(at: Date): string {
    if (this.isUtc) return "UTC";
    return this.label.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? this.name;
  }
}
