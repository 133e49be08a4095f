/** A file a person attached (a photo of a drawing for 2a), downloaded by the adapter. */
export interface Attachment {
  name: string;
  /** The type the platform reported; the core checks the bytes themselves. */
  contentType?: string;
  bytes: Buffer;
}

export type Role = "student" | "ta";

/** The person behind a command, with a platform-scoped id: `discord:<id>`, `slack:<team>:<user>`, `console:<name>`. */
export interface Person {
  id: string;
  name: string;
}

/** A command as every adapter hands it to the core, whatever the platform. */
export interface CommandInput {
  /** The platform's delivery id; a delivery seen twice is answered once. */
  interactionId?: string;
  /** The course this guild, workspace or console session maps to. */
  course: string;
  user: Person;
  /** What the platform says about the person (a Discord role, SLACK_TA_USERS, `--role ta`). */
  roles: Role[];
  command: string;
  options: Record<string, string | undefined>;
  attachments: Attachment[];
  /** Where the command was typed, for replies that must go to the same place. */
  channel?: string;
  now: Date;
}
