import type { CommandInput } from "../src/core/chat/command-input.ts";
import { heading, list, reply, textReply } from "../src/core/chat/reply.ts";
import { UserError } from "../src/core/errors.ts";
import { formatDuration } from "../src/core/format.ts";
import { examReportBlocks } from "../src/core/views/exam-view.ts";
import type { Command } from "../src/services.ts";

/**
 * Reads /exam's options: `/exam submit confirm` puts `confirm` in the bank's positional slot (the
 * bank comes second so that `/exam start final` reads), and it still means confirm.
 */
export function readExam(options: CommandInput["options"]): { action?: string; bank?: string; confirm: boolean } {
  const bank = options.bank?.trim() || undefined;
  const confirmWord = bank?.toLowerCase() === "confirm";
  return { action: options.action, bank: confirmWord ? undefined : bank, confirm: options.confirm === "confirm" || confirmWord };
}

export const exam: Command = {
  name: "exam",
  description: "Sit a whole mock exam under its time limit: start, status, submit, review",
  options: [
    { name: "action", description: "start, status, submit, or review (your last report, question by question)", type: "string", required: true, choices: ["start", "status", "submit", "review"] },
    { name: "bank", description: "start: which bank's exam, e.g. midterm (needed when the course has several)", type: "string", required: false },
    { name: "confirm", description: "submit: confirm to submit now, with time left", type: "string", required: false, choices: ["confirm"] },
  ],
  access: "everyone",
  visibility: "private",
  examples: ["/exam start", "/exam start midterm", "/exam status", "/exam submit", "/exam submit confirm", "/exam review"],
  async handle(input, { exams, zone }) {
    const who = { course: input.course, user: input.user.id };
    const request = readExam(input.options);
    switch (request.action) {
      case "start": {
        const { session: s, bank } = await exams.start(who, input.now, request.bank);
        const questions = bank.all().map((q) => `${q.id} (${q.points}${q.bonus ? " bonus" : ""})`).join(", ");
        return reply([
          heading(`Mock ${bank.exam.title.toLowerCase()} started.`),
          [
            `You have ${bank.exam.durationMinutes} minutes: it ends at ${zone.format(s.deadline)}.`,
            `Questions: ${questions}.`,
            `Get each with /quiz ID and answer with /answer ID ...; your last answer to a question counts. Scores and solutions come when you submit (/exam submit) or when time runs out.`,
          ].join("\n"),
          ...(bank.exam.policy.length ? [list(bank.exam.policy)] : []),
        ], { data: { exam: { session: s.id, bank: bank.exam.id, deadline: s.deadline.toISOString() } } });
      }
      case "status": {
        const status = await exams.status(who, input.now);
        if (status.kind === "none") return textReply("You have not started a mock exam. Start one with /exam start.");
        if (status.kind === "submitted") return reply(examReportBlocks(status.report, zone, "summary"));
        const all = exams.bankOf(status.session).all();
        const answered = new Set(status.answered);
        const missing = all.filter((q) => !answered.has(q.id)).map((q) => q.id);
        const { deadline } = status.session;
        return textReply(
          `Time left: ${formatDuration(deadline.getTime() - input.now.getTime())} (ends at ${zone.format(deadline)}). Answered ${answered.size} of ${all.length}.${missing.length ? ` Not yet answered: ${missing.join(", ")}.` : ""}`,
        );
      }
      case "submit": {
        // A stray /exam submit must not end an exam with time left: it asks first.
        if (!request.confirm) {
          const status = await exams.status(who, input.now);
          if (status.kind === "running") {
            const answered = new Set(status.answered);
            const missing = exams.bankOf(status.session).all().filter((q) => !answered.has(q.id)).map((q) => q.id);
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
        return reply(examReportBlocks(report, zone), { data: { exam: { bank: report.bank, score: report.score, max: report.max, bonus: report.bonus, pending: report.pending } } });
      }
      case "review": {
        const status = await exams.status(who, input.now);
        if (status.kind === "none") return textReply("You have not sat a mock exam yet. Start one with /exam start.");
        if (status.kind === "running") return textReply("Your mock exam is still running: its report comes when you submit (/exam submit) or when time runs out. /exam status shows the time left.");
        return reply(examReportBlocks(status.report, zone), { data: { exam: { session: status.report.session.id, bank: status.report.bank, score: status.report.score, max: status.report.max, bonus: status.report.bonus } } });
      }
      default:
        throw new UserError("bad-option", "Use /exam start, /exam status, /exam submit or /exam review.");
    }
  },
};
