import type { CommandInput } from "./command-input.ts";
import type { Reply, Visibility } from "./reply.ts";

/** One option of a slash command, as every platform shows it. */
export interface OptionDefinition {
  name: string;
  description: string;
  type: "string" | "integer" | "boolean";
  required: boolean;
  choices?: readonly string[];
  /** In the text form, this option takes the rest of the line. */
  rest?: boolean;
  /** Longest value accepted (Discord modals cap at 4000). */
  maxLength?: number;
}

/**
 * A file a command takes beside its options (Discord's attachment option): a photo of a drawing
 * for 2a. The adapter downloads it at once (platform links expire) and hands the bytes over in
 * `CommandInput.attachments`; the core checks size and type and keeps it with the answer.
 */
export interface FileOptionDefinition {
  name: string;
  description: string;
  /** Largest file accepted, in bytes; an adapter stops downloading past it. */
  maxBytes: number;
  /** The types accepted, e.g. `image/png`. */
  contentTypes: readonly string[];
}

/** Who may run a command. TA commands are refused server-side to everyone else. */
export type Access = "everyone" | "ta";

/**
 * A slash command: its definition and its handler. `S` is the services object the handler uses;
 * commands/ fixes it to the app's services.
 */
export interface CommandDefinition<S> {
  name: string;
  description: string;
  options: readonly OptionDefinition[];
  access: Access;
  /** Reached only through buttons (e.g. "Show solution"): not registered as a slash command. */
  hidden?: boolean;
  /**
   * Who sees the reply, known before the work so an adapter can defer with the right visibility:
   * fixed, or decided by the checked options (e.g. `/stats post: true` is public).
   */
  visibility: Visibility | ((input: CommandInput) => Visibility);
  /** A file the command accepts beside its options, where the platform can attach one. */
  file?: FileOptionDefinition;
  /** Text-form examples shown by /help. */
  examples: readonly string[];
  handle(input: CommandInput, services: S): Promise<Reply> | Reply;
}
