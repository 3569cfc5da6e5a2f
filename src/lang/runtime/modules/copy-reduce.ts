/**
 * Pickle's dunders as Lib/copy.py reads them from a condition's class: `__reduce_ex__(4)` or
 * `__reduce__()` where the class defines one (object.__reduce_ex__ calls an overriding
 * __reduce__), and, in object's own reduce (reduce_newobj), `__getnewargs_ex__` or
 * `__getnewargs__` for the arguments of `cls.__new__` and `__getstate__` for the state; then
 * `_reconstruct(x, memo, *rv)` with CPython's words for a reduce value of the wrong shape, and its
 * state rules: `y.__setstate__(state)` where y's class has one, else a pair `(dict, slots)` or a
 * dict, given to `y.__dict__.update` and setattr.
 */
import { checkKeyword } from '../attribute-names.js';
import { getattr } from '../attributes.js';
import { step, tick } from '../budget.js';
import { callValue } from '../call.js';
import { PyClass } from '../class-values.js';
import { classOfInstance, setattr } from '../classes.js';
import { typeErr, valueErr } from '../exceptions.js';
import { introspect } from '../introspection.js';
import { isIterable, iterate } from '../iteration.js';
import { PyMember } from '../slots.js';
import { functionStr, spreadArgs } from '../star-args.js';
import { PyDict, PyStrBox, PyTuple, typeName, type Py } from '../values.js';

/** The reduce value a class's own __reduce_ex__ or __reduce__ gives, or undefined where it defines neither (object's reduce applies). */
export function ownReduce(x: Py, cls: PyClass): Py | undefined {
  if (cls.lookup('__reduce_ex__') !== undefined) return callValue(getattr(x, '__reduce_ex__'), [4], null);
  if (cls.lookup('__reduce__') !== undefined) return callValue(getattr(x, '__reduce__'), [], null);
  return undefined;
}

/** The positional and keyword arguments reduce_newobj passes to cls.__new__: the class's __getnewargs_ex__ or __getnewargs__, checked as CPython checks them; undefined where it has neither. */
export function newArgs(x: Py, cls: PyClass): { args: Py[]; kw: Map<string, Py> | null } | undefined {
  if (cls.lookup('__getnewargs_ex__') !== undefined) {
    const r = callValue(getattr(x, '__getnewargs_ex__'), [], null);
    if (!(r instanceof PyTuple)) throw typeErr(`__getnewargs_ex__ should return a tuple, not '${typeName(r)}'`);
    if (r.items.length !== 2) throw valueErr(`__getnewargs_ex__ should return a tuple of length 2, not ${r.items.length}`);
    const [args, kwargs] = r.items;
    if (!(args instanceof PyTuple)) throw typeErr(`first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '${typeName(args)}'`);
    if (!(kwargs instanceof PyDict)) throw typeErr(`second item of the tuple returned by __getnewargs_ex__ must be a dict, not '${typeName(kwargs)}'`);
    let kw: Map<string, Py> | null = null;
    for (const k of kwargs.keyList()) {
      tick();
      const name = k instanceof PyStrBox ? k.value : k;
      // copyreg.__newobj_ex__ calls cls.__new__(cls, *args, **kwargs): keywords must be strs
      if (typeof name !== 'string') throw typeErr('keywords must be strings');
      checkKeyword(name);
      (kw ??= new Map()).set(name, kwargs.get(k));
    }
    return { args: args.items.slice(), kw };
  }
  if (cls.lookup('__getnewargs__') !== undefined) {
    const r = callValue(getattr(x, '__getnewargs__'), [], null);
    if (!(r instanceof PyTuple)) throw typeErr(`__getnewargs__ should return a tuple, not '${typeName(r)}'`);
    return { args: r.items.slice(), kw: null };
  }
  return undefined;
}

/**
 * The state object.__reduce_ex__ gives: the class's __getstate__(), or object's: a copy of the
 * instance's attributes (None when it has none), paired with its slots' values where any is set.
 */
export function stateOf(x: Py, cls: PyClass | null, attrs: Map<string, Py> | null): Py {
  if (cls !== null && cls.lookup('__getstate__') !== undefined) return callValue(getattr(x, '__getstate__'), [], null);
  let state: PyDict | null = null;
  if (attrs !== null && attrs.size > 0) {
    state = new PyDict();
    for (const [k, v] of attrs) {
      tick();
      state.set(k, v);
    }
  }
  const slots = cls === null ? null : slotState(x, cls);
  return slots === null ? state : new PyTuple([state, slots]);
}

/** copyreg._slotnames's names, each read by getattr (one not set is left out), as a dict; null where none is set. */
function slotState(x: Py, cls: PyClass): PyDict | null {
  let out: PyDict | null = null;
  for (const t of cls.mro) {
    if (!(t instanceof PyClass)) continue;
    for (const [name, v] of t.attrs) {
      if (!(v instanceof PyMember) || v.owner !== t) continue;
      step();
      let value: Py;
      try {
        value = getattr(x, name);
      } catch {
        continue;
      }
      (out ??= new PyDict()).set(name, value);
    }
  }
  return out;
}

/** `_reconstruct(x, memo, *rv)`'s parameters after x and memo: func, args, state, listiter, dictiter. */
export interface ReduceValue {
  func: Py;
  args: Py;
  state: Py;
  listIter: Py;
  dictIter: Py;
}

/** rv spread into _reconstruct's parameters, with CPython's words for too few or too many; null for a str (the object copies to itself). */
export function reduceValue(rv: Py): ReduceValue | null {
  if (typeof rv === 'string' || rv instanceof PyStrBox) return null;
  const parts: Py[] = [];
  spreadArgs(parts, rv, undefined);
  if (parts.length === 0) throw typeErr("_reconstruct() missing 2 required positional arguments: 'func' and 'args'");
  if (parts.length === 1) throw typeErr("_reconstruct() missing 1 required positional argument: 'args'");
  if (parts.length > 5) throw typeErr(`_reconstruct() takes from 4 to 7 positional arguments but ${parts.length + 2} were given`);
  const [func, args, state = null, listIter = null, dictIter = null] = parts;
  return { func, args, state, listIter, dictIter };
}

/** func(*args), args already copied where deep: `f() argument after * must be an iterable` where they are not. */
export function callReduced(func: Py, args: Py): Py {
  const spread: Py[] = [];
  spreadArgs(spread, args, () => functionStr(func));
  return callValue(func, spread, null);
}

/** `for a in v`, CPython's words where v is not iterable. */
export function itemsOf(v: Py): Iterable<Py> {
  if (!isIterable(v)) throw typeErr(`'${typeName(v)}' object is not iterable`);
  return iterate(v);
}

/** _reconstruct's state: y.__setstate__(state), or the pair (state, slotstate) split and stored. */
export function setState(y: Py, state: Py): void {
  if (classOfInstance(y)?.lookup('__setstate__') !== undefined) {
    callValue(getattr(y, '__setstate__'), [state], null);
    return;
  }
  let slotstate: Py = null;
  if (state instanceof PyTuple && state.items.length === 2) [state, slotstate] = state.items;
  if (state !== null) callValue(getattr(introspect(y, '__dict__'), 'update'), [state], null);
  if (slotstate !== null) {
    for (const pair of iterate(callValue(getattr(slotstate, 'items'), [], null))) {
      tick();
      const [key, value] = pairOf(pair);
      // setattr(y, key, value): a name must be a str
      const name = key instanceof PyStrBox ? key.value : key;
      if (typeof name !== 'string') throw typeErr(`attribute name must be string, not '${typeName(key)}'`);
      setattr(y, name, value);
    }
  }
}

/** `for key, value in dictiter`: a pair unpacked, CPython's words where it is not one. */
export function pairOf(v: Py): [Py, Py] {
  if (!isIterable(v)) throw typeErr(`cannot unpack non-iterable ${typeName(v)} object`);
  const items = Array.isArray(v) ? v : v instanceof PyTuple ? v.items : firstThree(v);
  if (items.length !== 2) throw valueErr(items.length > 2 ? 'too many values to unpack (expected 2)' : `not enough values to unpack (expected 2, got ${items.length})`);
  return [items[0], items[1]];
}

/** UNPACK_SEQUENCE reads an iterator one item past what it needs at most (an endless one included). */
function firstThree(v: Py): Py[] {
  const out: Py[] = [];
  for (const x of iterate(v)) {
    out.push(x);
    if (out.length === 3) break;
  }
  return out;
}
