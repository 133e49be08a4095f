import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createGroupCommit } from "../../src/store/group-commit.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

function table() {
  const file = tempDbFile();
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (v INTEGER NOT NULL)");
  return { db, file };
}

describe("group commit", () => {
  it("stores every write queued in one turn, and undoes only the one that failed", async () => {
    const { db, file } = table();
    const { commit } = createGroupCommit(db);
    const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
    const results = await Promise.allSettled([1, 2, 3].map((v) => commit(() => {
      insert.run(v);
      if (v === 2) throw new Error("late answer");
      return v;
    })));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    db.close();
    const reopened = new Database(file);
    expect(reopened.prepare("SELECT v FROM t ORDER BY v").pluck().all()).toEqual([1, 3]);
    reopened.close();
  });

  it("resolves only after the commit, and flush commits what is queued before a close", async () => {
    const { db, file } = table();
    const group = createGroupCommit(db);
    let settled = false;
    const pending = group.commit(() => db.prepare("INSERT INTO t (v) VALUES (7)").run()).then(() => (settled = true));
    expect(settled).toBe(false);
    group.flush();
    db.close();
    await pending;
    const reopened = new Database(file);
    expect(reopened.prepare("SELECT count(*) FROM t").pluck().get()).toBe(1);
    reopened.close();
  });
});
