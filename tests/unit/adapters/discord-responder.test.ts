// How one interaction is answered: one call when the work is fast, a deferral with the declared
// visibility when it is not, and the deferred message replaced when the reply's visibility differs.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DiscordMessage } from "../../../src/adapters/discord/discord-renderer.ts";
import { InteractionResponder, type RepliableInteraction } from "../../../src/adapters/discord/discord-responder.ts";

/** A discord.js interaction reduced to the calls the responder makes, recorded in order. */
function fakeInteraction(options: { failDefer?: boolean } = {}) {
  const calls: Array<[string, unknown?]> = [];
  let release: () => void = () => {};
  const deferred = new Promise<void>((resolve) => (release = resolve));
  const interaction = {
    deferReply: async (o: unknown) => {
      calls.push(["deferReply", o]);
      await deferred;
      if (options.failDefer) throw new Error("Unknown interaction");
    },
    reply: async (o: unknown) => void calls.push(["reply", o]),
    editReply: async (o: unknown) => void calls.push(["editReply", o]),
    deleteReply: async () => void calls.push(["deleteReply"]),
    followUp: async (o: unknown) => void calls.push(["followUp", o]),
  };
  return { interaction: interaction as unknown as RepliableInteraction, calls, release };
}

const message = (content: string, flags?: number): DiscordMessage => ({ content, allowed_mentions: { parse: [] }, ...(flags ? { flags } : {}) });
const sent = (content: string, flags?: number) => ({ content, allowedMentions: { parse: [] }, ...(flags ? { flags } : {}) });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("InteractionResponder", () => {
  it("answers fast work with a single reply, then follow-ups for the rest", async () => {
    const { interaction, calls } = fakeInteraction();
    const responder = new InteractionResponder(interaction, 1000);
    responder.beforeWork("private");
    await responder.answer({ visibility: "private" }, [message("one", 64), message("two", 64)]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual([["reply", sent("one", 64)], ["followUp", sent("two", 64)]]);
    expect(responder.deferred).toBe(false);
  });

  it("defers with the declared visibility when the work outlasts the timer, then edits the deferred message", async () => {
    for (const visibility of ["private", "public"] as const) {
      const { interaction, calls, release } = fakeInteraction();
      const responder = new InteractionResponder(interaction, 1000);
      responder.beforeWork(visibility);
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toEqual([["deferReply", visibility === "private" ? { flags: 64 } : {}]]);
      release();
      const flags = visibility === "private" ? 64 : undefined;
      await responder.answer({ visibility }, [message("done", flags), message("more", flags)]);
      expect(calls.slice(1)).toEqual([["editReply", { ...sent("done"), flags: undefined }], ["followUp", sent("more", flags)]]);
      expect(responder.deferred).toBe(true);
    }
  });

  it("defers privately when the work has not even started (a person's earlier command still runs)", async () => {
    const { interaction, calls, release } = fakeInteraction();
    const responder = new InteractionResponder(interaction, 1000);
    await vi.advanceTimersByTimeAsync(1000);
    release();
    expect(calls).toEqual([["deferReply", { flags: 64 }]]);
    responder.beforeWork("private");
    await responder.answer({ visibility: "private" }, [message("late", 64)]);
    expect(calls.at(-1)?.[0]).toBe("editReply");
  });

  it("replaces a public deferral with a private follow-up when the command ends in an error", async () => {
    const { interaction, calls, release } = fakeInteraction();
    const responder = new InteractionResponder(interaction, 1000);
    responder.beforeWork("public");
    await vi.advanceTimersByTimeAsync(1000);
    release();
    await responder.answer({ visibility: "private" }, [message("That assessment does not exist.", 64)]);
    expect(calls).toEqual([["deferReply", {}], ["deleteReply"], ["followUp", sent("That assessment does not exist.", 64)]]);
  });

  it("replaces a private deferral with a public follow-up when the reply turns out public", async () => {
    const { interaction, calls, release } = fakeInteraction();
    const responder = new InteractionResponder(interaction, 1000);
    await vi.advanceTimersByTimeAsync(1000);
    release();
    responder.beforeWork("public");
    await responder.answer({ visibility: "public" }, [message("Statistics")]);
    expect(calls).toEqual([["deferReply", { flags: 64 }], ["deleteReply"], ["followUp", sent("Statistics")]]);
  });

  it("waits for a deferral in flight before editing, and reports a deferral that failed", async () => {
    const { interaction, calls, release } = fakeInteraction({ failDefer: true });
    const responder = new InteractionResponder(interaction, 1000);
    responder.beforeWork("private");
    await vi.advanceTimersByTimeAsync(1000);
    const answering = responder.answer({ visibility: "private" }, [message("x", 64)]);
    release();
    await expect(answering).rejects.toThrow("Unknown interaction");
    expect(calls).toEqual([["deferReply", { flags: 64 }]]);
  });

  it("shows nothing when cancelled for a modal", async () => {
    const { interaction, calls } = fakeInteraction();
    new InteractionResponder(interaction, 1000).cancel();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual([]);
  });
});
