import { heading, reply, text } from "../src/core/chat/reply.ts";
import type { ReplyButton } from "../src/core/chat/reply.ts";
import type { Command } from "../src/services.ts";

/**
 * Behind the "Hint" button of a practice answer: the next rung of the question's hint ladder (or
 * the rung a recognised mistake points to). After the last hint only the solution is left.
 */
export const hint: Command = {
  name: "hint",
  description: "Show the next hint of a question, before its solution",
  options: [
    { name: "question", description: "The question id", type: "string", required: true },
    { name: "step", description: "Which hint (1 = the first); default the next one", type: "integer", required: false },
  ],
  access: "everyone",
  hidden: true,
  visibility: "private",
  examples: [],
  async handle(input, { courseBanks, exams, practice }) {
    const who = { course: input.course, user: input.user.id };
    (await courseBanks.of(input.course)).resolve(input.options.question ?? "", { command: "/hint", bankOption: false });
    await exams.refuseDuringExam(who, input.now, "Hints");
    const step = input.options.step === undefined ? undefined : Number(input.options.step);
    const h = await practice.hint(who, input.options.question ?? "", step);
    const id = h.question.id;
    const solution: ReplyButton = { label: "Show solution", style: "secondary", action: { command: "solution", options: { question: id } } };
    const buttons: ReplyButton[] = h.reached < h.total
      ? [{ label: "Next hint", style: "primary", action: { command: "hint", options: { question: id } } }, solution]
      : [{ ...solution, style: "primary" }];
    const after = h.reached < h.total
      ? `Try again with /answer ${id} …, or ask for the next hint.`
      : `That was the last hint. Try again with /answer ${id} …, or see the solution.`;
    return reply([heading(`Hint ${h.index} of ${h.total} for ${id}`), text(h.text.trim()), text(after)], {
      buttons,
      data: { hint: { question: id, index: h.index, total: h.total } },
    });
  },
};
