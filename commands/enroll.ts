import { privateReply } from "../src/core/chat/reply.ts";
import { UserError } from "../src/core/errors.ts";
import type { Command } from "../src/services.ts";

export const enroll: Command = {
  name: "enroll",
  description: "Choose your section, so statistics per section count you",
  options: [{ name: "section", description: "Your section", type: "string", required: true, choices: ["C147", "C247"] }],
  access: "everyone",
  examples: ["/enroll C247"],
  handle(input, { bank, store }) {
    const wanted = (input.options.section ?? "").trim().toUpperCase();
    const section = bank.exam.sections.find((s) => s.toUpperCase() === wanted);
    if (!section) {
      throw new UserError("unknown-section", `"${input.options.section ?? ""}" is not a section of ${bank.exam.course}. Choose one of: ${bank.exam.sections.join(", ")}.`);
    }
    store.enrollments.enroll(input.course, input.user.id, section);
    return privateReply(`You are enrolled in ${section} of ${bank.exam.course}. Try /quiz to get a question.`, { data: { enrollment: { section } } });
  },
};
