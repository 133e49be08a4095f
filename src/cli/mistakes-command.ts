import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_BANKS } from "../config.ts";
import { addMistake } from "../core/bank/add-mistake.ts";
import { bankFiles, parseBank } from "../core/bank/load-bank.ts";
import { type CliCommand, UsageError, writeLine } from "./cli-command.ts";

const HELP = `Usage: tutor mistakes add QUESTION --answer TEXT --name NAME --feedback TEXT
                            [--points N] [--hint N] [--blank LABEL] [--banks PATH]

Turns a frequent wrong answer (see tutor stats --question ID, or /stats question: ID) into a
named known mistake of the question, written into its bank file with comments kept. QUESTION
is its id, or its key BANK/ID (final/1a) where several banks have the id. It is
written only when the bank stays valid and the grader then recognises the answer as this
mistake; from then on students get its feedback (and its hint), and TAs see it by name.

  --answer TEXT    the wrong answer, as a formula or number (e.g. "W1 * x")
  --name NAME      a short name TAs read (e.g. "forward pass instead of gradient")
  --feedback TEXT  what the student reads
  --points N       points it still earns (default 0)
  --hint N         the hint (1 = the first) that addresses it
  --blank LABEL    for a question of several blanks: which one
  --banks PATH     the bank folder (default: TUTOR_BANKS, else data/banks)`;

/** `tutor mistakes add`: a TA names a mistake the class makes, in the bank. */
export const mistakesCommand: CliCommand = {
  name: "mistakes",
  summary: "Name a frequent wrong answer as a known mistake in the bank (mistakes add)",
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        answer: { type: "string" }, name: { type: "string" }, feedback: { type: "string" }, points: { type: "string" },
        hint: { type: "string" }, blank: { type: "string" }, banks: { type: "string" },
      },
      allowPositionals: true,
    });
    const [action, question, ...extra] = positionals;
    if (action !== "add") throw new UsageError(action ? `unknown action "${action}": use add.` : "say what to do: add QUESTION.");
    if (!question || extra.length) throw new UsageError(question ? `unexpected argument "${extra[0]}".` : "name the question: tutor mistakes add 2c-i ...");
    const { answer, name, feedback } = values;
    if (!answer?.trim() || !name?.trim() || !feedback?.trim()) throw new UsageError("give --answer, --name and --feedback.");
    const whole = (raw: string | undefined, what: string, min: number) => {
      if (raw === undefined) return undefined;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min) throw new UsageError(`${what} must be a whole number of at least ${min}, not "${raw}".`);
      return n;
    };
    const folder = values.banks ?? ctx.env.TUTOR_BANKS ?? DEFAULT_BANKS;
    // `final/1a`: the bank's exam id, then the id within it.
    const [bankId, id] = question.includes("/") ? [question.slice(0, question.indexOf("/")), question.slice(question.indexOf("/") + 1)] : [undefined, question];
    const files = bankFiles(folder).filter((f) => {
      const parsed = parseBank(readFileSync(f, "utf8"), f);
      return parsed.ok && (bankId === undefined || parsed.bank.exam.id === bankId) && parsed.bank.questions.some((q) => q.id === id);
    });
    const file = files[0];
    if (!file) {
      writeLine(ctx.stderr, `tutor mistakes: no bank in ${folder} has a question "${question}".`);
      return 1;
    }
    if (files.length > 1) {
      writeLine(ctx.stderr, `tutor mistakes: several banks in ${folder} have a question "${id}" (${files.join(", ")}); name it BANK/${id}, BANK being the bank's exam id.`);
      return 1;
    }
    const result = addMistake(readFileSync(file, "utf8"), file, {
      question: id, answer: answer.trim(), name: name.trim(), feedback: feedback.trim(),
      points: whole(values.points, "--points", 0), hint: whole(values.hint, "--hint", 1), blank: values.blank,
    });
    if (!result.ok) {
      writeLine(ctx.stderr, `tutor mistakes: ${result.problem}`);
      return 1;
    }
    writeFileSync(file, result.text);
    writeLine(ctx.stdout, `Added "${name.trim()}" to ${question} in ${file}; the grader recognises it.`);
    return 0;
  },
};
