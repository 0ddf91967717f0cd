interface Entry<V> {
  value: V;
  expiresAt: number;
  /** Read since the eviction sweep last passed it (its second chance). */
  used: boolean;
}

/**
 * A bounded in-process cache with a time limit per entry. Entries leave by age, by eviction when
 * full, or by `delete` when an invalidation arrives; the age limit is only the backstop.
 *
 * Eviction is least-recently-used by "second chance" (CLOCK): a hit only marks its entry, and
 * when the cache is full the sweep walks from the oldest entry, sends marked ones to the back
 * unmarked and evicts the first unmarked one. A key in steady use is never the one evicted, and a
 * hit — the key cache's and the rate limiter's hot path — costs one Map read instead of a delete
 * and a re-insert (which showed in the profile of a warm request, bench/RESULTS.md round 3).
 */
export class TTLCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    entry.used = true;
    return entry.value;
  }

  set(key: K, value: V, ttlMs: number = this.ttlMs): void {
    // Setting a key again makes it the newest (deleted and re-inserted); only a new key can evict.
    if (!this.entries.delete(key) && this.entries.size >= this.maxEntries) this.evictOne();
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs, used: false });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Drops every entry whose value matches (e.g. all keys of one workspace). */
  deleteWhere(predicate: (value: V, key: K) => boolean): void {
    for (const [key, entry] of this.entries) if (predicate(entry.value, key)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private evictOne(): void {
    const now = this.now();
    // Maps iterate in insertion order, and an entry re-inserted during the walk is visited again
    // after the others: when every entry was used, the first one comes round unmarked and goes.
    for (const [key, entry] of this.entries) {
      this.entries.delete(key);
      if (!entry.used || entry.expiresAt <= now) return;
      entry.used = false;
      this.entries.set(key, entry);
    }
  }
}
