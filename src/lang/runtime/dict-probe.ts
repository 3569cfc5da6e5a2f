import { pyHashBig } from './hash.js';
import { hashKey, isEqKey, keysEqual, payItems } from './keys.js';
import type { Py } from './values.js';

/** What find answers when an __eq__ removed the entry it was asked about: the dict looks again, with its index as it is now. */
export const RESTART: unique symbol = Symbol('restart');

/** An entry of the dict, by its normalised key: removed, it is dead, and a lookup that was comparing it starts again. */
interface Entry {
  readonly nk: unknown;
  readonly h: bigint;
  dead: boolean;
}

/**
 * How CPython's dict finds a key among those of its hash, for the dicts that hold (or were
 * asked for) an instance whose class has its own __eq__: the entries of the key's hash in
 * the order they were put (the order CPython's probes meet them in a table no deletion
 * reordered), each first by identity, then by `stored == key`, which is the condition's
 * __eq__ (reflected where the stored key is not an instance). Keys of the builtin types are
 * equal when their normalised keys are, and call nothing. An __eq__ that removes the entry
 * it was asked about, or clears the dict, makes the lookup start again, as CPython's does.
 */
export class Probe {
  /** Each entry, by normalised key. */
  private readonly entries = new Map<unknown, Entry>();
  /** The entries of each hash, in the order they were put. */
  private readonly byHash = new Map<bigint, Entry[]>();
  /** Bumped at every removal: a lookup whose __eq__ removed entries finds its place again. */
  private version = 0;

  /** The index of a table's entries: their keys' hashes, computed once, and paid for. */
  static of(m: Map<unknown, Py>, key: (nk: unknown) => Py): Probe {
    const p = new Probe();
    payItems(m.size * 8);
    for (const nk of m.keys()) p.add(nk, pyHashBig(key(nk)));
    return p;
  }

  copy(): Probe {
    const p = new Probe();
    payItems(this.entries.size * 2);
    for (const e of this.entries.values()) p.add(e.nk, e.h);
    return p;
  }

  add(nk: unknown, h: bigint): void {
    const e: Entry = { nk, h, dead: false };
    this.entries.set(nk, e);
    const list = this.byHash.get(h);
    if (list === undefined) this.byHash.set(h, [e]);
    else list.push(e);
  }

  remove(nk: unknown): void {
    const e = this.entries.get(nk);
    if (e === undefined) return;
    this.entries.delete(nk);
    e.dead = true;
    const list = this.byHash.get(e.h)!;
    // a walk of the entries of one hash, paid for: 100,000 colliding keys are not removed for free
    payItems(list.length);
    list.splice(list.indexOf(e), 1);
    if (list.length === 0) this.byHash.delete(e.h);
    this.version++;
  }

  /** The dict was cleared: every entry is dead. */
  clear(): void {
    for (const e of this.entries.values()) e.dead = true;
    this.version++;
  }

  /** The normalised key of the entry equal to `key` of hash `h`, undefined, or RESTART. */
  find(key: Py, h: bigint, keyOf: (nk: unknown) => Py): unknown {
    const plain = !isEqKey(key);
    let nkOfKey: unknown;
    let list = this.byHash.get(h);
    if (list === undefined) return undefined;
    for (let i = 0; i < list.length; i++) {
      payItems(1);
      const e = list[i];
      const stored = keyOf(e.nk);
      if (stored === key) return e.nk;
      if (plain && !isEqKey(e.nk)) {
        // builtin keys: equal when their normalised keys are
        if (nkOfKey === undefined) nkOfKey = hashKey(key);
        if (e.nk === nkOfKey) return e.nk;
        continue;
      }
      const version = this.version;
      const equal = keysEqual(stored, key);
      if (e.dead) return RESTART;
      if (this.version !== version) {
        // the __eq__ removed other entries: go on from this one
        list = this.byHash.get(h)!;
        i = list.indexOf(e);
      }
      if (equal) return e.nk;
    }
    return undefined;
  }
}
