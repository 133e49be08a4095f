import { heading, reply, text } from "../src/core/chat/reply.ts";
import type { Command } from "../src/services.ts";

/** Behind the "Show solution" button of a practice question. */
export const solution: Command = {
  name: "solution",
  description: "Show the reference solution of a question",
  options: [{ name: "question", description: "The question id", type: "string", required: true }],
  access: "everyone",
  hidden: true,
  visibility: "private",
  examples: [],
  async handle(input, { courseBanks, exams, practice }) {
    const who = { course: input.course, user: input.user.id };
    (await courseBanks.of(input.course)).resolve(input.options.question ?? "", { command: "/solution", bankOption: false });
    await exams.refuseDuringExam(who, input.now, "Solutions");
    const question = await practice.solutionSeen(who, input.options.question ?? "", input.now);
    return reply([
      heading(`Reference solution for ${question.id}`),
      text(question.solution.trim()),
      text(`Your next answer to ${question.id} counts as a review you did not know yet ("Again"), so it comes back soon.`),
    ], {
      buttons: [{ label: "Next question", style: "primary", action: { command: "quiz", options: {} } }],
    });
  },
};
