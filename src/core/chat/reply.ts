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

/** A message for someone other than the person who ran the command (a grader, a student, a channel). */
export interface Delivery {
  to: { user: string } | { channel: string };
  reply: Reply;
}

/**
 * What a command answers, platform-neutral. `text` is Markdown in which math is written as
 * `$...$` (inline) or `$$...$$` (display); adapters render it as Unicode text or images.
 */
export interface Reply {
  text: string;
  ephemeral: boolean;
  images?: ReplyImage[];
  files?: ReplyFile[];
  buttons?: ReplyButton[];
  form?: FormRequest;
  followUps?: Reply[];
  deliveries?: Delivery[];
  /** Machine-readable facts for `--json` and tests (e.g. `grade`, `stats`). */
  data?: Record<string, unknown>;
}

/** A private reply: most replies to a student are. */
export function privateReply(text: string, extra: Partial<Reply> = {}): Reply {
  return { text, ephemeral: true, ...extra };
}

/** A reply everyone in the channel sees. */
export function publicReply(text: string, extra: Partial<Reply> = {}): Reply {
  return { text, ephemeral: false, ...extra };
}
