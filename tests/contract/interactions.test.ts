import { expect, it } from "vitest";
import { describeStores } from "./stores.ts";

const reply = (text: string) => JSON.stringify({ blocks: [{ kind: "text", text }], visibility: "private" });
/** The remembered reply, parsed: an engine may keep JSON in its own spelling (spaces, key order). */
const parsed = (json: string | null) => (json === null ? null : (JSON.parse(json) as unknown));

describeStores("remembered replies to platform deliveries", (db) => {
  it("answers a retried delivery with the reply remembered first", async () => {
    const store = await db.open();
    expect(await store.interactions.find("d-1")).toBeNull();
    await store.interactions.remember("d-1", reply("4/5 ✓ $x^2$"), new Date("2026-11-28T10:00:00Z"));
    await store.interactions.remember("d-1", reply("a second answer"), new Date("2026-11-28T10:00:01Z"));
    expect(parsed(await store.interactions.find("d-1"))).toEqual(parsed(reply("4/5 ✓ $x^2$")));
    expect(await store.interactions.find("d-2")).toBeNull();
  });

  it("forgets remembered replies older than the cut-off, and only those", async () => {
    const store = await db.open();
    await store.interactions.remember("old", "{}", new Date("2026-11-01T00:00:00Z"));
    await store.interactions.remember("new", "{}", new Date("2026-11-28T00:00:00Z"));
    await store.interactions.remember("edge", "{}", new Date("2026-11-27T00:00:00Z"));
    expect(await store.interactions.prune(new Date("2026-11-27T00:00:00Z"))).toBe(1);
    expect(await store.interactions.find("old")).toBeNull();
    expect(parsed(await store.interactions.find("new"))).toEqual({});
    expect(parsed(await store.interactions.find("edge"))).toEqual({});
    expect(await store.interactions.prune(new Date("2026-11-27T00:00:00Z"))).toBe(0);
  });

  it("keeps one reply when two stores (two processes) remember the same delivery at once", async () => {
    const one = await db.open();
    const two = await db.another();
    const at = new Date("2026-11-28T10:00:00Z");
    await Promise.all(Array.from({ length: 20 }, (_, i) => [one, two].map((s, n) => s.interactions.remember(`d-${i}`, reply(`from ${n}`), at))).flat());
    for (let i = 0; i < 20; i += 1) {
      const seen = (await Promise.all([one, two].map((s) => s.interactions.find(`d-${i}`)))).map(parsed);
      expect(seen[0]).toEqual(seen[1]);
      expect([parsed(reply("from 0")), parsed(reply("from 1"))]).toContainEqual(seen[0]);
    }
  });

  it("lets one process claim a delivery before its work; the reply is unseen until remembered", async () => {
    const store = await db.open();
    const at = new Date("2026-11-28T10:00:00Z");
    const stale = new Date(at.getTime() - 30_000);
    expect(await store.interactions.claim("d-1", at, stale)).toBe(true);
    expect(await store.interactions.claim("d-1", new Date(at.getTime() + 1000), stale)).toBe(false);
    expect(await store.interactions.find("d-1")).toBeNull();
    await store.interactions.remember("d-1", reply("5/5"), new Date(at.getTime() + 2000));
    expect(parsed(await store.interactions.find("d-1"))).toEqual(parsed(reply("5/5")));
    // Answered: never claimed again, however old.
    expect(await store.interactions.claim("d-1", new Date(at.getTime() + 3_600_000), new Date(at.getTime() + 3_000_000))).toBe(false);
  });

  it("hands a claim whose process stopped mid-work to another once it is stale", async () => {
    const store = await db.open();
    const at = new Date("2026-11-28T10:00:00Z");
    expect(await store.interactions.claim("d-1", at, new Date(at.getTime() - 30_000))).toBe(true);
    const later = new Date(at.getTime() + 10_000);
    expect(await store.interactions.claim("d-1", later, new Date(later.getTime() - 30_000))).toBe(false);
    const muchLater = new Date(at.getTime() + 60_000);
    expect(await store.interactions.claim("d-1", muchLater, new Date(muchLater.getTime() - 30_000))).toBe(true);
  });

  it("gives each delivery to exactly one of two stores (two processes) claiming it at once", async () => {
    const one = await db.open();
    const two = await db.another();
    const at = new Date("2026-11-28T10:00:00Z");
    const stale = new Date(at.getTime() - 30_000);
    const won = await Promise.all(Array.from({ length: 40 }, (_, i) => Promise.all([one, two].map((s) => s.interactions.claim(`d-${i}`, at, stale)))));
    for (const pair of won) expect(pair.filter(Boolean)).toHaveLength(1);
  });
});
