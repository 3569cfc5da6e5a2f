/**
 * The methods dataclass() writes into a class, as Lib/dataclasses.py's _init_fn, _repr_fn,
 * _cmp_fn, _hash_fn and _frozen_get_del_attr make them: Python functions of the class
 * (`P.__init__`), each a frame under the recursion limit, reading and storing the fields
 * through the instance's own attribute lookup (a condition's __setattr__ or property in
 * between, as in CPython), but for a frozen class's stores, which go by object.__setattr__.
 */
import { getattr } from '../../attributes.js';
import { enterCall, exitCall, step } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { objectDelattr, objectSetattr, setattr, delattr, PyInstance } from '../../classes.js';
import { PyClass } from '../../class-values.js';
import { introspect } from '../../introspection.js';
import { NOT_IMPLEMENTED_VALUE } from '../../class-operators.js';
import { pyErr } from '../../exceptions.js';
import * as ops from '../../ops.js';
import { repr } from '../../repr.js';
import { bindArgs, Signature, type Parameter } from '../../signature.js';
import { PySuper } from '../../classes.js';
import { PyDict, PyFunc, PyTuple, type Py } from '../../values.js';
import { declareDefaults } from '../../def-defaults.js';
import { FIELD_INITVAR, fieldAttr, FROZEN_INSTANCE_ERROR, HAS_DEFAULT_FACTORY, MISSING } from './field.js';

const typeOf = (v: Py): Py => callValue(BUILTINS.get('type')!, [v], null);

/** A Python function of the class: `Q.__lt__`, a frame as a def's. */
export function classFunction(cls: PyClass, name: string, body: (args: Py[], kw: Map<string, Py> | null) => Py): PyFunc {
  return new PyFunc(`${cls.qualname}.${name}`, (a, k) => {
    enterCall();
    try {
      return body(a, k);
    } finally {
      exitCall();
    }
  }, 'function');
}

const name = (f: PyInstance): string => fieldAttr(f, 'name') as string;


/**
 * __init__(self, std..., *, kw_only...): each field stored in order (a factory called where
 * its argument was not given; an init=False field with a factory gets the factory's value),
 * InitVars passed on to __post_init__ where the class has one.
 */
export function initFn(cls: PyClass, fields: PyInstance[], std: PyInstance[], kwOnly: PyInstance[], frozen: boolean, hasPostInit: boolean, slots: boolean): PyFunc {
  const params: Parameter[] = [{ name: 'self', star: '' }, ...std.map((f) => ({ name: name(f), star: '' as const }))];
  if (kwOnly.length > 0) params.push({ name: '', star: '*' }, ...kwOnly.map((f) => ({ name: name(f), star: '' as const })));
  const sig = new Signature(`${cls.qualname}.__init__`, params, 'python');
  const defaultOf = (f: PyInstance): Py | undefined => (fieldAttr(f, 'default_factory') !== MISSING ? HAS_DEFAULT_FACTORY : fieldAttr(f, 'default') !== MISSING ? fieldAttr(f, 'default') : undefined);
  const defaults: (Py | undefined)[] = [undefined, ...std.map(defaultOf), ...(kwOnly.length > 0 ? [undefined, ...kwOnly.map(defaultOf)] : [])];
  // each init field's place among the parameters: std's after self, kw_only's after the `*`
  const slotOf = new Map<PyInstance, number>();
  std.forEach((f, i) => slotOf.set(f, i + 1));
  kwOnly.forEach((f, i) => slotOf.set(f, std.length + 2 + i));
  const store = frozen ? (o: Py, n: string, v: Py) => objectSetattr(o, n, v) : (o: Py, n: string, v: Py) => setattr(o, n, v);
  // what the generated code's text fixes: each field's name, factory and kind as they were at decoration
  // an init=False field's default is the class attribute, but for a class with slots, where the slot's member took its place: stored here (_field_init)
  const plan = fields.map((f) => ({ name: name(f), factory: fieldAttr(f, 'default_factory'), slot: slotOf.get(f), initVar: fieldAttr(f, '_field_type') === FIELD_INITVAR, fixed: slots && !ops.truthy(fieldAttr(f, 'init')) ? fieldAttr(f, 'default') : MISSING }));
  // _init_fn's def: `self, a=<default>, *, k=<default>`, its defaults as the function keeps them
  const positional = std.map(defaultOf).filter((v): v is Py => v !== undefined);
  const keyword = new PyDict();
  for (const f of kwOnly) if (defaultOf(f) !== undefined) keyword.set(name(f), defaultOf(f)!);
  return declareDefaults(classFunction(cls, '__init__', (a, k) => {
    const bound = bindArgs(sig, a, k, defaults as Py[]);
    const self = bound[0];
    const initVars: Py[] = [];
    for (const p of plan) {
      step();
      let value: Py;
      if (p.factory !== MISSING) {
        if (p.slot !== undefined && bound[p.slot] !== HAS_DEFAULT_FACTORY) value = bound[p.slot];
        else value = callValue(p.factory, [], null);
      } else if (p.slot !== undefined) value = bound[p.slot];
      else if (p.fixed !== MISSING) value = p.fixed;
      else continue;
      if (p.initVar) initVars.push(value);
      else store(self, p.name, value);
    }
    if (hasPostInit) callValue(getattr(self, '__post_init__'), initVars, null);
    return null;
  }), positional.length === 0 ? null : new PyTuple(positional), keyword.m.size === 0 ? null : keyword);
}

/** The objects whose repr is being made (reprlib.recursive_repr): met again, `...`. */
const REPRING = new Set<Py>();

/** __repr__: `P(x=1, y=2)`, the instance's class's qualified name (a subclass's own). */
export function reprFn(cls: PyClass, fields: PyInstance[]): PyFunc {
  const shown = fields.filter((f) => ops.truthy(fieldAttr(f, 'repr'))).map(name);
  return classFunction(cls, '__repr__', (a) => {
    const self = a[0];
    if (REPRING.has(self)) return '...';
    REPRING.add(self);
    try {
      const parts: string[] = [];
      for (const f of shown) {
        step();
        parts.push(`${f}=${repr(getattr(self, f))}`);
      }
      const owner = introspect(self, '__class__');
      return `${owner instanceof PyClass ? owner.qualname : (getattr(owner, '__qualname__') as string)}(${parts.join(', ')})`;
    } finally {
      REPRING.delete(self);
    }
  });
}

/** The compared fields of an instance as a tuple, `(self.x, self.y,)`. */
const tupleOf = (self: Py, names: string[]): PyTuple => new PyTuple(names.map((n) => getattr(self, n)));

/** __eq__, __lt__ and the rest: tuples of the compared fields, where `other.__class__ is self.__class__`, else NotImplemented. */
export function cmpFn(cls: PyClass, op: string, fields: PyInstance[], compare: (a: Py, b: Py) => Py): PyFunc {
  const names = fields.map(name);
  return classFunction(cls, op, (a) => {
    const [self, other] = a;
    if (introspect(other, '__class__') !== introspect(self, '__class__')) return NOT_IMPLEMENTED_VALUE;
    return compare(tupleOf(self, names), tupleOf(other, names));
  });
}

/** __hash__: hash of the tuple of the hashed fields. */
export function hashFn(cls: PyClass, fields: PyInstance[]): PyFunc {
  const names = fields.map(name);
  return classFunction(cls, '__hash__', (a) => callValue(BUILTINS.get('hash')!, [tupleOf(a[0], names)], null));
}

/** A frozen class's __setattr__ and __delattr__: a field's name, or any name on the class itself, is refused; else super()'s. */
export function frozenFns(cls: PyClass, fields: PyInstance[]): [PyFunc, PyFunc] {
  const names = new Set(fields.map(name));
  const setFn = classFunction(cls, '__setattr__', (a) => {
    const [self, n, v] = a;
    if (typeOf(self) === cls || names.has(n as string)) throw pyErr(FROZEN_INSTANCE_ERROR, `cannot assign to field ${repr(n)}`);
    callValue(getattr(new PySuper(cls, self), '__setattr__'), [n, v], null);
    return null;
  });
  const delFn = classFunction(cls, '__delattr__', (a) => {
    const [self, n] = a;
    if (typeOf(self) === cls || names.has(n as string)) throw pyErr(FROZEN_INSTANCE_ERROR, `cannot delete field ${repr(n)}`);
    callValue(getattr(new PySuper(cls, self), '__delattr__'), [n], null);
    return null;
  });
  return [setFn, delFn];
}
void objectDelattr;
void delattr;
