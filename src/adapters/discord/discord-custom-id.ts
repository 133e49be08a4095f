// What a Discord button or modal carries in its custom_id: the command to run and its options, so a
// click works whatever process answers it and however long after the message was sent.
import type { Action, ReplyButton } from "../../core/chat/reply.ts";
import { UserError } from "../../core/errors.ts";

/** Discord's limit on a custom_id. */
export const CUSTOM_ID_MAX = 100;
/** Discord's limit on a modal text input's length. */
export const TEXT_INPUT_MAX = 4000;

/**
 * A decoded custom_id. `action`: a button that runs a command. `form`: a button that opens a modal
 * for one field. `modal`: the submitted modal, whose field's value joins the action's options.
 * `guild` is set on messages sent outside the guild (a direct message), so a click there still
 * knows its course.
 */
export type DecodedId =
  | { kind: "action"; guild?: string; action: Action }
  | { kind: "form"; guild?: string; action: Action; field: string; maxLength: number }
  | { kind: "modal"; guild?: string; action: Action; field: string };

// Layout: `t1<kind>|<index>|<guild>|<command>|<options>[|<field>|<max>]`, options `k=v&k=v`, every
// part percent-encoded, so no separator can appear inside one. The version leads, so a layout
// change can still read old messages or refuse them by name.
const VERSION = "t1";
const KINDS = { a: "action", f: "form", m: "modal" } as const;
const NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const GUILD = /^\d{15,21}$/;

/** The error a garbled or forged custom_id gives: a message for the person, never a crash. */
const garbled = () => new UserError("bad-button", "That button is out of date or damaged. Run the command again (see /help).");

function encodeOptions(options: Record<string, string>): string {
  return Object.entries(options).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
}

/**
 * The custom_id of a reply's button at `index` (the index keeps two buttons with the same action
 * apart in one message). Throws when it does not fit Discord's 100 characters: that is a bug in
 * the reply, which tests of every reply catch, never something to cut (a cut id runs another action).
 */
export function encodeButton(button: ReplyButton, index: number, guild?: string): string {
  const head = [`${VERSION}${"form" in button ? "f" : "a"}`, String(index), guild ?? ""];
  const id = "form" in button
    ? [...head, button.form.action.command, encodeOptions(button.form.action.options), button.form.field.option, String(Math.min(button.form.field.maxLength, TEXT_INPUT_MAX))].join("|")
    : [...head, button.action.command, encodeOptions(button.action.options)].join("|");
  if (id.length > CUSTOM_ID_MAX) throw new Error(`The button "${button.label}" needs a custom_id of ${id.length} characters (Discord allows ${CUSTOM_ID_MAX}): ${id}`);
  return id;
}

/** The custom_id of the modal a form button opens: its action and its field. */
export function encodeModal(decoded: Extract<DecodedId, { kind: "form" }>): string {
  return [`${VERSION}m`, "0", decoded.guild ?? "", decoded.action.command, encodeOptions(decoded.action.options), decoded.field].join("|");
}

/** Reads a custom_id made by encodeButton or encodeModal; anything else is a UserError. */
export function decodeCustomId(id: string): DecodedId {
  const parts = id.split("|");
  const [head = "", index = "", guild = "", command = "", options = "", field, max] = parts;
  const kind = head.startsWith(VERSION) ? KINDS[head.slice(VERSION.length) as keyof typeof KINDS] : undefined;
  if (!kind || !/^\d{1,2}$/.test(index) || (guild !== "" && !GUILD.test(guild)) || !NAME.test(command)) throw garbled();
  const action = { command, options: decodeOptions(options) };
  const where = guild ? { guild } : {};
  if (kind === "action") {
    if (parts.length !== 5) throw garbled();
    return { kind, ...where, action };
  }
  if (!field || !NAME.test(field) || field in action.options) throw garbled();
  if (kind === "modal") {
    if (parts.length !== 6) throw garbled();
    return { kind, ...where, action, field };
  }
  const maxLength = Number(max);
  if (parts.length !== 7 || !/^\d{1,4}$/.test(max ?? "") || maxLength < 1 || maxLength > TEXT_INPUT_MAX) throw garbled();
  return { kind, ...where, action, field, maxLength };
}

function decodeOptions(text: string): Record<string, string> {
  const options: Record<string, string> = {};
  if (text === "") return options;
  for (const pair of text.split("&")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw garbled();
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(pair.slice(0, eq));
      value = decodeURIComponent(pair.slice(eq + 1));
    } catch {
      throw garbled();
    }
    if (!NAME.test(key) || key in options) throw garbled();
    options[key] = value;
  }
  return options;
}
