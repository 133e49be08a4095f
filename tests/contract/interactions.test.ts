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
});
