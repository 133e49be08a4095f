import { describe, expect, it } from "vitest";
import { jsonLogger, REDACTED } from "../../src/logger.ts";

describe("the JSON logger", () => {
  it("writes one JSON object a line with time, level, message and fields; errors keep their stack", () => {
    const lines: string[] = [];
    const log = jsonLogger((l) => lines.push(l));
    log.error("bug", { reference: "R1", error: new Error("boom") });
    const parsed = JSON.parse(lines[0]!) as Record<string, string>;
    expect(parsed).toMatchObject({ level: "error", msg: "bug", reference: "R1" });
    expect(parsed.error).toMatch(/^Error: boom\n\s+at /);
    expect(Number.isNaN(Date.parse(parsed.time!))).toBe(false);
  });

  it("never writes a configured secret, wherever it appears", () => {
    const lines: string[] = [];
    const token = "xoxb-1234567890-abcdefghij";
    const log = jsonLogger((l) => lines.push(l), [token, undefined, "short"]);
    log.warn(`request failed with Authorization: Bearer ${token}`, { headers: { authorization: `Bearer ${token}` }, error: new Error(`bad token ${token}`) });
    expect(lines[0]).not.toContain(token);
    expect(lines[0]!.split(REDACTED).length - 1).toBe(3);
    // Too short to be a secret: replacing it would garble ordinary words.
    log.info("a short word");
    expect(lines[1]).toContain("short");
  });
});
