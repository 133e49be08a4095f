import Database from "better-sqlite3";
import { writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDatabase, TargetNotEmptyError } from "../../src/cli/db-copy.ts";
import type { ClosableStore } from "../../src/app.ts";
import type { Store } from "../../src/core/ports.ts";
import { readMigrations } from "../../src/store/database.ts";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import { readPostgresMigrations } from "../../src/store/postgres/pg-migrations.ts";
import { createPostgresStore, openPostgresStore } from "../../src/store/postgres/postgres-store.ts";
import type { SqlClient } from "../../src/store/postgres/sql-client.ts";
import { ConsoleDriver, TestClock } from "../fakes/console-driver.ts";
import { pgliteClient, serverSchema } from "../fakes/pglite-client.ts";
import { runTutor, runTutorInProcess } from "../fakes/run-tutor.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const SERVER = process.env.TUTOR_TEST_DATABASE_URL;
const START = new Date("2026-11-28T10:00:00Z");
/** The smallest PNG there is, a 1x1 image. */
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const PRACTICE_3A = "/answer 3a false, because regularization improves generalization to the test set";

/** What the TAs and the students read of a course: /stats of the mock exam and of the import, and each student's /progress. */
async function readings(d: ConsoleDriver): Promise<unknown[]> {
  const read = [
    await d.json("tara", "/stats", "ta"), await d.json("tara", "/stats assessment: quiz1", "ta"),
    await d.json("ana", "/progress"), await d.json("ben", "/progress"), await d.json("ana", "/regrade status"),
  ];
  // The console saves images in a folder of its own per app: the same picture, another path.
  return JSON.parse(JSON.stringify(read, (key, value: unknown) => (key === "path" ? "(saved)" : value))) as unknown[];
}

/**
 * A SQLite course made as a course makes it, through the console chat and `tutor`: two students
 * practise, sit the mock exam, one asks for a regrade a grader resolves; a paper quiz is imported;
 * an announcement waits for its time. Returns the file, the readings, and each table's rows.
 */
async function sqliteCourse(): Promise<{ file: string; clock: TestClock; read: unknown[]; rows: Map<string, number> }> {
  const file = tempDbFile();
  const clock = new TestClock(new Date(START));
  const d = new ConsoleDriver(file, clock);
  try {
    await d.say("ana", "/enroll C247 sid: 905000001");
    await d.say("ben", "/enroll C147");
    for (const user of ["ana", "ben"]) {
      await d.say(user, "/quiz 3a");
      await d.say(user, user === "ana" ? PRACTICE_3A : "/answer 3a true");
      await d.say(user, "/quiz 2b");
      await d.say(user, "/answer 2b z - y");
    }
    for (const [user, answer] of [["ana", "/answer 3a true"], ["ben", PRACTICE_3A]] as const) {
      await d.say(user, "/exam start");
      await d.say(user, answer);
      await d.say(user, "/answer 2b z - y");
      await d.say(user, "/exam submit confirm");
    }
    // A photo of 2a's drawing, as a platform hands it over: bytes that must arrive unchanged.
    await d.say("ana", "/quiz 2a");
    await d.app.dispatcher.dispatch({ course: "console", user: { id: "console:ana", name: "ana" }, roles: ["student"], now: clock.read(),
      command: "answer", options: { question: "2a", answer: "my graph is in the photo" }, attachments: [{ name: "graph.png", contentType: "image/png", bytes: PNG }] });
    expect(await d.say("ana", "/regrade 3a the loss on the training set does go down with L2")).toMatch(/request #1 for 3a/);
    expect(await d.say("mike", "/regrades resolve 1 2 partial credit for the reasoning", "ta")).toMatch(/0\/5 → 2\/5/);
    expect(await d.say("tara", "/announce Review session at 5pm at: 2026-11-30 17:00", "ta")).toMatch(/scheduled/);
    const csv = path.join(path.dirname(file), "quiz1.csv");
    writeFileSync(csv, "Name,SID,Section,Total Score\nAna,905000001,C247,88\nBen,905000002,C147,71.5\n");
    const imported = await runTutorInProcess(["scores", "import", csv, "--assessment", "quiz1", "--db", file]);
    expect(imported.stdout).toMatch(/Imported 2 scores/);
    return { file, clock, read: await readings(d), rows: rowCounts(file) };
  } finally {
    await d.close();
  }
}

/** What the store holds of the course, read through the ports: every kind of row, ids included. */
async function contents(store: Store): Promise<unknown> {
  const course = "console";
  const users = (await store.enrollments.list(course)).map((e) => e.user);
  const attempts = (await Promise.all(users.map((u) => store.attempts.forUser(course, u)))).flat();
  const sessions = (await Promise.all(users.map((u) => store.examSessions.submittedForUser(course, u)))).flat();
  return {
    enrollments: await store.enrollments.list(course), attempts,
    files: await Promise.all(attempts.map((a) => store.attempts.files(a.id))),
    history: await Promise.all(attempts.map((a) => store.ta.grades.history(a.id))),
    schedules: await Promise.all(users.map((u) => store.schedules.forUser(course, u))),
    served: await Promise.all(users.flatMap((u) => ["2a", "2b", "3a"].map((q) => store.served.variant(course, u, q)))),
    sessions, results: await store.ta.examResults.latest(course, "midterm"),
    regrades: await Promise.all(users.map((u) => store.ta.regrades.forUser(course, u))),
    graders: await store.ta.graders.list(course), announcements: await store.ta.announcements.pending(course),
    assessments: await store.ta.assessments.list(course), scores: await store.ta.assessments.scores(course, "quiz1"),
    review: await store.ta.grades.pendingReview(course, 0, 100), banks: await store.courses.banks(course),
  };
}

/** Each table's row count in the SQLite file, read directly. */
function rowCounts(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'").pluck().all() as string[];
    return new Map(tables.map((t) => [t, Number(db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get())]));
  } finally {
    db.close();
  }
}

/** The app of the same course on the PostgreSQL store, with the same clock: what it reads, and one more answer and regrade. */
async function onPostgres(store: ClosableStore, clock: TestClock): Promise<{ read: unknown[]; after: string[] }> {
  const d = new ConsoleDriver(tempDbFile(), clock, {}, { store });
  try {
    const read = await readings(d);
    // New rows take ids after the copied ones: the next regrade is #2, and the answer is stored.
    await d.say("ben", "/quiz 1a");
    const after = [await d.say("ben", "/answer 1a 4608"), await d.say("ben", "/regrade 2b my sign convention was stated in the answer")];
    return { read, after };
  } finally {
    await d.close();
  }
}

describe("tutor db copy: a SQLite course moved to PostgreSQL", () => {
  let course: Awaited<ReturnType<typeof sqliteCourse>>;
  let pglite: SqlClient;
  beforeAll(async () => {
    [course, pglite] = await Promise.all([sqliteCourse(), pgliteClient()]);
  }, 180_000);
  afterAll(() => pglite?.close());

  it("copies every table, ids kept, into PGlite: /stats and /progress read the same, and new rows follow the copied ids", async () => {
    const copied = await copyDatabase(course.file, pglite);
    expect(new Map(copied.map((t) => [t.table, t.rows]))).toEqual(course.rows);
    for (const table of ["attempts", "attempt_files", "exam_sessions", "regrades", "grade_history", "imported_scores", "announcements", "exam_results", "schedules"]) {
      expect(course.rows.get(table), table).toBeGreaterThan(0);
    }
    const store = await createPostgresStore(pglite);
    const sqlite = createSqliteStore(course.file);
    try {
      expect(await contents(store)).toEqual(await contents(sqlite));
    } finally {
      await sqlite.close();
    }
    const { read, after } = await onPostgres({ ...store, close: async () => {} }, course.clock);
    expect(read).toEqual(course.read);
    expect(after[0]).toMatch(/1a: \d+\/\d+/);
    expect(after[1]).toMatch(/request #2 for 2b/);
  }, 120_000);

  it("refuses to copy over a database that holds a course, and replaces it when forced", async () => {
    await expect(copyDatabase(course.file, pglite)).rejects.toThrow(TargetNotEmptyError);
    const copied = await copyDatabase(course.file, pglite, { force: true });
    expect(new Map(copied.map((t) => [t.table, t.rows]))).toEqual(course.rows);
    const [{ n }] = await pglite.query<{ n: number }>("SELECT count(*)::int AS n FROM regrades") as [{ n: number }];
    expect(n).toBe(course.rows.get("regrades"));
  }, 120_000);

  const server = SERVER ? it : it.skip;
  server(`copies with the real \`tutor db copy\` into the PostgreSQL server${SERVER ? "" : " (skipped: set TUTOR_TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test, to run it)"}`, async () => {
    const admin = new pg.Pool({ connectionString: SERVER, max: 1 });
    const name = `tutor_copy_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(SERVER!);
    target.pathname = `/${name}`;
    try {
      const run = await runTutor(["db", "copy", "--from", `sqlite:${course.file}`, "--to", target.toString()]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`attempts\\s+${course.rows.get("attempts")} rows`));
      const again = await runTutor(["db", "copy", "--from", `sqlite:${course.file}`, "--to", target.toString()]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already holds data .*Nothing was copied.*--force/);
      const { read } = await onPostgres(await openPostgresStore(target.toString()), course.clock);
      expect(read).toEqual(course.read);
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 180_000);
});

describe("tutor db migrate, and what tutor db copy refuses", () => {
  it("says SQLite migrates itself, and opens the file so it has", async () => {
    const file = tempDbFile();
    const run = await runTutorInProcess(["db", "migrate", "--db", file]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(new RegExp(`SQLite migrates itself when opened: .*tutor\\.db is at schema version ${readMigrations().at(-1)!.version}\\.`));
    expect(rowCounts(file).has("attempts")).toBe(true);
  });

  it("refuses a source that is not sqlite:PATH, a missing file, and a URL that is not PostgreSQL's, before touching anything", async () => {
    const bare = await runTutorInProcess(["db", "copy", "--from", "data/tutor.db", "--to", "postgres://nobody@127.0.0.1:1/x"]);
    expect([bare.code, bare.stderr]).toEqual([2, expect.stringMatching(/--from must be sqlite:PATH/)]);
    const missing = await runTutorInProcess(["db", "copy", "--from", "sqlite:/nonexistent/tutor.db", "--to", "postgres://nobody@127.0.0.1:1/x"]);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringMatching(/\/nonexistent\/tutor\.db does not exist/)]);
    const mysql = await runTutorInProcess(["db", "migrate", "--database-url", "mysql://x@y/z"]);
    expect([mysql.code, mysql.stderr]).toEqual([2, expect.stringMatching(/--database-url must be a PostgreSQL URL/)]);
    const twice = await runTutorInProcess(["db", "copy", "--from", "sqlite:x.db", "--db", "y.db", "--to", "postgres://nobody@127.0.0.1:1/x"]);
    expect([twice.code, twice.stderr]).toEqual([2, expect.stringMatching(/name the SQLite file once/)]);
    const nowhere = await runTutorInProcess(["db", "copy", "--db", "y.db"], "", { TUTOR_DATABASE_URL: "" });
    expect([nowhere.code, nowhere.stderr]).toEqual([2, expect.stringMatching(/say where to copy: --to postgres:\/\//)]);
    const stray = await runTutorInProcess(["db", "migrate", "--force"]);
    expect([stray.code, stray.stderr]).toEqual([2, expect.stringMatching(/--force does not go with migrate/)]);
  });

  const server = SERVER ? it : it.skip;
  server(`migrates a new PostgreSQL schema once, and says when there is nothing to do${SERVER ? "" : " (skipped: set TUTOR_TEST_DATABASE_URL to run it)"}`, async () => {
    const schema = await serverSchema(SERVER!);
    try {
      const url = new URL(SERVER!);
      url.searchParams.set("options", `-c search_path=${schema.name}`);
      const latest = readPostgresMigrations().at(-1)!.version;
      const first = await runTutorInProcess(["db", "migrate", "--database-url", url.toString()]);
      expect(first.stdout).toMatch(new RegExp(`from schema version 0 to ${latest}\\.`));
      const second = await runTutorInProcess(["db", "migrate"], "", { TUTOR_DATABASE_URL: url.toString() });
      expect(second.stdout).toMatch(new RegExp(`is already at schema version ${latest}\\.`));
    } finally {
      await schema.drop();
    }
  }, 60_000);
});
