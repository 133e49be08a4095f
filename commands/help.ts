import { privateReply } from "../src/core/chat/reply.ts";
import type { Command } from "../src/services.ts";

/** /help lists the commands this person may use; it reads the registry through a late import. */
export const help: Command = {
  name: "help",
  description: "What each command does, with examples",
  options: [],
  access: "everyone",
  examples: ["/help"],
  async handle(input, { bank, isTa }) {
    const { commands } = await import("./index.ts");
    const mine = commands.filter((c) => !c.hidden && (c.access === "everyone" || isTa(input)));
    const lines = [`**${bank.exam.course} exam tutor**: practise the ${bank.exam.title.toLowerCase()}, get graded at once, track your progress.`, ""];
    for (const c of mine) {
      const usage = c.options.map((o) => (o.required ? o.name : `[${o.name}]`)).join(" ");
      lines.push(`**/${c.name}${usage ? ` ${usage}` : ""}**${c.access === "ta" ? " (TA)" : ""}: ${c.description}`);
      if (c.examples.length) lines.push(`  e.g. ${c.examples.map((e) => `\`${e}\``).join(", ")}`);
    }
    lines.push("", "Options can also be given by name, e.g. `/quiz topic: backprop`; quotes group words.");
    return privateReply(lines.join("\n"));
  },
};
