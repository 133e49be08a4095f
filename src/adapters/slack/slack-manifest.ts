// The Slack app manifest, generated from the command registry: one paste installs the app with
// every slash command, the scopes the adapter uses, interactivity and the Home tab.
import { stringify } from "yaml";
import { usageLine } from "../../core/chat/check-options.ts";
import type { CommandDefinition } from "../../core/chat/command-definition.ts";

/** Where Slack posts requests in HTTP mode: the manifest's request URLs end with it, the receiver listens on it. */
export const EVENTS_PATH = "/slack/events";

/** Where the checked-in manifest lives, from the repository root. */
export const MANIFEST_FILE = "slack/manifest.yml";

/**
 * The bot scopes, each for what the adapter calls: nothing more is asked of a workspace.
 * commands: slash commands; chat:write: replies and announcements; im:write: conversations.open
 * for DMs (files, deliveries); files:write: files.uploadV2; users:read: display names;
 * channels:read, groups:read: conversations.list to find `#announcements` by name.
 */
export const BOT_SCOPES = ["commands", "chat:write", "im:write", "files:write", "users:read", "channels:read", "groups:read"] as const;

/** Slack's limits for a manifest's slash command (reference: app manifest). */
export const MANIFEST_LIMITS = { appName: 35, appDescription: 140, command: 32, description: 2000, usageHint: 1000, slashCommands: 50 } as const;

export interface ManifestOptions {
  /** The app's name in Slack. */
  name?: string;
  /**
   * HTTP mode: the public base URL of the bot (e.g. `https://tutor.example.edu`); requests go to
   * `<url>/slack/events`. Without it, the manifest is for Socket Mode (no public URL needed).
   */
  requestUrl?: string;
}

/** The manifest as an object, in Slack's schema. */
export function slackManifest(commands: readonly CommandDefinition<unknown>[], options: ManifestOptions = {}): Record<string, unknown> {
  const name = options.name ?? "Exam Tutor";
  const url = options.requestUrl ? `${options.requestUrl.replace(/\/+$/, "")}${EVENTS_PATH}` : undefined;
  const slashCommands = commands.filter((c) => !c.hidden).map((c) => {
    const hint = usageLine(c).slice(c.name.length + 1).trim();
    const description = `${c.access === "ta" ? "(TAs) " : ""}${c.description}`;
    return {
      command: `/${c.name}`,
      ...(url ? { url } : {}),
      description: description.slice(0, MANIFEST_LIMITS.description),
      ...(hint ? { usage_hint: hint.slice(0, MANIFEST_LIMITS.usageHint) } : {}),
      // Text arrives as typed (mentions not turned into ids): the core parses it.
      should_escape: false,
    };
  });
  return {
    display_information: {
      name,
      description: "Practise the exam in Slack: questions, instant rubric grading, progress, and TA tools.",
      background_color: "#1d3557",
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      // A bot user's display name takes only a-z, 0-9, -, _ and .
      bot_user: { display_name: name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").slice(0, 80), always_online: true },
      slash_commands: slashCommands,
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: ["app_home_opened"] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !url,
      token_rotation_enabled: false,
    },
  };
}

/** The manifest as YAML, with a header saying where it comes from. */
export function slackManifestYaml(commands: readonly CommandDefinition<unknown>[], options: ManifestOptions = {}): string {
  const mode = options.requestUrl ? `HTTP mode, requests to ${options.requestUrl}` : "Socket Mode";
  const header = [
    `# Slack app manifest (${mode}), generated from commands/index.ts by \`npm run slack:manifest\`: do not edit by hand.`,
    "# For HTTP mode with a public URL: npm run -s slack:manifest -- --request-url https://your.host > manifest.yml",
    "# Installing it: docs/SLACK.md.",
  ];
  return `${header.join("\n")}\n${stringify(slackManifest(commands, options), { lineWidth: 0 })}`;
}
