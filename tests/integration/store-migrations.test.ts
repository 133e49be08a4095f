import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase, readMigrations } from "../../src/store/database.ts";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import { tempDbFile } from "../fakes/temp-files.ts";

describe("the SQLite store", () => {
  it("migrates a file from an older schema version forward, keeping its data", async () => {
    const file = tempDbFile();
    const all = readMigrations();
    const old = openDatabase(file, all.slice(0, 1));
    old.prepare("INSERT INTO courses (id, title, created_at) VALUES ('c', 'Course', 0)").run();
    old.prepare("INSERT INTO users (id, display_name) VALUES ('console:ana', 'ana')").run();
    old.prepare("INSERT INTO enrollments (course_id, user_id, section) VALUES ('c', 'console:ana', 'C247')").run();
    expect(old.pragma("user_version", { simple: true })).toBe(1);
    old.close();

    const store = createSqliteStore(file);
    expect(store.db.pragma("user_version", { simple: true })).toBe(all.at(-1)!.version);
    expect(await store.enrollments.get("c", "console:ana")).toMatchObject({ section: "C247", role: "student", name: "ana" });
    await store.close();
  });

  it("refuses a file from a newer version of the program", () => {
    const file = tempDbFile();
    const db = new Database(file);
    db.pragma("user_version = 999");
    db.close();
    expect(() => createSqliteStore(file)).toThrow(/schema version 999, newer than this program knows/);
  });

  it("uses WAL with full sync, so an acknowledged answer survives a crash", async () => {
    const store = createSqliteStore(tempDbFile());
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("synchronous", { simple: true })).toBe(2);
    await store.close();
  });
});
