// The Slack bot in OAuth mode, as `npm start` runs it against a local Slack: workspaces install
// it through /slack/install and the redirect, each is then answered with its own bot token and
// is its own course, and no bot token is ever in the database in plain text.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess } from "../fakes/bot-process.ts";
import { postText, SignedHttp, SlackPerson } from "../fakes/local-slack-client.ts";
import { freePort, LocalSlack } from "../fakes/local-slack.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const SECRET = "e2e-signing-secret-oauth-0123";
const CLIENT = { clientId: "1234.5678", clientSecret: "e2e-client-secret-abcdef" };
const ALPHA = "TALPHA0001";
const BETA = "TBETA00002";

let slack: LocalSlack;
let bot: BotProcess;
let base: string;
let http: SignedHttp;
const db = tempDbFile();

beforeAll(async () => {
  slack = await LocalSlack.start({
    // The local Slack's own token is never given to the bot: every token comes from an install.
    botToken: "xoxb-not-given-to-the-bot",
    oauth: CLIENT,
    users: [{ id: "UANA00001", name: "ana", displayName: "Ana" }, { id: "UBEN00002", name: "ben", displayName: "Ben" }],
    channels: [{ id: "CGENERAL01", name: "general", appIsMember: true }],
  });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  bot = await BotProcess.start({
    SLACK_API_URL: slack.apiUrl, SLACK_SIGNING_SECRET: SECRET, SLACK_PORT: String(port),
    SLACK_CLIENT_ID: CLIENT.clientId, SLACK_CLIENT_SECRET: CLIENT.clientSecret,
    SLACK_STATE_SECRET: "e2e-state-secret-0123456789", SLACK_TOKEN_KEY: randomBytes(32).toString("base64"),
    TUTOR_DB: db, TUTOR_SWEEP_SECONDS: "0.3",
  });
  http = new SignedHttp(`${base}/slack/events`, SECRET);
});

afterAll(async () => {
  await bot?.stop();
  await slack?.close();
});

/** GET /slack/install: Slack's consent page, with the state and the cookie that must come back with it. */
async function startInstall(): Promise<{ location: URL; cookie: string }> {
  const response = await fetch(`${base}/slack/install`, { redirect: "manual" });
  expect(response.status).toBe(302);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  return { location: new URL(response.headers.get("location") ?? ""), cookie };
}

/** An admin of `team` installs the app: consent (a code from Slack), then Slack's redirect back to the bot. */
async function install(team: string): Promise<Response> {
  const { location, cookie } = await startInstall();
  const state = location.searchParams.get("state")!;
  const code = slack.api.authorizationCode(team);
  return fetch(`${base}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: "manual" });
}

const tokenOf = (team: string) => [...slack.api.installedTokens].find(([, t]) => t === team)?.[0];

/** The database as the bot left it (its WAL too, where recent writes sit). */
function databaseBytes(): string {
  return [db, `${db}-wal`].filter(existsSync).map((file) => readFileSync(file).toString("latin1")).join("");
}

describe("the Slack bot in OAuth mode (many workspaces)", () => {
  it("GET /slack/install redirects to Slack's consent page with the app's client id, scopes and a state", async () => {
    const { location, cookie } = await startInstall();
    expect(`${location.origin}${location.pathname}`).toBe("https://slack.com/oauth/v2/authorize");
    expect(location.searchParams.get("client_id")).toBe(CLIENT.clientId);
    expect(location.searchParams.get("scope")?.split(",")).toEqual(expect.arrayContaining(["commands", "chat:write"]));
    const state = location.searchParams.get("state");
    expect(state).toBeTruthy();
    expect(cookie).toContain(state!);
  });

  it("refuses the redirect with a state it did not issue, and installs nothing", async () => {
    const code = slack.api.authorizationCode(ALPHA);
    const response = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=forged-state`, { redirect: "manual" });
    await response.arrayBuffer();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(tokenOf(ALPHA)).toBeUndefined();
  });

  it("installs a workspace from the redirect: its row stored, its bot token encrypted", async () => {
    const response = await install(ALPHA);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    const token = tokenOf(ALPHA);
    expect(token).toMatch(/^xoxb-/);
    const reader = new Database(db, { readonly: true });
    try {
      const rows = reader.prepare("SELECT kind, id, installation FROM installations").all() as Array<{ kind: string; id: string; installation: string }>;
      expect(rows.map((r) => [r.kind, r.id])).toEqual([["team", ALPHA]]);
      expect(rows[0]!.installation).not.toContain(token!);
      expect(rows[0]!.installation).not.toContain("xoxb-");
    } finally {
      reader.close();
    }
    expect(databaseBytes()).not.toContain(token!);
  });

  it("answers a slash command from that workspace with that workspace's token, in its own course", async () => {
    const ana = new SlackPerson(slack, http, "UANA00001", "ana", ALPHA);
    const [reply] = await (await ana.command("/quiz 3a")).waitForReplies(1);
    expect(postText(reply!)).toContain("Question 3a");
    const lookups = slack.callsOf("users.info");
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.every((c) => c.auth === "bot" && c.team === ALPHA)).toBe(true);
  });

  it("installs a second workspace and answers it with its own token, as a course of its own", async () => {
    const response = await install(BETA);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    expect(tokenOf(BETA)).not.toBe(tokenOf(ALPHA));
    const ben = new SlackPerson(slack, http, "UBEN00002", "ben", BETA);
    const before = slack.calls.length;
    const [reply] = await (await ben.command("/quiz 3a")).waitForReplies(1);
    expect(postText(reply!)).toContain("Question 3a");
    expect(slack.calls.slice(before).filter((c) => c.method === "users.info").map((c) => c.team)).toEqual([BETA]);
    const reader = new Database(db, { readonly: true });
    try {
      const courses = (reader.prepare("SELECT id FROM courses ORDER BY id").pluck().all() as string[]).filter((id) => id.startsWith("slack:"));
      expect(courses).toEqual([`slack:${ALPHA}`, `slack:${BETA}`]);
      expect(reader.prepare("SELECT count(*) FROM installations").pluck().get()).toBe(2);
    } finally {
      reader.close();
    }
    expect(databaseBytes()).not.toContain(tokenOf(BETA)!);
  });

  it("does not answer a workspace that never installed the app", async () => {
    const stranger = new SlackPerson(slack, http, "UANA00001", "ana", "TNEVER0003");
    const exchange = await stranger.command("/help");
    expect(exchange.status).toBeGreaterThanOrEqual(400);
    expect(exchange.replies()).toEqual([]);
  });
});
