// An attachment is downloaded at once, and never past the command's limit, whatever Discord said its size was.
import { describe, expect, it } from "vitest";
import type { Attachment as DiscordFile } from "discord.js";
import { downloadAttachment } from "../../../src/adapters/discord/discord-attachments.ts";
import { withoutVerbatimMarks } from "../../../src/core/chat/markup.ts";
import { UserError } from "../../../src/core/errors.ts";

const accepts = { name: "image", description: "A photo", maxBytes: 1000, contentTypes: ["image/png"] };
const file = (size: number) => ({ name: "graph.png", url: "https://cdn.example/graph.png", size, contentType: "image/png" }) as unknown as DiscordFile;

/** A fetch that streams `total` bytes in chunks of 100 and counts what was read. */
function streaming(total: number) {
  const served = { chunks: 0, cancelled: false };
  const fetchImpl = (async () => new Response(new ReadableStream<Uint8Array>({
    pull(controller) {
      if (served.chunks * 100 >= total) return controller.close();
      served.chunks++;
      controller.enqueue(new Uint8Array(100).fill(7));
    },
    cancel() {
      served.cancelled = true;
    },
  }))) as typeof fetch;
  return { fetchImpl, served };
}

describe("downloadAttachment", () => {
  it("returns the bytes, name and reported type", async () => {
    const { fetchImpl } = streaming(300);
    const got = await downloadAttachment(file(300), accepts, fetchImpl);
    expect(got).toEqual({ name: "graph.png", contentType: "image/png", bytes: Buffer.alloc(300, 7) });
  });

  it("refuses a file Discord says is too large without downloading it", async () => {
    const { fetchImpl, served } = streaming(5000);
    const error = (await downloadAttachment(file(5000), accepts, fetchImpl).catch((e: unknown) => e)) as UserError;
    expect(withoutVerbatimMarks(error.message)).toMatch(/graph\.png is 0\.00 MB; the limit is 0\.00 MB/);
    expect(served.chunks).toBe(0);
  });

  it("stops reading as soon as a file passes the limit, whatever size was reported", async () => {
    const { fetchImpl, served } = streaming(1_000_000);
    const error = await downloadAttachment(file(10), accepts, fetchImpl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe("file-too-large");
    expect(served.chunks).toBeLessThanOrEqual(12);
    expect(served.cancelled).toBe(true);
  });

  it("says so when the download fails", async () => {
    const failing = (async () => new Response("gone", { status: 404 })) as typeof fetch;
    const error = (await downloadAttachment(file(10), accepts, failing).catch((e: unknown) => e)) as UserError;
    expect(withoutVerbatimMarks(error.message)).toMatch(/could not download graph\.png/);
  });
});
