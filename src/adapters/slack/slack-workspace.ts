// One Slack workspace as the adapter serves it: its Web API client (its bot token), and the
// poster, people and interactions built on that client.
import { type Logger as BoltLogger, webApi } from "@slack/bolt";
import type { Config } from "../../config.ts";
import type { PlatformDeps } from "../platform-deps.ts";
import { SlackInteractions } from "./slack-interactions.ts";
import { SlackPeople } from "./slack-people.ts";
import { SlackPoster } from "./slack-replies.ts";

/**
 * Web API calls fail fast: a delivery refused is kept in the outbox and tried again by timed
 * work, and a reply refused is logged, so the client's own half-hour of retries would only hold
 * a person's command lane.
 */
export const RETRY = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000 };

/** The Web API base of the configuration (SLACK_API_URL, for a local Slack), as client options. */
export function slackApiUrl(config: Config): { slackApiUrl?: string } {
  return config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {};
}

/** A workspace the adapter serves: its course is `slack:<team>`. */
export interface SlackWorkspace {
  team: string;
  /** The bot token its client uses (a new install replaces it). */
  token: string;
  web: webApi.WebClient;
  poster: SlackPoster;
  interactions: SlackInteractions;
}

/** The workspace `team` with bot token `token`: a client of its own, and a course of its own. */
export function slackWorkspace(team: string, token: string, config: Config, deps: PlatformDeps, sdkLogger: BoltLogger): SlackWorkspace {
  const web = new webApi.WebClient(token, { ...slackApiUrl(config), logger: sdkLogger, retryConfig: RETRY });
  const poster = new SlackPoster(web, deps.logger, config.SLACK_API_URL);
  const people = new SlackPeople(web, () => team, config.SLACK_TA_USERS, deps.logger);
  const interactions = new SlackInteractions({ dispatcher: deps.dispatcher, people, poster, web, logger: deps.logger, course: () => `slack:${team}` });
  return { team, token, web, poster, interactions };
}
