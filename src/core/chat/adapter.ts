import type { CourseDelivery, DeliveryTarget } from "./reply.ts";

/**
 * A front end of the tutor (the console, Discord, Slack): it turns its platform's events into
 * commands for the dispatcher and renders replies in its own dialect. The composition root starts
 * the adapters the configuration asks for; timed work reaches people through `deliver`.
 * An adapter never writes to the store and keeps no timers of its own.
 */
export interface Adapter {
  /** `console`, `discord`, `slack`: for logs. */
  readonly name: string;
  /** Whether a delivery to this course and recipient is this adapter's to post (its guild, workspace, user). */
  owns(course: string, to: DeliveryTarget): boolean;
  start(): Promise<void>;
  /** Stops taking commands and lets what is running finish. */
  stop(): Promise<void>;
  /** Posts a message made by timed work; throws when the platform refused it (it is tried again later). */
  deliver(delivery: CourseDelivery): Promise<void>;
  /** Settles when the adapter ends by itself (the console at the end of its input); platform adapters never do. */
  readonly ended?: Promise<void>;
}
