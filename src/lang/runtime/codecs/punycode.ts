import { charge, chargeSteps, checkSize } from '../budget.js';
import { pyErr, UnicodeError } from '../exceptions.js';
import { PyBytes } from '../values.js';
import type { Codec } from './codec.js';
import type { Handler } from './errors.js';
import { ASCII } from './single-byte.js';
import { ByteSink, codePoints, StrSink } from './sinks.js';

// Punycode (RFC 3492) as CPython 3.11's Lib/encodings/punycode.py: the encoder never fails
// (a lone surrogate is a code point like any other); the decoder takes 'strict', 'replace' and
// 'ignore' only, reads the basic part as ASCII with that handler and the rest as strict ASCII,
// and its own errors are UnicodeErrors in the module's words.

/** T(j, bias): the threshold of the j-th digit (tmin 1, tmax 26, base 36). */
const threshold = (j: number, bias: number) => Math.min(26, Math.max(1, 36 * (j + 1) - bias));

const DIGITS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** adapt(): the next bias, from a delta of any size. */
function adapt(delta: number | bigint, first: boolean, numchars: number): number {
  let divisions = 0;
  let d: number;
  if (typeof delta === 'bigint') {
    let b = first ? delta / 700n : delta / 2n;
    b += b / BigInt(numchars);
    // floor(floor(x / 35) / 35) is floor(x / 35**2): dividing by a power of 35 at once, down to some 60 bits, is the loop's first steps
    const k = Math.max(0, Math.floor((b.toString(16).length * 4 - 64) / Math.log2(35)));
    if (k > 0) {
      chargeSteps(b.toString(16).length / 64);
      b /= 35n ** BigInt(k);
      divisions += 36 * k;
    }
    d = Number(b);
  } else {
    d = Math.floor(first ? delta / 700 : delta / 2);
    d += Math.floor(d / numchars);
  }
  for (; d > 455; divisions += 36) d = Math.floor(d / 35);
  return divisions + Math.floor((36 * d) / (d + 38));
}

/** Order-statistics over positions 0..n-1 (a Fenwick tree): how many marked positions lie before one. */
class Marks {
  private readonly tree: Int32Array;
  constructor(n: number) {
    this.tree = new Int32Array(n + 1);
  }
  mark(i: number): void {
    for (i++; i < this.tree.length; i += i & -i) this.tree[i]++;
  }
  before(i: number): number {
    let n = 0;
    for (; i > 0; i -= i & -i) n += this.tree[i];
    return n;
  }
}

/**
 * insertion_unsort(): the deltas of the non-ASCII code points, smallest first. CPython walks the
 * whole text once per distinct character (quadratic); counting the smaller characters before
 * each place in a Fenwick tree gives the same numbers in n log n.
 */
function deltas(cps: Uint32Array): number[] {
  // each non-ASCII character by (code point, place): both below 2**21, so one exact double sorts them
  const keys: number[] = [];
  const marks = new Marks(cps.length);
  let smaller = 0;
  for (let p = 0; p < cps.length; p++) {
    if (cps[p] >= 0x80) keys.push(cps[p] * 2 ** 21 + p);
    else (marks.mark(p), smaller++);
  }
  const sorted = Float64Array.from(keys).sort();
  charge(sorted.length / 2);
  const out: number[] = [];
  let oldchar = 0x80;
  let oldindex = -1;
  for (let k = 0; k < sorted.length; ) {
    const char = Math.floor(sorted[k] / 2 ** 21);
    let delta = (smaller + 1) * (char - oldchar);
    const first = k;
    for (; k < sorted.length && Math.floor(sorted[k] / 2 ** 21) === char; k++) {
      // the occurrence's index among the characters up to and including char
      const index = marks.before(sorted[k] % 2 ** 21) + (k - first);
      delta += index - oldindex;
      out.push(delta - 1);
      oldindex = index;
      delta = 0;
    }
    for (let m = first; m < k; m++) marks.mark(sorted[m] % 2 ** 21);
    smaller += k - first;
    oldchar = char;
  }
  return out;
}

function encode(s: string): Uint8Array {
  const cps = codePoints(s);
  const out = new ByteSink();
  for (const cp of cps) if (cp < 0x80) out.push(cp);
  const baselen = out.length;
  if (baselen > 0) out.push(0x2d);
  let bias = 72;
  deltas(cps).forEach((delta, points) => {
    // generate_generalized_integer()
    for (let j = 0, n = delta; ; j++) {
      const t = threshold(j, bias);
      if (n < t) {
        out.push(DIGITS.charCodeAt(n));
        break;
      }
      out.push(DIGITS.charCodeAt(t + ((n - t) % (36 - t))));
      n = Math.floor((n - t) / (36 - t));
    }
    bias = adapt(delta, points === 0, baselen + points + 1);
    checkSize(out.length);
  });
  return out.bytes();
}

/** A digit's value, or -1: the extended part is read upper-cased, so a-z are A-Z. */
function digitOf(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  if (c >= 0x30 && c <= 0x39) return c - 22;
  return -1;
}

type Errors = 'strict' | 'replace' | 'ignore';

/** An error of the module's own, raised under 'strict'. */
const punyErr = (text: string) => pyErr(UnicodeError, text);

/**
 * decode_generalized_number(): where the number ends and its value, or null where it is cut short
 * or meets a character that is no digit (an error under 'strict'). Where it ends is found first, from
 * the thresholds alone, so that a run of digits that never ends costs no arithmetic; a long number
 * that does end is a big integer, made in n log n where CPython's digit at a time is quadratic.
 */
function readNumber(ext: Uint8Array, from: number, bias: number, errors: Errors): { next: number; value: number | bigint | null } {
  let end = from;
  for (let j = 0; ; j++, end++) {
    if (end >= ext.length) {
      if (errors === 'strict') throw punyErr('incomplete punicode string');
      return { next: end + 1, value: null };
    }
    const digit = digitOf(ext[end]);
    if (digit < 0) {
      if (errors === 'strict') throw punyErr(`Invalid extended code point '${String.fromCharCode(ext[end] >= 0x61 && ext[end] <= 0x7a ? ext[end] - 32 : ext[end])}'`);
      return { next: end + 1, value: null };
    }
    if (digit < threshold(j, bias)) break;
  }
  // a number of a few digits is exact as a double
  if (end - from < 8) {
    let value = 0;
    for (let j = 0, w = 1; from + j <= end; j++) {
      value += digitOf(ext[from + j]) * w;
      w *= 36 - threshold(j, bias);
    }
    return { next: end + 1, value };
  }
  // the value and the product of the weights of a run of digits, from its two halves'
  const run = (lo: number, hi: number): { value: bigint; weight: bigint } => {
    if (hi - lo === 1) return { value: BigInt(digitOf(ext[from + lo])), weight: BigInt(36 - threshold(lo, bias)) };
    const mid = (lo + hi) >> 1;
    const low = run(lo, mid);
    const high = run(mid, hi);
    // two products of numbers of about (hi - lo) * 2.5 bits
    chargeSteps(((hi - lo) * 5) / 1024);
    return { value: low.value + low.weight * high.value, weight: low.weight * high.weight };
  };
  return { next: end + 1, value: run(0, end - from + 1).value };
}

/** The code points of the base, as a growing array that characters are inserted into. */
class Inserted {
  private points: Uint32Array;
  length: number;

  constructor(base: string) {
    const cps = codePoints(base);
    this.points = new Uint32Array(Math.max(16, cps.length * 2));
    this.points.set(cps);
    this.length = cps.length;
  }

  /** base[:pos] + chr(char) + base[pos:]: a copy of what follows, which CPython's slices make too. */
  insert(pos: number, char: number): void {
    // about a nanosecond a code point moved
    chargeSteps((this.length - pos) / 1024);
    checkSize(this.length + 1);
    if (this.length === this.points.length) {
      const grown = new Uint32Array(this.points.length * 2);
      grown.set(this.points);
      this.points = grown;
    }
    this.points.copyWithin(pos + 1, pos, this.length);
    this.points[pos] = char;
    this.length++;
  }

  str(): string {
    const out = new StrSink();
    for (let i = 0; i < this.length; i++) out.push(this.points[i]);
    return out.str();
  }
}

/** insertion_sort(): the extended part's characters put into the base. */
function insertionSort(base: string, ext: Uint8Array, errors: Errors): string {
  const text = new Inserted(base);
  let char: number | bigint = 0x80;
  let pos: number | bigint = -1;
  let bias = 72;
  for (let extpos = 0; extpos < ext.length; ) {
    const { next, value: delta } = readNumber(ext, extpos, bias, errors);
    // synchronisation is lost: what was built so far
    if (delta === null) return text.str();
    const slots = text.length + 1;
    if (typeof delta === 'bigint' || typeof pos === 'bigint' || typeof char === 'bigint') {
      const p: bigint = BigInt(pos) + BigInt(delta) + 1n;
      char = BigInt(char) + p / BigInt(slots);
      pos = Number(p % BigInt(slots));
      if (char <= 0x10ffffn) char = Number(char);
    } else {
      pos += delta + 1;
      char += Math.floor(pos / slots);
      pos %= slots;
    }
    if (char > 0x10ffff) {
      if (errors === 'strict') throw punyErr(`Invalid character U+${char.toString(16)}`);
      char = 0x3f;
    }
    text.insert(pos, Number(char));
    bias = adapt(delta, extpos === 0, text.length);
    extpos = next;
  }
  return text.str();
}

function decode(d: Uint8Array, _how: () => Handler, _object: () => PyBytes, errors = 'strict'): string {
  if (errors !== 'strict' && errors !== 'replace' && errors !== 'ignore') throw punyErr(`Unsupported error handling ${errors}`);
  const pos = d.lastIndexOf(0x2d);
  // str(text[:pos], "ascii", errors) and str(text[pos+1:], "ascii"): their errors hold the slices
  const head = d.subarray(0, Math.max(pos, 0));
  const base = pos < 0 ? '' : ASCII.decode(head, () => errors, () => new PyBytes(head.slice()));
  const tail = d.subarray(pos + 1);
  ASCII.decode(tail, () => 'strict', () => new PyBytes(tail.slice()));
  return insertionSort(base, tail, errors);
}

export const PUNYCODE: Codec = { encode, decode };
