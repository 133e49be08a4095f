import { describeFreshSet } from "./labelled-set.ts";

/**
 * A fifth labelled set (issue 11), written and labelled from the seed's solution and points by
 * someone who saw neither the grader, its rubric phrases nor the other sets. Measured blind on
 * 2026-12-04 with the grader of round 4: 65.0% (104/160). Grading round 5 was then worked on it
 * (the kinds of error it showed, each with its own tests): 85.0% (136/160), then 89.4% (143/160)
 * once the paraphrase set was worked on too, 90.0% (144/160) after round 7, no confident zero. A
 * second TA who graded its answers independently agreed with its labels on 130 of the 144 answers
 * the grader scores itself (90.3%): about the best any grader can agree with one labeller.
 * Floors as in fresh.test.ts.
 */
describeFreshSet("the fifth fresh grading set", "fresh-e", "fresh-2026-12-04e", { overall: 0.9, confidentZeros: 0 });
