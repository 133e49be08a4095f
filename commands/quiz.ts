import { questionReply } from "../src/core/views/question-view.ts";
import type { Command } from "../src/services.ts";

export const quiz: Command = {
  name: "quiz",
  description: "Get a question: one you name, one from a topic, or what is due for review",
  options: [
    { name: "question", description: "A question id such as 2c-i", type: "string", required: false },
    { name: "topic", description: "A topic such as backprop", type: "string", required: false },
  ],
  access: "everyone",
  visibility: "private",
  examples: ["/quiz", "/quiz 2c-i", "/quiz topic: backprop"],
  async handle(input, { practice, bank, exams }) {
    const who = { course: input.course, user: input.user.id };
    // During a mock exam a question keeps the exam's own numbers: answers count for the exam.
    const examOpen = Boolean(await exams.open(who, input.now));
    const { question, reason } = await practice.serve(who, { question: input.options.question, topic: input.options.topic }, input.now, { variants: !examOpen });
    const reply = questionReply(question, bank.problemOf(question.id).title, reason);
    if (examOpen) {
      // During a mock exam the solution stays hidden and answers count for the exam.
      return { ...reply, buttons: reply.buttons?.filter((b) => !("action" in b) || b.action.command !== "solution") };
    }
    return reply;
  },
};
