import { heading, reply, text, textReply, verbatim } from "../src/core/chat/reply.ts";
import { UserError } from "../src/core/errors.ts";
import { formatScore } from "../src/core/format.ts";
import { resolveButton, TA_CHANNEL } from "../src/core/ta/regrade-service.ts";
import { parseScoreAndNote } from "../src/core/ta/score-and-note.ts";
import type { Command } from "../src/services.ts";

/** `/regrades` lists open requests; `resolve ID SCORE NOTE` decides one; `assign GRADER USER` routes a grader's requests. */
export const regrades: Command = {
  name: "regrades",
  description: "Regrade requests: list, resolve ID SCORE NOTE, assign GRADER USER, history",
  options: [
    { name: "action", description: "list (default), resolve, assign, or history (resolved requests)", type: "string", required: false, choices: ["list", "resolve", "assign", "history"] },
    { name: "id", description: "resolve: the request number; assign: the grader as the bank names them (e.g. Ken-Fu)", type: "string", required: false },
    { name: "value", description: "resolve: the new score (or keep); assign: the chat user", type: "string", required: false },
    { name: "note", description: "resolve: a note for the student", type: "string", required: false, rest: true, maxLength: 1000 },
  ],
  access: "ta",
  visibility: "private",
  examples: ["/regrades", "/regrades resolve 3 5 the rubric accepts weight decay", "/regrades assign Ken-Fu kenfu", "/regrades history"],
  async handle(input, { regrades: service, zone }) {
    const action = (input.options.action ?? "list").toLowerCase();
    const id = input.options.id?.trim() ?? "";
    const value = input.options.value?.trim() ?? "";
    if (action === "assign") {
      if (!id || !value) throw new UserError("bad-option", "Name the grader and the user: `/regrades assign Ken-Fu kenfu`.");
      const { grader, user } = await service.assign(input.course, id, value, input.user.id);
      return textReply(`Regrades of ${grader}'s questions now go to ${verbatim(user)}.`, { data: { assignment: { grader, user } } });
    }
    if (action === "resolve") {
      const n = Number(id.replace(/^#/, ""));
      if (!Number.isInteger(n) || n <= 0 || !value) throw new UserError("bad-option", "Give the request number and the new score: `/regrades resolve 3 5 the rubric accepts weight decay` (or `keep` to leave the score).");
      const parsed = parseScoreAndNote(value);
      const note = [parsed.note, input.options.note?.trim()].filter(Boolean).join(" ") || null;
      const { regrade, attempt, deliveries } = await service.resolve(input.course, n, { score: parsed.score, note }, input.user, input.now);
      return textReply(`Regrade #${regrade.id} (${regrade.question}) resolved: ${formatScore(regrade.scoreBefore, attempt.max)} → ${formatScore(attempt.score, attempt.max)}. The student is told.`, {
        deliveries, data: { regrade: { id: regrade.id, question: regrade.question, before: regrade.scoreBefore, after: attempt.score } },
      });
    }
    if (action === "history") {
      const done = await service.history(input.course);
      if (!done.length) return textReply("No regrade request has been resolved yet.", { data: { regrades: [] } });
      const lines = done.map((r) => `#${r.id} ${r.question} from ${verbatim(r.student)}: ${formatScore(r.scoreBefore, r.max)} → ${formatScore(r.scoreAfter ?? r.scoreBefore, r.max)} by ${verbatim(r.resolver ?? "?")}, ${zone.format(r.resolvedAt ?? r.createdAt)}${r.note ? `: ${verbatim(r.note)}` : ""}`);
      return reply([heading(`Resolved regrade requests (latest ${done.length})`), text(lines.join("\n"))], {
        data: { regrades: done.map((r) => ({ id: r.id, question: r.question, user: r.user, before: r.scoreBefore, after: r.scoreAfter, by: r.resolvedBy, note: r.note })) },
      });
    }
    const [open, assigned] = await Promise.all([service.open(input.course), service.routing(input.course)]);
    const routing = assigned.length
      ? `Routing: ${assigned.map((a) => `${a.grader} → ${verbatim(a.user)}`).join(", ")}; others go to #${TA_CHANNEL}.`
      : `No grader is assigned; requests go to #${TA_CHANNEL}. Assign with /regrades assign GRADER USER.`;
    if (!open.length) return textReply(`No regrade request is open.\n${routing}`, { data: { regrades: [] } });
    const lines = open.map((r) => `#${r.id} ${r.question} (${r.grader}) from ${verbatim(r.student)}, ${zone.format(r.createdAt)}, was ${r.scoreBefore}: ${verbatim(r.reason)}`);
    return reply([heading(`Open regrade requests (${open.length})`), text(lines.join("\n")), text(routing)], {
      buttons: open.slice(0, 5).map((r) => resolveButton(r.id, r.max)),
      data: { regrades: open.map((r) => ({ id: r.id, question: r.question, grader: r.grader, user: r.user, reason: r.reason })) },
    });
  },
};
