import { step } from './budget.js';
import { callValue } from './call.js';
import { AttributeError, attrErr, pyErr, typeErr } from './exceptions.js';
import { checkedMethods } from './arity.js';
import { DICT_METHODS, ITEMS_METHODS, KEYS_METHODS, SET_METHODS } from './methods-dict.js';
import { LIST_METHODS, RANGE_METHODS, TUPLE_METHODS } from './methods-list.js';
import { strMethods } from './methods-str.js';
import { INT_METHODS } from './methods-int.js';
import { BOOL } from './types/bool.js';
import { DICT } from './types/dict.js';
import { INT } from './types/int.js';
import { FLOAT } from './types/float.js';
import { LIST } from './types/list.js';
import type { PyTypeSlots } from './types/protocol.js';
import { RANGE } from './types/range.js';
import { typeOf } from './types/registry.js';
import { SET } from './types/set.js';
import { STR } from './types/str.js';
import { TUPLE } from './types/tuple.js';
import { PyDict, PyException, PyFloat, PyFunc, PyModule, PyTuple, PyType, PyView, typeName, type Py } from './values.js';

/** A method of a builtin type: the receiver, positional and keyword arguments. */
export type Method = (self: any, args: Py[], kw: Map<string, Py> | null) => Py;

/** str's methods: str.format reads its fields' attributes through getattr below (a function, so hoisted). */
export const STR_METHODS = strMethods(getattr);

const FLOAT_METHODS = checkedMethods('float', new Map<string, Method>([['is_integer', (x: PyFloat) => Number.isInteger(x.v)]]), { is_integer: 'none' });

const TYPE_METHODS = new Map<string, Map<string, Method>>([
  ['str', STR_METHODS],
  ['list', LIST_METHODS],
  ['dict', DICT_METHODS],
  ['set', SET_METHODS],
  ['tuple', TUPLE_METHODS],
  ['int', INT_METHODS],
]);

/** Each type's methods, by its slots (types/registry.ts); a new type with methods adds its line here. */
const METHODS = new Map<PyTypeSlots, Map<string, Method>>([
  [STR, STR_METHODS],
  [LIST, LIST_METHODS],
  [DICT, DICT_METHODS],
  [SET, SET_METHODS],
  [TUPLE, TUPLE_METHODS],
  [FLOAT, FLOAT_METHODS],
  [RANGE, RANGE_METHODS],
  [INT, INT_METHODS],
  [BOOL, INT_METHODS],
]);

/** The method table of a value's type; only these names are reachable as attributes. */
function methodsOf(obj: Py): Map<string, Method> | undefined {
  // one class holds the three views, which have different methods
  if (obj instanceof PyView) return obj.kind === 'keys' ? KEYS_METHODS : obj.kind === 'items' ? ITEMS_METHODS : undefined;
  return METHODS.get(typeOf(obj));
}

/** obj.name, outside a call: a bound method, a module member, or a match or pattern attribute. */
export function getattr(obj: Py, name: string): Py {
  if (name === '__name__') {
    // a type, function or module: its name ('lower' for str.lower, as CPython); nothing else has one
    if (obj instanceof PyFunc) return obj.name.slice(obj.name.lastIndexOf('.') + 1);
    if (obj instanceof PyModule) return obj.name;
  }
  const method = methodsOf(obj)?.get(name);
  if (method !== undefined) return new PyFunc(name, (args, kw) => method(obj, args, kw), 'method');
  if (obj instanceof PyModule) {
    const v = obj.attrs.get(name);
    if (v === undefined) throw pyErr(AttributeError, `module '${obj.name}' has no attribute '${name}'`);
    return v;
  }
  if (obj instanceof PyType) {
    // a classmethod: bound to the type, it needs no receiver
    if (obj.name === 'str' && name === 'maketrans') return new PyFunc(name, (args, kw) => STR_METHODS.get(name)!('', args, kw), 'method');
    if (obj.name === 'dict' && name === 'fromkeys') return new PyFunc(name, (args, kw) => DICT_METHODS.get(name)!(new PyDict(), args, kw), 'method');
    // str.lower and friends, unbound: the receiver comes first, as in sorted(words, key=str.lower)
    const unbound = TYPE_METHODS.get(obj.name)?.get(name);
    if (unbound !== undefined) return new PyFunc(`${obj.name}.${name}`, (args, kw) => {
      if (args.length === 0) throw typeErr(`unbound method ${obj.name}.${name}() needs an argument`);
      if (typeName(args[0]) !== obj.name) throw typeErr(`descriptor '${name}' for '${obj.name}' objects doesn't apply to a '${typeName(args[0])}' object`);
      return unbound(args[0], args.slice(1), kw);
    }, 'method');
    throw pyErr(AttributeError, `type object '${obj.name}' has no attribute '${name}'`);
  }
  if (obj instanceof PyException && name === 'args') return new PyTuple(obj.args);
  if (obj instanceof PyException && name === '__cause__') return obj.cause;
  // a def's or lambda's qualified name: envelope.<locals>.f
  if (obj instanceof PyFunc && obj.kind === 'function' && name === '__qualname__') return obj.name;
  if (obj instanceof PyFloat) {
    if (name === 'real') return obj;
    if (name === 'imag') return new PyFloat(0);
  }
  if (typeof obj === 'number' || typeof obj === 'boolean') {
    // an int (or bool) as a number: itself over 1, with no imaginary part
    if (name === 'real' || name === 'numerator') return Number(obj);
    if (name === 'imag') return 0;
    if (name === 'denominator') return 1;
  }
  if (obj !== null && typeof obj === 'object' && typeof obj.pyAttr === 'function') {
    const v = obj.pyAttr(name);
    if (v !== undefined) return v;
  }
  throw attrErr(obj, name);
}

/**
 * The call `obj.name(...)`, resolved per type once at compile time, so that the hot
 * path is a type test and a direct call, with no bound method allocated.
 */
export function methodCaller(name: string): Method {
  const s = STR_METHODS.get(name);
  const l = LIST_METHODS.get(name);
  const d = DICT_METHODS.get(name);
  return (obj, args, kw) => {
    step();
    if (typeof obj === 'string') {
      if (s !== undefined) return s(obj, args, kw);
    } else if (obj instanceof PyDict) {
      if (d !== undefined) return d(obj, args, kw);
    } else if (Array.isArray(obj)) {
      if (l !== undefined) return l(obj, args, kw);
    } else if (obj instanceof PyModule) {
      const fn = obj.attrs.get(name);
      if (fn !== undefined) return callValue(fn, args, kw);
    } else if (obj !== null && typeof obj === 'object' && typeof obj.pyCall === 'function') {
      // match objects and patterns dispatch their own methods
      const r = obj.pyCall(name, args, kw);
      if (r !== undefined) return r;
    }
    return callValue(getattr(obj, name), args, kw);
  };
}
