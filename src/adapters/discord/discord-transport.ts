import { createHttpClient, type HttpRequest } from "../http-client.ts";

/** discord.js's `makeRequest`: a fetch-shaped call. */
export type DiscordTransport = (url: string, init: RequestInit) => Promise<Response>;

/**
 * How discord.js reaches Discord (its `makeRequest`): Node's own HTTP client with at most
 * `maxSockets` connections kept alive, in place of `fetch`, which opened a connection for each
 * request in flight (300 at the second a class starts an exam) and cost tens of MB that stayed.
 * discord.js hands over a JSON string, a FormData (a reply with files) or nothing; a FormData is
 * serialised with the multipart boundary it announces. The answer is read whole (Discord's
 * answers are small) and handed back as a Response, which is what discord.js reads.
 */
export function discordTransport(maxSockets: number, request: HttpRequest = createHttpClient(maxSockets)): DiscordTransport {
  return async (url: string, init: RequestInit): Promise<Response> => {
    const headers = plainHeaders(init.headers);
    let body: string | Uint8Array | undefined;
    if (typeof init.body === "string" || init.body instanceof Uint8Array) body = init.body;
    else if (init.body != null) {
      // FormData (or another body fetch would take): serialised as fetch would send it.
      const serialised = new Response(init.body);
      const type = serialised.headers.get("content-type");
      if (type) headers["content-type"] = type;
      body = new Uint8Array(await serialised.arrayBuffer());
    }
    const answer = await request(url, { method: init.method ?? "GET", headers, ...(body === undefined ? {} : { body }), ...(init.signal ? { signal: init.signal } : {}) });
    const empty = NULL_BODY_STATUS.has(answer.status);
    return new Response(empty ? null : answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  };
}

/** Statuses whose response may not carry a body (the Response constructor refuses one). */
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

function plainHeaders(given: RequestInit["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(given).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}
