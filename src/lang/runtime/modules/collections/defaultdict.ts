/** collections.defaultdict and OrderedDict: dict subclasses, PyDicts with their own slots. */
import { bind, clinic } from '../../args.js';
import { checkedMethods } from '../../arity.js';
import { checkSize, tick } from '../../budget.js';
import { copyMap } from '../../copy.js';
import { callValue } from '../../call.js';
import { AttributeError, KeyError, keyErr, pyErr, typeErr } from '../../exceptions.js';
import { DICT_METHODS, emptyOfType, fromKeys, updateDict } from '../../methods-dict.js';
import { DICT, walkDict } from '../../types/dict.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../types/protocol.js';
import { registerType, registerTypeObject } from '../../types/table.js';
import { dictBodyRepr } from '../../repr.js';
import { registerOrdered } from '../../types/ordered.js';
import { OdictMap } from '../../types/odict-map.js';
import { setDictMaps } from '../../class-values.js';
import { truthy } from '../../iteration.js';
import { PyDictInstance } from '../../class-values.js';
import { PyDict, PyException, PyFunc, PyTuple, type Py } from '../../values.js';
import { noteDescriptor } from '../../def-names.js';
import { PyClassType } from '../class-type.js';
import { mappingUpdate } from './mapping-update.js';
import { ownAttrSlots } from '../../own-attrs-slots.js';
import { DICT as DICT_TYPE } from '../../builtins.js';

export class PyDefaultDict extends PyDict {
  constructor(public factory: Py, m?: Map<unknown, Py>) {
    super(m);
  }
  /** __missing__: the factory's value, stored under the key; a KeyError without a factory. */
  pyMissing(key: Py): Py {
    if (this.factory === null) throw keyErr(key);
    const v = callValue(this.factory, [], null);
    this.set(key, v);
    checkSize(this.m.size);
    return v;
  }
}

/** The defaultdicts whose repr is being made. */
const defaultInRepr = new Set<PyDefaultDict>();

export const DEFAULTDICT_TYPE = new PyClassType('collections.defaultdict', (a, kw) => {
  const factory = a.length === 0 ? null : a[0];
  if (factory !== null && !(factory instanceof PyFunc)) throw typeErr('first argument must be callable or None');
  const d = new PyDefaultDict(factory);
  if (a.length > 2) throw typeErr(`dict expected at most 1 argument, got ${a.length - 1}`);
  updateDict(d, a[1], kw);
  return d;
}, DICT_TYPE);

export const DEFAULTDICT: PyTypeSlots<PyDefaultDict> = {
  ...DICT,
  name: () => 'collections.defaultdict',
  type: DEFAULTDICT_TYPE,
  iter: (v) => walkDict(v, 'keys'),
  // defaultdict_repr: dict's repr of itself first, at its own level, {...} where it is met again inside (Py_ReprEnter), then the factory's
  repr: (v, item) => {
    let base = '{...}';
    if (!defaultInRepr.has(v)) {
      defaultInRepr.add(v);
      try {
        base = dictBodyRepr(v, item);
      } finally {
        defaultInRepr.delete(v);
      }
    }
    return `defaultdict(${item(v.factory)}, ${base})`;
  },
  getattr: (v, name) => (name === 'default_factory' ? v.factory : undefined),
  // a writable member (T_OBJECT) that takes any value, and None once deleted; no other attribute, no __dict__
  setattr: (v, name, value) => {
    if (name !== 'default_factory') throw pyErr(AttributeError, `'collections.defaultdict' object has no attribute '${name}'`);
    v.factory = value === undefined ? null : value;
  },
  nb: {
    ...DICT.nb,
    // defdict_or: a defaultdict of the defaultdict operand's factory and the left operand's items, updated with the right
    or(a, b) {
      if (!(a instanceof PyDict) || !(b instanceof PyDict)) return NOT_IMPLEMENTED;
      const self = (a instanceof PyDefaultDict ? a : b) as PyDefaultDict;
      const out = new PyDefaultDict(self.factory);
      updateDict(out, a, null);
      updateDict(out, b, null);
      return out;
    },
  },
  methods: new Map([...DICT_METHODS, ...checkedMethods('defaultdict', new Map<string, Method>([
    ['copy', (d: PyDefaultDict) => {
      const out = new PyDefaultDict(d.factory, copyMap(d.m));
      if (d.k !== null) out.k = copyMap(d.k);
      return out;
    }],
  ]), { copy: 'none' })]),
};

registerType(PyDefaultDict, DEFAULTDICT);
registerTypeObject('collections.defaultdict', DEFAULTDICT);

// dict's classmethod, inherited: cls() is a defaultdict without a factory
DEFAULTDICT_TYPE.attrs.set('fromkeys', noteDescriptor(new PyFunc('fromkeys', (a, kw) => {
  const [keys, value = null] = clinic('fromkeys', a, kw, 1, 2);
  return fromKeys(new PyDefaultDict(null), keys, value);
}, 'method'), 'defaultdict.fromkeys'));

export class PyOrderedDict extends PyDict {
  /** The instance's __dict__ (own-attrs.ts): OrderedDict is a Python class in Lib/collections, its C twin gives one too. */
  attrs: Map<string, Py> | null = null;
  constructor() {
    super(new OdictMap());
  }
}

export const ORDEREDDICT_TYPE = new PyClassType('collections.OrderedDict', (a, kw) => {
  const d = new PyOrderedDict();
  mappingUpdate(d, a, kw, (n) => `expected at most 1 arguments, got ${n}`);
  return d;
}, DICT_TYPE);

/** PyErr_SetObject(PyExc_KeyError, key), as odict's pop and move_to_end raise: a tuple is the args, None none, a KeyError itself. */
function odictKeyErr(key: Py): PyException {
  if (key instanceof PyException && key.type.isSubclassOf(KeyError)) return key;
  return new PyException(KeyError, key === null ? [] : key instanceof PyTuple ? key.items.slice() : [key]);
}

const ORDERED_METHODS = checkedMethods('OrderedDict', new Map<string, Method>([
  ['move_to_end', (d: PyOrderedDict, a, kw) => {
    const [key, last = true] = bind('move_to_end', a, kw, ['key', 'last'], 1);
    // the key as first stored (1 stays 1 when moved as 1.0; an instance told apart by __eq__ stays itself)
    const nk = d.filedKey(key);
    if (nk === undefined) throw odictKeyErr(key);
    // a key already at that end is not moved: the iterators see no change
    const m = d.m as OdictMap;
    if (m.end(truthy(last)) !== nk) m.moveToEnd(nk, truthy(last));
    return null;
  }],
  ['popitem', (d: PyOrderedDict, a, kw) => {
    const [last = true] = bind('popitem', a, kw, ['last']);
    if (d.m.size === 0) throw keyErr('dictionary is empty');
    const nk = (d.m as OdictMap).end(truthy(last));
    const key = d.key(nk);
    const v = d.m.get(nk);
    d.delete(key);
    return new PyTuple([key, v]);
  }],
  // odict_copy: an OrderedDict again, in its order (dict's copy made a dict)
  ['copy', (d: PyOrderedDict) => {
    const out = new PyOrderedDict();
    for (const [k, v] of d.entries()) (tick(), out.set(k, v));
    return out;
  }],
]), { move_to_end: 'own', popitem: 'own', copy: 'none' });
// odict_methods' own, which do what dict's do: through the class, each is OrderedDict's
// (OrderedDict.keys), not dict's, and so are their errors; pop and setdefault take keywords
const inherited = (name: string): Method => DICT_METHODS.get(name)!;
const ODICT_OWN = checkedMethods('OrderedDict', new Map<string, Method>([
  ...['clear', 'items', 'keys', 'values'].map((name): [string, Method] => [name, (d, a) => inherited(name)(d, a, null)]),
  ['pop', (d, a, kw) => {
    const [key, dflt] = bind('pop', a, kw, ['key', 'default'], 1);
    if (dflt === undefined && (d as PyDict).filedKey(key) === undefined) throw odictKeyErr(key);
    return inherited('pop')(d, dflt === undefined ? [key] : [key, dflt], null);
  }],
  ['setdefault', (d, a, kw) => {
    const [key, dflt = null] = bind('setdefault', a, kw, ['key', 'default'], 1);
    return inherited('setdefault')(d, [key, dflt], null);
  }],
]), { clear: 'none', items: 'none', keys: 'none', values: 'none', pop: 'own', setdefault: 'own' });
for (const [name, fn] of ODICT_OWN) ORDERED_METHODS.set(name, fn);
// MutableMapping's update, in C: a pair that is no pair in its own words
ORDERED_METHODS.set('update', (d, a, kw) => mappingUpdate(d as PyDict, a, kw, (n) => `update() takes at most 1 positional argument (${n} given)`));
// its own classmethod read through an instance: odict_fromkeys's words ("fromkeys() missing required argument 'iterable' (pos 1)"), not dict's
ORDERED_METHODS.set('fromkeys', (d, a, kw) => {
  const [keys, value = null] = bind('fromkeys', a, kw, ['iterable', 'value'], 1);
  return fromKeys(emptyOfType(d as PyDict), keys, value);
});

/** The OrderedDicts whose repr is being made: met again inside, each is ... (Py_ReprEnter). */
const inRepr = new Set<PyOrderedDict>();

export const ORDEREDDICT: PyTypeSlots<PyOrderedDict> = {
  ...DICT,
  name: () => 'collections.OrderedDict',
  ...ownAttrSlots(PyOrderedDict, ORDEREDDICT_TYPE),
  type: ORDEREDDICT_TYPE,
  iter: (v) => walkDict(v, 'keys'),
  repr: (v, item) => {
    if (v.m.size === 0) return 'OrderedDict()';
    if (inRepr.has(v)) return '...';
    inRepr.add(v);
    try {
      return `OrderedDict(${item([...walkDict(v, 'items')])})`;
    } finally {
      inRepr.delete(v);
    }
  },
  // two OrderedDicts are equal in the same order too; against a dict, dict's ==
  eq(a, b, eq) {
    // an OrderedDict, or an instance of a condition's subclass of it (dict-subclasses.ts)
    if (!(b instanceof PyOrderedDict || (b instanceof PyDictInstance && b.cls.isSubclassOf(ORDEREDDICT_TYPE)))) return DICT.eq!(a, b, eq);
    if (a.m.size !== b.m.size) return false;
    const keys = [...b.m.keys()];
    let i = 0;
    for (const [nk, v] of a.m) {
      tick(); // as dict's ==: a value may be an OrderedDict held twice, a tree exponential in its depth
      if (nk !== keys[i++] || !eq(v, b.m.get(nk))) return false;
    }
    return true;
  },
  nb: {
    ...DICT.nb,
    // odict_or: an OrderedDict of the left operand, updated with the right, whichever side the OrderedDict is on
    or(a, b) {
      if (!(a instanceof PyDict) || !(b instanceof PyDict)) return NOT_IMPLEMENTED;
      const out = new PyOrderedDict();
      updateDict(out, a, null);
      updateDict(out, b, null);
      return out;
    },
  },
  methods: new Map([...DICT_METHODS, ...ORDERED_METHODS]),
};

registerType(PyOrderedDict, ORDEREDDICT);
registerTypeObject('collections.OrderedDict', ORDEREDDICT);
registerOrdered((d) => d instanceof PyOrderedDict || (d instanceof PyDictInstance && d.cls.isSubclassOf(ORDEREDDICT_TYPE)));
// a subclass's instances are laid out as OrderedDicts too
setDictMaps((cls) => (cls.isSubclassOf(ORDEREDDICT_TYPE) ? new OdictMap() : undefined));

// OrderedDict's own classmethod, which takes keywords: "fromkeys() missing required argument 'iterable' (pos 1)"
ORDEREDDICT_TYPE.attrs.set('fromkeys', noteDescriptor(new PyFunc('fromkeys', (a, kw) => {
  const [keys, value = null] = bind('fromkeys', a, kw, ['iterable', 'value'], 1);
  return fromKeys(new PyOrderedDict(), keys, value);
}, 'method'), 'OrderedDict.fromkeys'));
