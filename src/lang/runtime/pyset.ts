import { pyHash, type Hash64 } from './hash.js';
import { hashKey, isEqKey, keysEqual, payItems, setHoldsEqMembers } from './keys.js';
import type { Py } from './values.js';

const MIN_SIZE = 8;
const LINEAR_PROBES = 9;
/** The key of a slot whose member was removed; an empty slot's key is undefined. */
const DUMMY = Symbol('dummy');
/** Where a member's hash is computed before it is placed. */
const scratch: Hash64 = { hi: 0, lo: 0 };

/**
 * A Python set, laid out in a table exactly as CPython's setobject.c lays it out (the
 * first probe at hash & mask, then linear probes and perturbation, dummies left by
 * removals, the same resize points), so that it iterates, prints and converts to a list
 * in CPython's order. Members are found through `index` (normalised key -> slot), so a
 * lookup is one Map read; only adding a member walks the table.
 */
export class PySet {
  private index = new Map<unknown, number>();
  private keys: unknown[] = new Array(MIN_SIZE);
  private members: Py[] = new Array(MIN_SIZE);
  /** Each slot's hash, as uint32 halves. */
  private hashHi: number[] = new Array(MIN_SIZE);
  private hashLo: number[] = new Array(MIN_SIZE);
  private mask = MIN_SIZE - 1;
  /** Slots ever used since the last resize: members and dummies. */
  private fill = 0;
  /** Where pop() looks first. */
  private finger = 0;
  /**
   * How many members are instances told apart by their class's __eq__ (keys.ts isEqKey), each
   * filed under itself: while any is, or for such a value, a lookup walks the table as
   * set_lookkey does, calling __eq__ on the members of the same hash it meets.
   */
  private eqStored = 0;

  get size(): number {
    return this.index.size;
  }

  /** Whether a member is told apart by __eq__ (a frozenset holding one is, as a key, keys.ts). */
  get holdsEqKeys(): boolean {
    return this.eqStored > 0;
  }

  has(v: Py): boolean {
    if (this.eqStored === 0 && !isEqKey(v)) return this.index.has(hashKey(v));
    pyHash(v, scratch);
    return this.lookup(v, scratch.hi, scratch.lo) >= 0;
  }

  /** Whether a member of another set (its key, value and hash) is one of this set's: by its key, or probed for as has() does. */
  hasEntry(nk: unknown, v: Py, hi: number, lo: number): boolean {
    if (this.eqStored === 0 && !isEqKey(nk)) return this.index.has(nk);
    return this.lookup(v, hi, lo) >= 0;
  }

  /** Removes a member of another set from this one, found as hasEntry finds it: whether it was one. */
  discardEntry(nk: unknown, v: Py, hi: number, lo: number): boolean {
    if (this.eqStored === 0 && !isEqKey(nk)) return this.discardKey(nk);
    const slot = this.lookup(v, hi, lo);
    return slot >= 0 && this.discardKey(this.keys[slot]);
  }

  /** set_add_key */
  add(v: Py): void {
    if (this.eqStored === 0 && !isEqKey(v)) {
      const nk = hashKey(v);
      if (this.index.has(nk)) return;
      pyHash(v, scratch);
      this.insert(nk, v, scratch.hi, scratch.lo);
      return;
    }
    pyHash(v, scratch);
    this.addEntry(isEqKey(v) ? v : hashKey(v), v, scratch.hi, scratch.lo);
  }

  /** set_add_entry, for a member whose key and hash are known (from another set). */
  addEntry(nk: unknown, v: Py, hi: number, lo: number): void {
    const eq = isEqKey(nk);
    if (this.eqStored === 0 && !eq) {
      if (!this.index.has(nk)) this.insert(nk, v, hi, lo);
      return;
    }
    if (this.lookup(v, hi, lo) >= 0) return;
    this.insert(nk, v, hi, lo);
    if (eq) this.eqStored++;
  }

  /** set_discard_key: whether v was a member. */
  discard(v: Py): boolean {
    if (this.eqStored === 0 && !isEqKey(v)) return this.discardKey(hashKey(v));
    pyHash(v, scratch);
    const slot = this.lookup(v, scratch.hi, scratch.lo);
    return slot >= 0 && this.discardKey(this.keys[slot]);
  }

  discardKey(nk: unknown): boolean {
    const slot = this.index.get(nk);
    if (slot === undefined) return false;
    if (isEqKey(nk)) this.eqStored--;
    this.index.delete(nk);
    this.keys[slot] = DUMMY;
    this.members[slot] = undefined;
    return true;
  }

  /** set_clear_internal: back to an empty small table (pop's finger stays). */
  clear(): void {
    this.index.clear();
    this.keys = new Array(MIN_SIZE);
    this.members = new Array(MIN_SIZE);
    this.hashHi = new Array(MIN_SIZE);
    this.hashLo = new Array(MIN_SIZE);
    this.mask = MIN_SIZE - 1;
    this.fill = 0;
    this.eqStored = 0;
  }

  /**
   * set_lookkey: the slot of the member equal to v (of hash hi:lo), or -1. The members of
   * its hash met on the probe walk are compared, by identity, by their normalised keys where
   * neither is told apart by __eq__, else by `member == v`; an __eq__ that changed the table
   * (a resize, a removal of that member) makes the walk start again, as CPython's does.
   */
  private lookup(v: Py, hi: number, lo: number): number {
    let nkOfV: unknown;
    const plain = !isEqKey(v);
    restart: for (;;) {
      const mask = this.mask;
      let i = lo & mask;
      let pHi = hi;
      let pLo = lo;
      for (;;) {
        let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        let j = i;
        do {
          const k = this.keys[j];
          if (k === undefined) return -1;
          if (k !== DUMMY && this.hashLo[j] === lo && this.hashHi[j] === hi) {
            payItems(1);
            const member = this.members[j];
            if (member === v) return j;
            if (plain && !isEqKey(k)) {
              if (nkOfV === undefined) nkOfV = hashKey(v);
              if (k === nkOfV) return j;
            } else {
              const table = this.keys;
              const equal = keysEqual(member, v);
              if (table !== this.keys || this.keys[j] !== k) continue restart;
              if (equal) return j;
            }
          }
          j++;
        } while (probes-- > 0);
        pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
        pHi >>>= 5;
        i = (i * 5 + 1 + (pLo & mask)) & mask;
      }
    }
  }

  /** set_pop: the first member from the finger on, wrapping; undefined when empty. */
  pop(): Py | undefined {
    if (this.index.size === 0) return undefined;
    let i = this.finger & this.mask;
    while (this.keys[i] === undefined || this.keys[i] === DUMMY) i = i === this.mask ? 0 : i + 1;
    const v = this.members[i];
    this.discardKey(this.keys[i]);
    this.finger = i + 1;
    return v;
  }

  /** The members in table order: CPython's iteration order. */
  values(): Py[] {
    const out: Py[] = [];
    for (let i = 0; i <= this.mask; i++) if (this.keys[i] !== undefined && this.keys[i] !== DUMMY) out.push(this.members[i]);
    return out;
  }

  /** Each member's hash halves, for a walk that reads only them (frozenset_hash): no entry made a member. */
  eachHash(f: (hi: number, lo: number) => void): void {
    for (let i = 0; i <= this.mask; i++) {
      const nk = this.keys[i];
      if (nk !== undefined && nk !== DUMMY) f(this.hashHi[i], this.hashLo[i]);
    }
  }

  /** Each member with its normalised key and hash halves, in table order, from a snapshot of the table. */
  entries(): [nk: unknown, v: Py, hi: number, lo: number][] {
    const out: [unknown, Py, number, number][] = [];
    for (let i = 0; i <= this.mask; i++) {
      const nk = this.keys[i];
      if (nk !== undefined && nk !== DUMMY) out.push([nk, this.members[i], this.hashHi[i], this.hashLo[i]]);
    }
    return out;
  }

  /** A new set with this one's members: make_new_set(set), which merges. */
  copy(): PySet {
    const out = new PySet();
    out.merge(this);
    return out;
  }

  /** set_merge: this |= other, with CPython's fast paths into an empty table. */
  merge(other: PySet): void {
    if (other === this || other.size === 0) return;
    if ((this.fill + other.size) * 5 >= this.mask * 3) this.resize((this.size + other.size) * 2);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.size) {
      // same size, no dummies: the very same layout
      this.keys = other.keys.slice();
      this.members = other.members.slice();
      this.hashHi = other.hashHi.slice();
      this.hashLo = other.hashLo.slice();
      this.index = new Map(other.index);
      this.fill = other.fill;
      this.eqStored = other.eqStored;
      return;
    }
    if (this.fill === 0) {
      for (let i = 0; i <= other.mask; i++) {
        const nk = other.keys[i];
        if (nk !== undefined && nk !== DUMMY) this.insertClean(nk, other.members[i], other.hashHi[i], other.hashLo[i]);
      }
      this.fill = other.size;
      this.eqStored = other.eqStored;
      return;
    }
    for (const [nk, v, hi, lo] of other.entries()) this.addEntry(nk, v, hi, lo);
  }

  /** The dict branch of set_update_internal: one resize up front, then the keys in order. */
  reserve(count: number): void {
    if ((this.fill + count) * 5 >= this.mask * 3) this.resize((this.size + count) * 2);
  }

  /** The end of set_difference_update_internal: resize away dummies when more than a quarter. */
  purgeDummies(): void {
    if (this.fill - this.size > Math.floor(this.mask / 4)) this.resize(this.size > 50000 ? this.size * 2 : this.size * 4);
  }

  /** set_swap_bodies: each set takes the other's members and layout. */
  swap(other: PySet): void {
    [this.index, other.index] = [other.index, this.index];
    [this.keys, other.keys] = [other.keys, this.keys];
    [this.members, other.members] = [other.members, this.members];
    [this.hashHi, other.hashHi] = [other.hashHi, this.hashHi];
    [this.hashLo, other.hashLo] = [other.hashLo, this.hashLo];
    [this.mask, other.mask] = [other.mask, this.mask];
    [this.fill, other.fill] = [other.fill, this.fill];
    [this.eqStored, other.eqStored] = [other.eqStored, this.eqStored];
  }

  /** set_add_entry for a key known to be absent: the probe walk, a dummy reused, a resize. */
  private insert(nk: unknown, v: Py, hi: number, lo: number): void {
    const mask = this.mask;
    let i = lo & mask;
    // perturb: the hash as an unsigned 64-bit number, shifted right 5 bits a round
    let pHi = hi;
    let pLo = lo;
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = this.keys[j];
        if (k === undefined) {
          if (freeslot >= 0) return this.place(freeslot, nk, v, hi, lo);
          this.place(j, nk, v, hi, lo);
          this.fill++;
          if (this.fill * 5 >= mask * 3) this.resize(this.size > 50000 ? this.size * 2 : this.size * 4);
          return;
        }
        if (k === DUMMY) freeslot = j;
        j++;
      } while (probes-- > 0);
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi >>>= 5;
      i = (i * 5 + 1 + (pLo & mask)) & mask;
    }
  }

  /** set_insert_clean: into a table without dummies, during a resize or a merge. */
  private insertClean(nk: unknown, v: Py, hi: number, lo: number): void {
    const mask = this.mask;
    let i = lo & mask;
    let pHi = hi;
    let pLo = lo;
    for (;;) {
      if (this.keys[i] === undefined) return this.place(i, nk, v, hi, lo);
      if (i + LINEAR_PROBES <= mask) {
        for (let j = i + 1; j <= i + LINEAR_PROBES; j++) if (this.keys[j] === undefined) return this.place(j, nk, v, hi, lo);
      }
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi >>>= 5;
      i = (i * 5 + 1 + (pLo & mask)) & mask;
    }
  }

  private place(slot: number, nk: unknown, v: Py, hi: number, lo: number): void {
    this.keys[slot] = nk;
    this.members[slot] = v;
    this.hashHi[slot] = hi;
    this.hashLo[slot] = lo;
    this.index.set(nk, slot);
  }

  /** set_table_resize: the smallest table larger than minused, members re-inserted in table order. */
  private resize(minused: number): void {
    let size = MIN_SIZE;
    while (size <= minused) size *= 2;
    if (size === MIN_SIZE && this.mask === MIN_SIZE - 1 && this.fill === this.size) return;
    // every member placed again, in one native loop: paid for (and the clock read) first
    if (size > 1024) payItems(size);
    const { keys, members, hashHi, hashLo, mask } = this;
    this.keys = new Array(size);
    this.members = new Array(size);
    this.hashHi = new Array(size);
    this.hashLo = new Array(size);
    this.mask = size - 1;
    this.fill = this.size;
    for (let i = 0; i <= mask; i++) {
      const nk = keys[i];
      if (nk !== undefined && nk !== DUMMY) this.insertClean(nk, members[i], hashHi[i], hashLo[i]);
    }
  }
}

/** A frozenset: a set laid out the same, which nothing changes once made (its type: frozenset.ts). */
export class PyFrozenSet extends PySet {
  /** A frozenset of the members of `s`, in its layout. */
  static of(s: PySet): PyFrozenSet {
    const out = new PyFrozenSet();
    out.merge(s);
    return out;
  }

  /**
   * A frozenset that takes over a set just built and not kept by anyone: its layout as it is,
   * as CPython builds a frozenset's members in place (frozenset(iterable), frozenset - set)
   * where of() would lay them out again as a merge does.
   */
  static adopt(fresh: PySet): PyFrozenSet {
    const out = new PyFrozenSet();
    out.swap(fresh);
    return out;
  }
}

// a frozenset of such members is a key compared by its members' __eq__
setHoldsEqMembers((v) => v instanceof PyFrozenSet && v.holdsEqKeys);
