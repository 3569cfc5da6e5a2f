/** complex as a Python type: PyComplex with its slots (types/protocol.ts), registered at the end. */
import { checkedMethods } from '../arity.js';
import { OverflowError, pyErr, zeroDiv } from '../exceptions.js';
import { pyHashBig } from '../hash.js';
import { compareFloat } from '../int/index.js';
import { hashKey } from '../keys.js';
import { isNumeric, num } from '../numbers.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../types/protocol.js';
import { registerType } from '../types/table.js';
import { PyComplex, PyFloat, PyIntBox, type Py } from '../values.js';
import * as c from './arith.js';
import { formatComplex } from './format.js';
import { complexRepr } from './text.js';

export { PyComplex };

/** to_complex: a complex's parts, an int's or float's value with a zero imaginary part ("int too large to convert to float" past the floats). */
function parts(v: Py): c.C | undefined {
  if (v instanceof PyComplex) return [v.re, v.im];
  // an int subclass's instance (an IntEnum's or IntFlag's member) is an int to PyLong_Check: its value
  if (v instanceof PyIntBox) v = v.value;
  if (isNumeric(v)) return [num(v)!, 0];
  return undefined;
}

const box = (z: c.C): PyComplex => new PyComplex(z[0], z[1]);

const binary = (f: (a: c.C, b: c.C) => c.C) => (a: Py, b: Py): Py => {
  const x = parts(a);
  const y = parts(b);
  return x === undefined || y === undefined ? NOT_IMPLEMENTED : box(f(x, y));
};

/** complex_div: "complex division by zero" where _Py_c_quot sets EDOM. */
function truediv(x: c.C, y: c.C): c.C {
  const q = c.divide(x, y);
  if (c.errno === c.EDOM) throw zeroDiv('complex division by zero');
  return q;
}

/** complex_pow's errors: EDOM a ZeroDivisionError, ERANGE (an infinite part) an OverflowError. */
function power(x: c.C, y: c.C): c.C {
  const p = c.power(x, y);
  if (c.errno === c.EDOM) throw zeroDiv('0.0 to a negative or complex power');
  if (c.errno === c.ERANGE) throw pyErr(OverflowError, 'complex exponentiation');
  return p;
}

/** x ** y where CPython's float_pow hands a negative base with a fractional exponent to complex_pow. */
export const complexPower = (x: number, y: number): PyComplex => box(power([x, 0], [y, 0]));

/** _Py_c_abs: an infinite part gives inf (even beside a NaN); a finite complex too large is an OverflowError. */
function absolute(v: PyComplex): PyFloat {
  if (!Number.isFinite(v.re) || !Number.isFinite(v.im)) {
    if (Math.abs(v.re) === Infinity || Math.abs(v.im) === Infinity) return new PyFloat(Infinity);
    return new PyFloat(NaN);
  }
  const r = c.magnitude([v.re, v.im]);
  if (!Number.isFinite(r)) throw pyErr(OverflowError, 'absolute value too large');
  return new PyFloat(r);
}

/** complex_richcompare's ==: an int exactly against the real part (as float == int), a float by value; both parts of a complex. */
function eq(a: PyComplex, b: Py): boolean | typeof NOT_IMPLEMENTED {
  if (b instanceof PyIntBox) b = b.value;
  if (b instanceof PyComplex) return a.re === b.re && a.im === b.im;
  if (b instanceof PyFloat) return a.re === b.v && a.im === 0;
  if (typeof b === 'number' || typeof b === 'bigint' || typeof b === 'boolean') {
    return a.im === 0 && compareFloat(typeof b === 'boolean' ? (b ? 1 : 0) : b, a.re) === 0;
  }
  return NOT_IMPLEMENTED;
}

const U64 = (1n << 64n) - 1n;

/** complex_hash: the real part's hash plus 1000003 times the imaginary part's, in uint64. */
function complexHash(v: PyComplex): bigint {
  const h = (pyHashBig(new PyFloat(v.re)) + 1000003n * pyHashBig(new PyFloat(v.im))) & U64;
  return h === U64 ? -2n : BigInt.asIntN(64, h);
}

const METHODS = checkedMethods('complex', new Map<string, Method>([['conjugate', (v: PyComplex) => new PyComplex(v.re, -v.im)]]), { conjugate: 'none' });

export const COMPLEX: PyTypeSlots<PyComplex> = {
  name: () => 'complex',
  truthy: (v) => v.re !== 0 || v.im !== 0,
  len: null,
  iter: null,
  repr: (v) => complexRepr(v.re, v.im),
  hash: complexHash,
  // == to a float (and so an int) when the imaginary part is zero: then that float's key
  // a NaN part: equal to no complex, so filed by identity, as a NaN float is (keys.ts)
  key: (v) => (v.re !== v.re || v.im !== v.im ? v : v.im === 0 ? hashKey(new PyFloat(v.re)) : `\u0000complex ${v.re} ${v.im}`),
  eq,
  format: (v, spec) => formatComplex(v.re, v.im, spec),
  nb: { add: binary(c.sum), subtract: binary(c.diff), multiply: binary(c.prod), truediv: binary(truediv), power: binary(power) },
  // complex_pos answers an exact complex itself, a subclass's instance's value as a complex
  unary: { negative: (v: PyComplex) => box(c.neg([v.re, v.im])), positive: (v: PyComplex) => (v.constructor === PyComplex ? v : box([v.re, v.im])), absolute },
  getattr: (v, name) => (name === 'real' ? new PyFloat(v.re) : name === 'imag' ? new PyFloat(v.im) : undefined),
  methods: METHODS,
};

registerType(PyComplex, COMPLEX);
