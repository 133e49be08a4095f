/** Fields a log line carries besides its message: ids, counts, an error's stack. */
export type LogFields = Record<string, unknown>;

/**
 * Where the running bot writes what operators read: one JSON object a line
 * (`{"time","level","msg",...fields}`), so logs can be searched by reference id or user.
 */
export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** The placeholder a secret is replaced with in every line. */
export const REDACTED = "[redacted]";

/**
 * A JSON-lines logger. Every configured secret (bot tokens, signing secrets) is replaced wherever it
 * appears in a line, whatever the field: an error message quoting a header cannot leak it.
 */
export function jsonLogger(write: (line: string) => void, secrets: readonly (string | undefined)[] = []): Logger {
  // Longest first, so a secret containing another is replaced whole.
  const hidden = secrets.filter((s): s is string => typeof s === "string" && s.length >= 8).sort((a, b) => b.length - a.length);
  const line = (level: string, msg: string, fields: LogFields = {}) => {
    let json = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, errorsAsText);
    for (const secret of hidden) json = json.split(secret).join(REDACTED);
    write(json);
  };
  return {
    info: (msg, fields) => line("info", msg, fields),
    warn: (msg, fields) => line("warn", msg, fields),
    error: (msg, fields) => line("error", msg, fields),
  };
}

/** Errors serialised with their stack (JSON.stringify drops it). */
function errorsAsText(_key: string, value: unknown): unknown {
  return value instanceof Error ? (value.stack ?? `${value.name}: ${value.message}`) : value;
}
