import path from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_BANKS } from "../src/config.ts";
import { loadBankFile } from "../src/core/bank/load-bank.ts";
import { QuestionBank } from "../src/core/bank/question-bank.ts";
import { gradeAnswer, MAX_ANSWER_CHARS } from "../src/core/grading/grade-answer.ts";
import { compilePhrase, PhraseMatcher } from "../src/core/grading/phrase-matcher.ts";
import { analyzeText } from "../src/core/grading/text-analysis.ts";
import { checkExpression } from "../src/core/math/index.ts";
import { ATTACKS } from "../tests/fixtures/hostile-expressions.ts";
import { type BenchSection, printSection, row } from "./bench-section.ts";
import { ms, quantile, timeRuns } from "./timing.ts";

/**
 * The slowest inputs a student can send, timed on the thread that grades them. Each hostile
 * expression of the security suite must be refused well inside the pool's 2 s limit, so it costs a
 * worker no restart; the longest answer that is graded (longer text is cut) must not hold a worker
 * for long either. The tests check what these inputs get; this checks how long it takes.
 */

const RUNS = 9;
/** Any one hostile expression, slowest of its runs. */
const ATTACK_TARGET_MS = 1500;
/** Grading the longest graded answer to 1a (short answer, phrase rubric), slowest run. */
const LONG_ANSWER_TARGET_MS = 1000;
/** Matching 50 rubric phrases in that answer, slowest run. */
const PHRASES_TARGET_MS = 500;
/** The slowest long answer of runs that stress the formula and blank readers: inside the pool's 2 s limit. */
const READERS_TARGET_MS = 2000;
/** Runs of words each reader rewrites or splits on, repeated to the longest graded answer. */
const READER_RUNS = [
  "not z - y, ", "the estimate minus the target, ", "which simplifies to ", "seven by seven by three ", "a / b / ",
  "either a, or b, ", "that's wrong. ", "\\big( ", "7 wide and 7 tall ", "go back through W3 transposed, ",
];
const READER_QUESTIONS = ["1c", "2b", "2c-i", "4a-ii", "4b-i", "4b-ii"];

const longText = (sentence: string) => sentence.repeat(Math.ceil(MAX_ANSWER_CHARS / sentence.length)).slice(0, MAX_ANSWER_CHARS);

export async function runWorstInputBench(): Promise<BenchSection> {
  checkExpression("x + 1", "1 + x"); // mathjs is built once per thread; a worker has done it before its first job
  const attacks: Array<{ label: string; worst: number }> = [];
  for (const [label, input] of ATTACKS) {
    attacks.push({ label, worst: Math.max(...(await timeRuns(RUNS, () => checkExpression(input, "x")))) });
  }
  attacks.sort((a, b) => b.worst - a.worst);

  const midterm = new QuestionBank(loadBankFile(path.join(DEFAULT_BANKS, "midterm.yaml")));
  const knn = midterm.require("1a");
  const answer = longText("kNN compares the test image with every training image which is slow at test time. ");
  const grading = await timeRuns(RUNS, () => gradeAnswer(knn, { text: answer }));
  const matcher = new PhraseMatcher(analyzeText(longText("The network overfits because the training set is small and noisy, so we regularize it. ")));
  const phrases = await timeRuns(RUNS, (run) => {
    for (let i = 0; i < 50; i++) matcher.match(compilePhrase(`phrase number ${i} of run ${run} about overfitting data`));
  });

  const readers: Array<{ label: string; worst: number }> = [];
  for (const id of READER_QUESTIONS) {
    for (const run of READER_RUNS) {
      const times = await timeRuns(3, () => gradeAnswer(midterm.require(id), { text: longText(run) }));
      readers.push({ label: `${id}, "${run.trim()}" repeated`, worst: Math.max(...times) });
    }
  }
  readers.sort((a, b) => b.worst - a.worst);

  // References in the same run: the same work on ordinary input.
  const ordinaryCheck = await timeRuns(RUNS, () => checkExpression("2*x*y + x", "x*(2*y + 1)"));
  const shortAnswer = "kNN compares the test image with every training image which is slow at test time.";
  const ordinaryGrading = await timeRuns(RUNS, () => gradeAnswer(knn, { text: shortAnswer }));
  const shortMatcher = new PhraseMatcher(analyzeText("The network overfits because the training set is small and noisy, so we regularize it."));
  const ordinaryPhrases = await timeRuns(RUNS, (run) => {
    for (let i = 0; i < 50; i++) shortMatcher.match(compilePhrase(`phrase number ${i} of run ${run} about overfitting data`));
  });

  const worst = attacks[0]!;
  const slowReader = readers[0]!;
  const chars = MAX_ANSWER_CHARS.toLocaleString("en-US");
  const slowest = (t: number[]) => Math.max(...t);
  const median = (t: number[]) => quantile(t, 0.5);
  const rows = [
    row(`worst input: slowest of ${ATTACKS.length} hostile expressions (${worst.label}), slowest run`, worst.worst, "ms",
      { name: "an ordinary check (2xy + x vs x(2y + 1)), slowest run", value: slowest(ordinaryCheck) },
      { text: `< ${ATTACK_TARGET_MS.toLocaleString("en-US")} ms`, met: worst.worst < ATTACK_TARGET_MS }),
    row(`worst input: 1a graded on a ${chars}-character answer, median`, median(grading), "ms",
      { name: `1a graded on a ${shortAnswer.length}-character answer, median`, value: median(ordinaryGrading) },
      { text: `slowest run < ${LONG_ANSWER_TARGET_MS.toLocaleString("en-US")} ms (was ${ms(slowest(grading))})`, met: slowest(grading) < LONG_ANSWER_TARGET_MS }),
    row(`worst input: 50 rubric phrases in a ${chars}-character answer, median`, median(phrases), "ms",
      { name: "the same in a one-sentence answer, median", value: median(ordinaryPhrases) },
      { text: `slowest run < ${PHRASES_TARGET_MS} ms (was ${ms(slowest(phrases))})`, met: slowest(phrases) < PHRASES_TARGET_MS }),
    row(`worst input: formula and blank readers, slowest ${chars}-character answer (${slowReader.label})`, slowReader.worst, "ms",
      { name: "1a graded on the long answer above, median", value: median(grading) },
      { text: `< ${READERS_TARGET_MS.toLocaleString("en-US")} ms (the pool's limit)`, met: slowReader.worst < READERS_TARGET_MS }),
  ];
  const lines = [
    `${RUNS} runs of each on the thread that grades, mathjs already built as in a warm worker; the hostile expressions by their slowest run, the long answers by their median (a slowest run of a few milliseconds is scheduling noise, so their references compare medians; the targets still bound the slowest run)`,
    `slowest hostile expressions: ${attacks.slice(0, 3).map((a) => `${a.label} ${ms(a.worst)}`).join("; ")}`,
    `slowest long answers to the formula and blank questions (${READER_QUESTIONS.length} questions x ${READER_RUNS.length} runs, 3 runs each): ${readers.slice(0, 3).map((a) => `${a.label} ${ms(a.worst)}`).join("; ")}`,
  ];
  return { title: "Worst-case inputs", rows, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printSection(await runWorstInputBench());
}
