import { heading, list, reply, textReply } from "../src/core/chat/reply.ts";
import { UserError } from "../src/core/errors.ts";
import { formatDuration } from "../src/core/format.ts";
import { examReportBlocks } from "../src/core/views/exam-view.ts";
import type { Command } from "../src/services.ts";

export const exam: Command = {
  name: "exam",
  description: "Sit the whole mock midterm under its time limit: start, status, submit, review",
  options: [
    { name: "action", description: "start, status, submit, or review (your last report, question by question)", type: "string", required: true, choices: ["start", "status", "submit", "review"] },
    { name: "confirm", description: "submit: confirm to submit now, with time left", type: "string", required: false, choices: ["confirm"] },
  ],
  access: "everyone",
  visibility: "private",
  examples: ["/exam start", "/exam status", "/exam submit", "/exam submit confirm", "/exam review"],
  async handle(input, { exams, bank, zone }) {
    const who = { course: input.course, user: input.user.id };
    const title = bank.exam.title;
    switch (input.options.action) {
      case "start": {
        const s = await exams.start(who, input.now);
        const questions = bank.all().map((q) => `${q.id} (${q.points}${q.bonus ? " bonus" : ""})`).join(", ");
        return reply([
          heading(`Mock ${title.toLowerCase()} started.`),
          [
            `You have ${exams.durationMinutes} minutes: it ends at ${zone.format(s.deadline)}.`,
            `Questions: ${questions}.`,
            `Get each with /quiz ID and answer with /answer ID ...; your last answer to a question counts. Scores and solutions come when you submit (/exam submit) or when time runs out.`,
          ].join("\n"),
          ...(bank.exam.policy.length ? [list(bank.exam.policy)] : []),
        ], { data: { exam: { session: s.id, deadline: s.deadline.toISOString() } } });
      }
      case "status": {
        const status = await exams.status(who, input.now);
        if (status.kind === "none") return textReply("You have not started a mock exam. Start one with /exam start.");
        if (status.kind === "submitted") return reply(examReportBlocks(status.report, title, zone, "summary"));
        const answered = new Set(status.answered);
        const missing = bank.all().filter((q) => !answered.has(q.id)).map((q) => q.id);
        const { deadline } = status.session;
        return textReply(
          `Time left: ${formatDuration(deadline.getTime() - input.now.getTime())} (ends at ${zone.format(deadline)}). Answered ${answered.size} of ${bank.all().length}.${missing.length ? ` Not yet answered: ${missing.join(", ")}.` : ""}`,
        );
      }
      case "submit": {
        // A stray /exam submit must not end an exam with time left: it asks first.
        if (input.options.confirm !== "confirm") {
          const status = await exams.status(who, input.now);
          if (status.kind === "running") {
            const answered = new Set(status.answered);
            const missing = bank.all().filter((q) => !answered.has(q.id)).map((q) => q.id);
            const left = formatDuration(status.session.deadline.getTime() - input.now.getTime());
            return textReply(
              `Submit your mock exam now? You have ${left} left${missing.length ? ` and ${missing.length} question${missing.length === 1 ? "" : "s"} not answered: ${missing.join(", ")}` : ""}. Once submitted, answers can no longer change. To submit, press Submit now or type /exam submit confirm.`,
              {
                buttons: [
                  { label: "Submit now", style: "danger", action: { command: "exam", options: { action: "submit", confirm: "confirm" } } },
                  { label: "Keep working", style: "secondary", action: { command: "exam", options: { action: "status" } } },
                ],
                data: { exam: { confirm: true, unanswered: missing } },
              },
            );
          }
        }
        const report = await exams.submit(who, input.now);
        return reply(examReportBlocks(report, title, zone), { data: { exam: { score: report.score, max: report.max, bonus: report.bonus, pending: report.pending } } });
      }
      case "review": {
        const status = await exams.status(who, input.now);
        if (status.kind === "none") return textReply("You have not sat a mock exam yet. Start one with /exam start.");
        if (status.kind === "running") return textReply("Your mock exam is still running: its report comes when you submit (/exam submit) or when time runs out. /exam status shows the time left.");
        return reply(examReportBlocks(status.report, title, zone), { data: { exam: { session: status.report.session.id, score: status.report.score, max: status.report.max, bonus: status.report.bonus } } });
      }
      default:
        throw new UserError("bad-option", "Use /exam start, /exam status, /exam submit or /exam review.");
    }
  },
};
