// The Discord bot as `npm start` runs it, against a local Discord: registration, practice through
// slash commands, buttons and modals, autocomplete, attachments reaching the TA's review, TA
// commands and their refusal, announcements, regrades by DM and by ephemeral follow-up, retries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { BotProcess } from "../fakes/bot-process.ts";
import { buttonsOf, LocalDiscordDriver, messageText, type Seen } from "../fakes/local-discord-driver.ts";
import { type FakeUser, LocalDiscord } from "../fakes/local-discord.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

/** A 1x1 PNG: what the core recognises as an image by its first bytes. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

let discord: LocalDiscord;
let bot: BotProcess;
let d: LocalDiscordDriver;
let ana: FakeUser;
let ben: FakeUser;
let cara: FakeUser;
let tara: FakeUser;

beforeAll(async () => {
  discord = await LocalDiscord.start();
  ana = discord.addUser("ana", { globalName: "Ana **Bold** @everyone" });
  ben = discord.addUser("ben");
  cara = discord.addUser("cara", { dmsClosed: true });
  tara = discord.addUser("tara", { ta: true });
  // Generous: a bot starts in about 5 s alone, far slower beside the rest of `npm test` on two cores.
  bot = await BotProcess.start(discord.env({ TUTOR_DB: tempDbFile(), TUTOR_SWEEP_SECONDS: "0.3" }), 60_000);
  d = LocalDiscordDriver.forBot(discord, bot);
}, 90_000);

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

/** A practice answer as a student gives it: the question first, then the answer. */
async function answer(user: FakeUser, question: string, options: Record<string, string>, extra: Parameters<LocalDiscordDriver["command"]>[3] = {}): Promise<Seen> {
  await d.command(user, "quiz", { question });
  return d.command(user, "answer", { question, ...options }, extra);
}

/** The TA's /review, skipped until the answer waiting matches. */
async function reviewOf(match: RegExp): Promise<Seen> {
  let review = await d.command(tara, "review");
  for (let i = 0; i < 20 && !match.test(review.text); i++) review = await d.click(tara, review.messages.at(-1)!, "Skip");
  expect(review.text).toMatch(match);
  return review;
}

const only = (seen: Seen) => {
  expect(seen.messages).toHaveLength(1);
  return seen.messages[0]!;
};

describe("Discord bot against a local Discord", () => {
  it("logs in with the Guilds intent only and publishes the registry's commands to the guild", () => {
    expect(discord.gateway.record.identifies).toEqual([{ intents: 1, tokenOk: true, version: "10", encoding: "json" }]);
    const published = discord.commands.get(discord.guildId)!;
    expect(published.map((c) => c.name).sort()).toEqual(commands.filter((c) => !c.hidden).map((c) => c.name).sort());
    expect(discord.commands.get("global")).toBeUndefined();
    for (const c of published) {
      const ta = commands.find((k) => k.name === c.name)!.access === "ta";
      expect([c.name, c.default_member_permissions]).toEqual([c.name, ta ? "0" : null]);
      expect(c.contexts).toEqual([0]);
    }
    const answer = published.find((c) => c.name === "answer")!.options as Array<Record<string, unknown>>;
    expect(answer.map((o) => [o.name, o.type, o.required ?? false, o.autocomplete ?? false])).toEqual([
      ["question", 3, true, true], ["answer", 3, true, false], ["justification", 3, false, false], ["replace", 3, false, false], ["image", 11, false, false],
    ]);
    const exam = published.find((c) => c.name === "exam")!.options as Array<{ choices: unknown[] }>;
    const choices = commands.find((c) => c.name === "exam")!.options[0]!.choices!;
    expect(exam[0]!.choices).toEqual(choices.map((c) => ({ name: c, value: c })));
  });

  it("/quiz 3a: one ephemeral card with True, False, solution and next buttons", async () => {
    const seen = await d.command(ana, "quiz", { question: "3a" });
    const card = only(seen);
    expect(seen.exchange.callbacks.map((c) => [c.type, c.status])).toEqual([[4, 204]]);
    expect(card.flags & 64).toBe(64);
    expect(card.embeds[0]!.title).toMatch(/^Question 3a · \d+ points?/);
    expect(buttonsOf(card).map((b) => b.label)).toEqual(["True", "False", "Show solution", "Next question"]);
    for (const b of buttonsOf(card)) expect(b.custom_id.length).toBeLessThanOrEqual(100);
  });

  it("answers 3a through the False button's modal, then the True button's, then shows the solution", async () => {
    const card = only(await d.command(ana, "quiz", { question: "3a" }));
    const opened = await d.click(ana, card, "False");
    const modal = d.modalOf(opened);
    expect(modal.title).toBe("Answer 3a");
    expect(modal.field.max_length).toBe(4000);
    const graded = await d.submit(ana, opened, "because regularization improves generalization to unseen data, not the training loss");
    expect(graded.ephemeral).toBe(true);
    expect(graded.text).toMatch(/^3a: \d+(\.\d+)?\/\d+/);
    const again = await d.submit(ana, await d.click(ana, card, "True"), "it always lowers the training loss");
    expect(again.text).toMatch(/^3a: \d+(\.\d+)?\/\d+/);
    const solution = await d.click(ana, card, "Show solution");
    expect(solution.text).toContain("Reference solution for 3a");
  });

  it("tells a wrong shape in an expression answer, privately", async () => {
    const seen = await answer(ana, "2b", { answer: "W1" });
    expect(seen.ephemeral).toBe(true);
    expect(seen.text).toMatch(/^2b: 0\/\d+/);
    expect(seen.text).toMatch(/matrix but a .* vector is expected/);
  });

  it("draws a question's display math as a PNG in its card", async () => {
    const card = only(await d.command(ana, "quiz", { question: "1c" }));
    expect(card.embeds[0]!.image).toEqual({ url: "attachment://math.png" });
    const math = card.files.find((f) => f.filename === "math.png")!;
    expect(math.data.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(math.description).toContain("Σ");
  });

  it("suggests question ids and topics that match what is typed", async () => {
    const questions = await d.suggestions(ana, "quiz", "question", "2c");
    expect(questions.map((c) => c.value)).toEqual(["2c-i", "2c-ii"]);
    expect(questions[0]!.name).toMatch(/^2c-i — /);
    const topics = await d.suggestions(ana, "quiz", "topic", "back");
    expect(topics.map((c) => c.value)).toContain("backprop");
  });

  it("/progress lists what was answered, privately", async () => {
    const seen = await d.command(ana, "progress");
    expect(seen.ephemeral).toBe(true);
    expect(seen.text).toMatch(/3a/);
    expect(seen.text).toMatch(/2b/);
  });

  it("refuses /stats to a student without revealing any statistic, and the reply is private", async () => {
    const seen = await d.command(ana, "stats");
    expect(seen.ephemeral).toBe(true);
    expect(seen.text).toMatch(/for the course staff/);
    expect(seen.text).not.toMatch(/mean|median|\bn\s*=|\d+\/\d+/i);
    expect(seen.messages.every((m) => m.files.length === 0)).toBe(true);
  });

  it("an answer with an image reaches the TA's /review with the same bytes", async () => {
    const answered = await answer(ben, "2a", { answer: "my computational graph, see the photo" }, { attachment: { option: "image", file: { filename: "graph.png", contentType: "image/png", data: PNG } } });
    expect(answered.text).toMatch(/2a/);
    const review = await reviewOf(/ to 2a .* by Ben/);
    const attached = review.messages.flatMap((m) => m.files).find((f) => f.filename === "graph.png");
    expect(attached?.data.equals(PNG)).toBe(true);
  });

  it("refuses a file too large before downloading it, and a file that is not an image", async () => {
    const huge = await d.command(ben, "answer", { question: "2a", answer: "big photo" }, { attachment: { option: "image", file: { filename: "huge.png", contentType: "image/png", data: Buffer.alloc(9 * 1024 * 1024, 1) } } });
    expect(huge.ephemeral).toBe(true);
    expect(huge.text).toMatch(/huge\.png is 9\.0 MB; the limit is 8\.0 MB/);
    const served = discord.requests.filter((r) => r.path.startsWith("/attachments/") && r.path.endsWith("/huge.png"));
    expect(served).toEqual([]);
    const text = await d.command(ben, "answer", { question: "2a", answer: "not a photo" }, { attachment: { option: "image", file: { filename: "notes.png", contentType: "image/png", data: Buffer.from("just text") } } });
    expect(text.text).toMatch(/not an image/);
  });

  it("a TA's announcement goes to the channel named; one without a channel is posted where it was typed", async () => {
    const elsewhere = await d.command(tara, "announce", { message: "Midterm review Friday @everyone", channel: "announcements" });
    expect(elsewhere.ephemeral).toBe(true);
    expect(elsewhere.text).toContain("Posted in #announcements");
    const posted = await discord.until(() => discord.postsIn(discord.channel("announcements"))[0], 10_000, "the announcement");
    expect(posted.content).toContain("Midterm review Friday");
    expect(posted.flags & 64).toBe(0);
    // Typing #announcements in Discord gives a channel mention: the tutor names the channel.
    const mentioned = await d.command(tara, "announce", { message: "Quiz 2 is out", channel: `<#${discord.channel("announcements").id}>` });
    expect(mentioned.text).toContain("Posted in #announcements");
    await discord.until(() => discord.postsIn(discord.channel("announcements")).find((m) => m.content.includes("Quiz 2 is out")), 10_000, "the second announcement");
    const here = await d.command(tara, "announce", { message: "Office hours moved to 3pm" }, { channel: "general" });
    expect(here.ephemeral).toBe(false);
    expect(here.text).toContain("Office hours moved to 3pm");
  });

  it("a TA's grade reaches a student with closed DMs as an ephemeral follow-up, another by DM", async () => {
    const asked = await answer(cara, "2a", { answer: "inputs x and W1 feed a product node, then relu" });
    const review = await reviewOf(/ to 2a .* by Cara/);
    const graded = await d.click(tara, review.messages.at(-1)!, "Award full");
    expect(graded.text).toMatch(/is graded \d+\/\d+; the student is told/);
    const followUp = await discord.until(() => asked.exchange.followUps.find((m) => messageText(m).includes("A TA graded your answer to 2a")), 10_000, "the follow-up to cara");
    expect(followUp.flags & 64).toBe(64);
    await bot.waitForLog((l) => l.msg === "delivered as an ephemeral follow-up (DMs closed)" && l.interaction === asked.exchange.id);

    await answer(ben, "2a", { answer: "a graph with a relu node" });
    const next = await reviewOf(/ to 2a .* by Ben/);
    await d.click(tara, next.messages.at(-1)!, "Award 0");
    const told = await discord.until(() => discord.postsIn(discord.dmChannel(ben)).find((m) => messageText(m).includes("A TA graded your answer to 2a")), 10_000, "ben's DM");
    expect(told.flags & 64).toBe(0);
  });

  it("lists TA commands in /help for a TA only, and sends /export as a CSV attachment", async () => {
    const forTa = await d.command(tara, "help");
    const forStudent = await d.command(ana, "help");
    expect(forTa.text).toContain("/stats");
    expect(forStudent.text).not.toContain("/stats");
    const exported = await d.command(tara, "export");
    expect(exported.ephemeral).toBe(true);
    const csv = exported.messages.flatMap((m) => m.files).find((f) => f.filename.endsWith(".csv"));
    expect(csv?.data.toString("utf8")).toMatch(/^Name,SID,User,Section,1a,/);
  });

  it("answers a duplicate INTERACTION_CREATE once", async () => {
    const first = await d.command(ana, "progress");
    discord.deliver(first.exchange);
    await bot.waitForLog((l) => l.msg === "duplicate interaction ignored" && l.interaction === first.exchange.id);
    expect(first.exchange.callbacks).toHaveLength(1);
  });

  it("answers a forged or garbled button with a clear private message", async () => {
    const card = only(await d.command(ana, "quiz", { question: "1a" }));
    for (const customId of ["t1a|0||quiz|question=%E0", "t9a|0||quiz|", "t1f|0||answer|question=1a|answer|99999", "x".repeat(100)]) {
      const seen = await d.run(ana, { type: "button", message: card, customId });
      expect(seen.ephemeral).toBe(true);
      expect(seen.text).toMatch(/out of date or damaged/);
    }
  });

  it("broke no rule of Discord's, never leaked the token, kept its heartbeat, and is still up with stdin closed", async () => {
    expect(discord.violations).toEqual([]);
    expect(discord.requests.filter((r) => r.status === 401)).toEqual([]);
    expect(bot.describe()).not.toContain(discord.token);
    expect(bot.logs.filter((l) => l.level === "error")).toEqual([]);
    await discord.until(() => discord.gateway.record.heartbeats > 0, 15_000, "a heartbeat");
    expect(bot.logs.some((l) => l.msg === "stopped")).toBe(false);
  });
});
