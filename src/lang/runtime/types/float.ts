import { checkedMethods } from '../arity.js';
import { integerRatio, toInt } from '../datetime/exact.js';
import { floatFromHex, floatHex } from '../float-hex.js';
import { PyFloat, PyTuple } from '../values.js';
import type { Method, PyTypeSlots } from './protocol.js';

const METHODS = checkedMethods(
  'float',
  new Map<string, Method>([
    ['is_integer', (x: PyFloat) => Number.isInteger(x.v)],
    ['hex', (x: PyFloat) => floatHex(x.v)],
    // exact, as Fraction(x) is: the odd mantissa over a power of two (NaN's ValueError, an infinity's OverflowError)
    ['as_integer_ratio', (x: PyFloat) => new PyTuple(integerRatio(x.v).map(toInt))],
    // a float is its own conjugate, the very object (float_float); a subclass's instance's is a plain float
    ['conjugate', (x: PyFloat) => (x.constructor === PyFloat ? x : new PyFloat(x.v))],
    // a class method, read through a value too: the receiver is not used
    ['fromhex', (_x, [s]) => new PyFloat(floatFromHex(s))],
  ]),
  { is_integer: 'none', hex: 'none', as_integer_ratio: 'none', conjugate: 'none', fromhex: 'one' },
);

/** float: a PyFloat, boxed so that 5.0 and 5 stay apart. */
export const FLOAT: PyTypeSlots<PyFloat> = {
  name: () => 'float',
  truthy: (v) => v.v !== 0,
  len: null,
  iter: null,
  getattr: (v, name) => (name === 'real' ? v : name === 'imag' ? new PyFloat(0) : undefined),
  methods: METHODS,
  classMethods: new Map([['fromhex', (args, kw) => METHODS.get('fromhex')!(new PyFloat(0), args, kw)]]),
};
