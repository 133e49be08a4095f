import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { z } from "zod";

/**
 * One problem in a bank file, where a TA can find it.
 * @example { file: "data/banks/midterm.yaml", line: 42, column: 7, path: "questions.2.points", message: "..." }
 */
export interface BankIssue {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the offending value (`questions.2.answer.kind`); empty for YAML syntax errors. */
  path: string;
  message: string;
}

/** `file:line:column: path: message`, the form editors and terminals turn into links. */
export function formatIssue(issue: BankIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path ? `${where}: ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** An issue before it is placed in the file: its path and message, and whether it names a key. */
export interface PathIssue {
  path: Array<string | number>;
  message: string;
  /** Point at the key itself (an unknown field) rather than at its value. */
  atKey?: boolean;
}

/** Maps paths in the parsed data back to line and column in the YAML source. */
export class YamlLocator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly file: string,
  ) {}

  /** Places an issue at its node; a path that does not exist (a missing field) falls back to its nearest parent. */
  place(issue: PathIssue): BankIssue {
    const offset = this.offsetOf(issue.path, issue.atKey ?? false);
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col, path: issue.path.join("."), message: issue.message };
  }

  private offsetOf(path: Array<string | number>, atKey: boolean): number {
    let node: unknown = this.doc.contents;
    let best = rangeStart(node) ?? 0;
    for (const [i, key] of path.entries()) {
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        if (last && atKey) return rangeStart(pair.key) ?? best;
        node = pair.value;
      } else if (isSeq(node) && typeof key === "number") {
        node = node.items[key];
      } else {
        break;
      }
      const start = rangeStart(node);
      if (start === undefined) break;
      best = start;
    }
    return best;
  }
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? (node as Node).range?.[0] : undefined;
}

/**
 * Turns zod's issues into messages a TA can act on: a missing field is named, an unknown field is
 * pointed at, an unknown answer kind lists the kinds, and a union reports its closest branch only.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], data: unknown, prefix: Array<string | number> = []): PathIssue[] {
  return suggestSpellings(issues.flatMap((issue) => fromZodIssue(issue, data, prefix)));
}

/** A typo shows up as an unknown field next to a missing one (`pionts`, `points`): say so. */
function suggestSpellings(issues: PathIssue[]): PathIssue[] {
  const missing = issues.filter((i) => i.message.startsWith("missing required field"));
  return issues.map((issue) => {
    if (!issue.atKey) return issue;
    const name = String(issue.path.at(-1));
    const parent = issue.path.slice(0, -1).join(".");
    const match = missing.find((m) => m.path.slice(0, -1).join(".") === parent && editDistance(String(m.path.at(-1)), name) <= 2);
    return match ? { ...issue, message: `${issue.message} (did you mean "${String(match.path.at(-1))}"?)` } : issue;
  });
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

function fromZodIssue(issue: z.core.$ZodIssue, data: unknown, prefix: Array<string | number>): PathIssue[] {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const value = valueAt(data, path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ path: [...path, key], message: `unknown field "${key}"`, atKey: true }));
    case "invalid_type":
      if (value === undefined) return [{ path, message: `missing required field "${String(path.at(-1))}"` }];
      if (issue.expected === "string" && typeof value === "number") {
        return [{ path, message: `expected text, got the number ${value}: quote it, as in "${value}"` }];
      }
      return [{ path, message: `expected ${issue.expected}, got ${describe(value)}` }];
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options?.map(String).join(", ") ?? "";
        const what = value === undefined ? `missing "${issue.discriminator}"` : `unknown ${issue.discriminator} ${JSON.stringify(value)}`;
        return [{ path, message: `${what}: use one of ${options}` }];
      }
      // Report the branch that came closest (fewest issues), not every branch's complaints.
      const branches = issue.errors.filter((e) => e.length > 0);
      const closest = branches.sort((a, b) => a.length - b.length)[0];
      if (!closest) return [{ path, message: issue.message }];
      return fromZodIssues(closest, data, path);
    }
    default:
      return [{ path, message: issue.message }];
  }
}

function valueAt(data: unknown, path: Array<string | number>): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function describe(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
