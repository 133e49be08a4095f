import { UserError } from "../src/core/errors.ts";
import { questionReply } from "../src/core/views/question-view.ts";
import type { Command } from "../src/services.ts";

export const quiz: Command = {
  name: "quiz",
  description: "Get a question: one you name, one from a topic, or what is due for review",
  options: [
    { name: "question", description: "A question id such as 2c-i (final/1a where banks share an id)", type: "string", required: false },
    { name: "topic", description: "A topic such as backprop", type: "string", required: false },
    { name: "bank", description: "Only this bank's questions, e.g. midterm (see /help)", type: "string", required: false },
  ],
  access: "everyone",
  visibility: "private",
  examples: ["/quiz", "/quiz 2c-i", "/quiz topic: backprop", "/quiz 1a bank: midterm"],
  async handle(input, { practice, exams, courseBanks }) {
    const who = { course: input.course, user: input.user.id };
    // During a mock exam a question keeps the exam's own numbers, and comes from the exam's bank: answers count for the exam.
    const session = await exams.open(who, input.now);
    const asked = input.options.bank;
    if (session && asked && courseBanks.library.bank(asked) !== exams.bankOf(session)) {
      throw new UserError("not-in-exam", `Your mock ${exams.titleOf(session.exam).toLowerCase()} is running: only its questions can be asked for until you submit it (/exam submit).`);
    }
    const request = { question: input.options.question, topic: input.options.topic, bank: session ? session.exam : asked };
    const { question, bank, reason } = await practice.serve(who, request, input.now, { variants: !session });
    const several = (await courseBanks.of(input.course)).banks.length > 1;
    // With several banks the problem says whose it is: problem 1 of the midterm is not problem 1 of the final.
    const problem = `${bank.problemOf(question.id).title}${several ? ` (${bank.exam.title})` : ""}`;
    const reply = questionReply(question, problem, reason);
    if (session) {
      // During a mock exam the solution stays hidden and answers count for the exam.
      return { ...reply, buttons: reply.buttons?.filter((b) => !("action" in b) || b.action.command !== "solution") };
    }
    return reply;
  },
};
