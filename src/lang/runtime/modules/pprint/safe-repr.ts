/**
 * PrettyPrinter._safe_repr and its sort: the one-line repr of a value, whether Python could
 * read it back, and whether it holds itself. Its context is a dict of identity numbers (as
 * id() would key it; copy's numbers, made anew for each run), so a condition's own `format`
 * may be handed it and pass it on.
 */
import { getattr } from '../../attributes.js';
import { work } from '../../budget.js';
import { checkFrames, inFrames, textCounter } from './frames.js';
import { callValue } from '../../call.js';
import { UnsupportedError, fatalErr, typeErr, TypeError_ } from '../../exceptions.js';
import { formatValue } from '../../format.js';
import { iterate, len, ltValue, truthy } from '../../ops.js';
import { repr, str } from '../../repr.js';
import { PyDict, PyException, PyStrBox, PyTuple, typeName, type Py, type PyType } from '../../values.js';
import { idOf } from '../../identity.js';
import { isBuiltinScalar, kindOf, typeOfValue } from './kinds.js';

/** (repr, readable, recursive), as format() answers. */
export type Formatted = [string, boolean, boolean];

/** Whether a recursion marker may be made as a text no one reads (isrecursive, isreadable): else it is refused, as its id cannot be given. */
let markersUnread = 0;
export function readingFlagsOnly<T>(f: () => T): T {
  markersUnread++;
  try {
    return f();
  } finally {
    markersUnread--;
  }
}

/** A text handed to the condition (format's answer to a call of its own): any marker in it refused again. */
export function markersRead<T>(f: () => T): T {
  const outer = markersUnread;
  markersUnread = 0;
  try {
    return f();
  } finally {
    markersUnread = outer;
  }
}

/** _recursion(object): `<Recursion on list with id=...>` names id(object), which a condition cannot have. */
export function recursionMarker(object: Py): string {
  const name = typeOfValue(object).name;
  if (markersUnread > 0) return `<Recursion on ${name} with id=${idOf(object)}>`;
  throw fatalErr(
    UnsupportedError,
    `pprint cannot write '<Recursion on ${name} with id=...>' for a value that holds itself: the marker names the object's id(), which conditions do not have`,
  );
}

/** _safe_key(a) < _safe_key(b): a's own order, else the names of their types; of one type, id()'s order, which conditions cannot have. */
function safeLess(a: Py, b: Py): boolean {
  try {
    return truthy(ltValue(a, b));
  } catch (e) {
    if (!(e instanceof PyException) || e.fatal || !e.type.isSubclassOf(TypeError_)) throw e;
    const ta = str(typeOfValue(a));
    const tb = str(typeOfValue(b));
    if (ta !== tb) return ta < tb;
    throw fatalErr(UnsupportedError, `pprint cannot sort two ${typeOfValue(a).name} values that have no order: CPython orders them by id(), which conditions do not have`);
  }
}

/** sorted(values, key=_safe_key); a dict's items sorted by _safe_tuple compare their keys alone (two _safe_keys are never equal). */
export function safeSorted<T>(values: T[], key: (v: T) => Py): T[] {
  work(values.length * Math.max(1, Math.ceil(Math.log2(values.length + 1))));
  return values.slice().sort((x, y) => (safeLess(key(x), key(y)) ? -1 : safeLess(key(y), key(x)) ? 1 : 0));
}

/** A dict's items as a list of pairs: `object.items()`, sorted or not. */
export function dictItems(object: Py, sortDicts: boolean): [Py, Py][] {
  const items: [Py, Py][] = [];
  for (const pair of iterate(callValue(getItems(object), [], null))) {
    const [k, v] = pair instanceof PyTuple ? pair.items : (Array.from(iterate(pair)) as Py[]);
    items.push([k, v]);
  }
  return sortDicts ? safeSorted(items, (p) => p[0]) : items;
}

const getItems = (object: Py): Py => getattr(object, 'items');

/** The settings _safe_repr reads, and the hook it recurses through (self.format, a condition's own where its class defines one). */
export interface ReprSettings {
  sortDicts: boolean;
  underscoreNumbers: boolean;
  format(object: Py, context: PyDict, maxlevels: Py, level: number): Formatted;
}

const WHILE_REPR = ' while getting the repr of an object';

/** An item of ', '.join(components): a str (a subclass's value), else join's TypeError. */
function joinable(text: Py, i: number): string {
  if (typeof text === 'string') return text;
  if (text instanceof PyStrBox) return text.value;
  throw typeErr(`sequence item ${i}: expected str instance, ${typeName(text)} found`);
}

/** _safe_repr(object, context, maxlevels, level), under format's frame: two frames, as CPython's recursion counts them. */
export function safeRepr(p: ReprSettings, object: Py, context: PyDict, maxlevels: Py, level: number): Formatted {
  // the scalars held as JS values: a str, an int, a bool, None
  if (typeof object !== 'object' || object === null) {
    checkFrames(3, WHILE_REPR);
    return [typeof object === 'number' || typeof object === 'bigint' ? (p.underscoreNumbers ? formatValue(object, '_d') : repr(object)) : repr(object), true, false];
  }
  const typ: PyType = typeOfValue(object);
  const kind = isBuiltinScalar(typ) ? null : kindOf(typ);
  if (kind === 'dict' || kind === 'list' || kind === 'tuple') return inFrames(2, () => containerRepr(p, kind, object, context, maxlevels, level));
  // repr(object), a C call, checks the recursion limit above the two frames
  checkFrames(3, WHILE_REPR);
  if (kind === 'int') return [p.underscoreNumbers ? formatValue(object, '_d') : repr(object), true, false];
  const rep = repr(object);
  return [rep, kind === null && isBuiltinScalar(typ) ? true : rep !== '' && !rep.startsWith('<'), false];
}

function containerRepr(p: ReprSettings, kind: 'dict' | 'list' | 'tuple', object: Py, context: PyDict, maxlevels: Py, level: number): Formatted {
  // `not object` and len(object), as the Python asks them: a subclass's __len__ is heard
  let open: string, close: string;
  if (kind === 'dict') {
    if (!truthy(object)) return ['{}', true, false];
    [open, close] = ['{', '}'];
  } else if (kind === 'list') {
    if (!truthy(object)) return ['[]', true, false];
    [open, close] = ['[', ']'];
  } else if (len(object) === 1) [open, close] = ['(', ',)'];
  else {
    if (!truthy(object)) return ['()', true, false];
    [open, close] = ['(', ')'];
  }
  const objid = idOf(object);
  if (truthy(maxlevels) && !truthy(ltValue(level, maxlevels))) return [`${open}...${close}`, false, context.has(objid)];
  if (context.has(objid)) return [recursionMarker(object), false, true];
  context.set(objid, 1);
  let readable = true;
  let recursive = false;
  const parts: string[] = [];
  const count = textCounter();
  level += 1;
  const add = (text: string): void => {
    count(text.length + 2);
    parts.push(text);
  };
  if (kind === 'dict') {
    for (const [k, v] of dictItems(object, p.sortDicts)) {
      const [krepr, kreadable, krecur] = p.format(k, context, maxlevels, level);
      const [vrepr, vreadable, vrecur] = p.format(v, context, maxlevels, level);
      // '%s: %s' % (krepr, vrepr): str() of whatever a condition's format answered
      add(`${str(krepr)}: ${str(vrepr)}`);
      readable = readable && kreadable && vreadable;
      if (krecur || vrecur) recursive = true;
    }
  } else {
    for (const o of Array.from(iterate(object))) {
      const [orepr, oreadable, orecur] = p.format(o, context, maxlevels, level);
      add(joinable(orepr, parts.length));
      if (!oreadable) readable = false;
      if (orecur) recursive = true;
    }
  }
  context.delete(objid);
  return [open + parts.join(', ') + close, readable, recursive];
}
