// A file a person attached to a command, downloaded at once: Discord's attachment links expire.
import type { Attachment as DiscordAttachment } from "discord.js";
import type { FileOptionDefinition } from "../../core/chat/command-definition.ts";
import type { Attachment } from "../../core/chat/command-input.ts";
import { verbatim } from "../../core/chat/reply.ts";
import { UserError } from "../../core/errors.ts";

/** A download that takes longer than this is given up: the interaction has 15 minutes, the person less patience. */
const DOWNLOAD_MS = 20_000;

/** As the core writes sizes (check-attachments.ts), so both refusals read alike. */
const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;

/**
 * The bytes of an attachment, refused before downloading when Discord reports it too large, and
 * stopped as soon as more than `maxBytes` arrive (a size Discord got wrong costs nothing more).
 * The type is left to the core, which reads it from the bytes.
 */
export async function downloadAttachment(file: DiscordAttachment, accepts: FileOptionDefinition, fetchImpl: typeof fetch = fetch): Promise<Attachment> {
  const tooLarge = (size: number) =>
    new UserError("file-too-large", `The file ${verbatim(file.name)} is ${megabytes(size)}; the limit is ${megabytes(accepts.maxBytes)}. Send a smaller photo or a screenshot.`);
  if (file.size > accepts.maxBytes) throw tooLarge(file.size);
  const response = await fetchImpl(file.url, { signal: AbortSignal.timeout(DOWNLOAD_MS) }).catch(() => null);
  if (!response?.ok || !response.body) {
    throw new UserError("download-failed", `I could not download ${verbatim(file.name)} from Discord. Attach it again in a moment.`);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > accepts.maxBytes) throw tooLarge(Math.max(received, file.size));
      chunks.push(Buffer.from(value));
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return { name: file.name, ...(file.contentType ? { contentType: file.contentType } : {}), bytes: Buffer.concat(chunks) };
}
