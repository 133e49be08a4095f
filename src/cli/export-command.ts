import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadBanks } from "../app.ts";
import { CourseBankChoice } from "../core/bank/course-banks.ts";
import { replyToText } from "../adapters/console/console-renderer.ts";
import { textReply } from "../core/chat/reply.ts";
import { UserError } from "../core/errors.ts";
import { GradeExport } from "../core/ta/grade-export.ts";
import { type CliCommand, writeLine } from "./cli-command.ts";
import { configFor, withStore } from "./store-access.ts";

const HELP = `Usage: tutor export [--assessment NAME] [--course C] [--out FILE] [--db PATH]

Writes grades as CSV a gradebook imports, one row per student: Name, SID, Section,
each question's score, Total. For a bank's mock exam (the course's first bank by
default) a student's row is their latest submitted attempt of it; TA reviews and
regrades are included. For an imported assessment: Name, SID, Section, Total Score.

  --assessment NAME  a bank's exam id (midterm, final...) or an imported assessment
  --course C         the course (default: console)
  --out FILE         write to FILE instead of standard output
  --db PATH          the SQLite file (default: TUTOR_DB, else data/tutor.db)`;

/** `tutor export`: the gradebook CSV, from the command line. */
export const exportCommand: CliCommand = {
  name: "export",
  summary: "Write grades as CSV for a gradebook",
  help: HELP,
  async run(argv, ctx) {
    const { values } = parseArgs({
      args: argv,
      options: { assessment: { type: "string" }, course: { type: "string", default: "console" }, out: { type: "string" }, db: { type: "string" } },
      allowPositionals: false,
    });
    const library = loadBanks(configFor(ctx.env, values.db));
    try {
      const file = await withStore(ctx.env, values.db, (store) => new GradeExport(new CourseBankChoice(library, store.courses), store.ta).csv(values.course, values.assessment));
      if (values.out) {
        writeFileSync(values.out, file.csv);
        writeLine(ctx.stderr, `Wrote ${file.students} student${file.students === 1 ? "" : "s"} to ${values.out}.`);
      } else {
        ctx.stdout.write(file.csv);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      writeLine(ctx.stderr, `tutor export: ${replyToText(textReply(error.message))}`);
      return 1;
    }
  },
};
