import { consoleUserId } from "../adapters/console/console-chat.ts";
import { parseArgs } from "node:util";
import { type CliCommand, UsageError, writeLine } from "./cli-command.ts";
import { withStore } from "./store-access.ts";

const HELP = `Usage: tutor roles set USER ta|student [--course C] [--db PATH]
       tutor roles list [--course C] [--db PATH]

Records who is a TA in a course; TA commands (/announce, /stats, /review, /regrades,
/export) are refused to everyone else, whatever the platform shows. USER is a chat
user id (discord:123, slack:T1:U2, console:ana); a bare name means console:NAME.
Platform roles add to this: DISCORD_TA_ROLE, SLACK_TA_USERS, --role ta in the console.

  --course C   the course (default: console)
  --db PATH    the SQLite file (default: TUTOR_DB, else data/tutor.db)`;

/** `tutor roles`: TAs recorded in the store. */
export const rolesCommand: CliCommand = {
  name: "roles",
  summary: "Record who is a TA (roles set USER ta|student)",
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({ args: argv, options: { course: { type: "string", default: "console" }, db: { type: "string" } }, allowPositionals: true });
    const [action, user, role, ...extra] = positionals;
    if (action === "list") {
      const rows = await withStore(ctx.env, values.db, (store) => store.enrollments.list(values.course));
      for (const e of rows) writeLine(ctx.stdout, `${e.user}\t${e.role}\t${e.section ?? ""}`);
      return 0;
    }
    if (action !== "set") throw new UsageError(action ? `unknown action "${action}": use set or list.` : "say what to do: set USER ta|student, or list.");
    if (!user || (role !== "ta" && role !== "student") || extra.length) throw new UsageError("give a user and a role: tutor roles set USER ta|student.");
    const id = user.includes(":") ? user : consoleUserId(user);
    await withStore(ctx.env, values.db, (store) =>
      store.transaction(async (tx) => {
        await tx.courses.ensure(values.course, values.course);
        // Keep a known person's display name; a new one is named after their id until they speak.
        if (!(await tx.enrollments.get(values.course, id))) await tx.enrollments.upsertUser(id, id.slice(id.lastIndexOf(":") + 1));
        await tx.enrollments.setRole(values.course, id, role);
      }));
    writeLine(ctx.stdout, `${id} is now ${role === "ta" ? "a TA" : "a student"} in ${values.course}.`);
    return 0;
  },
};
