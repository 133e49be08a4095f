import { describe, expect, it } from "vitest";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";
import { makeQuestion } from "./question-fixtures.ts";

const knn = makeQuestion({
  kind: "short",
  maxSentences: 4,
  rubric: [
    { id: "slow", label: "Testing is slow", points: 2.5, phrases: ["testing is computationally expensive", "slow at test time", "compare with every training image"] },
    { id: "curse", label: "Curse of dimensionality", points: 2.5, phrases: ["curse of dimensionality", "high dimensional", "distance is not meaningful"] },
  ],
});

const augment = makeQuestion({
  kind: "short",
  // Naming an augmentation is proposing it: a bare "scaling" is an answer here.
  namingEarns: true,
  rubric: [
    {
      id: "two", label: "Two valid augmentations", points: 5, pick: 2,
      options: [
        { id: "crop", label: "Random crops", phrases: ["random crop", "crop patches"] },
        { id: "rotate", label: "Small rotations", phrases: ["rotate", "rotation"] },
        { id: "shift", label: "Shifts", phrases: ["shift", "translate"] },
        { id: "scale", label: "Scaling", phrases: ["scaling", "zoom"] },
        { id: "elastic", label: "Elastic distortion", phrases: ["elastic distortion", "stretch"] },
      ],
    },
    { id: "flips", label: "Flips (invalid for digits)", points: -2, phrases: ["flip", "mirror"], feedback: "Flips turn digits into other symbols." },
  ],
});

const grade = (q: typeof knn, text: string) => gradeAnswer(q, { text });

describe("short-answer grader", () => {
  it("gives full marks to the reference wording and to a student's own words", () => {
    expect(grade(knn, "Testing is computationally expensive. Curse of dimensionality.").score).toBe(5);
    const own = grade(knn, "kNN has to compare each test image with every training image, so it is too slow; in a 1M-dimensional space Euclidean distance is meaningless.");
    expect(own.score).toBe(5);
    expect(own.needsReview).toBe(false);
  });

  it("matches synonyms and stems", () => {
    expect(grade(knn, "It's time-consuming at test time.").items[0]?.earned).toBe(2.5);
    expect(grade(knn, "Dimensionality is high.").items[1]?.earned).toBe(2.5);
  });

  it("tolerates a typo in a long word", () => {
    const g = grade(knn, "The dimentionality is too high");
    expect(g.items[1]?.earned).toBe(2.5);
  });

  it("sends a loose typo match to review, keeping the provisional points", () => {
    const g = grade(augment, "rotate and shfit");
    expect(g.score).toBe(5);
    expect(g.needsReview).toBe(true);
    expect(g.feedback.join(" ")).toMatch(/misspelling/);
  });

  it("does not credit a concept the student negates", () => {
    const g = grade(knn, "It is not slow at test time.");
    expect(g.items[0]?.earned).toBe(0);
    expect(g.items[0]?.note).toMatch(/opposite/);
  });

  it("awards a group per distinct option up to pick", () => {
    expect(grade(augment, "rotate the digits").score).toBe(2.5);
    expect(grade(augment, "rotate, shift and zoom").score).toBe(5);
    expect(grade(augment, "rotate, shift and zoom").items[0]?.note).toMatch(/Small rotations; Shifts/);
  });

  it("does not let one word earn two options", () => {
    // "stretch" belongs to elastic only; "scaling" to scale only: one mention, one option.
    expect(grade(augment, "scaling").score).toBe(2.5);
  });

  it("subtracts a negative item, clamped at zero", () => {
    expect(grade(augment, "rotate and flip the images").score).toBe(0.5);
    const onlyFlip = grade(augment, "flip them");
    expect(onlyFlip.score).toBe(0);
    expect(onlyFlip.feedback).toContain("Flips turn digits into other symbols.");
  });

  it("does not penalize a student who rejects the invalid option", () => {
    for (const text of [
      "Rotate and crop patches; flipping is not valid since digits are not symmetric.",
      "Rotate and shift, but do not flip.",
      "Rotate instead of flipping, and shift.",
      "Use rotations and shifts; flips should be avoided.",
    ]) {
      const g = grade(augment, text);
      expect(g.score, text).toBe(5);
      expect(g.items[1]?.earned, text).toBe(0);
    }
  });

  it("clamps the score to the question's points", () => {
    const q = makeQuestion({ kind: "short", rubric: [
      { id: "a", label: "A", points: 4, phrases: ["overfitting"] },
      { id: "b", label: "B", points: 4, phrases: ["noisy data"] },
    ] }, 5);
    expect(grade(q, "overfitting because of noisy data").score).toBe(5);
  });

  it("sends an answer with real content that matches nothing to a TA", () => {
    const g = grade(knn, "The classifier would be confused by the weather and lighting changes on the road.");
    expect(g.score).toBe(0);
    expect(g.needsReview).toBe(true);
  });

  it("sends a short answer that matches nothing to a TA, but not one that says it has no answer", () => {
    // Issue 15: "log n" or "it is bad" earned nothing and was not understood as wrong: never a confident zero.
    for (const text of ["It is bad.", "log n", "O(n)"]) {
      const g = grade(knn, text);
      expect(g.score, text).toBe(0);
      expect(g.needsReview, text).toBe(true);
    }
    for (const text of ["no idea", "I don't know, sorry", "dunno", "idk"]) {
      const g = grade(knn, text);
      expect(g.score, text).toBe(0);
      expect(g.needsReview, text).toBe(false);
    }
  });

  it("does not send an answer that states the opposite of a concept", () => {
    const g = grade(knn, "It is not slow at test time.");
    expect(g.score).toBe(0);
    expect(g.needsReview).toBe(false);
  });

  it("sends a partial score with an unexplained sentence to review, but not a full one", () => {
    expect(grade(knn, "Slow at test time. Also every image from the camera changes with lighting conditions.").needsReview).toBe(true);
    expect(grade(knn, "Slow at test time. Curse of dimensionality. Also the camera images change with lighting conditions.").needsReview).toBe(false);
  });

  it("says so for an empty answer", () => {
    const g = grade(knn, "   ");
    expect(g.score).toBe(0);
    expect(g.feedback[0]).toMatch(/empty/);
    expect(g.needsReview).toBe(false);
  });

  it("points out a sentence limit overrun without penalty", () => {
    // Issue 11: a bare list of terms is no longer graded as a justification, so the reasons are stated.
    const g = grade(knn, "It is slow at test time. The curse of dimensionality hurts. Yes. Really. Truly.");
    expect(g.score).toBe(5);
    expect(g.feedback.join(" ")).toMatch(/at most 4 sentences/);
  });

  // How long it takes is `npm run bench -- worst`.
  it("grades a 10,000-character answer", () => {
    const text = "kNN compares the test image with every training image which is slow at test time. ".repeat(120).slice(0, 10_000);
    const g = grade(knn, text);
    expect(g.items[0]?.earned).toBe(2.5);
  });
});

describe("short answers in labelled parts", () => {
  const parts = makeQuestion({
    kind: "short",
    parts: [{ id: "tanh", label: "tanh", aliases: ["A"] }, { id: "leaky", label: "leaky relu", aliases: ["B"] }],
    rubric: [
      { id: "tanh-sat", part: "tanh", label: "tanh saturates", points: 1, phrases: ["saturates"] },
      { id: "leaky-sat", part: "leaky", label: "leaky relu does not saturate", points: 1, phrases: ["does not saturate"] },
    ],
  }, 2);

  it("looks for each item in its own part", () => {
    expect(grade(parts, "tanh: saturates\nleaky relu: does not saturate").score).toBe(2);
    expect(grade(parts, "tanh: does not saturate\nleaky relu: saturates").score).toBe(0);
  });

  it("finds parts by one-letter labels and by mentions", () => {
    expect(grade(parts, "A. saturates at both ends\nB. never saturates").score).toBe(2);
    expect(grade(parts, "tanh saturates for large |x|, while leaky relu doesn't saturate.").score).toBe(2);
  });
});
