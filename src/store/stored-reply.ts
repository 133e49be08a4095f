import { z } from "zod";

/**
 * The shape of a reply kept in the store (the deliveries outbox), checked on the way out by both
 * engines: what was written, attachments left out on the way in.
 */
const markup = z.string();
const Block = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("heading"), text: markup }),
  z.object({ kind: z.literal("text"), text: markup }),
  z.object({ kind: z.literal("list"), items: z.array(markup) }),
  z.object({ kind: z.literal("quote"), text: z.string() }),
  z.object({ kind: z.literal("fields"), fields: z.array(z.object({ name: markup, value: markup })) }),
  z.object({ kind: z.literal("table"), columns: z.array(z.object({ header: z.string(), align: z.enum(["left", "right"]).optional() })), rows: z.array(z.array(z.string())) }),
  z.object({ kind: z.literal("code"), text: z.string() }),
]);
const Action = z.object({ command: z.string(), options: z.record(z.string(), z.string()) });
const Style = z.enum(["primary", "secondary", "danger"]).optional();
const Form = z.object({ title: z.string(), action: Action, field: z.object({ option: z.string(), label: z.string(), placeholder: z.string().optional(), maxLength: z.number() }) });

/** A stored reply, as written (attachments were left out on the way in). */
export const StoredReply = z.object({
  blocks: z.array(Block),
  buttons: z.array(z.union([z.object({ label: z.string(), style: Style, action: Action }), z.object({ label: z.string(), style: Style, form: Form })])).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
