import http from "node:http";
import https from "node:https";

/**
 * POSTs JSON and resolves with the HTTP status once the answer has been read. Node's own client
 * with kept-alive connections: Slack's response_url posts are the bot's busiest outgoing calls
 * (one per command), and `fetch` costs several times the CPU for each (its WHATWG streams).
 */
export function postJson(url: string, payload: unknown, timeoutMs = 10_000): Promise<number> {
  const target = new URL(url);
  const secure = target.protocol === "https:";
  const data = Buffer.from(JSON.stringify(payload));
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(target, {
      method: "POST",
      agent: secure ? HTTPS_AGENT : HTTP_AGENT,
      headers: { "content-type": "application/json; charset=utf-8", "content-length": data.length },
      timeout: timeoutMs,
    }, (response) => {
      response.on("error", reject);
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.resume();
    });
    request.on("timeout", () => request.destroy(new Error(`no answer from ${target.host} within ${timeoutMs / 1000} s`)));
    request.on("error", reject);
    request.end(data);
  });
}

// Kept-alive sockets, a bounded number per host: a class answering at once reuses them.
const HTTP_AGENT = new http.Agent({ keepAlive: true, maxSockets: 64 });
const HTTPS_AGENT = new https.Agent({ keepAlive: true, maxSockets: 64 });
