import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_BANKS } from "../../src/config.ts";
import { useConsoleDrivers } from "../fakes/console-driver.ts";
import { runTutorInProcess } from "../fakes/run-tutor.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const driver = useConsoleDrivers(afterEach);

/** A bank folder with the midterm and the small quiz1 bank (whose 1a clashes with the midterm's). */
function twoBanks(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tutor-two-banks-"));
  copyFileSync(path.join(DEFAULT_BANKS, "midterm.yaml"), path.join(dir, "midterm.yaml"));
  copyFileSync(path.join(import.meta.dirname, "../fixtures/banks/quiz1.yaml"), path.join(dir, "quiz1.yaml"));
  return dir;
}

interface ProgressData {
  progress: { questions: { question: string; bank: string; best: number | null }[]; exams: { bank: string; score: number; max: number }[]; banks: { bank: string }[] };
}
interface StatsData {
  stats: { assessment: string; overall: { n: number; high: number | null }; questions: { question: string; max: number }[] };
}

describe("a course with two banks, through the console", () => {
  it("practises from each bank, sits a mock exam of either, and keeps progress and statistics per bank", async () => {
    const banks = twoBanks();
    const d = driver(tempDbFile(), undefined, { TUTOR_BANKS: banks });

    const help = await d.say("ana", "/help");
    expect(help).toMatch(/Practise the midterm and quiz 1/);
    expect(help).toMatch(/This course's banks: midterm \(Midterm, 20 questions\), quiz1 \(Quiz 1, 4 questions\)/);

    // The clashing id: named with its bank, refused bare with the choices, or given the bank option.
    expect(await d.say("ana", "/quiz quiz1/1a")).toMatch(/^Question quiz1\/1a · 5 points · Problem 1: Learning basics \(Quiz 1\)/m);
    expect(await d.say("ana", "/quiz 1a")).toBe("1a is in midterm and quiz1: say /quiz midterm/1a or /quiz quiz1/1a, or add bank: quiz1.");
    expect(await d.say("ana", "/quiz 1a bank: quiz1")).toMatch(/^Question quiz1\/1a /m);
    expect(await d.say("ana", "/quiz quiz1 1a")).toMatch(/^Question quiz1\/1a /m);
    const [graded] = await d.json("ana", "/answer quiz1/1a The model is overfitting the training data; add regularization such as weight decay.");
    expect(graded!.grade).toMatchObject({ question: "quiz1/1a", score: 5, max: 5 });
    expect(graded!.text).toMatch(/^quiz1\/1a: 5\/5/);
    expect(await d.say("ana", "/answer 1a overfitting")).toMatch(/1a is in midterm and quiz1: say \/answer midterm\/1a or \/answer quiz1\/1a\.$/);

    // The midterm's questions keep their plain ids; a question only quiz1 has is named plainly too.
    expect(await d.say("ana", "/quiz 1a bank: midterm")).toMatch(/^Question 1a · 5 points · Problem 1: Short Answer on ML Basics \(Midterm\)/m);
    expect(await d.say("ana", "/answer midterm/1a it is too slow at test time")).toMatch(/^1a: [\d.]+\/5/m);
    expect(await d.say("ana", "/quiz 2e")).toMatch(/^Question 2e · 4 points/m);
    expect(await d.say("ana", "/answer 2e z - y")).toMatch(/^2e: 4\/4 ✓/m);
    expect(await d.say("ana", "/quiz bank: quiz1 topic: backprop")).toMatch(/^Question 2d /m);

    // A mock exam of either bank, one at a time.
    expect(await d.say("ana", "/exam start")).toBe("This course has 2 banks: midterm (Midterm), quiz1 (Quiz 1). Say which, e.g. /exam start midterm or /exam start quiz1.");
    const started = await d.say("ana", "/exam start quiz1");
    expect(started).toMatch(/Mock quiz 1 started/);
    expect(started).toMatch(/You have 30 minutes/);
    expect(started).toMatch(/Questions: quiz1\/1a \(5\), 1e \(5\), 2d \(4\), 2e \(4\)\./);
    expect(await d.say("ana", "/exam start midterm")).toMatch(/Your mock quiz 1 is already running/);
    // In the quiz's exam a bare 1a is the quiz's own; the midterm's questions wait.
    expect(await d.say("ana", "/answer 1a overfitting: regularize with dropout")).toMatch(/^Answer to quiz1\/1a received/);
    expect(await d.say("ana", "/answer 1e 30730")).toMatch(/^Answer to 1e received/);
    expect(await d.say("ana", "/answer 2b z - y")).toMatch(/2b is not a question of your mock quiz 1; its questions: quiz1\/1a, 1e, 2d, 2e\./);
    expect(await d.say("ana", "/quiz 2b")).toMatch(/There is no question "2b"\. Questions: quiz1\/1a, 1e, 2d, 2e\./);
    expect(await d.say("ana", "/exam status")).toMatch(/Answered 2 of 4\. Not yet answered: 2d, 2e\./);
    const quizReport = await d.say("ana", "/exam submit confirm");
    expect(quizReport).toMatch(/^Mock quiz 1 report \(submitted at /m);
    expect(quizReport).toMatch(/Problem 1\s+10\/10/);
    expect(quizReport).toMatch(/^Total\s+10\/18 points$/m);
    expect(quizReport).toMatch(/^quiz1\/1a — What overfitting is: 5\/5/m);

    // A regrade names the key; the window is the quiz's own (3 days).
    expect(await d.say("ana", "/regrade 1e I wrote the number of weights and biases as the question asks")).toMatch(/^Your regrade request #1 for 1e went to Ken-Fu/);
    expect(await d.say("ana", "/regrade 1a the rubric accepts dropout as a remedy for overfitting")).toMatch(/say \/regrade midterm\/1a or \/regrade quiz1\/1a\.$/);
    expect(await d.say("tara", "/regrades", "ta")).toMatch(/#1 1e \(Ken-Fu\) from ana/);

    await d.say("ana", "/exam start midterm");
    expect(await d.say("ana", "/answer 2b z - y")).toMatch(/^Answer to 2b received/);
    const midtermReport = await d.say("ana", "/exam submit confirm");
    expect(midtermReport).toMatch(/^Mock midterm report/m);
    expect(midtermReport).toMatch(/Total\s+4\/100 points \+ 0\/6 bonus/);

    // Progress: each bank with its own questions and exam results.
    const shown = await d.say("ana", "/progress");
    expect(shown).toMatch(/^Midterm \(midterm\)$/m);
    expect(shown).toMatch(/^Quiz 1 \(quiz1\)$/m);
    expect(shown.indexOf("Mock midterm report")).toBeLessThan(shown.indexOf("Quiz 1 (quiz1)"));
    expect(shown.indexOf("Quiz 1 (quiz1)")).toBeLessThan(shown.indexOf("Mock quiz 1 report"));
    const [all] = (await d.json("ana", "/progress")) as unknown as ProgressData[];
    expect(all!.progress.banks.map((b) => b.bank)).toEqual(["midterm", "quiz1"]);
    expect(all!.progress.questions.find((q) => q.question === "quiz1/1a")).toMatchObject({ bank: "quiz1", best: 5 });
    expect(all!.progress.questions.find((q) => q.question === "1a")).toMatchObject({ bank: "midterm" });
    expect(all!.progress.exams).toEqual([{ bank: "midterm", score: 4, max: 100, bonus: 0 }, { bank: "quiz1", score: 10, max: 18, bonus: 0 }]);
    const [quizOnly] = (await d.json("ana", "/progress quiz1")) as unknown as ProgressData[];
    expect(quizOnly!.progress.questions.map((q) => q.question)).toEqual(["quiz1/1a", "1e", "2d", "2e"]);
    expect(quizOnly!.progress.exams).toEqual([{ bank: "quiz1", score: 10, max: 18, bonus: 0 }]);

    // Statistics per bank: each bank's mock exam is an assessment.
    const [quizStats] = (await d.json("tara", "/stats assessment: quiz1", "ta")) as unknown as StatsData[];
    expect(quizStats!.stats.assessment).toBe("Quiz 1");
    expect(quizStats!.stats.overall).toMatchObject({ n: 1, high: 10 });
    expect(quizStats!.stats.questions.map((q) => [q.question, q.max])).toEqual([["quiz1/1a", 5], ["1e", 5], ["2d", 4], ["2e", 4]]);
    const [midtermStats] = (await d.json("tara", "/stats midterm", "ta")) as unknown as StatsData[];
    expect(midtermStats!.stats).toMatchObject({ assessment: "Midterm", overall: { n: 1, high: 4 } });
    expect(await d.say("tara", "/stats assessment: final", "ta")).toMatch(/There is no assessment "final"\. Choose one of: midterm, quiz1/);
    const [mistakes] = await d.json("tara", "/stats question: quiz1/1a", "ta");
    expect(mistakes!.mistakes).toMatchObject({ question: "quiz1/1a", practice: { answers: 1 }, exam: { answers: 1 } });
    const [exported] = await d.json("tara", "/export quiz1", "ta");
    expect((exported!.export as { csv: string }).csv.split("\r\n")[0]).toBe("Name,SID,User,Section,quiz1/1a,1e,2d,2e,Total");
  });

  it("narrows a course to one bank with `tutor course banks`: the other bank's questions are refused", async () => {
    const banks = twoBanks();
    const db = tempDbFile();
    const env = { TUTOR_BANKS: banks };
    const narrowed = await runTutorInProcess(["course", "banks", "quiz1", "--db", db], "", env);
    expect(narrowed.stderr).toBe("");
    expect(narrowed.stdout).toBe("Course console now uses: quiz1 (Quiz 1).\n");
    const listed = await runTutorInProcess(["course", "banks", "--db", db], "", env);
    expect(listed.stdout).toMatch(/^midterm\tMidterm\t2020-02-19\t20 questions\t-$/m);
    expect(listed.stdout).toMatch(/^quiz1\tQuiz 1\t2020-03-04\t4 questions\tused$/m);
    expect(listed.stdout).toMatch(/Course console uses quiz1 \(Quiz 1\) \(as chosen\)\./);
    expect((await runTutorInProcess(["course", "banks", "final", "--db", db], "", env)).stderr).toMatch(/no loaded bank is called "final"\. Banks: midterm \(Midterm\), quiz1 \(Quiz 1\)\./);

    const d = driver(db, undefined, env);
    expect(await d.say("ben", "/help")).toMatch(/Practise the quiz 1,/);
    // With only quiz1, a bare 1a is quiz1's (still named by its key).
    expect(await d.say("ben", "/quiz 1a")).toMatch(/^Question quiz1\/1a /m);
    expect(await d.say("ben", "/quiz midterm/2b")).toBe("The bank midterm (Midterm) is not used in this course. Its banks: quiz1 (Quiz 1).");
    expect(await d.say("ben", "/quiz 2b")).toBe('There is no question "2b". Questions: quiz1/1a, 1e, 2d, 2e.');
    expect(await d.say("ben", "/answer midterm/1a too slow")).toMatch(/The bank midterm \(Midterm\) is not used in this course/);
    expect(await d.say("ben", "/progress midterm")).toMatch(/The bank midterm \(Midterm\) is not used in this course/);
    expect(await d.say("ben", "/exam start")).toMatch(/Mock quiz 1 started/);
    await d.say("ben", "/exam submit confirm");
    expect(await d.say("tara", "/stats", "ta")).toMatch(/Quiz 1 statistics/);

    const reset = await runTutorInProcess(["course", "banks", "--all", "--db", db], "", env);
    expect(reset.stdout).toBe("Course console now uses every loaded bank: midterm (Midterm), quiz1 (Quiz 1).\n");
    expect(await d.say("ben", "/quiz 1a")).toMatch(/^1a is in midterm and quiz1/);
  });

  it("grades a key with `tutor grade`, or an id with --bank; a shared id alone names its choices", async () => {
    const env = { TUTOR_BANKS: twoBanks() };
    const keyed = await runTutorInProcess(["grade", "quiz1/1e", "--answer", "30730", "--json"], "", env);
    expect(JSON.parse(keyed.stdout)).toMatchObject({ question: "1e", score: 5, max: 5 });
    const withBank = await runTutorInProcess(["grade", "1a", "--bank", "quiz1", "--answer", "overfitting; more training data", "--json"], "", env);
    expect(JSON.parse(withBank.stdout)).toMatchObject({ question: "quiz1/1a", score: 5, max: 5 });
    const bare = await runTutorInProcess(["grade", "1a", "--answer", "overfitting"], "", env);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toBe("tutor grade: 1a is in midterm and quiz1: say tutor grade midterm/1a or tutor grade quiz1/1a, or add --bank quiz1.\n");
    const listed = await runTutorInProcess(["bank", "list", "--json"], "", env);
    const rows = JSON.parse(listed.stdout) as { id: string; key: string; bank: string }[];
    expect(rows.filter((r) => r.id === "1a")).toEqual([expect.objectContaining({ key: "1a", bank: "midterm" }), expect.objectContaining({ key: "quiz1/1a", bank: "quiz1" })]);
  });
});
