import { afterEach, describe, expect, it } from "vitest";
import { createSqliteStore, type SqliteStore } from "../../src/store/sqlite-store.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

let open: SqliteStore[] = [];
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

describe("the banks a course uses, in the SQLite store", () => {
  it("keeps a course's banks in its order, replaces them whole, and forgets them for every bank again", async () => {
    const file = tempDbFile();
    const store = createSqliteStore(file);
    open.push(store);
    await store.courses.ensure("c1", "Course 1");
    await store.courses.ensure("c2", "Course 2");
    expect(await store.courses.banks("c1")).toEqual([]);
    await store.transaction(async (tx) => tx.courses.setBanks("c1", ["quiz1", "midterm", "quiz1"]));
    await store.courses.setBanks("c2", ["final"]);
    expect(await store.courses.banks("c1")).toEqual(["quiz1", "midterm"]);
    await store.courses.setBanks("c1", ["midterm"]);
    expect(await store.courses.banks("c1")).toEqual(["midterm"]);
    // A failed transaction leaves the list as it was.
    await expect(store.transaction(async (tx) => {
      await tx.courses.setBanks("c1", ["final", "quiz1"]);
      throw new Error("rolled back");
    })).rejects.toThrow("rolled back");
    expect(await store.courses.banks("c1")).toEqual(["midterm"]);
    await store.courses.setBanks("c1", []);
    expect(await store.courses.banks("c1")).toEqual([]);
    expect(await store.courses.banks("c2")).toEqual(["final"]);
    // A course must exist before it chooses banks.
    await expect(store.courses.setBanks("nowhere", ["midterm"])).rejects.toThrow(/FOREIGN KEY/);
  });
});
