import { describeFreshSet } from "./labelled-set.ts";

/**
 * A fourth labelled set (issue 11), written and labelled from the seed's solution and points by
 * someone who saw neither the grader, its rubric phrases nor the other sets; nobody working on the
 * grader saw it before it was measured, and it is never tuned on: it says how well the grader reads
 * answers it was not fitted to. 2a and 5 (graded by a TA) are labelled `review: "expected"`.
 * Measured on 2026-12-04: the grader of round 2 of issue 11 71.9% (115/160), 4 confident zeros;
 * round 3 73.8% (118/160), 4; round 4 75.6% (121/160), 3; round 5 80.0% (128/160), 3; round 6
 * 81.3% (130/160), 3; round 7 80.6% (129/160), 3 (one answer lost here while fresh-f and fresh-h
 * each gained one). Its report
 * shows figures only. Floors as in fresh.test.ts.
 */
describeFreshSet("the fourth fresh grading set (never tuned on)", "fresh-d", "fresh-2026-12-04d", { overall: 0.8, confidentZeros: 3, blind: true });
