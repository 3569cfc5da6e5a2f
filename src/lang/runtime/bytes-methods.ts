/**
 * bytes' search, split, strip, case and hex methods, as Objects/bytes_methods.c and
 * bytesobject.c have them: on the octets read as latin-1 text, one char per byte, with
 * ASCII-only whitespace and case (b'\xe9'.upper() stays b'\xe9'). Every byte walked or made
 * is paid for. A bytearray (bytearray.ts) has them too: what they make is of the receiver's
 * type (`like`), and their arguments are any bytes-like object (bytes-like.ts).
 */
import { bind, cIntArg, indexArg, indexOf, indexValue, one } from './args.js';
import { bufferOf, contiguousOf } from './bytes-like.js';
import { allocItems, allocStr, charge, tick } from './budget.js';
import { maketrans, translate } from './bytes-translate.js';
import { IndexError, indexErr, typeErr, valueErr } from './exceptions.js';
import { isIterable, toList } from './iteration.js';
import { indexSized, intOf } from './numbers.js';
import type { Method } from './types/protocol.js';
import { byteArrayBeyondMemory, bytesBeyondMemory, widthArg } from './sizes.js';
import { typeOf } from './types/table.js';
import { latin1, PyBytes, sharedBytes, PyIntBox, PyStrBox, PyTuple, argTypeName, typeName, type Py } from './values.js';

/** The octets as latin-1 text, charged as a walk of them. */
function text(b: PyBytes): string {
  charge(b.data.length / 32);
  return b.latin1();
}

/** A value of `like`'s type (bytes or bytearray) of latin-1 text, within the size limit. */
function bytesOf(s: string, like: PyBytes): PyBytes {
  allocItems(s.length);
  return like.like(new Uint8Array(Buffer.from(s, 'latin1')));
}

/** A part of b, given as latin-1 text (split's pieces, strip's middle): b itself when it is the whole, shared octets else (PyBytes.part). */
function partOf(s: string, b: PyBytes): PyBytes {
  allocItems(s.length);
  return b.part(new Uint8Array(Buffer.from(s, 'latin1')));
}

/** A bytes-like argument, as latin-1 text. */
function buffer(v: Py): string {
  const d = bufferOf(v);
  if (d === null) throw typeErr(`a bytes-like object is required, not '${typeName(v)}'`);
  charge(d.length / 32);
  return latin1(d);
}

/** find's, count's and index's sub: a bytes-like object, or an int that is one byte. */
function sub(v: Py): string {
  if (bufferOf(v) !== null) return buffer(v);
  // an int, or an int subclass's instance
  const i = intOf(v);
  if (i !== undefined) {
    const n = typeof i === 'bigint' ? -1 : i;
    if (n < 0 || n > 255) throw valueErr('byte must be in range(0, 256)');
    return String.fromCharCode(n);
  }
  throw typeErr(`argument should be integer or bytes-like object, not '${typeName(v)}'`);
}

/** A start or end argument: None, or an int of any size, clamped as _PyEval_SliceIndex clamps it. */
function bound(v: Py): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return Number(v);
  if (typeof v === 'bigint') return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  if (v instanceof PyIntBox) return bound(v.value);
  // _PyEval_SliceIndex: a class's __index__ too
  const k = indexOf(v);
  if (k !== undefined) return bound(k);
  throw typeErr('slice indices must be integers or None or have an __index__ method');
}

/** ADJUST_INDICES: start and end within the length, negative ones from the end. */
function adjust(start: Py, end: Py, len: number): [number, number] {
  let s = bound(start) ?? 0;
  let e = bound(end) ?? len;
  if (e > len) e = len;
  else if (e < 0) e = Math.max(0, e + len);
  if (s < 0) s = Math.max(0, s + len);
  return [s, e];
}

/** find and rfind: -1 where sub is not within [start, end). */
function find(b: PyBytes, [x, start, end]: Py[], right: boolean): number {
  const hay = text(b);
  // the bounds first, as stringlib_parse_args_finds converts them before the needle is looked at
  const [s, e] = adjust(start, end, hay.length);
  const needle = sub(x);
  if (e - s < needle.length) return -1;
  const window = hay.slice(s, e);
  const i = right ? window.lastIndexOf(needle) : window.indexOf(needle);
  return i < 0 ? -1 : i + s;
}

function count(b: PyBytes, [x, start, end]: Py[]): number {
  const hay = text(b);
  // the bounds first, as stringlib_parse_args_finds converts them before the needle is looked at
  const [s, e] = adjust(start, end, hay.length);
  const needle = sub(x);
  if (e - s < needle.length) return 0;
  if (needle.length === 0) return e - s + 1;
  const window = hay.slice(s, e);
  let n = 0;
  for (let i = window.indexOf(needle); i >= 0; i = window.indexOf(needle, i + needle.length)) (tick(), n++);
  return n;
}

/** startswith and endswith: a bytes or a tuple of them, within [start, end). */
function affix(b: PyBytes, [x, start, end]: Py[], fname: string): boolean {
  const hay = text(b);
  const [s, e] = adjust(start, end, hay.length);
  const options = x instanceof PyTuple ? x.items : [x];
  return options.some((o) => {
    if (bufferOf(o) === null) throw typeErr(`${fname} first arg must be bytes or a tuple of bytes, not ${typeName(o)}`);
    const p = buffer(o);
    if (s > hay.length || e - s < p.length) return false;
    return fname === 'startswith' ? hay.startsWith(p, s) : hay.slice(0, e).endsWith(p);
  });
}

/** Py_ISSPACE: ASCII whitespace only. */
const SPACE = ' \t\n\r\x0b\x0c';
const isSpace = (c: string) => SPACE.includes(c);

function maxsplitArg(v: Py): number {
  if (v === undefined) return -1;
  return indexArg(v);
}

/** split and rsplit: on runs of ASCII whitespace, or on a separator, at most maxsplit times. */
function split(b: PyBytes, args: Py[], kw: Map<string, Py> | null, right: boolean): Py[] {
  const [sep = null, maxsplitV] = bind(right ? 'rsplit' : 'split', args, kw, ['sep', 'maxsplit']);
  const s = text(b);
  let maxsplit = maxsplitArg(maxsplitV);
  if (maxsplit < 0) maxsplit = Infinity;
  const parts: string[] = [];
  if (sep === null) {
    // runs of whitespace, none at either end
    let i = right ? s.length - 1 : 0;
    const step = right ? -1 : 1;
    const inside = (k: number) => k >= 0 && k < s.length;
    while (inside(i)) {
      while (inside(i) && isSpace(s[i])) i += step;
      if (!inside(i)) break;
      if (parts.length === maxsplit) {
        // the rest, with its trailing (or leading) whitespace stripped already
        parts.push(right ? s.slice(0, i + 1) : s.slice(i));
        break;
      }
      const from = i;
      while (inside(i) && !isSpace(s[i])) i += step;
      tick();
      parts.push(right ? s.slice(i + 1, from + 1) : s.slice(from, i));
    }
  } else {
    const d = buffer(sep);
    if (d.length === 0) throw valueErr('empty separator');
    let rest = s;
    while (parts.length < maxsplit) {
      const at = right ? rest.lastIndexOf(d) : rest.indexOf(d);
      if (at < 0) break;
      tick();
      if (right) {
        parts.push(rest.slice(at + d.length));
        rest = rest.slice(0, at);
      } else {
        parts.push(rest.slice(0, at));
        rest = rest.slice(at + d.length);
      }
    }
    parts.push(rest);
  }
  if (right) parts.reverse();
  allocItems(parts.length);
  return parts.map((p) => partOf(p, b));
}

/** strip, lstrip and rstrip: ASCII whitespace, or the bytes given. */
function strip(b: PyBytes, [chars = null]: Py[], left: boolean, right: boolean): PyBytes {
  const set = chars === null ? SPACE : buffer(chars);
  const s = text(b);
  let i = 0;
  let j = s.length;
  if (left) while (i < j && set.includes(s[i])) i++;
  if (right) while (j > i && set.includes(s[j - 1])) j--;
  return i === 0 && j === s.length ? b.unchanged() : partOf(s.slice(i, j), b);
}

function replace(b: PyBytes, [old, replacement, countV]: Py[]): PyBytes {
  const from = buffer(old);
  const to = buffer(replacement);
  const s = text(b);
  let n = countV === undefined ? -1 : indexArg(countV);
  if (n < 0) n = Infinity;
  // stringlib's replace answers bytes itself where nothing is replaced
  if (n === 0 || (from.length === 0 && to.length === 0) || (from.length > 0 && !s.includes(from))) return b.unchanged();
  if (from.length === 0) {
    // an empty old goes before every byte and after the last
    const pieces = Math.min(n, s.length + 1);
    allocStr(s.length + pieces * to.length);
    let out = '';
    for (let i = 0; i < s.length; i++) out += (i < pieces ? to : '') + s[i];
    return bytesOf(pieces > s.length ? out + to : out, b);
  }
  let out = '';
  let i = 0;
  for (let done = 0; done < n; done++) {
    const at = s.indexOf(from, i);
    if (at < 0) break;
    tick();
    out += s.slice(i, at) + to;
    allocStr(out.length);
    i = at + from.length;
  }
  return bytesOf(out + s.slice(i), b);
}

function join(b: PyBytes, [iterable]: Py[]): PyBytes {
  if (!isIterable(iterable)) throw typeErr('can only join an iterable');
  const items = toList(iterable);
  // one bytes item is itself, as bytes_join answers it (not a bytearray's, nor a memoryview's octets)
  if (items.length === 1 && items[0] instanceof PyBytes && items[0].constructor === PyBytes && !b.isByteArray()) return items[0];
  const sep = text(b);
  const parts = items.map((x, i) => {
    const d = contiguousOf(x);
    if (d === null) throw typeErr(`sequence item ${i}: expected a bytes-like object, ${typeName(x)} found`);
    return d;
  });
  const length = parts.reduce((n, x) => n + x.length, 0) + sep.length * Math.max(0, parts.length - 1);
  allocItems(length);
  // the octets copied into place: through latin-1 text a million one-byte items took 150 ms
  const out = new Uint8Array(length);
  const gap = b.data;
  let at = 0;
  parts.forEach((x, i) => {
    // a million short pieces take tens of ms: the clock may stop them
    tick();
    if (i > 0) (out.set(gap, at), (at += gap.length));
    out.set(x, at);
    at += x.length;
  });
  return b.like(out);
}

/** A case method: ASCII letters only. */
function mapCase(b: PyBytes, f: (s: string) => string): PyBytes {
  return bytesOf(text(b).replace(/[A-Za-z]+/g, f), b);
}

const isLowerOctet = (c: number) => c >= 0x61 && c <= 0x7a;
const isUpperOctet = (c: number) => c >= 0x41 && c <= 0x5a;

/** swapcase and title on the octets themselves: through a regular expression's callback or a string built a char at a time, a million took 130-180 ms. */
function mapOctets(b: PyBytes, f: (c: number, previous: number) => number): PyBytes {
  charge(b.data.length / 32);
  allocItems(b.data.length);
  const out = new Uint8Array(b.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(b.data[i], i > 0 ? b.data[i - 1] : 0);
  return b.like(out);
}

const swapOctet = (c: number) => (isLowerOctet(c) ? c - 32 : isUpperOctet(c) ? c + 32 : c);
// a letter after a cased one is lowered, any other raised
const titleOctet = (c: number, previous: number) =>
  isLowerOctet(previous) || isUpperOctet(previous) ? (isUpperOctet(c) ? c + 32 : c) : isLowerOctet(c) ? c - 32 : c;

/** _Py_bytes_istitle: an uppercase letter only after an uncased byte, a lowercase one only after a cased one, and one cased at least. */
function istitle(b: PyBytes): boolean {
  charge(b.data.length / 32);
  let cased = false;
  let previousCased = false;
  for (const c of b.data) {
    if (isUpperOctet(c)) {
      if (previousCased) return false;
      previousCased = cased = true;
    } else if (isLowerOctet(c)) {
      if (!previousCased) return false;
      previousCased = cased = true;
    } else previousCased = false;
  }
  return cased;
}

/** splitlines(keepends=False): at \n, \r and \r\n only, the bytes' line breaks. */
function splitlines(b: PyBytes, args: Py[], kw: Map<string, Py> | null): PyBytes[] {
  const [keependsV] = bind('splitlines', args, kw, ['keepends']);
  // Argument Clinic's bool(accept={int}): an int, as _PyLong_AsInt reads it
  const keepends = keependsV !== undefined && cIntArg(keependsV) !== 0;
  const s = text(b);
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\n' && c !== '\r') continue;
    const end = c === '\r' && s[i + 1] === '\n' ? i + 2 : i + 1;
    tick();
    lines.push(s.slice(start, keepends ? end : i));
    start = end;
    i = end - 1;
  }
  if (start < s.length) lines.push(s.slice(start));
  allocItems(lines.length);
  return lines.map((l) => partOf(l, b));
}

/** isdigit and friends: ASCII classes, false for an empty bytes (isspace too). */
function every(b: PyBytes, test: RegExp): boolean {
  return b.data.length > 0 && test.test(text(b));
}

/**
 * bytes.hex(sep, bytes_per_sep=1): a separator every |bytes_per_sep| bytes, counted from the right if it is positive.
 * `maxSep`: the largest separator octet, 0x7f for a str made; binascii's bytes take any latin-1 one (_Py_strhex_impl's return_bytes).
 */
export function hex(b: PyBytes, args: Py[], kw: Map<string, Py> | null, maxSep = 0x7f): string {
  const [given, perV] = bind('hex', args, kw, ['sep', 'bytes_per_sep']);
  // a str subclass's instance is its str
  const sepV = given instanceof PyStrBox ? given.value : given;
  // Argument Clinic converts bytes_per_sep before the separator is looked at
  const per = perV === undefined ? 1 : cIntArg(perV);
  allocStr(b.data.length * (sepV === undefined ? 2 : 3));
  // Node's hex encoder: a digit string an octet took 70 ms for 500,000
  const all = Buffer.from(b.data.buffer, b.data.byteOffset, b.data.length).toString('hex');
  if (sepV === undefined) return all;
  let sep: string;
  if (typeof sepV === 'string') {
    if ([...sepV].length !== 1) throw valueErr('sep must be length 1.');
    if (sepV.charCodeAt(0) > maxSep) throw valueErr('sep must be ASCII.');
    sep = sepV;
  } else if (sepV instanceof PyBytes) {
    if (sepV.data.length !== 1) throw valueErr('sep must be length 1.');
    if (sepV.data[0] > maxSep) throw valueErr('sep must be ASCII.');
    sep = String.fromCharCode(sepV.data[0]);
  } else throw typeErr(`object of type '${typeName(sepV)}' has no len()`);
  const group = Math.abs(per);
  const octets = b.data.length;
  if (group === 0 || group >= octets) return all;
  const out: string[] = [];
  // positive: the first group is the short one; negative: the last
  const first = per > 0 ? octets % group || group : group;
  for (let i = 0; i < octets; ) {
    const n = i === 0 ? first : group;
    out.push(all.slice(2 * i, 2 * (i + n)));
    i += n;
  }
  return out.join(sep);
}

/** bytes.fromhex(string): pairs of hex digits, whitespace between them. METH_O: its errors name the type. */
export function fromhex(args: Py[], kw: Map<string, Py> | null, owner = 'bytes'): PyBytes {
  let s = one('fromhex', args, kw, owner);
  // a str subclass's instance is taken as its str, as PyUnicode_Check has it
  if (s instanceof PyStrBox) s = s.value;
  if (typeof s !== 'string') throw typeErr(`fromhex() argument must be str, not ${argTypeName(s)}`);
  charge(s.length / 32);
  // pairs of digits alone (what hex() makes): Node's decoder, where a char at a time took 75 ms for a million
  if (/^(?:[0-9a-fA-F]{2})*$/.test(s)) {
    allocItems(s.length / 2);
    return sharedBytes(new Uint8Array(Buffer.from(s, 'hex')));
  }
  const out: number[] = [];
  const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
  for (let i = 0; i < s.length; ) {
    if (isSpace(s[i])) {
      i++;
      continue;
    }
    if (!isHex(s[i])) throw valueErr(`non-hexadecimal number found in fromhex() arg at position ${i}`);
    if (!isHex(s[i + 1])) throw valueErr(`non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    out.push(parseInt(s.slice(i, i + 2), 16));
    i += 2;
  }
  allocItems(out.length);
  // through _PyBytesWriter, which shares b'' and one octet
  return sharedBytes(Uint8Array.from(out));
}

function partition(b: PyBytes, [sepV]: Py[], right: boolean): PyTuple {
  const sep = buffer(sepV);
  if (sep.length === 0) throw valueErr('empty separator');
  const s = text(b);
  const at = right ? s.lastIndexOf(sep) : s.indexOf(sep);
  const empty = () => b.like(new Uint8Array(0));
  // not found: bytes' own object, a subclass's instance too (partition.h); a bytearray's copy
  const whole = b.isByteArray() ? b.unchanged() : b;
  if (at < 0) return new PyTuple(right ? [empty(), empty(), whole] : [whole, empty(), empty()]);
  // bytes' middle is the separator object as given, whatever its buffer type; a bytearray's, a new bytearray
  return new PyTuple([partOf(s.slice(0, at), b), b.isByteArray() ? bytesOf(sep, b) : sepV, partOf(s.slice(at + sep.length), b)]);
}

function removeAffix(b: PyBytes, [x]: Py[], prefix: boolean): PyBytes {
  const a = buffer(x);
  const s = text(b);
  if (a.length === 0) return b.unchanged();
  if (prefix ? s.startsWith(a) : s.endsWith(a)) return partOf(prefix ? s.slice(a.length) : s.slice(0, s.length - a.length), b);
  return b.unchanged();
}

/** bytes.zfill of the width as read (a class's __index__ called once). */
function zfill(b: PyBytes, w: number | bigint): PyBytes {
  paddedBeyondMemory(b, w);
  return w <= b.data.length ? b.unchanged() : viaStr(b, 'zfill', [w], null);
}

/** bytes' own words for a fill that is not one byte; the padding itself is str's, on the latin-1 text. */
function justify(b: PyBytes, [width, fill]: Py[], name: 'center' | 'ljust' | 'rjust'): PyBytes {
  // the width is read first, as Argument Clinic reads it
  const w = widthArg(width);
  if (fill !== undefined && !(fill instanceof PyBytes && fill.data.length === 1)) throw typeErr(`${name}() argument 2 must be a byte string of length 1, not ${argTypeName(fill)}`);
  paddedBeyondMemory(b, w);
  // pad() answers bytes itself when there is nothing to add
  if (w <= b.data.length) return b.unchanged();
  // the width as read: a class's __index__ is called once, as Clinic calls it
  return viaStr(b, name, fill === undefined ? [w] : [w, fill.latin1()], null);
}

/** A bytes or bytearray padded to `width`: CPython's words for one past ssize_t or memory (each type's), before str's padding would give a str's. */
function paddedBeyondMemory(b: PyBytes, width: number | bigint): void {
  if (width > b.data.length) (b.isByteArray() ? byteArrayBeyondMemory : bytesBeyondMemory)(width);
}

/** A str method on the octets as latin-1 text (one char a byte, so its widths and columns are bytes'), made bytes again. */
function viaStr(b: PyBytes, name: string, args: Py[], kw: Map<string, Py> | null): PyBytes {
  // str's table through its type's slots: importing methods-str.ts here would close a cycle (str.encode makes bytes)
  const out = typeOf('').methods!.get(name)!(text(b), args, kw) as string;
  return bytesOf(out, b);
}

export const MORE_BYTES_METHODS = new Map<string, Method>([
  ['find', (b: PyBytes, a) => find(b, a, false)],
  ['rfind', (b: PyBytes, a) => find(b, a, true)],
  ['index', (b: PyBytes, a) => {
    const i = find(b, a, false);
    if (i < 0) throw valueErr('subsection not found');
    return i;
  }],
  ['rindex', (b: PyBytes, a) => {
    const i = find(b, a, true);
    if (i < 0) throw valueErr('subsection not found');
    return i;
  }],
  ['count', count],
  ['startswith', (b: PyBytes, a) => affix(b, a, 'startswith')],
  ['endswith', (b: PyBytes, a) => affix(b, a, 'endswith')],
  ['split', (b: PyBytes, a, k) => split(b, a, k, false)],
  ['rsplit', (b: PyBytes, a, k) => split(b, a, k, true)],
  ['strip', (b: PyBytes, a) => strip(b, a, true, true)],
  ['lstrip', (b: PyBytes, a) => strip(b, a, true, false)],
  ['rstrip', (b: PyBytes, a) => strip(b, a, false, true)],
  ['replace', replace],
  ['join', join],
  ['partition', (b: PyBytes, a) => partition(b, a, false)],
  ['rpartition', (b: PyBytes, a) => partition(b, a, true)],
  ['removeprefix', (b: PyBytes, a) => removeAffix(b, a, true)],
  ['removesuffix', (b: PyBytes, a) => removeAffix(b, a, false)],
  ['upper', (b: PyBytes) => mapCase(b, (s) => s.toUpperCase())],
  ['lower', (b: PyBytes) => mapCase(b, (s) => s.toLowerCase())],
  ['swapcase', (b: PyBytes) => mapOctets(b, swapOctet)],
  ['capitalize', (b: PyBytes) => bytesOf(text(b).slice(0, 1).replace(/[a-z]/, (c) => c.toUpperCase()) + text(b).slice(1).replace(/[A-Z]+/g, (c) => c.toLowerCase()), b)],
  ['title', (b: PyBytes) => mapOctets(b, titleOctet)],
  ['isdigit', (b: PyBytes) => every(b, /^[0-9]+$/)],
  ['isalpha', (b: PyBytes) => every(b, /^[A-Za-z]+$/)],
  ['isalnum', (b: PyBytes) => every(b, /^[A-Za-z0-9]+$/)],
  ['isspace', (b: PyBytes) => every(b, /^[ \t\n\r\x0b\x0c]+$/)],
  ['isupper', (b: PyBytes) => /[A-Z]/.test(text(b)) && !/[a-z]/.test(text(b))],
  ['islower', (b: PyBytes) => /[a-z]/.test(text(b)) && !/[A-Z]/.test(text(b))],
  ['isascii', (b: PyBytes) => b.data.every((c) => c < 0x80)],
  ['istitle', istitle],
  ['splitlines', splitlines],
  ['translate', translate],
  ['maketrans', (_b: PyBytes, a) => maketrans(a)],
  ['hex', (b, args, kw) => hex(b, args, kw)],
  ['center', (b: PyBytes, a) => justify(b, a, 'center')],
  ['ljust', (b: PyBytes, a) => justify(b, a, 'ljust')],
  ['rjust', (b: PyBytes, a) => justify(b, a, 'rjust')],
  ['zfill', (b: PyBytes, a) => zfill(b, widthArg(a[0]))],
  ['expandtabs', (b: PyBytes, a, k) => viaStr(b, 'expandtabs', a, k)],
]);

export const MORE_BYTES_ARITIES = {
  find: ['parse', 1, 3], rfind: ['parse', 1, 3], index: ['parse', 1, 3], rindex: ['parse', 1, 3], count: ['parse', 1, 3],
  startswith: ['parse', 1, 3], endswith: ['parse', 1, 3], split: 'own', rsplit: 'own', strip: ['clinic', 0, 1], lstrip: ['clinic', 0, 1],
  rstrip: ['clinic', 0, 1], replace: ['clinic', 2, 3], join: 'one', partition: 'one', rpartition: 'one', removeprefix: 'one', removesuffix: 'one',
  upper: 'none', lower: 'none', swapcase: 'none', capitalize: 'none', title: 'none', isdigit: 'none', isalpha: 'none', isalnum: 'none',
  isspace: 'none', isupper: 'none', islower: 'none', isascii: 'none', istitle: 'none', splitlines: 'own', translate: 'own', maketrans: ['clinic', 2, 2], hex: 'own',
  center: ['clinic', 1, 2], ljust: ['clinic', 1, 2], rjust: ['clinic', 1, 2], zfill: 'one', expandtabs: 'own',
} as const;

/** bytes[i] and bytearray[i]: an int, CPython's words for a bad index. */
export function byteAt(b: PyBytes, index: Py): number {
  const bytearray = b.isByteArray();
  // re's flags, or a class's __index__
  const key = indexValue(index);
  if (key === undefined) throw typeErr(`${bytearray ? 'bytearray' : 'byte'} indices must be integers or slices, not ${typeName(index)}`);
  const len = b.data.length;
  // past Py_ssize_t CPython cannot fit it; below, it is out of range as any index past the length
  let i = typeof key === 'bigint' ? indexSized(key, IndexError, typeName(index)) : Number(key);
  if (i < 0) i += len;
  if (!(i >= 0 && i < len)) throw indexErr(bytearray ? 'bytearray index out of range' : 'index out of range');
  return b.data[i];
}
