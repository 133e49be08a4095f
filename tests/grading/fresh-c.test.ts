import { describeFreshSet } from "./labelled-set.ts";

/**
 * A third labelled set (issue 11), written and labelled from the seed's solution and points by
 * someone who saw neither the grader nor its rubric phrases, and never tuned on: it measures how
 * well the work on the other sets generalises. Measured on 2026-12-04 with the grader of round 2 of
 * issue 11 (before round 3 was tuned on fresh-b): 63.1% (101/160), 6 confident zeros. Floors as in
 * fresh.test.ts.
 */
describeFreshSet("the third fresh grading set", "fresh-c", "fresh-2026-12-04c", { overall: 0.63, confidentZeros: 6 });
