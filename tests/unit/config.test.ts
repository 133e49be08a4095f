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

describe("TUTOR_SID_PATTERN and TUTOR_SWEEP_SECONDS", () => {
  it("refuses a pattern that is not a regular expression, naming the variable", () => {
    expect(() => loadConfig({ TUTOR_SID_PATTERN: "[0-9" })).toThrow(/TUTOR_SID_PATTERN: not a regular expression/);
    expect(loadConfig({ TUTOR_SID_PATTERN: "\\d{8}" }).TUTOR_SID_PATTERN).toBe("\\d{8}");
  });

  it("sweeps every 15 s unless told otherwise, and refuses a sweep that is not a positive number", () => {
    expect(loadConfig({}).TUTOR_SWEEP_SECONDS).toBe(15);
    expect(loadConfig({ TUTOR_SWEEP_SECONDS: "0.5" }).TUTOR_SWEEP_SECONDS).toBe(0.5);
    expect(() => loadConfig({ TUTOR_SWEEP_SECONDS: "soon" })).toThrow(/TUTOR_SWEEP_SECONDS/);
    expect(() => loadConfig({ TUTOR_SWEEP_SECONDS: "0" })).toThrow(/TUTOR_SWEEP_SECONDS/);
  });
});
