// The Slack adapter for many workspaces: installed through Slack's OAuth flow, each workspace its
// own course, each answered with its own bot token (kept sealed in the store).
import { App, type Context, type InstallationStore } from "@slack/bolt";
import type { Config } from "../../config.ts";
import type { Adapter } from "../../core/chat/adapter.ts";
import type { CourseDelivery, DeliveryTarget } from "../../core/chat/reply.ts";
import type { InstallationRepository } from "../../core/ports.ts";
import type { PlatformDeps } from "../platform-deps.ts";
import { registerSlackHandlers } from "./slack-handlers.ts";
import type { SlackInteractions } from "./slack-interactions.ts";
import { slackUserOf } from "./slack-people.ts";
import { boltLogger, INSTALL_PATH, slackTransport } from "./slack-receiver.ts";
import { sealedInstallationStore } from "./slack-installations.ts";
import { TokenSeal } from "./slack-token-seal.ts";
import { RETRY, slackApiUrl, slackWorkspace, type SlackWorkspace } from "./slack-workspace.ts";

const COURSE_PREFIX = "slack:";

/**
 * Every workspace that installed the app (`/slack/install`) is a course, `slack:<team>`. Bolt's
 * `authorize` finds a request's bot token in the store; the adapter keeps one client per
 * workspace and builds it again when a new install replaced the token. Timed work's deliveries
 * for a workspace not seen since the start fetch its installation first.
 */
export class SlackOAuthAdapter implements Adapter {
  readonly name = "slack";
  private app: App | null = null;
  private readonly workspaces = new Map<string, SlackWorkspace>();
  /** Every workspace's interactions ever built (a replaced one may still be running work). */
  private readonly everyInteractions = new Set<SlackInteractions>();
  private readonly installations: InstallationStore;
  private readonly sdkLogger;

  constructor(private readonly config: Config, private readonly deps: PlatformDeps, repository: InstallationRepository) {
    if (!config.SLACK_TOKEN_KEY) throw new Error("Slack's OAuth mode needs SLACK_TOKEN_KEY");
    this.sdkLogger = boltLogger(deps.logger);
    this.installations = sealedInstallationStore(repository, new TokenSeal(config.SLACK_TOKEN_KEY));
  }

  owns(course: string, to: DeliveryTarget): boolean {
    if (!course.startsWith(COURSE_PREFIX)) return false;
    return "channel" in to || slackUserOf(course.slice(COURSE_PREFIX.length), to.user) !== null;
  }

  /** Listens on SLACK_PORT: Slack's requests, the install page and its redirect, the health check. */
  async start(): Promise<void> {
    const { config } = this;
    const transport = slackTransport(config, this.sdkLogger, () => ({ ok: true, adapter: this.name, workspaces: this.workspaces.size }), {
      clientId: config.SLACK_CLIENT_ID!, clientSecret: config.SLACK_CLIENT_SECRET!, stateSecret: config.SLACK_STATE_SECRET!,
      installationStore: this.installations,
    });
    if (transport.mode !== "http") throw new Error("Slack's OAuth flow runs over HTTP");
    const app = new App({ receiver: transport.receiver, logger: this.sdkLogger, convoStore: false, clientOptions: { ...slackApiUrl(config), retryConfig: RETRY } });
    registerSlackHandlers(app, (context) => this.workspaceOf(context).interactions);
    await app.start(transport.port);
    this.app = app;
    this.deps.logger.info("slack listening", { mode: "http", oauth: true, port: transport.port, install: INSTALL_PATH });
  }

  /** Takes no more requests, then lets running work finish in every workspace. */
  async stop(): Promise<void> {
    const { app } = this;
    this.app = null;
    if (app) await app.stop();
    await Promise.all([...this.everyInteractions].map((i) => i.idle()));
  }

  async deliver(delivery: CourseDelivery): Promise<void> {
    const team = delivery.course.slice(COURSE_PREFIX.length);
    const workspace = this.workspaces.get(team) ?? await this.installed(team);
    const { to } = delivery;
    if ("channel" in to) return workspace.poster.deliver(delivery.reply, { channel: to.channel });
    const user = slackUserOf(team, to.user);
    if (!user) throw new Error(`not a person of workspace ${team}: ${to.user}`);
    await workspace.poster.deliver(delivery.reply, { user });
  }

  /** The workspace of a request Bolt authorized: its team and the bot token its installation holds. */
  private workspaceOf(context: Context): SlackWorkspace {
    if (!context.teamId || !context.botToken) throw new Error("a Slack request without a workspace or a bot token");
    return this.workspace(context.teamId, context.botToken);
  }

  /** The workspace `team`'s installation from the store (its token opened), for timed work. */
  private async installed(team: string): Promise<SlackWorkspace> {
    const installation = await this.installations.fetchInstallation({ teamId: team, enterpriseId: undefined, isEnterpriseInstall: false });
    const token = installation.bot?.token;
    if (!token) throw new Error(`the Slack installation of ${team} has no bot token`);
    return this.workspace(team, token);
  }

  private workspace(team: string, token: string): SlackWorkspace {
    const known = this.workspaces.get(team);
    if (known?.token === token) return known;
    const workspace = slackWorkspace(team, token, this.config, this.deps, this.sdkLogger);
    this.workspaces.set(team, workspace);
    this.everyInteractions.add(workspace.interactions);
    return workspace;
  }
}
