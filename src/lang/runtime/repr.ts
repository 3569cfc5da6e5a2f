import { charge, checkSize, MAX_NESTING, tick, tooDeep, work } from './budget.js';
import { setReprs } from './exceptions.js';
import { typeOf } from './types/registry.js';
import { PyDict, PyFloat, PyFrozenSet, PySet, PyTuple, type Py, type PyException } from './values.js';

/** Python's repr of a float: shortest round-trip digits, exponent outside 1e-4 <= |x| < 1e16. */
export function floatRepr(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e16) {
    // Python's range for positional notation, inside JS's: String(x) is the same shortest digits
    const s = String(x);
    return Number.isInteger(x) ? s + '.0' : s;
  }
  const [mantissa, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  const e = Math.abs(exp);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** What str.isprintable() refuses, but for the space: control, format, private, unassigned, separators. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** A code point as repr escapes it: \\xhh, \\uhhhh or \\Uhhhhhhhh. */
function escapePoint(point: number): string {
  const hex = point.toString(16);
  return point < 0x100 ? '\\x' + hex.padStart(2, '0') : point < 0x10000 ? '\\u' + hex.padStart(4, '0') : '\\U' + hex.padStart(8, '0');
}

/** ascii(v): repr(v) with every code point past ASCII escaped. */
export function asciiRepr(v: Py): string {
  const text = repr(v);
  // each escape is up to ten characters for one
  work(text.length);
  return text.replace(/[^\x00-\x7f]/gu, (c) => escapePoint(c.codePointAt(0)!));
}

/** repr of a str: single quotes unless the text has one and no double quote; what is not printable escaped. */
export function strRepr(s: string): string {
  // one pass over the text, a character at a time
  if (s.length > 32) charge(s.length >> 2);
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ESCAPES[ch] !== undefined) out += ESCAPES[ch];
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x7f) out += ch;
    else {
      // a code point: a surrogate pair is one character, a lone surrogate (Cs) is never printable
      const pair = c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) < 0xe000;
      const point = pair ? s.codePointAt(i)! : c;
      const text = pair ? s.slice(i, i + 2) : ch;
      if (pair) i++;
      const lone = !pair && c >= 0xd800 && c < 0xe000;
      if (!lone && (point === 0x20 || !NOT_PRINTABLE.test(text))) out += text;
      else out += escapePoint(point);
    }
  }
  // escapes make up to ten characters of one
  checkSize(out.length + 1);
  return out + quote;
}

const WHILE_REPR = 'while getting the repr of an object';

/** A repr in progress: the containers open (a cycle prints as [...]), and the characters made so far. */
interface Walk {
  seen: Set<unknown>;
  /** Values of other types being printed (exceptions, views, ...): levels of nesting that `seen` does not hold. */
  open: number;
  size: number;
}

/**
 * An int past 2**53 in decimal, within CPython's 4,300-digit limit: int/text.ts's toDecimal,
 * set by it when it loads (a hook, as keys.ts's: the kernel charges the budget, which needs
 * this module). Every bigint is made by the kernel or the tokenizer, which load it first.
 */
let bigintText: (n: bigint) => string = () => {
  throw new Error('int/text.ts not loaded');
};
export function setBigintText(f: (n: bigint) => string): void {
  bigintText = f;
}

export function repr(v: Py, seen?: Set<unknown>): string {
  return reprIn(v, { seen: seen ?? new Set(), open: 0, size: 0 });
}

function reprIn(v: Py, w: Walk): string {
  switch (typeof v) {
    case 'string':
      return strRepr(v);
    case 'number':
      return String(v);
    case 'bigint':
      return bigintText(v);
    case 'boolean':
      return v ? 'True' : 'False';
  }
  if (v === null) return 'None';
  if (v instanceof PyFloat) return floatRepr(v.v);
  // a dict or tuple subclass (Counter, defaultdict, struct_time) words its own repr, below
  if (Array.isArray(v) || (v instanceof PyDict && v.constructor === PyDict) || v instanceof PySet || (v instanceof PyTuple && v.constructor === PyTuple)) {
    const seen = w.seen;
    if (seen.has(v)) return Array.isArray(v) ? '[...]' : v instanceof PyDict ? '{...}' : '(...)';
    if (seen.size + w.open >= MAX_NESTING) throw tooDeep(WHILE_REPR);
    seen.add(v);
    try {
      return containerRepr(v, w);
    } finally {
      seen.delete(v);
    }
  }
  // every other type words its own repr (types/*.ts); a cycle back through one ends as a RecursionError
  const type = typeOf(v);
  if (type.repr === undefined) return `<${type.name(v)} object>`;
  if (w.seen.size + w.open >= MAX_NESTING) throw tooDeep(WHILE_REPR);
  w.open++;
  try {
    return type.repr(v, (x) => itemRepr(x, w));
  } finally {
    w.open--;
  }
}

function containerRepr(v: Py[] | PyDict | PySet | PyTuple, w: Walk): string {
  if (Array.isArray(v)) return '[' + reprItems(v, w) + ']';
  if (v instanceof PyTuple) {
    const inner = reprItems(v.items, w);
    return v.items.length === 1 ? `(${inner},)` : `(${inner})`;
  }
  // a frozenset is a set's layout too, shown inside frozenset(...)
  if (v instanceof PyFrozenSet) return v.size === 0 ? 'frozenset()' : 'frozenset({' + reprItems(v.values(), w) + '})';
  if (v instanceof PySet) return v.size === 0 ? 'set()' : '{' + reprItems(v.values(), w) + '}';
  const parts: string[] = [];
  for (const [nk, value] of v.m) parts.push(itemRepr(v.key(nk), w) + ': ' + itemRepr(value, w));
  return '{' + parts.join(', ') + '}';
}

function reprItems(items: Py[], w: Walk): string {
  const parts: string[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) parts[i] = itemRepr(items[i], w);
  return parts.join(', ');
}

/** One item of a container: paid for, and the whole repr kept within the size limit as it grows. */
function itemRepr(x: Py, w: Walk): string {
  tick();
  const text = reprIn(x, w);
  // a container's text is its items', counted already: only what is new counts
  w.size += (typeof x === 'object' && x !== null && (Array.isArray(x) || x instanceof PyDict || x instanceof PySet || x instanceof PyTuple) ? 2 : text.length) + 2;
  checkSize(w.size);
  return text;
}

export function str(v: Py): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) {
    const s = typeOf(v).str;
    if (s !== undefined) return s(v, repr, str);
  }
  return repr(v);
}

/** "KeyError: 'Thread'", as the original service reported an exception. */
export function describeException(e: PyException): string {
  return `${e.type.name}: ${str(e)}`;
}

setReprs((v) => repr(v), str);
