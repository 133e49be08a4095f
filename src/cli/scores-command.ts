import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadBanks } from "../app.ts";
import { parseScoreCsv } from "../core/ta/score-csv.ts";
import { type CliCommand, UsageError, writeLine } from "./cli-command.ts";
import { configFor, withStore } from "./store-access.ts";

const HELP = `Usage: tutor scores import FILE.csv --assessment NAME [--bank BANK] [--course C] [--db PATH]
       tutor scores remove NAME [--course C] [--db PATH]

Imports a Gradescope-style score export so TAs can post its statistics (/stats NAME).
Columns (header case ignored): Name (or First Name and Last Name), SID or Email,
Section, Total Score, Max Points, and every per-question column (a column of numbers:
"1a", "Q2c-i" or a question's title map to the bank's ids, others keep their title;
"(5.0 pts)" in a title is that question's maximum). The file is UTF-8 (a BOM is fine);
quoted fields may hold commas. A row with an empty Total Score (no submission) is
skipped and counted. Sections must be the course's; a Total Score may not pass Max
Points (else the exam's total with bonus).

All or nothing: if any row is bad, every problem is printed with its line number and
nothing is imported. Importing an assessment again replaces its scores; remove takes
an imported assessment away with its scores.

  --assessment NAME  the name /stats and /export use (e.g. paper-midterm); not a bank's
                     exam id or title, which name the banks' mock exams
  --bank BANK        the bank whose questions the columns are (its exam id; default:
                     the bank with the earliest exam)
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
      options: { assessment: { type: "string" }, bank: { type: "string" }, course: { type: "string", default: "console" }, db: { type: "string" } },
      allowPositionals: true,
    });
    const [action, file, ...extra] = positionals;
    if (action === "remove") return remove(file, extra, values, ctx);
    if (action !== "import") throw new UsageError(action ? `unknown action "${action}": use import or remove.` : "say what to do: import FILE.csv, or remove NAME.");
    if (!file || extra.length) throw new UsageError(file ? `unexpected argument "${extra[0]}".` : "name the CSV file to import.");
    const assessment = values.assessment?.trim();
    if (!assessment || !/^[\w .-]{1,64}$/.test(assessment)) throw new UsageError("--assessment NAME is required: letters, digits, spaces, '.', '_' or '-'.");
    const library = loadBanks(configFor(ctx.env, values.db));
    const bank = values.bank ? library.bank(values.bank) : library.banks[0]!;
    if (!bank) throw new UsageError(`no loaded bank is called "${values.bank}"; banks: ${library.banks.map((b) => b.exam.id).join(", ")}.`);
    // The mock exams answer to these names in /stats and /export: an import may not hide one.
    const reserved = [...library.banks.flatMap((b) => [b.exam.id, b.exam.title]), "mock", "exam"];
    if (reserved.some((r) => r.toLowerCase() === assessment.toLowerCase())) {
      throw new UsageError(`"${assessment}" names a mock exam in /stats and /export; call the import something else, e.g. "paper-${bank.exam.id}".`);
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      writeLine(ctx.stderr, `tutor scores: cannot read ${file}: ${(error as Error).message}`);
      return 1;
    }
    const text = utf8(bytes);
    if (text === null) {
      writeLine(ctx.stderr, `tutor scores: ${file} is not UTF-8 text (names would come out garbled; it looks like Latin-1 or Windows-1252). Save it as "CSV UTF-8" and import it again; nothing was imported.`);
      return 1;
    }
    const total = bank.totalPoints.regular + bank.totalPoints.bonus;
    const parsed = parseScoreCsv(text, { sections: bank.exam.sections, questions: bank.all(), maxTotal: total });
    if (parsed.issues.length) {
      for (const issue of parsed.issues) writeLine(ctx.stderr, `${file}: ${issue}`);
      writeLine(ctx.stderr, `${parsed.issues.length} problem${parsed.issues.length === 1 ? "" : "s"}: nothing was imported. Fix the file and import it again.`);
      return 1;
    }
    if (parsed.scores.length === 0) {
      writeLine(ctx.stderr, `${file} has no scores: nothing was imported.`);
      return 1;
    }
    const { previous } = await withStore(ctx.env, values.db, (store) => store.ta.assessments.replace(values.course, assessment, parsed.scores, new Date(), parsed.questions));
    const sections = new Set(parsed.scores.map((s) => s.section ?? "(none)"));
    writeLine(ctx.stdout, `Imported ${parsed.scores.length} score${parsed.scores.length === 1 ? "" : "s"} into "${assessment}" (course ${values.course}; sections: ${[...sections].sort().join(", ")}).`);
    if (parsed.questions.length) writeLine(ctx.stdout, `Per question: ${parsed.questions.map((q) => q.id).join(", ")}.`);
    if (parsed.skipped.length) writeLine(ctx.stdout, `Skipped ${parsed.skipped.length} row${parsed.skipped.length === 1 ? "" : "s"} without a Total Score (line${parsed.skipped.length === 1 ? "" : "s"} ${parsed.skipped.join(", ")}).`);
    if (previous > 0) writeLine(ctx.stdout, `This replaced the ${previous} scores of the previous import of "${assessment}".`);
    return 0;
  },
};

/** `tutor scores remove NAME`: an imported assessment goes, with its scores. */
async function remove(name: string | undefined, extra: string[], values: { course: string; db?: string }, ctx: Parameters<CliCommand["run"]>[1]): Promise<number> {
  if (!name || extra.length) throw new UsageError(name ? `unexpected argument "${extra[0]}".` : "name the assessment to remove: tutor scores remove NAME.");
  const removed = await withStore(ctx.env, values.db, (store) => store.ta.assessments.remove(values.course, name));
  if (!removed) {
    writeLine(ctx.stderr, `tutor scores: there is no imported assessment "${name}" in course ${values.course}.`);
    return 1;
  }
  writeLine(ctx.stdout, `Removed "${name}" and its scores from course ${values.course}.`);
  return 0;
}

/** The text of a UTF-8 file (a byte-order mark is fine); null when the bytes are not UTF-8. */
function utf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
