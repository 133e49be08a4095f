// `npm run discord:register [-- --force]`: publishes the registry's slash commands to Discord, in
// DISCORD_GUILD_ID when set (updated at once), globally otherwise. Without --force it publishes only
// when Discord's commands differ from the registry, as the bot does at start.
import { REST } from "discord.js";
import { commands } from "../commands/index.ts";
import { DISCORD_API } from "../src/adapters/discord/discord-adapter.ts";
import { discordCommands, syncCommands } from "../src/adapters/discord/discord-commands.ts";
import { configOrReport } from "../src/config.ts";

async function main(): Promise<number> {
  const config = configOrReport(process.env, (message) => process.stderr.write(`${message}\n`));
  if (!config) return 1;
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    process.stderr.write("Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (and DISCORD_GUILD_ID to register in one server at once); see docs/DISCORD.md.\n");
    return 1;
  }
  const rest = new REST({ api: config.DISCORD_API_URL ?? DISCORD_API, makeRequest: fetch as never }).setToken(config.DISCORD_TOKEN);
  const wanted = discordCommands(commands);
  const scope = { applicationId: config.DISCORD_APPLICATION_ID, ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}) };
  const where = scope.guildId ? `in the server ${scope.guildId}` : "globally (Discord may take up to an hour to show them in every server)";
  try {
    const outcome = await syncCommands(rest, scope, wanted, { force: process.argv.includes("--force") });
    const names = wanted.map((c) => `/${c.name}`).join(" ");
    process.stdout.write(outcome === "published" ? `Published ${wanted.length} commands ${where}: ${names}\n` : `The ${wanted.length} commands ${where} are already up to date: ${names}\n`);
    return 0;
  } catch (error) {
    // Discord's message (e.g. 401 Unauthorized, Missing Access), never the token.
    process.stderr.write(`Discord refused the commands: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main();
