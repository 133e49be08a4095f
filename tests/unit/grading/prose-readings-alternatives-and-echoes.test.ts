import { describe, expect, it } from "vitest";
import { bothWaysAsUnsure } from "../../../src/core/grading/both-ways.ts";
import { analyzeText } from "../../../src/core/grading/text-analysis.ts";
import { parseChoice } from "../../../src/core/grading/true-false-grader.ts";
import { expectScores, grade, item } from "./midterm-grading.ts";

// Reading rules of grading round 5: each with new wordings that must earn the credit, and near
// misses that must not.

describe("two answers offered with a doubt about which", () => {
  it("reads 'either A or B' and 'A? or B?' as unsure when the student says they cannot choose", () => {
    expect(bothWaysAsUnsure("either the batch is too small or the rate is too high, hard to say")).toBe(" unsure , hard to say");
    expect(bothWaysAsUnsure("maybe crop? or maybe shear? not sure which")).toBe(" unsure ? not sure which");
    expect(bothWaysAsUnsure("either bias or variance, one of those")).toBe(" unsure , one of those");
  });

  it("keeps suggestions, and alternatives the student has no doubt about", () => {
    expect(bothWaysAsUnsure("add a little noise? or shift the digits a few pixels")).toBe("add a little noise? or shift the digits a few pixels");
    expect(bothWaysAsUnsure("you can either crop or rotate slightly")).toBe("you can either crop or rotate slightly");
  });

  expectScores([
    ["1d-i", "either it overfits or it underfits, hard to say which from this plot", 0],
    ["4b-iii", "perhaps shared weights? or perhaps that conv layers are shallower, one of the two", 0],
    // Two valid suggestions, one with a question mark, still earn.
    ["1d-ii", "crop random 28x28 windows from each image? or rotate them by a few degrees", 5],
  ]);
});

describe("an alternative the student rejects is a stretch of its own", () => {
  it("starts a new stretch at 'rather than' and 'instead of' after the claim", () => {
    const tokens = analyzeText("one kernel is reused at every location rather than separate weights per location").tokens;
    const at = (w: string) => tokens.find((t) => t.surface === w)!;
    expect(at("separate").segment).not.toBe(at("reused").segment);
    expect(at("separate").negated).toBe(true);
  });

  it("credits what the student keeps, not what they reject", () => {
    expect(item("4b-iii", "a single small kernel is moved over the picture and reused at every spot rather than one weight per pixel pair", "Parameter sharing (the same filter weights are used at every position)")).toBe(2.5);
    expect(item("4b-iii", "each position learns its own weights rather than one kernel reused everywhere", "Parameter sharing (the same filter weights are used at every position)")).toBe(0);
  });
});

describe("a concept denied in one sentence and named in another", () => {
  it("earns nothing for it and goes to a TA", () => {
    const g = grade("1d-i", "This is not overfitting. Overfitting would need a huge model and tiny data, which we do not have.");
    expect(g.items.find((i) => i.id === "overfitting")?.earned).toBe(0);
    expect(g.needsReview).toBe(true);
  });

  expectScores([
    // Denying the other problem is not denying this one.
    ["1d-i", "It is not underfitting. It is overfitting: the network is too big for so few digits, and it trained for too many epochs.", 5],
  ]);
});

describe("the true/false choice as a sentence of its own after a first remark", () => {
  it("reads the choice where the student put it", () => {
    expect(parseChoice("an average over 64 images is not the full gradient. false. it is a noisy estimate").choice).toBe(false);
    expect(parseChoice("each batch only estimates the full gradient, so false.").choice).toBe(false);
    expect(parseChoice("the sum of squares never shrinks. True!").choice).toBe(true);
  });

  it("reads both choices said as a hedge, and a mid-sentence 'false' as no choice", () => {
    expect(parseChoice("the minibatch gradient is noisy. True? or false.").hedged).toBe(true);
    expect(parseChoice("saying the batch gradient is exact would be false in general").choice).toBeUndefined();
  });
});

describe("a match made only of the question's own words", () => {
  it("earns nothing and goes to a TA", () => {
    const g = grade("1d-ii", "You can increase the number of training set examples by doing something to the existing training images.");
    expect(g.score).toBe(0);
    expect(g.needsReview).toBe(true);
  });

  expectScores([
    // The same words around a real method earn (one method of the two asked for).
    ["1d-ii", "increase the number of training examples by rotating the existing images a few degrees, a 7 stays a 7", 2.5],
  ]);
});

describe("words students use for the activation functions' properties", () => {
  expectScores([
    // Labels with a dash, "goes flat", "a kink", "acts like y = x".
    ["4a-iii", "tanh - goes flat for big |x|, smooth everywhere, acts like y = x near 0. leaky relu - never goes flat, kink at 0 so not differentiable there, not like y = x near 0. gelu - goes flat for very negative x, smooth, slope 1/2 at 0 so it does not act like y = x", 9],
    // "leaky" alone labels the leaky ReLU line, so its denials stay off tanh.
    ["4a-iii", "tanh: saturates at both ends, differentiable, approximately identity near 0\nleaky: no saturation, not differentiable at 0, not identity\ngelu: saturates for negative x only, differentiable, not identity", 9],
  ]);
});

describe("the reason for a true/false statement in words the rubric lacked", () => {
  expectScores([
    ["3a", "False. An L2 penalty keeps the model from fitting the training data as closely, so the fit on the training data gets worse; it pays off on data the model has never seen.", 5],
    // The key words in a wrong claim earn nothing.
    ["3a", "True, it makes the model fit the training data better, which is the point of regularization", 0],
  ]);
});

describe("reasons for a claim the answer denies", () => {
  it("earn nothing, whatever words they use", () => {
    expect(item("1d-i", "It is not overfitting; overfitting would come from too little data or too many epochs.", "Two potential reasons for overfitting")).toBe(0);
  });

  expectScores([
    // Denying the other problem leaves the reasons for this one standing.
    ["1d-i", "not underfitting but overfitting, since there are too few training images and it ran too many epochs", 5],
  ]);
});

describe("1a in a student's own words", () => {
  expectScores([
    ["1a", "for every photo the car takes it must measure how far the new picture is from each stored picture, and with a million pixels being close in pixels tells little about the object", 5],
    // The right words about the wrong step earn nothing for the test-time cost.
    ["1a", "measuring how far each picture is from the others happens once at training time, so prediction is instant", 0],
  ]);
});

describe("a verdict of worthlessness negates like 'not'", () => {
  it("reads 'a terrible way to tell' as 'does not tell'", () => {
    const tokens = analyzeText("pixel distance is a terrible way to tell two digits apart").tokens;
    expect(tokens.find((t) => t.surface === "tell")?.negated).toBe(true);
    // The verdict is still content: "It is bad." says something a TA reads.
    expect(tokens.find((t) => t.surface === "terrible")?.filler).toBe(false);
  });

  expectScores([
    ["1a", "prediction compares each new frame with every stored frame, too slow for real time; and straight-line pixel distance is a terrible way to decide whether two frames show the same object", 5],
  ]);
});

describe("the split of 1d-i: 1 point for the problem, 2 for each reason", () => {
  expectScores([
    ["1d-i", "overfitting", 1],
    ["1d-i", "overfitting, because the model was trained for far too many epochs", 3],
    ["1d-i", "the model is much bigger than the data can support and it was trained for too many epochs", 4],
  ]);
});

describe("words for the idea in other questions", () => {
  expectScores([
    ["3a", "Regularization is there for new examples, not for the ones we fit. So the statement is false.", 5],
    ["3c", "true: what you divide by is a pile of squared gradients that only gets taller, so the step can only shrink", 5],
    ["4b-iii", "one small stamp is pressed on every spot of the image, the same stamp everywhere, and each output only depends on a small neighbourhood", 5],
    // The wrong phase for kNN's cost: comparing every pair once before driving is not the test-time cost.
    ["1a", "before driving it must compare every pair of training pictures, which takes ages; L2 on pixels is fine", 0],
  ]);
});

describe("a later verdict that rejects what came before", () => {
  it("negates the claims 'that's wrong' and 'none of these are allowed' point back to", () => {
    const claim = analyzeText("weights are shared across positions, but that is simply wrong").tokens;
    expect(claim.find((t) => t.surface === "shared")?.negated).toBe(true);
    const list = analyzeText("Options: crop, shift, zoom. For digits none of these are allowed.").tokens;
    expect(list.find((t) => t.surface === "crop")?.negated).toBe(true);
    // "that is why" gives a reason; it rejects nothing.
    expect(analyzeText("it saturates, that is why training is slow").tokens.find((t) => t.surface === "saturates")?.negated).toBe(false);
  });

  expectScores([
    ["4b-iii", "the textbook answer is local connections and tied weights, but that's a myth: conv layers are cheap because images are small", 0],
    ["1d-ii", "crop, rotate a little, shift. Since they are digits none of these are valid, so just copy every image twice", 0],
    // A verdict on the wrong option leaves the right one standing.
    ["1d-ii", "people say flip the digits, that's wrong for a 6 or a 2. Crop random 28x28 patches and rotate them slightly instead", 5],
  ]);
});

describe("alternatives spread over clauses, and a rejected choice", () => {
  it("reads 'either A, or B, or C, not sure which' as no claim", () => {
    expect(bothWaysAsUnsure("either it is too deep, or the data is too small, or it trained too long, not sure which")).toBe(" unsure ");
  });

  it("takes the choice the student keeps after rejecting the first", () => {
    expect(parseChoice("False is wrong here, so: true. the sum only grows").choice).toBe(true);
    expect(parseChoice("true is not right; false, because the batch is a sample").choice).toBe(false);
  });
});

describe("a phrase whose words straddle a denied clause and an affirmed one", () => {
  it("is neither stated nor denied, so it cancels nothing", () => {
    // "doesn't lower the training loss, if anything it raises it" denies no reason of 3a.
    expect(item("3a", "False. It doesn't lower the training loss, if anything it raises it; what improves is how it does on unseen data.", "Regularization helps generalization (test performance), not the training loss")).toBe(3);
  });
});

describe("a true/false choice taken back, and agreement as a choice", () => {
  it("reads a reason that grants the other choice as a hedge", () => {
    expect(parseChoice("True for plain Adagrad, but it could be false with decay, so it depends").hedged).toBe(true);
    expect(parseChoice("True, though it could be false too, who knows").hedged).toBe(true);
    // A condition under which the other choice would hold is a reason, not a hedge.
    expect(parseChoice("False, it could be true only if the batch is the whole training set").hedged).toBeUndefined();
  });

  it("reads 'I agree' as true and 'I disagree' as false", () => {
    expect(parseChoice("I agree with the statement: the steps are tiny").choice).toBe(true);
    expect(parseChoice("I disagree. A batch is a sample, so its gradient is noisy.").choice).toBe(false);
  });
});

describe("more words students use", () => {
  expectScores([
    ["1b", "deep nets multiply activations layer after layer; normalizing keeps the activations in a sane range", 5],
    ["1d-i", "overfitting: the model is too big for the data, and we did not stop when the validation error went up", 5],
  ]);
});

describe("a denial of a noun stops where a new subject starts", () => {
  it("reads 'with no breaks it is smooth' as smooth", () => {
    const tokens = analyzeText("with no breaks it is smooth everywhere").tokens;
    expect(tokens.find((t) => t.surface === "breaks")?.negated).toBe(true);
    expect(tokens.find((t) => t.surface === "smooth")?.negated).toBe(false);
    // A clause negation still reaches its whole clause.
    expect(analyzeText("it is not smooth anywhere").tokens.find((t) => t.surface === "smooth")?.negated).toBe(true);
  });
});

describe("the question's own words beside the student's", () => {
  it("sets the question's words aside and credits the student's own", () => {
    // 3d's statement says the loss stays constant; "stuck on a plateau" is the student's claim.
    expect(item("3d", "False: a constant loss means we are stuck on a plateau, so a bigger step will not help.", "The loss has plateaued, so increasing the learning rate would not help")).toBe(3);
  });
});

describe("options joined by slashes with a doubt, and reasons for a claim left open", () => {
  it("reads 'A / B / C (one of these)' as unsure", () => {
    expect(bothWaysAsUnsure("overfitting / underfitting / bad labels (one of these)")).toBe(" unsure ");
    // Slashes in a formula or a plain list are left alone.
    expect(bothWaysAsUnsure("crop / shift / rotate slightly")).toBe("crop / shift / rotate slightly");
  });

  it("gives nothing to reasons for a problem the answer leaves open, and a TA reads it", () => {
    const g = grade("1d-i", "Problem: overfitting / underfitting / exploding gradients (one of these). Reasons: too many epochs, too little data.");
    expect(g.score).toBe(0);
    expect(g.needsReview).toBe(true);
  });
});
