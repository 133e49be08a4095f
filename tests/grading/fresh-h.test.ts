import { describeFreshSet } from "./labelled-set.ts";

/**
 * An eighth labelled set (issue 11), written like fresh-d and fresh-f by someone who saw neither the
 * grader, its rubric phrases nor the other sets, asked for students on their phones: one-liners,
 * abbreviations, formulas without spaces, the least work for the most points. Nobody working on the
 * grader has seen it, and it is never tuned on; its report shows figures only. Measured on
 * 2026-12-04: the grader of round 4 68.8% (110/160), 1 confident zero; round 5 71.9% (115/160), 1; round 6 unchanged; round 7 72.5% (116/160), 1.
 * Floors as in fresh.test.ts.
 */
describeFreshSet("the eighth fresh grading set (never tuned on)", "fresh-h", "fresh-2026-12-04h", { overall: 0.72, confidentZeros: 1, blind: true });
