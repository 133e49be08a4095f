// An in-memory cache for rendered images, bounded by entry count and by total bytes (lru-cache).
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";

/**
 * A least-recently-used cache of Buffers, evicting beyond either bound. An image larger than the
 * whole byte bound is not kept (it is rendered again when asked for).
 */
export function bufferCache(maxEntries: number, maxBytes: number): LRUCache<string, Buffer> {
  return new LRUCache<string, Buffer>({ max: maxEntries, maxSize: maxBytes, sizeCalculation: (b) => Math.max(1, b.length) });
}

/** A cache key for a render request: a hash, so huge inputs do not become huge keys. */
export function cacheKey(kind: string, input: string, options: object): string {
  return createHash("sha256").update(JSON.stringify([kind, input, options])).digest("base64url");
}
