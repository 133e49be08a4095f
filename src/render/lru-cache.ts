// A small in-memory LRU for rendered images: bounded by entry count and by total bytes.
import { createHash } from "node:crypto";

/** Least-recently-used map from string keys to Buffers, evicting beyond either bound. */
export class LruBufferCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxEntries = 256, private readonly maxBytes = 32 * 1024 * 1024) {}

  /** The cached value, marked as most recently used. */
  get(key: string): Buffer | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order: re-inserting moves the key to the "newest" end.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Store a value, evicting the least recently used entries while over a bound. */
  set(key: string, value: Buffer): void {
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.bytes -= previous.length;
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.bytes += value.length;
    for (const [oldest, buffer] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      if (oldest === key) break; // never evict what was just stored
      this.entries.delete(oldest);
      this.bytes -= buffer.length;
    }
  }

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** Drop everything (tests and benchmarks use this to measure cold renders). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

/** A cache key for a render request: a hash, so huge inputs do not become huge keys. */
export function cacheKey(kind: string, input: string, options: object): string {
  return createHash("sha256").update(JSON.stringify([kind, input, options])).digest("base64url");
}
