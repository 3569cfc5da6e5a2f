import { NEGATIVE_NAN } from './negative-nan.js';
import { stripAsciiSix } from './py-space.js';
import { walkBack as walkDictBack } from './types/dict.js';
import { OdictMap, odictWalk } from './types/odict-map.js';
import { makeRange, PyBigRange, reversedRange } from './types/big-range.js';
import { PyRangeIterator } from './iteration.js';
import { GENERIC_ORIGINS, PyGenericAlias, setOriginAttr } from './types/generic-alias.js';
import { PyUnionType, setNoneType, unionArgs } from './types/union-type.js';
import { setBuiltins } from './introspection.js';
import { REFLECT_BUILTINS } from './builtins-reflect.js';
import { bindArgs, clinicCount, positionalSignature } from './signature.js';
import { decode, makeBytes, PyBytes } from './bytes.js';
import { contiguousOf } from './bytes-like.js';
import { makeByteArray, PyByteArray } from './bytearray.js';
import { makeMemoryView, PyMemoryView } from './memoryview.js';
import { moduleBases } from './builtin-subclass.js';
import { classOfInstance, lenOfInstance, OBJECT_CLASS, PyClass, PyInstance, PySuper } from './classes.js';
import { isHooked, PyClassException } from './class-values.js';
import { isOrdered } from './types/ordered.js';
import { PyComplex } from './complex/type.js';
import { parseComplex } from './complex/text.js';
import { CLASSMETHOD, PROPERTY, PyStaticMethod, STATICMETHOD } from './descriptors.js';
import { typeNew } from './type-new.js';
import { setMetaclassBuiltins } from './metaclass.js';
import { PyClassOfMeta } from './class-values.js';
import { bindAttr, bindTo } from './descriptors.js';
import { callDunder, NOT_IMPLEMENTED_VALUE } from './class-operators.js';
import { PyFrozenSet } from './frozenset.js';
import { bind, clinic, indexArg, indexOf, intArg, one } from './args.js';
import { callValue } from './call.js';
import { ternaryPow } from './ternary-pow.js';
import { getattr } from './attributes.js';
import { PyMappingProxy } from './mappingproxy-value.js';
import { countedCall, step, tick, work } from './budget.js';
import { cpLen, cpString } from './codepoints.js';
import { fatalErr, IndexError, OverflowError, StopIteration, stopIteration, UnsupportedError, ValueError, ZeroDivisionError, pyErr, typeErr, valueErr } from './exceptions.js';
import { mroOf } from './object-class.js';
import { formatValue } from './format.js';
import * as int from './int/index.js';
import type { Int } from './int/index.js';
import { roundFloat, toFixedPy } from './numbers.js';
import { complexOfClass, floatOfClass, intOfClass, roundOfClass } from './numeric-dunders.js';
import { reversedOfClass } from './sequence-dunders.js';
import { lateOwner } from './late-hooks.js';
import { sortItems } from './methods-list.js';
import { updateDict } from './methods-dict.js';
import * as ops from './ops.js';
import { asciiRepr, repr, str } from './repr.js';
import { setOf } from './sets.js';
import { protocolMethod, typeOf as slotsOf } from './types/table.js';
import { makeSlice, PySlice } from './slice.js';
import { isListLike, isTupleLike, PyHookedCollection } from './hooked-collection.js';
import { argTypeName, ELLIPSIS, EMPTY_TUPLE, isDefMethod, latin1, PyDict, PyException, PyFloat, PyFunc, PyIntBox, PyIntFlag, PyIterator, PyRange, PySet, PyStrBox, PyTuple, PyType, PyView, tupleOf, typeName, type NativeFn, type Py } from './values.js';
import { asciiDecimal } from './int/text.js';

export { callValue };

// ---------------------------------------------------------------- conversions


/** float()'s and complex()'s text with its Unicode digits and spaces made ASCII (int/text.ts asciiDecimal), paid first. */
function decimalText(s: string): string {
  if (!/[^\x00-\x7f]/.test(s)) return s;
  // two steps a character, paid first: a character met for the first time is up to ten lookups in Unicode's tables (about 1 us)
  work(s.length * 64);
  return asciiDecimal(s);
}

export function toInt(v: Py, base?: Py): Int {
  // PyNumber_Long: a class's __int__, __index__ or __trunc__ first (numeric-dunders.ts)
  const own = base === undefined ? intOfClass(v) : undefined;
  if (own !== undefined) return own;
  if (typeof v === 'object' && v instanceof PyStrBox) {
    // PyNumber_Long asks a class's __index__ before it reads a str subclass's instance as its str
    const n = base === undefined ? indexOf(v) : undefined;
    if (n !== undefined) return n;
    v = v.value;
  }
  if (base !== undefined) {
    const b = ops.intOf(base);
    if (b === undefined) throw typeErr(`'${typeName(base)}' object cannot be interpreted as an integer`);
    // a huge base is out of range as any other, and the range is checked before x's type (long_new_impl)
    const n = typeof b === 'bigint' ? -1 : b;
    if (n !== 0 && (n < 2 || n > 36)) throw valueErr('int() base must be >= 2 and <= 36, or 0');
    if (v instanceof PyBytes) return intFromOctets(v.data, n);
    if (typeof v !== 'string') throw typeErr("int() can't convert non-string with explicit base");
    return int.parseInt(v, n);
  }
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyIntBox) return v.value;
  if (v instanceof PyFloat) return int.fromFloat(v.v);
  if (typeof v === 'string') return int.parseInt(v, 10);
  const octets = contiguousOf(v);
  if (octets !== null) return intFromOctets(octets, 10);
  // a class's __index__, as PyNumber_Long falls back to it
  const n = indexOf(v);
  if (n !== undefined) return n;
  // a module's numeric type's nb_int (decimal.Decimal)
  const nbInt = protocolMethod(v, '__int__');
  if (nbInt !== undefined) return nbInt(v, [], null) as Int;
  throw typeErr(`int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
}

/** _PyLong_FromBytes: the octets read as ASCII digits (C's whitespace, no other script's), CPython's error naming them as bytes. */
function intFromOctets(octets: Uint8Array, base: number): Int {
  const text = latin1(octets);
  try {
    if (/[^\x01-\x7f]/.test(text)) throw valueErr('invalid literal');
    return int.parseInt(text, base);
  } catch (e) {
    if (!(e instanceof PyException && e.type === ValueError && String(e.args[0]).startsWith('invalid literal'))) throw e;
    // %.200R of the first 200 octets: the repr itself cut at 200 characters
    throw valueErr(`invalid literal for int() with base ${base}: ${repr(new PyBytes(octets.slice(0, 200))).slice(0, 200)}`);
  }
}

const FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?(?:\d(?:_?\d)*)?(?:[eE][+-]?\d(?:_?\d)*)?|inf|infinity|nan)$/i;

/** A plain decimal such as '2.430' or '-1e5' without regular expressions: NaN for anything else. */
function plainDecimal(s: string): number {
  let digits = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits = true;
    else if (c !== 46 && c !== 101 && c !== 69 && c !== 43 && c !== 45) return NaN;
  }
  return digits ? Number(s) : NaN;
}

export function toFloat(v: Py): PyFloat {
  // float(x) of a subclass's instance is a float
  if (v instanceof PyFloat) return v.constructor === PyFloat ? v : new PyFloat(v.v);
  if (typeof v === 'number') return new PyFloat(v);
  if (typeof v === 'bigint') return new PyFloat(int.toFloat(v));
  if (typeof v === 'boolean') return new PyFloat(v ? 1 : 0);
  if (v instanceof PyIntBox) return toFloat(v.value);
  if (typeof v === 'string') {
    // read a character at a time, maybe more than once
    if (v.length > 64) work(v.length);
    const quick = plainDecimal(v);
    if (quick === quick) return new PyFloat(quick);
    const s = stripAsciiSix(decimalText(v));
    if (!FLOAT_TEXT.test(s) || !/\d|inf|nan/i.test(s) || /^[+-]?\.?(?:[eE]|$)/.test(s)) throw valueErr(`could not convert string to float: ${repr(v)}`);
    const lower = s.toLowerCase().replace(/_/g, '');
    if (lower.endsWith('nan')) return new PyFloat(lower.startsWith('-') ? NEGATIVE_NAN : NaN);
    if (lower.endsWith('inf') || lower.endsWith('infinity')) return new PyFloat(lower.startsWith('-') ? -Infinity : Infinity);
    return new PyFloat(Number(lower));
  }
  // PyNumber_Float asks a class's __index__ before it reads a str subclass's instance as its str
  if (v instanceof PyStrBox) return toFloat(indexOf(v) ?? v.value);
  // PyFloat_FromString of a bytes-like object: its octets as ASCII text, CPython's error naming the object
  const octets = contiguousOf(v);
  if (octets !== null) {
    const text = latin1(octets);
    try {
      if (/[^\x01-\x7f]/.test(text)) throw valueErr('could not convert');
      return toFloat(text);
    } catch (e) {
      if (!(e instanceof PyException && e.type === ValueError)) throw e;
      throw valueErr(`could not convert string to float: ${repr(v)}`);
    }
  }
  // a module's numeric type's nb_float (decimal.Decimal)
  const nbFloat = protocolMethod(v, '__float__');
  if (nbFloat !== undefined) return nbFloat(v, [], null) as PyFloat;
  // a class's __index__, as PyNumber_Float falls back to it
  const n = indexOf(v);
  if (n !== undefined) return new PyFloat(typeof n === 'bigint' ? int.toFloat(n) : n);
  throw typeErr(`float() argument must be a string or a real number, not '${typeName(v)}'`);
}


// ---------------------------------------------------------------- types

const typeChecks = new Map<PyType, (v: Py) => boolean>();
const typesByName = new Map<string, PyType>();

function makeType(name: string, fn: NativeFn, check: (v: Py) => boolean, base: PyType | null = null): PyType {
  const t = new PyType(name, fn, base);
  typeChecks.set(t, check);
  typesByName.set(name, t);
  return t;
}

const isIntValue = ops.isIntLike;

/** list(v), tuple(v) and sorted(v)'s items: a class's __len__ asked too, as list_extend reads a length hint. */
function hintedList(v: Py): Py[] {
  if (Array.isArray(v)) return ops.toList(v);
  // list_extend: the iterator first (PyObject_GetIter), then the hint, so a class with __len__ alone is not iterable whatever __len__ answers
  if (typeof v === 'object' && v !== null && 'cls' in v) {
    const items = ops.iterate(v)[Symbol.iterator]();
    ops.lengthHint(v);
    return ops.toList(lazy('iterator', items));
  }
  ops.lengthHint(v);
  return ops.toList(v);
}

// int(x, /, base=10): int(x='1') is a wrong keyword
const X_POSITIONAL = { posOnly: 1 };

export const INT = makeType(
  'int',
  (a, k) => {
    const [v, base] = bind('int', a, k, ['x', 'base'], 0, undefined, X_POSITIONAL);
    // a base is an index, as CPython takes it: int('5', base=2.0) is a TypeError; a huge one is clipped (PyNumber_AsSsize_t), so out of range
    if (v === undefined && base !== undefined) throw typeErr('int() missing string argument');
    return v === undefined ? 0 : toInt(v, base === undefined ? base : intArg(base));
  },
  isIntValue,
);
// Argument Clinic's, positional only: float(x=1) is a TypeError, not 0.0
export const FLOAT = makeType('float', (a, k) => (clinic('float', a, k, 0, 1).length === 0 ? new PyFloat(0) : floatOf(a[0])), (v) => v instanceof PyFloat);

/** PyNumber_Float: a class's __float__ (or __index__) first (numeric-dunders.ts), then as any value. */
function floatOf(v: Py): PyFloat {
  const own = floatOfClass(v);
  return own === undefined ? toFloat(v) : new PyFloat(own);
}
export const STR = makeType('str', toStr, (v) => typeof v === 'string' || v instanceof PyStrBox);
export const BOOL = makeType('bool', (a, k) => (clinic('bool', a, k, 0, 1).length === 0 ? false : ops.truthy(a[0])), (v) => typeof v === 'boolean', INT);
export const LIST = makeType('list', (a, k) => (clinic('list', a, k, 0, 1).length === 0 ? [] : hintedList(a[0])), isListLike);
// tuple(t) of an exact tuple is t itself, and () is one object
export const TUPLE = makeType('tuple', (a, k) => (clinic('tuple', a, k, 0, 1).length === 0 ? EMPTY_TUPLE : a[0] instanceof PyTuple && a[0].constructor === PyTuple ? a[0] : tupleOf(hintedList(a[0]))), isTupleLike);
export const SET = makeType('set', (a, k) => (clinic('set', a, k, 0, 1).length === 0 ? new PySet() : setOf(a[0])), (v) => v instanceof PySet && !(v instanceof PyFrozenSet));

/** str(object='', encoding='utf-8', errors='strict') as unicode_new: given an encoding or errors, the object is bytes to decode. */
function toStr(a: Py[], k: Map<string, Py> | null): Py {
  if (k === null && a.length === 1) return str(a[0]);
  const [object, encodingArg, errorsArg] = bind('str', a, k, ['object', 'encoding', 'errors']);
  if (encodingArg === undefined && errorsArg === undefined) return object === undefined ? '' : str(object);
  // a str subclass's instance is its str
  const [encoding, errors] = [encodingArg, errorsArg].map((v) => (v instanceof PyStrBox ? v.value : v));
  for (const [name, v] of [['encoding', encoding], ['errors', errors]] as const) {
    if (v !== undefined && typeof v !== 'string') throw typeErr(`str() argument '${name}' must be str, not ${argTypeName(v)}`);
  }
  if (object === undefined) return '';
  if (typeof object === 'string' || object instanceof PyStrBox) throw typeErr('decoding str is not supported');
  const octets = contiguousOf(object);
  if (octets === null) throw typeErr(`decoding to str: need a bytes-like object, ${typeName(object)} found`);
  // a view's octets copied: the error's bytes must not change with the bytearray under it
  return decode(object instanceof PyBytes ? object : new PyBytes(octets.slice()), [encoding ?? 'utf-8', errors ?? 'strict'], null);
}
/** A module's numeric type's __complex__ or __float__ (fractions.Fraction, decimal.Decimal), as complex_new asks them; undefined for any other value. */
function moduleNumber(v: Py, name: '__complex__' | '__float__'): Py | undefined {
  if (typeof v !== 'object' || v === null || v instanceof PyFloat || v instanceof PyComplex || v instanceof PyIntBox) return undefined;
  const own = protocolMethod(v, name);
  return own === undefined ? undefined : own(v, [], null);
}

/**
 * complex(real, imag) as complex_new: a str alone is parsed; otherwise two numbers (a
 * complex among them too) make real + imag*1j, part by part.
 */
function toComplex(a: Py[], k: Map<string, Py> | null): PyComplex {
  // an int or str subclass's instance is an int or a str there
  let [r, i] = bind('complex', a, k, ['real', 'imag']).map((v) => (v instanceof PyIntBox || v instanceof PyStrBox ? v.value : v));
  if (r === undefined) return i === undefined ? new PyComplex(0, 0) : toComplex([0, i], null);
  if (typeof r === 'string') {
    if (i !== undefined) throw typeErr("complex() can't take second arg if first is a string");
    // read a character at a time, more than once
    if (r.length > 64) work(r.length);
    const z = parseComplex(decimalText(r));
    if (z === 'underscore') throw valueErr(`could not convert string to complex: ${repr(r)}`);
    if (z === 'malformed') throw valueErr('complex() arg is a malformed string');
    return new PyComplex(z.re, z.im);
  }
  if (typeof i === 'string') throw typeErr("complex() second arg can't be a string");
  // a class's __complex__ makes the first part, as try_complex_special_method asks it; its
  // __float__ or __index__ makes a float of a part, as complex_new takes nb_float and nb_index (numeric-dunders.ts)
  const [givenR, givenI] = [a.length > 0 ? a[0] : k?.get('real'), a.length > 1 ? a[1] : k?.get('imag')];
  r = complexOfClass(givenR) ?? moduleNumber(r, '__complex__') ?? r;
  const isNum = (v: Py) => isNumber(v) || v instanceof PyComplex;
  const indexed = (v: Py, given: Py): Py => {
    const n = v === undefined || v instanceof PyComplex ? undefined : floatOfClass(given);
    if (n === undefined && v !== undefined) return moduleNumber(v, '__float__') ?? v;
    return n === undefined ? v : new PyFloat(n);
  };
  const given = r;
  if (!isNum((r = indexed(r, givenR)))) throw typeErr(`complex() first argument must be a string or a number, not '${typeName(given)}'`);
  if (i !== undefined && !isNum((i = indexed(i, givenI)))) throw typeErr(`complex() second argument must be a number, not '${typeName(i)}'`);
  // a subclass's instance is made a complex, as complex_new's exact check has it
  if (r instanceof PyComplex && i === undefined) return r.constructor === PyComplex ? r : new PyComplex(r.re, r.im);
  let re = r instanceof PyComplex ? r.re : ops.num(r)!;
  let im = i === undefined ? 0 : i instanceof PyComplex ? i.re : ops.num(i)!;
  if (i instanceof PyComplex) re -= i.im;
  if (r instanceof PyComplex && i !== undefined) im += r.im;
  return new PyComplex(re, im);
}

const FROZENSET_SIGNATURE = positionalSignature('frozenset', 'clinic', 0, 1);
const FROZENSET = makeType('frozenset', (a, k) => {
  const [items] = bindArgs(FROZENSET_SIGNATURE, a, k);
  // frozenset_new hands back only an exact frozenset: a subclass's instance is copied
  return items instanceof PyFrozenSet && items.constructor === PyFrozenSet ? items : PyFrozenSet.adopt(items === undefined ? new PySet() : setOf(items));
}, (v) => v instanceof PyFrozenSet);
export const DICT = makeType(
  'dict',
  (a, k) => {
    // its keywords are items, which update() reads
    if (a.length > 1) throw typeErr(clinicCount('dict', a.length, 0, 1));
    const d = new PyDict();
    updateDict(d, a[0], k);
    return d;
  },
  (v) => v instanceof PyDict,
);
export const RANGE = makeType(
  'range',
  (a, k) => {
    // ints of any size: a range past the safe integers is held in BigInts (types/big-range.ts)
    const [x, y, z] = clinic('range', a, k, 1, 3).map((v) => intArg(v));
    if (z === 0) throw valueErr('range() arg 3 must not be zero');
    return a.length === 1 ? makeRange(0, x, 1) : makeRange(x, y, z ?? 1);
  },
  (v) => v instanceof PyRange || v instanceof PyBigRange,
);
/** A singleton's type called (none_new, ellipsis_new, notimplemented_new): its one value, and no argument taken. */
const singletonType = (name: string, shown: string, value: Py) => makeType(name, (a, k) => {
  if (a.length > 0 || (k !== null && k.size > 0)) throw typeErr(`${shown} takes no arguments`);
  return value;
}, (v) => v === value);
setNoneType(singletonType('NoneType', 'NoneType', null));
singletonType('NotImplementedType', 'NotImplementedType', NOT_IMPLEMENTED_VALUE);
// an alias's attributes other than its own are its origin's (list[int].append)
setOriginAttr(getattr);
makeType('complex', toComplex, (v) => v instanceof PyComplex);
const BYTES = makeType('bytes', (a, k) => makeBytes(a, k, ops.toList), (v) => v instanceof PyBytes && !(v instanceof PyByteArray));
const BYTEARRAY = makeType('bytearray', makeByteArray, (v) => v instanceof PyByteArray);
const MEMORYVIEW = makeType('memoryview', makeMemoryView, (v) => v instanceof PyMemoryView);
singletonType('ellipsis', 'EllipsisType', ELLIPSIS);
/**
 * types.MappingProxyType(mapping) (mappingproxy_new): a live, read-only view of a dict, read directly, or of any other
 * mapping (a dict's subclass, a class with __getitem__), read through its own methods; never a list or a tuple
 */
export function mappingProxyOf(mapping: Py): PyMappingProxy {
  if (mapping instanceof PyDict && mapping.constructor === PyDict) return new PyMappingProxy(mapping);
  // PyMapping_Check: a subscript (items.ts getitem's), a class's __getitem__ or a type's own (a type's [] is
  // __class_getitem__); PyList_Check and PyTuple_Check: no list or tuple, nor a subclass's instance
  const subscript = mapping instanceof PyInstance ? mapping.cls.lookup('__getitem__') !== undefined
    : typeof mapping === 'string' || mapping instanceof PyDict || mapping instanceof PyRange || mapping instanceof PyBytes
      || (mapping !== null && typeof mapping === 'object' && !(mapping instanceof PyType) && (typeof mapping.pyGetItem === 'function' || slotsOf(mapping).getitem != null));
  if (!subscript || isinstance(mapping, LIST) || isinstance(mapping, TUPLE)) throw typeErr(`mappingproxy() argument must be a mapping, not ${typeName(mapping)}`);
  return new PyMappingProxy(null, mapping);
}
makeType('mappingproxy', (a, k) => mappingProxyOf(bind('mappingproxy', a, k, ['mapping'], 1)[0]), (v) => v instanceof PyMappingProxy || typeName(v) === 'mappingproxy');
const SLICE = makeType('slice', makeSlice, (v) => v instanceof PySlice);
// func_new(code, globals, ...): a condition has no code object, so every call is refused, in clinic's order of checks
makeType('function', (a, k) => {
  const named = (name: string, i: number) => a[i] ?? k?.get(name);
  const code = named('code', 0);
  if (code === undefined) throw typeErr("function() missing required argument 'code' (pos 1)");
  if (named('globals', 1) === undefined) throw typeErr("function() missing required argument 'globals' (pos 2)");
  for (const key of k?.keys() ?? []) if (!['code', 'globals', 'name', 'argdefs', 'closure'].includes(key)) throw typeErr(`'${key}' is an invalid keyword argument for function()`);
  throw typeErr(`function() argument 'code' must be code, not ${argTypeName(code)}`);
}, (v) => v instanceof PyFunc && v.kind === 'function');
const BUILTIN_FUNCTION = makeType('builtin_function_or_method', () => {
  throw typeErr("cannot create 'builtin_function_or_method' instances");
}, (v) => v instanceof PyFunc && v.kind !== 'function' && !(v instanceof PyType) && !isDefMethod(v));
// a method of a def or a classmethod (CPython's PyMethod): `type(a.f)(f, a)` binds as method_new does
makeType('method', (a, k) => {
  if (k !== null && k.size > 0) throw typeErr('method() takes no keyword arguments');
  if (a.length !== 2) throw typeErr(`method expected 2 arguments, got ${a.length}`);
  if (!isCallable(a[0])) throw typeErr('first argument must be callable');
  if (a[1] === null) throw typeErr('instance must not be None');
  return bindTo(a[0], a[1]);
}, isDefMethod);
const TYPE = makeType('type', (a, k) => {
  // type_new's checks: the count first, then keywords; three arguments make a class as a class statement does
  if (a.length === 3) return typeInit(typeNew(a[0], a[1], a[2], k), a, k);
  if (a.length !== 1) throw typeErr('type() takes 1 or 3 arguments');
  if (k !== null && k.size !== 0) throw typeErr('type() takes no keyword arguments');
  return typeOf(a[0]);
}, (v) => v instanceof PyType);
setMetaclassBuiltins(TYPE, typeOf);

/** type_call's second half: a class a metaclass made (a base's) is given to that metaclass's __init__. */
function typeInit(cls: Py, a: Py[], k: Map<string, Py> | null): Py {
  if (!(cls instanceof PyClassOfMeta)) return cls;
  const init = cls.meta.lookup('__init__');
  if (init === undefined) return cls;
  const r = callValue(bindAttr(init, cls, cls.meta, '__init__'), a, k);
  if (r !== null) throw typeErr(`__init__() should return None, not '${typeName(r)}'`);
  return cls;
}

/**
 * super(type, obj) and super(type), as super_init checks them; super() with no arguments in a
 * method is the compiler's (compile/classes.ts superCall), which knows the __class__ cell and
 * the first argument, so a call that reaches here with none has neither.
 */
const SUPER_TYPE = makeType('super', (args, kw) => {
  if (kw !== null && kw.size > 0) throw typeErr('super() takes no keyword arguments');
  // a call of a name or an expression is answered at its call site (compile/expressions.ts indirectSuper); one as a method or by a builtin (defaultdict(super)) reads, in CPython, the frame of the function that made it, which is not known here
  if (args.length === 0) throw fatalErr(UnsupportedError, "super() without arguments is not available in conditions but called by a name or an expression (not as a method, nor by a builtin): only then is the caller's frame known");
  if (args.length > 2) throw typeErr(`super() expected at most 2 arguments, got ${args.length}`);
  const [t, obj] = args;
  if (!(t instanceof PyType)) throw typeErr(`super() argument 1 must be a type, not ${typeName(t)}`);
  if (obj === undefined || obj === null && args.length === 1) return new PySuper(t as PyClass, undefined);
  // supercheck: obj a subtype of t (super(t, cls) in a classmethod), or an instance of one
  const ofClass = obj instanceof PyType && mroOf(obj).includes(t);
  if (!ofClass && !mroOf(typeOf(obj)).includes(t)) throw typeErr('super(type, obj): obj must be an instance or subtype of type');
  return new PySuper(t as PyClass, obj);
}, (v) => v instanceof PySuper);

// list[int] and its kin: the types whose __class_getitem__ makes a generic alias
for (const t of [LIST, DICT, TUPLE, SET, FROZENSET, TYPE]) GENERIC_ORIGINS.add(t);

function typeOf(v: Py): PyType {
  if (v instanceof PyException) return v.type;
  if (v instanceof PyInstance) return v.cls;
  const slots = slotsOf(v);
  if (slots.classOf !== undefined) return slots.classOf(v);
  const name = typeName(v);
  return typesByName.get(name) ?? slots.type ?? (v instanceof PyFunc ? BUILTIN_FUNCTION : opaqueType(name));
}

/** The type of values no builtin makes, by its name: re.Match and re.Pattern, which the re module names. */
export const opaqueTypeNamed = (name: string): PyType => typesByName.get(name) ?? opaqueType(name);

/**
 * The type of values no builtin makes (re.Match, re.Pattern, list_iterator), made when first
 * asked for: it names them, and isinstance knows them, but it creates nothing, as in CPython.
 */
function opaqueType(name: string): PyType {
  return makeType(name, () => {
    throw typeErr(`cannot create '${name}' instances`);
  }, (v) => !(v instanceof PyType) && typeName(v) === name);
}

/**
 * reversed() of a list or tuple subclass's hooked instance: list's __reversed__ reads the items
 * as held; tuple has none, so reversed() walks back by len() and x[i], the class's if it has them,
 * until an IndexError, as reversed_new does.
 */
function reversedCollection(seq: PyHookedCollection): Py {
  if (Array.isArray(seq.value)) return lazy('list_reverseiterator', seq.value.slice().reverse()[Symbol.iterator]());
  return walkBack(seq);
}

/** reversed_next: x[len(x) - 1] down to x[0], ended early by an IndexError or StopIteration. */
function walkBack(seq: Py): Py {
  const n = ops.len(seq);
  return lazy('reversed', (function* () {
    for (let i = n - 1; i >= 0; i--) {
      step();
      let x: Py;
      try {
        x = ops.getitem(seq, i);
      } catch (e) {
        if (e instanceof PyException && !e.fatal && (e.type.isSubclassOf(IndexError) || e.type.isSubclassOf(StopIteration))) return;
        throw e;
      }
      yield x;
    }
  })());
}

/**
 * A module's own answer for `isinstance(v, t)` (`subclass`: issubclass(v, t)) where t is no type
 * but one of its objects with an `__instancecheck__` in CPython (typing's `List`, `Union[int, str]`),
 * or undefined where t is none of them; set by that module.
 */
let foreignCheck: (v: Py, t: Py, subclass: boolean) => boolean | undefined = () => undefined;
export const setForeignCheck = (f: typeof foreignCheck): void => {
  foreignCheck = f;
};

export function isinstance(v: Py, t: Py): boolean {
  // a union is the tuple of its members (object_recursive_isinstance)
  if (t instanceof PyUnionType) t = unionArgs(t);
  if (t instanceof PyTuple) {
    // nested tuples multiply: (t,) * 1000 three levels deep is 10**9 checks
    for (const x of t.items) if ((tick(), isinstance(v, x))) return true;
    return false;
  }
  // a metaclass's __instancecheck__ answers for its classes, but for an instance of the class itself (PyObject_IsInstance)
  if (t instanceof PyClassOfMeta && typeOf(v) !== t) {
    const hook = t.meta.lookup('__instancecheck__');
    if (hook !== undefined) return ops.truthy(callValue(bindAttr(hook, t, t.meta, '__instancecheck__'), [v], null));
  }
  return plainIsinstance(v, t);
}

/** type.__instancecheck__: the instance's class's order. */
export function plainIsinstance(v: Py, t: Py): boolean {
  if (t instanceof PyGenericAlias) throw typeErr('isinstance() argument 2 cannot be a parameterized generic');
  if (!(t instanceof PyType)) {
    const r = foreignCheck(v, t, false);
    if (r !== undefined) return r;
    throw typeErr('isinstance() arg 2 must be a type, a tuple of types, or a union');
  }
  if (t.isException) return v instanceof PyException && v.type.isSubclassOf(t);
  if (t === OBJECT_CLASS) return true;
  // a plain class may be a mixin of an exception class: class E(Mixin, Exception)
  if (t instanceof PyClass) {
    const c = classOfInstance(v);
    if (c !== null) return c.isSubclassOf(t);
    // a module's value whose type derives from a class written as one (re.I, of enum.IntFlag), or a class of a metaclass
    const slots = v !== null && typeof v === 'object' ? slotsOf(v) : undefined;
    return (slots?.classOf?.(v) ?? slots?.type)?.isSubclassOf(t) === true;
  }
  // a module's type a plain class derives from: class Z(tzinfo)
  if (moduleBases.isPlainBase(t) && classOfInstance(v)?.isSubclassOf(t) === true) return true;
  if (t === INT) return isIntValue(v) || v instanceof PyIntBox;
  // a type's subclasses too: a datetime is a date
  const slots = slotsOf(v);
  return typeChecks.get(t)?.(v) ?? (slots.classOf?.(v) ?? slots.type)?.isSubclassOf(t) === true;
}

function issubclass(c: Py, t: Py): boolean {
  if (t instanceof PyUnionType) t = unionArgs(t);
  if (t instanceof PyTuple) {
    for (const x of t.items) if ((tick(), issubclass(c, x))) return true;
    return false;
  }
  // a metaclass's __subclasscheck__ answers for its classes, whatever the first argument is (PyObject_IsSubclass)
  if (t instanceof PyClassOfMeta) {
    const hook = t.meta.lookup('__subclasscheck__');
    if (hook !== undefined) return ops.truthy(callValue(bindAttr(hook, t, t.meta, '__subclasscheck__'), [c], null));
  }
  return plainIssubclass(c, t);
}

/** type.__subclasscheck__: the class's order, with CPython's words for what is no class. */
export function plainIssubclass(c: Py, t: Py): boolean {
  if (!(c instanceof PyType)) {
    // a module's object that is a class in CPython (typing.Any)
    const r = foreignCheck(c, t, true);
    if (r !== undefined) return r;
    throw typeErr('issubclass() arg 1 must be a class');
  }
  if (t instanceof PyGenericAlias) throw typeErr('issubclass() argument 2 cannot be a parameterized generic');
  if (!(t instanceof PyType)) {
    const r = foreignCheck(c, t, true);
    if (r !== undefined) return r;
    throw typeErr('issubclass() arg 2 must be a class, a tuple of classes, or a union');
  }
  // every class is object's
  return t === OBJECT_CLASS || c.isSubclassOf(t);
}

// ---------------------------------------------------------------- helpers of builtins

const KEYWORDS_ONLY = { kwOnly: 2 };

function minmax(fname: 'min' | 'max', args: Py[], kw: Map<string, Py> | null): Py {
  // min_max: the positional arguments counted first, then key and default, keyword-only
  if (args.length === 0) throw typeErr(`${fname} expected at least 1 argument, got 0`);
  const [key, dflt] = bind(fname, [], kw, ['key', 'default'], 0, undefined, KEYWORDS_ONLY);
  const items = args.length === 1 ? ops.toList(args[0]) : args;
  if (args.length > 1 && dflt !== undefined) throw typeErr(`Cannot specify a default for ${fname}() with multiple positional arguments`);
  if (items.length === 0) {
    if (dflt !== undefined) return dflt;
    throw valueErr(`${fname}() arg is an empty sequence`);
  }
  const keyOf = key === undefined || key === null ? (v: Py) => v : (v: Py) => callValue(key, [v], null);
  let best = items[0];
  let bestKey = keyOf(best);
  for (let i = 1; i < items.length; i++) {
    // a comparison of two ints or strs calls nothing that pays: max(*row) of 300,000 items took 10 ms
    tick();
    const k = keyOf(items[i]);
    if (fname === 'max' ? ops.gt(k, bestKey) : ops.lt(k, bestKey)) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}

function round(args: Py[], kw: Map<string, Py> | null): Py {
  const [x, nd] = bind('round', args, kw, ['number', 'ndigits'], 1);
  // a class's __round__ (numeric-dunders.ts), before an int or float subclass's base
  const own = roundOfClass(x, nd);
  if (own !== undefined) return own;
  if (ops.isIntLike(x) || x instanceof PyIntBox) return nd === undefined || nd === null ? ops.intOf(x) : int.round(ops.intOf(x)!, intArg(nd));
  // a module's numeric type's __round__ (decimal.Decimal)
  const ownRound = x instanceof PyFloat ? undefined : protocolMethod(x, '__round__');
  if (ownRound !== undefined) return ownRound(x, nd === undefined || nd === null ? [] : [nd], null);
  if (!(x instanceof PyFloat)) throw typeErr(`type ${typeName(x)} doesn't define __round__ method`);
  if (nd === undefined || nd === null) {
    if (!Number.isFinite(x.v)) throw x.v !== x.v ? valueErr('cannot convert float NaN to integer') : pyErr(OverflowError, 'cannot convert float infinity to integer');
    // past 2**52 every float is integral: its exact value, not a decimal string's
    return Math.abs(x.v) >= 2 ** 52 ? int.fromFloat(x.v) : Number(toFixedPy(x.v, 0)) + 0;
  }
  // a huge ndigits leaves a float as it is (positive) or makes it 0.0 (negative)
  const given = intArg(nd);
  const digits = typeof given === 'bigint' ? (given > 0n ? 400 : -400) : given;
  if (!Number.isFinite(x.v)) return x;
  // CPython rounds through the decimal string, sign included: round(-0.04, 1) is -0.0
  const r = roundFloat(x.v, digits);
  if (!Number.isFinite(r)) throw pyErr(OverflowError, 'rounded value too large to represent');
  return new PyFloat(r);
}

const isNumber = (v: Py): boolean => ops.isIntLike(v) || v instanceof PyFloat;

function sum(args: Py[], kw: Map<string, Py> | null): Py {
  const [items, start = 0] = bind('sum', args, kw, ['iterable', 'start'], 1, undefined, X_POSITIONAL);
  // sum_impl gets the iterator before it looks at start: a non-iterable's TypeError comes first
  const walk = ops.iterate(items);
  if (typeof start === 'string') throw typeErr("sum() can't sum strings [use ''.join(seq) instead]");
  // PyBytes_Check and PyByteArray_Check of start (a subclass's instance too)
  if (start instanceof PyBytes) throw typeErr(`sum() can't sum ${start instanceof PyByteArray ? 'bytearray' : 'bytes'} [use b''.join(seq) instead]`);
  let total = start;
  for (const x of walk) {
    tick();
    step();
    total = ops.add(total, x);
  }
  return total;
}

function radixText(radix: 2 | 8 | 16, v: Py): string {
  return int.toBase(intArg(v), radix);
}

function lazy(name: string, gen: Iterator<Py>): PyIterator {
  return new PyIterator(gen, name);
}

/** zip(*its): rows until the first iterator ends; strict (3.10), a ValueError when they end apart. */
function* zipGen(its: Iterator<Py>[], strict = false): Generator<Py> {
  if (its.length === 0) return;
  const others = (n: number) => (n === 1 ? 'argument 1' : `arguments 1-${n}`);
  for (;;) {
    const row: Py[] = [];
    for (let i = 0; i < its.length; i++) {
      // a row takes an item of every iterator, each paid as it is taken: map(f, *rows) of 300,000 rows is 300,000 a row
      tick();
      const r = its[i].next();
      if (r.done) {
        if (strict && i > 0) throw valueErr(`zip() argument ${i + 1} is shorter than ${others(i)}`);
        if (strict) for (let j = 1; j < its.length; j++) if (!its[j].next().done) throw valueErr(`zip() argument ${j + 1} is longer than ${others(j)}`);
        return;
      }
      row.push(r.value);
    }
    step();
    yield new PyTuple(row);
  }
}

const iter = (v: Py): Iterator<Py> => (v instanceof PyIterator ? v.it : ops.iterate(v)[Symbol.iterator]());

const isCallable = (v: Py): boolean => v instanceof PyFunc || v instanceof PyStaticMethod || ((v instanceof PyInstance || v instanceof PyClassException || isHooked(v)) && v.cls.lookup('__call__') !== undefined);

/**
 * The type name of reversed(v) in CPython 3.11, v walked as a list: a dict's and its views' are
 * dict.__reversed__'s, an OrderedDict's odict_iterator, a list's and a deque's their own
 * __reversed__'s; a sequence with none (str, tuple, bytes) gets a reversed object.
 */
function reversedName(v: Py): string {
  const dict = v instanceof PyView ? v.dict : v instanceof PyDict ? v : undefined;
  if (dict !== undefined && isOrdered(dict)) return 'odict_iterator';
  if (v instanceof PyView) return `dict_reverse${v.kind.replace(/s$/, '')}iterator`;
  if (v instanceof PyDict) return 'dict_reversekeyiterator';
  // _collections' types are named with their module (tp_name), as their repr shows
  if (typeName(v) === 'collections.deque') return '_collections._deque_reverse_iterator';
  return Array.isArray(v) ? 'list_reverseiterator' : 'reversed';
}

/** iter(fn, sentinel): fn() until it answers the sentinel. */
function callableIterator(fn: Py, sentinel: Py): PyIterator {
  if (!isCallable(fn)) throw typeErr('iter(v, w): v must be callable');
  return lazy('callable_iterator', (function* () {
    for (;;) {
      step();
      const x = callValue(fn, [], null);
      if (ops.eq(x, sentinel)) return;
      yield x;
    }
  })());
}

/** The type name of iter(v) in CPython 3.11. */
export function iteratorName(v: Py): string {
  if (typeof v === 'string') return /^[\x00-\x7f]*$/.test(v) ? 'str_ascii_iterator' : 'str_iterator';
  if (v instanceof PyView) return isOrdered(v.dict) ? 'odict_iterator' : `dict_${v.kind.replace(/s$/, '')}iterator`;
  if (v instanceof PyDict) return isOrdered(v) ? 'odict_iterator' : 'dict_keyiterator';
  // a subclass's instance iterates as its base does (a list subclass's: list_iterator)
  // a str subclass's instance is no compact ASCII string to unicode_iter: str_iterator
  if (v instanceof PyStrBox) return 'str_iterator';
  const t = Array.isArray(v) ? 'list' : v instanceof PyTuple ? 'tuple' : v instanceof PySet ? 'set' : v instanceof PyByteArray ? 'bytearray' : v instanceof PyBytes ? 'bytes' : typeName(v);
  if (t === 'collections.deque') return '_collections._deque_iterator';
  if (t === 'memoryview') return 'memory_iterator';
  return ['list', 'tuple', 'set', 'range', 'bytes', 'bytearray'].includes(t) ? `${t}_iterator` : 'iterator';
}

/** enumerate_vectorcall's own checks: by how many arguments come, then each keyword's name at its place. */
function enumerateArgs(a: Py[], k: Map<string, Py> | null): Py[] {
  if (k === null || k.size === 0) {
    if (a.length === 1 || a.length === 2) return a;
    if (a.length === 0) throw typeErr("enumerate() missing required argument 'iterable'");
    throw typeErr(`enumerate() takes at most 2 arguments (${a.length} given)`);
  }
  const names = [...k.keys()];
  const n = a.length + names.length;
  const check = (i: number, name: string) => {
    if (names[i] !== name) throw typeErr(`'${names[i]}' is an invalid keyword argument for enumerate()`);
  };
  if (n === 2 && names.length === 2 && names[0] === 'start') return check(1, 'iterable'), [k.get('iterable'), k.get('start')];
  if (n === 2) {
    if (names.length === 1) check(0, 'start');
    else check(0, 'iterable'), check(1, 'start');
    return [...a, ...k.values()];
  }
  if (n === 1) return check(0, 'iterable'), [k.get('iterable')];
  if (a.length === 0) throw typeErr("enumerate() missing required argument 'iterable'");
  throw typeErr(`enumerate() takes at most 2 arguments (${n} given)`);
}

const PRINT_KEYWORDS = ['sep', 'end', 'file', 'flush'];

/** print(*args, sep=' ', end='\n', file=None, flush=False): standard output goes nowhere; a given file is written to. */
function print(a: Py[], k: Map<string, Py> | null): Py {
  if (k === null || k.size === 0) return (writeNowhere(a), null);
  for (const name of k.keys()) if (!PRINT_KEYWORDS.includes(name)) throw typeErr(`'${name}' is an invalid keyword argument for print()`);
  const sep = k.get('sep') ?? null;
  const end = k.get('end') ?? null;
  if (sep !== null && typeof sep !== 'string') throw typeErr(`sep must be None or a string, not ${typeName(sep)}`);
  if (end !== null && typeof end !== 'string') throw typeErr(`end must be None or a string, not ${typeName(end)}`);
  const file = k.get('file') ?? null;
  if (file === null) return (writeNowhere(a), null);
  const write = getattr(file, 'write');
  for (let i = 0; i < a.length; i++) {
    if (i > 0) callValue(write, [sep ?? ' '], null);
    callValue(write, [str(a[i])], null);
  }
  callValue(write, [end ?? '\n'], null);
  return null;
}

/** print to the standard output writes nothing (README), but turns each value into its str as CPython's does: a class's __str__ runs, and what it raises is raised. */
function writeNowhere(a: Py[]): void {
  for (const v of a) if (typeof v !== 'string') str(v);
}

function builtin(name: string, fn: NativeFn): [string, PyFunc] {
  return [name, new PyFunc(name, fn)];
}

/** The builtins a condition can name. Nothing else of the host is reachable by name. */
export const BUILTINS: ReadonlyMap<string, Py> = new Map<string, Py>([
  ...REFLECT_BUILTINS,
  ['Ellipsis', ELLIPSIS],
  ['object', OBJECT_CLASS],
  ['staticmethod', STATICMETHOD],
  ['classmethod', CLASSMETHOD],
  ['property', PROPERTY],
  ['NotImplemented', NOT_IMPLEMENTED_VALUE],
  ['bytes', BYTES],
  ['bytearray', BYTEARRAY],
  ['memoryview', MEMORYVIEW],
  ['frozenset', FROZENSET],
  ['complex', typesByName.get('complex')!],
  ['int', INT],
  ['float', FLOAT],
  ['str', STR],
  ['bool', BOOL],
  ['list', LIST],
  ['tuple', TUPLE],
  ['set', SET],
  ['dict', DICT],
  ['range', RANGE],
  ['slice', SLICE],
  ['type', TYPE],
  ['super', SUPER_TYPE],
  builtin('len', (a, k) => {
    const v = one('len', a, k);
    // exact past 2**53: a class's __len__, an exception class's, an int, str or float subclass's included
    return v instanceof PyInstance || v instanceof PyClassException || (isHooked(v) && v.cls.lookup('__len__') !== undefined) ? lenOfInstance(v) : ops.len(v);
  }),
  builtin('abs', (a, k) => {
    const x = one('abs', a, k);
    if (ops.isIntLike(x)) return int.abs(ops.intOf(x)!);
    // a float subclass whose class may define __abs__ goes by its slot
    if (x instanceof PyFloat && !isHooked(x)) return new PyFloat(Math.abs(x.v));
    return ops.unarySlot('absolute', 'abs', x);
  }),
  builtin('min', (a, k) => minmax('min', a, k)),
  builtin('max', (a, k) => minmax('max', a, k)),
  builtin('sum', sum),
  builtin('any', (a, k) => {
    for (const x of ops.iterate(one('any', a, k))) {
      step();
      if (ops.truthy(x)) return true;
    }
    return false;
  }),
  builtin('all', (a, k) => {
    for (const x of ops.iterate(one('all', a, k))) {
      step();
      if (!ops.truthy(x)) return false;
    }
    return true;
  }),
  builtin('sorted', (a, k) => {
    // its keywords are list.sort's, which sortItems reads
    if (a.length !== 1) throw typeErr(clinicCount('sorted', a.length, 1, 1));
    return sortItems(hintedList(a[0]), [], k, 'sorted');
  }),
  // a type, as in CPython: `isinstance(x, reversed)` asks for a reversed object (a str's, not a list's list_reverseiterator)
  ['reversed', makeType('reversed', (a, k) => {
    const [seq] = clinic('reversed', a, k, 1);
    // a class's __reversed__ first (sequence-dunders.ts)
    const own = reversedOfClass(seq);
    if (own !== undefined) return own;
    // a class's metaclass's (EnumType.__reversed__)
    const ofMeta = seq instanceof PyClassOfMeta ? seq.meta.lookup('__reversed__') : undefined;
    if (ofMeta !== undefined) return callValue(bindAttr(ofMeta, seq, (seq as PyClassOfMeta).meta, '__reversed__'), [], null);
    // a RegexFlag has Flag's __iter__ and __len__, but no __reversed__ nor __getitem__
    if (seq instanceof PySet || seq instanceof PyIterator || seq instanceof PyIntFlag || slotsOf(seq)?.notReversible === true) throw typeErr(`'${typeName(seq)}' object is not reversible`);
    // range_reverse: a range again, walked lazily
    if (seq instanceof PyRange || seq instanceof PyBigRange) {
      const r = reversedRange(seq);
      return PyRangeIterator.of(r, r instanceof PyRange ? 'range_iterator' : 'longrange_iterator');
    }
    if (seq instanceof PyHookedCollection) return reversedCollection(seq);
    // without it, a plain class's instance is read back by len() and x[i] where it has __getitem__ (PySequence_Check), else it is not reversible
    if (seq instanceof PyInstance || seq instanceof PyClassException) {
      if (seq.cls.lookup('__getitem__') === undefined) throw typeErr(`'${typeName(seq)}' object is not reversible`);
      return walkBack(seq);
    }
    // odict_reversed: an odict iterator walking back, which sees the OrderedDict change; dict_reversed
    // of a subclass's instance walks its table back, whatever its class's __iter__
    const table = seq instanceof PyView ? seq.dict : seq instanceof PyDict ? seq : undefined;
    if (table?.m instanceof OdictMap) return lazy('odict_iterator', odictWalk(table, table.m, seq instanceof PyView ? seq.kind : 'keys', true));
    if (table !== undefined) return lazy(reversedName(seq), walkDictBack(table, seq instanceof PyView ? seq.kind : 'keys'));
    // memoryview has no __reversed__: reversed_next reads it by index from the end, so a view of no items answers and one of more than one dimension fails at its first
    if (seq instanceof PyMemoryView) {
      const n = ops.len(seq);
      return lazy('reversed', (function* () {
        for (let i = n - 1; i >= 0; i--) yield ops.getitem(seq, i);
      })());
    }
    // a list or tuple subclass's instance whose class got dunders after it was made (late-hooks.ts): list's __reversed__ reads
    // the items as held, whatever its __iter__; tuple has none, so its class's __len__ and __getitem__ are walked back
    if (Array.isArray(seq) && lateOwner(seq, '__iter__') !== undefined) return lazy(reversedName(seq), seq.slice().reverse()[Symbol.iterator]());
    if (seq instanceof PyTuple && (lateOwner(seq, '__len__') ?? lateOwner(seq, '__getitem__')) !== undefined) return walkBack(seq);
    // no __reversed__ and no sequence (PySequence_Check): not iterable is not reversible either
    if (!ops.isIterable(seq)) throw typeErr(`'${typeName(seq)}' object is not reversible`);
    const items = ops.toList(seq);
    return lazy(reversedName(seq), items.reverse()[Symbol.iterator]());
  }, (v) => v instanceof PyIterator && v.name === 'reversed')],
  builtin('enumerate', (a, k) => {
    const [items, start = 0] = enumerateArgs(a, k);
    // enum_new_impl: the start made an index before the iterable's iterator is asked for
    let i = intArg(start);
    const it = iter(items);
    return lazy('enumerate', (function* () {
      for (let r = it.next(); !r.done; r = it.next()) {
        step();
        yield new PyTuple([i, r.value]);
        i = int.add(i, 1);
      }
    })());
  }),
  builtin('zip', (a, k) => {
    if (k !== null && k.size > 1) throw typeErr(`zip() takes at most 1 keyword argument (${k.size} given)`);
    if (k !== null && k.size === 1 && !k.has('strict')) throw typeErr(`'${[...k.keys()][0]}' is an invalid keyword argument for zip()`);
    // an iterator made for every argument, at some 0.1 µs each: zip(*rows) of a million rows
    work(a.length * 8);
    return lazy('zip', zipGen(a.map(iter), k !== null && ops.truthy(k.get('strict') ?? false)));
  }),
  builtin('map', (a, k) => {
    if (k !== null && k.size !== 0) throw typeErr('map() takes no keyword arguments');
    if (a.length < 2) throw typeErr('map() must have at least two arguments.');
    // paid before the copy and the iterators are made: `[fn, ...rest] = a` walked 300,000 arguments by the iterator protocol, 28 ms, unpaid
    work((a.length - 1) * 8);
    const fn = a[0];
    const rows = zipGen(a.slice(1).map(iter));
    return lazy('map', (function* () {
      for (const row of rows) yield callValue(fn, (row as PyTuple).items, null);
    })());
  }),
  builtin('filter', (a, k) => {
    const [fn, items] = clinic('filter', a, k, 2);
    const it = iter(items);
    return lazy('filter', (function* () {
      for (let r = it.next(); !r.done; r = it.next()) {
        step();
        if (ops.truthy(fn === null ? r.value : callValue(fn, [r.value], null))) yield r.value;
      }
    })());
  }),
  builtin('iter', (a, k) => {
    const [v] = clinic('iter', a, k, 1, 2);
    if (a.length === 2) return callableIterator(v, a[1]);
    // an iterator is its own; the others are named as CPython names their iterators
    if (v instanceof PyRange || v instanceof PyBigRange) return PyRangeIterator.of(v, v instanceof PyRange ? 'range_iterator' : 'longrange_iterator');
    if (v instanceof PyIterator) return v;
    return slotsOf(v).iterator?.(v) ?? lazy(iteratorName(v), iter(v));
  }),
  builtin('next', (a, k) => {
    const [it, dflt] = clinic('next', a, k, 1, 2);
    // an instance of a condition's class with __next__; its StopIteration gives the default
    if ((it instanceof PyInstance || it instanceof PyClassException) && it.cls.lookup('__next__') !== undefined) {
      try {
        return callDunder(it, '__next__')!;
      } catch (e) {
        if (dflt === undefined || !(e instanceof PyException) || e.fatal || !e.type.isSubclassOf(StopIteration)) throw e;
        return dflt;
      }
    }
    if (!(it instanceof PyIterator)) throw typeErr(`'${typeName(it)}' object is not an iterator`);
    const r = it.it.next();
    if (!r.done) return r.value;
    if (dflt !== undefined) return dflt;
    // a generator's return value is StopIteration's
    throw stopIteration(r.value);
  }),
  builtin('round', round),
  builtin('isinstance', (a, k) => {
    const [v, t] = clinic('isinstance', a, k, 2);
    return isinstance(v, t);
  }),
  builtin('issubclass', (a, k) => {
    const [c, t] = clinic('issubclass', a, k, 2);
    return issubclass(c, t);
  }),
  builtin('callable', (a, k) => {
    return isCallable(one('callable', a, k));
  }),
  builtin('divmod', (a, k) => {
    let [x, y] = clinic('divmod', a, k, 2);
    // re.I and its kin divide as their ints; an int subclass whose class may define __divmod__ goes by the slots
    if (x instanceof PyIntBox && !isHooked(x)) x = x.value;
    if (y instanceof PyIntBox && !isHooked(y)) y = y.value;
    if (!isNumber(x) || !isNumber(y) || isHooked(x) || isHooked(y)) return ops.divmodSlots(x, y);
    // floats divide once, and by zero say so in divmod's words
    if (x instanceof PyFloat || y instanceof PyFloat) {
      const fx = ops.num(x)!;
      const fy = ops.num(y)!;
      if (fy === 0) throw pyErr(ZeroDivisionError, 'float divmod()');
      const [q, r] = ops.floatDivMod(fx, fy);
      return new PyTuple([new PyFloat(q), new PyFloat(r)]);
    }
    return new PyTuple(int.divmod(ops.intOf(x)!, ops.intOf(y)!));
  }),
  builtin('pow', (a, k) => {
    const args = bind('pow', a, k, ['base', 'exp', 'mod'], 2);
    if (args[2] === undefined || args[2] === null) return ops.pow(args[0], args[1]);
    return ternaryPow(args[0], args[1], args[2]);
  }),
  // METH_O: a level toward the recursion limit
  builtin('repr', (a, k) => {
    const v = one('repr', a, k);
    return countedCall(() => repr(v));
  }),
  builtin('ascii', (a, k) => {
    const v = one('ascii', a, k);
    return countedCall(() => asciiRepr(v));
  }),
  builtin('format', (a, k) => {
    const [v, spec = ''] = clinic('format', a, k, 1, 2);
    // a str subclass's instance is read as its str
    const text = spec instanceof PyStrBox ? spec.value : spec;
    if (typeof text !== 'string') throw typeErr(`format() argument 2 must be str, not ${argTypeName(spec)}`);
    return formatValue(v, text);
  }),
  builtin('hex', (a, k) => radixText(16, one('hex', a, k))),
  builtin('oct', (a, k) => radixText(8, one('oct', a, k))),
  builtin('bin', (a, k) => radixText(2, one('bin', a, k))),
  builtin('chr', (a, k) => {
    const n = indexArg(one('chr', a, k), 'int');
    if (n < 0 || n > 0x10ffff) throw valueErr('chr() arg not in range(0x110000)');
    return cpString(n);
  }),
  builtin('ord', (a, k) => {
    let c = one('ord', a, k);
    if (c instanceof PyStrBox) c = c.value;
    // a bytes or bytearray of one byte is its value
    if (c instanceof PyBytes) {
      if (c.data.length !== 1) throw typeErr(`ord() expected a character, but string of length ${c.data.length} found`);
      return c.data[0];
    }
    if (typeof c !== 'string') throw typeErr(`ord() expected string of length 1, but ${typeName(c)} found`);
    const n = cpLen(c);
    if (n !== 1) throw typeErr(`ord() expected a character, but string of length ${n} found`);
    return c.codePointAt(0)!;
  }),
  builtin('print', print),
]);
// x.__class__ is type(x); a builtin function's __module__ is builtins
setBuiltins(typeOf, BUILTINS);

/** type(v), as the builtin answers it, for the library's modules that ask it often (pprint). */
export { typeOf as typeOfValue };
