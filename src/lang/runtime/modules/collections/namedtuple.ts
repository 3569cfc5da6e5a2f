/**
 * collections.namedtuple: a tuple type with named fields, as Lib/collections/__init__.py builds
 * it. Every such type's instances are one class here (the type is a field of the value), so a
 * condition that makes many types adds nothing to the runtime's registry of types.
 */
import { bind } from '../../args.js';
import { getattr } from '../../attributes.js';
import { checkName as checkAttributeName } from '../../attribute-names.js';
import { hashKey } from '../../keys.js';
import { TUPLE as TUPLE_TYPE } from '../../builtins.js';
import { checkedMethods } from '../../arity.js';
import { allocEntries, allocItems, tick, work } from '../../budget.js';
import { AttributeError, fatalErr, pyErr, typeErr, UnsupportedError, valueErr } from '../../exceptions.js';
import * as ops from '../../ops.js';
import { repr as reprOf, str as strOf, withReprLevels } from '../../repr.js';
import { Signature, bindArgs, type Parameter } from '../../signature.js';
import { noteDescriptor } from '../../def-names.js';
import { noteDefinedIn } from '../../method-attributes.js';
import type { ItemRepr, Method, PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { TUPLE } from '../../types/tuple.js';
import { bindAttr, PyClassMethod, PyStaticMethod } from '../../descriptors.js';
import { callValue } from '../../call.js';
import { baseNew, fileTypeNew } from '../../builtin-new.js';
import { declareDefaults } from '../../def-defaults.js';
import { stringResult } from '../../string-dunders.js';
import { PyClass } from '../../class-values.js';
import { type Py, PyDict, PyFunc, PyStrBox, PyTuple, type PyType, tupleOf, typeName } from '../../values.js';
import { genericAlias } from '../../types/generic-alias.js';
import { PyRunClassType } from '../class-type.js';

/** keyword.kwlist of CPython 3.11. */
const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

/** The dunders a namedtuple type keeps as plain attributes, which mean nothing to its instances' slots. */
const KEPT_DUNDERS = new Set(['__doc__', '__module__', '__qualname__', '__annotations__', '__orig_bases__', '__match_args__', '__slots__', '__repr__', '__str__', '__class_getitem__', '__parameters__']);

/** A `__repr__` or `__str__` set on the type (typing.NamedTuple's class form defines them), called as the slot CPython updates would. */
function ownString(v: PyNamedTuple, name: '__repr__' | '__str__'): string | undefined {
  const f = v.cls.attrs.get(name);
  return f === undefined ? undefined : stringResult(callValue(bindAttr(f, v, v.cls as unknown as PyClass, name), [], null), name);
}

/** A namedtuple type: its fields, their defaults, and the signature of its __new__. */
export class NamedTupleType extends PyRunClassType {
  sig!: Signature;
  defaults!: Py[];
  /** `__module__`: namedtuple's `module=`, else its caller's globals' `__name__`, which the envelope's have not: '__main__'. */
  moduleName = '__main__';
  /** The fields whose _tuplegetter the class still holds: `P.x = v` replaces one, `del P.x` takes it away. */
  readonly getters: Set<string>;
  /**
   * Its bases where typing.NamedTuple's class form was given Generic too: tuple and Generic, in
   * the order written (NamedTupleMeta's `nm_tpl.__bases__ = bases`), else null. Each base's own
   * order is itself and object, so these, then object, are its order (object-class.ts mroOf).
   */
  writtenBases: readonly PyType[] | null = null;
  constructor(name: string, readonly fields: string[]) {
    super(name, (a, kw) => this.make(a, kw), TUPLE_TYPE);
    this.getters = new Set(fields);
  }
  store(name: string, v: Py | undefined): boolean {
    // its instances' slots are tuple's and the type's own: a dunder set on it would not be called
    if (/^__\w+__$/.test(name) && !KEPT_DUNDERS.has(name)) throw fatalErr(UnsupportedError, `${v === undefined ? 'deleting' : 'setting'} '${this.name}.${name}' is not available in conditions: a namedtuple type's instances would not call it (a subclass's, class Q(${this.name}), may define it)`);
    if (name === '__module__' && (typeof v === 'string' || v instanceof PyStrBox)) this.moduleName = typeof v === 'string' ? v : v.value;
    const getter = this.getters.delete(name);
    return super.store(name, v) || getter;
  }
  override isSubclassOf(other: PyType): boolean {
    return super.isSubclassOf(other) || (this.writtenBases?.includes(other) ?? false);
  }
  /** `__qualname__`: the one set on it (typing.NamedTuple's class form sets the body's), else its name. */
  get qualname(): string {
    const set = this.attrs.get('__qualname__');
    return typeof set === 'string' ? set : this.name;
  }
  /** `__doc__`: the one set on it, else namedtuple's own, 'P(x, y)'. */
  ownDoc(): Py {
    const set = this.attrs.get('__doc__');
    return set !== undefined ? set : `${this.name}(${this.fields.join(', ')})`;
  }
  /**
   * `P.x`: the field's _tuplegetter, one a field (`P.x is P.x`), made with the type: a type
   * shared by every run (urllib.parse's results' bases) is never written to after it is built.
   */
  private readonly made: ReadonlyMap<string, PyTupleGetter> = new Map(this.fields.map((f, i) => [f, new PyTupleGetter(i, this)]));
  /** Whether every run shares the type (urllib.parse's results' bases): its getters' `__doc__` is then read-only. */
  get shared(): boolean {
    return false;
  }
  getter(name: string): PyTupleGetter {
    return this.made.get(name)!;
  }
  /** Index of the field `name`, else -1: by the getters' map, as a type may have thousands of fields. */
  indexOf(name: string): number {
    return this.made.get(name)?.index ?? -1;
  }
  /** Index of the field `name` whose getter the class holds, else -1. */
  field(name: string): number {
    return this.getters.has(name) ? this.indexOf(name) : -1;
  }
  make(a: Py[], kw: Map<string, Py> | null): PyNamedTuple {
    // the binder finds each keyword among the fields: paid for before, as a type may have thousands
    if (kw !== null) work(kw.size * (this.fields.length + 1));
    // __new__(_cls, x, y): the class counts among the positional arguments in CPython's words
    const slots = bindArgs(this.sig, [this, ...a], kw, this.defaults);
    return new PyNamedTuple(this, slots.slice(1));
  }
}

/** A namedtuple type is a type; its attributes (_fields, _make) are its class's. */
registerType(NamedTupleType, {
  name: () => 'type',
  truthy: () => true,
  len: null,
  iter: null,
  // type_repr: a type of the module builtins by its name alone
  repr: (v: NamedTupleType) => `<class '${v.moduleName === 'builtins' ? v.name : `${v.moduleName}.${v.name}`}'>`,
  // read on the type, a classmethod is bound to it and a staticmethod is its function, as their __get__ gives them
  getattr: (v: NamedTupleType, name: string) => {
    const attr = v.attrs.get(name);
    if (attr === undefined && v.getters.has(name)) return v.getter(name);
    // tuple's count and index, inherited: P.count is tuple.count
    if (attr === undefined && (name === 'count' || name === 'index')) return getattr(TUPLE_TYPE, name);
    // a generic one's Generic's _is_protocol (its dunders are Generic's functions of a class, which it is not here)
    if (attr === undefined && v.writtenBases !== null && !name.startsWith('__')) for (const b of v.writtenBases) if (b instanceof PyClass && b.attrs.has(name)) return getattr(b, name);
    return attr instanceof PyClassMethod || attr instanceof PyStaticMethod ? bindAttr(attr, null, v as unknown as PyClass, name) : attr;
  },
  // P[int]: its own __class_getitem__ (a generic NamedTuple's is Generic's), else tuple's, a types.GenericAlias
  getitem: (v: NamedTupleType, key: Py) => (v.attrs.has('__class_getitem__') ? callValue(getattr(v, '__class_getitem__'), [key], null) : genericAlias(v, key)),
});

/**
 * `P.x`: _collections._tuplegetter, the descriptor that reads field 0 of an instance. Read on
 * the type it is itself; it is not callable (CPython's is read through `__get__`, refused here).
 */
export class PyTupleGetter {
  /** Its `__doc__`, which a condition may set; undefined once deleted (the member NULL). */
  doc: Py | undefined;
  /** `owner`: the type that holds it, null for one copy.copy made (tuplegetter's __reduce__ makes it anew). */
  constructor(readonly index: number, readonly owner: NamedTupleType | null, doc: Py | undefined = `Alias for field number ${index}`) {
    this.doc = doc;
  }
  ownDoc(): Py {
    return this.doc ?? null;
  }
}

registerType(PyTupleGetter, {
  name: () => '_collections._tuplegetter',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v: PyTupleGetter) => `_tuplegetter(${v.index}, ${v.doc === undefined ? '<NULL>' : reprOf(v.doc)})`,
  // __doc__ is a writable member; the type has no __dict__ for anything else
  setattr: (v: PyTupleGetter, name: string, value: Py | undefined) => {
    if (name !== '__doc__') throw pyErr(AttributeError, `'_collections._tuplegetter' object has no attribute '${name}'`);
    if (v.owner?.shared === true) throw fatalErr(UnsupportedError, `cannot set '${v.owner.moduleName}.${v.owner.name}.${v.owner.fields[v.index]}.__doc__': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)`);
    v.doc = value;
  },
});

export class PyNamedTuple extends PyTuple {
  constructor(readonly cls: NamedTupleType, items: Py[]) {
    super(items);
  }
}

function checkName(name: string): string {
  if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) throw valueErr(`Type names and field names must be valid identifiers: ${reprOf(name)}`);
  if (KEYWORDS.has(name)) throw valueErr(`Type names and field names cannot be a keyword: ${reprOf(name)}`);
  return name;
}

const METHODS = checkedMethods('namedtuple', new Map<string, Method>([
  ['_asdict', (v: PyNamedTuple) => {
    allocEntries(v.cls.fields.length);
    const d = new PyDict();
    v.cls.fields.forEach((f, i) => d.set(f, v.items[i]));
    return d;
  }],
  ['_replace', (v: PyNamedTuple, a, kw) => {
    if (a.length > 0) throw typeErr(`${v.cls.name}._replace() takes 1 positional argument but ${a.length + 1} were given`);
    // _make(map(kwds.pop, field_names, self)): a step per 32 fields
    allocItems(v.items.length);
    const items = v.items.slice();
    const unknown: string[] = [];
    for (const [k, x] of kw ?? []) {
      const i = v.cls.indexOf(k);
      if (i < 0) unknown.push(k);
      else items[i] = x;
    }
    if (unknown.length > 0) throw valueErr(`Got unexpected field names: ${reprOf(unknown)}`);
    return new PyNamedTuple(v.cls, items);
  }],
]), { _asdict: 'none', _replace: 'own' });

/**
 * namedtuple's __repr__, `self.__class__.__name__ + repr_fmt % self`: a def, whose frame is a
 * level of the recursion limit besides PyObject_Repr's, met before the fields' reprs.
 */
function fieldsRepr(v: PyNamedTuple, item: ItemRepr): string {
  return withReprLevels([''], () => `${v.cls.name}(${v.cls.fields.map((f, i) => `${f}=${item(v.items[i])}`).join(', ')})`);
}

const NAMEDTUPLE: PyTypeSlots<PyNamedTuple> = {
  ...TUPLE,
  name: (v) => v.cls.name,
  classOf: (v) => v.cls,
  repr: (v, item) => ownString(v, '__repr__') ?? fieldsRepr(v, item),
  str: (v, repr) => ownString(v, '__str__') ?? repr(v),
  getattr(v, name) {
    // its class's attributes first (P.x = 5 replaces the field's getter), a function among them bound as a method, a property called
    const attr = v.cls.attrs.get(name);
    if (attr !== undefined) return bindAttr(attr, v, v.cls as unknown as PyClass, name);
    const i = v.cls.field(name);
    return i >= 0 ? v.items[i] : undefined;
  },
  // no __dict__ (__slots__ = ()): a field's getter refuses a store or a delete in its words, any other name is missing
  setattr(v, name, x) {
    if (v.cls.field(name) >= 0 && !v.cls.attrs.has(name)) throw pyErr(AttributeError, x === undefined ? "can't delete attribute" : "can't set attribute");
    throw pyErr(AttributeError, `'${v.cls.name}' object has no attribute '${name}'`);
  },
  // tuple's count and index too
  methods: new Map([...TUPLE.methods!, ...METHODS]),
};
registerType(PyNamedTuple, NAMEDTUPLE);

/** A subclass's instance's _asdict or _replace (namedtuple-subclass.ts, which imports this module, sets it). */
let subclassMethod: (self: Py, name: string) => Py | undefined = () => undefined;
export function setSubclassMethod(f: typeof subclassMethod): void {
  subclassMethod = f;
}

/** The functions each namedtuple class has of METHODS, and their parameters: `self` positional-only. */
const CLASS_FUNCTIONS: [string, Parameter[]][] = [
  ['_asdict', [{ name: 'self', star: '' }]],
  ['_replace', [{ name: 'self', star: '' }, { name: 'kwds', star: '**' }]],
];

/** namedtuple(typename, field_names, *, rename=False, defaults=None, module=None). */
export const namedtuple = new PyFunc('namedtuple', (a, kw) => {
  const [typename, fieldNames, rename = false, defaults = null, module = null] = bind('namedtuple', a, kw, ['typename', 'field_names', 'rename', 'defaults', 'module'], 2, 'namedtuple', { kwOnly: 3 });
  // `field_names = list(map(str, field_names))`, and `typename = str(typename)`: any value is named by its str
  let names: string[] = typeof fieldNames === 'string' ? fieldNames.replace(/,/g, ' ').split(/\s+/).filter(Boolean) : ops.toList(fieldNames).map((n) => (tick(), strOf(n)));
  allocItems(names.length);
  const typeStr = strOf(typename);
  if (ops.truthy(rename)) {
    // the names by their keys (a long one's digest), not as they are: a Set of long names of one length is one bucket
    const seen = new Set<unknown>();
    names = names.map((n, i) => {
      tick();
      const bad = !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(n) || KEYWORDS.has(n) || n.startsWith('_') || seen.has(hashKey(n));
      const out = bad ? `_${i}` : n;
      seen.add(hashKey(out));
      return out;
    });
  }
  // the type's name as checked: a str subclass's instance is its str
  const name = checkName(typeStr);
  const fields = names.map(checkName);
  // each field is the class's attribute, after CPython's ValueErrors of every name
  for (const f of fields) checkAttributeName(f);
  const seen = new Set<string>();
  for (const f of fields) {
    tick();
    if (f.startsWith('_') && !ops.truthy(rename)) throw valueErr(`Field names cannot start with an underscore: ${reprOf(f)}`);
    if (seen.has(f)) throw valueErr(`Encountered duplicate field name: ${reprOf(f)}`);
    seen.add(f);
  }
  const type = new NamedTupleType(name, fields);
  const defaultValues = defaults === null ? [] : ops.toList(defaults);
  if (defaultValues.length > fields.length) throw typeErr('Got more default values than field names');
  type.defaults = [undefined, ...fields.map((_, i) => (i >= fields.length - defaultValues.length ? defaultValues[i - (fields.length - defaultValues.length)] : undefined))];
  type.sig = new Signature(`${name}.__new__`, [{ name: '_cls', star: '' }, ...fields.map((name) => ({ name, star: '' as const }))], 'python');
  // __new__(_cls, x, y): a function of the class, its __defaults__ the defaults given (None for none), tuple.__new__ of _cls
  const make = baseNew(type);
  fileTypeNew(type, declareDefaults(new PyFunc(`${name}.__new__`, (args, k) => callValue(make, args, k), 'function'), defaults === null ? null : new PyTuple(defaultValues), null));
  type.attrs.set('_fields', tupleOf(fields));
  const fieldDefaults = new PyDict();
  fields.forEach((f, i) => type.defaults[i + 1] !== undefined && fieldDefaults.set(f, type.defaults[i + 1]));
  type.attrs.set('_field_defaults', fieldDefaults);
  if (module instanceof PyStrBox) type.moduleName = module.value;
  else if (typeof module === 'string') type.moduleName = module;
  else if (module !== null) throw fatalErr(UnsupportedError, `namedtuple(module=${typeName(module)}) is not available in conditions: only a str`);
  // read by a class pattern only: the parser refuses other dunder names
  type.attrs.set('__match_args__', tupleOf(fields));
  // Python functions of the class, as Lib/collections defines them: P._asdict(p), and p._asdict a bound method of it
  for (const [method, params] of CLASS_FUNCTIONS) {
    const sig = new Signature(`${name}.${method}`, params, 'python', { posOnly: 1 });
    const run = METHODS.get(method)!;
    const f = noteDescriptor(new PyFunc(`${name}.${method}`, (args, k) => {
      const [self] = bindArgs(sig, args, k);
      if (self instanceof PyNamedTuple) return run(self, args.slice(1), k);
      // a subclass's instance (super()._asdict() in its own _asdict)
      const own = subclassMethod(self, method);
      if (own === undefined) throw fatalErr(UnsupportedError, `${name}.${method}() of a ${typeName(self)} is not available in conditions: only of a namedtuple or a subclass's instance`);
      return callValue(own, args.slice(1), k);
    }, 'function'), `${name}.${method}`);
    noteDefinedIn(f, 'collections');
    type.attrs.set(method, f);
  }
  type.attrs.set('_make', new PyFunc('_make', (args, k) => {
    const [iterable] = bind('_make', args, k, ['iterable'], 1);
    const items = ops.toList(iterable);
    if (items.length !== fields.length) throw typeErr(`Expected ${fields.length} arguments, got ${items.length}`);
    return new PyNamedTuple(type, items);
  }, 'method'));
  return type;
});

