import { heading, reply, text, textReply, verbatim } from "../src/core/chat/reply.ts";
import { formatScore } from "../src/core/format.ts";
import type { OpenRegrade } from "../src/core/ta/regrade-service.ts";
import type { TimeZone } from "../src/core/time-zone.ts";
import type { Command } from "../src/services.ts";

/**
 * `/regrade question reason`: a student asks the question's grader to look at a mock-exam grade
 * again; `/regrade status` lists their requests and what became of them.
 */
export const regrade: Command = {
  name: "regrade",
  description: "Ask for a regrade of a mock-exam answer within a week; /regrade status lists your requests",
  options: [
    { name: "question", description: "The question id, e.g. 3b (or status)", type: "string", required: true },
    { name: "reason", description: "Why the rubric was applied wrongly, in a sentence", type: "string", required: false, rest: true, maxLength: 1500 },
  ],
  access: "everyone",
  visibility: "private",
  examples: ["/regrade 3b I named weight decay, which the rubric accepts as regularization", "/regrade status"],
  async handle(input, { regrades, zone }) {
    if (/^status$/i.test(input.options.question?.trim() ?? "") && !input.options.reason?.trim()) {
      const mine = await regrades.mine(input.course, input.user.id);
      if (!mine.length) return textReply("You have asked for no regrade. Ask with /regrade QUESTION REASON within a week of your mock exam's submission.", { data: { regrades: [] } });
      return reply([heading(`Your regrade requests (${mine.length})`), text(mine.map((r) => statusLine(r, zone)).join("\n"))], {
        data: { regrades: mine.map((r) => ({ id: r.id, question: r.question, open: !r.resolvedAt, before: r.scoreBefore, after: r.scoreAfter })) },
      });
    }
    const { regrade: r, deadline, deliveries } = await regrades.request(input.course, input.user, input.options.question ?? "", input.options.reason ?? "", input.now);
    return textReply(
      `Your regrade request #${r.id} for ${r.question} went to ${r.grader}, who grades that question. You will be told the outcome, and /regrade status shows it. (Requests for this answer close ${zone.format(deadline)}.)`,
      { deliveries, data: { regrade: { id: r.id, question: r.question, grader: r.grader } } },
    );
  },
};

/** One request as its student reads it: open, or what the TA decided and why. */
function statusLine(r: OpenRegrade, zone: TimeZone): string {
  const asked = `#${r.id} ${r.question}, asked ${zone.format(r.createdAt)}`;
  if (!r.resolvedAt || r.scoreAfter === null) return `${asked}: open, with ${r.grader} (${formatScore(r.scoreBefore, r.max)} now).`;
  const outcome = r.scoreAfter === r.scoreBefore ? `stays ${formatScore(r.scoreAfter, r.max)}` : `${formatScore(r.scoreBefore, r.max)} → ${formatScore(r.scoreAfter, r.max)}`;
  return `${asked}: ${outcome} (${zone.format(r.resolvedAt)})${r.note ? `. Note: ${verbatim(r.note)}` : ""}`;
}
