// Interaction replies outside discord.js's global pacing, as Discord itself counts them.
import { type Client, REST } from "discord.js";
import type { DiscordTransport } from "./discord-transport.ts";

/**
 * As many requests a second as the interaction replies may take: Discord does not bind interaction
 * endpoints (the callback, and the edits and follow-ups on the interaction's webhook) to a bot's
 * global limit of 50 a second; each interaction's webhook keeps its own limit, which discord.js
 * still reads from Discord's headers and honours.
 */
const INTERACTION_REQUESTS_PER_SECOND = 100_000;

/**
 * discord.js paces every request but the callback under the global 50 a second, so on an exam
 * night the edits of deferred replies and the follow-ups of long reports queue behind each other
 * (300 students: seconds of delay, and a stop that cannot finish them). This sends the
 * interaction webhook's requests (`/webhooks/APPLICATION/TOKEN…`) through a REST client of their
 * own, with the same API base and transport, leaving everything else (messages to channels, DMs,
 * command registration) under the global limit.
 */
export function exemptInteractionReplies(client: Client, api: string, applicationId: string, transport: DiscordTransport): void {
  const replies = new REST({ api, makeRequest: transport as never, globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND });
  const shared = client.rest;
  const others = shared.request.bind(shared);
  const prefix = `/webhooks/${applicationId}/`;
  shared.request = (request) => (request.fullRoute.startsWith(prefix) ? replies.request(request) : others(request));
}
