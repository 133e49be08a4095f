import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { BOT_SCOPES, MANIFEST_FILE, MANIFEST_LIMITS, slackManifest, slackManifestYaml } from "../../../src/adapters/slack/slack-manifest.ts";
import { REPO_ROOT } from "../../../src/config.ts";

interface SlashCommand {
  command: string;
  description: string;
  usage_hint?: string;
  url?: string;
  should_escape: boolean;
}
type Manifest = {
  display_information: { name: string; description: string };
  features: { slash_commands: SlashCommand[]; app_home: Record<string, boolean>; bot_user: { display_name: string } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[]; request_url?: string }; interactivity: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean };
};

describe("Slack manifest", () => {
  it("is checked in as `npm run slack:manifest` generates it from the registry", () => {
    const checkedIn = readFileSync(path.join(REPO_ROOT, MANIFEST_FILE), "utf8");
    expect(checkedIn, `${MANIFEST_FILE} is stale: run npm run slack:manifest`).toBe(slackManifestYaml(commands));
  });

  it("has every command a person can type, with its usage hint, and none that only buttons reach", () => {
    const manifest = parse(slackManifestYaml(commands)) as Manifest;
    const listed = manifest.features.slash_commands;
    expect(listed.map((c) => c.command)).toEqual(commands.filter((c) => !c.hidden).map((c) => `/${c.name}`));
    expect(listed.find((c) => c.command === "/answer")).toMatchObject({ usage_hint: "question answer [justification] [replace]", should_escape: false });
    expect(listed.find((c) => c.command === "/stats")!.description).toMatch(/^\(TAs\) /);
    expect(listed.map((c) => c.command)).not.toContain("/home");
    expect(listed.map((c) => c.command)).not.toContain("/solution");
  });

  it("stays within Slack's manifest limits", () => {
    const manifest = slackManifest(commands) as unknown as Manifest;
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(MANIFEST_LIMITS.appName);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(MANIFEST_LIMITS.appDescription);
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
    const listed = manifest.features.slash_commands;
    expect(listed.length).toBeLessThanOrEqual(MANIFEST_LIMITS.slashCommands);
    for (const c of listed) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(MANIFEST_LIMITS.description);
      expect((c.usage_hint ?? "").length).toBeLessThanOrEqual(MANIFEST_LIMITS.usageHint);
    }
  });

  it("asks for the scopes the adapter calls for, the Home tab, interactivity and app_home_opened", () => {
    const manifest = slackManifest(commands) as unknown as Manifest;
    expect(manifest.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_home_opened"]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("is for Socket Mode without a URL, for HTTP with every request URL ending in /slack/events", () => {
    const socket = slackManifest(commands) as unknown as Manifest;
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain("request_url");
    const http = slackManifest(commands, { requestUrl: "https://tutor.example.edu/" }) as unknown as Manifest;
    const url = "https://tutor.example.edu/slack/events";
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.event_subscriptions.request_url).toBe(url);
    expect(http.settings.interactivity.request_url).toBe(url);
    expect(new Set(http.features.slash_commands.map((c) => c.url))).toEqual(new Set([url]));
  });
});
