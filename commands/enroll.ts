import { privateReply } from "../src/core/chat/reply.ts";
import { UserError } from "../src/core/errors.ts";
import type { Command } from "../src/services.ts";

export const enroll: Command = {
  name: "enroll",
  description: "Choose your section, so statistics per section count you",
  options: [
    { name: "section", description: "Your section", type: "string", required: true, choices: ["C147", "C247"] },
    { name: "sid", description: "Your university student ID, so exported grades reach your gradebook entry", type: "string", required: false },
  ],
  access: "everyone",
  examples: ["/enroll C247", "/enroll C147 sid: 905123456"],
  handle(input, { bank, store }) {
    const wanted = (input.options.section ?? "").trim().toUpperCase();
    const section = bank.exam.sections.find((s) => s.toUpperCase() === wanted);
    if (!section) {
      throw new UserError("unknown-section", `"${input.options.section ?? ""}" is not a section of ${bank.exam.course}. Choose one of: ${bank.exam.sections.join(", ")}.`);
    }
    const sid = input.options.sid?.trim();
    if (sid !== undefined && !/^[A-Za-z0-9._@-]{1,40}$/.test(sid)) {
      throw new UserError("bad-sid", "A student ID is letters and digits (up to 40), e.g. `/enroll C247 sid: 905123456`.");
    }
    store.transaction(() => {
      store.enrollments.enroll(input.course, input.user.id, section);
      if (sid) store.enrollments.setStudentId(input.course, input.user.id, sid);
    });
    const withSid = sid ? ` with student ID ${sid}` : "";
    return privateReply(`You are enrolled in ${section} of ${bank.exam.course}${withSid}. Try /quiz to get a question.`, { data: { enrollment: { section, sid: sid ?? null } } });
  },
};
