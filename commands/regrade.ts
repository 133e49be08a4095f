import { textReply } from "../src/core/chat/reply.ts";
import type { Command } from "../src/services.ts";

/** `/regrade question reason`: a student asks the question's grader to look at their grade again. */
export const regrade: Command = {
  name: "regrade",
  description: "Ask for a regrade of your latest graded answer to a question, within a week",
  options: [
    { name: "question", description: "The question id, e.g. 3b", type: "string", required: true },
    { name: "reason", description: "Why the rubric was applied wrongly", type: "string", required: true, rest: true, maxLength: 1500 },
  ],
  access: "everyone",
  visibility: "private",
  examples: ["/regrade 3b I named weight decay, which the rubric accepts"],
  async handle(input, { regrades, zone }) {
    const { regrade: r, deadline, deliveries } = await regrades.request(input.course, input.user, input.options.question ?? "", input.options.reason ?? "", input.now);
    return textReply(
      `Your regrade request #${r.id} for ${r.question} went to ${r.grader}, who grades that question. You will be told the outcome here. (Requests for this answer close ${zone.format(deadline)}.)`,
      { deliveries, data: { regrade: { id: r.id, question: r.question, grader: r.grader } } },
    );
  },
};
