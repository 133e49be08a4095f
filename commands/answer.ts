import type { CommandInput } from "../src/core/chat/command-input.ts";
import { type Reply, reply, text as plain, textReply, verbatim } from "../src/core/chat/reply.ts";
import { gradingFailureNote } from "../src/core/grading/grading-failure.ts";
import { formatDuration } from "../src/core/format.ts";
import { examReportBlocks } from "../src/core/views/exam-view.ts";
import { gradeReply } from "../src/core/views/grade-view.ts";
import type { Command, Services } from "../src/services.ts";

export const answer: Command = {
  name: "answer",
  description: "Answer a question: a number, a formula, true/false with a reason, or a few sentences",
  options: [
    { name: "question", description: "The question id, e.g. 3a (final/1a where banks share an id)", type: "string", required: true },
    { name: "answer", description: "Your answer", type: "string", required: true, rest: true, maxLength: 4000 },
    { name: "justification", description: "Why (for true/false questions)", type: "string", required: false, maxLength: 4000 },
    { name: "replace", description: "Exam: yes lets an answer that cannot be read replace your earlier one", type: "string", required: false, choices: ["yes"] },
  ],
  file: { name: "image", description: "A photo or image of your work (a drawing, e.g. for 2a)", maxBytes: 8 * 1024 * 1024, contentTypes: ["image/png", "image/jpeg", "image/gif", "image/webp"] },
  access: "everyone",
  visibility: "private",
  examples: ["/answer 3a false, because regularization helps generalization, not training loss", "/answer 2b z - y", "/answer 4b-ii depth: 16; parameters: 32*3*3*16"],
  handle(input, services) {
    const who = { course: input.course, user: input.user.id };
    services.answerRate.take(who, input.now);
    // Counted from its arrival, before anything is awaited: a /exam submit sent after it waits for it.
    return services.exams.receiving(who, () => respond(input, services));
  },
};

async function respond(input: CommandInput, { practice, exams, zone }: Services): Promise<Reply> {
  const who = { course: input.course, user: input.user.id };
  const id = input.options.question ?? "";
  const text = { text: input.options.answer ?? "", justification: input.options.justification, files: input.attachments.map((a) => ({ name: a.name, contentType: a.contentType ?? "application/octet-stream", bytes: a.bytes })) };
  const session = await exams.open(who, input.now);
  // Time ran out since the student last heard from us: this answer was meant for the exam.
  const missed = session ? null : await exams.takeUnreported(who, input.now);
  if (missed) {
    return reply([
      `Your answer to ${verbatim(id)} arrived at ${zone.format(input.now)}, after your mock exam ended at ${zone.format(missed.session.deadline)}; it was not counted.`,
      ...examReportBlocks(missed, zone, "summary"),
    ]);
  }
  if (session) {
    const question = exams.question(session, id);
    const { attempt: stored, unread } = await exams.answer(session, question, text, input.now, input.interactionId, input.options.replace === "yes");
    const left = formatDuration(session.deadline.getTime() - input.now.getTime());
    // A failed automatic grading reveals no score, only that a TA will look (with its reference).
    const failed = gradingFailureNote(stored.feedback);
    // What could not be read is said now, while it can be fixed; it says nothing of right or wrong.
    const fix = unread.length ? ` It has a problem you can fix: ${unread.join(" ")} Send it again before the end; ${stored.needsReview ? "as it stands, a TA will grade it" : "otherwise it is graded as it stands"}.` : "";
    return textReply(
      `Answer to ${question.id} received at ${zone.format(stored.createdAt)} for your mock exam.${kept(text.files)}${fix}${failed ? ` ${failed} A TA will grade it; it counts in your report.` : ""} Scores come when you submit (/exam submit). Time left: ${left}.`,
      { data: { received: { question: question.id, attempt: stored.id, unread } } },
    );
  }
  const { question, grade, next } = await practice.answer(who, id, text, input.now, input.interactionId);
  const comesBack = next ? `Comes back for review ${zone.format(next.dueAt)} (rated ${next.rating}: ${next.why}).` : undefined;
  const graded = gradeReply(question, grade, comesBack);
  return text.files.length ? { ...graded, blocks: [...graded.blocks, plain(kept(text.files).trim())] } : graded;
}

/** Says which attached files were kept with the answer, for the TA who grades it. */
function kept(files: readonly { name: string }[]): string {
  return files.length ? ` Your file ${files.map((f) => verbatim(f.name)).join(", ")} is kept with the answer for the TA.` : "";
}
