import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HISTOGRAM_BAR_COLOR } from "../../src/render/histogram-png.ts";
import { useConsoleDrivers } from "../fakes/console-driver.ts";
import { countBars, decodePng } from "../fakes/png-reader.ts";
import { runTutorInProcess } from "../fakes/run-tutor.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const driver = useConsoleDrivers(afterEach);

interface Student { name: string; sid: string; section: string; score: number }

/** 150 students in two sections, scores with halves and some bonus totals above 100. */
function classOf150(): Student[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: 150 }, (_, i) => ({
    name: i % 10 === 0 ? `Lee, Student ${i}` : `Student ${i}`,
    sid: String(100000 + i),
    section: i % 3 === 0 ? "C147" : "C247",
    score: Math.round((60 + next() * 46) * 2) / 2,
  }));
}

/** The test's own statistics, computed independently of src/core/stats. */
function expected(scores: number[]) {
  const s = [...scores].sort((a, b) => a - b);
  const n = s.length;
  const mean = s.reduce((a, b) => a + b, 0) / n;
  const median = n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
  const sd = Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return { n, high: s[n - 1]!, mean, median, sd };
}

function writeCsv(dir: string, students: Student[]): string {
  const file = path.join(dir, "scores.csv");
  const rows = students.map((s) => `"${s.name}",${s.sid},${s.sid}@ucla.edu,${s.section},${s.score},${s.score},Graded`);
  writeFileSync(file, `\uFEFFName,SID,Email,Section,Q1,Total Score,Status\r\n${rows.join("\r\n")}\r\n`);
  return file;
}

describe("/stats", () => {
  it("after `tutor scores import`, shows n, high, mean, median and sd overall and per section (console --json)", async () => {
    const db = tempDbFile();
    const students = classOf150();
    const imported = await runTutorInProcess(["scores", "import", writeCsv(path.dirname(db), students), "--assessment", "paper-midterm", "--db", db]);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toMatch(/Imported 150 scores into "paper-midterm"/);

    const chat = await runTutorInProcess(["chat", "--user", "tara", "--role", "ta", "--json", "--db", db], "/stats assessment: paper-midterm\n");
    expect(chat.code).toBe(0);
    const reply = JSON.parse(chat.stdout.trim().split("\n")[0]!) as { ephemeral: boolean; text: string; stats: { overall: Record<string, number>; sections: Record<string, Record<string, number>> } };
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toMatch(/Standard deviation: population/);
    const check = (got: Record<string, number> | undefined, scores: number[]) => {
      const want = expected(scores);
      expect(got?.n).toBe(want.n);
      for (const key of ["high", "mean", "median", "sd"] as const) expect(Math.abs(got![key]! - want[key])).toBeLessThan(0.1);
    };
    check(reply.stats.overall, students.map((s) => s.score));
    for (const section of ["C147", "C247"]) check(reply.stats.sections[section], students.filter((s) => s.section === section).map((s) => s.score));

    // Importing again replaces, and says so.
    const again = await runTutorInProcess(["scores", "import", writeCsv(path.dirname(db), students.slice(0, 100)), "--assessment", "Paper-Midterm", "--db", db]);
    expect(again.stdout).toMatch(/replaced the 150 scores of the previous import/);
  });

  it("keeps the per-question columns of a Gradescope export for /stats, overall and per section; remove takes it away", async () => {
    const db = tempDbFile();
    const file = path.join(path.dirname(db), "gradescope.csv");
    writeFileSync(file, [
      "First Name,Last Name,SID,Email,Sections,1.1: 1a (5.0 pts),1.2: 1b (5.0 pts),Total Score,Max Points,Status",
      "Ana,Lee,905000001,a@x.edu,C247,5,5,95,106,Graded",
      "Bo,Chen,905000002,b@x.edu,C247,5,1,80,106,Graded",
      "Cy,Diaz,905000003,c@x.edu,C147,0,5,60,106,Graded",
    ].join("\n"));
    const run = await runTutorInProcess(["scores", "import", file, "--assessment", "paper", "--db", db]);
    expect(run.stdout).toMatch(/Imported 3 scores into "paper"[\s\S]*Per question: 1a, 1b\./);
    const d = driver(db);
    const all = await d.say("tara", "/stats paper", "ta");
    expect(all).toMatch(/Per question \(whole class;/);
    expect(all).toMatch(/\n1a +3\.3\/5 +67% /);
    expect(all).toMatch(/\n1b +3\.7\/5 +67% /);
    const c247 = await d.say("tara", "/stats paper C247", "ta");
    expect(c247).toMatch(/Per question \(section C247;/);
    expect(c247).toMatch(/\n1a +5\/5 +100% /);
    expect(c247).toMatch(/\n1b +3\/5 +50% /);
    const [exported] = await d.json("tara", "/export paper", "ta");
    expect(exported!.text).toMatch(/3 students, one row each \("paper" as imported from the gradebook\)/);
    expect((exported!.export as { csv: string }).csv.split("\r\n").slice(0, 2)).toEqual(["Name,SID,Section,1a,1b,Total Score", "Ana Lee,905000001,C247,5,5,95"]);
    await d.close();

    const removed = await runTutorInProcess(["scores", "remove", "Paper", "--db", db]);
    expect(removed.stdout).toMatch(/Removed "Paper" and its scores/);
    expect((await runTutorInProcess(["scores", "remove", "paper", "--db", db])).stderr).toMatch(/there is no imported assessment "paper"/);
  });

  it("refuses a file that is not UTF-8, naming the encoding to save it in", async () => {
    const db = tempDbFile();
    const file = path.join(path.dirname(db), "latin1.csv");
    writeFileSync(file, Buffer.from("Name,SID,Section,Total Score\nJos\xe9 Mu\xf1oz,905000001,C247,90\n", "latin1"));
    const run = await runTutorInProcess(["scores", "import", file, "--assessment", "quiz1", "--db", db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not UTF-8 text .* Save it as "CSV UTF-8"/);
  });

  it("reports bad rows by line and imports nothing", async () => {
    const db = tempDbFile();
    const file = path.join(path.dirname(db), "bad.csv");
    writeFileSync(file, 'Name,SID,Section,Total Score\nAna,1,C247,90\n"Lee, Bo",2,C147,abc\nCy,3,C147,80\nDi,1,C247,70\n');
    const run = await runTutorInProcess(["scores", "import", file, "--assessment", "quiz1", "--db", db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('line 3: Total Score "abc" is not a number');
    expect(run.stderr).toContain("line 5: 1 already appears on line 2");
    expect(run.stderr).toMatch(/nothing was imported/);
    const d = driver(db);
    expect(await d.say("tara", "/stats quiz1", "ta")).toMatch(/There is no assessment "quiz1"/);
    expect(await d.app.store.ta.assessments.list("console")).toEqual([]);
  });

  it("draws a histogram PNG with one bar per non-empty bin, and posts publicly only when asked", async () => {
    const d = driver();
    const scores = [55, 61, 62, 77, 95, 100, 106];
    await d.app.store.ta.assessments.replace("console", "quiz2", scores.map((score, i) => ({ student: `s${i}`, name: `S${i}`, section: i % 2 ? "C147" : "C247", score })), new Date());
    const [reply] = await d.replies("tara", "/stats quiz2", "ta");
    expect(reply!.visibility).toBe("private");
    const image = decodePng(reply!.images![0]!.png);
    // Bins of 5 from 55: [55,60) [60,65) [75,80) [95,100) [100,105) [105,110] hold scores.
    expect(countBars(image, HISTOGRAM_BAR_COLOR)).toBe(6);
    const [posted] = await d.json("tara", "/stats quiz2 post", "ta");
    expect(posted!.ephemeral).toBe(false);
    expect(posted!.text).toMatch(/Questions 1a, 1b: Ken-Fu/);
    expect(posted!.text).toMatch(/Regrades close one week from today/);
    for (const line of ["/stats quiz2 post: yes", "/stats post", "/stats assessment: quiz2 post: true"]) expect((await d.json("tara", line, "ta"))[0]!.ephemeral, line).toBe(false);
    for (const line of ["/stats quiz2 post: no", "/stats quiz2 C247"]) expect((await d.json("tara", line, "ta"))[0]!.ephemeral, line).toBe(true);
  });
});
