import { verbatim } from "./reply.ts";
import { UserError } from "../errors.ts";
import type { CommandDefinition, OptionDefinition } from "./command-definition.ts";
import { stripControl } from "./markup.ts";

/** `/answer question answer [justification]`: the usage line every option error ends with. */
export function usageLine(command: Pick<CommandDefinition<unknown>, "name" | "options">): string {
  const options = command.options.map((o) => (o.required ? o.name : `[${o.name}]`)).join(" ");
  return `/${command.name}${options ? ` ${options}` : ""}`;
}

const TRUE = new Set(["true", "yes", "y", "on", "1"]);
const FALSE = new Set(["false", "no", "n", "off", "0"]);

/**
 * Checks a command's options, whichever way they arrived (typed text, Discord options, a button):
 * unknown names, missing values, choices, lengths, integers and booleans. Returns them normalised:
 * control characters dropped, blanks removed, a choice in its declared spelling, a boolean as
 * `true`/`false`. Every problem is a UserError that ends with the usage line.
 */
export function checkOptions(command: Pick<CommandDefinition<unknown>, "name" | "options">, given: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const fail = (code: string, message: string): never => {
    throw new UserError(code, `${message}\nUsage: ${usageLine(command)} (see /help)`);
  };
  const defs = new Map(command.options.map((o) => [o.name.toLowerCase(), o]));
  const checked: Record<string, string> = {};
  for (const [name, raw] of Object.entries(given)) {
    const def = defs.get(name.toLowerCase());
    if (!def) {
      const known = command.options.map((o) => o.name).join(", ");
      fail("unknown-option", `/${command.name} has no option "${verbatim(name)}"${known ? `; its options are ${known}` : ""}.`);
    }
    const value = raw === undefined ? "" : stripControl(raw).trim();
    if (value !== "") checked[def!.name] = checkValue(command.name, def!, value, fail);
  }
  const missing = command.options.find((o) => o.required && checked[o.name] === undefined);
  if (missing) fail("missing-option", `/${command.name} needs ${missing.name}: ${lowerFirst(missing.description)}.`);
  return checked;
}

function checkValue(command: string, def: OptionDefinition, value: string, fail: (code: string, message: string) => never): string {
  if (def.maxLength !== undefined && value.length > def.maxLength) {
    fail("too-long", `The ${def.name} of /${command} is ${count(value.length)} characters; the limit is ${count(def.maxLength)}.`);
  }
  if (def.choices) {
    const choice = def.choices.find((c) => c.toLowerCase() === value.toLowerCase());
    if (!choice) fail("bad-choice", `"${verbatim(value)}" is not a choice for ${def.name}: use ${def.choices.join(", ")}.`);
    return choice!;
  }
  if (def.type === "integer") {
    if (!/^[+-]?\d{1,15}$/.test(value)) fail("not-an-integer", `${def.name} must be a whole number, not "${verbatim(value)}".`);
    return String(Number(value));
  }
  if (def.type === "boolean") {
    const word = value.toLowerCase();
    // `/stats post` reads as post: true, so the option's own name counts as yes.
    if (TRUE.has(word) || word === def.name.toLowerCase()) return "true";
    if (FALSE.has(word)) return "false";
    fail("not-a-boolean", `${def.name} is true or false, not "${verbatim(value)}".`);
  }
  return value;
}

const count = (n: number) => n.toLocaleString("en-US");
const lowerFirst = (s: string) => (s ? s[0]!.toLowerCase() + s.slice(1) : s);
