interface Entry<V> {
  value: V;
  /** What the entry is taken to cost, in the unit of maxWeight (bytes for the compile cache). */
  weight: number;
  /** Set on every hit; eviction spares an entry once and clears the bit (second chance). */
  used: boolean;
}

/**
 * A bounded cache that forgets entries not used lately: the CLOCK (second-chance)
 * approximation of LRU. A hit only sets a flag, so the hot path neither changes the map
 * nor allocates; the cost is paid on eviction. Bounded both in entries and in total weight.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, Entry<V>>();
  private total = 0;
  constructor(
    readonly capacity: number,
    private maxWeight = Infinity,
  ) {}

  /** Holds the cache at the weight it has now, or less: from here on, an entry kept evicts others. */
  capAtCurrentWeight(): void {
    this.maxWeight = Math.min(this.maxWeight, this.total);
  }

  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    e.used = true;
    return e.value;
  }

  /** Keeps value under key, evicting others to make room; a value heavier than the whole cache is not kept. */
  set(key: K, value: V, weight = 0): void {
    const existing = this.map.get(key);
    if (existing !== undefined) {
      // taken out while room is made, so that eviction cannot pick it
      this.map.delete(key);
      this.total -= existing.weight;
    }
    if (weight > this.maxWeight) return;
    while (this.map.size > 0 && (this.map.size >= this.capacity || this.total + weight > this.maxWeight)) this.evictOne();
    this.map.set(key, { value, weight, used: existing !== undefined });
    this.total += weight;
  }

  private evictOne(): void {
    for (const [k, e] of this.map) {
      this.map.delete(k);
      if (!e.used) {
        this.total -= e.weight;
        return;
      }
      // recently used: spare it once, at the back of the queue
      e.used = false;
      this.map.set(k, e);
    }
  }

  get size(): number {
    return this.map.size;
  }

  /** The total weight of the entries kept. */
  get weight(): number {
    return this.total;
  }
}
