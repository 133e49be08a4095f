// The local Slack's Web API methods, response_urls and uploads, with the limits Slack enforces.
import { randomUUID } from "node:crypto";
import { slackProblems } from "./platform-limits.ts";
import type { LocalSlack, ResponseUrlContext, SlackCall, SlackPost } from "./local-slack.ts";

/** A trigger_id is good for one view, within 3 seconds. */
const TRIGGER_MS = 3000;
/** A response_url takes five posts. */
const RESPONSE_POSTS = 5;

type Args = Record<string, unknown>;
type Answer = Record<string, unknown> & { ok: boolean; error?: string };
type Blocks = SlackPost["blocks"];

/** An opened modal, as views.open got it, and who opened it. */
export interface OpenedView {
  id: string;
  hash: string;
  user: string;
  /** The trigger_id it was opened with: the click that opened it. */
  trigger: string;
  view: Record<string, unknown> & { blocks: Blocks; private_metadata?: string; callback_id?: string };
}

export class SlackWebApi {
  readonly views = new Map<string, OpenedView>();
  /** Each person's Home tab, as last published. */
  readonly homes = new Map<string, Blocks>();
  private readonly triggers = new Map<string, { user: string; at: number; used: boolean }>();
  private readonly responseUrls = new Map<string, ResponseUrlContext & { posts: number }>();
  private readonly pendingUploads = new Map<string, { filename: string; alt?: string; bytes?: Buffer }>();
  private readonly failures: Array<{ method: string; error: string }> = [];
  /** Codes Slack's consent page gave admins (one use each), and the workspace each installs. */
  private readonly codes = new Map<string, string>();
  /** Bot tokens oauth.v2.access handed out, and the workspace each belongs to. */
  readonly installedTokens = new Map<string, string>();
  private next = 1;

  constructor(private readonly slack: LocalSlack) {}

  /** A trigger_id for a request `user` makes (a command, a click). */
  mintTrigger(user: string): string {
    const id = `${this.next++}.${Date.now()}.${randomUUID().slice(0, 8)}`;
    this.triggers.set(id, { user, at: Date.now(), used: false });
    return id;
  }

  /** A response_url for a request `user` makes in `channel`. */
  mintResponseUrl(context: ResponseUrlContext): string {
    const id = String(this.next++);
    this.responseUrls.set(id, { ...context, posts: 0 });
    return `${this.slack.url}/respond/${id}`;
  }

  /**
   * What Slack's consent page does when an admin of workspace `team` clicks Allow: a code for
   * the app's redirect URL, which oauth.v2.access trades for that workspace's own bot token.
   */
  authorizationCode(team: string): string {
    const code = `code-${team}-${randomUUID()}`;
    this.codes.set(code, team);
    return code;
  }

  /** The next call of `method` fails with Slack's `error` (e.g. not_in_channel). */
  failNext(method: string, error: string): void {
    this.failures.push({ method, error });
  }

  call(method: string, args: Args, authorization: string | undefined): Answer {
    const token = authorization?.replace(/^Bearer\s+/i, "") ?? (typeof args.token === "string" ? args.token : undefined);
    const { botToken, appToken } = this.slack.options;
    // A bot token is the local workspace's own (botToken) or one an install handed out (its team's).
    const team = token === undefined ? undefined : token === botToken ? this.slack.team : this.installedTokens.get(token);
    const auth: SlackCall["auth"] = token === undefined ? "none" : team !== undefined ? "bot" : appToken && token === appToken ? "app" : "wrong";
    // oauth.v2.access takes the app's client id and secret instead of a token.
    const wanted = method === "apps.connections.open" ? "app" : method === "oauth.v2.access" ? auth : "bot";
    const failure = this.failures.findIndex((f) => f.method === method);
    const answer: Answer = auth !== wanted ? { ok: false, error: auth === "none" ? "not_authed" : "invalid_auth" }
      : failure >= 0 ? { ok: false, error: this.failures.splice(failure, 1)[0]!.error }
        : method === "oauth.v2.access" ? this.access(args, authorization)
          : this.method(method, args, team ?? this.slack.team);
    this.slack.calls.push({ method, args, auth, ok: answer.ok, ...(team ? { team } : {}), ...(answer.error ? { error: answer.error } : {}) });
    return answer;
  }

  /** A post to a response_url; the HTTP status Slack would answer. */
  respond(id: string, body: Args): number {
    const context = this.responseUrls.get(id);
    if (!context || context.posts >= RESPONSE_POSTS) return 404;
    context.posts++;
    if (!this.checkMessage(body, `response_url ${id}`)) return 400;
    this.slack.recordPost({
      via: "response_url", channel: context.channel, user: context.user, ephemeral: body.response_type !== "in_channel",
      text: String(body.text ?? ""), blocks: (body.blocks ?? []) as Blocks, responseUrl: id, at: Date.now(),
    });
    return 200;
  }

  /** The bytes POSTed to an upload URL; the HTTP status. */
  uploaded(fileId: string, bytes: Buffer): number {
    const pending = this.pendingUploads.get(fileId);
    if (!pending) return 404;
    pending.bytes = bytes;
    return 200;
  }

  /** oauth.v2.access: the app (its client id and secret, as fields or Basic auth) trades a code for a bot token, once. */
  private access(args: Args, authorization: string | undefined): Answer {
    const oauth = this.slack.options.oauth;
    if (!oauth) return { ok: false, error: "invalid_client_id" };
    const basic = /^Basic\s+(.+)$/i.exec(authorization ?? "")?.[1];
    const [id, secret] = basic ? Buffer.from(basic, "base64").toString("utf8").split(":") : [args.client_id, args.client_secret];
    if (id !== oauth.clientId) return { ok: false, error: "invalid_client_id" };
    if (secret !== oauth.clientSecret) return { ok: false, error: "bad_client_secret" };
    const code = String(args.code ?? "");
    const team = this.codes.get(code);
    if (team === undefined) return { ok: false, error: "invalid_code" };
    this.codes.delete(code);
    const token = `xoxb-${team}-${randomUUID()}`;
    this.installedTokens.set(token, team);
    return {
      ok: true, app_id: "ALOCAL", access_token: token, token_type: "bot", scope: "commands,chat:write,im:write,files:write,users:read,channels:read,groups:read",
      bot_user_id: "UTUTORBOT", team: { id: team, name: `Workspace ${team}` }, enterprise: null, is_enterprise_install: false, authed_user: { id: "UADMIN001" },
    };
  }

  private method(method: string, args: Args, team: string): Answer {
    const { slack } = this;
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://local.slack/", team: "Local", user: "tutor", team_id: team, user_id: "UTUTORBOT", bot_id: "BTUTORBOT" };
      case "apps.connections.open":
        return { ok: true, url: slack.socket.url() };
      case "users.info": {
        const user = slack.options.users?.find((u) => u.id === args.user);
        return user ? { ok: true, user: { id: user.id, name: user.name, real_name: user.name, profile: { display_name: user.displayName ?? "", real_name: user.name } } } : { ok: false, error: "user_not_found" };
      }
      case "conversations.open":
        return typeof args.users === "string" && args.users ? { ok: true, channel: { id: dmOf(args.users) } } : { ok: false, error: "users_list_not_supplied" };
      case "conversations.list": {
        const all = slack.options.channels ?? [];
        const start = Number(args.cursor ?? 0);
        // Pages of two, whatever the app asks for: its pagination is exercised with a few channels.
        const limit = Math.max(1, Math.min(Number(args.limit ?? 100), 2));
        const page = all.slice(start, start + limit);
        const next = start + limit < all.length ? String(start + limit) : "";
        return { ok: true, channels: page.map((c) => ({ id: c.id, name: c.name, is_member: c.appIsMember })), response_metadata: { next_cursor: next } };
      }
      case "chat.postMessage":
      case "chat.postEphemeral":
        return this.post(method, args);
      case "views.open":
        return this.open(args);
      case "views.publish":
        return this.publish(args);
      case "files.getUploadURLExternal": {
        if (typeof args.filename !== "string" || !Number(args.length)) return { ok: false, error: "invalid_arguments" };
        const id = `F${String(this.next++).padStart(8, "0")}`;
        this.pendingUploads.set(id, { filename: args.filename, ...(typeof args.alt_text === "string" ? { alt: args.alt_text } : {}) });
        return { ok: true, upload_url: `${slack.url}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal":
        return this.complete(args);
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  private post(method: "chat.postMessage" | "chat.postEphemeral", args: Args): Answer {
    const channel = String(args.channel ?? "");
    const refused = this.cannotPostIn(channel);
    if (refused) return { ok: false, error: refused };
    if (method === "chat.postEphemeral" && typeof args.user !== "string") return { ok: false, error: "user_not_found" };
    if (!this.checkMessage(args, method)) return { ok: false, error: "invalid_blocks" };
    const ephemeral = method === "chat.postEphemeral";
    this.slack.recordPost({
      via: method, channel, ephemeral, text: String(args.text ?? ""), blocks: (args.blocks ?? []) as Blocks, at: Date.now(),
      ...(ephemeral ? { user: args.user as string } : {}),
    });
    const ts = `${Math.floor(Date.now() / 1000)}.${String(this.next++).padStart(6, "0")}`;
    return ephemeral ? { ok: true, message_ts: ts } : { ok: true, channel, ts };
  }

  /** Why the app cannot post in `channel`, or null: DMs it opened are fine, channels need an invitation. */
  private cannotPostIn(channel: string): string | null {
    if (/^D/.test(channel)) return null;
    const known = this.slack.options.channels?.find((c) => c.id === channel);
    if (!known) return "channel_not_found";
    return known.appIsMember ? null : "not_in_channel";
  }

  private open(args: Args): Answer {
    const trigger = this.triggers.get(String(args.trigger_id ?? ""));
    if (!trigger) return { ok: false, error: "invalid_trigger_id" };
    if (trigger.used || Date.now() - trigger.at > TRIGGER_MS) return { ok: false, error: "expired_trigger_id" };
    const view = args.view as OpenedView["view"] | undefined;
    const problems = view ? modalProblems(view) : ["no view"];
    if (problems.length) {
      this.slack.problems.push(...problems.map((p) => `views.open: ${p}`));
      return { ok: false, error: "invalid_arguments" };
    }
    trigger.used = true;
    const opened: OpenedView = { id: `V${String(this.next++).padStart(8, "0")}`, hash: randomUUID().slice(0, 12), user: trigger.user, trigger: String(args.trigger_id), view: view! };
    this.views.set(opened.id, opened);
    return { ok: true, view: { id: opened.id, hash: opened.hash } };
  }

  private publish(args: Args): Answer {
    const view = args.view as { type?: string; blocks?: Blocks } | undefined;
    const blocks = view?.blocks ?? [];
    const problems = view?.type !== "home" ? ["not a home view"] : viewBlockProblems(blocks);
    if (problems.length) {
      this.slack.problems.push(...problems.map((p) => `views.publish: ${p}`));
      return { ok: false, error: "invalid_arguments" };
    }
    this.homes.set(String(args.user_id), blocks);
    return { ok: true, view: { id: `V${this.next++}` } };
  }

  private complete(args: Args): Answer {
    const files = (Array.isArray(args.files) ? args.files : []) as Array<{ id: string; title?: string }>;
    const channel = typeof args.channel_id === "string" ? args.channel_id : undefined;
    if (channel) {
      const refused = this.cannotPostIn(channel);
      if (refused) return { ok: false, error: refused };
    }
    for (const f of files) if (!this.pendingUploads.get(f.id)?.bytes) return { ok: false, error: "file_upload_not_found" };
    for (const f of files) {
      const pending = this.pendingUploads.get(f.id)!;
      this.pendingUploads.delete(f.id);
      this.slack.uploads.push({ id: f.id, filename: pending.filename, bytes: pending.bytes!, ...(f.title ? { title: f.title } : {}), ...(pending.alt ? { alt: pending.alt } : {}), ...(channel ? { channel } : {}) });
    }
    return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
  }

  /** Block Kit limits of a message; a violation is recorded and the message refused. */
  private checkMessage(args: Args, where: string): boolean {
    const problems = slackProblems([{ text: String(args.text ?? ""), blocks: (args.blocks ?? []) as Blocks }]);
    this.slack.problems.push(...problems.map((p) => `${where}: ${p}`));
    return problems.length === 0;
  }
}

/** The DM channel of the app and `user`. */
export const dmOf = (user: string): string => `D${user}`;

/** A view's blocks: at most 100, each within Block Kit's limits (checked 50 at a time, as messages). */
function viewBlockProblems(blocks: Blocks): string[] {
  if (blocks.length === 0 || blocks.length > 100) return [`${blocks.length} blocks (1-100)`];
  const problems: string[] = [];
  for (let i = 0; i < blocks.length; i += 50) problems.push(...slackProblems([{ text: "view", blocks: blocks.slice(i, i + 50) }]));
  return problems;
}

/** A modal's limits (reference: views, input block, plain-text input element). */
function modalProblems(view: OpenedView["view"]): string[] {
  const problems: string[] = [];
  const text = (t: unknown, max: number, where: string) => {
    const s = (t as { text?: unknown } | undefined)?.text;
    if (typeof s !== "string" || s.length === 0 || s.length > max) problems.push(`${where} text of ${typeof s === "string" ? s.length : "none"} (max ${max})`);
  };
  if (view.type !== "modal") problems.push("not a modal");
  text(view.title, 24, "title");
  if (view.submit) text(view.submit, 24, "submit");
  if (view.close) text(view.close, 24, "close");
  if ((view.private_metadata ?? "").length > 3000) problems.push("private_metadata > 3000");
  if ((view.callback_id ?? "").length > 255) problems.push("callback_id > 255");
  if (view.blocks.length === 0 || view.blocks.length > 100) problems.push(`${view.blocks.length} blocks`);
  for (const block of view.blocks) {
    if (block.type === "input") {
      text(block.label, 2000, "input label");
      const element = block.element as { type?: string; max_length?: number; action_id?: string; placeholder?: unknown };
      if (element.type !== "plain_text_input") problems.push(`input element ${element.type}`);
      if (element.max_length !== undefined && (element.max_length < 1 || element.max_length > 3000)) problems.push(`max_length ${element.max_length} (1-3000)`);
      if (!element.action_id || element.action_id.length > 255) problems.push("input action_id");
      if (element.placeholder) text(element.placeholder, 150, "placeholder");
    } else {
      problems.push(...slackProblems([{ text: "modal", blocks: [block] }]));
    }
  }
  return problems;
}
