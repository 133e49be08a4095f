import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { type CliCommand, type CliContext, UsageError, writeLine } from "./cli-command.ts";
import { runCopy } from "./db-copy.ts";
import { runMigrate } from "./db-migrate.ts";
import { configFor, withSqliteStore } from "./store-access.ts";

const HELP = `Usage: tutor db backup PATH [--db PATH]
       tutor db migrate [--database-url URL]
       tutor db copy --from sqlite:PATH --to postgres://USER@HOST:PORT/DATABASE [--force]

backup   Copies the database to PATH while the bot may be running (SQLite's online backup:
         a consistent snapshot, WAL included). PATH must not exist yet. With PostgreSQL
         (TUTOR_DATABASE_URL), it prints the pg_dump command to run instead.
migrate  Brings the PostgreSQL database of TUTOR_DATABASE_URL (or --database-url) up to this
         program's schema. SQLite needs no such step: it migrates itself when opened (this
         opens it, so it is done).
copy     Moves a course from SQLite to PostgreSQL: every table, ids kept, in one transaction
         (all or nothing); prints each table's row count and checks the copy against it.
         Refuses a target that already holds data, unless --force (which replaces it).

  --db PATH             the SQLite file (default: TUTOR_DB, else data/tutor.db)
  --database-url URL    the PostgreSQL database to migrate (default: TUTOR_DATABASE_URL)
  --from sqlite:PATH    the SQLite file to copy (default: --db, else TUTOR_DB)
  --to URL              the PostgreSQL database to copy into (default: TUTOR_DATABASE_URL)
  --force               copy over what the target holds`;

/** The options each action takes; the others are refused rather than ignored. */
const OPTIONS = { backup: ["db"], migrate: ["db", "database-url"], copy: ["from", "db", "to", "force"] } as const;

/** `tutor db backup|migrate|copy`: a consistent copy of the live database, schema upgrades, a move to PostgreSQL. */
export const dbCommand: CliCommand = {
  name: "db",
  summary: "Back up, migrate, or copy the database to PostgreSQL (db backup|migrate|copy)",
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: { db: { type: "string" }, "database-url": { type: "string" }, from: { type: "string" }, to: { type: "string" }, force: { type: "boolean" } },
    });
    const [action, ...rest] = positionals;
    if (action !== "backup" && action !== "migrate" && action !== "copy") {
      throw new UsageError(action ? `unknown action "${action}": use backup, migrate or copy.` : "say what to do: backup PATH, migrate, or copy.");
    }
    const stray = Object.keys(values).find((name) => !(OPTIONS[action] as readonly string[]).includes(name));
    if (stray) throw new UsageError(`--${stray} does not go with ${action}.`);
    if (action === "migrate") {
      if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}".`);
      return runMigrate({ url: values["database-url"], db: values.db }, ctx);
    }
    if (action === "copy") {
      if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}".`);
      if (values.from && values.db) throw new UsageError("name the SQLite file once: --from sqlite:PATH or --db PATH.");
      return runCopy({ from: values.from, db: values.db, to: values.to, force: values.force ?? false }, ctx);
    }
    return backup(rest, values.db, ctx);
  },
};

/** `tutor db backup PATH`: SQLite's online backup to a new file. */
async function backup(args: string[], db: string | undefined, ctx: CliContext): Promise<number> {
  const [target, ...extra] = args;
  if (!target || extra.length) throw new UsageError(target ? `unexpected argument "${extra[0]}".` : "name the backup file.");
  if (configFor(ctx.env, db).TUTOR_DATABASE_URL && !db) {
    // The server's own tool takes a consistent dump while the bots run; the URL stays in the environment, unprinted.
    writeLine(ctx.stderr, `tutor db: the store is PostgreSQL (TUTOR_DATABASE_URL), which this command does not copy. Back it up with the server's tool:
  pg_dump --format=custom --file=${shellWord(target)} "$TUTOR_DATABASE_URL"
and restore that file into an empty database with: pg_restore --no-owner --dbname="$TUTOR_DATABASE_URL" ${shellWord(target)}`);
    return 1;
  }
  // Never overwrite: a backup over the wrong file is a lost database.
  if (existsSync(target)) {
    writeLine(ctx.stderr, `tutor db: ${target} already exists; choose a new file name.`);
    return 1;
  }
  if (!existsSync(path.dirname(path.resolve(target)))) {
    writeLine(ctx.stderr, `tutor db: the folder ${path.dirname(target)} does not exist; create it first.`);
    return 1;
  }
  const pages = await withSqliteStore(ctx.env, db, async (store) => (await store.db.backup(path.resolve(target))).totalPages);
  writeLine(ctx.stdout, `Backed up ${pages} pages to ${target}.`);
  return 0;
}

/** A path as one shell word, quoted when it needs to be. */
const shellWord = (word: string) => (/^[\w./:@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);
