// The Slack adapter: a Bolt app for one workspace (the course), over HTTP or Socket Mode.
import { App, webApi } from "@slack/bolt";
import { type Config, slackOAuthMode } from "../../config.ts";
import type { Adapter } from "../../core/chat/adapter.ts";
import type { CourseDelivery, DeliveryTarget } from "../../core/chat/reply.ts";
import type { InstallationRepository } from "../../core/ports.ts";
import type { PlatformDeps } from "../platform-deps.ts";
import { registerSlackHandlers } from "./slack-handlers.ts";
import { SlackInteractions } from "./slack-interactions.ts";
import { SlackOAuthAdapter } from "./slack-oauth-adapter.ts";
import { SlackPeople, slackUserOf } from "./slack-people.ts";
import { boltLogger, slackTransport, type SlackTransport } from "./slack-receiver.ts";
import { SlackPoster } from "./slack-replies.ts";
import { RETRY } from "./slack-workspace.ts";

/**
 * The Slack adapter `src/main.ts` starts: one workspace with SLACK_BOT_TOKEN, or, with the OAuth
 * variables, every workspace that installed the app, their installations in `installations`.
 */
export function createSlackAdapter(config: Config, deps: PlatformDeps, installations?: InstallationRepository): Adapter {
  if (!slackOAuthMode(config)) return new SlackAdapter(config, deps);
  if (!installations) throw new Error("Slack's OAuth mode needs the store's installations");
  return new SlackOAuthAdapter(config, deps, installations);
}

/**
 * One workspace is one course (`slack:<team>`, the team learnt from `auth.test` at start). Every
 * non-hidden command is a slash command taking the core's text form; buttons, forms (modals) and
 * the Home tab are the rest. The adapter only translates: the dispatcher checks, runs and stores.
 */
class SlackAdapter implements Adapter {
  readonly name = "slack";
  private team: string | null = null;
  private app: App | null = null;
  private transport: SlackTransport | null = null;
  private readonly web: webApi.WebClient;
  /** Bolt's and the Web API client's log lines, as the bot's JSON lines. */
  private readonly sdkLogger;
  private readonly poster: SlackPoster;
  private readonly interactions: SlackInteractions;

  constructor(private readonly config: Config, private readonly deps: PlatformDeps) {
    this.sdkLogger = boltLogger(deps.logger);
    this.web = new webApi.WebClient(config.SLACK_BOT_TOKEN, { ...this.apiUrl(), logger: this.sdkLogger, retryConfig: RETRY });
    this.poster = new SlackPoster(this.web, deps.logger, config.SLACK_API_URL);
    const people = new SlackPeople(this.web, () => this.teamId(), config.SLACK_TA_USERS, deps.logger);
    this.interactions = new SlackInteractions({ dispatcher: deps.dispatcher, people, poster: this.poster, web: this.web, logger: deps.logger, course: () => this.course() });
  }

  owns(course: string, to: DeliveryTarget): boolean {
    if (this.team === null || course !== this.course()) return false;
    return "channel" in to || slackUserOf(this.team, to.user) !== null;
  }

  /** Learns the workspace (auth.test), then listens: resolves once Slack's requests are taken. */
  async start(): Promise<void> {
    const auth = await this.web.auth.test();
    if (!auth.team_id || !auth.user_id) throw new Error("Slack auth.test gave no team or bot user: is SLACK_BOT_TOKEN a bot token (xoxb-)?");
    this.team = auth.team_id;
    const logger = this.sdkLogger;
    const transport = slackTransport(this.config, logger, () => ({ ok: true, adapter: this.name, course: this.course() }));
    // botId and botUserId given: Bolt needs no auth.test of its own, at start or per request (a bot
    // token always has a bot_id; the fallback only keeps Bolt from asking on every request).
    const app = new App({
      token: this.config.SLACK_BOT_TOKEN,
      botId: auth.bot_id ?? auth.user_id,
      botUserId: auth.user_id,
      receiver: transport.receiver,
      logger,
      convoStore: false,
      clientOptions: { ...this.apiUrl(), retryConfig: RETRY },
    });
    this.register(app);
    if (transport.mode === "http") await app.start(transport.port);
    else await app.start();
    this.app = app;
    this.transport = transport;
    this.deps.logger.info("slack listening", { mode: transport.mode, team: this.team, ...(transport.mode === "http" ? { port: transport.port } : {}) });
  }

  /** Takes no more requests (closes the port or the socket), then lets running work finish. */
  async stop(): Promise<void> {
    const { app, transport } = this;
    this.app = null;
    this.transport = null;
    if (app && transport?.mode === "socket") await transport.receiver.client.disconnect();
    else if (app) await app.stop();
    await this.interactions.idle();
  }

  async deliver(delivery: CourseDelivery): Promise<void> {
    const { to } = delivery;
    if ("channel" in to) return this.poster.deliver(delivery.reply, { channel: to.channel });
    const user = this.team === null ? null : slackUserOf(this.team, to.user);
    if (!user) throw new Error(`not a person of this workspace: ${to.user}`);
    await this.poster.deliver(delivery.reply, { user });
  }

  private register(app: App): void {
    registerSlackHandlers(app, () => this.interactions);
  }

  private apiUrl(): { slackApiUrl?: string } {
    return this.config.SLACK_API_URL ? { slackApiUrl: this.config.SLACK_API_URL } : {};
  }

  private teamId(): string {
    if (this.team === null) throw new Error("the Slack adapter has not started");
    return this.team;
  }

  private course(): string {
    return `slack:${this.teamId()}`;
  }
}
