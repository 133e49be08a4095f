import { Question } from "../../../src/core/bank/schema.ts";
import type { Question as QuestionType } from "../../../src/core/bank/schema.ts";

/** A small question around `answer`, parsed with the bank schema so its defaults apply. */
export function makeQuestion(answer: unknown, points = 5, id = "q1"): QuestionType {
  return Question.parse({
    id, problem: 1, title: "Fixture", topic: "fixtures", points, grader: "TA", prompt: "Fixture prompt", solution: "Fixture solution", answer,
  });
}
