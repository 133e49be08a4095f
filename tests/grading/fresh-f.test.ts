import { describeFreshSet } from "./labelled-set.ts";

/**
 * A sixth labelled set (issue 11), written like the fourth (fresh-d) by someone who saw neither the
 * grader, its rubric phrases nor the other sets, asked for a cohort that explains by example and
 * writes English as a second language. Nobody working on the grader has seen it, and it is never
 * tuned on; its report shows figures only. Measured on 2026-12-04: the grader of round 4 70.6%
 * (113/160), 2 confident zeros; round 5 74.4% (119/160), 2, and 76.3% (122/160), 2, once the
 * paraphrase set was worked on too; round 6 unchanged; round 7 76.9% (123/160). Floors as in fresh.test.ts.
 */
describeFreshSet("the sixth fresh grading set (never tuned on)", "fresh-f", "fresh-2026-12-04f", { overall: 0.76, confidentZeros: 2, blind: true });
