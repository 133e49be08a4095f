// The local Discord's gateway: a WebSocket on the REST server's port, speaking JSON (discord.js asks
// for v=10&encoding=json, and zlib-stream only when zlib-sync is installed, which it is not here).
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
// `ws` is the WebSocket library discord.js itself uses (a dependency of @discordjs/ws), not one of ours.
import { type WebSocket, WebSocketServer } from "ws";
import { guildShard } from "./local-discord-model.ts";

const OP = { dispatch: 0, heartbeat: 1, identify: 2, resume: 6, invalidSession: 9, hello: 10, heartbeatAck: 11 } as const;

/** A connection's shard as IDENTIFY names it: [shard id, shard count]; [0, 1] when it names none. */
export type Shard = [number, number];

/** What the gateway needs from the rest of the local Discord. */
export interface GatewayWorld {
  token: string;
  /** READY's `d` for a new session of a shard. */
  ready(sessionId: string, shard: Shard): Record<string, unknown>;
  /** GUILD_CREATE's `d` for each guild of a shard. */
  guilds(shard: Shard): Record<string, unknown>[];
  /** Called after each frame from the bot, so waiting tests look again. */
  changed(): void;
}

/** What the gateway saw, for assertions. */
export interface GatewayRecord {
  identifies: Array<{ intents: number; tokenOk: boolean; version: string | null; encoding: string | null }>;
  /** The shard each IDENTIFY named, in the same order. */
  identifiedShards: Shard[];
  heartbeats: number;
  resumes: number;
}

/** A bot's session: its sequence, and the events it missed while its connection was down (replayed on RESUME). */
interface Session {
  id: string;
  seq: number;
  shard: Shard;
  ws: WebSocket | null;
  missed: string[];
}

/** How long a dropped session may come back with RESUME before its events are dropped. */
const RESUMABLE_MS = 30_000;

/**
 * The gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE (the guilds of the shard IDENTIFY names),
 * heartbeats ACKed, RESUME replays what a dropped connection missed, dispatches go to the live
 * session of the guild's shard (or wait for a dropped one to resume).
 */
export class LocalGateway {
  readonly record: GatewayRecord = { identifies: [], identifiedShards: [], heartbeats: 0, resumes: 0 };
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions: Session[] = [];
  private readonly dropped = new Map<Session, number>();
  private sessionCount = 0;

  constructor(server: Server, private readonly world: GatewayWorld, private readonly heartbeatMs: number) {
    server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!request.url?.startsWith("/gateway")) return socket.destroy();
      this.wss.handleUpgrade(request, socket, head, (ws) => this.open(ws, new URL(request.url!, "http://localhost")));
    });
  }

  /** How many bot sessions are identified and connected. */
  get connected(): number {
    return this.sessions.filter((s) => s.ws?.readyState === 1).length;
  }

  /**
   * Sends an event to the session of the shard that owns `guildId` (shard 0 for a direct message,
   * as Discord does); false when no bot listens there or can resume.
   */
  dispatch(event: string, data: unknown, guildId?: string): boolean {
    const now = Date.now();
    const owns = (s: Session) => (guildId ? guildShard(guildId, s.shard[1]) : 0) === s.shard[0];
    const live = this.sessions.filter((s) => owns(s) && (s.ws?.readyState === 1 || now - (this.dropped.get(s) ?? 0) < RESUMABLE_MS));
    for (const session of live) this.send(session, event, data);
    return live.length > 0;
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.ws?.terminate();
    this.sessions.length = 0;
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private send(session: Session, event: string, data: unknown): void {
    const frame = JSON.stringify({ op: OP.dispatch, t: event, s: ++session.seq, d: data });
    if (session.ws?.readyState === 1) session.ws.send(frame);
    else session.missed.push(frame);
  }

  private open(ws: WebSocket, url: URL): void {
    let session: Session | null = null;
    const drop = () => {
      if (session?.ws !== ws) return;
      session.ws = null;
      this.dropped.set(session, Date.now());
    };
    ws.on("close", drop);
    ws.on("error", drop);
    ws.send(JSON.stringify({ op: OP.hello, d: { heartbeat_interval: this.heartbeatMs, _trace: ["local-discord"] }, s: null, t: null }));
    ws.on("message", (raw: Buffer) => {
      let payload: { op: number; d: unknown };
      try {
        payload = JSON.parse(raw.toString("utf8")) as { op: number; d: unknown };
      } catch {
        ws.close(4002, "Decode error");
        return;
      }
      switch (payload.op) {
        case OP.heartbeat:
          this.record.heartbeats++;
          ws.send(JSON.stringify({ op: OP.heartbeatAck, d: null, s: null, t: null }));
          break;
        case OP.identify: {
          const d = payload.d as { token?: string; intents?: number; shard?: Shard };
          const tokenOk = d.token === this.world.token;
          const shard: Shard = d.shard ?? [0, 1];
          this.record.identifies.push({ intents: d.intents ?? 0, tokenOk, version: url.searchParams.get("v"), encoding: url.searchParams.get("encoding") });
          this.record.identifiedShards.push(shard);
          if (!tokenOk) {
            ws.close(4004, "Authentication failed.");
            return;
          }
          if (shard[0] >= shard[1]) {
            ws.close(4010, "Invalid shard.");
            return;
          }
          // A new identify of a shard is a new bot process for it: that shard's old sessions (and any
          // of another shard count, a layout now gone) will never resume.
          for (const old of this.sessions.filter((s) => s.shard[0] === shard[0] || s.shard[1] !== shard[1])) {
            old.ws?.terminate();
            this.sessions.splice(this.sessions.indexOf(old), 1);
          }
          session = { id: `local-session-${++this.sessionCount}`, seq: 0, shard, ws, missed: [] };
          this.sessions.push(session);
          this.send(session, "READY", this.world.ready(session.id, shard));
          for (const guild of this.world.guilds(shard)) this.send(session, "GUILD_CREATE", guild);
          break;
        }
        case OP.resume: {
          this.record.resumes++;
          const d = payload.d as { token?: string; session_id?: string };
          const found = this.sessions.find((s) => s.id === d.session_id);
          if (!found || d.token !== this.world.token) {
            ws.send(JSON.stringify({ op: OP.invalidSession, d: false, s: null, t: null }));
            break;
          }
          session = found;
          found.ws = ws;
          this.dropped.delete(found);
          for (const frame of found.missed.splice(0)) ws.send(frame);
          this.send(found, "RESUMED", null);
          break;
        }
        default:
          break;
      }
      this.world.changed();
    });
  }
}
