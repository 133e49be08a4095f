// The local Discord's REST API: the routes discord.js uses for this bot, with Discord's rules
// (3 seconds to acknowledge, once; webhooks only after that; limits on what a message carries).
import type { IncomingMessage, ServerResponse } from "node:http";
import { choiceRejections, commandRejections, modalRejections, problems, rejections, type SentMessage } from "./local-discord-checks.ts";
import type { LocalDiscord } from "./local-discord.ts";
import { botUser, type Exchange, memberJson, messageJson, snowflake, type StoredFile, type StoredMessage } from "./local-discord-model.ts";

/** Discord's first-response deadline. */
const ACK_MS = 3000;
/** An interaction's token lets the bot edit and follow up for 15 minutes. */
const TOKEN_MS = 15 * 60 * 1000;

interface Parsed {
  json: Record<string, unknown> | undefined;
  files: StoredFile[];
}

class HttpError extends Error {
  constructor(readonly status: number, readonly code: number, message: string) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<Parsed> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (raw.length === 0) return { json: undefined, files: [] };
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": type } }).formData();
    const payload = form.get("payload_json");
    const json = typeof payload === "string" ? (JSON.parse(payload) as Record<string, unknown>) : {};
    // An interaction callback nests the message in `data`.
    const message = (json.data ?? json) as { attachments?: Array<{ id: string | number; description?: string }> };
    const described = new Map((message.attachments ?? []).map((a) => [String(a.id), a.description]));
    const files: StoredFile[] = [];
    for (const [key, value] of form.entries()) {
      const index = /^files\[(\d+)\]$/.exec(key)?.[1];
      if (index === undefined || typeof value === "string") continue;
      files.push({ filename: value.name, contentType: value.type || "application/octet-stream", description: described.get(index), data: Buffer.from(await value.arrayBuffer()) });
    }
    return { json, files };
  }
  return { json: JSON.parse(raw.toString("utf8")) as Record<string, unknown>, files: [] };
}

export async function handleRest(discord: LocalDiscord, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const method = req.method ?? "GET";
  const authorized = req.headers.authorization === `Bot ${discord.token}`;
  let status = 200;
  try {
    if (method === "GET" && discord.cdn.has(url.pathname)) {
      const file = discord.cdn.get(url.pathname)!;
      res.writeHead(200, { "content-type": file.contentType, "content-length": file.data.length }).end(file.data);
      return;
    }
    const path = url.pathname.replace(/^\/api\/v10/, "");
    if (path === url.pathname) throw new HttpError(404, 0, "404: Not Found (expected /api/v10)");
    const body = await readBody(req);
    const result = route(discord, method, path, url.searchParams, body, authorized);
    status = result.status;
    if (result.json === undefined) res.writeHead(result.status).end();
    else res.writeHead(result.status, { "content-type": "application/json" }).end(JSON.stringify(result.json));
  } catch (error) {
    const e = error instanceof HttpError ? error : new HttpError(500, 0, String(error));
    status = e.status;
    res.writeHead(e.status, { "content-type": "application/json" }).end(JSON.stringify({ message: e.message, code: e.code }));
  } finally {
    discord.requests.push({ method, path: url.pathname, status, authorized });
    discord.changed();
  }
}

function route(discord: LocalDiscord, method: string, path: string, query: URLSearchParams, body: Parsed, authorized: boolean): { status: number; json?: unknown } {
  const p = path.split("/").filter(Boolean).map((s) => decodeURIComponent(s));
  const needsAuth = () => {
    if (!authorized) throw new HttpError(401, 0, "401: Unauthorized");
  };
  // POST /interactions/:id/:token/callback: no bot token; the interaction token is the credential.
  if (p[0] === "interactions" && p[3] === "callback" && method === "POST") return callback(discord, p[1]!, p[2]!, query, body);
  if (p[0] === "webhooks" && p[1] === discord.applicationId) return webhook(discord, method, p[2]!, p.slice(3), body);
  needsAuth();
  if (method === "GET" && (path === "/gateway/bot" || path === "/gateway")) {
    return { status: 200, json: { url: discord.gatewayUrl, shards: discord.shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } } };
  }
  if (method === "GET" && path === "/users/@me") return { status: 200, json: botUser(discord.botId) };
  if (p[0] === "applications" && p[1] === discord.applicationId && p.at(-1) === "commands") {
    const scope = p[2] === "guilds" ? p[3]! : "global";
    if (scope !== "global" && scope !== discord.guildId) throw new HttpError(403, 50001, "Missing Access");
    if (method === "GET") return { status: 200, json: discord.commands.get(scope) ?? [] };
    if (method === "PUT") return putCommands(discord, scope, body.json as unknown as Array<Record<string, unknown>>);
  }
  if (method === "POST" && path === "/users/@me/channels") {
    const user = discord.users.get(String(body.json?.recipient_id));
    if (!user) throw new HttpError(400, 50033, "Invalid Recipient(s)");
    const dm = discord.dmChannel(user);
    return { status: 200, json: { id: dm.id, type: 1, last_message_id: null, flags: 0, recipients: [{ id: user.id, username: user.username, global_name: user.globalName, discriminator: "0", avatar: null }] } };
  }
  if (method === "GET" && p[0] === "guilds" && p[1] === discord.guildId && p[2] === "members") {
    const user = discord.users.get(p[3]!);
    if (!user || user.outsider) throw new HttpError(404, 10007, "Unknown Member");
    return { status: 200, json: memberJson(user) };
  }
  if (method === "POST" && p[0] === "channels" && p[2] === "messages") return channelPost(discord, p[1]!, body);
  discord.violations.push(`unexpected request ${method} ${path}`);
  throw new HttpError(404, 0, "404: Not Found");
}

function putCommands(discord: LocalDiscord, scope: string, commands: Array<Record<string, unknown>>) {
  const rejected = commandRejections(commands);
  if (rejected.length) {
    discord.violations.push(...rejected.map((r) => `commands: ${r}`));
    throw new HttpError(400, 50035, `Invalid Form Body: ${rejected.join("; ")}`);
  }
  // Discord answers with ids and versions and leaves out defaults (`required: false`, `autocomplete: false`).
  const stored = commands.map((c) => ({
    ...c, id: snowflake(), application_id: discord.applicationId, version: snowflake(), ...(scope === "global" ? {} : { guild_id: scope }), nsfw: false,
    description_localizations: null, name_localizations: null,
    options: ((c.options ?? []) as Array<Record<string, unknown>>).map(({ required, autocomplete, ...o }) => ({ ...o, ...(required ? { required } : {}), ...(autocomplete ? { autocomplete } : {}) })),
  }));
  discord.commands.set(scope, stored);
  discord.commandPuts.push({ scope, at: Date.now() });
  return { status: 200, json: stored };
}

function storeMessage(
  discord: LocalDiscord, body: Parsed, via: StoredMessage["via"], channelId: string, interactionId?: string, options: { flags?: number; edit?: boolean } = {},
): StoredMessage {
  const sent = (body.json ?? {}) as SentMessage;
  const names = body.files.map((f) => f.filename);
  const { flags, edit } = options;
  const rejected = rejections(sent, names, { edit });
  if (rejected.length) {
    discord.violations.push(...rejected.map((r) => `${via} message: ${r}`));
    throw new HttpError(400, rejected.some((r) => r.includes("empty")) ? 50006 : 50035, `Invalid Form Body: ${rejected.join("; ")}`);
  }
  discord.violations.push(...problems(sent, names).map((p) => `${via} message: ${p}`));
  return {
    id: snowflake(), channelId, content: sent.content ?? "", embeds: sent.embeds ?? [], components: sent.components ?? [], flags: flags ?? sent.flags ?? 0,
    files: body.files, allowedMentions: sent.allowed_mentions, via, interactionId, deleted: false, at: Date.now(),
  };
}

function callback(discord: LocalDiscord, id: string, token: string, query: URLSearchParams, body: Parsed) {
  const x = discord.exchanges.get(id);
  if (!x || x.token !== token) throw new HttpError(404, 10062, "Unknown interaction");
  const type = Number(body.json?.type);
  const data = body.json?.data as Record<string, unknown> | undefined;
  const record = { type, data, at: Date.now(), status: 204, withResponse: query.get("with_response") === "true" };
  x.callbacks.push(record);
  const fail = (status: number, code: number, message: string, violation: string): never => {
    record.status = status;
    discord.violations.push(`interaction ${id}: ${violation}`);
    throw new HttpError(status, code, message);
  };
  if (x.callbacks.length > 1 && x.callbacks.slice(0, -1).some((c) => c.status < 300)) fail(400, 40060, "Interaction has already been acknowledged.", "acknowledged twice");
  if (record.at - x.sentAt > ACK_MS) fail(404, 10062, "Unknown interaction", `first response after ${record.at - x.sentAt} ms (> 3 s)`);
  const allowed: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };
  if (!(allowed[x.type] ?? []).includes(type)) fail(400, 50035, "Invalid interaction response type", `callback type ${type} for interaction type ${x.type}`);
  const channelId = String(x.payload.channel_id);
  let message: StoredMessage | undefined;
  if (type === 4 || type === 7) {
    try {
      message = storeMessage(discord, { json: data, files: body.files }, "callback", channelId, id);
    } catch (error) {
      record.status = 400;
      throw error;
    }
    x.original = message;
  } else if (type === 5) {
    x.deferred = { flags: Number(data?.flags ?? 0) };
  } else if (type === 9) {
    const rejected = modalRejections(data);
    if (rejected.length) fail(400, 50035, `Invalid Form Body: ${rejected.join("; ")}`, `modal: ${rejected.join("; ")}`);
  } else if (type === 8) {
    const rejected = choiceRejections(data);
    if (rejected.length) fail(400, 50035, `Invalid Form Body: ${rejected.join("; ")}`, `choices: ${rejected.join("; ")}`);
  }
  if (!record.withResponse) return { status: 204 };
  record.status = 200;
  return { status: 200, json: { interaction: { id, type: x.type, response_message_id: message?.id ?? null, response_message_loading: type === 5, response_message_ephemeral: Boolean(Number(data?.flags ?? 0) & 64) }, ...(message ? { resource: { type, message: messageJson(message, discord.applicationId, botUser(discord.botId)) } } : {}) } };
}

function webhook(discord: LocalDiscord, method: string, token: string, rest: string[], body: Parsed) {
  const x: Exchange | undefined = discord.byToken.get(token);
  if (!x) throw new HttpError(404, 10015, "Unknown Webhook");
  if (Date.now() - x.sentAt > TOKEN_MS) throw new HttpError(401, 50027, "Invalid Webhook Token");
  const acked = x.callbacks.some((c) => c.status < 300 && [4, 5, 6, 7].includes(c.type));
  if (!acked) {
    discord.violations.push(`interaction ${x.id}: ${method} webhook before the interaction was acknowledged`);
    throw new HttpError(404, 10008, "Unknown Message");
  }
  const author = botUser(discord.botId);
  const channelId = String(x.payload.channel_id);
  if (method === "POST" && rest.length === 0) {
    const m = storeMessage(discord, body, "webhook", channelId, x.id);
    x.followUps.push(m);
    return { status: 200, json: messageJson(m, discord.applicationId, author) };
  }
  if (rest[0] !== "messages" || !rest[1]) throw new HttpError(404, 0, "404: Not Found");
  const target = rest[1] === "@original" ? x.original : x.followUps.find((m) => m.id === rest[1]);
  if (method === "PATCH" && rest[1] === "@original" && !x.original && x.deferred) {
    const m = storeMessage(discord, body, "webhook", channelId, x.id, { flags: x.deferred.flags });
    x.original = m;
    x.deferred = undefined;
    return { status: 200, json: messageJson(m, discord.applicationId, author) };
  }
  if (method === "DELETE" && rest[1] === "@original" && !x.original && x.deferred) {
    x.deferred = undefined;
    // The "thinking…" placeholder deleted: Discord's own message, so none of the bot's rules apply to it.
    x.original = { id: snowflake(), channelId, content: "(deferred)", embeds: [], components: [], flags: 0, files: [], allowedMentions: undefined, via: "webhook", interactionId: x.id, deleted: true, at: Date.now() };
    return { status: 204 };
  }
  if (!target || target.deleted) throw new HttpError(404, 10008, "Unknown Message");
  if (method === "GET") return { status: 200, json: messageJson(target, discord.applicationId, author) };
  if (method === "DELETE") {
    target.deleted = true;
    return { status: 204 };
  }
  if (method === "PATCH") {
    const edited = storeMessage(discord, body, "webhook", channelId, x.id, { flags: target.flags, edit: true });
    Object.assign(target, { content: edited.content, embeds: edited.embeds, components: edited.components, files: edited.files.length ? edited.files : target.files });
    return { status: 200, json: messageJson(target, discord.applicationId, author) };
  }
  throw new HttpError(405, 0, "405: Method Not Allowed");
}

function channelPost(discord: LocalDiscord, channelId: string, body: Parsed) {
  const channel = discord.channels.find((c) => c.id === channelId);
  if (!channel) throw new HttpError(404, 10003, "Unknown Channel");
  const recipient = channel.type === 1 ? discord.users.get(channel.recipient!) : undefined;
  if (recipient?.dmsClosed) throw new HttpError(403, 50007, "Cannot send messages to this user");
  const flags = Number((body.json as SentMessage | undefined)?.flags ?? 0);
  if (flags & 64) discord.violations.push(`channel message with the ephemeral flag in ${channel.name ?? "a DM"}`);
  const m = storeMessage(discord, body, "channel", channelId);
  discord.channelMessages.push(m);
  return { status: 200, json: messageJson(m, discord.applicationId, botUser(discord.botId)) };
}
