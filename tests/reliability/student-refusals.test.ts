// What a student can reach on the console (the same dispatcher as Discord and Slack): every TA
// command is refused, whatever its options; and no reply a student sees before answering a question,
// or before submitting the mock exam, holds that question's reference solution.
import { afterEach, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import type { VisibleReply } from "../../src/core/chat/reply.ts";
import { useConsoleDrivers } from "../fakes/console-driver.ts";

const driver = useConsoleDrivers(afterEach);

/** A line for `command` with its required options given, so only access can refuse it (options are checked first). */
function fullLine(name: string, options: readonly { name: string; required?: boolean }[]): string {
  return `/${name} ${options.filter((o) => o.required).map((o) => `${o.name}: x`).join(" ")}`.trim();
}

/**
 * Sentences of a question's solution long enough to be telling (short ones such as "False." are
 * button labels too), leaving out what the question itself gives (5's solution restates its hint).
 */
function solutionSentences(question: { solution: string; prompt: string }): string[] {
  return question.solution.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter((s) => s.length >= 25 && !question.prompt.includes(s));
}

/** Everything a reply carries (text, fields, buttons and their actions), as one string. */
const everything = (replies: VisibleReply[]) => JSON.stringify(replies).replace(/\\\\/g, "\\");

describe("a student on the console", () => {
  it("is refused every TA command, with its required options given", async () => {
    const d = driver();
    const taCommands = commands.filter((c) => c.access === "ta");
    expect(taCommands.map((c) => c.name)).toEqual(expect.arrayContaining(["announce", "stats", "review", "regrades", "export"]));
    let tried = 0;
    for (const command of taCommands) {
      const line = fullLine(command.name, command.options);
      const replies = await d.json("mallory", line);
      tried += 1;
      expect(replies.map((r) => r.error), line).toEqual(["ta-only"]);
    }
    // The same lines from a TA are not refused for access (a sanity check of the test itself).
    expect((await d.json("tara", "/stats", "ta"))[0]!.error).not.toBe("ta-only");
    console.info(`student refusals: ${tried} TA commands refused`);
  });

  it("sees no reference solution before answering, in practice (questions and hints)", async () => {
    const d = driver();
    const bank = d.app.services.bank;
    for (const question of bank.all()) {
      const shown = [...(await d.replies("sam", `/quiz ${question.id}`)), ...(await d.replies("sam", `/hint ${question.id}`)), ...(await d.replies("sam", `/hint ${question.id}`))];
      const seen = everything(shown);
      for (const sentence of solutionSentences(question)) expect(seen, `${question.id}: "${sentence}"`).not.toContain(sentence);
    }
  });

  it("sees no reference solution during the mock exam, whatever they ask, until they submit", async () => {
    const d = driver();
    const bank = d.app.services.bank;
    const shown: VisibleReply[] = [...(await d.replies("eve", "/enroll C247")), ...(await d.replies("eve", "/exam start"))];
    for (const question of bank.all()) {
      for (const line of [`/quiz ${question.id}`, `/hint ${question.id}`, `/solution ${question.id}`, `/answer ${question.id} false, because I am not sure`, "/exam status", "/progress"]) {
        shown.push(...(await d.replies("eve", line)));
      }
    }
    const seen = everything(shown);
    for (const question of bank.all()) {
      for (const sentence of solutionSentences(question)) expect(seen, `${question.id}: "${sentence}"`).not.toContain(sentence);
    }
  });
});
