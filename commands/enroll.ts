import { textReply, verbatim } from "../src/core/chat/reply.ts";
import type { Command } from "../src/services.ts";

export const enroll: Command = {
  name: "enroll",
  description: "Choose your section, so statistics per section count you",
  options: [
    { name: "section", description: "Your section (leave it out to see them)", type: "string", required: false, choices: ["C147", "C247"] },
    { name: "sid", description: "Your university student ID, so exported grades reach your gradebook entry", type: "string", required: false },
  ],
  access: "everyone",
  visibility: "private",
  examples: ["/enroll C247", "/enroll C147 sid: 905123456"],
  async handle(input, { bank: { course }, enrollment }) {
    if (!input.options.section) {
      const sections = enrollment.sections();
      return textReply(`Choose your section of ${course}: ${sections.join(" or ")}, e.g. \`/enroll ${sections[0]} sid: 905123456\` (the student ID is optional; it lets exported grades reach your gradebook entry).`, {
        buttons: sections.map((s) => ({ label: s, style: "primary" as const, action: { command: "enroll", options: { section: s } } })),
        data: { sections },
      });
    }
    const { section, sid } = await enrollment.enroll(input.course, input.user.id, input.options.section ?? "", input.options.sid);
    const withSid = sid ? ` with student ID ${verbatim(sid)}` : "";
    return textReply(`You are enrolled in ${section} of ${course}${withSid}. Try /quiz to get a question.`, { data: { enrollment: { section, sid } } });
  },
};
