import { heading, reply, text, verbatim, type Block } from "../src/core/chat/reply.ts";
import { formatScore } from "../src/core/format.ts";
import { progressBlocks } from "../src/core/views/progress-view.ts";
import type { Command } from "../src/services.ts";

/** Open regrades listed on a TA's home before "and N more". */
const REGRADES_SHOWN = 10;

/**
 * The person's home page (Slack's Home tab): their progress and what is due, and for a TA what
 * waits for them: the review queue and the open regrade requests. Reached by the platform, not typed.
 */
export const home: Command = {
  name: "home",
  description: "Your progress and what is due; for TAs, the review queue and open regrades",
  options: [],
  access: "everyone",
  hidden: true,
  visibility: "private",
  examples: [],
  async handle(input, services) {
    const { progress, bank, zone, review, regrades } = services;
    const p = await progress.of({ course: input.course, user: input.user.id }, input.now);
    const blocks: Block[] = [heading(`${bank.course}: ${p.banks.map((b) => b.title).join(", ")}`), ...progressBlocks(p, zone)];
    const data: Record<string, unknown> = { home: { due: p.due, attempts: p.attempts } };
    if (await services.isTa(input)) {
      const [next, open] = await Promise.all([review.next(input.course), regrades.open(input.course)]);
      blocks.push(heading("For TAs"));
      blocks.push(text(next
        ? `**Review queue:** ${next.waiting} answer${next.waiting === 1 ? "" : "s"} waiting; the oldest is #${next.attempt.id} (${next.question.id}) from ${verbatim(next.student)}. Grade with /review.`
        : "**Review queue:** nothing waits for review."));
      blocks.push(text(open.length
        ? [`**Open regrades:** ${open.length}`, ...open.slice(0, REGRADES_SHOWN).map((r) => `#${r.id} ${r.question} from ${verbatim(r.student)} (now ${formatScore(r.scoreBefore, r.max)}, grader ${r.grader})`), ...(open.length > REGRADES_SHOWN ? [`and ${open.length - REGRADES_SHOWN} more: /regrades`] : [])].join("\n")
        : "**Open regrades:** none."));
      data.home = { ...(data.home as object), review: next?.waiting ?? 0, regrades: open.length };
    }
    return reply(blocks, { data });
  },
};
