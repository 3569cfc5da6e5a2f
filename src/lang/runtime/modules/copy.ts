/**
 * copy, as CPython 3.11's Lib/copy.py runs it: the immutable types as themselves, list, dict,
 * set and bytearray by their copy, a condition's class by its __copy__ or __deepcopy__(memo),
 * or else as object.__reduce_ex__(4) and _reconstruct make it: a new instance of the class
 * (its __new__, not its __init__) given the attributes, a list subclass's items appended
 * through its append, a dict subclass's set through its __setitem__, a set subclass's and an
 * exception's made by calling the class. deepcopy keeps its memo as a dict (keyed by an
 * identity number per object, as id() would be), so cycles and shared parts are copied once.
 * Each frame Lib/copy.py would run (deepcopy, _deepcopy_list, _reconstruct, ...) is a step and
 * counts against CPython's recursion limit, so a deep value ends in RecursionError at CPython's
 * depth and in its words.
 */
import { copyMap } from '../copy.js';
import { PyMappingProxy } from '../mappingproxy-value.js';
import { protocolMethod } from '../types/table.js';
import { getattr } from '../attributes.js';
import { allocItems, nestingRoom, step, tick } from '../budget.js';
import { idOf } from '../identity.js';
import { BUILTINS } from '../builtins.js';
import { PyByteArray } from '../bytearray.js';
import { callValue } from '../call.js';
import { PyDictInstance, PyInstance, PyClass } from '../class-values.js';
import { classOfInstance } from '../classes.js';
import { AttributeError, Exception, pyErr, RecursionError, typeErr } from '../exceptions.js';
import { PyMemoryView } from '../memoryview.js';
import * as ops from '../ops.js';
import { PyFrozenSet, PySet } from '../pyset.js';
import { Signature, bindArgs } from '../signature.js';
import { valueNew } from '../builtin-subclass.js';
import { PyGenerator } from '../generator.js';
import { PySlice } from '../slice.js';
import { PyBytes, PyComplex, PyDict, PyException, PyFloat, PyFunc, PyIterator, PyModule, PyStrBox, PyIntBox, PyTuple, PyType, PyView, typeName, type Py } from '../values.js';
import { PyCounter } from './collections/counter.js';
import { PyDefaultDict, PyOrderedDict } from './collections/defaultdict.js';
import { PyDeque } from './collections/deque.js';
import { PyChainMap } from './collections/chainmap.js';
import { PyNamedTuple, PyTupleGetter } from './collections/namedtuple.js';
import { PyBlake2 } from './blake2.js';
import { callReduced, itemsOf, newArgs, ownReduce, pairOf, reduceValue, setState, stateOf as objectState } from './copy-reduce.js';
import { PyHash } from './hashlib.js';

/** copy.Error (and copy.error, the same class): a class written in Python, an Exception. */
export const COPY_ERROR: PyType = new PyType('Error', (args, kw) => {
  if (kw !== null && kw.size !== 0) throw typeErr('Error() takes no keyword arguments');
  return new PyException(COPY_ERROR, args);
}, Exception, true);

const TYPE = BUILTINS.get('type') as PyFunc;
const typeOf = (x: Py): Py => callValue(TYPE, [x], null);

// ---------------------------------------------------------------- frames and identities

/** The depth of a frame at the envelope, as budget.ts counts it (MAX_FRAMES). */
const AT_ENVELOPE = 998;

/**
 * Frames of Lib/copy.py's running (deepcopy, _deepcopy_list, _reconstruct, ...): counted, as the
 * walks of nested values are (repr, ==), against CPython's recursion limit with the run's own
 * calls and frames, not against the limit of 200 calls, so a value nests as deep as in CPython.
 */
let copyFrames = 0;

/** A frame pushed: CPython's words when it passes the recursion limit. */
function enterFrame(): void {
  if (copyFrames + 1 > nestingRoom(AT_ENVELOPE)) throw pyErr(RecursionError, 'maximum recursion depth exceeded');
  copyFrames++;
  step();
}

function exitFrame(): void {
  copyFrames--;
}

/** A C call made from such a frame (id(), memo.get()): one level more while it runs. */
function cCall(): void {
  if (copyFrames + 1 > nestingRoom(AT_ENVELOPE)) throw pyErr(RecursionError, 'maximum recursion depth exceeded while calling a Python object');
}

/** Values without an identity to keep: an equal one is the same value to every operation. */
const isScalar = (x: Py): boolean => x === null || typeof x !== 'object';

// ---------------------------------------------------------------- what every kind of value is

/** _copy_dispatch's immutable types and the library's values that copy to themselves (re's patterns, matches and flags return self from __copy__). */
function isAtomic(x: Py, deep: boolean): boolean {
  if (isScalar(x)) return true;
  // `issubclass(cls, type)`: any class, one of a metaclass (ABCMeta's, EnumType's) too, is copied as itself
  if (x instanceof PyType) return true;
  if (classOfInstance(x) !== null) return false;
  if (x instanceof PyFloat || x instanceof PyComplex || x instanceof PyStrBox || x instanceof PyIntBox) return true;
  if (x instanceof PyBytes) return !(x instanceof PyByteArray);
  if (x instanceof PyType || x instanceof PyFunc) return true;
  // tuple, frozenset and slice are shallow copy's alone: deepcopy copies their parts
  if (x instanceof PySlice) return !deep;
  if (!deep && (x instanceof PyTuple || x instanceof PyFrozenSet) && !(x instanceof PyNamedTuple)) return true;
  return false;
}

/** The values CPython cannot reduce: TypeError: cannot pickle 'generator' object (or 'mappingproxy', a class's __dict__ or types.MappingProxyType's). */
const unpicklable = (x: Py): boolean =>
  x instanceof PyModule || x instanceof PyMappingProxy || x instanceof PyGenerator || x instanceof PyIterator || x instanceof PyMemoryView || x instanceof PyView || x instanceof PyHash || x instanceof PyBlake2;

/** memoryview's own __reduce_ex__ words it otherwise than object's. */
const cannotPickle = (x: Py) => typeErr(x instanceof PyMemoryView ? 'cannot pickle memoryview objects' : `cannot pickle '${typeName(x)}' object`);

// ---------------------------------------------------------------- _reconstruct

/** What object.__reduce_ex__(4) (or a base's __reduce__) gives for an instance of a condition's class. */
interface Reduced {
  /** func(*args): the new object, given args already deep-copied where deep. */
  make: (args: Py[]) => Py;
  args: Py[];
  /** The state to set (object's: the attributes, a dict, paired with the slots' values where any is set), or null. */
  state: Py;
  listItems: Iterable<Py> | null;
  dictItems: Iterable<Py> | null;
}

/** cls.__new__(cls, *args) as copyreg.__newobj__ calls it: the class's own __new__, or its base's. */
function newObj(cls: PyClass, args: Py[], kw: Map<string, Py> | null = null): Py {
  if (cls.lookup('__new__') !== undefined) return callValue(getattr(cls, '__new__'), [cls, ...args], kw);
  if (cls.valueBase !== null) return valueNew(cls.valueBase, cls, args, kw);
  // object.__new__ refuses arguments where the class defines no __init__ to take them (excess_args)
  if ((args.length > 0 || (kw !== null && kw.size > 0)) && cls.lookup('__init__') === undefined) throw typeErr(`${cls.name}() takes no arguments`);
  return cls.dictBased ? new PyDictInstance(cls) : new PyInstance(cls);
}

/** An instance's attributes as a dict (BaseException.__reduce__'s, the collections' own), or None when it has none. */
function stateOf(attrs: Map<string, Py> | null): PyDict | null {
  if (attrs === null || attrs.size === 0) return null;
  const d = new PyDict();
  for (const [k, v] of attrs) d.set(k, v);
  return d;
}

const attrsOf = (x: Py): Map<string, Py> | null => (x instanceof PyException ? x.dict : (x as { dict?: Map<string, Py> }).dict ?? null);

/** The builtin (or library) type of a condition's class's order that makes its instances' values. */
const builtinBase = (cls: PyClass): PyType | undefined => cls.mro.find((t) => !(t instanceof PyClass));

function reduce(x: Py, cls: PyClass): Reduced {
  // BaseException.__reduce__: the type called with the args, then the attributes (no __getstate__ asked)
  if (x instanceof PyException) return { state: stateOf(attrsOf(x)), listItems: null, dictItems: null, make: (args) => callValue(cls, args, null), args: x.args.slice() };
  const r = reduceNewobj(x, cls);
  // reduce_newobj: the class's __getnewargs_ex__ or __getnewargs__ gives cls.__new__'s arguments, where it makes the object so
  if (!r.newobj) return r;
  const given = newArgs(x, cls);
  return given === undefined ? r : { ...r, make: (args) => newObj(cls, args, given.kw), args: given.args };
}

/** object.__reduce_ex__(4)'s parts, or a library base's own reduce; newobj where the object is made by cls.__new__. */
function reduceNewobj(x: Py, cls: PyClass): Reduced & { newobj?: boolean } {
  const state = objectState(x, cls, attrsOf(x));
  const plain = { state, listItems: null, dictItems: null };
  const base = builtinBase(cls)?.name;
  if (x instanceof PyDict) {
    const items = () => ops.iterate(callValue(getattr(x, 'items'), [], null));
    // Counter, OrderedDict and defaultdict reduce themselves (Lib/collections, _collections)
    if (base === 'Counter') return { ...plain, state: null, make: (args) => callValue(cls, args, null), args: [copyPlainDict(x)] };
    if (base === 'collections.OrderedDict') return { ...plain, make: () => callValue(cls, [], null), args: [], dictItems: items() };
    if (base === 'collections.defaultdict') {
      const factory = getattr(x, 'default_factory');
      return { ...plain, state: null, make: (args) => callValue(cls, args, null), args: factory === null ? [] : [factory], dictItems: items() };
    }
    return { ...plain, newobj: true, make: () => newObj(cls, []), args: [], dictItems: items() };
  }
  switch (base) {
    case 'list':
      return { ...plain, newobj: true, make: () => newObj(cls, []), args: [], listItems: ops.iterate(x) };
    // set.__reduce__ and bytearray.__reduce_ex__: the class called (its __init__ runs)
    case 'set':
    case 'frozenset':
      return { ...plain, make: (args) => callValue(cls, args, null), args: [ops.toList(x)] };
    case 'bytearray':
      return { ...plain, make: (args) => callValue(cls, args, null), args: [new PyBytes((x as PyBytes).data.slice())] };
    case 'tuple':
      return { ...plain, newobj: true, make: (args) => newObj(cls, args), args: [new PyTuple(((x as { value?: PyTuple }).value ?? (x as PyTuple)).items.slice())] };
    case 'int':
    case 'str':
      return { ...plain, newobj: true, make: (args) => newObj(cls, args), args: [(x as PyIntBox | PyStrBox).value] };
    case 'float':
      return { ...plain, newobj: true, make: (args) => newObj(cls, args), args: [new PyFloat((x as PyFloat).v)] };
    case 'complex':
      return { ...plain, newobj: true, make: (args) => newObj(cls, args), args: [new PyComplex((x as PyComplex).re, (x as PyComplex).im)] };
    case 'bytes':
      return { ...plain, newobj: true, make: (args) => newObj(cls, args), args: [new PyBytes((x as PyBytes).data)] };
    default:
      return { ...plain, newobj: true, make: () => newObj(cls, []), args: [] };
  }
}

/** dict(self): the items of a dict (a Counter's), in a plain dict. */
function copyPlainDict(x: PyDict): PyDict {
  const d = new PyDict();
  for (const pair of ops.iterate(callValue(getattr(x, 'items'), [], null))) {
    tick();
    const [k, v] = ops.toList(pair);
    d.set(k, v);
  }
  return d;
}

/** _reconstruct(x, memo, func, args, state, listiter, dictiter): memo null for a shallow copy. */
function reconstruct(x: Py, memo: PyDict | null, r: Reduced): Py {
  enterFrame();
  try {
    const deep = memo !== null;
    let args = r.args;
    if (deep && args.length > 0) {
      // (deepcopy(arg, memo) for arg in args): a generator's frame while func(*args) reads it
      enterFrame();
      try {
        args = args.map((a) => deepcopy(a, memo));
      } finally {
        exitFrame();
      }
    }
    return finish(x, r.make(args), memo, r.state, r.listItems, r.dictItems);
  } finally {
    exitFrame();
  }
}

/** `_reconstruct(x, memo, *rv)` for the value a class's own __reduce_ex__ or __reduce__ gave (copy-reduce.ts): x itself for a str. */
function reconstructFrom(x: Py, memo: PyDict | null, rv: Py): Py {
  const r = reduceValue(rv);
  if (r === null) return x;
  enterFrame();
  try {
    let args = r.args;
    if (memo !== null && ops.truthy(args)) {
      // (deepcopy(arg, memo) for arg in args): a generator's frame while func(*args) reads it
      const copied: Py[] = [];
      const items = itemsOf(args);
      enterFrame();
      try {
        for (const a of items) copied.push(deepcopy(a, memo));
      } finally {
        exitFrame();
      }
      args = copied;
    }
    const listItems = r.listIter === null ? null : itemsOf(r.listIter);
    const dictItems = r.dictIter === null ? null : itemsOf(r.dictIter);
    return finish(x, callReduced(r.func, args), memo, r.state, listItems, dictItems);
  } finally {
    exitFrame();
  }
}

/** The rest of _reconstruct once y is made: y filed in the memo, then its state, its list items and its dict items set. */
function finish(x: Py, y: Py, memo: PyDict | null, state: Py, listItems: Iterable<Py> | null, dictItems: Iterable<Py> | null): Py {
  const deep = memo !== null;
  if (deep) memo.set(idOf(x), y);
  if (state !== null) setState(y, deep ? deepcopy(state, memo) : state);
  if (listItems !== null) {
    for (const item of listItems) {
      tick();
      const copied = deep ? deepcopy(item, memo) : item;
      callValue(getattr(y, 'append'), [copied], null);
    }
  }
  if (dictItems !== null) {
    for (const pair of dictItems) {
      tick();
      const [k, v] = pairOf(pair);
      if (deep) {
        const key = deepcopy(k, memo);
        ops.setitem(y, key, deepcopy(v, memo));
      } else ops.setitem(y, k, v);
    }
  }
  return y;
}

// ---------------------------------------------------------------- copy

function copy(x: Py): Py {
  if (isAtomic(x, false)) return x;
  const cls = classOfInstance(x);
  if (cls === null) return copyBuiltin(x);
  // getattr(cls, "__copy__", None): the class's, called with the instance
  if (cls.lookup('__copy__') !== undefined) return callValue(getattr(cls, '__copy__'), [x], null);
  // a module's type's, through its subclass (Decimal's answers self, Fraction's calls the class)
  const base = protocolMethod(x as object, '__copy__');
  if (base !== undefined) return base(x, [], null);
  // deque.__copy__ and defaultdict.__copy__: their copy(), which calls the subclass
  if (cls.mro.some((t) => (t.name === 'collections.deque' || t.name === 'collections.defaultdict') && !(t instanceof PyClass))) return callValue(getattr(x, 'copy'), [], null);
  const rv = ownReduce(x, cls);
  if (rv !== undefined) return reconstructFrom(x, null, rv);
  return reconstruct(x, null, reduce(x, cls));
}

/** odict_reduce's state: the instance's attributes (a new dict of them), None where it has none. */
const odictState = (x: PyOrderedDict): Py => (x.attrs !== null && x.attrs.size > 0 ? new PyDict(copyMap(x.attrs)) : null);

/** The builtin containers and the library's values, copied as their own copy() (or __reduce__) makes them. */
function copyBuiltin(x: Py): Py {
  if (Array.isArray(x)) {
    allocItems(x.length);
    return x.slice();
  }
  // Counter.__reduce__ and OrderedDict's: the type called, with a dict of the items or then given them
  if (x instanceof PyCounter) return callValue(typeOf(x), [copyPlainDict(x)], null);
  if (x instanceof PyOrderedDict) return reconstruct(x, null, { make: () => callValue(typeOf(x), [], null), args: [], state: odictState(x), listItems: null, dictItems: ops.iterate(callValue(getattr(x, 'items'), [], null)) });
  // defaultdict.__copy__, deque.__copy__ and ChainMap.__copy__: their copy()
  if (x instanceof PyDefaultDict || x instanceof PyDeque || x instanceof PyChainMap) return callValue(getattr(x, 'copy'), [], null);
  if (x instanceof PyDict) return ops.copyDict(x);
  if (x instanceof PyByteArray) {
    allocItems(x.data.length);
    return new PyByteArray(x.data.slice());
  }
  if (x instanceof PySet) {
    allocItems(x.size);
    return x.copy();
  }
  if (x instanceof PyNamedTuple) return callValue(typeOf(x), x.items.slice(), null);
  // _tuplegetter.__reduce__: type(self)(index, doc), a getter held by no class
  if (x instanceof PyTupleGetter) return new PyTupleGetter(x.index, null, x.ownDoc());
  if (x instanceof PyException) return exceptionCopy(x, null);
  if (unpicklable(x)) throw cannotPickle(x);
  // a module's type with a __copy__ of its own (decimal.Context): it makes the copy
  const own = protocolMethod(x, '__copy__');
  if (own !== undefined) return own(x, [], null);
  // the library's immutable values (datetime's, a partial, re's patterns and flags) are themselves
  return x;
}

/** BaseException.__reduce__: the type called with the args, then the attributes. */
function exceptionCopy(x: PyException, memo: PyDict | null): Py {
  return reconstruct(x, memo, { make: (args) => callValue(x.type, args, null), args: x.args.slice(), state: stateOf(x.dict), listItems: null, dictItems: null });
}

// ---------------------------------------------------------------- deepcopy

function deepcopy(x: Py, memo: PyDict): Py {
  enterFrame();
  try {
    tick();
    // d = id(x); y = memo.get(d, _nil)
    cCall();
    if (!isScalar(x)) {
      const y = memo.get(idOf(x));
      if (y !== undefined) return y;
    }
    const y = deepcopyOf(x, memo);
    if (y !== x && !isScalar(x)) {
      memo.set(idOf(x), y);
      keepAlive(x, memo);
    }
    return y;
  } finally {
    exitFrame();
  }
}

/** _keep_alive: memo[id(memo)] lists every original copied, as CPython keeps them alive. */
function keepAlive(x: Py, memo: PyDict): void {
  const key = idOf(memo);
  const kept = memo.get(key);
  if (Array.isArray(kept)) kept.push(x);
  else memo.set(key, [x]);
}

function deepcopyOf(x: Py, memo: PyDict): Py {
  if (isAtomic(x, true)) return x;
  const cls = classOfInstance(x);
  if (cls !== null) {
    if (cls.lookup('__deepcopy__') !== undefined) return callValue(getattr(x, '__deepcopy__'), [memo], null);
    const base = protocolMethod(x as object, '__deepcopy__');
    if (base !== undefined) return base(x, [memo], null);
    const rv = ownReduce(x, cls);
    if (rv !== undefined) return reconstructFrom(x, memo, rv);
    if (cls.mro.some((t) => t.name === 'collections.deque' && !(t instanceof PyClass))) return dequeDeep(x, memo, cls);
    return reconstruct(x, memo, reduce(x, cls));
  }
  if (Array.isArray(x)) return withFrame(() => {
    const y: Py[] = [];
    cCall();
    memo.set(idOf(x), y);
    for (let i = 0; i < x.length; i++) y.push(deepcopy(x[i], memo));
    return y;
  });
  if (x instanceof PyTuple && !(x instanceof PyNamedTuple)) return withFrame(() => {
    // y = [deepcopy(a, memo) for a in x]: a comprehension's frame
    const items = withFrame(() => x.items.map((a) => deepcopy(a, memo)));
    const made = memo.get(idOf(x));
    if (made !== undefined) return made;
    return items.every((a, i) => a === x.items[i]) ? x : new PyTuple(items);
  });
  if (x instanceof PyCounter) return reconstruct(x, memo, { make: (args) => callValue(typeOf(x), args, null), args: [copyPlainDict(x)], state: null, listItems: null, dictItems: null });
  if (x instanceof PyOrderedDict || x instanceof PyDefaultDict) {
    const factory = x instanceof PyDefaultDict ? getattr(x, 'default_factory') : null;
    const args = factory === null ? [] : [factory];
    return reconstruct(x, memo, { make: (a) => callValue(typeOf(x), a, null), args, state: x instanceof PyOrderedDict ? odictState(x) : null, listItems: null, dictItems: ops.iterate(callValue(getattr(x, 'items'), [], null)) });
  }
  if (x instanceof PyDeque) return dequeDeep(x, memo, null);
  // ChainMap's object.__reduce_ex__: made without __init__, then its __dict__ ({'maps': [...], ...}) copied and set
  if (x instanceof PyChainMap) return reconstruct(x, memo, { make: () => new PyChainMap(), args: [], state: new PyTuple([null, new PyDict(copyMap(x.attrs))]), listItems: null, dictItems: null });
  if (x instanceof PyDict) return withFrame(() => {
    const y = new PyDict();
    cCall();
    memo.set(idOf(x), y);
    for (const k of x.keyList()) {
      const key = deepcopy(k, memo);
      ops.setitem(y, key, deepcopy(x.get(k), memo));
    }
    return y;
  });
  // set.__reduce__, frozenset's, bytearray's: the type called with a list (or bytes) of the items
  if (x instanceof PySet) return reconstruct(x, memo, { make: (args) => callValue(typeOf(x), args, null), args: [ops.toList(x)], state: null, listItems: null, dictItems: null });
  if (x instanceof PyByteArray) return reconstruct(x, memo, { make: (args) => callValue(typeOf(x), args, null), args: [new PyBytes(x.data.slice())], state: null, listItems: null, dictItems: null });
  if (x instanceof PyNamedTuple) return reconstruct(x, memo, { make: (args) => callValue(typeOf(x), args, null), args: x.items.slice(), state: null, listItems: null, dictItems: null });
  if (x instanceof PyTupleGetter) return reconstruct(x, memo, { make: (args) => new PyTupleGetter(x.index, null, args[1]), args: [x.index, x.ownDoc()], state: null, listItems: null, dictItems: null });
  if (x instanceof PyException) return exceptionCopy(x, memo);
  // slice.__reduce__: slice(start, stop, step), each copied
  if (x instanceof PySlice) return reconstruct(x, memo, { make: (args) => new PySlice(args[0], args[1], args[2]), args: [x.start, x.stop, x.step], state: null, listItems: null, dictItems: null });
  if (unpicklable(x)) throw cannotPickle(x);
  // a module's type with a __copy__ of its own (decimal.Context): it makes the copy
  const own = protocolMethod(x, '__copy__');
  if (own !== undefined) return own(x, [], null);
  return x;
}

/** deque.__reduce__: (type(d), ((), maxlen) or () without one, state, iter(d)): the deque made, then each item's copy appended. */
function dequeDeep(x: Py, memo: PyDict, cls: PyClass | null): Py {
  const maxlen = getattr(x, 'maxlen');
  return reconstruct(x, memo, {
    make: () => callValue(cls ?? typeOf(x), maxlen === null ? [] : [new PyTuple([]), maxlen], null),
    args: [],
    state: cls === null ? null : stateOf(attrsOf(x)),
    listItems: ops.toList(x),
    dictItems: null,
  });
}

/** A function of Lib/copy.py's own (_deepcopy_list, _deepcopy_dict, a comprehension): a frame while it runs. */
function withFrame<T>(body: () => T): T {
  enterFrame();
  try {
    return body();
  } finally {
    exitFrame();
  }
}

// ---------------------------------------------------------------- the module

const COPY_SIG = new Signature('copy', [{ name: 'x', star: '' }], 'python');
const DEEPCOPY_SIG = new Signature('deepcopy', [{ name: 'x', star: '' }, { name: 'memo', star: '' }, { name: '_nil', star: '' }], 'python');

export const COPY_MODULE = new PyModule(
  'copy',
  new Map<string, Py>([
    ['copy', new PyFunc('copy', (a, k) => withFrame(() => copy(bindArgs(COPY_SIG, a, k)[0])), 'function')],
    [
      'deepcopy',
      new PyFunc('deepcopy', (a, k) => {
        const [x, given] = bindArgs(DEEPCOPY_SIG, a, k, [undefined, null, null]);
        const memo = given === null || given === undefined ? new PyDict() : given;
        if (!(memo instanceof PyDict)) throw pyErr(AttributeError, `'${typeName(memo)}' object has no attribute 'get'`);
        return deepcopy(x, memo);
      }, 'function'),
    ],
    ['Error', COPY_ERROR],
    ['error', COPY_ERROR],
  ]),
);
