import { describe, expect, it } from "vitest";
import { bufferCache, cacheKey } from "../../../src/render/lru-cache.ts";

describe("the rendered-image cache", () => {
  it("evicts the least recently used entry beyond the entry bound", () => {
    const cache = bufferCache(2, 1000);
    cache.set("a", Buffer.from("a"));
    cache.set("b", Buffer.from("b"));
    cache.get("a");
    cache.set("c", Buffer.from("c"));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.toString()).toBe("a");
    expect(cache.size).toBe(2);
  });

  it("evicts beyond the byte bound, and keeps nothing larger than the bound", () => {
    const cache = bufferCache(10, 8);
    cache.set("a", Buffer.alloc(5));
    cache.set("b", Buffer.alloc(5));
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBeDefined();
    cache.set("huge", Buffer.alloc(100));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.calculatedSize).toBeLessThanOrEqual(8);
  });

  it("keys differ by kind, input and options", () => {
    const key = cacheKey("latex", "x", { scale: 2 });
    expect(cacheKey("latex", "x", { scale: 2 })).toBe(key);
    expect(cacheKey("latex", "x", { scale: 3 })).not.toBe(key);
    expect(cacheKey("text", "x", { scale: 2 })).not.toBe(key);
  });
});
