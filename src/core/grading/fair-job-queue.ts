/**
 * The grading pool's waiting line, fair between students: each student has a lane, a student
 * with a job running waits for it before their next one starts, and the lanes take turns. Ten
 * slow expressions from one student then hold one worker, not all of them, and an honest answer
 * from anyone else starts as soon as any other worker is free.
 *
 * Jobs without an owner (a TA's `tutor check --batch`) each get a lane of their own: nothing
 * holds them back but the turn-taking.
 */

/** Why a job was not queued: its owner has too many waiting, or the whole line is full. */
export type QueueRefusal = "owner-full" | "full";

export interface FairQueueLimits {
  /** Jobs one owner may have queued or running at once. */
  perOwner: number;
  /** Jobs queued in all (running ones not counted): beyond it the pool is busy for everyone. */
  total: number;
}

export class FairJobQueue<J> {
  /** Waiting jobs per owner, in turn order (a Map keeps insertion order; a served lane moves last). */
  private readonly lanes = new Map<string, J[]>();
  private readonly running = new Set<string>();
  private waiting = 0;
  private anonymous = 0;

  constructor(private readonly limits: FairQueueLimits) {}

  get size(): number {
    return this.waiting;
  }

  /** Queues `job` for `owner`; answers the refusal instead when a limit is reached. */
  push(owner: string | undefined, job: J): { key: string } | { refused: QueueRefusal } {
    const key = owner === undefined ? `\u0000${(this.anonymous += 1)}` : owner;
    const lane = this.lanes.get(key) ?? [];
    if (owner !== undefined && lane.length + (this.running.has(key) ? 1 : 0) >= this.limits.perOwner) return { refused: "owner-full" };
    if (this.waiting >= this.limits.total) return { refused: "full" };
    lane.push(job);
    this.lanes.set(key, lane);
    this.waiting += 1;
    return { key };
  }

  /** The next job whose owner has nothing running, taking lanes in turn; its owner is then running. */
  take(): { key: string; job: J } | undefined {
    for (const [key, lane] of this.lanes) {
      if (this.running.has(key)) continue;
      const job = lane.shift()!;
      this.waiting -= 1;
      this.lanes.delete(key);
      if (lane.length) this.lanes.set(key, lane);
      this.running.add(key);
      return { key, job };
    }
    return undefined;
  }

  /** The job `take` gave for `key` finished (or failed): the owner's next may start. */
  done(key: string): void {
    this.running.delete(key);
  }

  /** Empties the line (the pool is closing or cannot start workers), answering the jobs it held. */
  drain(): J[] {
    const jobs = [...this.lanes.values()].flat();
    this.lanes.clear();
    this.waiting = 0;
    return jobs;
  }
}
