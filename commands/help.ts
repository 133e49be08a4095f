import { usageLine } from "../src/core/chat/check-options.ts";
import { heading, list, reply } from "../src/core/chat/reply.ts";
import type { Command } from "../src/services.ts";

/** /help lists the commands this person may use, from the catalog the composition root registered. */
export const help: Command = {
  name: "help",
  description: "What each command does, with examples",
  options: [],
  access: "everyone",
  visibility: "private",
  examples: ["/help"],
  async handle(input, { bank, isTa, commands }) {
    const ta = await isTa(input);
    const mine = commands.filter((c) => !c.hidden && (c.access === "everyone" || ta));
    const items = mine.map((c) => {
      const line = `**${usageLine(c)}**${c.access === "ta" ? " (TA)" : ""}: ${c.description}`;
      return c.examples.length ? `${line}\ne.g. ${c.examples.map((e) => `\`${e}\``).join(", ")}` : line;
    });
    return reply([
      heading(`${bank.exam.course} exam tutor`),
      `Practise the ${bank.exam.title.toLowerCase()}, get graded at once, track your progress.`,
      list(items),
      "Options can also be given by name, e.g. `/quiz topic: backprop`; quotes group words.",
    ]);
  },
};
