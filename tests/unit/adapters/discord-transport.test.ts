import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { discordTransport } from "../../../src/adapters/discord/discord-transport.ts";

interface Seen {
  method: string;
  type: string | undefined;
  body: string;
}

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A local HTTP server recording what it is sent and how many sockets were ever open at once. */
async function localServer(answer: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const seen: Seen[] = [];
  let open = 0;
  let most = 0;
  server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("latin1");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", type: req.headers["content-type"], body });
      answer(req, res, body);
    });
  });
  server.on("connection", (socket) => {
    open += 1;
    most = Math.max(most, open);
    socket.on("close", () => (open -= 1));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, most: () => most };
}

describe("discordTransport (discord.js's makeRequest on Node's HTTP client)", () => {
  it("sends JSON and hands back the answer discord.js reads: status, headers and body", async () => {
    const local = await localServer((_req, res, body) => {
      res.writeHead(200, { "content-type": "application/json", "x-ratelimit-remaining": "4" });
      res.end(JSON.stringify({ echoed: JSON.parse(body) }));
    });
    const send = discordTransport(4);
    const response = await send(`${local.url}/api/v10/channels/1/messages`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ content: "hi" }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("4");
    expect(await response.json()).toEqual({ echoed: { content: "hi" } });
    expect(local.seen[0]).toMatchObject({ method: "POST", type: "application/json" });
  });

  it("uploads a reply with files as multipart, with the boundary it announces, and passes on a 204", async () => {
    const local = await localServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const form = new FormData();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]);
    form.append("files[0]", new Blob([png], { type: "image/png" }), "math.png");
    form.append("payload_json", JSON.stringify({ content: "see the picture" }));
    const response = await discordTransport(4)(`${local.url}/api/v10/interactions/1/t/callback`, { method: "POST", body: form });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    const { type, body } = local.seen[0]!;
    const boundary = /boundary=(.+)$/.exec(type ?? "")?.[1];
    expect(type).toMatch(/^multipart\/form-data/);
    expect(body).toContain(`--${boundary}`);
    expect(body).toContain('filename="math.png"');
    expect(body).toContain(png.toString("latin1"));
    expect(body).toContain('{"content":"see the picture"}');
  });

  it("keeps at most maxSockets connections however many requests are in flight, and answers them all", async () => {
    const local = await localServer((_req, res) => setTimeout(() => res.end("{}"), 5));
    const send = discordTransport(3);
    const answers = await Promise.all(Array.from({ length: 40 }, () => send(`${local.url}/x`, { method: "GET" })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(local.most()).toBeLessThanOrEqual(3);
  });

  it("gives up when discord.js aborts (its own time limit), with the AbortError it retries on", async () => {
    const local = await localServer(() => undefined); // never answers
    const controller = new AbortController();
    const sent = discordTransport(1)(`${local.url}/slow`, { method: "GET", signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(sent).rejects.toMatchObject({ name: "AbortError" });
    server!.closeAllConnections();
  });
});
