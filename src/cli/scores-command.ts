import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadQuestionBank } from "../app.ts";
import { parseScoreCsv } from "../core/ta/score-csv.ts";
import { type CliCommand, UsageError, writeLine } from "./cli-command.ts";
import { configFor, withStore } from "./store-access.ts";

const HELP = `Usage: tutor scores import FILE.csv --assessment NAME [--course C] [--db PATH]

Imports a Gradescope-style score export so TAs can post its statistics (/stats NAME).
Columns (header case ignored, others ignored): Name (or First Name and Last Name),
SID or Email, Section, Total Score. Quoted fields may hold commas; a BOM is fine.
A row with an empty Total Score (no submission) is skipped and counted.

All or nothing: if any row is bad, every problem is printed with its line number and
nothing is imported. Importing an assessment again replaces its scores.

  --assessment NAME  the name /stats and /export use (e.g. paper-midterm)
  --course C         the course (default: console, the console chat's course)
  --db PATH          the SQLite file (default: TUTOR_DB, else data/tutor.db)`;

/** `tutor scores import`: a paper exam's scores from the gradebook, for statistics. */
export const scoresCommand: CliCommand = {
  name: "scores",
  summary: "Import a Gradescope-style score CSV (for /stats and /export)",
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { assessment: { type: "string" }, course: { type: "string", default: "console" }, db: { type: "string" } },
      allowPositionals: true,
    });
    const [action, file, ...extra] = positionals;
    if (action !== "import") throw new UsageError(action ? `unknown action "${action}": use import.` : "say what to do: import FILE.csv.");
    if (!file || extra.length) throw new UsageError(file ? `unexpected argument "${extra[0]}".` : "name the CSV file to import.");
    const assessment = values.assessment?.trim();
    if (!assessment || !/^[\w .-]{1,64}$/.test(assessment)) throw new UsageError("--assessment NAME is required: letters, digits, spaces, '.', '_' or '-'.");
    const bank = loadQuestionBank(configFor(ctx.env, values.db));
    // The mock exam answers to these names in /stats and /export: an import may not hide it.
    const reserved = [bank.exam.id, bank.exam.title, "mock", "exam"];
    if (reserved.some((r) => r.toLowerCase() === assessment.toLowerCase())) {
      throw new UsageError(`"${assessment}" names the mock exam in /stats and /export; call the import something else, e.g. "paper-${bank.exam.id}".`);
    }
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      writeLine(ctx.stderr, `tutor scores: cannot read ${file}: ${(error as Error).message}`);
      return 1;
    }
    const parsed = parseScoreCsv(text, bank.exam.sections);
    if (parsed.issues.length) {
      for (const issue of parsed.issues) writeLine(ctx.stderr, `${file}: ${issue}`);
      writeLine(ctx.stderr, `${parsed.issues.length} problem${parsed.issues.length === 1 ? "" : "s"}: nothing was imported. Fix the file and import it again.`);
      return 1;
    }
    if (parsed.scores.length === 0) {
      writeLine(ctx.stderr, `${file} has no scores: nothing was imported.`);
      return 1;
    }
    const { previous } = await withStore(ctx.env, values.db, (store) => store.ta.assessments.replace(values.course, assessment, parsed.scores, new Date()));
    const sections = new Set(parsed.scores.map((s) => s.section ?? "(none)"));
    writeLine(ctx.stdout, `Imported ${parsed.scores.length} scores into "${assessment}" (course ${values.course}; sections: ${[...sections].sort().join(", ")}).`);
    if (parsed.skipped.length) writeLine(ctx.stdout, `Skipped ${parsed.skipped.length} row${parsed.skipped.length === 1 ? "" : "s"} without a Total Score (line${parsed.skipped.length === 1 ? "" : "s"} ${parsed.skipped.join(", ")}).`);
    if (previous > 0) writeLine(ctx.stdout, `This replaced the ${previous} scores of the previous import of "${assessment}".`);
    return 0;
  },
};
