import http from "node:http";
import https from "node:https";

/** What an HTTP answer holds once read to the end. */
export interface HttpAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  body: Buffer;
}

export interface HttpRequestOptions {
  method: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
  /** No answer (or a silence mid-answer) this long fails the request; default 15 s. */
  timeoutMs?: number;
}

export type HttpRequest = (url: string | URL, options: HttpRequestOptions) => Promise<HttpAnswer>;

/**
 * Node's own HTTP client with kept-alive connections, at most `maxSockets` to a host (further
 * requests wait for one). A platform's busiest outgoing calls (a reply per command) go through it:
 * `fetch` costs several times the CPU for each, and a class's rush made it open a connection per
 * request in flight, tens of MB that stayed (docs/PERFORMANCE.md, exam night).
 */
export function createHttpClient(maxSockets: number): HttpRequest {
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets }), https: new https.Agent({ keepAlive: true, maxSockets }) };
  return (url, options) => {
    const target = new URL(url);
    const secure = target.protocol === "https:";
    const timeoutMs = options.timeoutMs ?? 15_000;
    const body = options.body === undefined ? undefined : typeof options.body === "string" ? Buffer.from(options.body) : options.body;
    const headers = { ...options.headers, ...(body ? { "content-length": String(body.byteLength) } : {}) };
    return new Promise((resolve, reject) => {
      const request = (secure ? https : http).request(target, {
        method: options.method, headers, agent: secure ? agents.https : agents.http, timeout: timeoutMs, ...(options.signal ? { signal: options.signal } : {}),
      }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? "",
          headers: answerHeaders(response.headers),
          body: Buffer.concat(chunks),
        }));
      });
      request.on("timeout", () => request.destroy(new Error(`no answer from ${target.host} within ${timeoutMs / 1000} s`)));
      request.on("error", reject);
      request.end(body);
    });
  };
}

function answerHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return headers;
}
