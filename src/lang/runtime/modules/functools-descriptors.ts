/**
 * functools.cached_property and partialmethod, descriptors Lib/functools.py writes in Python:
 * read from an instance, the first computes once into the instance's own attributes (which a
 * later read finds first, as an instance's __dict__ comes before a non-data descriptor), the
 * second binds its function and gives a partial of it.
 */
import { BUILTINS } from '../builtins.js';
import { step } from '../budget.js';
import { callValue } from '../call.js';
import { PyClass } from '../class-values.js';
import { bindMethod, PyClassMethod, PyStaticMethod } from '../descriptors.js';
import { typeErr } from '../exceptions.js';
import { truthy } from '../iteration.js';
import { NativeDescriptor } from '../native-descriptor.js';
import { OBJECT_CLASS } from '../object-class.js';
import { repr, str } from '../repr.js';
import { Signature, bindArgs } from '../signature.js';
import type { PyTypeSlots } from '../types/protocol.js';
import { registerType } from '../types/table.js';
import { PyDict, PyFunc, PyTuple, PyType, tupleOf, type Py } from '../values.js';
import { argumentReprs, PyPartial } from './functools.js';

/** An instance's own attributes (its __dict__), or null where its class's __slots__ leave it none. */
function instanceDict(self: Py, cls: PyClass): Map<string, Py> | null {
  if (cls.mro.every((t) => !(t instanceof PyClass) || t === OBJECT_CLASS || t.attrs.has('__slots__'))) return null;
  const dict = (self as { dict?: unknown }).dict;
  return dict instanceof Map ? (dict as Map<string, Py>) : null;
}

const CACHED_PROPERTY_INIT = new Signature('cached_property.__init__', [{ name: 'self', star: '' }, { name: 'func', star: '' }], 'python');

export class PyCachedProperty extends NativeDescriptor {
  /** Set by __set_name__ in CPython, when the class is made; here at the first read from an instance, by the name read. */
  attrname: string | null = null;
  constructor(readonly func: Py) {
    super();
  }
  get(self: Py, cls: PyClass, name: string): Py {
    this.attrname ??= name;
    const cache = instanceDict(self, cls);
    if (cache === null) throw typeErr(`No '__dict__' attribute on '${cls.name}' instance to cache '${this.attrname}' property.`);
    const found = cache.get(this.attrname);
    if (found !== undefined) return found;
    const val = callValue(this.func, [self], null);
    // a store in the instance's attributes, a step as `self.x = v` is
    step();
    cache.set(this.attrname, val);
    return val;
  }
  fromClass(): Py {
    return this;
  }
}

export const CACHED_PROPERTY = new PyType('functools.cached_property', (a, k) => new PyCachedProperty(bindArgs(CACHED_PROPERTY_INIT, [null, ...a], k)[1]));

const slots = <T>(name: string, type: PyType, more: Partial<PyTypeSlots<T>>): PyTypeSlots<T> => ({
  name: () => name,
  type,
  truthy: () => true,
  len: null,
  iter: null,
  // CPython adds the address, which differs in every process: left out, as for functions
  repr: () => `<${name} object>`,
  ...more,
});

registerType(PyCachedProperty, slots<PyCachedProperty>('functools.cached_property', CACHED_PROPERTY, {
  getattr: (p, name) => (name === 'func' ? p.func : name === 'attrname' ? p.attrname : undefined),
}));

const PARTIALMETHOD_INIT = new Signature('partialmethod.__init__', [{ name: 'self', star: '' }, { name: 'func', star: '' }, { name: 'args', star: '*' }, { name: 'keywords', star: '**' }], 'python', { posOnly: 2 });

/** Whether a value binds when read through a class (has __get__): a def's function, staticmethod, classmethod, property. */
const hasGet = (v: Py): boolean => (v instanceof PyFunc && v.kind === 'function') || v instanceof PyStaticMethod || v instanceof PyClassMethod || v instanceof NativeDescriptor;

export class PyPartialMethod extends NativeDescriptor {
  constructor(readonly func: Py, readonly args: PyTuple, readonly keywords: PyDict) {
    super();
  }
  /** `_method(cls_or_self, /, *args, **keywords)`: the function with the first argument and the stored ones before the call's. */
  private unbound(): PyFunc {
    return new PyFunc('partialmethod._make_unbound_method.<locals>._method', (a, k) => {
      if (a.length === 0) throw typeErr("partialmethod._make_unbound_method.<locals>._method() missing 1 required positional argument: 'cls_or_self'");
      const kw = new Map<string, Py>();
      for (const [nk, v] of this.keywords.m) kw.set(this.keywords.key(nk) as string, v);
      for (const [key, v] of k ?? []) kw.set(key, v);
      return callValue(this.func, [a[0], ...this.args.items, ...a.slice(1)], kw);
    }, 'function');
  }
  /** __get__(obj, cls): the function's own __get__ (a bound method, a staticmethod's function), partial'd; else _method, bound. */
  private bound(obj: Py, cls: PyClass): Py {
    const f = this.func;
    const got = f instanceof PyStaticMethod ? f.fn : f instanceof PyClassMethod ? bindMethodTo(f.fn, cls) : f instanceof PyFunc && f.kind === 'function' && obj !== null ? bindMethod(f, obj) : f instanceof NativeDescriptor ? (obj === null ? f.fromClass(cls) : f.get(obj, cls, '')) : f;
    if (hasGet(f) && got !== f && got instanceof PyFunc) return new PyPartial(got, this.args, copy(this.keywords));
    const method = this.unbound();
    return obj === null ? method : bindMethod(method, obj);
  }
  get(self: Py, cls: PyClass): Py {
    return this.bound(self, cls);
  }
  fromClass(cls: PyClass): Py {
    return this.bound(null, cls);
  }
}

const bindMethodTo = (fn: Py, first: Py): PyFunc => new PyFunc(fn instanceof PyFunc ? fn.name : 'method', (a, k) => callValue(fn, [first, ...a], k), 'method');

function copy(d: PyDict): PyDict {
  const out = new PyDict();
  for (const [nk, v] of d.m) out.set(d.key(nk), v);
  return out;
}

const isCallable = (v: Py): boolean => truthy(callValue(BUILTINS.get('callable'), [v], null));

export const PARTIALMETHOD = new PyType('functools.partialmethod', (a, k) => {
  const [, func, args, keywords] = bindArgs(PARTIALMETHOD_INIT, [null, ...a], k) as [Py, Py, PyTuple, PyDict];
  if (!isCallable(func) && !hasGet(func)) throw typeErr(`${repr(func)} is not callable or a descriptor`);
  if (func instanceof PyPartialMethod) {
    const merged = copy(func.keywords);
    for (const [nk, v] of keywords.m) merged.set(keywords.key(nk), v);
    return new PyPartialMethod(func.func, tupleOf([...func.args.items, ...args.items]), merged);
  }
  return new PyPartialMethod(func, args, keywords);
});

registerType(PyPartialMethod, slots<PyPartialMethod>('functools.partialmethod', PARTIALMETHOD, {
  // "{module}.{cls}({func}, {args}, {keywords})", both parts always there
  repr: (p) => {
    const parts = argumentReprs(p);
    const n = p.args.items.length;
    return `functools.partialmethod(${str(p.func)}, ${parts.slice(0, n).join(', ')}, ${parts.slice(n).join(', ')})`;
  },
  getattr: (p, name) => (name === 'func' ? p.func : name === 'args' ? p.args : name === 'keywords' ? p.keywords : undefined),
}));
