import { describe, expect, it } from "vitest";
import { readAnnounce } from "../../../commands/announce.ts";
import { commands } from "../../../commands/index.ts";
import { readStats } from "../../../commands/stats.ts";
import type { CommandInput } from "../../../src/core/chat/command-input.ts";

const input = (command: string, options: Record<string, string>, channel?: string): CommandInput => ({
  course: "c", user: { id: "console:tara", name: "tara" }, roles: ["ta"], command, options, attachments: [], channel, now: new Date(0),
});

const visibility = (command: string, options: Record<string, string>, channel?: string) => {
  const c = commands.find((x) => x.name === command)!;
  return typeof c.visibility === "function" ? c.visibility(input(command, options, channel)) : c.visibility;
};

describe("who sees a command's reply, known before the work", () => {
  it("is private for every command but /announce and /stats, which decide from their options", () => {
    for (const c of commands) {
      if (c.name === "announce" || c.name === "stats") expect(typeof c.visibility, c.name).toBe("function");
      else expect(c.visibility, c.name).toBe("private");
    }
  });

  it("/announce is public only when it posts now in the channel it was typed in", () => {
    expect(visibility("announce", { message: "Review Friday" }, "general")).toBe("public");
    expect(visibility("announce", { message: "Review Friday" })).toBe("public");
    expect(visibility("announce", { message: "Review Friday", channel: "#general" }, "general")).toBe("public");
    expect(visibility("announce", { message: "Review Friday", channel: "announcements" }, "general")).toBe("private");
    expect(visibility("announce", { message: "Review Friday", at: "in 2h" }, "general")).toBe("private");
    for (const message of ["list", "cancel 3", "edit 3 Review moved", "EDIT #3"]) expect(visibility("announce", { message }, "general"), message).toBe("private");
  });

  it("reads /announce the same way for the visibility and the handler", () => {
    expect(readAnnounce({ options: { message: "cancel #4" } })).toEqual({ kind: "cancel", id: 4 });
    expect(readAnnounce({ options: { message: "edit 4 New text", at: "in 1h" } })).toEqual({ kind: "edit", id: 4, text: "New text", at: "in 1h", channel: undefined });
    expect(readAnnounce({ options: { message: "cancel the review", channel: "x" }, channel: "x" })).toEqual({ kind: "post", message: "cancel the review", at: undefined, channel: "x", here: true });
  });

  it("/stats is public when posted: post true/yes/post, or the word post in a positional slot", () => {
    const posted: Record<string, string>[] = [{ post: "true" }, { post: "yes" }, { post: "post" }, { assessment: "post" }, { assessment: "midterm", section: "POST" }];
    for (const options of posted) {
      expect(visibility("stats", options), JSON.stringify(options)).toBe("public");
    }
    const kept: Record<string, string>[] = [{}, { post: "false" }, { assessment: "midterm", section: "C247" }, { assessment: "postmortem" }];
    for (const options of kept) {
      expect(visibility("stats", options), JSON.stringify(options)).toBe("private");
    }
    expect(readStats({ assessment: "midterm", section: "post" })).toEqual({ post: true, assessment: "midterm", section: undefined });
  });
});
