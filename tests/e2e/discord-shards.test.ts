// Two bot processes, each running one of two Discord shards on one SQLite file: each answers only
// the interactions of its shard's guild, both answer them right, and only shard 0's process
// publishes the commands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess } from "../fakes/bot-process.ts";
import { LocalDiscordDriver } from "../fakes/local-discord-driver.ts";
import { type FakeUser, LocalDiscord } from "../fakes/local-discord.ts";
import { guildShard } from "../fakes/local-discord-model.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

/** A right answer to 3a (as in discord-exam.test.ts): a score above zero. */
const ANSWER_3A = { answer: "false", justification: "regularization improves generalization to unseen data; it usually raises the training loss" };

let discord: LocalDiscord;
const bots: BotProcess[] = [];
let ana: FakeUser;
let ben: FakeUser;

/** The interaction ids a bot process logged as finished. */
const finishedBy = (bot: BotProcess) => new Set(bot.logs.filter((l) => l.msg.startsWith("interaction ") && typeof l.interaction === "string").map((l) => l.interaction as string));

beforeAll(async () => {
  discord = await LocalDiscord.start({ shards: 2, guilds: 2 });
  ana = discord.addUser("ana");
  ben = discord.addUser("ben");
  // Global commands (no DISCORD_GUILD_ID): every guild of every shard sees them.
  const { DISCORD_GUILD_ID: _one, ...env } = discord.env({ TUTOR_DB: tempDbFile(), TUTOR_SWEEP_SECONDS: "0.3", DISCORD_SHARDS: "2" });
  // Generous: a bot starts in about 5 s alone, far slower beside the rest of `npm test` on two cores.
  const started = await Promise.allSettled(["0", "1"].map((ids) => BotProcess.start({ ...env, DISCORD_SHARD_IDS: ids }, 90_000)));
  for (const s of started) if (s.status === "fulfilled") bots.push(s.value);
  for (const s of started) if (s.status === "rejected") throw s.reason;
}, 120_000);

afterAll(async () => {
  for (const bot of bots) await bot.stop();
  await discord?.close();
});

describe("Discord shards in two bot processes", () => {
  it("puts the two guilds on different shards, and each process identifies as its own shard", () => {
    const [a, b] = discord.guildIds;
    expect([guildShard(a!, 2), guildShard(b!, 2)]).toEqual([0, 1]);
    expect(discord.gateway.record.identifiedShards.map((s) => s.join("/")).sort()).toEqual(["0/2", "1/2"]);
    expect(bots[0]!.logs.find((l) => l.msg === "discord ready")?.guilds).toEqual([a]);
    expect(bots[1]!.logs.find((l) => l.msg === "discord ready")?.guilds).toEqual([b]);
  });

  it("publishes the commands once, from the process of shard 0", () => {
    const registrations = discord.requests.filter((r) => (r.method === "PUT" || r.method === "POST") && /\/commands$/.test(r.path));
    expect(registrations).toHaveLength(1);
    // Shard 1's process does not even look: the one GET and the one PUT are shard 0's.
    expect(discord.requests.filter((r) => /\/commands$/.test(r.path)).map((r) => r.method)).toEqual(["GET", "PUT"]);
    expect(discord.commandPuts.map((p) => p.scope)).toEqual(["global"]);
    expect(bots[0]!.logs.some((l) => l.msg === "discord commands published")).toBe(true);
    expect(bots[1]!.logs.some((l) => l.msg === "discord commands left to the process of shard 0")).toBe(true);
  });

  it("answers each guild's interactions from the process of its shard only, and right", async () => {
    const [a, b] = discord.guildIds;
    const inA = LocalDiscordDriver.forBot(discord, bots[0]!);
    const inB = LocalDiscordDriver.forBot(discord, bots[1]!);
    const runs = await Promise.all([
      (async () => [await inA.command(ana, "quiz", { question: "3a" }, { guild: a }), await inA.command(ana, "answer", { question: "3a", ...ANSWER_3A }, { guild: a })])(),
      (async () => [await inB.command(ben, "quiz", { question: "3a" }, { guild: b }), await inB.command(ben, "answer", { question: "3a", ...ANSWER_3A }, { guild: b })])(),
    ]);
    for (const [quiz, graded] of runs) {
      expect(quiz!.messages[0]!.embeds[0]!.title).toMatch(/^Question 3a · \d+ points?/);
      expect(graded!.text).toMatch(/^3a: [1-9]\d*(\.\d+)?\/\d+/);
    }
    const idsOf = (seen: typeof runs[number]) => seen.map((s) => s.exchange.id).sort();
    expect([...finishedBy(bots[0]!)].sort()).toEqual(idsOf(runs[0]!));
    expect([...finishedBy(bots[1]!)].sort()).toEqual(idsOf(runs[1]!));
    expect(discord.violations).toEqual([]);
  });
});
