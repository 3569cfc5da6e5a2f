/**
 * types.SimpleNamespace, as Objects/namespaceobject.c (3.11) has it: a C type, written here as a
 * class of the runtime's (cType: its tp_name, immutable, a lay-out of its own), so that its
 * instances are plain ones, whose attributes are their `__dict__` (vars(), setattr, delattr, dir),
 * and a condition's subclass is a class as any other. Its dunders are slot wrappers, as CPython's:
 * __init__ takes keywords only, __repr__ prints the dict's str keys (`namespace(a=1)`, a subclass's
 * by its name, `namespace(...)` met again inside), the six comparisons compare two namespaces'
 * dicts (any other operand: NotImplemented), __hash__ is None and __reduce__ gives
 * `(type(ns), (), ns.__dict__)`, which copy.copy and deepcopy rebuild through the class.
 */
import { checkName } from '../attribute-names.js';
import { allocEntries, checkSize, nestingRoom, tick, tooDeep, work } from '../budget.js';
import { NOT_IMPLEMENTED_VALUE } from '../class-operators.js';
import { makeClass, OBJECT_CLASS, PyInstance, finishClass, setOwnRepr } from '../classes.js';
import { comparisonDepth, eq, geValue, gtValue, leValue, ltValue } from '../compare.js';
import { typeErr } from '../exceptions.js';
import { liveDict } from '../introspection.js';
import { closeOwnLevel, levelsOpen, openOwnLevel, repr } from '../repr.js';
import { PySlotWrapper } from '../slot-wrapper.js';
import { wrapper } from '../super-unbound.js';
import { EMPTY_TUPLE, PyStrBox, PyTuple, typeName, type Py } from '../values.js';

export const SIMPLE_NAMESPACE = makeClass('types.SimpleNamespace', 'SimpleNamespace', [OBJECT_CLASS]);
SIMPLE_NAMESPACE.module = 'types';
SIMPLE_NAMESPACE.cType = true;

const OF = SIMPLE_NAMESPACE.name;

/** PyObject_TypeCheck(v, &_PyNamespace_Type): an instance of it or of a subclass (their instances are plain ones: no other lay-out mixes with it). */
export const isNamespace = (v: Py): v is PyInstance => v instanceof PyInstance && v.cls.isSubclassOf(SIMPLE_NAMESPACE);

/** The checks of wrap_unaryfunc and wrap_binaryfunc: no keywords, then the count. */
function arity(name: string, args: Py[], kw: Map<string, Py> | null, n: 0 | 1): void {
  if (kw !== null && kw.size > 0) throw typeErr(`wrapper ${name}() takes no keyword arguments`);
  if (args.length !== n) throw typeErr(`expected ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
}

const slot = (name: string, call: (self: PyInstance, args: Py[], kw: Map<string, Py> | null) => Py): void =>
  void SIMPLE_NAMESPACE.attrs.set(name, wrapper(SIMPLE_NAMESPACE, name, isNamespace, call as (self: Py, args: Py[], kw: Map<string, Py> | null) => Py));

// namespace_init: keywords only, put into the dict as PyDict_Update puts them (no __setattr__ of a subclass's asked)
slot('__init__', (self, args, kw) => {
  if (args.length > 0) throw typeErr('no positional arguments expected');
  if (kw === null || kw.size === 0) return null;
  // SimpleNamespace(**d) of a huge d: each key one more entry of the instance's table
  allocEntries(kw.size);
  const d = self.dict;
  for (const [k, v] of kw) d.set(checkName(k), v);
  return null;
});

/** The namespaces whose repr is being made: met again inside, each is `name(...)`, as Py_ReprEnter has it. */
const inRepr = new Set<PyInstance>();
/** '%r' and str() of namespaces nested this deep answer at the envelope's level of the original's `python3 -c`, one deeper raises, as repr.ts's lists; repr(x) is a level less (budget.ts countedCall). */
const REPR_NESTING = 998;

/** namespace_repr: 'namespace' for the type itself, a subclass's tp_name; each non-empty str key as key=repr(value), in the dict's order. */
function namespaceRepr(ns: PyInstance): string {
  const name = ns.cls === SIMPLE_NAMESPACE ? 'namespace' : ns.cls.name;
  if (inRepr.has(ns)) return `${name}(...)`;
  // its level is open already: repr.ts opens it for a namespace printed by repr(), and the loop below for one printed inside
  inRepr.add(ns);
  try {
    const d = liveDict(ns.dict);
    // PyDict_Keys: the keys as they were, each value read again (a value's repr may change the dict)
    const keys = d.keyList();
    // a quarter of a step a key: each value's repr is a repr() call of its own (a dict's items are an eighth, printed in one walk)
    work(keys.length * 8);
    const parts: string[] = [];
    let size = 0;
    for (const key of keys) {
      tick();
      const text = key instanceof PyStrBox ? key.value : key;
      if (typeof text !== 'string' || text === '') continue;
      const v = d.get(key);
      if (v === undefined) continue;
      // the value's PyObject_Repr is a level, an int's or a str's too
      if (levelsOpen() >= nestingRoom(REPR_NESTING)) throw tooDeep('while getting the repr of an object');
      // a namespace printed by this same __repr__: here, a level of its own opened, not through the operators (JavaScript's stack would run out before CPython's limit)
      const item = `${text}=${isNamespace(v) && v.cls.lookup('__repr__') === REPR ? innerRepr(v) : repr(v)}`;
      checkSize((size += item.length + 2));
      parts.push(item);
    }
    return `${name}(${parts.join(', ')})`;
  } finally {
    inRepr.delete(ns);
  }
}

function innerRepr(ns: PyInstance): string {
  openOwnLevel();
  try {
    return namespaceRepr(ns);
  } finally {
    closeOwnLevel();
  }
}

slot('__repr__', (self, args, kw) => (arity('__repr__', args, kw, 0), namespaceRepr(self)));
const REPR = SIMPLE_NAMESPACE.attrs.get('__repr__')!;
setOwnRepr(REPR, SIMPLE_NAMESPACE, namespaceRepr);

/** Two namespaces' == at this depth (compare.ts's count of levels) answers at the envelope's level, one deeper raises. */
const COMPARE_NESTING = 994;

/** Whether v's class answers == by namespace_richcompare itself (not a subclass's own __eq__). */
const comparesAsNamespace = (v: Py): v is PyInstance => isNamespace(v) && v.cls.lookup('__eq__') === EQ;

/**
 * dict_equal of two namespaces' dicts: the same keys, each value the same object or equal; a
 * value that is itself such a namespace on both sides compared here, not through the operators,
 * so that a nesting CPython's limit allows does not run JavaScript's stack out first. Each is two
 * levels of CPython's limit (the dicts', then their values'), counted with the containers' that
 * hold it (compare.ts comparisonDepth).
 */
function namespacesEqual(a: PyInstance, b: PyInstance, depth = comparisonDepth()): boolean {
  if (depth >= nestingRoom(COMPARE_NESTING)) throw tooDeep('in comparison');
  const da = liveDict(a.dict);
  const db = liveDict(b.dict);
  if (da.size !== db.size) return false;
  const probing = da.eqStored > 0 || db.eqStored > 0;
  for (const [k, v] of da.m) {
    tick();
    const w = probing ? db.get(da.key(k)) : db.m.get(k);
    if (w === undefined) return false;
    if (v === w) continue;
    if (comparesAsNamespace(v) && comparesAsNamespace(w) ? !namespacesEqual(v, w, depth + 2) : !eq(v, w, depth + 2)) return false;
  }
  return true;
}

// namespace_richcompare: two namespaces compare their dicts, as PyObject_RichCompare(d1, d2, op) (dicts have no order: its TypeError); else NotImplemented
const ORDERS: [string, (a: Py, b: Py) => Py][] = [['__lt__', ltValue], ['__le__', leValue], ['__gt__', gtValue], ['__ge__', geValue]];
const richCompare = (name: string, op: (a: PyInstance, b: PyInstance) => Py): void =>
  slot(name, (self, args, kw) => {
    arity(name, args, kw, 1);
    const other = args[0];
    return isNamespace(other) ? op(self, other) : NOT_IMPLEMENTED_VALUE;
  });
richCompare('__eq__', (a, b) => namespacesEqual(a, b));
const EQ = SIMPLE_NAMESPACE.attrs.get('__eq__');
richCompare('__ne__', (a, b) => !namespacesEqual(a, b));
for (const [name, op] of ORDERS) richCompare(name, (a, b) => op(liveDict(a.dict), liveDict(b.dict)));

// namespace_reduce, a method (METH_NOARGS): (type(ns), (), ns.__dict__)
const reduce = new PySlotWrapper(OF, '__reduce__', (args, kw) => {
  if (args.length === 0) throw typeErr('unbound method SimpleNamespace.__reduce__() needs an argument');
  const self = args[0];
  if (!isNamespace(self)) throw typeErr(`descriptor '__reduce__' for '${OF}' objects doesn't apply to a '${typeName(self)}' object`);
  if (kw !== null && kw.size > 0) throw typeErr('SimpleNamespace.__reduce__() takes no keyword arguments');
  if (args.length > 1) throw typeErr(`SimpleNamespace.__reduce__() takes no arguments (${args.length - 1} given)`);
  return new PyTuple([self.cls, EMPTY_TUPLE, liveDict(self.dict)]);
}, true);
reduce.objclass = SIMPLE_NAMESPACE;
SIMPLE_NAMESPACE.attrs.set('__reduce__', reduce);

finishClass(SIMPLE_NAMESPACE);
