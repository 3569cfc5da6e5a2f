/**
 * numbers (Lib/numbers.py): Number, Complex, Real, Rational and Integral, ABCMeta's classes
 * with `__slots__ = ()`, their abstract methods (abc.py's marked functions, whose bodies raise
 * NotImplementedError as numbers.py's do) and the mixins numbers.py writes over them, run through
 * the instance's own operators. The builtin numbers are registered as numbers.py (and fractions,
 * decimal) register them; a condition's register() lasts for its run (abc.ts).
 */
import { moduleClass, OBJECT_CLASS, type PyClass } from '../classes.js';
import { PyProperty } from '../descriptors.js';
import { NotImplementedError, pyErr } from '../exceptions.js';
import * as ops from '../ops.js';
import { PyModule, PyTuple, type Py, type PyType } from '../values.js';
import { ABC_MODULE, ABCMETA, mark, registerShared } from './abc.js';
import { call } from './calendar/py.js';
import { builtin } from './collections/user-data.js';
import { finishAbc } from './collections-abc/one-trick.js';
import { DECIMAL_TYPE } from './decimal/decimal-type.js';
import { pyDef } from './python-def.js';

/** `class name(base, metaclass=ABCMeta): __slots__ = ()`, in numbers. */
function numbersClass(name: string, base: PyClass | null): PyClass {
  const cls = moduleClass(name, [base ?? OBJECT_CLASS], null, ABCMETA);
  cls.module = 'numbers';
  cls.attrs.set('__slots__', new PyTuple([]));
  return cls;
}

const unimplemented = (): never => {
  throw pyErr(NotImplementedError);
};

type Body = (self: Py, ...args: Py[]) => Py;
/**
 * The class's methods: `name(params)` abstract (raising NotImplementedError, unless a body is
 * given) or a mixin; a '@' before the name makes a property of it.
 */
function methods(cls: PyClass, abstract: Record<string, readonly string[] | [readonly string[], Body]>, concrete: Record<string, [readonly string[], Body]> = {}, defaults: Record<string, Py> = {}): void {
  const put = (key: string, params: readonly string[], body: Body, isAbstract: boolean) => {
    const name = key.replace('@', '');
    const f = pyDef(`${cls.name}.${name}`, ['self', ...params], defaults, body as (...args: Py[]) => Py);
    if (isAbstract) mark(f);
    cls.attrs.set(name, key.startsWith('@') ? new PyProperty(f, null, null, null) : f);
  };
  for (const [key, spec] of Object.entries(abstract)) {
    const withBody = spec.length === 2 && typeof spec[1] === 'function';
    put(key, withBody ? (spec[0] as readonly string[]) : (spec as readonly string[]), withBody ? (spec[1] as Body) : unimplemented, true);
  }
  for (const [key, [params, body]] of Object.entries(concrete)) put(key, params, body, false);
}

const other = ['other'];

export const NUMBER = numbersClass('Number', null);
// `__hash__ = None`: a Number's subclass says how it hashes
NUMBER.attrs.set('__hash__', null);
finishAbc(NUMBER);

export const COMPLEX = numbersClass('Complex', NUMBER);
methods(COMPLEX, {
  // its body is a docstring: None
  __complex__: [[], () => null],
  '@real': [], '@imag': [],
  __add__: other, __radd__: other, __neg__: [], __pos__: [], __mul__: other, __rmul__: other, __truediv__: other, __rtruediv__: other,
  __pow__: ['exponent'], __rpow__: ['base'], __abs__: [], conjugate: [], __eq__: other,
}, {
  __bool__: [[], (self) => ops.truthy(ops.neValue(self, 0))],
  __sub__: [other, (self, o) => ops.add(self, ops.neg(o))],
  __rsub__: [other, (self, o) => ops.add(ops.neg(self), o)],
});
// a class that defines __eq__ gets `__hash__ = None`
COMPLEX.attrs.set('__hash__', null);
finishAbc(COMPLEX);

export const REAL = numbersClass('Real', COMPLEX);
methods(REAL, {
  __float__: [], __trunc__: [], __floor__: [], __ceil__: [], __round__: ['ndigits'],
  __floordiv__: other, __rfloordiv__: other, __mod__: other, __rmod__: other, __lt__: other, __le__: other,
}, {
  __divmod__: [other, (self, o) => new PyTuple([ops.floordiv(self, o), ops.mod(self, o)])],
  __rdivmod__: [other, (self, o) => new PyTuple([ops.floordiv(o, self), ops.mod(o, self)])],
  __complex__: [[], (self) => call(builtin('complex'), call(builtin('float'), self))],
  '@real': [[], (self) => ops.pos(self)],
  '@imag': [[], () => 0],
  conjugate: [[], (self) => ops.pos(self)],
}, { ndigits: null });
finishAbc(REAL);

export const RATIONAL = numbersClass('Rational', REAL);
const intOfAttr = (self: Py, name: string): Py => call(builtin('int'), call(builtin('getattr'), self, name));
methods(RATIONAL, { '@numerator': [], '@denominator': [] }, {
  // int's true division: ratios of huge integers convert without overflowing
  __float__: [[], (self) => ops.truediv(intOfAttr(self, 'numerator'), intOfAttr(self, 'denominator'))],
});
finishAbc(RATIONAL);

export const INTEGRAL = numbersClass('Integral', RATIONAL);
methods(INTEGRAL, {
  __int__: [], __pow__: ['exponent', 'modulus'],
  __lshift__: other, __rlshift__: other, __rshift__: other, __rrshift__: other, __and__: other, __rand__: other,
  __xor__: other, __rxor__: other, __or__: other, __ror__: other, __invert__: [],
}, {
  __index__: [[], (self) => call(builtin('int'), self)],
  __float__: [[], (self) => call(builtin('float'), call(builtin('int'), self))],
  '@numerator': [[], (self) => ops.pos(self)],
  '@denominator': [[], () => 1],
}, { modulus: null });
finishAbc(INTEGRAL);

// numbers.py's Complex.register(complex), Real.register(float), Integral.register(int); decimal's Number.register(Decimal)
// (fractions' Fraction is Rational's subclass)
const builtinType = (name: string) => (): PyType => builtin(name) as PyType;
for (const [cls, t] of [
  [COMPLEX, builtinType('complex')], [REAL, builtinType('float')], [INTEGRAL, builtinType('int')], [NUMBER, () => DECIMAL_TYPE],
] as const) registerShared(cls, t);

export const NUMBERS_MODULE = new PyModule('numbers', new Map<string, Py>([
  ['ABCMeta', ABCMETA],
  ['abstractmethod', ABC_MODULE.attrs.get('abstractmethod')!],
  ['Number', NUMBER], ['Complex', COMPLEX], ['Real', REAL], ['Rational', RATIONAL], ['Integral', INTEGRAL],
]));
