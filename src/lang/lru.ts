interface Entry<V> {
  value: V;
  /** Set on every hit; eviction spares an entry once and clears the bit (second chance). */
  used: boolean;
}

/**
 * A bounded cache that forgets entries not used lately: the CLOCK (second-chance)
 * approximation of LRU. A hit only sets a flag, so the hot path neither changes the map
 * nor allocates; the cost is paid on eviction.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, Entry<V>>();
  constructor(readonly capacity: number) {}

  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    e.used = true;
    return e.value;
  }

  set(key: K, value: V): void {
    const existing = this.map.get(key);
    if (existing !== undefined) {
      existing.value = value;
      existing.used = true;
      return;
    }
    while (this.map.size >= this.capacity) this.evictOne();
    this.map.set(key, { value, used: false });
  }

  private evictOne(): void {
    for (const [k, e] of this.map) {
      this.map.delete(k);
      if (!e.used) return;
      // recently used: spare it once, at the back of the queue
      e.used = false;
      this.map.set(k, e);
    }
  }

  get size(): number {
    return this.map.size;
  }
}
