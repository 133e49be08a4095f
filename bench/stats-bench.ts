import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadQuestionBank } from "../src/app.ts";
import { BankLibrary } from "../src/core/bank/bank-library.ts";
import { CourseBankChoice } from "../src/core/bank/course-banks.ts";
import { loadConfig } from "../src/config.ts";
import type { QuestionBank } from "../src/core/bank/question-bank.ts";
import { StatsService } from "../src/core/stats/stats-service.ts";
import { statsBlocks } from "../src/core/views/stats-view.ts";
import { createSqliteStore, type SqliteStore } from "../src/store/sqlite-store.ts";
import { statsBins } from "../commands/stats.ts";
import { renderHistogram } from "../src/render/histogram-png.ts";
import { type BenchRow, type BenchSection, printSection, row } from "./bench-section.ts";
import { ms, quantile, timeRuns } from "./timing.ts";

const RUNS = 7;
const COURSE = "bench";

/** How a table of `attempts` rows is made up. */
interface Mix {
  name: string;
  /** Attempts per student: each sits `sessions` mock exams, the rest is practice. */
  perStudent: number;
  sessions: number;
}
/** A class that practises: two mock exams each (20 questions, 1 in 10 answered twice), the rest practice. */
const CLASS: Mix = { name: "class mix (200 attempts a student: 2 mock exams, rest practice)", perStudent: 200, sessions: 2 };
/** Worst case: every attempt is an exam answer, one exam of 20 answers per student. */
const EXAMS_ONLY: Mix = { name: "worst case (every attempt an exam answer: 20 a student, one exam each)", perStudent: 20, sessions: 1 };

/** Fills a fresh SQLite file with `attempts` rows, fast: prepared statements in one transaction. */
function generate(store: SqliteStore, bank: QuestionBank, attempts: number, mix: Mix): number {
  const db = store.db;
  const questions = bank.all();
  const insertUser = db.prepare("INSERT INTO users (id, display_name) VALUES (?, ?)");
  const insertEnrollment = db.prepare("INSERT INTO enrollments (course_id, user_id, section, role) VALUES (?, ?, ?, 'student')");
  const insertSession = db.prepare(`INSERT INTO exam_sessions (course_id, user_id, exam_id, started_at, deadline, submitted_at, submitted_by)
    VALUES (?, ?, ?, ?, ?, ?, 'student')`);
  const insertAttempt = db.prepare(`INSERT INTO attempts (course_id, user_id, question_id, mode, exam_session, answer, justification,
    score, max, items, feedback, needs_review, grader_version, created_at) VALUES (?, ?, ?, ?, ?, 'x', NULL, ?, ?, '[]', '[]', 0, '1', ?)`);
  let state = 11;
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const score = (max: number) => Math.round(Math.min(1, Math.max(0, 0.55 + 0.45 * next() + 0.1 * (next() - 0.5))) * max * 2) / 2;
  let count = 0;
  let student = 0;
  const t0 = Date.UTC(2026, 10, 1);
  db.pragma("synchronous = OFF"); // generation only; the measured reads do not depend on it
  db.transaction(() => {
    db.prepare("INSERT OR IGNORE INTO courses (id, title, created_at) VALUES (?, ?, ?)").run(COURSE, "bench", t0);
    while (count < attempts) {
      const user = `bench:${student}`;
      insertUser.run(user, `Student ${student}`);
      insertEnrollment.run(COURSE, user, student % 3 === 0 ? "C147" : "C247");
      let own = 0;
      for (let s = 0; s < mix.sessions && count < attempts; s++) {
        const at = t0 + (student * 10 + s) * 60_000;
        const session = Number(insertSession.run(COURSE, user, bank.exam.id, at, at + 6_600_000, at + 6_000_000).lastInsertRowid);
        for (const q of questions) {
          if (count >= attempts || own >= mix.perStudent) break;
          const twice = mix.sessions > 1 && next() < 0.1 ? 2 : 1;
          for (let k = 0; k < twice && count < attempts; k++, count++, own++) insertAttempt.run(COURSE, user, q.id, "exam", session, score(q.points), q.points, at + k);
        }
      }
      for (; own < mix.perStudent && count < attempts; own++, count++) {
        const q = questions[Math.floor(next() * questions.length)]!;
        insertAttempt.run(COURSE, user, q.id, "practice", null, score(q.points), q.points, t0 + own);
      }
      student++;
    }
  })();
  db.pragma("synchronous = FULL");
  db.pragma("optimize");
  return student;
}

/** Plain SQL over the same rows /stats summarises: every exam answer in the course, in one aggregate scan. */
const SCAN = "SELECT COUNT(*) AS n, SUM(score) AS total, SUM(max) AS max FROM attempts WHERE course_id = ? AND mode = 'exam'";

async function measure(bank: QuestionBank, attempts: number, mix: Mix, target: number): Promise<{ row: BenchRow; line: string; render: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "tutor-stats-bench-"));
  const store = createSqliteStore(path.join(dir, "bench.db"));
  try {
    const built = Date.now();
    const students = generate(store, bank, attempts, mix);
    const buildMs = Date.now() - built;
    // The bank alone, as a course with one bank has it.
    const library = new BankLibrary([{ exam: bank.exam, problems: [...bank.problems], questions: [...bank.all()] }]);
    const stats = new StatsService(new CourseBankChoice(library, store.courses), store.ta);
    await stats.compute(COURSE, {}); // warm the statement cache and the page cache, as a running bot has them
    const times = await timeRuns(RUNS, async () => statsBlocks(await stats.compute(COURSE, {})));
    const result = await stats.compute(COURSE, {});
    const render = await timeRuns(3, () => renderHistogram({ title: "Midterm scores", bins: statsBins(result), xLabel: "Score", yLabel: "Students" }));
    const scan = store.db.prepare(SCAN);
    const scanned = (scan.get(COURSE) as { n: number }).n;
    const scanTimes = await timeRuns(RUNS, () => scan.get(COURSE));
    const median = quantile(times, 0.5);
    const short = mix === CLASS ? "class mix" : "every attempt an exam answer";
    return {
      row: row(`/stats, ${attempts.toLocaleString("en-US")} attempts, ${short}, median`, median, "ms",
        { name: `plain SQL scan of the ${scanned.toLocaleString("en-US")} exam answers, median`, value: quantile(scanTimes, 0.5) },
        { text: `< ${target} ms`, met: median < target }),
      line: `${attempts.toLocaleString("en-US")} attempts, ${mix.name}: ${students.toLocaleString("en-US")} students, ${(result.overall?.n ?? 0).toLocaleString("en-US")} exams counted; /stats max ${ms(Math.max(...times))} over ${RUNS} runs; generated in ${(buildMs / 1000).toFixed(1)} s`,
      render: `histogram PNG for ${(result.overall?.n ?? 0).toLocaleString("en-US")} totals: median ${ms(quantile(render, 0.5))} (rendering, outside the statistics target)`,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** /stats (SQL aggregates, summaries, per-question discrimination, the reply blocks) over 100,000 and 1,000,000 attempts. */
export async function runStatsBench(): Promise<BenchSection> {
  const bank = loadQuestionBank(loadConfig({}));
  const runs = [
    await measure(bank, 100_000, CLASS, 50),
    await measure(bank, 1_000_000, CLASS, 500),
    await measure(bank, 100_000, EXAMS_ONLY, 50),
    await measure(bank, 1_000_000, EXAMS_ONLY, 500),
  ];
  return {
    title: "Statistics (/stats)",
    rows: runs.map((r) => r.row),
    lines: [...runs.map((r) => r.line), runs[1]!.render, runs[3]!.render],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printSection(await runStatsBench());
}
