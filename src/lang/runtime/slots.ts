import { IDENTIFIER } from './unicode-14.js';
import { checkName as checkAttributeName } from './attribute-names.js';
import { charge } from './budget.js';
import { PyClass } from './class-values.js';
import { descriptorClass } from './descriptor-get.js';
import { PyProperty } from './descriptors.js';
import { AttributeError, pyErr, typeErr, valueErr } from './exceptions.js';
import { toList } from './iteration.js';
import { OBJECT_CLASS } from './object-class.js';
import { repr } from './repr.js';
import type { PyTypeSlots } from './types/protocol.js';
import { registerType } from './types/table.js';
import { PyFunc, PyStrBox, PyType, typeName, type Py } from './values.js';

/**
 * A class's `__slots__` as CPython 3.11's type_new_slots makes them: a member descriptor on the
 * class for each name, and instances without a __dict__ unless a class of their order gives
 * them one. A member is a property to the lookup (a data descriptor, before the instance's
 * own attributes), so a class without slots pays nothing for them; its value lives on the
 * instance under a JS symbol of its own, which no condition can name.
 */
export class PyMember extends PyProperty {
  constructor(readonly name: string, readonly owner: PyClass) {
    const key = Symbol(name);
    // descr_check: a member moved to another class (`B.x = A.x`) applies to A's instances only
    const at = (self: Py) => {
      if (descriptorClass(self)?.isSubclassOf(owner) !== true) throw typeErr(`descriptor '${name}' for '${owner.name}' objects doesn't apply to a '${typeName(self)}' object`);
      return self as unknown as Record<symbol, Py | undefined>;
    };
    const get = new PyFunc(name, ([self]) => {
      const v = at(self)[key];
      // PyMember_GetOne's T_OBJECT_EX: the instance's type named, and no name or obj set
      if (v === undefined) throw pyErr(AttributeError, `'${typeName(self)}' object has no attribute '${name}'`);
      return v;
    });
    const set = new PyFunc(name, ([self, v]) => ((at(self)[key] = v), null));
    const del = new PyFunc(name, ([self]) => {
      const slots = at(self);
      // PyMember_SetOne: deleting an unset slot is the bare name
      if (slots[key] === undefined) throw pyErr(AttributeError, name);
      slots[key] = undefined;
      return null;
    });
    super(get, set, del, null);
  }
}

/** `type(A.x)`: CPython makes none from Python. */
const MEMBER_TYPE = new PyType('member_descriptor', () => {
  throw typeErr("cannot create 'member_descriptor' instances");
});

const MEMBER_SLOTS: PyTypeSlots<PyMember> = {
  name: () => 'member_descriptor',
  type: MEMBER_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  repr: (m) => `<member '${m.name}' of '${m.owner.name}' objects>`,
  getattr: (m, name) => (name === '__name__' ? m.name : undefined),
};

registerType(PyMember, MEMBER_SLOTS);

/** The classes whose own slots name `__dict__` or `__weakref__`, and those with a member of their own (a solid base, for lay-out conflicts). */
const DICT_SLOT = new WeakSet<PyClass>();
const WEAK_SLOT = new WeakSet<PyClass>();
const MEMBERS = new WeakSet<PyClass>();

/** Whether a class's own __slots__ name `__dict__` and `__weakref__` (type_new gives it their descriptors). */
export const slotDescriptors = (cls: PyClass): { dict: boolean; weak: boolean } => ({ dict: DICT_SLOT.has(cls), weak: WEAK_SLOT.has(cls) });

/** The builtin bases whose instances are variable-sized (tp_itemsize): no slot may be added to them. */
const SIZED = new Set(['int', 'tuple', 'bytes']);
/** The builtin bases whose instances take weak references already. */
const WEAK = new Set(['set', 'frozenset', 'type', 'functools.partial', 'collections.deque']);

const isBuiltin = (t: PyType): boolean => !(t instanceof PyClass);

/**
 * Whether a class's instances have no __dict__: each class of its order says `__slots__`,
 * without '__dict__'. An exception's instances keep theirs: they are not stored here.
 */
export const withoutDict = (cls: PyClass): boolean => cls.mro.every((t) => !(t instanceof PyClass) || t === OBJECT_CLASS || (t.attrs.has('__slots__') && !DICT_SLOT.has(t)));

/** What its base gives an instance of a class with slots, before them: a __dict__, weak references. */
function fromBases(cls: PyClass): { dict: boolean; weak: boolean } {
  let dict = false;
  let weak = false;
  for (const t of cls.mro) {
    if (t === cls || t === OBJECT_CLASS) continue;
    if (isBuiltin(t)) {
      dict ||= t.isException;
      weak ||= !t.isException && WEAK.has(t.name);
      continue;
    }
    const c = t as PyClass;
    const slotted = c.attrs.has('__slots__');
    dict ||= !slotted || DICT_SLOT.has(c);
    // a C type's (types.SimpleNamespace) instances have a __dict__ but take no weak references
    weak ||= (!slotted && !c.cType) || WEAK_SLOT.has(c);
  }
  return { dict, weak };
}

/** `obj.name = v` or `del obj.name` on an instance without a __dict__, in CPython's words: read-only where its class has the name. */
export function noDictStore(cls: PyClass, name: string): never {
  const has = cls.lookup(name) !== undefined;
  throw pyErr(AttributeError, has ? `'${cls.name}' object attribute '${name}' is read-only` : `'${cls.name}' object has no attribute '${name}'`);
}

/** _Py_Mangle: a private name (`__x`) is the class's, `_A__x`. */
function mangle(cls: PyClass, name: string): string {
  if (!name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
  const owner = cls.name.replace(/^_+/, '');
  return owner === '' ? name : `_${owner}${name}`;
}

/**
 * type_new_slots, once the class body has run: the names checked in CPython's order and words,
 * then a member descriptor for each, in sorted order, after the body's names.
 */
export function makeSlots(cls: PyClass): void {
  const given = cls.attrs.get('__slots__');
  if (given === undefined) return;
  const names = typeof given === 'string' || given instanceof PyStrBox ? [given] : toList(given);
  if (names.length === 0) return;
  const sized = cls.mro.find((t) => isBuiltin(t) && !t.isException && SIZED.has(t.name));
  // named by best_base: the base it comes through (a namedtuple's class, an int subclass)
  if (sized !== undefined) throw typeErr(`nonempty __slots__ not supported for subtype of '${cls.bases.find((b) => b.isSubclassOf(sized))!.name}'`);
  const { dict, weak } = fromBases(cls);
  let addDict = false;
  let addWeak = false;
  const members: string[] = [];
  for (const n of names) {
    const name = n instanceof PyStrBox ? n.value : n;
    if (typeof name !== 'string') throw typeErr(`__slots__ items must be strings, not '${typeName(n)}'`);
    if (!IDENTIFIER.test(name)) throw typeErr('__slots__ must be identifiers');
    // each member is the class's attribute
    checkAttributeName(name);
    if (name === '__dict__') {
      if (dict || addDict) throw typeErr('__dict__ slot disallowed: we already got one');
      addDict = true;
    } else if (name === '__weakref__') {
      if (weak || addWeak) throw typeErr('__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0');
      addWeak = true;
    } else members.push(name);
  }
  const mangled = members.map((n) => mangle(cls, n));
  for (const name of mangled) if (cls.attrs.has(name) || name === '__module__') throw valueErr(`${repr(name)} in __slots__ conflicts with class variable`);
  // a member is a descriptor and its three functions: a step each, so that the budget bounds the members a run makes (100,000 at most), not only their names
  charge(mangled.length);
  for (const name of [...new Set(mangled)].sort()) cls.attrs.set(name, new PyMember(name, cls));
  if (addDict) DICT_SLOT.add(cls);
  if (addWeak) WEAK_SLOT.add(cls);
  if (mangled.length > 0) MEMBERS.add(cls);
}

/**
 * The nearest class of t's order with members of its own, its solid base as CPython's
 * extra_ivars counts it (a __dict__ or __weakref__ slot adds none), or null.
 */
const solidOf = (t: PyType): PyClass | null => (t instanceof PyClass ? ((t.mro.find((c) => c instanceof PyClass && MEMBERS.has(c)) as PyClass | undefined) ?? null) : null);

/** best_base's check for classes with slots: their solid bases must lie on one line of inheritance. */
export function checkSlotLayouts(bases: readonly PyType[]): void {
  // one base lies on one line
  if (bases.length < 2) return;
  let solid: PyClass | null = null;
  for (const base of bases) {
    const s = solidOf(base);
    if (s === null || solid === s || solid?.isSubclassOf(s)) continue;
    if (solid !== null && !s.isSubclassOf(solid)) throw typeErr('multiple bases have instance lay-out conflict');
    solid = s;
  }
}
