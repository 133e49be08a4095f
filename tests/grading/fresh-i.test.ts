import { describeFreshSet } from "./labelled-set.ts";

/**
 * A ninth labelled set (issue 11), written like fresh-d by someone who saw neither the grader, its
 * rubric phrases nor the other sets, asked for the grader's weak spots as a class would show them:
 * right ideas said in unusual ways, subtly partial answers, hedges, negations and gaming. Nobody
 * working on the grader has seen it, and it is never tuned on; its report shows figures only.
 * Measured on 2026-12-04: the grader of round 4 65.6% (105/160), 4 confident zeros; round 7 69.4%
 * (111/160), 3. Floors as in fresh.test.ts.
 */
describeFreshSet("the ninth fresh grading set (never tuned on)", "fresh-i", "fresh-2026-12-04i", { overall: 0.69, confidentZeros: 3, blind: true });
