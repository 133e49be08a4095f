import { code, reply, text, verbatim } from "../src/core/chat/reply.ts";
import type { Command } from "../src/services.ts";

/** Beyond this many characters the CSV is only attached, not shown. */
const SHOW_LIMIT = 1500;

/** `/export [assessment]`: grades as a CSV a gradebook imports (TA). */
export const exportGrades: Command = {
  name: "export",
  description: "Export grades as CSV for the gradebook",
  options: [{ name: "assessment", description: "midterm (the mock exam, default) or an imported assessment", type: "string", required: false }],
  access: "ta",
  visibility: "private",
  examples: ["/export", "/export paper-midterm"],
  async handle(input, { gradeExport }) {
    const file = await gradeExport.csv(input.course, input.options.assessment);
    const summary = text(`**${file.name}**: ${file.students} student${file.students === 1 ? "" : "s"}, one row each (${verbatim(file.source)}).`);
    // Names in the CSV are as people typed them: a code block shows them as they are.
    const shown = file.csv.length <= SHOW_LIMIT ? [code(file.csv.replace(/\r\n/g, "\n").trimEnd())] : [];
    return reply([summary, ...shown], {
      files: [{ name: file.name, contentType: "text/csv", data: Buffer.from(file.csv, "utf8") }],
      data: { export: { name: file.name, students: file.students, csv: file.csv } },
    });
  },
};
