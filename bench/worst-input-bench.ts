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
import type { BenchSection } from "./bench-section.ts";
import { ms, quantile, timeRuns } from "./timing.ts";

/**
 * The slowest inputs a student can send, timed on the thread that grades them. Each hostile
 * expression of the security suite must be refused well inside the pool's 2 s limit, so it costs a
 * worker no restart; the longest answer that is graded (longer text is cut) must not hold a worker
 * for long either. The tests check what these inputs get; this checks how long it takes.
 */

const RUNS = 5;
/** Any one hostile expression, slowest of its runs. */
const ATTACK_TARGET_MS = 1500;
/** Grading the longest graded answer to 1a (short answer, phrase rubric), slowest run. */
const LONG_ANSWER_TARGET_MS = 1000;
/** Matching 50 rubric phrases in that answer, slowest run. */
const PHRASES_TARGET_MS = 500;

const longText = (sentence: string) => sentence.repeat(Math.ceil(MAX_ANSWER_CHARS / sentence.length)).slice(0, MAX_ANSWER_CHARS);

export async function runWorstInputBench(): Promise<BenchSection> {
  checkExpression("x + 1", "1 + x"); // mathjs is built once per thread; a worker has done it before its first job
  const attacks: Array<{ label: string; worst: number }> = [];
  for (const [label, input] of ATTACKS) {
    attacks.push({ label, worst: Math.max(...(await timeRuns(RUNS, () => checkExpression(input, "x")))) });
  }
  attacks.sort((a, b) => b.worst - a.worst);

  const knn = new QuestionBank(loadBankFile(path.join(DEFAULT_BANKS, "midterm.yaml"))).require("1a");
  const answer = longText("kNN compares the test image with every training image which is slow at test time. ");
  const grading = await timeRuns(RUNS, () => gradeAnswer(knn, { text: answer }));
  const matcher = new PhraseMatcher(analyzeText(longText("The network overfits because the training set is small and noisy, so we regularize it. ")));
  const phrases = await timeRuns(RUNS, (run) => {
    for (let i = 0; i < 50; i++) matcher.match(compilePhrase(`phrase number ${i} of run ${run} about overfitting data`));
  });

  const worst = attacks[0]!;
  const ok = worst.worst < ATTACK_TARGET_MS && Math.max(...grading) < LONG_ANSWER_TARGET_MS && Math.max(...phrases) < PHRASES_TARGET_MS;
  const lines = [
    `${ATTACKS.length} hostile expressions in process, slowest: ${attacks.slice(0, 3).map((a) => `${a.label} ${ms(a.worst)}`).join("; ")} (target each < ${ATTACK_TARGET_MS} ms)`,
    `1a graded on a ${MAX_ANSWER_CHARS.toLocaleString("en-US")}-character answer: median ${ms(quantile(grading, 0.5))}, slowest ${ms(Math.max(...grading))} (target < ${LONG_ANSWER_TARGET_MS} ms)`,
    `50 rubric phrases matched in a ${MAX_ANSWER_CHARS.toLocaleString("en-US")}-character answer: median ${ms(quantile(phrases, 0.5))}, slowest ${ms(Math.max(...phrases))} (target < ${PHRASES_TARGET_MS} ms)`,
  ];
  return { title: "Worst-case inputs", lines, ok };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const section = await runWorstInputBench();
  console.log(`## ${section.title}${section.ok ? "" : " (TARGET MISSED)"}\n${section.lines.map((l) => `- ${l}`).join("\n")}`);
  process.exitCode = section.ok ? 0 : 1;
}
