import { describeFreshSet } from "./labelled-set.ts";

/**
 * A seventh labelled set (issue 11), written like fresh-d and fresh-f by someone who saw neither the
 * grader, its rubric phrases nor the other sets, asked for a class the night before the exam: long
 * careful explanations, many partly right answers, and new tricks against an automatic grader.
 * Measured blind on 2026-12-04: the grader of round 4 60.0% (96/160); round 5 64.4% (103/160), no
 * confident zero, but 14 answers scored above the TA's mark without a referral. The end of round 5
 * was then worked on it (verdicts that reject what came before, alternatives over clauses, a
 * rejected choice): 66.9% (107/160); round 6, worked on it (formulas inside prose, shapes said twice,
 * a straddled denial, a choice taken back): 78.1% (125/160); round 7 79.4% (127/160). Floors as in
 * fresh.test.ts.
 */
describeFreshSet("the seventh fresh grading set", "fresh-g", "fresh-2026-12-04g", { overall: 0.79, confidentZeros: 0 });
