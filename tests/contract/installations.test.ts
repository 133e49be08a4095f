import { expect, it } from "vitest";
import { describeStores } from "./stores.ts";

const team = (id: string) => ({ kind: "team" as const, id });
const enterprise = (id: string) => ({ kind: "enterprise" as const, id });

describeStores("installations", (db) => {
  it("saves, fetches and deletes an installation by workspace", async () => {
    const store = await db.open();
    expect(await store.installations.fetch(team("T1"))).toBeNull();
    await store.installations.save(team("T1"), "sealed-1", new Date("2026-12-01T10:00:00Z"));
    expect(await store.installations.fetch(team("T1"))).toBe("sealed-1");
    expect(await store.installations.fetch(team("T2"))).toBeNull();
    expect(await store.installations.delete(team("T1"))).toBe(true);
    expect(await store.installations.fetch(team("T1"))).toBeNull();
    expect(await store.installations.delete(team("T1"))).toBe(false);
  });

  it("replaces an installation saved again (the app installed once more)", async () => {
    const store = await db.open();
    await store.installations.save(team("T1"), "old", new Date("2026-12-01T10:00:00Z"));
    await store.installations.save(team("T1"), "new", new Date("2026-12-01T11:00:00Z"));
    expect(await store.installations.fetch(team("T1"))).toBe("new");
  });

  it("keeps a workspace and an organisation of the same id apart", async () => {
    const store = await db.open();
    await store.installations.save(team("X1"), "workspace", new Date("2026-12-01T10:00:00Z"));
    await store.installations.save(enterprise("X1"), "organisation", new Date("2026-12-01T10:00:00Z"));
    expect(await store.installations.fetch(team("X1"))).toBe("workspace");
    expect(await store.installations.fetch(enterprise("X1"))).toBe("organisation");
    expect(await store.installations.delete(enterprise("X1"))).toBe(true);
    expect(await store.installations.fetch(team("X1"))).toBe("workspace");
  });

  it("shows an installation saved by one process to another, and in a transaction only once it commits", async () => {
    const one = await db.open();
    const two = await db.another();
    await one.transaction(async (tx) => {
      await tx.installations.save(team("T9"), "sealed", new Date("2026-12-01T10:00:00Z"));
      expect(await tx.installations.fetch(team("T9"))).toBe("sealed");
    });
    expect(await two.installations.fetch(team("T9"))).toBe("sealed");
    await expect(one.transaction(async (tx) => {
      await tx.installations.save(team("T8"), "lost", new Date("2026-12-01T10:00:00Z"));
      throw new Error("rolled back");
    })).rejects.toThrow("rolled back");
    expect(await two.installations.fetch(team("T8"))).toBeNull();
  });
});
