/**
 * Subclasses of Counter, OrderedDict and defaultdict: instances of a dict subclass
 * (dict-subclass.ts) whose base answers where the class defines nothing, as CPython's does.
 * Counter is Python code (Lib/collections), so its methods go through the instance: its
 * __init__ calls self.update, update calls self.get and self[k] = v, copy calls the class.
 * OrderedDict's and defaultdict's C code calls the class's __setitem__ (and, for
 * OrderedDict.setdefault and copy, __contains__ and __getitem__) where it does for a subclass.
 */
import { bind, clinic, noArgsOf } from '../../args.js';
import { getattr } from '../../attributes.js';
import { checkSize, tick } from '../../budget.js';
import { callValue } from '../../call.js';
import { PyDictInstance } from '../../class-values.js';
import { contains } from '../../compare.js';
import { dictInit, registerDictBase } from '../../dict-subclass.js';
import { fatalErr, keyErr, NotImplementedError, pyErr, typeErr, UnsupportedError } from '../../exceptions.js';
import { getitem, setitem } from '../../items.js';
import { iterate, toList, truthy } from '../../iteration.js';
import { DICT_METHODS, updateDict } from '../../methods-dict.js';
import * as ops from '../../ops.js';
import { bindArgs, Signature } from '../../signature.js';
import { NOT_IMPLEMENTED } from '../../types/protocol.js';
import { boundMethod, PyDict, PyFunc, PyTuple, typeName, type NativeFn, type Py } from '../../values.js';
import { COUNTER, COUNTER_FUNCTIONS, COUNTER_TYPE, counterFunction, counterInplace, counterOrder, FROMKEYS_FUNCTION, PyCounter } from './counter.js';
import { counterRepr } from './counter-python.js';
import { DEFAULTDICT_TYPE, ORDEREDDICT, ORDEREDDICT_TYPE } from './defaultdict.js';
import { mappingUpdate } from './mapping-update.js';

/** A method of the base bound to the instance; func, where CPython writes it in Python (Counter's), is its class's function. */
const method = (self: PyDictInstance, name: string, fn: NativeFn, func?: PyFunc): PyFunc => boundMethod(name, fn, self, func);
const call = (self: Py, name: string, args: Py[], kw: Map<string, Py> | null = null): Py => callValue(getattr(self, name), args, kw);
// Counter (Lib/collections/__init__.py), through the instance

/** Counter.update(self, iterable=None, /, **kwds) and subtract: the class's get and __setitem__ as Python's code calls them. */
function count(self: PyDictInstance, name: 'update' | 'subtract', args: Py[], kw: Map<string, Py> | null): null {
  if (args.length > 1) throw typeErr(`Counter.${name}() takes from 1 to 2 positional arguments but ${args.length + 1} were given`);
  const iterable = args[0];
  const sign = name === 'update' ? 1 : -1;
  if (iterable !== undefined && iterable !== null) {
    if (iterable instanceof PyDict) {
      // an empty Counter's update is dict.update (super().update)
      if (sign === 1 && !truthy(self)) updateDict(self, iterable, null);
      else {
        const get = getattr(self, 'get');
        for (const pair of iterate(call(iterable, 'items', []))) {
          tick();
          const [elem, n] = (pair as PyTuple).items;
          const old = callValue(get, [elem, 0], null);
          setitem(self, elem, sign === 1 ? ops.add(n, old) : ops.sub(old, n));
        }
      }
    } else {
      // _count_elements(self, iterable), or subtract's loop: self.get, then self[elem] = ...
      const get = getattr(self, 'get');
      for (const elem of iterate(iterable)) {
        tick();
        const old = callValue(get, [elem, 0], null);
        setitem(self, elem, sign === 1 ? ops.add(old, 1) : ops.sub(old, 1));
      }
    }
    checkSize(self.m.size);
  }
  if (kw !== null && kw.size > 0) call(self, name, [PyDict.ofNames(kw)]);
  return null;
}

/** Counter.copy(self), a def of collections/__init__.py: its words name Counter's function, not the subclass. */
const COUNTER_COPY = new Signature('Counter.copy', [{ name: 'self', star: '' }], 'python');

/** A Counter method, bound to a subclass's instance, as its Python code runs: through the instance. */
function counterMethod(self: PyDictInstance, name: string): PyFunc | undefined {
  const func = COUNTER_FUNCTIONS.get(name);
  switch (name) {
    case 'update':
    case 'subtract':
      return method(self, name, (args, kw) => count(self, name, args, kw), func);
    // self.__class__(self)
    case 'copy':
      return method(self, name, (args, kw) => (bindArgs(COUNTER_COPY, [self, ...args], kw), callValue(self.cls, [self], null)), func);
    case '__missing__':
      return method(self, name, (args, kw) => (bind('__missing__', args, kw, ['key'], 1), 0));
  }
  const m = COUNTER.methods!.get(name);
  return m === undefined || DICT_METHODS.get(name) === m ? undefined : method(self, name, (args, kw) => m(self, args, kw), func);
}

const FROMKEYS = new Signature('Counter.fromkeys', [{ name: 'cls', star: '' }, { name: 'iterable', star: '' }, { name: 'v', star: '' }], 'python');

registerDictBase({
  type: COUNTER_TYPE,
  init: (self, args, kw) => (call(self, 'update', args, kw), null),
  missing: () => 0,
  repr: counterRepr,
  eq: COUNTER.eq as (a: PyDict, b: Py, eq: (x: Py, y: Py) => boolean) => boolean,
  order: counterOrder,
  // Counter.__delitem__: `if elem in self: super().__delitem__(elem)`
  delitem: (self, key) => void self.delete(key),
  nb: COUNTER.nb,
  unary: COUNTER.unary,
  inplace: counterInplace,
  method: counterMethod,
  fromkeys: (cls, args, kw) => {
    bindArgs(FROMKEYS, [cls, ...args], kw, [undefined, undefined, null]);
    throw pyErr(NotImplementedError, 'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.');
  },
  fromkeysFunction: FROMKEYS_FUNCTION,
  classAttr: (name) => COUNTER_TYPE.attrs.get(name),
});

// update, subtract and copy through the class (Counter.update(c, x)): Counter's own, whatever c's class overrides
for (const name of ['update', 'subtract', 'copy'] as const) {
  const own = COUNTER.methods!.get(name)!;
  counterFunction(name, (args, kw) => {
    if (args.length === 0) throw typeErr(`Counter.${name}() missing 1 required positional argument: 'self'`);
    const [self, ...rest] = args;
    if (self instanceof PyDictInstance && self.cls.isSubclassOf(COUNTER_TYPE)) return callValue(counterMethod(self, name)!, rest, kw);
    if (self instanceof PyCounter) return own(self, rest, kw);
    throw fatalErr(UnsupportedError, `Counter.${name}() of a '${typeName(self)}' is not available in conditions: only of a Counter`);
  });
}

/** The instances whose repr is being made. */
const inRepr = new Set<PyDictInstance>();

// OrderedDict, whose C code calls a subclass's __setitem__

const UPDATE_ARGS = (n: number): string => `update() takes at most 1 positional argument (${n} given)`;

/** odict_copy of a subclass: type(self)(), then each key's self[k] put by copy[k] = ... */
function orderedCopy(self: PyDictInstance): Py {
  const out = callValue(self.cls, [], null);
  for (const k of [...self.m.keys()].map((nk) => self.key(nk))) (tick(), setitem(out, k, getitem(self, k)));
  return out;
}

/** odict_or: type(od)(left), updated with right by its __setitem__. */
function orderedOr(a: Py, b: Py): Py {
  const od = a instanceof PyDictInstance && a.cls.isSubclassOf(ORDEREDDICT_TYPE) ? a : (b as PyDictInstance);
  const other = od === a ? b : a;
  if (!(other instanceof PyDict)) return NOT_IMPLEMENTED;
  const out = callValue(od.cls, [a], null);
  mappingUpdate(out as PyDict, [b], null, UPDATE_ARGS);
  return out;
}

registerDictBase({
  type: ORDEREDDICT_TYPE,
  init: (self, args, kw) => mappingUpdate(self, args, kw, (n) => `expected at most 1 arguments, got ${n}`),
  // odict_repr: the class's name around list(self.items()); met again inside, ... (Py_ReprEnter)
  repr: (self, item) => {
    if (self.m.size === 0) return `${self.cls.name}()`;
    if (inRepr.has(self)) return '...';
    inRepr.add(self);
    try {
      return `${self.cls.name}(${item(toList(call(self, 'items', [])))})`;
    } finally {
      inRepr.delete(self);
    }
  },
  eq: ORDEREDDICT.eq as (a: PyDict, b: Py, eq: (x: Py, y: Py) => boolean) => boolean,
  nb: { or: orderedOr },
  inplace: (op, self, other) => (op === '|' ? (mappingUpdate(self, [other], null, UPDATE_ARGS), self) : undefined),
  method: (self, name) => {
    switch (name) {
      case 'update':
        return method(self, name, (args, kw) => mappingUpdate(self, args, kw, UPDATE_ARGS));
      case 'copy':
        return method(self, name, (args, kw) => (noArgsOf('copy', args, kw, self.cls.qualname), orderedCopy(self)));
      // odict_setdefault of a subclass: key in self, then self[key] or self[key] = default
      case 'setdefault':
        return method(self, name, (args, kw) => {
          const [key, dflt = null] = bind('setdefault', args, kw, ['key', 'default'], 1);
          if (contains(self, key)) return getitem(self, key);
          setitem(self, key, dflt);
          return dflt;
        });
    }
    const m = ORDEREDDICT.methods!.get(name);
    return m === undefined || DICT_METHODS.get(name) === m ? undefined : method(self, name, (args, kw) => m(self, args, kw));
  },
  // dict.fromkeys on the class: cls(), then cls()[key] = value
  fromkeys: (cls, args, kw) => {
    const [keys, value = null] = bind('fromkeys', args, kw, ['iterable', 'value'], 1);
    const out = callValue(cls, [], null);
    for (const k of iterate(keys)) (tick(), setitem(out, k, value));
    return out;
  },
});

// defaultdict: its factory is the instance's default_factory attribute, which may be set

const factoryOf = (self: PyDictInstance): Py => self.dict.get('default_factory') ?? null;

/** new_defdict: type(dd)(dd.default_factory, arg), as copy and | make it. */
const defaultCopy = (self: PyDictInstance, arg: Py): Py => callValue(self.cls, [factoryOf(self), arg], null);

registerDictBase({
  type: DEFAULTDICT_TYPE,
  init: (self, args, kw) => {
    const factory = args.length === 0 ? null : args[0];
    if (factory !== null && !(factory instanceof PyFunc)) throw typeErr('first argument must be callable or None');
    self.dict.set('default_factory', factory);
    return dictInit(self, args.slice(1), kw);
  },
  // defdict_missing: the factory's value, put by self[key] = value
  missing: (self, key) => {
    const factory = factoryOf(self);
    if (factory === null) throw keyErr(key);
    const v = callValue(factory, [], null);
    setitem(self, key, v);
    return v;
  },
  // defdict_repr: the class's name, the factory's repr, then dict's repr of the items, {...} where met again inside
  repr: (self, item) => {
    const factory = item(factoryOf(self));
    if (inRepr.has(self)) return `${self.cls.name}(${factory}, {...})`;
    inRepr.add(self);
    try {
      const entries: string[] = [];
      for (const [nk, v] of self.m) entries.push(`${item(self.key(nk))}: ${item(v)}`);
      return `${self.cls.name}(${factory}, {${entries.join(', ')}})`;
    } finally {
      inRepr.delete(self);
    }
  },
  nb: {
    // defdict_or: type(dd)(factory, left), then dict's update with right
    or: (a, b) => {
      const dd = a instanceof PyDictInstance && a.cls.isSubclassOf(DEFAULTDICT_TYPE) ? a : (b as PyDictInstance);
      if (!((dd === a ? b : a) instanceof PyDict)) return NOT_IMPLEMENTED;
      const out = defaultCopy(dd, a);
      updateDict(out as PyDict, b, null);
      return out;
    },
  },
  method: (self, name) => {
    if (name === 'copy') return method(self, name, (args, kw) => (noArgsOf('copy', args, kw, self.cls.qualname), defaultCopy(self, self)));
    if (name === '__missing__') return method(self, name, (args, kw) => {
      const [key] = bind('__missing__', args, kw, ['key'], 1);
      const factory = factoryOf(self);
      if (factory === null) throw keyErr(key);
      const v = callValue(factory, [], null);
      setitem(self, key, v);
      return v;
    });
    return undefined;
  },
  // dict.fromkeys on the class: cls(), then cls()[key] = value
  fromkeys: (cls, args, kw) => {
    const [keys, value = null] = clinic('fromkeys', args, kw, 1, 2);
    const out = callValue(cls, [], null);
    for (const k of iterate(keys)) (tick(), setitem(out, k, value));
    return out;
  },
});
