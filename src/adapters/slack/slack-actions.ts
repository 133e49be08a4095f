// What a Slack button carries and what a form's modal remembers: the core's actions, encoded in
// the button's `value` and the modal's `private_metadata`, and read back with a schema.
import { z } from "zod";
import type { Action, FormRequest, ReplyButton } from "../../core/chat/reply.ts";
import { UserError } from "../../core/errors.ts";
import { truncate } from "../../render/split-message.ts";
import { mrkdwn, escapeMrkdwn, type PlainText, SLACK_LIMITS } from "./slack-mrkdwn.ts";
import type { SlackRenderOptions } from "./slack-renderer.ts";

/** Slack's limits for a modal (reference: views, input block, plain-text input element). */
export const MODAL_LIMITS = {
  title: 24,
  submit: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  placeholder: 150,
  /** The most a plain-text input accepts; the core's fields may ask for more (4,000). */
  inputChars: 3000,
} as const;

/** The callback id of every form modal, so one `view_submission` listener takes them all. */
export const FORM_CALLBACK = "tutor-form";
const FIELD_BLOCK = "field";
const FIELD_ACTION = "value";
/** Every button's action_id starts with this (a listener per prefix; ids unique in a message). */
export const BUTTON_PREFIX = "tutor:";

const ActionSchema = z.object({
  command: z.string().min(1).max(40),
  options: z.record(z.string().max(40), z.string().max(4000)),
}).strict();

const FormSchema = z.object({
  title: z.string().max(200),
  action: ActionSchema,
  field: z.object({
    option: z.string().min(1).max(40),
    label: z.string().max(2000),
    placeholder: z.string().max(2000).optional(),
    maxLength: z.number().int().min(1).max(100_000),
  }).strict(),
}).strict();

const ButtonValueSchema = z.union([z.object({ run: ActionSchema }).strict(), z.object({ form: FormSchema }).strict()]);
export type ButtonValue = { run: Action } | { form: FormRequest };

/** Where the answer to a submitted form goes: the message's response_url and channel, or the person's DM. */
const FormMetadataSchema = z.object({
  action: ActionSchema,
  option: z.string().min(1).max(40),
  responseUrl: z.string().max(1000).optional(),
  channel: z.string().max(40).optional(),
}).strict();
export type FormMetadata = z.infer<typeof FormMetadataSchema>;

/** A button's `value`: its action, or the form it opens (at most 2,000 characters; the renderer checks). */
export function buttonValue(button: ReplyButton): string {
  return JSON.stringify("action" in button ? { run: button.action } : { form: button.form });
}

export const buttonActionId = (_button: ReplyButton, index: number): string => `${BUTTON_PREFIX}${index}`;

/** How the adapter renders buttons: ids by place, the action in the value. */
export const SLACK_BUTTONS: SlackRenderOptions = { actionId: buttonActionId, value: buttonValue };

/**
 * Reads a clicked button's value. Slack signs what it sends, but a value from an old version of
 * the app, or one edited by hand in a client, must cost the person a message, not a crash.
 */
export function readButtonValue(value: unknown): ButtonValue {
  const parsed = typeof value === "string" && value.length <= SLACK_LIMITS.buttonValue ? ButtonValueSchema.safeParse(safeJson(value)) : null;
  if (!parsed?.success) throw new UserError("bad-button", "That button no longer works. Run the command again (e.g. /quiz), or see /help.");
  return parsed.data;
}

/** Reads a submitted form's metadata; anything else is refused like a garbled button. */
export function readFormMetadata(text: unknown): FormMetadata {
  const parsed = typeof text === "string" && text.length <= MODAL_LIMITS.privateMetadata ? FormMetadataSchema.safeParse(safeJson(text)) : null;
  if (!parsed?.success) throw new UserError("bad-form", "That form no longer works. Run the command again (e.g. /quiz), or type your answer with /answer.");
  return parsed.data;
}

/** The text typed in a submitted form (`view.state.values`), or "" when there is none. */
export function submittedText(values: unknown): string {
  const value = (values as Record<string, Record<string, { value?: unknown }> | undefined> | undefined)?.[FIELD_BLOCK]?.[FIELD_ACTION]?.value;
  return typeof value === "string" ? value : "";
}

/** The modal Slack shows for a form: one multiline field, with what the button already chose shown above it. */
export function formModal(form: FormRequest, metadata: FormMetadata): Record<string, unknown> {
  const plain = (text: string, max: number): PlainText => ({ type: "plain_text", text: truncate(text.replace(/\s+/g, " ").trim(), max) || "…", emoji: false });
  const maxLength = Math.min(form.field.maxLength, MODAL_LIMITS.inputChars);
  const chosen = Object.entries(form.action.options).map(([name, value]) => `${escapeMrkdwn(name)}: *${escapeMrkdwn(truncate(value, 200))}*`).join(" · ");
  const notes = [
    ...(chosen ? [`/${escapeMrkdwn(form.action.command)} · ${chosen}`] : []),
    // Slack's inputs stop at 3,000 characters; the typed command takes longer answers.
    ...(form.field.maxLength > maxLength ? [`Up to ${maxLength.toLocaleString("en-US")} characters here; for a longer one, type /${escapeMrkdwn(form.action.command)} instead.`] : []),
  ];
  const metadataText = JSON.stringify(metadata);
  if (metadataText.length > MODAL_LIMITS.privateMetadata) throw new Error(`form metadata of ${metadataText.length} characters exceeds Slack's ${MODAL_LIMITS.privateMetadata}`);
  return {
    type: "modal",
    callback_id: FORM_CALLBACK,
    private_metadata: metadataText,
    title: plain(form.title, MODAL_LIMITS.title),
    submit: plain("Send", MODAL_LIMITS.submit),
    close: plain("Cancel", MODAL_LIMITS.submit),
    blocks: [
      ...(notes.length ? [{ type: "context", elements: notes.map((n) => mrkdwn(n)) }] : []),
      {
        type: "input",
        block_id: FIELD_BLOCK,
        label: plain(form.field.label, MODAL_LIMITS.inputLabel),
        element: {
          type: "plain_text_input",
          action_id: FIELD_ACTION,
          multiline: true,
          max_length: maxLength,
          ...(form.field.placeholder ? { placeholder: plain(form.field.placeholder, MODAL_LIMITS.placeholder) } : {}),
        },
      },
    ],
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
