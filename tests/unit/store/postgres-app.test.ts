import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Repositories } from "../../../src/core/ports.ts";
import { createPostgresStore, type PostgresStore } from "../../../src/store/postgres/postgres-store.ts";
import type { SqlClient } from "../../../src/store/postgres/sql-client.ts";
import { ConsoleDriver, TestClock } from "../../fakes/console-driver.ts";
import { postgresTestEngines } from "../../fakes/pglite-client.ts";

/** `object` with some methods replaced, the others still its own (repositories are class instances). */
const overriding = <T extends object>(object: T, methods: Partial<T>): T => Object.assign(Object.create(object) as T, methods);

/**
 * A store whose transactions do not see what another process has just started: what each of two
 * processes racing on the same student reads before either has committed.
 */
function racing(store: PostgresStore): PostgresStore {
  const blind = (tx: Repositories): Repositories => ({
    ...tx,
    examSessions: overriding(tx.examSessions, { open: async () => null }),
    ta: { ...tx.ta, regrades: overriding(tx.ta.regrades, { forUser: async () => [] }) },
  });
  return { ...store, transaction: (work) => store.transaction((tx) => work(blind(tx))) };
}

for (const engine of postgresTestEngines()) {
  describe(`the tutor on PostgreSQL (${engine.name})`, () => {
    let drivers: ConsoleDriver[] = [];
    let connect: () => SqlClient;
    /** A console chat on the test's database (another process's app, for the second one). */
    const chat = async (clock: TestClock, wrap: (store: PostgresStore) => PostgresStore = (s) => s) => {
      const d = new ConsoleDriver(undefined, clock, {}, { store: wrap(await createPostgresStore(connect())) });
      drivers.push(d);
      return d;
    };

    beforeAll(() => engine.setUp(), 180_000);
    afterEach(async () => {
      await Promise.all(drivers.map((d) => d.close()));
      drivers = [];
    });
    afterAll(() => engine.tearDown(), 60_000);

    it("runs mock exams, their statistics and a regrade through the console", async () => {
      connect = await engine.fresh();
      const d = await chat(new TestClock());
      for (const [user, line] of [["ana", "/answer 3a false, because regularization improves generalization to the test set"], ["ben", "/answer 3a true"]] as const) {
        await d.say(user, "/enroll C247");
        await d.say(user, "/exam start");
        await d.say(user, line);
        await d.say(user, "/answer 2b z - y");
        expect(await d.say(user, "/exam submit confirm")).toMatch(/\d+\/100/);
      }
      const [json] = await d.json("tara", "/stats", "ta");
      expect((json!.stats as { overall: unknown }).overall).toMatchObject({ n: 2, high: 9, mean: 6.5 });
      expect(await d.say("ben", "/regrade 3a the loss on the training set does go down with L2")).toMatch(/request #1 for 3a/);
      expect(await d.say("mike", "/regrades resolve 1 keep regularization raises the training loss", "ta")).toMatch(/resolved: 0\/5 → 0\/5/);
    });

    it("answers a student whose second process lost the race to a constraint as the first would have", async () => {
      connect = await engine.fresh();
      const clock = new TestClock();
      const first = await chat(clock);
      const second = await chat(clock, racing);
      await first.say("ana", "/exam start");
      expect(await second.say("ana", "/exam start")).toMatch(/Your mock midterm is already running; it ends at/);
      await first.say("ana", "/answer 3a true");
      await first.say("ana", "/exam submit confirm");
      expect(await first.say("ana", "/regrade 3a the loss on the training set does go down with L2")).toMatch(/request #1 for 3a/);
      expect(await second.say("ana", "/regrade 3a my justification was complete as well")).toMatch(/already asked for a regrade of 3a \(request #1\)/);
    });
  });
}
