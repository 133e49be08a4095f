// The registry as Discord application commands, and the comparison that decides whether to publish.
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { type DiscordCommandJson, discordCommands, sameCommands } from "../../../src/adapters/discord/discord-commands.ts";
import type { CommandDefinition } from "../../../src/core/chat/command-definition.ts";

const definition = (extra: Partial<CommandDefinition<unknown>>): CommandDefinition<unknown> => ({
  name: "demo", description: "A demo", options: [], access: "everyone", visibility: "private", examples: [], handle: () => ({ blocks: [] }), ...extra,
});

/** What Discord answers for published commands: ids, versions, localisations, defaults left out. */
function asDiscordReturnsThem(wanted: DiscordCommandJson[]): Record<string, unknown>[] {
  return wanted.map((c, i) => ({
    ...c, id: String(1000 + i), application_id: "1", version: "7", nsfw: false, name_localizations: null, description_localizations: null, dm_permission: true,
    options: c.options.map(({ required, autocomplete, ...o }) => ({ ...o, ...(required ? { required } : {}), ...(autocomplete ? { autocomplete } : {}), name_localizations: null })),
  })).reverse();
}

describe("Discord command registration", () => {
  const published = discordCommands(commands);

  it("publishes every visible command, guild-only, TA commands hidden behind a permission nobody has by default", () => {
    expect(published.map((c) => c.name)).toEqual(commands.filter((c) => !c.hidden).map((c) => c.name));
    for (const c of published) {
      const ta = commands.find((k) => k.name === c.name)!.access === "ta";
      expect(c.default_member_permissions).toBe(ta ? "0" : null);
      expect(c.contexts).toEqual([0]);
      expect(c.integration_types).toEqual([0]);
      expect(c.description.length).toBeLessThanOrEqual(100);
      for (const o of c.options) expect(o.description.length).toBeLessThanOrEqual(100);
    }
  });

  it("types options, puts required ones first, and gives choices, autocomplete, lengths and the file option", () => {
    const cmd = discordCommands([definition({
      options: [
        { name: "topic", description: "A topic", type: "string", required: false },
        { name: "question", description: "An id", type: "string", required: true },
        { name: "count", description: "How many", type: "integer", required: false },
        { name: "post", description: "Post it", type: "boolean", required: false },
        { name: "action", description: "What", type: "string", required: true, choices: ["start", "stop"] },
        { name: "note", description: "A note", type: "string", required: false, maxLength: 9000 },
      ],
      file: { name: "image", description: "A photo", maxBytes: 10, contentTypes: ["image/png"] },
    })])[0]!;
    expect(cmd.options).toEqual([
      { type: 3, name: "question", description: "An id", required: true, autocomplete: true },
      { type: 3, name: "action", description: "What", required: true, choices: [{ name: "start", value: "start" }, { name: "stop", value: "stop" }] },
      { type: 3, name: "topic", description: "A topic", required: false, autocomplete: true },
      { type: 4, name: "count", description: "How many", required: false },
      { type: 5, name: "post", description: "Post it", required: false },
      { type: 3, name: "note", description: "A note", required: false, max_length: 6000 },
      { type: 11, name: "image", description: "A photo", required: false },
    ]);
  });

  it("leaves hidden commands (reached by buttons) out", () => {
    expect(discordCommands([definition({ name: "solution", hidden: true }), definition({})]).map((c) => c.name)).toEqual(["demo"]);
  });

  it("sees Discord's answer as the same commands, whatever it adds or leaves out and in any order", () => {
    expect(sameCommands(asDiscordReturnsThem(published), published)).toBe(true);
  });

  it("sees a changed description, option, permission or a missing command as a difference", () => {
    const back = () => asDiscordReturnsThem(published);
    const changed = back();
    changed[0]!.description = "Something else";
    expect(sameCommands(changed, published)).toBe(false);
    const option = back();
    (option.find((c) => c.name === "answer")!.options as Array<Record<string, unknown>>)[0]!.autocomplete = false;
    expect(sameCommands(option, published)).toBe(false);
    const perms = back();
    perms.find((c) => c.name === "stats")!.default_member_permissions = null;
    expect(sameCommands(perms, published)).toBe(false);
    expect(sameCommands(back().slice(1), published)).toBe(false);
    expect(sameCommands([], published)).toBe(false);
  });
});
