import type { Blank } from "../bank/schema.ts";

/**
 * Tidies a blanks answer before it is split into parts, so the label forms students type in chat
 * read like `label: value`:
 * - `W1.shape = (m, n)` (numpy) and `W1 (m, n)` (a label then a shape tuple) become `W1: (m, n)`;
 * - several labelled parts on one line with no separator (`dW: … db: …`, `W1: (m,n) Ws: (m,n)`)
 *   go on their own lines;
 * - a definition on its own (`let P = softmax(A)`, `P = softmax(A)`, or `… where P = softmax(A)`)
 *   applies to every expression blank: it is taken out and added to each of their parts as
 *   `where P = …`, which the formula reader substitutes.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const loose = (name: string) => name.trim().split(/[\s_]+/).map(escape).join("[\\s_]*");

/** The labels and aliases of the blanks, longest first, as loose patterns. */
function labelPattern(blanks: readonly Blank[]): string {
  const names = blanks.flatMap((b) => [b.label, ...b.aliases]).filter((n) => n.length > 1 || /^[A-Za-z]$/.test(n));
  return [...new Set(names)].sort((a, b) => b.length - a.length).map(loose).join("|");
}

/** Puts labelled parts on lines, and lifts definitions out for expression blanks; see the file comment. */
export function tidyBlanksText(blanks: readonly Blank[], text: string, declared: ReadonlySet<string>): { text: string; definitions: string[] } {
  const labels = labelPattern(blanks);
  let out = text
    .replace(new RegExp(`(^|[\\s;,])(${labels})\\s*\\.\\s*shape\\s*=\\s*`, "gi"), "$1$2: ")
    .replace(new RegExp(`(^|[\\s;,])(${labels})\\s+(?=[([])`, "g"), "$1$2: ")
    // A label with a colon after a value on the same line starts a new part.
    .replace(new RegExp(`(?<=[\\w)\\]'.])\\s+(?=(?:${labels})\\s*:(?!=))`, "g"), "\n");
  const definitions: string[] = [];
  if (!blanks.some((b) => b.kind === "expression")) return { text: out, definitions };
  const isLabel = (name: string) => new RegExp(`^(?:${labels})$`, "i").test(name);
  const kept: string[] = [];
  for (const line of out.split(/\n|;/)) {
    const where = /\s+(?:where|with)\s+([A-Za-z]\w*)\s*=\s*(.+)$/i.exec(line);
    if (where && !declared.has(where[1] ?? "") && !isLabel(where[1] ?? "")) {
      definitions.push(`${where[1]} = ${where[2]}`);
      kept.push(line.slice(0, where.index));
      continue;
    }
    const own = /^\s*(?:let\s+)?([A-Za-z]\w*)\s*=\s*(.+)$/i.exec(line);
    if (own && !declared.has(own[1] ?? "") && !isLabel(own[1] ?? "") && !/^d[A-Z]/.test(own[1] ?? "")) {
      definitions.push(`${own[1]} = ${own[2]}`);
      continue;
    }
    kept.push(line);
  }
  out = kept.join("\n");
  return { text: out, definitions };
}
