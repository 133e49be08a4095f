import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { type CliCommand, UsageError, writeLine } from "./cli-command.ts";
import { withStore } from "./store-access.ts";

const HELP = `Usage: tutor db backup PATH [--db PATH]

Copies the database to PATH while the bot may be running (SQLite's online backup:
a consistent snapshot, WAL included). PATH must not exist yet.

  --db PATH   the SQLite file to back up (default: TUTOR_DB, else data/tutor.db)`;

/** `tutor db backup`: a consistent copy of the live database. */
export const dbCommand: CliCommand = {
  name: "db",
  summary: "Back up the database (db backup PATH)",
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({ args: argv, options: { db: { type: "string" } }, allowPositionals: true });
    const [action, target, ...extra] = positionals;
    if (action !== "backup") throw new UsageError(action ? `unknown action "${action}": use backup.` : "say what to do: backup PATH.");
    if (!target || extra.length) throw new UsageError(target ? `unexpected argument "${extra[0]}".` : "name the backup file.");
    // Never overwrite: a backup over the wrong file is a lost database.
    if (existsSync(target)) {
      writeLine(ctx.stderr, `tutor db: ${target} already exists; choose a new file name.`);
      return 1;
    }
    if (!existsSync(path.dirname(path.resolve(target)))) {
      writeLine(ctx.stderr, `tutor db: the folder ${path.dirname(target)} does not exist; create it first.`);
      return 1;
    }
    const pages = await withStore(ctx.env, values.db, async (store) => (await store.db.backup(path.resolve(target))).totalPages);
    writeLine(ctx.stdout, `Backed up ${pages} pages to ${target}.`);
    return 0;
  },
};
