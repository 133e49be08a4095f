import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sealedInstallationStore } from "../../../src/adapters/slack/slack-installations.ts";
import { TokenSeal } from "../../../src/adapters/slack/slack-token-seal.ts";
import { ConfigError, loadConfig, slackOAuthMode } from "../../../src/config.ts";
import type { InstallationKey, InstallationRepository } from "../../../src/core/ports.ts";

describe("TokenSeal", () => {
  const seal = new TokenSeal(randomBytes(32));

  it("opens what it sealed, and seals the same text differently each time (a random IV)", () => {
    const one = seal.seal("xoxb-secret-token", "slack:team:T1");
    const two = seal.seal("xoxb-secret-token", "slack:team:T1");
    expect(one).not.toBe(two);
    expect(one).not.toContain("xoxb");
    expect(seal.open(one, "slack:team:T1")).toBe("xoxb-secret-token");
    expect(seal.open(two, "slack:team:T1")).toBe("xoxb-secret-token");
  });

  it("refuses another workspace's record, an altered one, and another key's", () => {
    const sealed = seal.seal("xoxb-secret-token", "slack:team:T1");
    expect(() => seal.open(sealed, "slack:team:T2")).toThrow(/does not open with SLACK_TOKEN_KEY/);
    const [v, iv, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0]! ^= 1;
    expect(() => seal.open([v, iv, tag, flipped.toString("base64url")].join("."), "slack:team:T1")).toThrow(/does not open/);
    expect(() => new TokenSeal(randomBytes(32)).open(sealed, "slack:team:T1")).toThrow(/does not open/);
    expect(() => seal.open("xoxb-plain", "slack:team:T1")).toThrow("not a sealed installation");
  });
});

describe("the sealed installation store", () => {
  it("saves a workspace's installation sealed under its team, an org-wide one under its enterprise", async () => {
    const rows = new Map<string, string>();
    const id = (k: InstallationKey) => `${k.kind}:${k.id}`;
    const repository: InstallationRepository = {
      save: async (k, text) => void rows.set(id(k), text),
      fetch: async (k) => rows.get(id(k)) ?? null,
      delete: async (k) => rows.delete(id(k)),
    };
    const store = sealedInstallationStore(repository, new TokenSeal(randomBytes(32)));
    await store.storeInstallation({ team: { id: "T1" }, enterprise: undefined, bot: { token: "xoxb-t1", scopes: [], id: "B1", userId: "U1" }, user: { token: undefined, scopes: undefined, id: "UA" } });
    await store.storeInstallation({ team: undefined, enterprise: { id: "E1" }, isEnterpriseInstall: true, bot: { token: "xoxb-e1", scopes: [], id: "B2", userId: "U2" }, user: { token: undefined, scopes: undefined, id: "UB" } });
    expect([...rows.keys()].sort()).toEqual(["enterprise:E1", "team:T1"]);
    for (const text of rows.values()) expect(text).not.toContain("xoxb");
    expect((await store.fetchInstallation({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe("xoxb-t1");
    expect((await store.fetchInstallation({ teamId: "T9", enterpriseId: "E1", isEnterpriseInstall: true })).bot?.token).toBe("xoxb-e1");
    await expect(store.fetchInstallation({ teamId: "T2", enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/not installed in Slack team T2/);
    await store.deleteInstallation!({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false });
    expect(rows.has("team:T1")).toBe(false);
  });
});

describe("Slack's OAuth configuration", () => {
  const oauth = { SLACK_CLIENT_ID: "1.2", SLACK_CLIENT_SECRET: "cs", SLACK_STATE_SECRET: "ss", SLACK_SIGNING_SECRET: "sig" };

  it("turns OAuth mode on with all four variables, the key given in base64 or hex", () => {
    const key = randomBytes(32);
    for (const text of [key.toString("base64"), key.toString("hex")]) {
      const config = loadConfig({ ...oauth, SLACK_TOKEN_KEY: text });
      expect(slackOAuthMode(config)).toBe(true);
      expect(config.platforms).toEqual(["slack"]);
      expect(config.SLACK_TOKEN_KEY?.equals(key)).toBe(true);
    }
    expect(slackOAuthMode(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "sig" }))).toBe(false);
  });

  it("names what is missing or wrong", () => {
    expect(() => loadConfig({ ...oauth })).toThrow(/missing: SLACK_TOKEN_KEY/);
    expect(() => loadConfig({ ...oauth, SLACK_TOKEN_KEY: randomBytes(16).toString("base64") })).toThrow(/SLACK_TOKEN_KEY: not a 32-byte key/);
    const key = randomBytes(32).toString("base64");
    expect(() => loadConfig({ ...oauth, SLACK_TOKEN_KEY: key, SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/exclude each other/);
    expect(() => loadConfig({ ...oauth, SLACK_TOKEN_KEY: key, SLACK_SIGNING_SECRET: undefined })).toThrow(/SLACK_SIGNING_SECRET is required/);
    expect(() => loadConfig({ ...oauth, SLACK_TOKEN_KEY: key, SLACK_APP_TOKEN: "xapp-1" })).toThrow(ConfigError);
  });
});
