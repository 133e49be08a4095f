import { describe, expect, it } from "vitest";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the SQLite store behind asynchronous ports", () => {
  it("group commit stores every write queued in one turn, and undoes only the one that failed", async () => {
    const file = tempDbFile();
    const store = createSqliteStore(file);
    const results = await Promise.allSettled(["a", "b", "c"].map((user) => store.commit(async (tx) => {
      await tx.enrollments.upsertUser(`t:${user}`, user);
      if (user === "b") throw new Error("late answer");
      return user;
    })));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    await store.close();
    const reopened = createSqliteStore(file);
    expect(await Promise.all(["a", "b", "c"].map((u) => reopened.ta.people.displayName(`t:${u}`)))).toEqual(["a", null, "c"]);
    await reopened.close();
  });

  it("resolves a commit only once it is stored, and a close commits what is queued first", async () => {
    const file = tempDbFile();
    const store = createSqliteStore(file);
    let settled = false;
    const pending = store.commit((tx) => tx.enrollments.upsertUser("t:ana", "ana")).then(() => (settled = true));
    expect(settled).toBe(false);
    await store.close();
    await pending;
    const reopened = createSqliteStore(file);
    expect(await reopened.ta.people.displayName("t:ana")).toBe("ana");
    await reopened.close();
  });

  it("holds the connection for a transaction across its awaits: others wait, and a failure leaves nothing", async () => {
    const store = createSqliteStore(tempDbFile());
    const seen: (string | null)[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = store.transaction(async (tx) => {
      await tx.enrollments.upsertUser("t:ana", "ana");
      await held;
      await tx.enrollments.upsertUser("t:ben", "ben");
    });
    await tick();
    // A read outside waits for the commit: it never sees half of the transaction.
    const reading = store.ta.people.displayName("t:ana").then((name) => seen.push(name));
    await tick();
    expect(seen).toEqual([]);
    release();
    await writing;
    await reading;
    expect(seen).toEqual(["ana"]);

    await expect(store.transaction(async (tx) => {
      await tx.enrollments.upsertUser("t:cy", "cy");
      throw new Error("changed my mind");
    })).rejects.toThrow("changed my mind");
    expect(await store.ta.people.displayName("t:cy")).toBeNull();
    await store.close();
  });
});
