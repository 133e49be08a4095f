import { expect, it } from "vitest";
import type { Reply } from "../../src/core/chat/reply.ts";
import { at } from "./records.ts";
import { describeStores } from "./stores.ts";

const note = (text: string): Reply => ({ blocks: [{ kind: "text", text }] });

/** Claims older than this are taken for a dead process's in these tests. */
const STALE = at(-2);

describeStores("deliveries and their claims", (db) => {
  it("keeps a delivery's reply as written, attachments left out, and lists what waits oldest first", async () => {
    const store = await db.open();
    const reply: Reply = {
      blocks: [
        { kind: "heading", text: "Time ran out" }, { kind: "list", items: ["1a", "$x^2$"] },
        { kind: "fields", fields: [{ name: "Total", value: "40/100" }] },
        { kind: "table", columns: [{ header: "Q" }, { header: "Score", align: "right" }], rows: [["1a", "5/5"]] },
        { kind: "quote", text: "what she typed" }, { kind: "code", text: "z = W x" },
      ],
      buttons: [{ label: "Status", style: "primary", action: { command: "exam", options: { action: "status" } } }],
      data: { exam: { report: true, session: 7, score: 40 } },
      images: [{ name: "h.png", alt: "histogram", png: Buffer.from([1, 2, 3]) }],
      files: [{ name: "grades.csv", contentType: "text/csv", data: Buffer.from("a,b") }],
    };
    const first = await store.deliveries.enqueue("c", { user: "u:ana" }, reply, at(1));
    const second = await store.deliveries.enqueue("c", { channel: "announcements" }, note("Review at 5pm"), at(2));
    const { images: _images, files: _files, ...kept } = reply;
    expect(await store.deliveries.pending(STALE, 0, 10)).toEqual([
      { id: first, course: "c", to: { user: "u:ana" }, reply: kept, createdAt: at(1) },
      { id: second, course: "c", to: { channel: "announcements" }, reply: note("Review at 5pm"), createdAt: at(2) },
    ]);
  });

  it("pages through what waits, after an id and a page at a time", async () => {
    const store = await db.open();
    const ids = [];
    for (let i = 0; i < 5; i += 1) ids.push(await store.deliveries.enqueue(i % 2 ? "c" : "other", { user: `u:${i}` }, note(`#${i}`), at(i)));
    expect((await store.deliveries.pending(STALE, 0, 2)).map((d) => d.id)).toEqual(ids.slice(0, 2));
    expect((await store.deliveries.pending(STALE, ids[1]!, 2)).map((d) => d.id)).toEqual(ids.slice(2, 4));
    expect((await store.deliveries.pending(STALE, ids[4]!, 2))).toEqual([]);
  });

  it("lets one claimant hold a delivery until it is delivered, or until the claim is stale", async () => {
    const store = await db.open();
    const id = await store.deliveries.enqueue("c", { user: "u:ana" }, note("hello"), at());
    expect(await store.deliveries.claim(id, "p1", at(), STALE)).toBe(true);
    expect(await store.deliveries.claim(id, "p2", at(), STALE)).toBe(false);
    expect(await store.deliveries.pending(STALE, 0, 10)).toEqual([]);
    // Two minutes on, p1 is taken for dead: its claim can be taken.
    const later = at(3);
    expect((await store.deliveries.pending(at(1), 0, 10)).map((d) => d.id)).toEqual([id]);
    expect(await store.deliveries.claim(id, "p2", later, at(1))).toBe(true);
    await store.deliveries.delivered(id, later);
    expect(await store.deliveries.pending(at(10), 0, 10)).toEqual([]);
    expect(await store.deliveries.claim(id, "p3", at(20), at(10))).toBe(false);
  });

  it("takes back a delivery the platform refused, and gives it up after five refusals", async () => {
    const store = await db.open();
    const id = await store.deliveries.enqueue("c", { channel: "gone" }, note("hello"), at());
    for (let refusal = 1; refusal <= 5; refusal += 1) {
      expect(await store.deliveries.claim(id, "p1", at(refusal), STALE)).toBe(true);
      await store.deliveries.release(id);
      expect((await store.deliveries.pending(STALE, 0, 10)).map((d) => d.id)).toEqual(refusal < 5 ? [id] : []);
    }
    expect(await store.deliveries.claim(id, "p1", at(9), STALE)).toBe(false);
  });

  it("never takes back a delivery that was delivered", async () => {
    const store = await db.open();
    const id = await store.deliveries.enqueue("c", { user: "u:ana" }, note("hello"), at());
    await store.deliveries.claim(id, "p1", at(), STALE);
    await store.deliveries.delivered(id, at(1));
    await store.deliveries.release(id);
    expect(await store.deliveries.pending(at(100), 0, 10)).toEqual([]);
  });

  it("gives each delivery to exactly one of two stores (two processes) claiming everything at once", async () => {
    const one = await db.open();
    const two = await db.another();
    const ids: number[] = [];
    for (let i = 0; i < 100; i += 1) ids.push(await one.deliveries.enqueue("c", { user: `u:${i}` }, note(`#${i}`), at()));
    const claims = await Promise.all(ids.flatMap((id) => [one, two].map(async (store, n) => ((await store.deliveries.claim(id, `p${n}`, at(1), STALE)) ? id : null))));
    const taken = claims.filter((id): id is number => id !== null);
    expect(taken.sort((a, b) => a - b)).toEqual(ids);
    expect(await two.deliveries.pending(STALE, 0, 200)).toEqual([]);
  });
});
