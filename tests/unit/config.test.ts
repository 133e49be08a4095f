import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

describe("TUTOR_TIMEZONE", () => {
  it("defaults to UTC and keeps an IANA name", () => {
    expect(loadConfig({}).TUTOR_TIMEZONE).toBe("UTC");
    expect(loadConfig({ TUTOR_TIMEZONE: " America/Los_Angeles " }).TUTOR_TIMEZONE).toBe("America/Los_Angeles");
  });

  it("refuses a name that is not a time zone, naming the variable", () => {
    expect(() => loadConfig({ TUTOR_TIMEZONE: "Pacific Time" })).toThrow(ConfigError);
    expect(() => loadConfig({ TUTOR_TIMEZONE: "Pacific Time" })).toThrow(/TUTOR_TIMEZONE: not a time zone/);
  });
});
