import { describe, expect, it } from "vitest";
import { weightShapeAsBlanks } from "../../../src/core/grading/blank-readings.ts";
import { maskStep, splitStatements } from "../../../src/core/grading/formula-statements.ts";
import { readFormula } from "../../../src/core/grading/formula-text.ts";
import { perClassAsMatrix } from "../../../src/core/grading/index-notation.ts";
import { rewriteNumpyStatements } from "../../../src/core/math/numpy-statements.ts";
import { grade, item, midterm, score } from "./midterm-grading.ts";

// Formulas, blanks and numbers read as a careful TA reads them. Every answer
// here is written for these tests (other wordings of each kind), not taken from a labelled set.

describe("1c in the forms students use", () => {
  it("reads the vector of ones written with its length as a subscript", () => {
    expect(score("1c", "dL/dW = (softmax(A) - Y) X^T; dL/db = (softmax(A) - Y) \\mathbf{1}_m")).toBe(10);
    expect(score("1c", "dW = (softmax(A) - Y) * X'\ndb = (softmax(A) - Y) * 1_{m}")).toBe(10);
    // Near miss: the ones vector on the wrong side cannot be multiplied.
    expect(item("1c", "dW = (softmax(A) - Y) * X'; db = 1_m * (softmax(A) - Y)", "dL/db")).toBe(0);
  });

  it("reads ones(m), and the labels ∇_W L and \\frac{\\partial L}{\\partial W}", () => {
    expect(score("1c", "dW = (softmax(A) - Y) X'; db = (softmax(A) - Y) ones(m, 1)")).toBe(10);
    expect(score("1c", "∇_W L = (softmax(A) - Y) Xᵀ\n∇_b L = (softmax(A) - Y) u")).toBe(10);
    expect(score("1c", "\\frac{\\partial L}{\\partial W} = (softmax(A) - Y) X^T; \\frac{\\partial L}{\\partial b} = (softmax(A) - Y) u")).toBe(10);
    // Near miss: a vector of ones of the wrong length is not the question's u.
    expect(item("1c", "dW = (softmax(A) - Y) X'; db = (softmax(A) - Y) ones(c)", "dL/db")).toBe(0);
  });

  it("takes a definition that ends with a full stop or a comma before the labelled parts", () => {
    expect(score("1c", "Let G = softmax(A) - Y. dL/dW = G X', dL/db = G u")).toBe(10);
    expect(score("1c", "P = softmax(A), dW = (P - Y) * X', db = (P - Y) * u")).toBe(10);
    // Near miss: the defined matrix has the sign flipped.
    expect(score("1c", "Let G = Y - softmax(A). dL/dW = G X', dL/db = G u")).toBe(0);
  });

  it("reads numpy over several statements, with in-place updates and the one-hot update", () => {
    const code = "S = np.exp(A - np.max(A, axis=0)); S /= np.sum(S, axis=0); S[labels, np.arange(m)] -= 1; dW = S @ X.T; db = S.sum(1)";
    expect(score("1c", code)).toBe(10);
    expect(score("1c", "G = np.exp(A); G /= G.sum(axis=0); G[range(m), y] -= 1; dW = G @ X.T; db = G.sum(axis=1)")).toBe(10);
    expect(score("1c", "Q = np.exp(A) / np.exp(A).sum(axis=0, keepdims=True)\nD = Q.copy()\nD[t, np.arange(m)] -= 1\ndW = D @ X.T\ndb = D.sum(axis=1)")).toBe(10);
    // Near miss: the one-hot labels are never subtracted (probabilities alone): partial credit only.
    expect(score("1c", "G = np.exp(A); G /= G.sum(axis=0); dW = G @ X.T; db = G.sum(axis=1)")).toBe(4);
  });

  it("reads a gradient per class, as a sum over the examples, and asks a TA to confirm", () => {
    const perClass = grade("1c", "∂L/∂w_k = \\sum_{i=1}^{m} (ŷ_{ik} - δ_{k,y_i}) x^{(i)} ; ∂L/∂b_k = \\sum_{i=1}^{m} (ŷ_{ik} - δ_{k,y_i})");
    expect(perClass.score).toBe(10);
    expect(perClass.needsReview).toBe(true);
    expect(score("1c", "dL/dw_k = sum over i of (softmax(a(x_i))_k - [y_i == k]) x_i and dL/db_k = sum over i of (softmax(a(x_i))_k - [y_i == k])")).toBe(10);
    // Only the weights given: that blank's points.
    expect(item("1c", "dL/dw_k = Σ_i (p_ik - 1(y_i = k)) · x_i", "dL/dW")).toBe(5);
    // Near misses: the indicator left out (partial), the sign flipped (none).
    expect(score("1c", "dL/dw_k = Σ_i p_ik x_i; dL/db_k = Σ_i p_ik")).toBe(4);
    expect(score("1c", "dL/dw_k = Σ_i (1{y_i = k} - p_ik) x_i; dL/db_k = Σ_i (1{y_i = k} - p_ik)")).toBe(0);
  });

  it("reads a sum over the examples written with vectors per example", () => {
    expect(score("1c", "dW = Σ_i (ŷ_i − onehot(y_i)) x_iᵀ; db = Σ_i (ŷ_i − onehot(y_i))")).toBe(10);
    expect(score("1c", "dL/dW = \\sum_i (softmax(W x^{(i)} + b) - e_{y^{(i)}}) x^{(i)T}; dL/db = \\sum_i (softmax(W x^{(i)} + b) - e_{y^{(i)}})")).toBe(10);
    // Near miss: labels minus probabilities, the sign flipped.
    expect(score("1c", "dW = Σ_i (y_i - p_i) x_i^T; db = Σ_i (y_i - p_i)")).toBe(0);
  });

  it("reads a numpy reduction of a bracketed expression", () => {
    expect(score("1c", "dW = (softmax(A) - Y) @ X.T; db = (softmax(A) - Y).sum(axis=1)")).toBe(10);
    // Near miss: summed over the wrong axis gives a row, not a column of c entries.
    expect(item("1c", "dW = (softmax(A) - Y) @ X.T; db = (softmax(A) - Y).sum(axis=0)", "dL/db")).toBe(0);
  });

  it("maps the per-class notation to matrices only when the question has them", () => {
    const names = { examples: "X", scores: "A", onehot: "Y" };
    expect(perClassAsMatrix("dL/dw_k = Σ_i (p_{ki} - y_{ik}) x_i", names)).toBe("dL/dW = (softmax(A) - Y) * X'");
    expect(perClassAsMatrix("dL/dw_k = Σ_i (p_{ki} - y_{ik}) x_i", undefined)).toBe("dL/dw_k = Σ_i (p_{ki} - y_{ik}) x_i");
    // A probability defined as something other than the softmax is left unread.
    expect(perClassAsMatrix("dL/db_k = Σ_i (q_ik - y_ik) where q_ik = a_k(x_i)", names)).toContain("Σ_i");
  });
});

describe("2c: backprop through named steps", () => {
  it("reads a chain of named steps, each using the one before", () => {
    expect(score("2c-i", "h = W1 x; r = relu(h). dL/dr = W3^T dL/dz, then dL/dh = dL/dr .* 1(h > 0), dL/dW1 = dL/dh x^T")).toBe(6);
    expect(score("2c-ii", "∂L/∂c = W3ᵀ ∂L/∂z, ∂L/∂b = step(b) ⊙ ∂L/∂c, ∂L/∂x = W1ᵀ ∂L/∂b + W2ᵀ ∂L/∂z")).toBe(6);
    // Near miss: the chain drops the transpose of W3.
    expect(score("2c-i", "h = W1 x. dL/dr = W3 dL/dz, dL/dh = dL/dr .* 1(h > 0), dL/dW1 = dL/dh x^T")).toBe(0);
  });

  it("reads a masking step in words", () => {
    expect(maskStep("zero out the entries where W1 x is negative", "g")).toBe("g = step(W1 x) .* g");
    expect(maskStep("then keep only the components where W1x >= 0", "g")).toBe("g = step(W1x) .* g");
    expect(maskStep("zero out nothing", "g")).toBeUndefined();
    expect(score("2c-i", "u = W3' dLdz, then set to zero the entries where W1 x < 0, and dW1 = u x'")).toBe(6);
    expect(score("2c-ii", "v = W3^T dLdz, kill the entries of v where W1x < 0, so dx = W1^T v + W2^T dLdz")).toBe(6);
    // Near miss: the mask in words but the shortcut path left out.
    expect(score("2c-ii", "v = W3^T dLdz, zero out the entries where W1x < 0, then dx = W1^T v")).toBe(3);
  });

  it("reads a mask set by indexing, in numpy or MATLAB", () => {
    expect(score("2c-i", "delta = W3.T @ dz; delta[W1 @ x < 0] = 0; dW1 = np.outer(delta, x)")).toBe(6);
    expect(score("2c-ii", "g = W3' * dLdz; g(W1*x <= 0) = 0; dx = W1' * g + W2' * dLdz")).toBe(6);
    // Near miss: the mask zeroes the wrong side.
    expect(score("2c-ii", "g = W3' * dLdz; g(W1*x > 0) = 0; dx = W1' * g + W2' * dLdz")).toBe(0);
  });

  it("reads a formula described in words, and asks a TA to confirm", () => {
    const steps = grade("2c-i", "start with the transpose of W3 multiplied by dL/dz, then zero out the entries where W1x < 0, and outer product with x");
    expect(steps.score).toBe(6);
    expect(steps.needsReview).toBe(true);
    expect(score("2c-ii", "both paths add: through the skip it is W2 transposed times dLdz; through the hidden layer it is W1 transposed times (step of W1x hadamard product with W3 transposed times dLdz)")).toBe(6);
    // Near misses: a transpose left out in words; the factors named but never put together.
    expect(score("2c-i", "take W3 times dL/dz, zero out the entries where W1x < 0, then outer product with x")).toBe(0);
    expect(score("2c-i", "begin with W3 transposed times dLdz, multiply it elementwise by step(W1x), then multiply by x' on the right")).toBe(6);
    expect(score("2c-ii", "take W3ᵀ dLdz, zero out the entries where W1x < 0, left-multiply by W1ᵀ, then plus W2ᵀ dLdz")).toBe(6);
    expect(score("2c-ii", "take W3ᵀ dLdz, zero out the entries where W1x < 0, left-multiply by W1, then plus W2ᵀ dLdz")).toBe(0);
    const recited = grade("2c-ii", "the paths add: W1, W2, W3, the indicator and dL/dz all appear in it");
    expect(recited.score).toBe(0);
  });

  it("reads numpy's dz and comparison masks, and cuts a remark after a dash", () => {
    expect(score("2c-i", "np.outer((W3.T @ dz) * (W1 @ x > 0), x)")).toBe(6);
    expect(score("2c-ii", "W1' * (step(W1*x) .* (W3' * dLdz)) + W2' * dLdz -- pretty sure about this one")).toBe(6);
    expect(score("4a-ii", "2mn + ml + m + l — counting every weight and bias")).toBe(3);
    // A dash inside the formula is a minus: not cut ("- m" would be the listed hidden-bias slip).
    expect(score("4a-ii", "2mn + ml + m + l - n")).toBe(0);
  });

  it("splits statements, not the expression inside brackets", () => {
    expect(splitStatements("a = W1 x, b = relu(a). c = max(a, b)")).toEqual(["a = W1 x", "b = relu(a)", "c = max(a, b)"]);
    expect(readFormula("(1(W1 x) .* (W3' dLdz)) x', and b = W1 x", new Set(["x", "W1", "W3", "dLdz", "b"])).candidates[0]).toBe("(1(W1 x) .* (W3' dLdz)) x'");
  });

  it("reads numpy statements as assignments", () => {
    expect(rewriteNumpyStatements("P /= P.sum(0)")).toBe("P = P ./ (sum(P, 1))");
    expect(rewriteNumpyStatements("P[y, np.arange(n)] -= 1", "Y")).toBe("P = P - Y");
    expect(rewriteNumpyStatements("E = np.exp(S - S.max(axis=0))")).toBe("E = np.exp(S)");
    // Subtracting something other than the column maximum is kept.
    expect(rewriteNumpyStatements("E = np.exp(S - T.max(0))")).toContain("T.max(0)");
  });
});

describe("4a and 4b: shapes and counts in sentences", () => {
  it("reads rows and columns in words, a part that starts with its label, and 'same'", () => {
    expect(score("4a-i", "W1 has m rows and n columns, Ws the same, W2 is l rows by m cols")).toBe(3);
    expect(score("4a-i", "W1 maps n inputs to m outputs hence m by n; Ws likewise; W2 maps m to l so l by m")).toBe(3);
    // Near miss: "not the same" takes nothing from the blank before.
    expect(item("4a-i", "W1: m x n; Ws: not the same, since it skips; W2: l x m", "Ws")).toBe(0);
    // Gaming: "the same" as a hedged blank is hedged too.
    expect(score("4a-i", "W1: m×n or n×m, Ws: same, W2: l×m")).toBe(1);
  });

  it("reads a layer's weight tensor as filters and their shape", () => {
    expect(score("4b-i", "the kernel tensor is [16, 3, 7, 7]")).toBe(5);
    expect(score("4b-i", "weights: 7x7x3x16 (h, w, in, out)")).toBe(5);
    const blanks = midterm.require("4b-i").answer;
    // Neither layout has square filters: left as typed.
    expect(blanks.kind === "blanks" && weightShapeAsBlanks(blanks.blanks, "(5, 3, 4, 2)")).toBeUndefined();
    // Near miss: the in and out channels swapped.
    expect(score("4b-i", "conv weight: (3, 16, 7, 7)")).toBe(0);
  });

  it("reads the depth in brackets after a shape", () => {
    expect(score("4b-i", "16 of them, 7x7 (x3 channels)")).toBe(5);
    expect(item("4b-i", "16 filters; each is 7 by 7 (times 3 for colour)", "size")).toBe(3);
  });

  it("reads work shown with arrows, asides and 'then', and refuses an alternative in brackets", () => {
    expect(score("4b-ii", "depth 16 (the channels of layer 1); each filter holds 3*3*16 = 144 weights, times 32 filters gives 4608")).toBe(5);
    expect(score("4b-ii", "a filter is 16 deep (it spans all 16 input maps) then 32 × 3 × 3 × 16")).toBe(5);
    expect(item("4b-ii", "depth = 16 (maybe 3); parameters = 4608", "depth")).toBe(0);
    expect(item("4b-ii", "the depth should be 16 (or 3) and there are 4608 parameters", "depth")).toBe(0);
  });
});
