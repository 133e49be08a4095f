import { parseArgs } from "node:util";
import { loadBanks } from "../app.ts";
import { CourseBankChoice } from "../core/bank/course-banks.ts";
import { replyToText } from "../adapters/console/console-renderer.ts";
import { reply } from "../core/chat/reply.ts";
import { MistakeReport } from "../core/stats/mistake-report.ts";
import { mistakesBlocks } from "../core/views/mistakes-view.ts";
import { type CliCommand, UsageError, writeLine } from "./cli-command.ts";
import { configFor, withStore } from "./store-access.ts";

const HELP = `Usage: tutor stats --question ID [--bank BANK] [--limit N] [--json] [--course C] [--db PATH]

The most frequent wrong answers to a question, grouped by what the grader recognised:
known mistakes by name, numbers and formulas by what was written, short answers by the
rubric items missed; with counts and shares, for practice and the mock exam separately
(answers waiting for a TA are counted apart). The same report as /stats question: ID.

  --question ID  the question, e.g. 2c-i, or final/1a where two of the course's banks have 1a
  --bank BANK    the bank of the question (its exam id), instead of BANK/ID
  --limit N      groups listed per mode (default 10)
  --json         one JSON object: {question, practice, exam}, each {answers, wrong, pending, groups}
  --course C     the course (default: console)
  --db PATH      the SQLite file (default: TUTOR_DB, else data/tutor.db)`;

/** `tutor stats --question ID`: what the class gets wrong, for a TA's script or terminal. */
export const statsCommand: CliCommand = {
  name: "stats",
  summary: "The most frequent wrong answers to a question (--question ID)",
  help: HELP,
  async run(argv, ctx) {
    const { values } = parseArgs({
      args: argv,
      options: { question: { type: "string" }, bank: { type: "string" }, limit: { type: "string", default: "10" }, json: { type: "boolean", default: false }, course: { type: "string", default: "console" }, db: { type: "string" } },
      allowPositionals: false,
    });
    if (!values.question) throw new UsageError("name the question: tutor stats --question 2c-i.");
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError(`--limit must be a whole number from 1 to 100, not "${values.limit}".`);
    const library = loadBanks(configFor(ctx.env, values.db));
    const question = values.bank ? `${values.bank}/${values.question}` : values.question;
    const report = await withStore(ctx.env, values.db, (store) => new MistakeReport(new CourseBankChoice(library, store.courses), store.attempts).forQuestion(values.course, question, limit));
    writeLine(ctx.stdout, values.json ? JSON.stringify(report) : replyToText(reply(mistakesBlocks(report))));
    return 0;
  },
};
