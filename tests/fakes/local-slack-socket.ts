// A local Slack Socket Mode endpoint: a WebSocket server (RFC 6455 over node:http, text frames,
// ping/pong, close) speaking Socket Mode's envelopes: `hello`, then requests that the app acks
// with their `envelope_id`.
import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const OP = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;
/** Slack pings its clients; Bolt's client reconnects when no ping came for 30 s. */
const PING_MS = 5_000;

/** What the app answered to an envelope: its ack's payload (e.g. a view_submission's response_action). */
export interface EnvelopeAck {
  envelope_id: string;
  payload?: unknown;
}

/** One connected app: frames in and out. */
class SocketConnection {
  private buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private readonly pinger: NodeJS.Timeout;
  closed = false;

  constructor(private readonly socket: Duplex, private readonly onText: (text: string) => void, private readonly onClose: () => void) {
    socket.on("data", (chunk: Buffer) => this.read(chunk));
    socket.on("close", () => this.end());
    socket.on("error", () => this.end());
    this.pinger = setInterval(() => this.write(OP.ping, Buffer.from("ping")), PING_MS);
    this.pinger.unref();
  }

  sendText(text: string): void {
    this.write(OP.text, Buffer.from(text, "utf8"));
  }

  /** A close frame (code 1001, going away), then the socket ends. */
  close(): void {
    if (this.closed) return;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(1001, 0);
    this.write(OP.close, payload);
    this.socket.end();
    this.end();
  }

  private end(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pinger);
    this.socket.destroy();
    this.onClose();
  }

  private write(opcode: number, payload: Buffer): void {
    if (this.closed || this.socket.destroyed) return;
    const length = payload.length;
    const header = length < 126 ? Buffer.from([0x80 | opcode, length])
      : length < 65536 ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
    this.socket.write(Buffer.concat([header, payload]));
  }

  /** Frames from the client (always masked); fragmented messages are joined. */
  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const fin = (this.buffer[0]! & 0x80) !== 0;
      const opcode = this.buffer[0]! & 0x0f;
      const masked = (this.buffer[1]! & 0x80) !== 0;
      let length = this.buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const maskLength = masked ? 4 : 0;
      if (this.buffer.length < offset + maskLength + length) return;
      const mask = this.buffer.subarray(offset, offset + maskLength);
      const payload = Buffer.from(this.buffer.subarray(offset + maskLength, offset + maskLength + length));
      if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
      this.buffer = this.buffer.subarray(offset + maskLength + length);
      this.frame(fin, opcode, payload);
    }
  }

  private frame(fin: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case OP.ping:
        this.write(OP.pong, payload);
        return;
      case OP.pong:
        return;
      case OP.close:
        this.write(OP.close, payload.subarray(0, 2));
        this.socket.end();
        this.end();
        return;
      case OP.text:
      case OP.binary:
      case OP.continuation:
        this.fragments.push(payload);
        if (fin) {
          const text = Buffer.concat(this.fragments).toString("utf8");
          this.fragments = [];
          this.onText(text);
        }
    }
  }
}

function bigLength(length: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(length));
  return b;
}

/**
 * The Socket Mode side of the local Slack: `apps.connections.open` hands out `url()`; a connected
 * app gets `hello`, then `send` delivers one envelope and resolves with the app's ack.
 */
export class LocalSocketMode {
  private connection: SocketConnection | null = null;
  private readonly pending = new Map<string, (ack: EnvelopeAck) => void>();
  private waitingForConnection: Array<() => void> = [];
  /** How many times an app connected (a reconnect counts again). */
  connections = 0;

  constructor(private readonly base: () => string) {}

  /** The URL `apps.connections.open` returns: a fresh ticket each time, as Slack does. */
  url(): string {
    return `${this.base().replace(/^http/, "ws")}/socket?ticket=${randomUUID()}`;
  }

  /** Takes an HTTP upgrade to /socket; returns false for anything else. */
  upgrade(request: IncomingMessage, socket: Duplex): boolean {
    if (!request.url?.startsWith("/socket")) return false;
    const key = request.headers["sec-websocket-key"];
    if (typeof key !== "string" || request.headers.upgrade?.toLowerCase() !== "websocket") {
      socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
      return true;
    }
    const accept = createHash("sha1").update(key + GUID).digest("base64");
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    this.connection?.close();
    const connection: SocketConnection = new SocketConnection(socket, (text) => this.receive(text), () => {
      if (this.connection === connection) this.connection = null;
    });
    this.connection = connection;
    this.connections++;
    connection.sendText(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "local-slack", approximate_connection_time: 3600 }, connection_info: { app_id: "ALOCAL" } }));
    const waiting = this.waitingForConnection;
    this.waitingForConnection = [];
    for (const wake of waiting) wake();
    return true;
  }

  /** Resolves once an app is connected. */
  async connected(timeoutMs = 10_000): Promise<void> {
    if (this.connection) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no Socket Mode connection within ${timeoutMs} ms`)), timeoutMs);
      this.waitingForConnection.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  get isConnected(): boolean {
    return this.connection !== null;
  }

  /** Sends one envelope (`slash_commands`, `interactive`, `events_api`) and resolves with the app's ack. */
  async send(type: string, payload: unknown, extra: Record<string, unknown> = {}, timeoutMs = 5_000): Promise<EnvelopeAck> {
    const connection = this.connection;
    if (!connection) throw new Error("no app is connected over Socket Mode");
    const id = randomUUID();
    const acked = new Promise<EnvelopeAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`envelope ${type} not acked within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    connection.sendText(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== "events_api", ...extra }));
    return acked;
  }

  close(): void {
    this.connection?.close();
    this.connection = null;
  }

  private receive(text: string): void {
    let message: EnvelopeAck;
    try {
      message = JSON.parse(text) as EnvelopeAck;
    } catch {
      return;
    }
    const resolve = this.pending.get(message.envelope_id);
    this.pending.delete(message.envelope_id);
    resolve?.(message);
  }
}
