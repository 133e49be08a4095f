import { describe, expect, it } from "vitest";
import { createPostgresStore } from "../../src/store/postgres/postgres-store.ts";
import { serverSchema } from "../fakes/pglite-client.ts";
import { startTsx } from "../fakes/tsx-process.ts";

const SERVER = process.env.TUTOR_TEST_DATABASE_URL;
const COURSE = "test";
const EACH = 200;

interface Delivered {
  to: { user: string } | { channel: string };
  text: string;
  data: { exam?: { report?: boolean; session?: number } } | null;
}

/** How many times each key occurs. */
function tally(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

const serverTest = SERVER ? it : it.skip;

describe("two bot processes on one PostgreSQL", () => {
  serverTest(`deliver each of ${EACH} due announcements and submit and report each of ${EACH} expired exams exactly once${SERVER ? "" : " (skipped: set TUTOR_TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test, to run it)"}`, async () => {
    const schema = await serverSchema(SERVER!);
    try {
      const store = await createPostgresStore(schema.client());
      // Due an hour ago; the exams began three hours ago and ended an hour ago (past the grace period).
      const now = Date.now();
      await store.courses.ensure(COURSE, "ECE C147/C247");
      const sessions: number[] = [];
      for (let i = 0; i < EACH; i += 1) {
        await store.ta.announcements.add({ course: COURSE, author: "test:tara", message: `Announcement ${i} of ${EACH}`, channel: "announcements", postAt: new Date(now - 3_600_000), createdAt: new Date(now - 7_200_000), deliveredAt: null });
        await store.enrollments.upsertUser(`test:s${i}`, `s${i}`);
        sessions.push((await store.examSessions.start(COURSE, `test:s${i}`, "midterm", new Date(now - 3 * 3_600_000), new Date(now - 3_600_000))).id);
      }
      await store.close();

      const url = new URL(SERVER!);
      url.searchParams.set("options", `-c search_path=${schema.name}`);
      const bots = [0, 1].map(() => startTsx("tests/fakes/postgres-sweeper.ts", [COURSE], { TUTOR_DATABASE_URL: url.toString() }));
      await Promise.all(bots.map((b) => b.waitForLine("ready")));
      for (const b of bots) b.child.stdin.end("go\n");
      const runs = await Promise.all(bots.map((b) => b.done));
      for (const run of runs) {
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toMatch(/^done$/m);
      }
      const delivered = runs.flatMap((r) => r.stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Delivered));

      const announcements = tally(delivered.filter((d) => "channel" in d.to).map((d) => d.text));
      expect(announcements.size).toBe(EACH);
      expect([...announcements.values()].every((n) => n === 1)).toBe(true);
      expect([...announcements.keys()].every((text) => /^Announcement \d+ of 200$/.test(text))).toBe(true);

      const reports = tally(delivered.filter((d) => d.data?.exam?.report === true).map((d) => String(d.data!.exam!.session)));
      expect([...reports.keys()].sort()).toEqual(sessions.map(String).sort());
      expect([...reports.values()].every((n) => n === 1)).toBe(true);
      expect(delivered).toHaveLength(2 * EACH);

      // What the store says: each exam submitted once, by its deadline; each report queued once, and delivered.
      const check = schema.client();
      const [row] = await check.query<{ submitted: number; reported: number; queued: number; undelivered: number; sessions: number }>(`SELECT
        (SELECT count(*) FROM exam_sessions WHERE submitted_by = 'deadline') AS submitted,
        (SELECT count(*) FROM exam_sessions WHERE reported_at IS NOT NULL) AS reported,
        (SELECT count(*) FROM deliveries) AS queued,
        (SELECT count(*) FROM deliveries WHERE delivered_at IS NULL) AS undelivered,
        (SELECT count(DISTINCT reply->'data'->'exam'->'session') FROM deliveries WHERE to_user IS NOT NULL) AS sessions`);
      expect(row).toEqual({ submitted: EACH, reported: EACH, queued: 2 * EACH, undelivered: 0, sessions: EACH });
    } finally {
      await schema.drop();
    }
  }, 240_000);
});
