// A local Slack for tests and benchmarks: the Web API methods the tutor calls, response_urls,
// file uploads and Socket Mode, on 127.0.0.1. It records what the app posts and refuses what Slack
// would refuse (Block Kit limits, expired or reused triggers, a channel the app is not in).
//
// To run the bot against it (alone or beside the local Discord):
//   const slack = await LocalSlack.start({ botToken: "xoxb-test-token", channels: [{ id: "CGENERAL01", name: "general", appIsMember: true }] });
//   const port = await freePort();
//   const bot = await BotProcess.start({ ...localSlackEnv(slack, { mode: "http", port, signingSecret: SECRET }), TUTOR_DB: tempDbFile() });
//   const ana = new SlackPerson(slack, new SignedHttp(`http://127.0.0.1:${port}/slack/events`, SECRET), "UANA00001", "ana");
//   const [reply] = await (await ana.command("/quiz 3a")).waitForReplies();   // postText(reply) is what Ana sees
// Socket Mode: LocalSlack.start({ ..., appToken: "xapp-..." }), localSlackEnv(slack, { mode: "socket" }),
// and people send through `new OverSocket(slack.socket)` (tests/fakes/local-slack-client.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";
import { SlackWebApi } from "./local-slack-api.ts";
import { LocalSocketMode } from "./local-slack-socket.ts";

export interface LocalSlackUser {
  id: string;
  name: string;
  displayName?: string;
}

export interface LocalSlackChannel {
  id: string;
  name: string;
  /** Whether the app was invited: posting and uploading elsewhere fails with not_in_channel. */
  appIsMember: boolean;
}

export interface LocalSlackOptions {
  team?: string;
  botToken: string;
  /** The app-level token Socket Mode's `apps.connections.open` takes. */
  appToken?: string;
  users?: LocalSlackUser[];
  channels?: LocalSlackChannel[];
  /** The app's client id and secret, for oauth.v2.access (Slack's OAuth flow: installs in many workspaces). */
  oauth?: { clientId: string; clientSecret: string };
}

/** A Web API call as the app made it. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** Which token it carried: "bot", "app", or "none"/"wrong". */
  auth: "bot" | "app" | "none" | "wrong";
  /** The workspace of the bot token it carried. */
  team?: string;
  ok: boolean;
  error?: string;
}

/** A message someone sees: posted through the Web API or a response_url. */
export interface SlackPost {
  via: "chat.postMessage" | "chat.postEphemeral" | "response_url";
  /** The conversation: a channel id, a DM id, or the one a response_url belongs to. */
  channel: string;
  /** Who sees it when it is ephemeral. */
  user?: string;
  ephemeral: boolean;
  text: string;
  blocks: Array<{ type: string } & Record<string, unknown>>;
  /** The response_url's id, for posts through one. */
  responseUrl?: string;
  at: number;
}

/** A file uploaded with files.uploadV2 (its three steps). */
export interface SlackUpload {
  id: string;
  filename: string;
  title?: string;
  alt?: string;
  bytes: Buffer;
  /** Where completeUploadExternal shared it (a channel or DM id); undefined until then. */
  channel?: string;
}

/** Where a response_url belongs: who asked, in which conversation. */
export interface ResponseUrlContext {
  user: string;
  channel: string;
}

/**
 * The local Slack: `apiUrl` is what SLACK_API_URL points at; `url` serves response_urls
 * (`/respond/N`), upload URLs (`/upload/F…`) and the Socket Mode WebSocket (`/socket`).
 */
export class LocalSlack {
  readonly calls: SlackCall[] = [];
  readonly posts: SlackPost[] = [];
  readonly uploads: SlackUpload[] = [];
  /** Every Block Kit or modal limit the app broke; a test expects none. */
  readonly problems: string[] = [];
  readonly socket: LocalSocketMode;
  readonly api: SlackWebApi;
  private readonly server: Server;
  private waiters: Array<() => void> = [];
  private readonly postListeners = new Set<(post: SlackPost) => void>();

  private constructor(readonly options: Required<Pick<LocalSlackOptions, "team" | "botToken">> & LocalSlackOptions) {
    this.socket = new LocalSocketMode(() => this.url);
    this.api = new SlackWebApi(this);
    this.server = createServer((req, res) => void this.handle(req, res).catch((error: unknown) => {
      this.problems.push(`local Slack failed on ${req.url}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    }));
    this.server.on("upgrade", (req, socket) => {
      if (!this.socket.upgrade(req, socket)) socket.destroy();
    });
  }

  /** Starts the local Slack on a free port of 127.0.0.1. */
  static async start(options: LocalSlackOptions): Promise<LocalSlack> {
    const slack = new LocalSlack({ team: "T0LOCAL01", ...options });
    await new Promise<void>((resolve) => slack.server.listen(0, "127.0.0.1", resolve));
    return slack;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  get team(): string {
    return this.options.team;
  }

  /** Calls of one Web API method, in order. */
  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with what `find` returns once it returns something (checked after each recorded change). */
  async waitFor<T>(find: () => T | undefined | null | false, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`local Slack: no ${what} within ${timeoutMs} ms; problems: ${JSON.stringify(this.problems)}; last calls: ${JSON.stringify(this.calls.slice(-5).map((c) => [c.method, c.error ?? "ok"]))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Calls `listener` with each post from now on (a benchmark waits for thousands); returns how to stop. */
  onPost(listener: (post: SlackPost) => void): () => void {
    this.postListeners.add(listener);
    return () => this.postListeners.delete(listener);
  }

  /** Records a post someone sees. */
  recordPost(post: SlackPost): void {
    this.posts.push(post);
    for (const listener of this.postListeners) listener(post);
  }

  /** Wakes whoever waits: something was recorded. */
  changed(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  async close(): Promise<void> {
    this.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? "/", this.url).pathname;
    if (req.method !== "POST") return void res.writeHead(405).end();
    if (path.startsWith("/api/")) {
      const args = parseArgs(raw, req.headers["content-type"] ?? "");
      const answer = this.api.call(path.slice("/api/".length), args, req.headers.authorization);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    } else if (path.startsWith("/respond/")) {
      const status = this.api.respond(path.slice("/respond/".length), JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>);
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "used_url");
    } else if (path.startsWith("/upload/")) {
      const form = await new Response(new Uint8Array(raw), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
      const file = [...form.values()].find((v) => typeof v !== "string");
      const bytes = file && typeof file !== "string" ? Buffer.from(await file.arrayBuffer()) : raw;
      const status = this.api.uploaded(path.slice("/upload/".length), bytes);
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? `OK - ${bytes.length}` : "unknown upload");
    } else {
      res.writeHead(404).end();
    }
    this.changed();
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Web API arguments: a JSON body, or form fields with nested values as JSON strings (what @slack/web-api sends). */
function parseArgs(raw: Buffer, contentType: string): Record<string, unknown> {
  const text = raw.toString("utf8");
  if (contentType.includes("application/json")) return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  const fields = parseQuery(text);
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const one = Array.isArray(value) ? value[0] : value;
    args[key] = typeof one === "string" && /^[[{]/.test(one) ? tryJson(one) : one;
  }
  return args;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The bot's environment for a local Slack: HTTP mode on `port`, or Socket Mode with the app token. */
export function localSlackEnv(slack: LocalSlack, settings: { mode: "http"; port: number; signingSecret: string; taUsers?: string[] } | { mode: "socket"; taUsers?: string[] }): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: slack.options.botToken,
    SLACK_API_URL: slack.apiUrl,
    SLACK_TA_USERS: (settings.taUsers ?? []).join(","),
    ...(settings.mode === "http"
      ? { SLACK_SIGNING_SECRET: settings.signingSecret, SLACK_PORT: String(settings.port) }
      : { SLACK_APP_TOKEN: slack.options.appToken ?? "" }),
  };
}

/** A port nothing listens on right now (the bot's HTTP port; it must be chosen before the bot starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
