/** A command, with its options, that a button or a form submission runs. */
export interface Action {
  command: string;
  options: Record<string, string>;
}

/**
 * A button under a reply; adapters render it natively (Discord button, Slack button, numbered
 * choice). It either runs an action at once or first opens a form (e.g. "False" asks for a justification).
 */
export type ReplyButton =
  | { label: string; style?: "primary" | "secondary" | "danger"; action: Action }
  | { label: string; style?: "primary" | "secondary" | "danger"; form: FormRequest };

/** A request for long text (a Discord modal, a Slack modal, a follow-up prompt in the console). */
export interface FormRequest {
  title: string;
  /** The command to run on submit; the field's value is added as option `field.option`. */
  action: Action;
  field: { option: string; label: string; placeholder?: string; maxLength: number };
}

/** An image attached to a reply (a rendered formula, a histogram). */
export interface ReplyImage {
  name: string;
  alt: string;
  png: Buffer;
}

/** A file attached to a reply (a CSV export); adapters upload it, the console saves it. */
export interface ReplyFile {
  name: string;
  contentType: string;
  data: Buffer;
}

/** Who sees a reply: only the person who ran the command, or everyone in the channel. */
export type Visibility = "private" | "public";

/** Where a delivery goes: a person (a direct message) or a channel of the course. */
export type DeliveryTarget = { user: string } | { channel: string };

/** A message for someone other than the person who ran the command (a grader, a student, a channel). */
export interface Delivery {
  to: DeliveryTarget;
  reply: Reply;
}

/** A delivery of the course it belongs to, so each adapter delivers only its own courses'. */
export interface CourseDelivery extends Delivery {
  course: string;
}

/** One column of a table block; numbers read best right-aligned. */
export interface TableColumn {
  header: string;
  align?: "left" | "right";
}

/**
 * One block of a reply. Text in `heading`, `text`, `list` and `fields` is the tutor's markup:
 * `**bold**`, `` `code` ``, math as `$...$` or `$$...$$`, and what a person typed wrapped by
 * `verbatim()`. `quote` and `code` are shown exactly as given; table cells are plain text with math.
 * Each adapter's renderer turns blocks into its platform's dialect and neutralises what people typed.
 */
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "quote"; text: string }
  | { kind: "fields"; fields: { name: string; value: string }[] }
  | { kind: "table"; columns: TableColumn[]; rows: string[][] }
  | { kind: "code"; text: string };

/**
 * What a command answers, platform-neutral: blocks, attachments, buttons, messages for others, and
 * machine-readable facts. Who sees it is declared by the command (see `CommandDefinition.visibility`).
 */
export interface Reply {
  blocks: Block[];
  images?: ReplyImage[];
  files?: ReplyFile[];
  buttons?: ReplyButton[];
  deliveries?: Delivery[];
  /** Machine-readable facts for `--json` and tests (e.g. `grade`, `stats`). */
  data?: Record<string, unknown>;
}

/** A reply as the dispatcher hands it to an adapter: with its visibility settled. */
export interface VisibleReply extends Reply {
  visibility: Visibility;
}

/** A reply from blocks; strings become text blocks. */
export function reply(blocks: ReadonlyArray<Block | string>, extra: Omit<Reply, "blocks"> = {}): Reply {
  return { blocks: blocks.map((b) => (typeof b === "string" ? text(b) : b)), ...extra };
}

/** A reply of one paragraph of markup (lines separated by `\n`). */
export function textReply(markup: string, extra: Omit<Reply, "blocks"> = {}): Reply {
  return reply([markup], extra);
}

export const heading = (markup: string): Block => ({ kind: "heading", text: markup });
export const text = (markup: string): Block => ({ kind: "text", text: markup });
export const list = (items: string[]): Block => ({ kind: "list", items });
/** What a person typed, shown as a quote exactly as typed. */
export const quote = (typed: string): Block => ({ kind: "quote", text: typed });
export const fields = (pairs: { name: string; value: string }[]): Block => ({ kind: "fields", fields: pairs });
export const table = (columns: TableColumn[], rows: string[][]): Block => ({ kind: "table", columns, rows });
export const code = (content: string): Block => ({ kind: "code", text: content });

/** Opens and closes text a person typed inside markup (private-use characters no keyboard makes). */
export const VERBATIM_OPEN = "\uE000";
export const VERBATIM_CLOSE = "\uE001";

/**
 * Marks text a person typed (a name, a reason, an answer) inside markup: renderers show it exactly
 * as typed, never as formatting, math or a mention.
 * @example text(`Request from ${verbatim(name)}: ${verbatim(reason)}`)
 */
export function verbatim(typed: string): string {
  return `${VERBATIM_OPEN}${typed.replace(/[\uE000\uE001]/g, "")}${VERBATIM_CLOSE}`;
}
