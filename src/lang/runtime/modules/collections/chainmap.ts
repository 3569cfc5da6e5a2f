/**
 * collections.ChainMap, as Lib/collections/__init__.py writes it: a list of mappings searched
 * in turn, writes and deletes going to the first. Every method goes through the mappings'
 * own [], in and len (a defaultdict among them answers a missing key), as the Python does;
 * keys(), items() and values() are MutableMapping's views of it. The class takes no subclass
 * here; the instance keeps its attributes, `maps` among them, in its own __dict__ (own-attrs.ts).
 */
import { checkedMethods } from '../../arity.js';
import { chargeSteps, enterCall, exitCall, step, tick } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { contains } from '../../compare.js';
import { attrErr, KeyError, keyErr, typeErr } from '../../exceptions.js';
import { ownAttrSlots } from '../../own-attrs-slots.js';
import { getattr, lookupAttr } from '../../attributes.js';
import { delitem, getitem, setitem } from '../../items.js';
import { iterate, len, toList, truthy } from '../../iteration.js';
import { pairOf } from '../copy-reduce.js';
import { fileAbcBased } from '../../object-class.js';
import { repr, withReprLevels } from '../../repr.js';
import { bindArgs, Signature, type Parameter } from '../../signature.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../types/protocol.js';
import { registerType, registerTypeObject } from '../../types/table.js';
import { PyDict, PyException, PyTuple, PyType, type Py } from '../../values.js';
import { PyChainView } from './chainmap-views.js';
import { fileMappingValues, isMapping } from './abc-instances.js';

export class PyChainMap {
  /** The instance's __dict__, which holds `maps` as the Python's __init__ stores it (and may lose it: `del cm.maps`). */
  attrs: Map<string, Py>;
  /** No maps: a chain map made without __init__ (copy.deepcopy's, before its state is set). */
  constructor(maps?: Py) {
    this.attrs = new Map(maps === undefined ? [] : [['maps', maps]]);
  }
  get maps(): Py {
    const maps = this.attrs.get('maps');
    if (maps === undefined) throw attrErr(this, 'maps');
    return maps;
  }
  /** `cm |= other`: __ior__, the first mapping updated, the chain map itself the result. */
  pyInplaceOr(other: Py): PyChainMap {
    method(first(this), 'update', [other]);
    return this;
  }
}

const dictType = (): Py => BUILTINS.get('dict')!;
const method = (v: Py, name: string, args: Py[] = []): Py => callValue(getattr(v, name), args, null);
/** self.maps, which a condition may have set to any list (`cm.maps = [...]`); the Python iterates whatever it is. */
const mapsOf = (v: PyChainMap): Py[] => toList(v.maps);
/** `for mapping in self.maps`: the list walked as it is (no copy: a lookup in a chain of 3,000 maps copied them all). */
const eachMap = (v: PyChainMap): Iterable<Py> => iterate(v.maps);

/**
 * A method of the chain map run as the Python's frame: a chain map nested in its own maps (or
 * 2,000 deep) ends in the RecursionError there, not in JavaScript's stack.
 */
function framed<A extends unknown[], R>(fn: (v: PyChainMap, ...a: A) => R): (v: PyChainMap, ...a: A) => R {
  return (v, ...a) => {
    enterCall();
    try {
      return fn(v, ...a);
    } finally {
      exitCall();
    }
  };
}
const first = (v: PyChainMap): Py => getitem(v.maps, 0);

const isKeyError = (e: unknown): boolean => e instanceof PyException && !e.fatal && e.type.isSubclassOf(KeyError);

/** `__getitem__`: each mapping's [] in turn (not `in`: a defaultdict answers a missing key), then __missing__'s KeyError. */
const lookup = framed((v: PyChainMap, key: Py): Py => {
  for (const m of eachMap(v)) {
    // a plain dict answers without the KeyError the Python would catch
    if (m instanceof PyDict && m.constructor === PyDict) {
      tick();
      const got = m.get(key);
      if (got !== undefined) return got;
      continue;
    }
    step();
    try {
      return getitem(m, key);
    } catch (e) {
      if (!isKeyError(e)) throw e;
    }
  }
  throw keyErr(key);
});

const has = framed((v: PyChainMap, key: Py): boolean => {
  for (const m of eachMap(v)) if ((tick(), contains(m, key))) return true;
  return false;
});

/** `__iter__`: the keys of the last mapping first, each once, in a dict made of dict.fromkeys of each. */
const keysOf = framed((v: PyChainMap): Py[] => {
  const d = new PyDict();
  for (const m of mapsOf(v).reverse()) (step(), method(d, 'update', [callValue(getattr(dictType(), 'fromkeys'), [m], null)]));
  return toList(d);
});

/** `__len__`: len(set().union(*self.maps)), a step for each map. */
const size = framed((v: PyChainMap): number => {
  const maps = mapsOf(v);
  chargeSteps(maps.length);
  return len(callValue(getattr(callValue(BUILTINS.get('set')!, [], null), 'union'), maps, null));
});


/** `ChainMap(*maps)`: `self.maps = list(maps) or [{}]`, always one map at least. */
const chainOf = (maps: Py[]): PyChainMap => new PyChainMap(maps.length === 0 ? [new PyDict()] : maps);

export const CHAINMAP_TYPE = new PyType('collections.ChainMap', (a, kw) => {
  if (kw !== null && kw.size > 0) throw typeErr(`ChainMap.__init__() got an unexpected keyword argument '${[...kw.keys()][0]}'`);
  return chainOf(a.slice());
});

/** A method as the Python defines it: its parameters after self, their defaults, and CPython's words for a wrong call. */
function python(name: string, params: Parameter[], defaults: (Py | undefined)[], fn: (v: PyChainMap, args: Py[], kw: Map<string, Py> | null) => Py): Method {
  // a mixin's name is its class's: Mapping.keys, MutableMapping.update (whose self and other are positional only)
  const posOnly = params.some((x) => x.posOnly === true);
  const sig = new Signature(name.includes('.') ? name : `ChainMap.${name}`, [{ name: 'self', star: '', ...(posOnly ? { posOnly: true } : {}) }, ...params], 'python');
  return (v: PyChainMap, args: Py[], kw: Map<string, Py> | null) => fn(v, bindArgs(sig, [v, ...args], kw, [undefined, ...defaults]).slice(1), kw);
}
const p = (name: string, star: '' | '*' | '**' = ''): Parameter => ({ name, star });

// KeyError(message): its str is the message's repr, as any KeyError's
const firstKeyError = (key: Py): PyException => keyErr(`Key not found in the first mapping: ${repr(key)}`);

const METHODS = checkedMethods('collections.ChainMap', new Map<string, Method>([
  ['get', python('get', [p('key'), p('default')], [undefined, null], (v, [key, dflt]) => (has(v, key) ? lookup(v, key) : dflt))],
  ['copy', python('copy', [], [], (v) => chainOf([method(first(v), 'copy'), ...mapsOf(v).slice(1)]))],
  ['new_child', python('new_child', [p('m'), p('kwargs', '**')], [null, undefined], (v, [m, kwargs]) => {
    let child = m;
    if (child === null) child = kwargs;
    else if ((kwargs as PyDict).size > 0) method(child, 'update', [kwargs]);
    return chainOf([child, ...mapsOf(v)]);
  })],
  ['popitem', python('popitem', [], [], (v) => {
    try {
      return method(first(v), 'popitem');
    } catch (e) {
      if (isKeyError(e)) throw keyErr('No keys found in the first mapping.');
      throw e;
    }
  })],
  ['pop', python('pop', [p('key'), p('args', '*')], [undefined, undefined], (v, [key, rest]) => {
    try {
      return method(first(v), 'pop', [key, ...(rest as PyTuple).items]);
    } catch (e) {
      if (isKeyError(e)) throw firstKeyError(key);
      throw e;
    }
  })],
  ['clear', python('clear', [], [], (v) => method(first(v), 'clear'))],
  // MutableMapping's mixins
  ['setdefault', python('MutableMapping.setdefault', [p('key'), p('default')], [undefined, null], (v, [key, dflt]) => {
    try {
      return lookup(v, key);
    } catch (e) {
      if (!isKeyError(e)) throw e;
      setitem(first(v), key, dflt);
      return dflt;
    }
  })],
  ['update', python('MutableMapping.update', [{ name: 'other', star: '', posOnly: true }, p('kwds', '**')], [new PyTuple([]), undefined], (v, [other, kwds]) => {
    // MutableMapping.update: self[key] = value, from a mapping's keys, an object's keys(), or pairs; then the keywords
    if (isMapping(other)) for (const k of iterate(other)) (tick(), setitem(v, k, getitem(other, k)));
    else if (lookupAttr(other, 'keys') !== undefined) for (const k of iterate(method(other, 'keys'))) (tick(), setitem(v, k, getitem(other, k)));
    else for (const pair of iterate(other)) (tick(), setitem(v, ...pairOf(pair)));
    for (const [k, x] of (kwds as PyDict).entries()) (tick(), setitem(v, k, x));
    return null;
  })],
  ['keys', python('Mapping.keys', [], [], (v) => new PyChainView('KeysView', v))],
  ['items', python('Mapping.items', [], [], (v) => new PyChainView('ItemsView', v))],
  ['values', python('Mapping.values', [], [], (v) => new PyChainView('ValuesView', v))],
]), {
  get: 'own', copy: 'own', new_child: 'own', popitem: 'own', pop: 'own', clear: 'own', setdefault: 'own', update: 'own', keys: 'own', items: 'own', values: 'own',
});

const ownSlots = ownAttrSlots(PyChainMap, CHAINMAP_TYPE);

/** A frame and three counted calls: what the original's RecursionError says, met at each of a level's six places in turn. */
const CALLING = 'while calling a Python object';
const CHAINMAP_REPR_LEVELS = ['', CALLING, CALLING, CALLING];

export const CHAINMAP: PyTypeSlots<PyChainMap> = {
  name: () => 'ChainMap',
  type: CHAINMAP_TYPE,
  // __bool__: any(self.maps)
  truthy: framed((v) => {
    for (const m of eachMap(v)) if ((tick(), truthy(m))) return true;
    return false;
  }),
  len: size,
  iter: keysOf,
  // Mapping.__reversed__ = None
  notReversible: true,
  hash: null,
  // @_recursive_repr(): '...' for the map met again inside its own repr
  reprCycle: '...',
  // ChainMap.__repr__, a def under recursive_repr's wrapper, prints each map by repr(): CPython's levels in its order
  repr: (v, item) => withReprLevels(CHAINMAP_REPR_LEVELS, () => `ChainMap(${mapsOf(v).map(item).join(', ')})`),
  contains: (v, key) => has(v, key),
  getitem: lookup,
  setitem: (v, key, value) => setitem(first(v), key, value),
  delitem: (v, key) => {
    try {
      delitem(first(v), key);
    } catch (e) {
      if (isKeyError(e)) throw firstKeyError(key);
      throw e;
    }
  },
  // Mapping.__eq__: dict(self.items()) == dict(other.items()), for a Mapping on the other side
  eq: (a, b, eq) => (isMapping(b) ? eq(callValue(dictType(), [method(a, 'items')], null), callValue(dictType(), [method(b, 'items')], null)) : NOT_IMPLEMENTED),
  nb: {
    or: (a, b) => {
      // __or__: a copy whose first mapping is updated; __ror__: a dict of the other updated by each map, last first
      if (a instanceof PyChainMap) {
        if (!isMapping(b)) return NOT_IMPLEMENTED;
        const m = method(a, 'copy') as PyChainMap;
        method(first(m), 'update', [b]);
        return m;
      }
      if (!isMapping(a)) return NOT_IMPLEMENTED;
      const m = callValue(dictType(), [a], null);
      for (const child of mapsOf(b as PyChainMap).reverse()) method(m, 'update', [child]);
      return chainOf([m]);
    },
  },
  // fromkeys, a classmethod, read through an instance is bound to the class
  // parents, a property, before the instance's own names
  getattr: (v, name) => (name === 'parents' ? chainOf(mapsOf(v).slice(1)) : name === 'fromkeys' ? getattr(CHAINMAP_TYPE, name) : v.attrs.get(name)),
  setattr: (v, name, value) => ownSlots.setattr(v, name, value),
  methods: METHODS,
  // fromkeys(cls, iterable, *args): cls(dict.fromkeys(iterable, *args))
  classMethods: new Map([['fromkeys', (a: Py[], kw: Map<string, Py> | null) => chainOf([callValue(getattr(dictType(), 'fromkeys'), a, kw)])]]),
};

registerType(PyChainMap, CHAINMAP);
fileMappingValues(PyChainMap);
fileAbcBased(CHAINMAP_TYPE, 'MutableMapping, Mapping, Collection, Sized, Iterable and Container');
registerTypeObject('collections.ChainMap', CHAINMAP);
