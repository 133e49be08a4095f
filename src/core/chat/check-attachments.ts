import { UserError } from "../errors.ts";
import type { FileOptionDefinition } from "./command-definition.ts";
import type { Attachment } from "./command-input.ts";
import { stripControl } from "./markup.ts";

/** A file that passed the checks: its type read from its first bytes, not from what the platform said. */
export interface CheckedAttachment {
  name: string;
  contentType: string;
  bytes: Buffer;
}

/** The types the tutor can tell from their first bytes (images people photograph or export). */
const SIGNATURES: ReadonlyArray<{ type: string; matches(b: Buffer): boolean }> = [
  { type: "image/png", matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: "image/jpeg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: "image/gif", matches: (b) => ["GIF87a", "GIF89a"].includes(b.subarray(0, 6).toString("latin1")) },
  { type: "image/webp", matches: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  { type: "application/pdf", matches: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
];

/** The type of a file from its first bytes, or null when it is none the tutor knows. */
export function sniffType(bytes: Buffer): string | null {
  return SIGNATURES.find((s) => s.matches(bytes))?.type ?? null;
}

const describeTypes = (types: readonly string[]) => types.map((t) => t.replace(/^image\//, "").toUpperCase()).join(", ");

/**
 * Checks the files attached to a command against what the command accepts: at most one, within
 * its size, of a type it takes (read from the bytes: a renamed file is what it is). A command that
 * takes no file refuses one rather than dropping it unseen.
 */
export function checkAttachments(command: string, accepts: FileOptionDefinition | undefined, attachments: readonly Attachment[]): CheckedAttachment[] {
  if (attachments.length === 0) return [];
  if (!accepts) throw new UserError("no-file-here", `/${command} takes no file; send it again without the attachment.`);
  if (attachments.length > 1) throw new UserError("one-file", `Attach one file to /${command}, not ${attachments.length}.`);
  return attachments.map((a) => {
    const name = stripControl(a.name).replace(/[\\/]/g, "_").slice(0, 200) || "file";
    if (a.bytes.length === 0) throw new UserError("empty-file", `The file ${name} is empty; attach it again.`);
    if (a.bytes.length > accepts.maxBytes) {
      throw new UserError("file-too-large", `The file ${name} is ${megabytes(a.bytes.length)}; the limit is ${megabytes(accepts.maxBytes)}. Send a smaller photo or a screenshot.`);
    }
    const type = sniffType(a.bytes);
    if (!type || !accepts.contentTypes.includes(type)) {
      throw new UserError("file-type", `The file ${name} is not an image I can keep; attach a ${describeTypes(accepts.contentTypes)} file.`);
    }
    return { name, contentType: type, bytes: a.bytes };
  });
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;
