import { describe, expect, it } from "vitest";
import { draftBank, questionLetters, slug } from "../../../src/core/bank/import/bank-draft.ts";
import { parseGift } from "../../../src/core/bank/import/gift.ts";
import { mapQuestions } from "../../../src/core/bank/import/to-bank.ts";
import { parseBank } from "../../../src/core/bank/load-bank.ts";
import { Question } from "../../../src/core/bank/schema.ts";
import { gradeAnswer } from "../../../src/core/grading/grade-answer.ts";

const map = (gift: string, grader = "TA") => mapQuestions(parseGift(gift).questions, grader);
const answerOf = (gift: string) => map(gift).mapped[0]?.question.answer;

describe("mapQuestions", () => {
  it("maps a number's tolerance to an absolute tolerance, and partial or commented values to known mistakes", () => {
    expect(answerOf("Pi?{#=3.14:0.005 =%50%3.1:0.05#Close. ~3#Too rounded.}")).toEqual({
      kind: "number", value: 3.14, rtol: 0, atol: 0.005,
      mistakes: [{ answer: "3.1", points: 0.5, feedback: "Close." }, { answer: "3", points: 0, feedback: "Too rounded." }],
    });
    // No tolerance in the source: exact, forgiving only float noise.
    expect(answerOf("Count?{#42}")).toEqual({ kind: "number", value: 42, rtol: 0, atol: 1e-9 });
    expect(answerOf("Range{#1..2}")).toMatchObject({ value: 1.5, atol: 0.5 });
  });

  it("maps short answers to one item whose lower levels carry partial credit", () => {
    const q = map("::Spread::The root of the variance?{=standard deviation =SD =%50%deviation#Say which one. =%25%*spread*}").mapped[0]!.question;
    expect(q.answer).toEqual({
      kind: "short",
      namingEarns: true,
      rubric: [{
        id: "answer", label: "The expected answer", points: 1,
        levels: [
          { points: 1, phrases: ["standard deviation", "SD"] },
          { points: 0.5, label: "worth 50%", phrases: ["deviation"] },
          { points: 0.25, label: "worth 25%", phrases: ["spread"] },
        ],
      }],
    });
    expect(q.solution).toBe("Accepted answers: standard deviation; SD.\n\nPartly right (50%): deviation. Say which one.\n\nPartly right (25%): spread.");
    expect(answerOf("Capital?{=Paris =paris city}")).toEqual({
      kind: "short", namingEarns: true, rubric: [{ id: "answer", label: "The expected answer", points: 1, phrases: ["Paris", "paris city"] }],
    });
  });

  it("maps true/false to a choice that earns every point, with no justification rubric", () => {
    const q = map("Disjoint events are independent.{F#They depend on each other.}").mapped[0]!.question;
    expect(q.answer).toEqual({ kind: "truefalse", correct: false, choicePoints: 1, justification: [] });
    expect(q.solution).toBe("False.\n\nThey depend on each other.");
  });

  it("grades such a true/false question on the choice alone, and the bank refuses it when the choice is not worth every point", () => {
    const answer = { kind: "truefalse", correct: false, choicePoints: 2, justification: [] };
    const q = Question.parse({ id: "q", problem: 1, title: "T", topic: "t", points: 2, grader: "TA", prompt: "P", solution: "S", answer });
    const graded = (text: string) => gradeAnswer(q, { text });
    expect(graded("false")).toMatchObject({ score: 2, feedback: [], needsReview: false });
    expect(graded("F, they depend on each other")).toMatchObject({ score: 2, feedback: [] });
    expect(graded("true")).toMatchObject({ score: 0, feedback: ["The statement is false."] });
    const bank = (choicePoints: number) => parseBank(draftBank(map("Disjoint?{F}").mapped, { id: "b", source: "b.gift", format: "gift" }).yaml.replace("choicePoints: 1", `choicePoints: ${choicePoints}`), "b.yaml");
    expect(bank(1).ok).toBe(true);
    const refused = bank(0.5);
    expect(refused.ok ? [] : refused.issues.map((i) => i.message)).toEqual([expect.stringMatching(/choicePoints plus the justification's points add up to 0\.5 points, but question 1a is worth 1 point/)]);
  });

  it("maps multiple choice to lettered options worth their share of the points", () => {
    const [single, several] = map("One{=1/3 ~%50%0.33#Close. ~1/6}\n\nSeveral{~%50%a ~%50%b ~%-100%c}").mapped;
    expect(single!.question.answer).toEqual({
      kind: "choice", multiple: false,
      options: [{ id: "a", text: "1/3", points: 1 }, { id: "b", text: "0.33", points: 0.5, feedback: "Close." }, { id: "c", text: "1/6" }],
    });
    expect(single!.question.solution).toBe("The answer is (a) 1/3.");
    expect(several!.question.answer).toMatchObject({ multiple: true, options: [{ points: 0.5 }, { points: 0.5 }, { points: -1 }] });
    expect(several!.question.solution).toBe("The answers are (a) a and (b) b.");
    expect(map("Free{~%50%a ~%50%b ~c}").mapped[0]!.notes).toEqual([expect.stringMatching(/choosing every option earns full credit/)]);
  });

  it("maps an essay to a question a TA grades", () => {
    const { mapped } = map("Explain.{####Switching wins when the first pick was wrong.}");
    expect(mapped[0]!.question).toMatchObject({
      answer: { kind: "essay", rubric: [{ id: "essay", points: 1 }] },
      solution: "Switching wins when the first pick was wrong.",
    });
  });

  it("lists what cannot be mapped, by number, name, type and reason", () => {
    const { mapped, notImported } = map("::Match::M{=a -> 1 =b -> 2}\n\n::None right::Pick{~a ~b}\n\n::Ok::Fine{T}\n\n::Bad total::Several{~%50%a ~%30%b ~%-50%c}");
    expect(mapped.map((m) => m.source.name)).toEqual(["Ok"]);
    expect(notImported).toEqual([
      { number: 1, name: "Match", type: "matching", reason: expect.stringMatching(/matching/) },
      { number: 2, name: "None right", type: "multichoice", reason: "no option earns credit" },
      { number: 4, name: "Bad total", type: "multichoice", reason: "its right options add up to 80% of the points, not 100%" },
    ]);
  });
});

describe("draftBank", () => {
  it("writes a bank that validates: one problem per category, exam-like ids, TODO placeholders", () => {
    const { mapped } = map("$CATEGORY: $course$/top/Week 1\n\n::A::a?{T}\n\n::B::b?{#1}\n\n$CATEGORY: $course$/top/Week 2\n\n::C::c?{=x ~y}");
    const draft = draftBank(mapped, { id: "week-1", source: "quiz.gift", format: "gift" });
    expect(draft.ids).toEqual(["1a", "1b", "2a"]);
    expect(draft.bank.problems).toEqual([{ number: 1, title: "Week 1", points: 2 }, { number: 2, title: "Week 2", points: 1 }]);
    expect(draft.bank.questions.map((q) => q.topic)).toEqual(["week-1", "week-1", "week-2"]);
    const parsed = parseBank(draft.yaml, "draft.yaml");
    expect(parsed.ok ? parsed.bank.questions.map((q) => `${q.id}:${q.answer.kind}:${q.grader}`) : parsed.issues).toEqual(["1a:truefalse:TA", "1b:number:TA", "2a:choice:TA"]);
    expect(draft.yaml).toMatch(/^ {2}course: Course name # TODO: the course's name$/m);
    expect(draft.yaml).toMatch(/^ {2}# TODO: grader: the TA who grades 1a and answers its regrades\.$/m);
    expect(draft.yaml).toMatch(/^ {2}# 1a: question 1 of quiz\.gift, "A" \(truefalse\)\.$/m);
  });

  it("writes the course and grader it is given without TODOs for them", () => {
    const draft = draftBank(map("a?{T}", "J. Doe").mapped, { id: "q", course: "STAT 100", grader: "J. Doe", source: "q.gift", format: "gift" });
    expect(draft.yaml).toMatch(/^ {2}course: STAT 100$/m);
    expect(draft.yaml).not.toMatch(/TODO: grader/);
  });

  it("names questions past z as the exam does, and makes ids and topics from names", () => {
    expect([0, 25, 26, 27, 51, 52].map(questionLetters)).toEqual(["a", "z", "aa", "ab", "az", "ba"]);
    expect(slug("Week 3: Probabilité & Co.", "x")).toBe("week-3-probabilite-co");
    expect(slug("???", "imported")).toBe("imported");
  });
});
