import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { latexToText, renderMathText } from "../../../src/render/latex-to-text.ts";

describe("latexToText on the midterm's formulas", () => {
  const cases: Array<[string, string]> = [
    [String.raw`\mathbf{W}_1 \in \mathbb{R}^{p \times n}`, "W₁ ∈ ℝ^(p×n)"],
    [String.raw`\mathbf{x} \in \mathbb{R}^n`, "x ∈ ℝⁿ"],
    [String.raw`(\mathbf{x}^{(i)}, y^{(i)})`, "(x⁽ⁱ⁾, y⁽ⁱ⁾)"],
    [String.raw`\frac{\partial \mathcal{L}}{\partial \mathbf{W}_1}`, "∂ℒ/∂W₁"],
    [String.raw`\mathcal{L} = \frac{1}{2} \|\mathbf{z} - \mathbf{y}\|_2^2`, "ℒ = ½ ‖z − y‖₂²"],
    [String.raw`\mathbf{z} = \mathbf{W}_3 \text{relu}(\mathbf{W}_1 \mathbf{x}) + \mathbf{W}_2 \mathbf{x}.`,
      "z = W₃ relu(W₁ x) + W₂ x."],
    [String.raw`\mathcal{L} = \sum_{i=1}^m \left(\log \sum_{j=1}^c e^{a_j(x^{(i)})} - a_{y^{(i)}}(x^{(i)}) \right)`,
      "ℒ = Σᵢ₌₁ᵐ (log Σⱼ₌₁ᶜ e^(aⱼ(x⁽ⁱ⁾)) − a_(y⁽ⁱ⁾)(x⁽ⁱ⁾))"],
    [String.raw`\frac{\partial \mathcal{L}}{\partial \mathbf{u}} = \mathbb{1}(\mathbf{u}) \odot \frac{\partial \mathcal{L}}{\partial \mathbf{v}}`,
      "∂ℒ/∂u = 𝟙(u) ⊙ ∂ℒ/∂v"],
    [String.raw`\epsilon = 5 \times 10^{-6}`, "ε = 5 × 10⁻⁶"],
    [String.raw`\hat{y}^{(j)} = \Pr(y^{(j)} \text{ belongs to class 1} | \mathbf{x}^{(j)}, \theta)`,
      "ŷ⁽ʲ⁾ = Pr(y⁽ʲ⁾ belongs to class 1 | x⁽ʲ⁾, θ)"],
    [String.raw`\frac{1}{1 + \exp(-\theta^T \mathbf{x}^{(j)})}`, "1/(1 + exp(−θᵀ x⁽ʲ⁾))"],
    [String.raw`\mathcal{L}(\theta) = \frac{1}{N} \sum_{j=1}^N \left[y^{(j)} \log \hat{y}^{(j)} + (1 - y^{(j)}) \log(1 - \hat{y}^{(j)}) \right]`,
      "ℒ(θ) = 1/N Σⱼ₌₁ᴺ [y⁽ʲ⁾ log ŷ⁽ʲ⁾ + (1 − y⁽ʲ⁾) log(1 − ŷ⁽ʲ⁾)]"],
    [String.raw`\arg \max_{\theta} \prod_{j=1}^N p(y^{(j)} | \mathbf{x}^{(j)}, \theta)`, "arg max_θ ∏ⱼ₌₁ᴺ p(y⁽ʲ⁾ | x⁽ʲ⁾, θ)"],
    [String.raw`(\hat{y}^{(j)})^{y^{(j)}} \cdot (1 - \hat{y}^{(j)})^{1-y^{(j)}}`, "(ŷ⁽ʲ⁾)^(y⁽ʲ⁾) · (1 − ŷ⁽ʲ⁾)^(1−y⁽ʲ⁾)"],
    [String.raw`\text{GELU}(x) = 0.5x(1 + \tanh[\sqrt{2/\pi}(x + 0.044715x^3)])`, "GELU(x) = 0.5x(1 + tanh[√(2/π)(x + 0.044715x³)])"],
    [String.raw`y^{(j)} \in \{0, 1\}`, "y⁽ʲ⁾ ∈ {0, 1}"],
    [String.raw`\nabla_{\mathbf{z}} \mathcal{L}`, "∇_z ℒ"],
    [String.raw`\text{diag}(\mathbb{1}(\mathbf{b}))`, "diag(𝟙(b))"],
    [String.raw`x \geq 0, \alpha \leq \beta, a \neq b`, "x ≥ 0, α ≤ β, a ≠ b"],
  ];
  it.each(cases)("%s", (latex, expected) => {
    expect(latexToText(latex)).toBe(expected);
  });

  it("lays out aligned equations one row a line, relations lined up", () => {
    const latex = String.raw`\begin{aligned} \mathcal{L} &= \frac{1}{2} \|\mathbf{z} - \mathbf{y}\|_2^2 \\ &= \frac{1}{2} (\mathbf{z} - \mathbf{y})^T (\mathbf{z} - \mathbf{y}) \\ \frac{\partial \mathcal{L}}{\partial \mathbf{z}} &= \mathbf{z} - \mathbf{y} \end{aligned}`;
    expect(latexToText(latex)).toBe([
      "ℒ     = ½ ‖z − y‖₂²",
      "      = ½ (z − y)ᵀ (z − y)",
      "∂ℒ/∂z = z − y",
    ].join("\n"));
  });

  it("lays out cases as braced lines under the column where they start", () => {
    const latex = String.raw`\mathbb{1}(\mathbf{u}) = \begin{cases} 1, & \mathbf{u}_i \geq 0 \\ 0, & \mathbf{u}_i < 0 \end{cases}`;
    expect(latexToText(latex)).toBe("𝟙(u) = { 1, uᵢ ≥ 0\n       { 0, uᵢ < 0");
  });

  it("turns a bare \\\\ into a line break and matrices into rows", () => {
    expect(latexToText(String.raw`a = 1 \\ b = 2`)).toBe("a = 1\nb = 2");
    expect(latexToText(String.raw`\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}`)).toBe("[1 2; 3 4]");
  });

  it("degrades unknown commands by dropping the backslash", () => {
    expect(latexToText(String.raw`\foo{x} + \bar{x} + \mathbf{\hat{y}}`)).toBe("foox + x̄ + ŷ");
  });

  it("never throws on junk and returns a string", () => {
    const junk = ["\\frac{", "}}}{{{", "\\begin{aligned", "^_^_", "\\left", "\\", "$$",
      "{".repeat(20_000) + "x", "\\hat".repeat(50_000) + "x", "\\begin{cases}".repeat(500), "\\sqrt[", "\\text{"];
    for (const input of junk) expect(typeof latexToText(input)).toBe("string");
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(..."\\{}^_&$ab1 \n[](".split("")), maxLength: 60 }), (input) => {
      expect(typeof latexToText(input)).toBe("string");
    }), { numRuns: 300 });
  });
});

describe("renderMathText", () => {
  it("converts $...$ math and keeps prose", () => {
    expect(renderMathText(String.raw`with $\mathbf{x} \in \mathbb{R}^n$, and $\mathbf{W}_2 \in \mathbb{R}^{m \times n}$,`))
      .toBe("with x ∈ ℝⁿ, and W₂ ∈ ℝ^(m×n),");
  });

  it("puts display math on lines of its own", () => {
    expect(renderMathText(String.raw`the loss is $$\mathcal{L} = \frac{1}{2} \|\mathbf{z} - \mathbf{y}\|_2^2$$ where z`))
      .toBe("the loss is\nℒ = ½ ‖z − y‖₂²\nwhere z");
    expect(renderMathText("as:\n\n$$a_1$$\n\nwhere")).toBe("as:\n\na₁\n\nwhere");
  });

  it("converts known bare commands in prose, as the seed has them", () => {
    expect(renderMathText(String.raw`Calculate the gradient of \mathcal{L} with respect to \mathbf{W}_3 ?`))
      .toBe("Calculate the gradient of ℒ with respect to W₃ ?");
    expect(renderMathText(String.raw`and \odot is the Hadamard product`)).toBe("and ⊙ is the Hadamard product");
  });

  it("leaves dollar amounts, escapes and unknown backslashes in prose alone", () => {
    expect(renderMathText("costs $5 and $6 today")).toBe("costs $5 and $6 today");
    expect(renderMathText(String.raw`pay \$3 at C:\Users`)).toBe(String.raw`pay $3 at C:\Users`);
    expect(renderMathText(String.raw`inline \(y_1\) and \[x^2\] done`)).toBe("inline y₁ and\nx²\ndone");
  });
});
