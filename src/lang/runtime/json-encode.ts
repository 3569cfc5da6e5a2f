import { allocStr, checkJsonText, checkSize, MAX_NESTING, nestingRoom, tick, tooDeep, work } from './budget.js';
import { typeErr, valueErr } from './exceptions.js';
import { dumpsInt } from './int/index.js';
import { singleHighs } from './codepoints.js';
import { NOT_PRINTABLE_ASCII, quoteJson, quoteStr } from './json-quote.js';
import { floatRepr } from './repr.js';
import { getattr } from './attributes.js';
import { callValue } from './call.js';
import { PyDictInstance } from './class-values.js';
import { isIterable, toList } from './iteration.js';
import { sortItems } from './methods-list.js';
import { typeOf } from './types/table.js';
import { PyDict, PyFloat, PyIntBox, PyStrBox, PyTuple, typeName, type Py } from './values.js';

// json.dumps, the service's answers, and the JSON round trip of a condition's data.

/** json.dumps(x) of x nested this deep answers at the envelope's level, one deeper raises (nestingRoom); with an indent, one more. */
const DUMPS_NESTING = 994;
const DUMPS_INDENT_NESTING = 995;

export interface DumpOptions {
  itemSep: string;
  keySep: string;
  ensureAscii: boolean;
  sortKeys: boolean;
  indent: string | null;
  /** json.dumps(default=...): called for values JSON cannot hold. */
  fallback: ((v: Py) => Py) | null;
  /** A condition's json.dumps: each item charged to the run's budget. The service's answers are not. */
  charged?: boolean;
  /** json.dumps(allow_nan=False): inf and nan are a ValueError instead of JavaScript's words for them. */
  finiteOnly?: boolean;
  /** json.dumps(check_circular=False): no markers, so a cycle ends in the RecursionError. */
  checkCircular?: boolean;
  /** json.dumps(skipkeys=True): a key of another type than str, int, float, bool or None is left out. */
  skipKeys?: boolean;
}

/** What the HTTP responses use: compact, UTF-8, keys in insertion order. */
export const COMPACT: DumpOptions = Object.freeze({ itemSep: ',', keySep: ':', ensureAscii: false, sortKeys: false, indent: null, fallback: null });

/**
 * A str as JSON. JSON.stringify's text writes a lone surrogate as \ud800, as the service's UTF-8
 * answers need; a condition's json.dumps(ensure_ascii=False) (`raw`) keeps it, as CPython does,
 * and its default (ensure_ascii) escapes every unit past '~'.
 */
function quote(s: string, ensureAscii: boolean, raw = false): string {
  // raw: surrogate units kept as they are, a lone high's two included
  const q = ensureAscii ? (NOT_PRINTABLE_ASCII.test(s) ? quoteJson(singleHighs(s), 'ascii') : quoteStr(s)) : raw ? quoteJson(s, 'raw') : quoteStr(s);
  // escapes (a lone surrogate's or an ensure_ascii unit's six characters) are written a unit at a time, beyond what reading s paid
  if (q.length > s.length + 2) work(q.length * 2);
  return q;
}

function floatJson(x: number, o: DumpOptions): string {
  // the C encoder's words; with an indent, the Python one's floatstr adds repr(o)
  if (o.finiteOnly === true && !Number.isFinite(x)) throw valueErr('Out of range float values are not JSON compliant' + (o.indent === null ? '' : ': ' + floatRepr(x)));
  return floatText(x);
}

export function floatText(x: number): string {
  if (x !== x) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return floatRepr(x);
}

function keyText(k: Py, o?: DumpOptions): string | null {
  if (typeof k === 'string') return k;
  // an int or str subclass's instance, by its value
  if (k instanceof PyStrBox || k instanceof PyIntBox) return keyText(k.value, o);
  if (typeof k === 'number') return String(k);
  if (typeof k === 'bigint') return dumpsInt(k);
  if (k instanceof PyFloat) return o === undefined ? floatText(k.v) : floatJson(k.v, o);
  if (k === true) return 'true';
  if (k === false) return 'false';
  if (k === null) return 'null';
  if (o?.skipKeys === true) return null;
  throw typeErr(`keys must be str, int, float, bool or None, not ${typeName(k)}`);
}

function notSerialisable(v: Py): never {
  // o.__class__.__name__: 'datetime' for a datetime.datetime
  const name = typeName(v);
  throw typeErr(`Object of type ${name.slice(name.lastIndexOf('.') + 1)} is not JSON serializable`);
}

/** json.dumps: CPython's output for the same value and options, errors included. */
export function dumps(v: Py, o: DumpOptions): string {
  const markers = new Set<unknown>();
  // check_circular=False: no markers kept
  const active = o.checkCircular === false ? { has: () => false, add: () => undefined, delete: () => false } : markers;
  let size = 0;
  /** The levels default's answers add to the nesting (level counts the containers, which the indent follows). */
  let extra = 0;
  /** Characters of short strs quoted since the last container was paid for (joints). */
  let unpaid = 0;
  const enc = (x: Py, level: number): string => {
    switch (typeof x) {
      case 'string':
        size += x.length;
        if (x.length > 32) work(x.length);
        else unpaid += x.length;
        return quote(x, o.ensureAscii, o.charged);
      case 'number': {
        const t = String(x);
        size += t.length;
        return t;
      }
      case 'bigint': {
        const t = dumpsInt(x);
        size += t.length;
        return t;
      }
      case 'boolean':
        size += 5;
        return x ? 'true' : 'false';
    }
    if (x === null) {
      size += 4;
      return 'null';
    }
    if (x instanceof PyFloat) {
      const t = floatJson(x.v, o);
      size += t.length;
      return t;
    }
    const isList = Array.isArray(x) || x instanceof PyTuple;
    if (!isList && !(x instanceof PyDict)) {
      // a type that says how JSON holds it (types/*.ts), else default=, else CPython's TypeError
      const json = typeOf(x).json;
      if (json === undefined && o.fallback === null) notSerialisable(x);
      if (active.has(x)) throw valueErr('Circular reference detected');
      active.add(x);
      try {
        if (json !== undefined) return enc(json(x), level);
        // what default made is a level of CPython's recursion (encoder_listencode_obj enters its check for it), not of the indent
        const made = o.fallback!(x);
        // (the Python encoder, with an indent, calls it from generators of its own: frames more). Where default made
        // another object it must be called for, the call that made it is what CPython's recursion check stops first.
        if (level + extra + (o.indent === null ? 2 : 5) >= nestingRoom(o.indent === null ? DUMPS_NESTING : DUMPS_INDENT_NESTING)) {
          const again = typeof made === 'object' && made !== null && !Array.isArray(made) && !(made instanceof PyTuple) && !(made instanceof PyDict) && !(made instanceof PyFloat) && typeOf(made).json === undefined;
          throw tooDeep(o.indent === null && !again ? 'while encoding a JSON object' : 'while calling a Python object');
        }
        extra++;
        try {
          return enc(made, level);
        } finally {
          extra--;
        }
      } finally {
        active.delete(x);
      }
    }
    if (active.has(x)) throw valueErr('Circular reference detected');
    // with an indent CPython encodes in Python, whose frames run out first
    if (level + extra >= nestingRoom(o.indent === null ? DUMPS_NESTING : DUMPS_INDENT_NESTING)) throw tooDeep(o.indent === null ? 'while encoding a JSON object' : 'while calling a Python object');
    active.add(x);
    if (o.indent !== null) allocStr(o.indent.length * (level + 1));
    const inner = o.indent === null ? '' : '\n' + o.indent.repeat(level + 1);
    const outer = o.indent === null ? '' : '\n' + o.indent.repeat(level);
    let out: string;
    if (isList) {
      const items: Py[] = Array.isArray(x) ? x : x.items;
      // an item at a time, charged before the items are encoded, as a loop over them would be
      if (o.charged) work(items.length);
      if (items.length === 0) out = '[]';
      else {
        const parts = encItems(items, level + 1);
        joints(parts.length, inner);
        out = '[' + inner + parts.join(o.itemSep + inner) + outer + ']';
      }
    } else {
      // an entry's key made a str and quoted, its separator and value joined: 8 items of work, as a
      // dict's entry placed (allocEntries); a 16th of a step was 2.6-3 ms of CPU per 1,000 steps
      if (o.charged) work(x.m.size * 8);
      // the dict's own items(), or sorted(dct.items()) as the encoder sorts them: the keys as they are, by
      // Python's < (a str and an int do not order: TypeError), strs by code point; then each made a str
      let pairs = ownItems(x) ?? null;
      if (o.sortKeys) pairs = sortItems(Array.from(pairs ?? x.entries(), ([k, val]) => new PyTuple([k, val])), [], null, 'sort').map((t) => (t as PyTuple).items as [Py, Py]);
      // else a list of the table's entries (CPython's PyMapping_Items: a default= or an items() called
      // below may change the dict), its own pairs where no key was filed apart from its first form
      const entries = pairs ?? ((x.k === null ? [...x.m] : [...x.entries()]) as [Py, Py][]);
      // '{}' by the dict's own size: a non-empty one whose items() is empty is the Python encoder's lines (with an indent) still
      if (x.m.size === 0) out = '{}';
      else {
        const parts: string[] = [];
        for (const [k, val] of entries) {
          tick();
          const key = keyText(k, o);
          if (key !== null) parts.push(encKey(key, o.keySep.length) + o.keySep + enc(val, level + 1));
        }
        joints(parts.length, inner);
        // every key skipped: the C encoder's '{}', the Python one's (with an indent) still its lines
        out = parts.length === 0 && o.indent === null ? '{}' : '{' + inner + parts.join(o.itemSep + inner) + outer + '}';
      }
    }
    active.delete(x);
    return out;
  };
  /**
   * What a container adds to its items' text (brackets, separators, indents), counted and paid
   * for before the join copies it: a separator of 5,000 characters between 100,000 items was
   * a text of 500 MB, built (200 ms) before its size was looked at. The short strs quoted for
   * it are paid here too (`unpaid`): ['a' * 32] * 10000, a call each, held a worker 200 ms.
   */
  const joints = (n: number, inner: string): void => {
    const added = n * (o.itemSep.length + inner.length);
    // each part a reference in the array the join reads: an item, as a list's
    size += 2 + added + n;
    if (size > 1 << 16) checkSize(size);
    if (o.charged) work(added + unpaid);
    unpaid = 0;
  };
  /** A key and its separator, paid for and counted as a string value is: [{'a' * 900000: 0}] * 1000 is 900 MB of keys. */
  const encKey = (k: string, sep: number): string => {
    size += k.length + 2 + sep;
    if (k.length > 32) work(k.length);
    else unpaid += k.length;
    if (size > 1 << 16) checkSize(size);
    return quote(k, o.ensureAscii, o.charged);
  };
  /** A list's items: each paid for, and the text kept within the size limit as it grows. */
  const encItems = (items: Py[], level: number): string[] => {
    const parts: string[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      tick();
      parts[i] = enc(items[i], level);
      if (size > 1 << 16 && (i & 255) === 0) checkSize(size);
    }
    return parts;
  };
  const text = enc(v, 0);
  checkSize(text.length);
  return text;
}

/**
 * A non-empty dict subclass's items by its own items() where its class has one, as the C
 * encoder reads them (PyMapping_Items); undefined for any other dict.
 */
function ownItems(d: PyDict): [Py, Py][] | undefined {
  if (!(d instanceof PyDictInstance) || d.m.size === 0 || d.cls.lookup('items') === undefined) return undefined;
  const items = callValue(getattr(d, 'items'), [], null);
  if (!isIterable(items)) throw typeErr(`${d.cls.name}.items() returned a non-iterable (type ${typeName(items)})`);
  return toList(items).map((item) => {
    if (!(item instanceof PyTuple) || item.items.length !== 2) throw valueErr('items must return 2-tuples');
    return item.items as [Py, Py];
  });
}

/**
 * json.loads(json.dumps(v)) without the text: what the original did to a true
 * condition's data. Tuples become lists, keys become strings, and values JSON cannot
 * hold raise the errors json.dumps raises.
 */
export function roundTrip(v: Py, what = 'the context'): Py {
  textChars = 0;
  textOf = what;
  return copyJson(v, 0);
}

/**
 * At least the characters of the JSON text the original made of the value being round-tripped,
 * held to the size limit: shared strings cost nothing to copy here, but [s] * 1000 of a
 * 1 MB string was a 1 GB answer.
 */
let textChars = 0;
let textOf = '';

/** Past this depth a structure is checked for a cycle (CPython's json tracks every container; this is cheaper). */
const CYCLE_CHECK_DEPTH = 200;

function copyJson(x: Py, depth: number): Py {
  if (typeof x === 'string') {
    checkJsonText((textChars += x.length + 2), textOf);
    return x;
  }
  if (x === null || typeof x === 'number' || typeof x === 'boolean' || x instanceof PyFloat) {
    // at least a character and a separator: [[0] * 1000] * 1000 is four million characters
    checkJsonText((textChars += 2), textOf);
    return x;
  }
  if (typeof x === 'bigint') {
    // its digits as json.dumps writes them, within the 4,300-digit limit
    checkJsonText((textChars += dumpsInt(x).length + 1), textOf);
    return x;
  }
  // a container is paid for as it is copied: shared subtrees (x = [x, x] sixty times) make
  // a value far larger than the memory it takes
  tick();
  if (depth === CYCLE_CHECK_DEPTH && hasCycle(x, new Set(), depth)) throw valueErr('Circular reference detected');
  if (depth >= MAX_NESTING) throw tooDeep('while encoding a JSON object');
  if (Array.isArray(x)) {
    const out = new Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = copyJson(x[i], depth + 1);
    return out;
  }
  if (x instanceof PyTuple) return x.items.map((item) => copyJson(item, depth + 1));
  if (!(x instanceof PyDict)) {
    const json = typeOf(x).json;
    if (json === undefined) notSerialisable(x);
    return copyJson(json(x), depth + 1);
  }
  const d = new PyDict();
  // a dict subclass's own items(), as json.dumps reads it
  const entries = (x.constructor === PyDict ? undefined : ownItems(x)) ?? (x.k === null ? x.m : [...x.m].map(([nk, val]) => [x.key(nk), val] as [Py, Py]));
  for (const [k, val] of entries) {
    const key = typeof k === 'string' ? k : keyText(k)!;
    checkJsonText((textChars += key.length + 3), textOf);
    d.setStr(key, copyJson(val, depth + 1));
  }
  return d;
}

/** Whether x holds a cycle above MAX_NESTING (deeper, the walk ends in a RecursionError first). */
function hasCycle(x: Py, active: Set<unknown>, depth: number): boolean {
  const items = Array.isArray(x) ? x : x instanceof PyTuple ? x.items : x instanceof PyDict ? [...x.m.values()] : null;
  if (items === null) return false;
  tick();
  if (active.has(x)) return true;
  if (depth >= MAX_NESTING) return false;
  active.add(x);
  for (const item of items) if (hasCycle(item, active, depth + 1)) return true;
  active.delete(x);
  return false;
}
