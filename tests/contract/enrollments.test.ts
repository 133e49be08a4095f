import { expect, it } from "vitest";
import { enrolled } from "./records.ts";
import { describeStores } from "./stores.ts";

describeStores("enrollments and courses", (db) => {
  it("enrolls a student with their name, keeps the section when none is given, and changes it when one is", async () => {
    const store = await db.open();
    await enrolled(store, "u:ana", "Ana", "C247");
    expect(await store.enrollments.get("c", "u:ana")).toEqual({ course: "c", user: "u:ana", name: "Ana", section: "C247", role: "student", studentId: null });
    expect(await store.enrollments.enroll("c", "u:ana", null)).toMatchObject({ section: "C247" });
    expect(await store.enrollments.enroll("c", "u:ana", "C147")).toMatchObject({ section: "C147", role: "student" });
    expect(await store.enrollments.get("c", "u:ben")).toBeNull();
    expect(await store.enrollments.get("other", "u:ana")).toBeNull();
  });

  it("sets a role, enrolling the person when needed, and keeps their section", async () => {
    const store = await db.open();
    await enrolled(store, "u:ana", "Ana", "C247");
    await store.enrollments.upsertUser("u:tara", "Tara");
    await store.enrollments.setRole("c", "u:tara", "ta");
    expect(await store.enrollments.get("c", "u:tara")).toMatchObject({ role: "ta", section: null });
    await store.enrollments.setRole("c", "u:ana", "ta");
    expect(await store.enrollments.get("c", "u:ana")).toMatchObject({ role: "ta", section: "C247" });
    // Enrolling in a section later keeps the role.
    expect(await store.enrollments.enroll("c", "u:tara", "C147")).toMatchObject({ role: "ta", section: "C147" });
    await store.enrollments.setRole("c", "u:ana", "student");
    expect(await store.enrollments.get("c", "u:ana")).toMatchObject({ role: "student" });
  });

  it("keeps the SID a student gave, and the latest display name of a person", async () => {
    const store = await db.open();
    await enrolled(store, "u:ana", "Ana");
    await store.enrollments.setStudentId("c", "u:ana", "905123456");
    await store.enrollments.upsertUser("u:ana", "Ana María");
    expect(await store.enrollments.get("c", "u:ana")).toMatchObject({ name: "Ana María", studentId: "905123456" });
    expect(await store.ta.people.displayName("u:ana")).toBe("Ana María");
    expect(await store.ta.people.displayName("u:nobody")).toBeNull();
    // A person known by name need not be enrolled anywhere.
    await store.enrollments.upsertUser("u:visitor", "Vi");
    expect(await store.ta.people.displayName("u:visitor")).toBe("Vi");
  });

  it("lists a course's people by display name, and only that course's", async () => {
    const store = await db.open();
    for (const [user, name] of [["u:3", "cy"], ["u:1", "ana"], ["u:2", "ben"]] as const) await enrolled(store, user, name, "C247");
    await store.courses.ensure("other", "Other");
    await store.enrollments.upsertUser("u:4", "dee");
    await store.enrollments.enroll("other", "u:4", null);
    expect((await store.enrollments.list("c")).map((e) => e.name)).toEqual(["ana", "ben", "cy"]);
    expect((await store.enrollments.list("other")).map((e) => e.user)).toEqual(["u:4"]);
    expect(await store.enrollments.list("nowhere")).toEqual([]);
  });

  it("keeps a course's chosen banks in order, once each, and goes back to every bank when given none", async () => {
    const store = await db.open();
    await store.courses.ensure("c", "Course");
    await store.courses.ensure("c", "Another title"); // a second ensure changes nothing
    expect(await store.courses.banks("c")).toEqual([]);
    await store.courses.setBanks("c", ["quiz1", "midterm", "quiz1", "final"]);
    expect(await store.courses.banks("c")).toEqual(["quiz1", "midterm", "final"]);
    await store.courses.setBanks("c", ["midterm"]);
    expect(await store.courses.banks("c")).toEqual(["midterm"]);
    await store.courses.setBanks("c", []);
    expect(await store.courses.banks("c")).toEqual([]);
  });

  it("refuses banks for a course that does not exist, and leaves nothing behind", async () => {
    const store = await db.open();
    await expect(store.courses.setBanks("ghost", ["midterm"])).rejects.toThrow();
    expect(await store.courses.banks("ghost")).toEqual([]);
  });

  it("stands a transaction's writes together: all of them, or none when its work fails", async () => {
    const store = await db.open();
    await store.courses.ensure("c", "Course");
    await expect(store.transaction(async (tx) => {
      await tx.enrollments.upsertUser("u:ana", "Ana");
      await tx.enrollments.enroll("c", "u:ana", "C247");
      throw new Error("changed my mind");
    })).rejects.toThrow("changed my mind");
    expect(await store.ta.people.displayName("u:ana")).toBeNull();
    expect(await store.enrollments.list("c")).toEqual([]);
    const enrollment = await store.commit(async (tx) => {
      await tx.enrollments.upsertUser("u:ana", "Ana");
      return tx.enrollments.enroll("c", "u:ana", "C247");
    });
    expect(enrollment).toMatchObject({ name: "Ana", section: "C247" });
    expect(await (await db.another()).enrollments.get("c", "u:ana")).toEqual(enrollment);
  });

  it("refuses the store's own repositories inside a transaction instead of waiting for itself", async () => {
    const store = await db.open();
    await expect(store.transaction(async () => {
      await store.enrollments.upsertUser("t:ana", "ana");
    })).rejects.toThrow(/use the repositories it hands its work/);
    await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(/cannot start inside another/);
    expect(await store.ta.people.displayName("t:ana")).toBeNull();
  });
});
