import { privateReply } from "../src/core/chat/reply.ts";
import { UserError } from "../src/core/errors.ts";
import { formatScore } from "../src/core/format.ts";
import { resolveButton } from "../src/core/ta/regrade-service.ts";
import { parseScoreAndNote } from "../src/core/ta/score-and-note.ts";
import type { Command } from "../src/services.ts";

/** A chat user named by a TA: a full id (`console:ken`), a Discord mention, a known name, else a name on the TA's own platform. */
function userId(text: string, ta: string, names: { user: string; name: string }[]): string {
  const t = text.trim();
  const mention = /^<@!?(\d+)>$/.exec(t);
  if (mention) return `discord:${mention[1]}`;
  if (t.includes(":")) return t;
  const known = names.find((e) => e.name.toLowerCase() === t.toLowerCase());
  if (known) return known.user;
  return `${ta.slice(0, ta.lastIndexOf(":") + 1)}${t}`;
}

/** `/regrades` lists open requests; `resolve ID SCORE NOTE` decides one; `assign GRADER USER` routes a grader's requests. */
export const regrades: Command = {
  name: "regrades",
  description: "Open regrade requests: list, resolve ID SCORE NOTE, assign GRADER USER",
  options: [
    { name: "action", description: "list (default), resolve or assign", type: "string", required: false, choices: ["list", "resolve", "assign"] },
    { name: "id", description: "resolve: the request number; assign: the grader as the bank names them (e.g. Ken-Fu)", type: "string", required: false },
    { name: "value", description: "resolve: the new score (or keep); assign: the chat user", type: "string", required: false },
    { name: "note", description: "resolve: a note for the student", type: "string", required: false, rest: true, maxLength: 1000 },
  ],
  access: "ta",
  examples: ["/regrades", "/regrades resolve 3 5 the rubric accepts weight decay", "/regrades assign Ken-Fu kenfu"],
  handle(input, { regrades: service, store, ta, zone }) {
    const action = (input.options.action ?? "list").toLowerCase();
    const id = input.options.id?.trim() ?? "";
    const value = input.options.value?.trim() ?? "";
    if (action === "assign") {
      if (!id || !value) throw new UserError("bad-option", "Name the grader and the user: `/regrades assign Ken-Fu kenfu`.");
      const names = store.enrollments.list(input.course).map((e) => ({ user: e.user, name: e.name }));
      const user = userId(value, input.user.id, names);
      const grader = service.assign(input.course, id, user);
      return privateReply(`Regrades of ${grader}'s questions now go to ${user}.`, { data: { assignment: { grader, user } } });
    }
    if (action === "resolve") {
      const n = Number(id.replace(/^#/, ""));
      if (!Number.isInteger(n) || n <= 0 || !value) throw new UserError("bad-option", "Give the request number and the new score: `/regrades resolve 3 5 the rubric accepts weight decay` (or `keep` to leave the score).");
      const parsed = parseScoreAndNote(value);
      const note = [parsed.note, input.options.note?.trim()].filter(Boolean).join(" ") || null;
      const { regrade, attempt, deliveries } = service.resolve(input.course, n, { score: parsed.score, note }, input.user, input.now);
      return privateReply(`Regrade #${regrade.id} (${regrade.question}) resolved: ${formatScore(regrade.scoreBefore, attempt.max)} → ${formatScore(attempt.score, attempt.max)}. The student is told.`, {
        deliveries, data: { regrade: { id: regrade.id, question: regrade.question, before: regrade.scoreBefore, after: attempt.score } },
      });
    }
    const open = service.open(input.course);
    const assigned = ta.graders.list(input.course);
    const routing = assigned.length ? `Routing: ${assigned.map((a) => `${a.grader} → ${a.user}`).join(", ")}; others go to #ta.` : "No grader is assigned; requests go to #ta. Assign with /regrades assign GRADER USER.";
    if (!open.length) return privateReply(`No regrade request is open.\n${routing}`, { data: { regrades: [] } });
    const lines = open.map((r) => `#${r.id} ${r.question} (${r.grader}) from ${ta.people.displayName(r.user) ?? r.user}, ${zone.format(r.createdAt)}, was ${r.scoreBefore}: ${r.reason}`);
    const max = (r: (typeof open)[number]) => store.attempts.get(r.attempt)?.max ?? 0;
    return privateReply(`**Open regrade requests** (${open.length})\n${lines.join("\n")}\n${routing}`, {
      buttons: open.slice(0, 5).map((r) => resolveButton(r.id, max(r))),
      data: { regrades: open.map((r) => ({ id: r.id, question: r.question, grader: r.grader, user: r.user, reason: r.reason })) },
    });
  },
};
