import { UserError } from "../errors.ts";
import type { OptionDefinition } from "./command-definition.ts";

/** A command typed as text: `/answer 3a false, because ...`. */
export interface ParsedCommandLine {
  command: string;
  options: Record<string, string>;
}

interface Token {
  text: string;
  /** Offset just past the token in the line, so a rest option can take the raw remainder. */
  end: number;
  start: number;
  quoted: boolean;
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of line.matchAll(pattern)) {
    const quoted = m[1] !== undefined || m[2] !== undefined;
    tokens.push({ text: m[1] ?? m[2] ?? m[3] ?? "", start: m.index, end: m.index + m[0].length, quoted });
  }
  return tokens;
}

/** Splits `/name rest` into the command name and the raw remainder. Returns null for non-commands. */
export function splitCommand(line: string): { command: string; rest: string } | null {
  const m = /^\s*\/([A-Za-z][\w-]*)\s*([\s\S]*)$/.exec(line);
  if (!m) return null;
  return { command: m[1]!.toLowerCase(), rest: m[2] ?? "" };
}

/**
 * Parses the text form of a command's options (DESIGN.md): positional values fill the options in
 * order, the free-text option marked `rest` takes the rest of the line, `name: value`
 * sets an option by name, quotes group words.
 */
export function parseOptions(rest: string, defs: readonly OptionDefinition[]): Record<string, string> {
  const options: Record<string, string> = {};
  const tokens = tokenize(rest);
  const byName = new Map(defs.map((d) => [d.name.toLowerCase(), d]));
  const namedAt = (t: Token): { def: OptionDefinition; inline: string } | null => {
    if (t.quoted) return null;
    const m = /^([A-Za-z][\w-]*):(.*)$/.exec(t.text);
    const def = m ? byName.get(m[1]!.toLowerCase()) : undefined;
    return def ? { def, inline: m![2] ?? "" } : null;
  };
  const restDef = defs.find((d) => d.rest);
  const positional = defs;
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const named = namedAt(token);
    // A named option's value runs until the next `name:` token (or the end of the line).
    if (named) {
      let j = i + 1;
      while (j < tokens.length && !namedAt(tokens[j]!)) j++;
      const valueStart = named.inline ? token.start + named.def.name.length + 1 : tokens[i + 1]?.start;
      const valueEnd = tokens[j - 1]?.end ?? token.end;
      const raw = valueStart === undefined || j === i + 1 && !named.inline ? "" : rest.slice(valueStart, valueEnd);
      options[named.def.name] = unquote(raw.trim());
      i = j - 1;
      continue;
    }
    while (next < positional.length && options[positional[next]!.name] !== undefined) next++;
    const def = positional[next];
    if (!def) throw new UserError("too-many-values", `I did not expect "${token.text}" here.`);
    if (def === restDef) {
      let j = i + 1;
      while (j < tokens.length && !namedAt(tokens[j]!)) j++;
      options[def.name] = unquote(rest.slice(token.start, tokens[j - 1]!.end).trim());
      i = j - 1;
    } else {
      options[def.name] = token.text;
    }
    next++;
  }
  return options;
}

function unquote(s: string): string {
  const m = /^"([\s\S]*)"$|^'([\s\S]*)'$/.exec(s);
  return m ? (m[1] ?? m[2] ?? "") : s;
}
