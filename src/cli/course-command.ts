import { parseArgs } from "node:util";
import { loadBanks } from "../app.ts";
import type { BankLibrary } from "../core/bank/bank-library.ts";
import { type CliCommand, type CliContext, UsageError, writeLine } from "./cli-command.ts";
import { configFor, withStore } from "./store-access.ts";

const HELP = `Usage: tutor course banks [--course C] [--db PATH]            list the banks and which the course uses
       tutor course banks BANK... [--course C] [--db PATH]    the course uses these banks, in this order
       tutor course banks --all [--course C] [--db PATH]      the course uses every loaded bank (the default)

Every bank of TUTOR_BANKS (a midterm, a final, weekly quizzes) is loaded; a course uses all of
them unless a TA names the ones it uses. BANK is a bank's exam id (tutor bank list shows them).
The first bank named is the course's default for /stats and /export. Students see the banks in
/help and /progress; /quiz, /exam start and /progress take bank: ID. Questions of a bank the
course does not use are refused with a message naming the course's banks.

  --course C   the course (default: console)
  --all        go back to every loaded bank
  --db PATH    the SQLite file (default: TUTOR_DB, else data/tutor.db)`;

/** `tutor course banks`: which of the loaded banks a course uses, kept in the store. */
export const courseCommand: CliCommand = {
  name: "course",
  summary: "Choose which banks a course uses (course banks [BANK...])",
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { course: { type: "string", default: "console" }, all: { type: "boolean", default: false }, db: { type: "string" } },
      allowPositionals: true,
    });
    const [action, ...banks] = positionals;
    if (action !== "banks") throw new UsageError(action ? `unknown action "${action}": use banks.` : "say what to do: banks [BANK...].");
    if (values.all && banks.length) throw new UsageError("give banks or --all, not both.");
    const library = loadBanks(configFor(ctx.env, values.db));
    if (!values.all && !banks.length) return list(library, values.course, values.db, ctx);
    const ids = banks.map((name) => library.bank(name)?.exam.id);
    const unknown = banks.filter((_, i) => ids[i] === undefined);
    if (unknown.length) {
      writeLine(ctx.stderr, `tutor course: no loaded bank is called ${unknown.map((u) => `"${u}"`).join(", ")}. Banks: ${describe(library, library.banks.map((b) => b.exam.id))}.`);
      return 1;
    }
    await withStore(ctx.env, values.db, (store) =>
      store.transaction(async (tx) => {
        await tx.courses.ensure(values.course, library.course);
        await tx.courses.setBanks(values.course, values.all ? [] : (ids as string[]));
      }));
    const used = library.forCourse(values.all ? [] : (ids as string[])).ids();
    writeLine(ctx.stdout, values.all
      ? `Course ${values.course} now uses every loaded bank: ${describe(library, used)}.`
      : `Course ${values.course} now uses: ${describe(library, used)}.`);
    return 0;
  },
};

/** Every loaded bank, one a line (`id<TAB>title<TAB>date<TAB>questions<TAB>used|-`), then what the course uses. */
async function list(library: BankLibrary, course: string, db: string | undefined, ctx: CliContext): Promise<number> {
  const chosen = await withStore(ctx.env, db, (store) => store.courses.banks(course));
  const used = library.forCourse(chosen).ids();
  for (const b of library.banks) {
    writeLine(ctx.stdout, `${b.exam.id}\t${b.exam.title}\t${b.exam.date}\t${b.all().length} questions\t${used.includes(b.exam.id) ? "used" : "-"}`);
  }
  const how = chosen.length ? "as chosen" : "every loaded bank; none chosen";
  writeLine(ctx.stdout, `Course ${course} uses ${describe(library, used)} (${how}).`);
  return 0;
}

/** `midterm (Midterm), quiz1 (Quiz 1)`. */
function describe(library: BankLibrary, ids: readonly string[]): string {
  return ids.map((id) => `${id} (${library.bank(id)?.exam.title ?? "?"})`).join(", ");
}
