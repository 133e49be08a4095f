// Text layout of LaTeX environments: aligned equations become lines, cases a braced list,
// matrices a bracketed row list. Input is the already-rendered text of each cell.

const MATRIX_DELIMITERS: Record<string, [string, string]> = {
  matrix: ["[", "]"], smallmatrix: ["[", "]"], pmatrix: ["(", ")"], bmatrix: ["[", "]"],
  Bmatrix: ["{", "}"], vmatrix: ["|", "|"], Vmatrix: ["‖", "‖"],
};

/** Display width of text in a terminal: code points, not counting combining marks. */
export function textWidth(text: string): number {
  return Array.from(text.replace(/[\u0300-\u036f\u20d0-\u20ff]/g, "")).length;
}

/** Lay out the rows (lists of cells) of environment `name` as text. */
export function layoutEnvironment(name: string, rawRows: string[][]): string {
  const rows = rawRows.filter((row) => row.some((cell) => cell !== ""));
  if (rows.length === 0) return "";
  const base = name.replace(/\*$/, "");
  const delimiters = MATRIX_DELIMITERS[base];
  if (delimiters) {
    return delimiters[0] + rows.map((row) => row.join(" ")).join("; ") + delimiters[1];
  }
  if (base === "cases" || base === "dcases" || base === "rcases") return layoutCases(rows);
  return layoutAligned(rows);
}

/** `{ value, condition` per row, conditions lined up. */
function layoutCases(rows: string[][]): string {
  const width = Math.max(...rows.map((row) => textWidth(row[0] ?? "")));
  return rows
    .map((row) => {
      const [value = "", ...rest] = row;
      const condition = rest.filter((cell) => cell !== "").join(" ");
      return condition === "" ? `{ ${value}` : `{ ${padEnd(value, width)} ${condition}`;
    })
    .join("\n");
}

/**
 * One line per row. Alignment points (&) become a space, and the first column is padded so
 * that continuation rows (`&= ...`) line up under the first relation, as on paper. (Left-aligned:
 * right-aligning as TeX does would start lines with spaces, which chat clients trim.)
 */
function layoutAligned(rows: string[][]): string {
  const multiColumn = rows.some((row) => row.length > 1);
  if (!multiColumn) return rows.map((row) => row[0] ?? "").join("\n");
  const width = Math.max(...rows.map((row) => (row.length > 1 ? textWidth(row[0] ?? "") : 0)));
  return rows
    .map((row) => {
      if (row.length === 1) return row[0] ?? "";
      const [first = "", ...rest] = row;
      return [padEnd(first, width), ...rest.filter((cell) => cell !== "")].join(" ");
    })
    .join("\n");
}

function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - textWidth(text)));
}
