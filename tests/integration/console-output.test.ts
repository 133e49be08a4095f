import { afterEach, describe, expect, it } from "vitest";
import { ConsoleRenderer } from "../../src/adapters/console/console-renderer.ts";
import { renderDiscordReply } from "../../src/adapters/discord/discord-renderer.ts";
import { renderSlackReply } from "../../src/adapters/slack/slack-renderer.ts";
import { useConsoleDrivers } from "../fakes/console-driver.ts";

const driver = useConsoleDrivers(afterEach);

/** Terminal control: escape sequences, NUL, other C0/C1 controls (newline and tab are fine). */
const hasControl = (text: string) => [...text].some((ch) => {
  const c = ch.codePointAt(0)!;
  return (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f);
});
const HOSTILE = "please look again @everyone <!channel> \u001b[31mRED\u001b[0m\u0007 and a NUL\u0000byte";

describe("what the console prints", () => {
  it("has no Markdown fences or raw ** in a progress table, an exam report or statistics", async () => {
    const d = driver();
    await d.say("ana", "/enroll C247");
    await d.say("ana", "/quiz 3a");
    await d.say("ana", "/answer 3a false, because regularization improves generalization to the test set");
    await d.say("ana", "/exam start");
    await d.say("ana", "/answer 2b z - y");
    const report = await d.say("ana", "/exam submit confirm");
    const progress = await d.say("ana", "/progress");
    const stats = await d.say("tara", "/stats", "ta");
    const json = (await d.json("tara", "/stats post", "ta"))[0]!.text as string;
    for (const out of [report, progress, stats, json]) {
      expect(out).not.toContain("```");
      expect(out).not.toContain("**");
      expect(out).not.toContain("`");
    }
    expect(report).toMatch(/^Mock midterm report \(submitted at .*\)\n +Score\nProblem 1 +0\/30\nProblem 2 +4\/20\n/);
    expect(progress).toMatch(/Problem 3 [█░]{10} 5\/20\n3a +5\/5 1 try 100% full\n/);
    expect(stats).toMatch(/Overall statistics \(1 student\)\nHigh score: 4\nMean score: 4\.0\n/);
    expect(stats).toMatch(/\nQ +mean full disc\n1a +0\/5 +0% +—\n/);
  });

  it("prints a student's regrade reason without control characters, mentions left as plain text", async () => {
    const d = driver();
    await d.say("ben", "/exam start");
    await d.say("ben", "/answer 2b z - y");
    await d.say("ben", "/answer 3a true");
    await d.say("ben", "/exam submit confirm");
    const seen = await d.say("ben", `/regrade 2b ${HOSTILE}`);
    expect(seen).toMatch(/→ to #ta:\nRegrade request #1 for 2b/);
    expect(seen).toContain("> please look again @everyone <!channel> RED and a NULbyte");
    expect(await d.say("tara", "/regrades", "ta")).toContain("was 4: please look again @everyone <!channel> RED and a NULbyte");

    // Even when the text reaches a reply unfiltered (a service called directly), the console drops the controls.
    const { deliveries } = await d.app.services.regrades.request("console", { id: "console:ben", name: "ben\u0000\u001b[2J" }, "3a", `${HOSTILE} (direct)`, d.clock.read());
    const renderer = new ConsoleRenderer();
    const printed = renderer.render(deliveries[0]!.reply, "#ta");
    expect(hasControl(printed)).toBe(false);
    expect(printed).toContain("Regrade request #2 for 3a (graded by Michael) from ben: 0/5.");
    expect(printed).toContain("> please look again @everyone <!channel> RED and a NULbyte (direct)");
    expect(hasControl((JSON.parse(renderer.json(deliveries[0]!.reply)) as { text: string }).text)).toBe(false);
  });
});

describe("what a person typed, quoted back in an error", () => {
  it("is shown as typed on the console and never as formatting or a mention on Discord and Slack", async () => {
    const d = driver();
    const cases: [string, string][] = [
      ["/enroll **C999** <@123>", '"**C999**" is not a choice for section'],
      ["/quiz topic: `x` @everyone", 'no topic "`x` @everyone"'],
      ["/exam *start*", '"*start*" is not a choice'],
      ["/quiz 9z $x$ <!channel>", 'There is no bank "<!channel>"'],
    ];
    for (const [line, quoted] of cases) {
      const [reply] = await d.replies("ana", line);
      expect(reply!.visibility).toBe("private");
      expect(await d.say("ana", line)).toContain(quoted);
      const discord = renderDiscordReply(reply!).map((m) => m.content).join("\n");
      const slack = renderSlackReply(reply!).flatMap((m) => m.blocks.map((b) => JSON.stringify(b))).join("\n");
      for (const out of [discord, slack]) {
        expect(out).not.toMatch(/(^|[^\\\u200B])\*\*C999\*\*/);
        expect(out).not.toMatch(/<@123>|<!channel>|(^|[^\u200B])@everyone/);
      }
    }
  });
});
