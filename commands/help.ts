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
  async handle(input, { bank, courseBanks, isTa, commands }) {
    const ta = await isTa(input);
    const mine = commands.filter((c) => !c.hidden && (c.access === "everyone" || ta));
    const items = mine.map((c) => {
      const line = `**${usageLine(c)}**${c.access === "ta" ? " (TA)" : ""}: ${c.description}`;
      return c.examples.length ? `${line}\ne.g. ${c.examples.map((e) => `\`${e}\``).join(", ")}` : line;
    });
    const { banks } = await courseBanks.of(input.course);
    const titles = banks.map((b) => b.exam.title.toLowerCase());
    const exams = titles.length > 1 ? `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)!}` : titles[0]!;
    return reply([
      heading(`${bank.course} exam tutor`),
      `Practise the ${exams}, get graded at once, track your progress.`,
      ...(banks.length > 1
        ? [`This course's banks: ${banks.map((b) => `**${b.exam.id}** (${b.exam.title}, ${b.all().length} questions)`).join(", ")}. Name one with \`bank:\`, e.g. \`/quiz bank: ${banks[1]!.exam.id}\`, \`/exam start ${banks[0]!.exam.id}\`, \`/progress ${banks[1]!.exam.id}\`; where two banks share a question id, give the bank too: \`BANK/ID\`.`]
        : []),
      list(items),
      "Options can also be given by name, e.g. `/quiz topic: backprop`; quotes group words.",
    ], { data: { banks: banks.map((b) => ({ bank: b.exam.id, title: b.exam.title, questions: b.all().length })) } });
  },
};
