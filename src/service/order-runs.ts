import { PyDict, PyFloat, type Py } from '../lang/index.js';

/**
 * The numerations an /eval payload has seen (its trueConditions, then those found true),
 * asked whether an Order condition's list appears in them as a contiguous run, as the
 * original's `any(seq[i:i + n] == run ...)` answers: only a list equals a list slice,
 * element by element with Python's ==.
 *
 * Each value becomes a symbol, equal symbols exactly for values Python finds equal
 * (1 == 1.0 == True, [1] == [True], dicts in any order). A few Order conditions search the
 * symbols with Knuth-Morris-Pratt, each linear in what was seen; when their searches add
 * up to a few times what was seen, a suffix automaton of it is built, in which a run of n
 * values is found in n steps. So a payload costs time linear in its size however many
 * Order conditions and numerations it has, where comparing a slice at every start took
 * 14.9 s for one 235 KiB body.
 */
export class SeenRuns {
  private readonly symbols = new Map<string, number>();
  /** The next new symbol: values equal to nothing (a NaN inside) each get their own. */
  private count = 0;
  /** The symbols seen, in order. */
  private readonly seen: number[] = [];
  /** How many of the payload's found numerations are in. */
  private added = 0;
  /** What the searches so far read, against the seen symbols' length. */
  private searched = 0;
  private automaton: SuffixAutomaton | undefined;

  constructor(before: Py[]) {
    for (const v of before) this.seen.push(this.symbol(v, true));
  }

  /** Whether `run` appears in before + found; `found` only grows between calls. */
  contains(found: Py[], run: Py): boolean {
    for (; this.added < found.length; this.added++) {
      const c = this.symbol(found[this.added], true);
      this.seen.push(c);
      this.automaton?.append(c);
    }
    if (!Array.isArray(run)) return false;
    const pattern: number[] = [];
    for (const v of run) {
      const c = this.symbol(v, false);
      if (c < 0) return false;
      pattern.push(c);
    }
    if (this.automaton === undefined) {
      this.searched += this.seen.length + pattern.length;
      if (this.searched <= 4 * this.seen.length) return search(this.seen, pattern);
      this.automaton = new SuffixAutomaton();
      for (const c of this.seen) this.automaton.append(c);
    }
    return this.automaton.contains(pattern);
  }

  /** The value's symbol; -1 for a run's value equal to no numeration seen. */
  private symbol(v: Py, adding: boolean): number {
    const key = canonical(v);
    const known = key === undefined ? undefined : this.symbols.get(key);
    if (known !== undefined || !adding) return known ?? -1;
    if (key !== undefined) this.symbols.set(key, this.count);
    return this.count++;
  }
}

/** Whether pattern appears in text: Knuth-Morris-Pratt. */
function search(text: number[], pattern: number[]): boolean {
  const n = pattern.length;
  if (n === 0) return true;
  // fallback[j]: the longest proper prefix of pattern[0..j] that is also its suffix
  const fallback = new Int32Array(n);
  for (let j = 1, k = 0; j < n; j++) {
    while (k > 0 && pattern[j] !== pattern[k]) k = fallback[k - 1];
    if (pattern[j] === pattern[k]) k++;
    fallback[j] = k;
  }
  for (let i = 0, k = 0; i < text.length; i++) {
    while (k > 0 && text[i] !== pattern[k]) k = fallback[k - 1];
    if (text[i] === pattern[k] && ++k === n) return true;
  }
  return false;
}

/** The suffix automaton of a growing sequence (the standard online construction): every factor is a path from state 0. */
class SuffixAutomaton {
  // per state, in typed arrays grown by doubling (arrays and a Map per state cost more than the
  // rest): its suffix link, its longest length, and its first transition inline, since most
  // states have one; the others in a Map
  private link = new Int32Array(64);
  private length = new Int32Array(64);
  private firstSymbol = new Int32Array(64);
  private firstTarget = new Int32Array(64);
  private readonly more = new Map<number, Map<number, number>>();
  private states = 0;
  private last: number;

  constructor() {
    this.last = this.add(0, -1);
  }

  contains(word: number[]): boolean {
    let state = 0;
    for (let i = 0; i < word.length && state >= 0; i++) state = this.target(state, word[i]);
    return state >= 0;
  }

  append(c: number): void {
    const cur = this.add(this.length[this.last] + 1, 0);
    let p = this.last;
    while (p !== -1 && this.target(p, c) < 0) {
      this.setTarget(p, c, cur);
      p = this.link[p];
    }
    if (p !== -1) {
      const q = this.target(p, c);
      if (this.length[p] + 1 === this.length[q]) this.link[cur] = q;
      else {
        const clone = this.add(this.length[p] + 1, this.link[q]);
        this.firstSymbol[clone] = this.firstSymbol[q];
        this.firstTarget[clone] = this.firstTarget[q];
        const more = this.more.get(q);
        if (more !== undefined) this.more.set(clone, new Map(more));
        while (p !== -1 && this.target(p, c) === q) {
          this.setTarget(p, c, clone);
          p = this.link[p];
        }
        this.link[q] = clone;
        this.link[cur] = clone;
      }
    }
    this.last = cur;
  }

  /** Where c leads from state, or -1. */
  private target(state: number, c: number): number {
    if (this.firstSymbol[state] === c) return this.firstTarget[state];
    return this.more.get(state)?.get(c) ?? -1;
  }

  private setTarget(state: number, c: number, target: number): void {
    if (this.firstSymbol[state] === -1 || this.firstSymbol[state] === c) {
      this.firstSymbol[state] = c;
      this.firstTarget[state] = target;
      return;
    }
    let more = this.more.get(state);
    if (more === undefined) this.more.set(state, (more = new Map()));
    more.set(c, target);
  }

  private add(length: number, link: number): number {
    if (this.states === this.link.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.link = grow(this.link);
      this.length = grow(this.length);
      this.firstSymbol = grow(this.firstSymbol);
      this.firstTarget = grow(this.firstTarget);
    }
    const s = this.states++;
    this.length[s] = length;
    this.link[s] = link;
    this.firstSymbol[s] = -1;
    return s;
  }
}

/**
 * A text equal for two JSON values exactly when Python's == is True for them: numbers and
 * bools by value, strings, None, lists element by element, dicts by their items in any
 * order. undefined for a value equal to nothing, one holding a NaN.
 */
function canonical(v: Py): string | undefined {
  if (v === null) return 'None';
  if (typeof v === 'string') return JSON.stringify(v);
  // an int past 2**53 and an integral float there by their exact digits: 2**64 == 2.0**64
  if (typeof v === 'bigint') return v.toString();
  const n = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v instanceof PyFloat ? v.v : undefined;
  if (n !== undefined) return Number.isNaN(n) ? undefined : Number.isInteger(n) && !Number.isSafeInteger(n) ? BigInt(n).toString() : String(n);
  if (Array.isArray(v)) {
    const items: string[] = [];
    for (const x of v) {
      const c = canonical(x);
      if (c === undefined) return undefined;
      items.push(c);
    }
    return `[${items.join(',')}]`;
  }
  if (v instanceof PyDict) {
    const items: string[] = [];
    for (const [k, x] of v.m) {
      const c = canonical(x);
      if (typeof k !== 'string' || c === undefined) return undefined;
      items.push(`${JSON.stringify(k)}:${c}`);
    }
    return `{${items.sort().join(',')}}`;
  }
  return undefined;
}
