import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { immediately } from "../../src/store/database.ts";
import { createGroupCommit } from "../../src/store/group-commit.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

/** A file whose `answers` rows must name a student, checked only at COMMIT (a deferred key). */
function openDeferredKeys() {
  const db = new Database(tempDbFile());
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.exec(`CREATE TABLE students (id TEXT PRIMARY KEY);
    CREATE TABLE answers (student TEXT REFERENCES students(id) DEFERRABLE INITIALLY DEFERRED, text TEXT);
    INSERT INTO students VALUES ('ana'), ('bo');`);
  let transactions = 0;
  const transaction = <T>(work: () => Promise<T>): Promise<T> => {
    transactions += 1;
    return immediately(db, work);
  };
  return { db, transaction, transactions: () => transactions };
}

describe("group commit when a batch fails as a whole", () => {
  it("retries each write alone, so only the one at fault fails", async () => {
    const { db, transaction, transactions } = openDeferredKeys();
    const group = createGroupCommit(db, transaction, db);
    const insert = (student: string) => group.commit(async (tx) => tx.prepare("INSERT INTO answers VALUES (?, ?)").run(student, `from ${student}`).changes);
    // The unknown student's row passes its savepoint and breaks the whole batch's COMMIT.
    const results = await Promise.allSettled([insert("ana"), insert("nobody"), insert("bo")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(db.prepare("SELECT student FROM answers ORDER BY student").pluck().all()).toEqual(["ana", "bo"]);
    // One batch, then one transaction per write.
    expect(transactions()).toBe(4);
    db.close();
  });

  it("fails a batch of one write with its own error, without a second try", async () => {
    const { db, transaction, transactions } = openDeferredKeys();
    const group = createGroupCommit(db, transaction, db);
    await expect(group.commit(async (tx) => tx.prepare("INSERT INTO answers VALUES ('nobody', 'x')").run())).rejects.toThrow(/FOREIGN KEY/);
    expect(transactions()).toBe(1);
    db.close();
  });
});
