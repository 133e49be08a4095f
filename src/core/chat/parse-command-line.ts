import { verbatim } from "./reply.ts";
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
  const restDef = defs.find((d) => d.rest);
  // `name:` sets an option only while that option is unset; after that it is just words
  // ("false, because the answer: is generalization" keeps its colon).
  const namedAt = (t: Token, taking?: OptionDefinition): { def: OptionDefinition; inline: string } | null => {
    if (t.quoted) return null;
    const m = /^([A-Za-z][\w-]*):(.*)$/.exec(t.text);
    const def = m ? byName.get(m[1]!.toLowerCase()) : undefined;
    if (!def || def === taking || options[def.name] !== undefined) return null;
    return { def, inline: m![2] ?? "" };
  };
  /** Index of the first token at or after `from` that names another option. */
  const valueEnd = (from: number, taking: OptionDefinition) => {
    let j = from;
    while (j < tokens.length && !namedAt(tokens[j]!, taking)) j++;
    return j;
  };
  /** Tokens [from, to) as typed; a single quoted token loses its quotes. */
  const text = (from: number, to: number, start = tokens[from]?.start ?? 0) => {
    if (to - from === 1 && tokens[from]!.quoted && start === tokens[from]!.start) return tokens[from]!.text;
    return to > from ? rest.slice(start, tokens[to - 1]!.end).trim() : "";
  };

  let next = 0;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    const named = namedAt(token);
    if (named) {
      const end = valueEnd(i + 1, named.def);
      const value = named.inline ? text(i, end, token.start + named.def.name.length + 1) : text(i + 1, end);
      options[named.def.name] = value;
      i = end;
      continue;
    }
    while (next < defs.length && options[defs[next]!.name] !== undefined) next++;
    const def = defs[next];
    if (!def) throw new UserError("too-many-values", `I did not expect "${verbatim(token.text)}" here.`);
    const end = def === restDef ? valueEnd(i + 1, def) : i + 1;
    options[def.name] = def === restDef ? text(i, end) : token.text;
    i = end;
    next++;
  }
  return options;
}
