// People of the local Slack workspace: they type slash commands, click buttons, submit modals and
// open the Home tab, and the local Slack sends the app what Slack would, signed (HTTP) or as
// Socket Mode envelopes.
import { createHmac, randomUUID } from "node:crypto";
import { stringify } from "node:querystring";
import type { OpenedView } from "./local-slack-api.ts";
import { dmOf } from "./local-slack-api.ts";
import type { LocalSlack, SlackPost } from "./local-slack.ts";
import type { LocalSocketMode } from "./local-slack-socket.ts";

/** Ways to spoil or repeat a request, as an attacker or Slack's retries would. */
export interface SendOptions {
  /** Sent as a retry (`X-Slack-Retry-Num`, Socket Mode's `retry_attempt`). */
  retryNum?: number;
  /** Signed with the wrong secret. */
  forge?: boolean;
  /** The timestamp this many seconds in the past. */
  ageSeconds?: number;
}

export type RequestKind = "command" | "interactive" | "event";

/** How the app answered the request itself: the HTTP status (Socket Mode: 200 once acked) and the ack's body. */
export interface Sent {
  status: number;
  ack: unknown;
}

/** How requests reach the app. */
export interface SlackTransport {
  send(kind: RequestKind, payload: Record<string, unknown>, options?: SendOptions): Promise<Sent>;
}

/** HTTP mode: Slack POSTs signed requests to the app's request URL. */
export class SignedHttp implements SlackTransport {
  constructor(readonly requestUrl: string, private readonly signingSecret: string) {}

  /** The exact bytes of a request, signed as Slack signs: `v0=HMAC-SHA256(secret, "v0:ts:body")`. */
  async sendRaw(body: string, contentType: string, options: SendOptions = {}): Promise<Sent> {
    const timestamp = Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0);
    const secret = options.forge ? `${this.signingSecret}-forged` : this.signingSecret;
    const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    const headers: Record<string, string> = { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature };
    if (options.retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(options.retryNum);
      headers["x-slack-retry-reason"] = "http_timeout";
    }
    const response = await fetch(this.requestUrl, { method: "POST", headers, body });
    const text = await response.text();
    return { status: response.status, ack: text ? tryJson(text) : undefined };
  }

  send(kind: RequestKind, payload: Record<string, unknown>, options: SendOptions = {}): Promise<Sent> {
    if (kind === "event") return this.sendRaw(JSON.stringify(payload), "application/json", options);
    const body = kind === "command" ? stringify(payload as Record<string, string>) : stringify({ payload: JSON.stringify(payload) });
    return this.sendRaw(body, "application/x-www-form-urlencoded", options);
  }
}

/** Socket Mode: Slack sends envelopes over the app's WebSocket and waits for their acks. */
export class OverSocket implements SlackTransport {
  constructor(private readonly socket: LocalSocketMode) {}

  async send(kind: RequestKind, payload: Record<string, unknown>, options: SendOptions = {}): Promise<Sent> {
    const type = kind === "command" ? "slash_commands" : kind === "interactive" ? "interactive" : "events_api";
    const retry = options.retryNum === undefined ? {} : { retry_attempt: options.retryNum, retry_reason: "timeout" };
    const ack = await this.socket.send(type, payload, retry);
    return { status: 200, ack: ack.payload };
  }
}

/** One request a person made and what came back to its response_url. */
export interface Exchange extends Sent {
  trigger: string;
  /** Sends the very same request again (Slack's retry: same trigger, same response_url). */
  again(options: SendOptions): Promise<Sent>;
  /** The id of the request's response_url (its posts carry it). */
  responseUrl: string;
  /** Posts to this request's response_url so far. */
  replies(): SlackPost[];
  /** Waits for at least `count` posts to the response_url. */
  waitForReplies(count?: number): Promise<SlackPost[]>;
}

/** A person of the local workspace, sending requests through `transport`. */
export class SlackPerson {
  constructor(
    private readonly slack: LocalSlack,
    private readonly transport: SlackTransport,
    readonly id: string,
    readonly name: string,
    /** The person's workspace: the local Slack's own, or another that installed the app (OAuth). */
    readonly team: string = slack.team,
  ) {}

  /** Types `/command text` in `channel`. */
  async command(line: string, channel = "CGENERAL01", options: SendOptions = {}): Promise<Exchange> {
    const [command, ...rest] = line.split(" ");
    return this.request(channel, options, (trigger, responseUrl) => ["command", {
      token: "legacy-verification-token", team_id: this.team, team_domain: "local", channel_id: channel, channel_name: this.channelName(channel),
      // Slack sends &, < and > of the typed text as entities.
      user_id: this.id, user_name: this.name, command: command!, text: slackEscape(rest.join(" ")), api_app_id: "ALOCAL", response_url: responseUrl, trigger_id: trigger,
    }]);
  }

  /** Clicks the button labelled `label` in `post` (a message the person sees). */
  async click(post: SlackPost, label: string, options: SendOptions = {}): Promise<Exchange> {
    const button = findButton(post, label);
    return this.request(post.channel, options, (trigger, responseUrl) => ["interactive", {
      type: "block_actions", team: { id: this.team, domain: "local" }, user: this.user(), api_app_id: "ALOCAL", token: "legacy-verification-token",
      container: { type: "message", message_ts: "1.000001", channel_id: post.channel, is_ephemeral: post.ephemeral },
      trigger_id: trigger, channel: { id: post.channel, name: this.channelName(post.channel) }, response_url: responseUrl,
      actions: [{ type: "button", action_id: button.action_id, block_id: "b", text: button.text, value: button.value, action_ts: String(Date.now() / 1000) }],
    }]);
  }

  /** Types `value` in an opened modal and submits it. */
  async submit(view: OpenedView, value: string, options: SendOptions = {}): Promise<Exchange> {
    const input = view.view.blocks.find((b) => b.type === "input") as { block_id?: string; element: { action_id: string } } | undefined;
    if (!input) throw new Error("the modal has no input");
    const values = { [input.block_id ?? "input"]: { [input.element.action_id]: { type: "plain_text_input", value } } };
    return this.request(dmOf(this.id), options, (trigger) => ["interactive", {
      type: "view_submission", team: { id: this.team, domain: "local" }, user: this.user(), api_app_id: "ALOCAL", token: "legacy-verification-token", trigger_id: trigger,
      view: { ...view.view, id: view.id, hash: view.hash, team_id: this.team, state: { values } }, response_urls: [],
    }]);
  }

  /** Opens the app's Home tab (the `app_home_opened` event). */
  async openHome(options: SendOptions & { eventId?: string } = {}): Promise<Sent> {
    return this.transport.send("event", {
      token: "legacy-verification-token", team_id: this.team, api_app_id: "ALOCAL", type: "event_callback",
      event_id: options.eventId ?? `Ev${randomUUID().slice(0, 10)}`, event_time: Math.floor(Date.now() / 1000),
      event: { type: "app_home_opened", user: this.id, channel: dmOf(this.id), tab: "home", event_ts: String(Date.now() / 1000) },
      authorizations: [{ team_id: this.team, user_id: "UTUTORBOT", is_bot: true }],
    }, options);
  }

  /** The modal a click opened (views.open with its trigger). */
  async openedView(click: Exchange): Promise<OpenedView> {
    return this.slack.waitFor(() => [...this.slack.api.views.values()].find((v) => v.trigger === click.trigger), `modal opened by ${this.id}'s click`);
  }

  /** The person's Home tab once it has been published (after `since` publishes). */
  async home(since = 0): Promise<SlackPost["blocks"]> {
    return this.slack.waitFor(() => this.slack.callsOf("views.publish").filter((c) => c.ok && c.args.user_id === this.id).length > since && this.slack.api.homes.get(this.id), `Home of ${this.id}`);
  }

  private async request(
    channel: string,
    options: SendOptions,
    build: (trigger: string, responseUrl: string) => [RequestKind, Record<string, unknown>],
  ): Promise<Exchange> {
    const trigger = this.slack.api.mintTrigger(this.id);
    const responseUrl = this.slack.api.mintResponseUrl({ user: this.id, channel });
    const [kind, payload] = build(trigger, responseUrl);
    const sent = await this.transport.send(kind, payload, options);
    const id = responseUrl.slice(responseUrl.lastIndexOf("/") + 1);
    const replies = () => this.slack.posts.filter((p) => p.responseUrl === id);
    return {
      ...sent, trigger, responseUrl: id, replies,
      again: (again) => this.transport.send(kind, payload, again),
      waitForReplies: (count = 1) => this.slack.waitFor(() => replies().length >= count && replies(), `${count} repl${count === 1 ? "y" : "ies"} to ${kind} ${String(payload.command ?? payload.type)} of ${this.id}`),
    };
  }

  private user() {
    return { id: this.id, username: this.name, name: this.name, team_id: this.team };
  }

  private channelName(channel: string): string {
    return /^D/.test(channel) ? "directmessage" : this.slack.options.channels?.find((c) => c.id === channel)?.name ?? "unknown";
  }
}

/** Every visible text of a post (sections, fields, headers, context, button labels), joined by new lines, entities decoded. */
export function postText(post: SlackPost): string {
  const out: string[] = [];
  const take = (t: unknown) => {
    if (t && typeof (t as { text?: unknown }).text === "string") out.push((t as { text: string }).text);
  };
  for (const block of post.blocks) {
    take(block.text);
    for (const f of (block.fields ?? []) as unknown[]) take(f);
    for (const e of (block.elements ?? []) as Array<{ type?: string; text?: unknown }>) take(e.type === "button" ? e.text : e);
  }
  return out.join("\n").replace(/[\u200B\u00AD]/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function findButton(post: SlackPost, label: string): { action_id: string; value?: string; text: unknown } {
  for (const block of post.blocks) {
    if (block.type !== "actions") continue;
    for (const e of block.elements as Array<{ action_id: string; value?: string; text: { text: string } }>) if (e.text.text === label) return e;
  }
  throw new Error(`no button "${label}" in: ${postText(post)}`);
}

function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
