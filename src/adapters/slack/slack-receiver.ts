// How Slack's requests reach Bolt: HTTP (signed requests on SLACK_PORT) or Socket Mode (a
// WebSocket the app opens), and Bolt's own log lines as the bot's JSON lines.
import { HTTPReceiver, type InstallationStore, LogLevel, type Logger as BoltLogger, SocketModeReceiver } from "@slack/bolt";
import type { Config } from "../../config.ts";
import type { Logger } from "../../logger.ts";
import { BOT_SCOPES, EVENTS_PATH } from "./slack-manifest.ts";

/** Load balancers and process managers ask here whether the bot is up (HTTP mode). */
export const HEALTH_PATH = "/healthz";
/** Where a workspace's admin starts installing the app (OAuth mode): redirected to Slack's consent page. */
export const INSTALL_PATH = "/slack/install";
/** Where Slack sends the admin back with the code the app trades for the workspace's bot token. */
export const OAUTH_REDIRECT_PATH = "/slack/oauth_redirect";

/** Slack's OAuth flow on the HTTP receiver: installs in many workspaces, kept in `installationStore`. */
export interface SlackOAuth {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installationStore: InstallationStore;
}

/** The receiver the configuration asks for: Socket Mode when SLACK_APP_TOKEN is set, else HTTP. */
export type SlackTransport =
  | { mode: "socket"; receiver: SocketModeReceiver }
  | { mode: "http"; receiver: HTTPReceiver; port: number };

/**
 * HTTP: Bolt verifies every request's signature and refuses one older than five minutes (401);
 * `GET /healthz` answers for load balancers with what `health()` says. Socket Mode: the socket's
 * URL comes from `apps.connections.open` on SLACK_API_URL, like every other Web API call.
 */
export function slackTransport(config: Config, logger: BoltLogger, health: () => Record<string, unknown>, oauth?: SlackOAuth): SlackTransport {
  if (config.SLACK_APP_TOKEN) {
    const clientOptions = config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {};
    return { mode: "socket", receiver: new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN, logger, installerOptions: { clientOptions } }) };
  }
  if (!config.SLACK_SIGNING_SECRET) throw new Error("SLACK_SIGNING_SECRET is required for Slack's HTTP mode (or set SLACK_APP_TOKEN for Socket Mode).");
  const receiver = new HTTPReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET,
    endpoints: [EVENTS_PATH],
    port: config.SLACK_PORT,
    logger,
    // OAuth: GET INSTALL_PATH redirects straight to Slack (state in a signed cookie), and the
    // redirect stores the installation; Bolt's `authorize` then finds each request's bot token.
    ...(oauth ? {
      clientId: oauth.clientId, clientSecret: oauth.clientSecret, stateSecret: oauth.stateSecret,
      installationStore: oauth.installationStore, scopes: [...BOT_SCOPES],
      installerOptions: {
        directInstall: true, installPath: INSTALL_PATH, redirectUriPath: OAUTH_REDIRECT_PATH,
        clientOptions: config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {},
      },
    } : {}),
    customRoutes: [{
      path: HEALTH_PATH,
      method: ["GET"],
      handler: (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(health()));
      },
    }],
  });
  return { mode: "http", receiver, port: config.SLACK_PORT };
}

const LEVELS = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/**
 * Bolt's and the Web API client's logger, writing the bot's JSON lines (so the configured secrets
 * are redacted there too). Debug lines, which can quote request bodies, are dropped.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const enabled = (at: LogLevel) => at !== LogLevel.DEBUG && LEVELS.indexOf(at) >= LEVELS.indexOf(level);
  const line = (parts: unknown[]) => parts.map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(" ");
  return {
    debug: () => {},
    info: (...parts: unknown[]) => enabled(LogLevel.INFO) && logger.info(`slack sdk: ${line(parts)}`),
    warn: (...parts: unknown[]) => enabled(LogLevel.WARN) && logger.warn(`slack sdk: ${line(parts)}`),
    error: (...parts: unknown[]) => enabled(LogLevel.ERROR) && logger.error(`slack sdk: ${line(parts)}`),
    setLevel: (next: LogLevel) => (level = next),
    getLevel: () => level,
    setName: () => {},
  };
}
