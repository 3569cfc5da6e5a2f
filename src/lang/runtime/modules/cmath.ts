/** The cmath module: CPython 3.11's Modules/cmathmodule.c, its C functions in complex/cmath.ts. */
import * as c from '../complex/cmath.js';
import { divide, EDOM, errno as quotErrno, ERANGE, type C } from '../complex/arith.js';
import { OverflowError, pyErr, typeErr, valueErr } from '../exceptions.js';
import { indexOf } from '../args.js';
import { asDoubleOfClass, complexOfClass } from '../numeric-dunders.js';
import { toFloat } from '../int/index.js';
import { num } from '../numbers.js';
import { bindArgs, positionalSignature } from '../signature.js';
import { PyComplex, PyFloat, PyFunc, PyModule, PyTuple, typeName, type Py } from '../values.js';

/** PyFloat_AsDouble, the 'd' converter: an int, bool or float ("int too large to convert to float" past the floats). */
function real(v: Py): number {
  // a class's __float__, an int subclass's too (numeric-dunders.ts)
  const x = asDoubleOfClass(v) ?? num(v);
  if (x !== undefined) return x;
  // a class's __index__, as PyFloat_AsDouble falls back to it
  const n = indexOf(v);
  if (n === undefined) throw typeErr(`must be real number, not ${typeName(v)}`);
  return typeof n === 'bigint' ? toFloat(n) : n;
}

/** PyComplex_AsCComplex, the 'D' converter: a complex's parts, or a real number's with a zero imaginary part. */
function complexArg(v: Py): C {
  // a class's __complex__ before its __float__, as try_complex_special_method asks it
  const z = v instanceof PyComplex ? v : complexOfClass(v);
  return z !== undefined ? [z.re, z.im] : [real(v), 0];
}

/** The clinic return converter's errors for errno. */
function raiseErrno(e: number): void {
  if (e === EDOM) throw valueErr('math domain error');
  if (e === ERANGE) throw pyErr(OverflowError, 'math range error');
}

// METH_O: "cmath.sqrt() takes exactly one argument (0 given)"
const one = (name: string, f: (z: C) => Py): [string, PyFunc] => {
  const sig = positionalSignature(name, 'one', 1, 1, 'cmath');
  return [name, new PyFunc(name, (a, k) => f(complexArg(bindArgs(sig, a, k)[0])))];
};

/** A function of one complex whose result is a complex, errno checked. */
const unary = (name: string, f: (z: C) => C): [string, PyFunc] =>
  one(name, (z) => {
    const r = f(z);
    raiseErrno(c.errno);
    return new PyComplex(r[0], r[1]);
  });

// Argument Clinic, positional only: "log expected at least 1 argument, got 0", "cmath.log() takes no keyword arguments"
const LOG = positionalSignature('log', 'clinic', 1, 2, 'cmath');
const RECT = positionalSignature('rect', 'clinic', 2, 2, 'cmath');

/** cmath.log(z[, base]): log(z) / log(base), errno as the last c_log and the division leave it. */
function log(a: Py[], k: Map<string, Py> | null): PyComplex {
  const [zv, base] = bindArgs(LOG, a, k);
  let x = c.clog(complexArg(zv));
  let e = c.errno;
  if (base !== undefined) {
    const y = c.clog(complexArg(base));
    // c_log sets errno afresh: log(0, 2) is (-inf+nanj), not an error
    e = c.errno;
    x = divide(x, y);
    if (quotErrno === EDOM) e = EDOM;
  }
  raiseErrno(e);
  return new PyComplex(x[0], x[1]);
}

function rect(a: Py[], k: Map<string, Py> | null): PyComplex {
  const [r, phi] = bindArgs(RECT, a, k);
  const z = c.rect(real(r), real(phi));
  raiseErrno(c.errno);
  return new PyComplex(z[0], z[1]);
}

const ISCLOSE_NAMES = ['a', 'b', 'rel_tol', 'abs_tol'];

/**
 * isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) bound as _PyArg_UnpackKeywords binds it, in
 * its order of checks: too many positional arguments, a missing one, one given twice, an
 * unknown keyword.
 */
function iscloseArgs(a: Py[], k: Map<string, Py> | null): (Py | undefined)[] {
  if (a.length > 2) throw typeErr(`isclose() takes exactly 2 positional arguments (${a.length} given)`);
  const named = new Map(k ?? []);
  const values = ISCLOSE_NAMES.map((name, i) => {
    if (i < a.length) return a[i];
    const v = named.get(name);
    named.delete(name);
    if (v === undefined && i < 2) throw typeErr(`isclose() missing required argument '${name}' (pos ${i + 1})`);
    return v;
  });
  if (named.size > 0) {
    for (let i = 0; i < a.length; i++) {
      if (named.has(ISCLOSE_NAMES[i])) throw typeErr(`argument for isclose() given by name ('${ISCLOSE_NAMES[i]}') and position (${i + 1})`);
    }
    throw typeErr(`'${[...named.keys()][0]}' is an invalid keyword argument for isclose()`);
  }
  return values;
}

/** isclose: the Boost library's weak test on the distance, inf and -inf close only to themselves, NaN to nothing. */
function isclose(a: Py[], k: Map<string, Py> | null): boolean {
  const [av, bv, relv, absv] = iscloseArgs(a, k);
  const x = complexArg(av);
  const y = complexArg(bv);
  const relTol = relv === undefined ? 1e-9 : real(relv);
  const absTol = absv === undefined ? 0 : real(absv);
  if (relTol < 0 || absTol < 0) throw valueErr('tolerances must be non-negative');
  // exact equality catches two infinities of the same sign
  if (x[0] === y[0] && x[1] === y[1]) return true;
  if ([x[0], x[1], y[0], y[1]].some((v) => v === Infinity || v === -Infinity)) return false;
  const diff = c.cabs([x[0] - y[0], x[1] - y[1]]);
  return diff <= relTol * c.cabs(y) || diff <= relTol * c.cabs(x) || diff <= absTol;
}

export const CMATH = new PyModule(
  'cmath',
  new Map<string, Py>([
    ['pi', new PyFloat(Math.PI)],
    ['e', new PyFloat(Math.E)],
    ['tau', new PyFloat(2 * Math.PI)],
    ['inf', new PyFloat(Infinity)],
    ['infj', new PyComplex(0, Infinity)],
    ['nan', new PyFloat(NaN)],
    ['nanj', new PyComplex(0, NaN)],
    unary('acos', c.cacos),
    unary('acosh', c.cacosh),
    unary('asin', c.casin),
    unary('asinh', c.casinh),
    unary('atan', c.catan),
    unary('atanh', c.catanh),
    unary('cos', c.ccos),
    unary('cosh', c.ccosh),
    unary('exp', c.cexp),
    ['isclose', new PyFunc('isclose', isclose)],
    one('isfinite', (z) => Number.isFinite(z[0]) && Number.isFinite(z[1])),
    one('isinf', (z) => Math.abs(z[0]) === Infinity || Math.abs(z[1]) === Infinity),
    one('isnan', (z) => z[0] !== z[0] || z[1] !== z[1]),
    ['log', new PyFunc('log', log)],
    unary('log10', c.clog10),
    one('phase', (z) => {
      const phi = c.phase(z);
      raiseErrno(c.errno);
      return new PyFloat(phi);
    }),
    one('polar', (z) => {
      // atan2's ERANGE is overwritten by _Py_c_abs's errno, as in cmath_polar_impl
      const phi = c.phase(z);
      const r = c.cabs(z);
      raiseErrno(c.errno);
      return new PyTuple([new PyFloat(r), new PyFloat(phi)]);
    }),
    ['rect', new PyFunc('rect', rect)],
    unary('sin', c.csin),
    unary('sinh', c.csinh),
    unary('sqrt', c.csqrt),
    unary('tan', c.ctan),
    unary('tanh', c.ctanh),
  ]),
);
