/**
 * typing.Protocol and runtime_checkable, as typing.py 3.11 writes them: Protocol is Generic's
 * subclass made by _ProtocolMeta(ABCMeta). Each subclass is a protocol where Protocol is among
 * its bases, gets a `__subclasshook__` (_proto_hook) answering issubclass by the protocol's
 * members, and a protocol gets `__init__ = _no_init_or_replace_init`, which refuses to make
 * one. isinstance with a @runtime_checkable protocol checks that the instance has each member
 * (a method's None blocks it). Each walk of the members is paid for as it goes.
 */
import { tick, work } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { moduleClass, OBJECT_CLASS, PyInstance, setattr } from '../../classes.js';
import { PyClass, PyClassOfMeta } from '../../class-values.js';
import { NOT_IMPLEMENTED_VALUE } from '../../class-operators.js';
import { PyClassMethod } from '../../descriptors.js';
import { typeErr } from '../../exceptions.js';
import { getattr, lookupAttr } from '../../attributes.js';
import { truthy } from '../../iteration.js';
import { initSubclassAfter } from '../../init-subclass.js';
import { BUILTIN_DUNDERS } from '../../builtin-dunders-table.js';
import { dirLists } from '../../dir.js';
import { PyFrozenSet, PySet } from '../../pyset.js';
import { repr } from '../../repr.js';
import { fileSharedObject } from '../../shared-objects.js';
import { PyDict, PyFunc, PyTuple, PyType, type Py } from '../../values.js';
import { pyDef } from '../python-def.js';
import { ABCMETA, abcAsking, askedByAbc } from '../abc.js';
import { attrOf, attrOr, GENERIC, setProtocolClass } from './generic.js';

const TYPE = BUILTINS.get('type') as PyType;
const call = (name: string, args: Py[]): Py => callValue(BUILTINS.get(name)!, args, null);
const isCallable = (v: Py): boolean => truthy(call('callable', [v]));

export const PROTOCOL_META = moduleClass('_ProtocolMeta', [ABCMETA], TYPE);
PROTOCOL_META.module = 'typing';
fileSharedObject(PROTOCOL_META, 'typing._ProtocolMeta');

export const PROTOCOL = moduleClass('Protocol', [GENERIC], null, PROTOCOL_META);
PROTOCOL.module = 'typing';
fileSharedObject(PROTOCOL, 'typing.Protocol');
setProtocolClass(PROTOCOL);

/** EXCLUDED_ATTRIBUTES: typing's own names and the special ones, never a protocol's members. */
const EXCLUDED = new Set([
  '__parameters__', '__orig_bases__', '__orig_class__', '_is_protocol', '_is_runtime_protocol',
  '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__', '__new__', '__slots__',
  '__subclasshook__', '__weakref__', '__class_getitem__', '_MutableMapping__marker',
]);

/** A class's own namespace's names, `base.__dict__`: a condition's class's, a builtin type's dunders (its methods' names are not kept apart from its bases'). */
const ownNames = (base: PyType): Py[] => (base instanceof PyClass ? [...base.attrs.keys()] : Object.entries(BUILTIN_DUNDERS[base.name] ?? {}).filter(([, [, owner]]) => owner === base.name).map(([name]) => name));

/**
 * `base.__dict__[attr]`, as _proto_hook reads it: undefined where the class does not define
 * it itself. A builtin type's dunders are CPython's table's (`list.__hash__` is None there);
 * its other methods are found through it, its order being itself and object.
 */
function ownEntry(base: Py, attr: string): Py | undefined {
  if (base instanceof PyClass && base !== OBJECT_CLASS) return base.attrs.get(attr);
  const name = base === OBJECT_CLASS ? 'object' : (base as PyType).name;
  const table = BUILTIN_DUNDERS[name];
  // a type the table leaves out (range, a function's): what its dir() lists, its bases being object alone
  if (table === undefined) return dirLists(base, attr) ? true : undefined;
  const entry = table[attr];
  if (entry !== undefined) return entry[1] !== name ? undefined : entry[0] === 'none' ? null : true;
  if (attr.startsWith('__') && attr.endsWith('__') && base !== OBJECT_CLASS) return undefined;
  return lookupAttr(base, attr);
}

/**
 * _get_protocol_attrs: the names each class of the order defines or annotates (Protocol,
 * Generic and object left out), a set: iterated in the order CPython's set of them has.
 */
function protocolAttrs(cls: PyClass): Py[] {
  const attrs = new PySet();
  for (const base of cls.mro.slice(0, -1)) {
    tick();
    if (getattr(base, '__name__') === 'Protocol' || getattr(base, '__name__') === 'Generic') continue;
    const annotations = attrOr(base, '__annotations__', new PyDict());
    const names = [...ownNames(base), ...(call('list', [annotations]) as Py[])];
    work(names.length);
    for (const attr of names) {
      if (typeof attr === 'string' && (attr.startsWith('_abc_') || EXCLUDED.has(attr))) continue;
      attrs.add(attr);
    }
  }
  return attrs.values();
}

/** _is_callable_members_only: PEP 544 allows issubclass() only of a protocol whose members are all methods. */
const callableMembersOnly = (cls: PyClass): boolean => protocolAttrs(cls).every((attr) => (tick(), isCallable(attrOr(cls, attr as string, null))));

/** Whether the check runs where typing would allow it (_allow_reckless_class_checks): inside abc's own walk. */
const reckless = (cls: Py): boolean => abcAsking() === cls;

/** _proto_hook of a protocol class: the other class's order has each member (its None one blocks it), or NotImplemented. */
export function protoHook(cls: PyClass): PyFunc {
  return pyDef('Protocol.__init_subclass__.<locals>._proto_hook', ['other'], {}, (other) => {
    if (!truthy(cls.attrs.get('_is_protocol') ?? false)) return NOT_IMPLEMENTED_VALUE;
    const allowed = reckless(cls);
    if (!truthy(attrOr(cls, '_is_runtime_protocol', false))) {
      if (allowed) return NOT_IMPLEMENTED_VALUE;
      throw typeErr('Instance and class checks can only be used with @runtime_checkable protocols');
    }
    if (!callableMembersOnly(cls)) {
      if (allowed) return NOT_IMPLEMENTED_VALUE;
      throw typeErr("Protocols with non-method members don't support issubclass()");
    }
    if (!(other instanceof PyType)) throw typeErr('issubclass() arg 1 must be a class');
    const order = getattr(other, '__mro__') as PyTuple;
    for (const attr of protocolAttrs(cls)) {
      let found = false;
      for (const base of order.items) {
        tick();
        const own = ownEntry(base, attr as string);
        if (own !== undefined) {
          if (own === null) return NOT_IMPLEMENTED_VALUE;
          found = true;
          break;
        }
        // or in annotations, where the other is a protocol itself
        const annotations = attrOr(base, '__annotations__', new PyDict());
        if (annotations instanceof PyDict && annotations.has(attr) && call('issubclass', [other, GENERIC]) === true && truthy(getattr(other, '_is_protocol'))) {
          found = true;
          break;
        }
      }
      if (!found) return NOT_IMPLEMENTED_VALUE;
    }
    return true;
  });
}

/** The protocols a protocol may derive from beside its kin (_PROTO_ALLOWLIST), by module and name. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'collections.abc': ['Callable', 'Awaitable', 'Iterable', 'Iterator', 'AsyncIterable', 'Hashable', 'Sized', 'Container', 'Collection', 'Reversible'],
  contextlib: ['AbstractContextManager', 'AbstractAsyncContextManager'],
};

/**
 * _no_init_or_replace_init: a protocol is refused; a concrete subclass's first instance finds
 * the first real `__init__` of its order, puts it in the class in its place, and calls it.
 */
export const NO_INIT = new PyFunc('_no_init_or_replace_init', (a, kw) => {
  const self = a[0];
  const cls = call('type', [self]) as PyClass;
  if (truthy(getattr(cls, '_is_protocol'))) throw typeErr('Protocols cannot be instantiated');
  if (getattr(cls, '__init__') !== NO_INIT) return null;
  let init: Py = getattr(OBJECT_CLASS, '__init__');
  for (const base of cls.mro) {
    tick();
    const own = base instanceof PyClass && base !== OBJECT_CLASS ? base.attrs.get('__init__') : undefined;
    if (own !== undefined && own !== NO_INIT) {
      init = own;
      break;
    }
  }
  setattr(cls, '__init__', init);
  callValue(getattr(cls, '__init__'), a, kw);
  return null;
}, 'function');

PROTOCOL.attrs.set('__slots__', new PyTuple([]));
PROTOCOL.attrs.set('_is_protocol', true);
PROTOCOL.attrs.set('_is_runtime_protocol', false);
/** Protocol.__init_subclass__: Generic's first; then whether it is a protocol, its hook, its bases checked and its __init__. */
PROTOCOL.attrs.set('__init_subclass__', new PyClassMethod(pyDef('Protocol.__init_subclass__', ['cls', '*args', '**kwargs'], {}, (clsV, args, kwargs) => {
  const cls = clsV as PyClass;
  const kw = new Map<string, Py>();
  for (const [k, v] of (kwargs as PyDict).m) kw.set((kwargs as PyDict).key(k) as string, v);
  initSubclassAfter(cls, PROTOCOL, (args as PyTuple).items, kw.size === 0 ? null : kw);
  if (!truthy(cls.attrs.get('_is_protocol') ?? false)) setattr(cls, '_is_protocol', cls.bases.includes(PROTOCOL));
  if (!cls.attrs.has('__subclasshook__')) setattr(cls, '__subclasshook__', protoHook(cls));
  if (!truthy(getattr(cls, '_is_protocol'))) return null;
  for (const base of cls.bases) {
    tick();
    if (base === OBJECT_CLASS || base === GENERIC) continue;
    const module = attrOr(base, '__module__', null);
    if (typeof module === 'string' && ALLOWED[module]?.includes(getattr(base, '__name__') as string)) continue;
    if (call('issubclass', [base, GENERIC]) === true && truthy(getattr(base, '_is_protocol'))) continue;
    throw typeErr(`Protocols can only inherit from other protocols, got ${repr(base)}`);
  }
  // `cls.__init__ is Protocol.__init__`: object's, which no class of its order replaced
  if (cls.lookup('__init__') === undefined) setattr(cls, '__init__', NO_INIT);
  return null;
})));
PROTOCOL.attrs.set('__parameters__', new PyTuple([]));
PROTOCOL.attrs.set('__abstractmethods__', new PyFrozenSet());

/** _ProtocolMeta.__instancecheck__: a runtime protocol's members on the instance, else ABCMeta's check. */
PROTOCOL_META.attrs.set('__instancecheck__', pyDef('_ProtocolMeta.__instancecheck__', ['cls', 'instance'], {}, (clsV, instance) => {
  const cls = clsV as PyClass;
  const isProtocol = truthy(attrOr(cls, '_is_protocol', false));
  if (isProtocol && !truthy(attrOr(cls, '_is_runtime_protocol', false))) throw typeErr('Instance and class checks can only be used with @runtime_checkable protocols');
  if ((!isProtocol || callableMembersOnly(cls)) && askedByAbc(undefined, () => truthy(call('issubclass', [attrOf(instance, '__class__'), cls])))) return true;
  if (truthy(getattr(cls, '_is_protocol'))) {
    const has = protocolAttrs(cls).every((attr) => {
      tick();
      const name = attr as string;
      if (lookupAttr(instance, name) === undefined) return false;
      // every *method* may be blocked by setting it to None
      return !isCallable(attrOr(cls, name, null)) || getattr(instance, name) !== null;
    });
    if (has) return true;
  }
  // super().__instancecheck__, which abc.py's frame runs: the hook may answer NotImplemented there
  return askedByAbc(cls, () => callValue(ABCMETA.attrs.get('__instancecheck__')!, [cls, instance], null));
}));

/** runtime_checkable(cls): the protocol marked for isinstance() and issubclass(). */
export const RUNTIME_CHECKABLE = pyDef('runtime_checkable', ['cls'], {}, (cls) => {
  if (call('issubclass', [cls, GENERIC]) !== true || !truthy(getattr(cls, '_is_protocol'))) throw typeErr(`@runtime_checkable can be only applied to protocol classes, got ${repr(cls)}`);
  setattr(cls, '_is_runtime_protocol', true);
  return cls;
});

void PyInstance;
void PyClassOfMeta;
