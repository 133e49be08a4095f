import { ConfigError } from "../config.ts";
import { BankFolderError, BankLoadError } from "../core/bank/load-bank.ts";
import { DatabaseOpenError } from "../store/database.ts";

/**
 * The one line to print when the bot or `tutor` cannot start because of what it was given (the
 * environment, the bank folder, the database file), naming the setting and the path; null for
 * anything else, which is a bug and keeps its stack. `db` says where the database path came from.
 * @example startupTrouble(error, "TUTOR_DB") // "TUTOR_DB: /srv/tutor is a folder, not a database file: ..."
 */
export function startupTrouble(error: unknown, db = "TUTOR_DB"): string | null {
  if (error instanceof ConfigError || error instanceof BankLoadError) return error.message;
  if (error instanceof BankFolderError) return `TUTOR_BANKS: ${error.message}`;
  if (error instanceof DatabaseOpenError) return `${db}: ${error.message}`;
  return null;
}
