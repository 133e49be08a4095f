// Files attached to an answer (a photo of 2a's drawing), as a platform adapter hands them over:
// checked in the core, stored with the attempt before the reply, shown to the TA in /review.
import { afterEach, describe, expect, it } from "vitest";
import type { CommandRequest } from "../../src/core/chat/dispatcher.ts";
import { withoutVerbatimMarks } from "../../src/core/chat/markup.ts";
import type { VisibleReply } from "../../src/core/chat/reply.ts";
import { type ConsoleDriver, useConsoleDrivers } from "../fakes/console-driver.ts";

const driver = useConsoleDrivers(afterEach);

/** The smallest PNG there is: a 1x1 image. */
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

function send(d: ConsoleDriver, user: string, what: { line: string } | { command: string; options: Record<string, string> }, attachments: CommandRequest["attachments"] = [], role: "student" | "ta" = "student"): Promise<VisibleReply> {
  return d.app.dispatcher.dispatch({ course: "discord:g1", user: { id: `discord:${user}`, name: user }, roles: [role], attachments, now: d.clock.read(), ...what });
}

const words = (r: VisibleReply) => withoutVerbatimMarks(r.blocks.map((b) => ("text" in b ? b.text : "items" in b ? b.items.join("\n") : "")).join("\n"));

describe("an answer with an attached image", () => {
  it("is kept with the attempt and reaches the TA in /review with the same bytes", async () => {
    const d = driver();
    await send(d, "ana", { line: "/quiz 2a" });
    const answered = await send(d, "ana", { command: "answer", options: { question: "2a", answer: "my graph is in the photo" } }, [{ name: "graph.png", contentType: "image/png", bytes: PNG }]);
    expect(words(answered)).toMatch(/Your file graph\.png is kept with the answer for the TA/);

    const review = await send(d, "tara", { line: "/review" }, [], "ta");
    expect(words(review)).toMatch(/Attached: graph\.png \(image\/png, 1 KB\)/);
    expect(review.files).toEqual([{ name: "graph.png", contentType: "image/png", data: PNG }]);
    expect(review.data?.review).toMatchObject({ question: "2a", attachments: [{ name: "graph.png", contentType: "image/png", bytes: PNG.length }] });
  });

  it("takes the type from the bytes, whatever the platform said", async () => {
    const d = driver();
    await send(d, "ana", { line: "/quiz 2a" });
    await send(d, "ana", { command: "answer", options: { question: "2a", answer: "photo" } }, [{ name: "graph.png", contentType: "image/png", bytes: JPEG }]);
    const review = await send(d, "tara", { line: "/review" }, [], "ta");
    expect(review.files?.[0]).toMatchObject({ name: "graph.png", contentType: "image/jpeg" });
  });

  it("refuses, in words, a file that is not an image, too large, empty, or sent to a command that takes none; nothing is stored", async () => {
    const d = driver();
    await send(d, "ana", { line: "/quiz 2a" });
    const answer = { command: "answer", options: { question: "2a", answer: "see file" } };
    const refusals = [
      await send(d, "ana", answer, [{ name: "notes.txt", contentType: "image/png", bytes: Buffer.from("just text") }]),
      await send(d, "ana", answer, [{ name: "huge.png", bytes: Buffer.concat([PNG, Buffer.alloc(9 * 1024 * 1024)]) }]),
      await send(d, "ana", answer, [{ name: "empty.png", bytes: Buffer.alloc(0) }]),
      await send(d, "ana", answer, [{ name: "a.png", bytes: PNG }, { name: "b.png", bytes: PNG }]),
      await send(d, "ana", { line: "/progress" }, [{ name: "a.png", bytes: PNG }]),
    ].map(words);
    expect(refusals).toEqual([
      "The file notes.txt is not an image I can keep; attach a PNG, JPEG, GIF, WEBP file.",
      "The file huge.png is 9.0 MB; the limit is 8.0 MB. Send a smaller photo or a screenshot.",
      "The file empty.png is empty; attach it again.",
      "Attach one file to /answer, not 2.",
      "/progress takes no file; send it again without the attachment.",
    ]);
    expect(words(await send(d, "tara", { line: "/review" }, [], "ta"))).toMatch(/Nothing waits for review/);
  });
});
