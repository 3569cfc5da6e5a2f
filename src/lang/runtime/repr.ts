import { charge, checkSize, nestingRoom, tick, tooDeep, work } from './budget.js';
import { toDecimal } from './int/text.js';
import { escapePoint, strRepr } from './str-repr.js';
import { typeOf } from './types/table.js';
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

/** ascii(v): repr(v) with every code point past ASCII escaped. */
export function asciiRepr(v: Py): string {
  const text = repr(v);
  // each escape is up to ten characters for one
  work(text.length);
  return text.replace(/[^\x00-\x7f]/gu, (c) => escapePoint(c.codePointAt(0)!));
}

/** repr of a str: single quotes unless the text has one and no double quote; what is not printable escaped. */

const WHILE_REPR = 'while getting the repr of an object';
/** `'%r' % x` of x nested this deep answers at the envelope's level, one deeper raises (nestingRoom); repr(x) is a level less (budget.ts countedCall). */
const REPR_NESTING = 998;

/** A repr in progress: the containers open (a cycle prints as [...]), and the characters made so far. */
interface Walk {
  seen: Set<unknown>;
  size: number;
  /** Eighths of a step the items printed since the last charge cost (itemRepr). */
  units: number;
}

/**
 * The containers being printed by the repr under way, if any: a class's __repr__ that calls
 * repr() again (UserDict's `repr(self.data)`) meets them as '{...}', as Py_ReprEnter's list is
 * the thread's and not one call's. Put back when the outer repr ends, however it ends.
 */
let printing: Set<unknown> | null = null;

/**
 * Values of other types being printed (exceptions, views, partials, namespaces, ...): levels of
 * nesting that no walk's `seen` holds. One count for all walks, as CPython's limit is one: a
 * type's repr that calls repr() of what it holds (partial_repr's PyObject_Repr of each argument)
 * starts a walk of its own, which counts the levels open outside it.
 */
let ownLevels = 0;

/** How many levels the repr under way has open, containers and a C type's own: where types.SimpleNamespace's next level would be. */
export const levelsOpen = (): number => (printing?.size ?? 0) + ownLevels;

/**
 * The levels a type's repr that CPython writes in Python opens below PyObject_Repr's, in the
 * order CPython opens them, each checked as it opens: a def's frame (`''`, a RecursionError of
 * no more words) or a C call CPython counts ('while calling a Python object'). Then `body`
 * prints, a level below them all.
 */
export function withReprLevels<T>(whys: readonly string[], body: () => T): T {
  let opened = 0;
  try {
    for (const why of whys) {
      if (levelsOpen() >= nestingRoom(REPR_NESTING)) throw tooDeep(why);
      ownLevels++;
      opened++;
    }
    return body();
  } finally {
    ownLevels -= opened;
  }
}

/**
 * Levels a type's repr written in Python opens one in another and closes before it prints on
 * (a method's frame, the C calls under it): each checked in CPython's order, none kept.
 */
export function passReprLevels(whys: readonly string[]): void {
  for (let i = 0; i < whys.length; i++) if (levelsOpen() + i >= nestingRoom(REPR_NESTING)) throw tooDeep(whys[i]);
}

export function openOwnLevel(): void {
  ownLevels++;
}
export function closeOwnLevel(): void {
  ownLevels--;
}

export function repr(v: Py, seen?: Set<unknown>): string {
  const outer = printing;
  const w: Walk = { seen: seen ?? outer ?? new Set(), size: 0, units: 0 };
  printing = w.seen;
  try {
    const text = reprIn(v, w);
    if (w.units >= 8) charge(w.units >> 3);
    return text;
  } finally {
    printing = outer;
  }
}

function reprIn(v: Py, w: Walk): string {
  switch (typeof v) {
    case 'string':
      return strRepr(v);
    case 'number':
      return String(v);
    case 'bigint':
      return toDecimal(v);
    case 'boolean':
      return v ? 'True' : 'False';
  }
  if (v === null) return 'None';
  // a subclass's instance words its own, below
  if (v instanceof PyFloat && v.constructor === PyFloat) return floatRepr(v.v);
  // a subclass (Counter, defaultdict, struct_time, a condition's) words its own repr, below
  const c = v.constructor;
  if (c === Array || c === PyDict || c === PySet || c === PyFrozenSet || c === PyTuple) {
    const seen = w.seen;
    if (seen.has(v)) return Array.isArray(v) ? '[...]' : v instanceof PyDict ? '{...}' : '(...)';
    if (seen.size + ownLevels >= nestingRoom(REPR_NESTING)) throw tooDeep(WHILE_REPR);
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
  if (w.seen.size + ownLevels >= nestingRoom(REPR_NESTING)) throw tooDeep(WHILE_REPR);
  if (type.reprCycle !== undefined) {
    if (w.seen.has(v)) return type.reprCycle;
    w.seen.add(v);
    try {
      return type.repr(v, (x) => itemRepr(x, w));
    } finally {
      w.seen.delete(v);
    }
  }
  ownLevels++;
  try {
    return type.repr(v, (x) => itemRepr(x, w));
  } finally {
    ownLevels--;
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

/**
 * `{k: v, ...}` of a dict printed by its subclass's own repr at the subclass's level, as
 * defaultdict_repr calls dict_repr directly (not through PyObject_Repr, a level more).
 */
export function dictBodyRepr(d: PyDict, item: (x: Py) => string): string {
  const parts: string[] = [];
  for (const [nk, value] of d.m) parts.push(item(d.key(nk)) + ': ' + item(value));
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
  // PyObject_Repr enters a level for each item, an int or a str as well as a container
  if (w.seen.size + ownLevels >= nestingRoom(REPR_NESTING)) throw tooDeep(WHILE_REPR);
  const before = w.size;
  const text = reprIn(x, w);
  const inner = w.size - before;
  // a level that printed items of its own (a container, an exception holding args) is priced as a container's
  const container = inner > 0 || (typeof x === 'object' && x !== null && (Array.isArray(x) || x instanceof PyDict || x instanceof PySet || x instanceof PyTuple));
  // an item takes some 0.1 µs to print, a container's level 0.3 µs besides (its set of those open,
  // its parts joined): an eighth of a step and half of one, where a tick alone paid a 32nd (repr of
  // a list nested 900 deep, in a loop, took 10 ms per 1,000 steps; of 100,000 pairs, 7)
  if ((w.units += container ? 4 : 1) >= 1024) {
    charge(w.units >> 3);
    w.units &= 7;
  }
  // the text of what it holds (a container's items, an exception's args) is counted already: only what is new counts
  w.size += Math.max(text.length - inner, 2) + 2;
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
  // a text worded already (the engine words one leaving a run) is read, not worded again by a class's __str__ outside its run
  // the class's __name__, as the original printed it: error, not struct.error
  return `${e.type.name.slice(e.type.name.lastIndexOf('.') + 1)}: ${e.text ?? str(e)}`;
}
