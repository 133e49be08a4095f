import { privateReply } from "../src/core/chat/reply.ts";
import { UserError } from "../src/core/errors.ts";
import { formatDuration } from "../src/core/format.ts";
import { examReportText } from "../src/core/views/exam-view.ts";
import type { Command } from "../src/services.ts";

export const exam: Command = {
  name: "exam",
  description: "Sit the whole mock midterm under its time limit: start, status, submit",
  options: [{ name: "action", description: "start, status or submit", type: "string", required: true, choices: ["start", "status", "submit"] }],
  access: "everyone",
  examples: ["/exam start", "/exam status", "/exam submit"],
  async handle(input, { exams, bank, store, zone }) {
    const who = { course: input.course, user: input.user.id };
    const title = bank.exam.title;
    switch (input.options.action) {
      case "start": {
        const s = exams.start(who, input.now);
        const list = bank.all().map((q) => `${q.id} (${q.points}${q.bonus ? " bonus" : ""})`).join(", ");
        return privateReply([
          `**Mock ${title.toLowerCase()} started.** You have ${exams.durationMinutes} minutes: it ends at ${zone.format(s.deadline)}.`,
          `Questions: ${list}.`,
          `Get each with /quiz ID and answer with /answer ID ...; your last answer to a question counts. Scores and solutions come when you submit (/exam submit) or when time runs out.`,
          ...bank.exam.policy.map((p) => `• ${p}`),
        ].join("\n"), { data: { exam: { session: s.id, deadline: s.deadline.toISOString() } } });
      }
      case "status": {
        const open = exams.open(who, input.now);
        if (!open) {
          const missed = exams.takeUnreported(who, input.now);
          if (missed) return privateReply(examReportText(missed, title, zone));
          const latest = store.examSessions.latest(who.course, who.user);
          if (!latest) return privateReply("You have not started a mock exam. Start one with /exam start.");
          return privateReply(examReportText(exams.report(latest), title, zone));
        }
        const answered = new Set(store.attempts.forSession(open.id).map((a) => a.question));
        const missing = bank.all().filter((q) => !answered.has(q.id)).map((q) => q.id);
        return privateReply(
          `Time left: ${formatDuration(open.deadline.getTime() - input.now.getTime())} (ends at ${zone.format(open.deadline)}). Answered ${answered.size} of ${bank.all().length}.${missing.length ? ` Not yet answered: ${missing.join(", ")}.` : ""}`,
        );
      }
      case "submit": {
        const report = await exams.submit(who, input.now);
        return privateReply(examReportText(report, title, zone), { data: { exam: { score: report.score, max: report.max, bonus: report.bonus, pending: report.pending } } });
      }
      default:
        throw new UserError("bad-option", "Use /exam start, /exam status or /exam submit.");
    }
  },
};
