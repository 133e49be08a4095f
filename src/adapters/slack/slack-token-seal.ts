// Installations encrypted at rest: a workspace's record holds its bot token, so the store only
// ever sees it sealed with AES-256-GCM under SLACK_TOKEN_KEY.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const ALGORITHM = "aes-256-gcm";
/** GCM's recommended nonce size; a fresh random one for every seal. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = "v1";

/**
 * Seals and opens text with one 32-byte key. `context` (the installation's workspace) is bound in
 * as additional authenticated data: a sealed record copied onto another workspace's row does not
 * open there. Sealed text reads `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export class TokenSeal {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error(`an AES-256 key is 32 bytes, not ${key.length}`);
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, "utf8"));
    const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
  }

  /** The plain text; throws when the text was not sealed by this key for this context (or was altered). */
  open(text: string, context: string): string {
    const [version, iv, tag, sealed, ...rest] = text.split(".");
    if (version !== VERSION || iv === undefined || tag === undefined || sealed === undefined || rest.length) throw new Error("not a sealed installation");
    const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    try {
      return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
    } catch (error) {
      throw new Error(`a stored Slack installation (${context}) does not open with SLACK_TOKEN_KEY: was the key changed?`, { cause: error });
    }
  }
}
