/**
 * Subclasses of a namedtuple's type (`class P(namedtuple('P', 'x y'))`): each instance is a tuple
 * with the type's fields, its class's methods first, as Lib/collections' generated class has
 * them: its repr names the instance's class, _make and _replace make the class's instances
 * (tuple.__new__ on it: its own __new__ and __init__ are not called), _asdict a plain dict.
 */
import { bind } from '../../args.js';
import { allocEntries } from '../../budget.js';
import { registerModuleBases } from '../../builtin-subclass.js';
import { callValue } from '../../call.js';
import { instanceAttrOr, type PyClass } from '../../class-values.js';
import { bindMethod } from '../../descriptors.js';
import { AttributeError, indexErr, pyErr, typeErr, valueErr } from '../../exceptions.js';
import { getattr } from '../../attributes.js';
import * as ops from '../../ops.js';
import { repr as reprOf } from '../../repr.js';
import type { PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { TUPLE } from '../../types/tuple.js';
import { PyDict, PyFunc, PyIterator, PyTuple, type Py } from '../../values.js';
import { NamedTupleType, setSubclassMethod } from './namedtuple.js';
import { classString } from '../../string-dunders.js';
import { withAttrHooks } from '../../attribute-hooks.js';

export class PyNamedTupleInstance extends PyTuple {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, readonly type: NamedTupleType, items: Py[]) {
    super(items);
  }
}

/** _make(cls, iterable): tuple.__new__(cls, iterable), its length checked. */
function make(cls: PyClass, type: NamedTupleType, iterable: Py): PyNamedTupleInstance {
  const items = ops.toList(iterable);
  if (items.length !== type.fields.length) throw typeErr(`Expected ${type.fields.length} arguments, got ${items.length}`);
  return new PyNamedTupleInstance(cls, type, items);
}

const makeMethod = (cls: PyClass, type: NamedTupleType): PyFunc =>
  new PyFunc('_make', (args, kw) => make(cls, type, bind('_make', args, kw, ['iterable'], 1)[0]), 'method');

/** A field is a data descriptor of the namedtuple's type: before the instance's own attributes, after the class's. */
const fieldAt = (v: PyNamedTupleInstance, name: string): number => (v.cls.lookup(name) === undefined ? v.type.field(name) : -1);

/** The type's methods, class attributes and fields, then tuple's, bound to the instance. */
function method(v: PyNamedTupleInstance, name: string): Py | undefined {
  const type = v.type;
  switch (name) {
    case '_make':
      return makeMethod(v.cls, type);
    case '_asdict':
      return new PyFunc(name, (args, kw) => {
        bind('_asdict', args, kw, []);
        allocEntries(type.fields.length);
        const d = new PyDict();
        type.fields.forEach((f, i) => d.set(f, v.items[i]));
        return d;
      }, 'method');
    case '_replace':
      // self._make(map(kwds.pop, fields, self)): the class's _make given the lazy map, then the names it left
      return new PyFunc(name, (args, kw) => {
        if (args.length > 0) throw typeErr(`${type.name}._replace() takes 1 positional argument but ${args.length + 1} were given`);
        const rest = new Map(kw ?? []);
        const items = (function* () {
          for (let i = 0; i < type.fields.length && i < v.items.length; i++) {
            const x = rest.get(type.fields[i]);
            rest.delete(type.fields[i]);
            yield x === undefined ? v.items[i] : x;
          }
        })();
        const made = callValue(getattr(v, '_make'), [new PyIterator(items, 'map')], null);
        if (rest.size > 0) throw valueErr(`Got unexpected field names: ${reprOf([...rest.keys()])}`);
        return made;
      }, 'method');
  }
  const attr = type.attrs.get(name);
  if (attr !== undefined) return bindMethod(attr, v);
  const i = type.field(name);
  if (i >= 0) return v.items[i];
  // another namedtuple's class further in the order (class C(A, B)): its attributes, and its fields as _tuplegetter reads them
  for (const t of v.cls.mro) {
    if (!(t instanceof NamedTupleType) || t === type) continue;
    const other = t.attrs.get(name);
    if (other !== undefined) return bindMethod(other, v);
    const at = t.field(name);
    if (at >= v.items.length) throw indexErr('tuple index out of range');
    if (at >= 0) return v.items[at];
  }
  const m = TUPLE.methods?.get(name);
  return m === undefined ? undefined : new PyFunc(name, (args, kw) => m(v, args, kw), 'method');
}

/** The generated __repr__: the instance's class's name, then each field. */
const baseRepr = (v: PyNamedTupleInstance, item: (x: Py) => string): string =>
  `${v.cls.name}(${v.type.fields.map((f, i) => `${f}=${item(v.items[i])}`).join(', ')})`;

const SLOTS: PyTypeSlots<PyNamedTupleInstance> = {
  ...TUPLE,
  name: (v) => v.cls.name,
  classOf: (v) => v.cls,
  repr: (v, item) => classString(v, v.cls, '__repr__') ?? baseRepr(v, item),
  str: (v, repr) => classString(v, v.cls, '__str__') ?? repr(v),
  methods: undefined,
  getattr: withAttrHooks((v, name) => {
    const i = fieldAt(v, name);
    return i >= 0 ? v.items[i] : instanceAttrOr(v, name, method);
  }),
};

export function registerNamedTupleSubclasses(): void {
  registerType(PyNamedTupleInstance, SLOTS);
  // the namedtuple class's own _asdict and _replace, reached through the class or super()
  setSubclassMethod((v, name) => (v instanceof PyNamedTupleInstance && (name === '_asdict' || name === '_replace') ? method(v, name) : undefined));
  registerModuleBases({
    isBase: (t) => t instanceof NamedTupleType,
    isInstance: (v) => v instanceof PyNamedTupleInstance,
    // the type's __new__(_cls, x, y), its arguments bound by the type's signature
    make: (base, cls, args, kw) => new PyNamedTupleInstance(cls, base as NamedTupleType, (base as NamedTupleType).make(args, kw).items),
    method: (v, name) => method(v as PyNamedTupleInstance, name),
    repr: (v) => baseRepr(v as PyNamedTupleInstance, (x) => reprOf(x)),
    // object's __str__: repr(self), the class's __repr__ included
    str: (v) => reprOf(v as PyNamedTupleInstance),
    // the type's own, then a field's _tuplegetter (Q.x is P.x)
    classAttr: (cls, base, name) => {
      const type = base as NamedTupleType;
      if (name === '_make') return makeMethod(cls, type);
      return type.attrs.get(name) ?? (type.field(name) >= 0 ? type.getter(name) : undefined);
    },
    // the fields' descriptors refuse a store and a delete, in their words
    store: (v, name, value) => {
      if (fieldAt(v as PyNamedTupleInstance, name) < 0) return false;
      throw pyErr(AttributeError, value === undefined ? "can't delete attribute" : "can't set attribute");
    },
  });
}
