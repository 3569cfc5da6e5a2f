/**
 * Subclasses of decimal.Decimal and fractions.Fraction: each instance is the module's own value
 * (a Dec, a Frac) carrying its class, as datetime-subclass.ts's are, so that every operator,
 * comparison, key and method takes it as that type. As in CPython, their arithmetic answers the
 * base type (_decimal's dec_alloc makes a Decimal, fractions.py calls Fraction), except the few
 * Decimal methods that answer self (canonical, conjugate, real, __copy__); a Fraction's repr names
 * its class (`'%s(%s, %s)' % (self.__class__.__name__, ...)`), a Decimal's does not (dec_repr).
 */
import { callValue } from './call.js';
import { registerModuleBases } from './builtin-subclass.js';
import { checkName } from './attribute-names.js';
import { instanceAttrOr, type PyClass } from './class-values.js';
import { attrErr, AttributeError, pyErr } from './exceptions.js';
import { DECIMAL, DECIMAL_TYPE } from './modules/decimal/decimal-type.js';
import { Dec } from './modules/decimal/number.js';
import { Frac, FRACTION, FRACTION_TYPE } from './modules/fractions.js';
import { intOf } from './numbers.js';
import * as int from './int/index.js';
import { hookedBaseSlots } from './base-dunders.js';
import { stringResult } from './string-dunders.js';
import { withAttrHooks } from './attribute-hooks.js';
import { switchWhenHooked } from './late-hooks.js';
import { noDictStore, withoutDict } from './slots.js';
import { bindAttr } from './descriptors.js';
import type { Method, PyTypeSlots, UnarySlots } from './types/protocol.js';
import { registerType, slotsOfClass } from './types/table.js';
import { PyFunc, PyType, type Py } from './values.js';

class PyDecimalInstance extends Dec {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, d: Dec) {
    super(d.sign, d.int, d.exp);
  }
}

class PyFractionInstance extends Frac {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, f: Frac) {
    super(f.n, f.d);
  }
}

/** An instance whose class defines dunders the operators ask: its slots ask the class first (base-dunders.ts); `plain()` is its base's value. */
class PyHookedDecimal extends PyDecimalInstance {
  declare readonly hooks: true;
  plain(): Dec {
    return new Dec(this.sign, this.int, this.exp);
  }
}

class PyHookedFraction extends PyFractionInstance {
  declare readonly hooks: true;
  plain(): Frac {
    return new Frac(this.n, this.d);
  }
}

type NumberInstance = PyDecimalInstance | PyFractionInstance;

const isNumberInstance = (v: Py): v is NumberInstance => v instanceof PyDecimalInstance || v instanceof PyFractionInstance;

/** The base's value of an instance: what a base's method or operator computes from, so that none answers the instance itself. */
const plainOf = (v: Py): Py => (v instanceof PyDecimalInstance ? new Dec(v.sign, v.int, v.exp) : v instanceof PyFractionInstance ? new Frac(v.n, v.d) : v);

/** A value of the base made an instance of cls as it is (base.__new__(cls, ...)). */
function wrap(cls: PyClass, v: Py): Py {
  const hooked = cls.valueHooks;
  if (v instanceof Dec) return new (hooked ? PyHookedDecimal : PyDecimalInstance)(cls, v);
  if (v instanceof Frac) return new (hooked ? PyHookedFraction : PyFractionInstance)(cls, v);
  return v;
}

/** The Decimal methods that answer self, as _decimal's do (Py_INCREF(self)); the rest a new Decimal. */
const DECIMAL_SELF = new Set(['canonical', 'conjugate', '__copy__', '__deepcopy__']);
/** The Fraction methods that read `self.__class__` (fractions.py's repr, copies and reduce): given the instance itself. */
const FRACTION_SELF = new Set(['__repr__', '__copy__', '__deepcopy__', '__reduce__']);

/** Whether the base's method `name` takes the instance as it is, not the base's value. */
const takesSelf = (v: Py, name: string): boolean => (v instanceof Dec ? DECIMAL_SELF : FRACTION_SELF).has(name);

/**
 * A class method of the base read through the subclass: Decimal.from_float calls the class with
 * the Decimal (PyDec_FromFloat on a subtype), Fraction's call it with an int, or with the
 * numerator and denominator (fractions.py's `cls(*f.as_integer_ratio())`).
 */
function classAttr(cls: PyClass, base: PyType, name: string): Py | undefined {
  if (base === DECIMAL_TYPE) {
    if (name !== 'from_float') return undefined;
    return new PyFunc(name, (args, kw) => callValue(cls, [callValue(DECIMAL_TYPE.attrs.get(name)!, args, kw)], null), 'method');
  }
  const attr = FRACTION_TYPE.attrs.get(name);
  if (name !== 'from_float' && name !== 'from_decimal') return attr;
  return new PyFunc(name, (args, kw) => {
    const f = callValue(attr!, args, kw) as Frac;
    return intOf(args[0] ?? kw?.values().next().value) !== undefined ? callValue(cls, [f.n], null) : callValue(cls, [f.n, f.d], null);
  }, 'method');
}

/** A method or attribute of the base, bound to the instance. */
function baseMethod(v: NumberInstance, name: string): Py | undefined {
  const base: PyTypeSlots<any> = v instanceof Dec ? DECIMAL : FRACTION;
  const type = v instanceof Dec ? DECIMAL_TYPE : FRACTION_TYPE;
  const m = base.methods?.get(name) ?? base.baseMethods?.get(name);
  if (m !== undefined) {
    const self = takesSelf(v, name) ? v : plainOf(v);
    return new PyFunc(name, (args, kw) => m(self, args, kw), 'method');
  }
  // a class method read through the instance is the one read through its class: f.from_float makes the subclass's value
  if (name === 'from_float' || name === 'from_decimal') return classAttr(v.cls, type, name);
  return base.getattr?.(v, name);
}

/** The class's own method `name`, called on v, or undefined where it has none. */
function own(v: NumberInstance, name: string): Py | undefined {
  const fn = v.cls.lookup(name);
  return fn === undefined ? undefined : callValue(bindAttr(fn, v, v.cls, name), [], null);
}

/** base.__repr__, as super() reaches it: a Fraction's names the instance's class, a Decimal's its base. */
const baseRepr = (v: NumberInstance): string => (v instanceof Dec ? (DECIMAL.repr!(v, () => '') as string) : `${v.cls.name}(${int.toDecimal(v.n)}, ${int.toDecimal(v.d)})`);

/** The base's unary slots on the base's value: -m and +m are Decimals, +f a Fraction. */
function plainUnary(unary: UnarySlots | undefined): UnarySlots | undefined {
  if (unary === undefined) return undefined;
  const out: UnarySlots = {};
  for (const [k, f] of Object.entries(unary) as [keyof UnarySlots, (v: Py) => Py][]) out[k] = (v: Py) => f(plainOf(v));
  return out;
}

/** The base's methods as int(), round() and copy call them: on the base's value, but those that answer self. */
function plainMethods(base: PyTypeSlots<any>): ReadonlyMap<string, Method> {
  const out = new Map<string, Method>();
  for (const [name, m] of [...base.methods!, ...(base.baseMethods ?? [])]) out.set(name, (base === DECIMAL ? DECIMAL_SELF : FRACTION_SELF).has(name) ? m : (v, args, kw) => m(plainOf(v), args, kw));
  // numbers.Real's __complex__, complex(float(self)): the subclass's own __float__ heard
  if (base === FRACTION) out.set('__complex__', base.methods!.get('__complex__')!);
  return out;
}

function register<T extends NumberInstance>(cls: abstract new (...args: any[]) => T, base: PyTypeSlots<any>): void {
  registerType(cls, {
    ...base,
    name: (v: T) => v.cls.name,
    classOf: (v: T) => v.cls,
    repr: (v: T) => {
      const s = own(v, '__repr__');
      return s === undefined ? baseRepr(v) : stringResult(s, '__repr__');
    },
    str: (v: T, repr, str) => {
      const s = own(v, '__str__');
      return s === undefined ? base.str!(v, repr, str) : stringResult(s, '__str__');
    },
    // Decimal's __format__ words an empty spec itself (not through a subclass's __str__); Fraction has none in 3.11
    formatsEmpty: base === DECIMAL,
    unary: plainUnary(base.unary),
    methods: undefined,
    baseMethods: plainMethods(base),
    getattr: withAttrHooks((v: T, name: string) => instanceAttrOr(v, name, baseMethod)),
    // a Fraction's properties and slots stay the base's refusals; any other name is the instance's own
    setattr: (v: T, name: string, value: Py | undefined) => {
      // property_descr_set names the instance's type by its qualified name
      if (base === FRACTION && FRACTION_PROPERTIES.has(name)) throw pyErr(AttributeError, `property '${name}' of '${v.cls.qualname}' object has no ${value === undefined ? 'deleter' : 'setter'}`);
      if (base === FRACTION && FRACTION_FIELDS.has(name)) return base.setattr!(v, name, value);
      if (v.cls.attrs.has('__slots__') && withoutDict(v.cls)) noDictStore(v.cls, name);
      if (value !== undefined) v.dict.set(checkName(name), value);
      else if (!v.dict.delete(name)) throw attrErr(v, name);
    },
  } satisfies PyTypeSlots<T>);
}

const FRACTION_PROPERTIES: ReadonlySet<string> = new Set(['numerator', 'denominator', 'real', 'imag']);
const FRACTION_FIELDS: ReadonlySet<string> = new Set(['_numerator', '_denominator']);

const BASES: ReadonlySet<PyType> = new Set([DECIMAL_TYPE, FRACTION_TYPE]);

/** Registered by the engine, once the library's types are: builtin-subclass.ts and classes.ts reach them through registerModuleBases. */
export function registerNumberSubclasses(): void {
  register(PyDecimalInstance, DECIMAL);
  register(PyFractionInstance, FRACTION);
  registerType(PyHookedDecimal, hookedBaseSlots(slotsOfClass(PyDecimalInstance)!, 'decimal'));
  registerType(PyHookedFraction, hookedBaseSlots(slotsOfClass(PyFractionInstance)!, 'fraction'));
  switchWhenHooked(PyDecimalInstance, PyHookedDecimal);
  switchWhenHooked(PyFractionInstance, PyHookedFraction);
  registerModuleBases({
    isBase: (t) => BASES.has(t),
    isInstance: isNumberInstance,
    make: (base, cls, args, kw) => wrap(cls, base.fn(args, kw)),
    method: (v, name) => baseMethod(v as NumberInstance, name),
    repr: (v) => baseRepr(v as NumberInstance),
    str: (v) => (v instanceof Dec ? DECIMAL.str!(v, () => '', () => '') : FRACTION.str!(v as unknown as Frac, () => '', () => '')),
    classAttr,
    hookable: () => true,
  });
}
