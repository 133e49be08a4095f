import type { Adapter } from "../../src/core/chat/adapter.ts";
import type { CourseDelivery, DeliveryTarget } from "../../src/core/chat/reply.ts";

/** An adapter for one course that records what timed work delivers to it; it can be told to fail. */
export class RecordingAdapter implements Adapter {
  readonly name = "recording";
  readonly delivered: CourseDelivery[] = [];
  failing = false;

  constructor(readonly course: string) {}

  owns(course: string, _to: DeliveryTarget): boolean {
    return course === this.course;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async deliver(delivery: CourseDelivery): Promise<void> {
    if (this.failing) throw new Error("the platform is unreachable");
    this.delivered.push(delivery);
  }
}
