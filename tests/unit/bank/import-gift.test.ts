import { describe, expect, it } from "vitest";
import { parseGift } from "../../../src/core/bank/import/gift.ts";
import type { ImportedQuestion } from "../../../src/core/bank/import/imported-question.ts";

const one = (text: string): ImportedQuestion => {
  const { questions } = parseGift(text);
  expect(questions).toHaveLength(1);
  return questions[0]!;
};

describe("parseGift", () => {
  it("reads escaped characters as themselves, in the title, the text, the options and their feedback", () => {
    const q = one(String.raw`::Odds\: a ratio::Odds of 3\:1 mean \{one\} of these\: a \~ b, c \= d, \#1{=3/4#Three chances \= 3/4. ~1/3#The ratio 1\:3 ~1\~4}`);
    expect(q.name).toBe("Odds: a ratio");
    expect(q.text).toBe("Odds of 3:1 mean {one} of these: a ~ b, c = d, #1");
    expect(q).toMatchObject({
      type: "multichoice",
      single: true,
      options: [
        { text: "3/4", fraction: 1, feedback: "Three chances = 3/4." },
        { text: "1/3", fraction: 0, feedback: "The ratio 1:3" },
        { text: "1~4", fraction: 0 },
      ],
    });
  });

  it("keeps an escaped backslash and LaTeX, and turns \\( \\) into $ $", () => {
    const q = one(String.raw`What is \\(\\operatorname\{Var\}(c)\\) for a constant c?{=0 ~c}`);
    expect(q.text).toBe(String.raw`What is $\operatorname{Var}(c)$ for a constant c?`);
  });

  it("reads partial credit in short answers and multiple choice, and several answers when no option has =", () => {
    expect(one("Spread?{=deviation =%50%dev#Write it out. =%33.3%sd}")).toMatchObject({
      type: "shortanswer",
      answers: [{ text: "deviation", fraction: 1 }, { text: "dev", fraction: 0.5, feedback: "Write it out." }, { text: "sd", fraction: 0.333 }],
    });
    expect(one("Unbiased?{~%50%mean ~%50%first value ~%-100%maximum#It overestimates.}")).toMatchObject({
      type: "multichoice",
      single: false,
      options: [{ fraction: 0.5 }, { fraction: 0.5 }, { text: "maximum", fraction: -1, feedback: "It overestimates." }],
    });
    expect(one("Pick one{=right ~%25%close ~wrong}")).toMatchObject({ single: true, options: [{ fraction: 1 }, { fraction: 0.25 }, { fraction: 0 }] });
  });

  it("reads numbers with a tolerance, ranges, and several numeric answers", () => {
    expect(one("E[X]?{#3.5:0.01}")).toMatchObject({ type: "numerical", answers: [{ value: 3.5, tolerance: 0.01, fraction: 1 }] });
    expect(one("Any p?{#0.25..0.75}")).toMatchObject({ answers: [{ value: 0.5, tolerance: 0.25, fraction: 1 }] });
    expect(one("Tiny range{#0.1..0.3}")).toMatchObject({ answers: [{ value: 0.2, tolerance: 0.1 }] });
    expect(one("Reversed{#2..1}")).toMatchObject({ answers: [{ value: 1.5, tolerance: 0.5 }] });
    expect(one("Exact{#42}")).toMatchObject({ answers: [{ value: 42, tolerance: 0 }] });
    expect(one("Pi?{#\n=3.14:0.005#Right.\n=%50%3.1:0.05#Close.\n~3#Rounded too far.\n}")).toMatchObject({
      answers: [
        { value: 3.14, tolerance: 0.005, fraction: 1, feedback: "Right." },
        { value: 3.1, tolerance: 0.05, fraction: 0.5, feedback: "Close." },
        { value: 3, tolerance: 0, fraction: 0, feedback: "Rounded too far." },
      ],
    });
    expect(one("Broken{#three}")).toMatchObject({ type: "skipped", sourceType: "numerical", reason: expect.stringMatching(/"three" is not a number/) });
  });

  it("reads true/false with feedback for a wrong and a right answer, and {} as an essay", () => {
    expect(one("Memoryless.{TRUE#Wrong: it is.#Right.}")).toMatchObject({ type: "truefalse", correct: true, feedbackWrong: "Wrong: it is.", feedbackRight: "Right." });
    expect(one("Median is 1.{F}")).toMatchObject({ type: "truefalse", correct: false });
    expect(one("Explain the law of large numbers.{}")).toMatchObject({ type: "essay", text: "Explain the law of large numbers." });
  });

  it("puts a blank where the answer block sits inside the sentence, and reads general feedback", () => {
    const q = one("The mean of Bernoulli(p) is {=p ~1-p####It is P(X = 1).} for every p.");
    expect(q.text).toBe("The mean of Bernoulli(p) is _____ for every p.");
    expect(q.generalFeedback).toBe("It is P(X = 1).");
  });

  it("skips comment lines, files questions under $CATEGORY and numbers them in order", () => {
    const quiz = parseGift([
      "// a comment {=not a question}", "$CATEGORY: $course$/top/Week 4", "", "::A::One?{T}", "", "// another", "::B::Two?{F}",
      "", "$CATEGORY: $course$/top/Week 5", "", "::C::Three?{}",
    ].join("\n"));
    expect(quiz.questions.map((q) => [q.number, q.name, q.category])).toEqual([[1, "A", "Week 4"], [2, "B", "Week 4"], [3, "C", "Week 5"]]);
  });

  it("converts [html] text and reports its images, keeps [markdown] as written", () => {
    const html = one(`[html]<p>The square root of the variance is the&nbsp;<em>standard ___</em>.</p><p><img src="@@PLUGINFILE@@/curve.png"></p>{=deviation}`);
    expect(html.text).toBe("The square root of the variance is the *standard ___*.\n\n[image not imported: curve.png]");
    expect(html.lost).toEqual(["an image in the question text (curve.png): not imported"]);
    expect(one("[markdown]Which are **unbiased**?{=mean}").text).toBe("Which are **unbiased**?");
  });

  it("reports matching, descriptions and several answer blocks as not imported, with the reason", () => {
    const quiz = parseGift("::M::Match{=a -> 1 =b -> 2}\n\n::D::Just text.\n\n::Two::Mean {=λ} and variance {=λ}.");
    expect(quiz.questions.map((q) => q.type === "skipped" && [q.sourceType, q.reason])).toEqual([
      ["matching", expect.stringMatching(/matching questions have no bank kind/)],
      ["description", expect.stringMatching(/has no answer/)],
      ["cloze", expect.stringMatching(/2 answer blocks/)],
    ]);
  });
});
