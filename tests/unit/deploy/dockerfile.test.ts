import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

// There is no Docker engine here to build the image: the Dockerfile is read as instructions and
// checked for what deploying relies on, and its HEALTHCHECK command is run as Docker would run it.

interface Instruction {
  op: string;
  args: string;
}

/** The Dockerfile's instructions, continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  return text.replace(/\\\n/g, " ").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const [op = "", ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(" ") };
    });
}

const all = instructions(readFileSync(new URL("../../../Dockerfile", import.meta.url), "utf8"));
const lastFrom = all.map((i) => i.op).lastIndexOf("FROM");
const finalStage = all.slice(lastFrom);
const exec = (op: string): string[] => JSON.parse(finalStage.find((i) => i.op === op)!.args.replace(/^(--\S+\s+)*CMD\s+/, "")) as string[];

describe("the Dockerfile", () => {
  it("builds in one stage (npm ci, native modules) and runs from another", () => {
    const froms = all.filter((i) => i.op === "FROM");
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const f of froms) expect(f.args).toMatch(/^node:20\b/);
    const build = all.slice(0, lastFrom);
    expect(build.some((i) => i.op === "RUN" && /\bnpm ci\b/.test(i.args))).toBe(true);
    expect(finalStage.some((i) => i.op === "COPY" && /--from=\S+.*node_modules/.test(i.args))).toBe(true);
    expect(finalStage.some((i) => i.op === "RUN" && /npm (ci|install)/.test(i.args))).toBe(false);
  });

  it("runs as a user other than root, with the database on a volume", () => {
    const user = finalStage.filter((i) => i.op === "USER").at(-1);
    expect(user?.args).toBeDefined();
    expect(user!.args).not.toMatch(/^(root|0)(:|$)/);
    const volume = finalStage.find((i) => i.op === "VOLUME");
    expect(volume?.args).toContain("/data");
    expect(finalStage.find((i) => i.op === "ENV")?.args).toMatch(/TUTOR_DB=\/data\//);
  });

  it("starts node itself, not npm, so SIGTERM reaches the bot, on the bundle the build stage made", () => {
    const cmd = exec("CMD");
    expect(cmd[0]).toBe("node");
    expect(cmd).not.toContain("npm");
    expect(cmd.at(-1)).toBe("dist/main.mjs");
    const build = all.slice(0, lastFrom);
    expect(build.some((i) => i.op === "RUN" && /\bnode scripts\/bundle\.mjs\b/.test(i.args))).toBe(true);
    expect(finalStage.some((i) => i.op === "COPY" && /--from=\S+.*\bdist\b/.test(i.args))).toBe(true);
  });

  it("gives node the heap settings npm start gives it (the memory the benchmark measures)", () => {
    const start = (JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { scripts: { start: string } }).scripts.start.split(/\s+/);
    expect(start[0]).toBe("node");
    const flags = start.slice(1, -1);
    expect(flags.length).toBeGreaterThan(0);
    expect(exec("CMD").slice(1, -1)).toEqual(flags);
  });

  it("sets the environment npm start sets before the native libraries load", async () => {
    const { RUNTIME_ENV } = await import("../../../scripts/runtime-env.mjs");
    const env = finalStage.filter((i) => i.op === "ENV").map((i) => i.args).join(" ");
    for (const [name, value] of Object.entries(RUNTIME_ENV)) expect(env).toContain(`${name}=${value}`);
  });
});

describe("the image's HEALTHCHECK", () => {
  const check = exec("HEALTHCHECK");
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** Runs the check's command with `env` (and PATH, to find node), answering its exit code. */
  function runCheck(env: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const child = spawn(check[0]!, check.slice(1), { env: { PATH: process.env.PATH ?? "", ...env }, stdio: "ignore" });
      child.on("error", reject);
      child.on("close", (code) => resolve(code ?? -1));
    });
  }

  /** A stand-in for the bot's /healthz on a free port, answering `status`. */
  async function healthz(status: number): Promise<string> {
    server = createServer((req, res) => res.writeHead(req.url === "/healthz" ? status : 404).end("{}"));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return String((server.address() as AddressInfo).port);
  }

  it("probes /healthz on SLACK_PORT in Slack HTTP mode: healthy on 200, unhealthy otherwise", async () => {
    const slack = { SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "secret" };
    expect(await runCheck({ ...slack, SLACK_PORT: await healthz(200) })).toBe(0);
    server!.close();
    expect(await runCheck({ ...slack, SLACK_PORT: await healthz(503) })).toBe(1);
    const port = (server!.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect(await runCheck({ ...slack, SLACK_PORT: String(port) })).toBe(1);
  });

  it("probes /healthz in Slack's OAuth mode too (many workspaces, no single bot token)", async () => {
    const oauth = { SLACK_CLIENT_ID: "1.2", SLACK_CLIENT_SECRET: "s", SLACK_STATE_SECRET: "t", SLACK_SIGNING_SECRET: "secret" };
    expect(await runCheck({ ...oauth, SLACK_PORT: await healthz(503) })).toBe(1);
    server!.close();
    expect(await runCheck({ ...oauth, SLACK_PORT: await healthz(200) })).toBe(0);
  });

  it("passes without probing when nothing listens by design: Discord only, or Slack in Socket Mode", async () => {
    expect(await runCheck({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1" })).toBe(0);
    expect(await runCheck({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_APP_TOKEN: "xapp-test" })).toBe(0);
  });
});
