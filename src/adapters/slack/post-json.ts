import { createHttpClient } from "../http-client.ts";

/** Kept-alive connections, a bounded number per host: a class answering at once reuses them. */
const request = createHttpClient(64);

/**
 * POSTs JSON and resolves with the HTTP status once the answer has been read: Slack's
 * response_url posts, the bot's busiest outgoing calls (one per command).
 */
export async function postJson(url: string, payload: unknown, timeoutMs = 10_000): Promise<number> {
  const answer = await request(url, {
    method: "POST", headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(payload), timeoutMs,
  });
  return answer.status;
}
