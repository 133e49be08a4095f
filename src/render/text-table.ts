// A table as lines of monospace text: in code blocks (Discord, Slack) and on a terminal.
import { displayWidth } from "./display-width.ts";

/** One column: its header and which side its cells hug (numbers read best right-aligned). */
export interface TextColumn {
  header: string;
  align?: "left" | "right";
}

export interface TextTableOptions {
  /**
   * Renders each header and cell the table is given (math as Unicode, escapes). A line break in a
   * cell becomes a space; a header must come out on one line.
   */
  cell?: (text: string) => string;
  /** Between columns: two spaces unless given. */
  gap?: string;
  /** A `──` rule under the header line: drawn unless `false`. */
  rule?: boolean;
}

/**
 * Lays out a table: a header line and a rule (when some column has a header), one line per row,
 * columns two spaces (`gap`) apart and padded to their widest cell.
 * @example textTable([{ header: "id" }, { header: "score", align: "right" }], [["1a", "4/5"]])
 *   // ["id  score", "──  ─────", "1a    4/5"]
 * @example textTable([{ header: "id" }, { header: "score", align: "right" }], [["1a", "4/5"]], { gap: " ", rule: false })
 *   // ["id score", "1a   4/5"]
 */
export function textTable(
  columns: readonly TextColumn[],
  rows: readonly (readonly string[])[],
  options: TextTableOptions = {},
): string[] {
  const { cell: render = (text: string) => text, gap = "  ", rule = true } = options;
  const given = rows.map((row) => row.map(render));
  const count = Math.max(columns.length, ...given.map((row) => row.length));
  const cell = (row: readonly string[], i: number) => (row[i] ?? "").replace(/\s*\n\s*/g, " ");
  const headers = Array.from({ length: count }, (_, i) => (columns[i] ? render(columns[i].header) : ""));
  const widths = headers.map((header, i) => Math.max(displayWidth(header), ...given.map((row) => displayWidth(cell(row, i)))));
  const line = (cells: string[]) =>
    cells
      .map((text, i) => {
        const pad = " ".repeat((widths[i] ?? 0) - displayWidth(text));
        if (columns[i]?.align === "right") return pad + text;
        return i === cells.length - 1 ? text : text + pad;
      })
      .join(gap)
      .trimEnd();
  const body = given.map((row) => line(Array.from({ length: count }, (_, i) => cell(row, i))));
  // A table of label columns (a score report) reads better without an empty header line.
  if (headers.every((h) => h === "")) return body;
  const head = [line(headers)];
  if (rule) head.push(widths.map((w) => "─".repeat(w)).join(gap).trimEnd());
  return [...head, ...body];
}
