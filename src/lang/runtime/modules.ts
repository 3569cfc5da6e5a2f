import { fileDirNames } from './dir.js';
import { fileFunctionNames } from './star-args.js';
import { bind, indexOf, intArg } from './args.js';
import { bindArgs, positionalSignature, Signature } from './signature.js';
import { callValue } from './call.js';
import { jsonText } from './json-text.js';
import { BUILTINS, opaqueTypeNamed } from './builtins.js';
import { OverflowError, ZeroDivisionError, pyErr, typeErr, valueErr } from './exceptions.js';
import { ReError } from './re-error.js';
import { JSONDecodeError, JsonSyntaxError, parseJsonNested } from './json.js';
import { dumpsPlain, encodeOf, JSON_DECODER, JSON_ENCODER } from './modules/json-classes.js';
import { callMethod } from './modules/calendar/py.js';
import { enterCall, exitCall, nestingRoom, tick, work } from './budget.js';
import * as libm from './libm.js';
import { copysign } from './libm/bits.js';
import * as int from './int/index.js';
import { intOf, isIntLike, mul, toList } from './ops.js';
import { compilePattern, escape, moduleFunction } from './re.js';
import { FLAG_NAMES, REGEX_FLAG_TYPE, regexFlag } from './re-flags.js';
import { BASE64 } from './modules/base64.js';
import { BINASCII } from './modules/binascii.js';
import { STRUCT_MODULE } from './modules/struct/struct.js';
import { ZLIB_MODULE } from './modules/zlib/zlib.js';
import { BISECT } from './modules/bisect.js';
import { CALENDAR_MODULE } from './modules/calendar/module.js';
import { COPY_MODULE } from './modules/copy.js';
import { CMATH } from './modules/cmath.js';
import { COLLECTIONS } from './modules/collections/module.js';
import { COLLECTIONS_ABC } from './modules/collections-abc/module.js';
import { CONTEXTLIB } from './modules/contextlib.js';
import { DATETIME_MODULE } from './modules/datetime/module.js';
import { DECIMAL_MODULE } from './modules/decimal/module.js';
import { FRACTIONS_MODULE } from './modules/fractions.js';
import { FUNCTOOLS } from './modules/functools-module.js';
import { FNMATCH_MODULE } from './modules/fnmatch.js';
import { KEYWORD_MODULE } from './modules/keyword.js';
import { PPRINT_MODULE } from './modules/pprint/module.js';
import { DIFFLIB_MODULE } from './modules/difflib/module.js';
import { ABC_MODULE } from './modules/abc.js';
import { ENUM_MODULE } from './modules/enum/module.js';
import { HEAPQ } from './modules/heapq.js';
import { SHLEX_MODULE } from './modules/text/shlex.js';
import { TEXTWRAP_MODULE } from './modules/text/textwrap.js';
import { URLLIB, URLLIB_PARSE } from './modules/urllib/module.js';
import { ENTITIES_MODULE, HTML_MODULE } from './modules/html/module.js';
import { DATACLASSES } from './modules/dataclasses/module.js';
import { TYPING } from './modules/typing/module.js';
import { HASHLIB } from './modules/hashlib.js';
import { ITERTOOLS } from './modules/itertools.js';
import { frexp, ldexp, modf, remainder } from './modules/math-floats.js';
import { EDOM, ERANGE, lgamma, tgamma } from './modules/math-gamma.js';
import { nextafter, ulp } from './modules/math-integers.js';
import { hypot } from './modules/math-norm.js';
import { OPERATOR } from './modules/operator.js';
import { statisticsModule } from './modules/statistics.js';
import { meanFunctions } from './modules/statistics-means.js';
import { pairFunctions } from './modules/statistics-pairs.js';
import { normalDist } from './modules/statistics-normal.js';
import { STRING } from './modules/string.js';
import { UNICODEDATA } from './modules/unicodedata.js';
import { asDoubleOfClass, integralOfClass } from './numeric-dunders.js';
import { TIME_MODULE } from './modules/time.js';
import { UUID_MODULE } from './modules/uuid.js';
import { IPADDRESS_MODULE } from './modules/ipaddress/module.js';
import { NUMBERS_MODULE } from './modules/numbers.js';
import { typesModule } from './modules/types-module.js';
import { GRAPHLIB_MODULE } from './modules/graphlib.js';
import { protocolMethod } from './types/table.js';
import { fileSharedObjects } from './shared-objects.js';
import { fileModuleFunctions } from './method-attributes.js';
import { PyDict, PyFloat, PyFunc, PyIntBox, PyModule, PyTuple, typeName, type NativeFn, type Py } from './values.js';

const fn = (name: string, f: NativeFn): [string, PyFunc] => [name, new PyFunc(name, f)];

// ---------------------------------------------------------------- re

const reFunctions = ['search', 'match', 'fullmatch', 'findall', 'finditer', 'sub', 'subn', 'split'].map((name) => {
  const f = moduleFunction(name)!;
  return fn(name, (a, k) => f(undefined as never, a, k));
});

// re.escape(pattern) is written in Python
const ESCAPE = new Signature('escape', [{ name: 'pattern', star: '' }], 'python');
const PURGE = new Signature('purge', [], 'python');

const RE = new PyModule(
  're',
  new Map<string, Py>([
    ...reFunctions,
    fn('compile', (a, k) => {
      const [p, flags = 0] = bind('compile', a, k, ['pattern', 'flags'], 1, 'compile');
      return compilePattern(p, flags);
    }),
    fn('escape', (a, k) => escape(bindArgs(ESCAPE, a, k)[0])),
    fn('purge', (a, k) => (bindArgs(PURGE, a, k), null)),
    ['error', ReError],
    ...FLAG_NAMES.map(([name, v]): [string, Py] => [name, regexFlag(v)]),
    ['RegexFlag', REGEX_FLAG_TYPE],
    ['Match', opaqueTypeNamed('re.Match')],
    ['Pattern', opaqueTypeNamed('re.Pattern')],
  ]),
);

// ---------------------------------------------------------------- json

/**
 * json.dumps(obj, *, skipkeys=False, ..., **kw) and json.loads(s, *, cls=None, ..., **kw) as
 * Lib/json/__init__.py writes them: `cls(...).encode(obj)` and `cls(**kw).decode(s)`, cls
 * JSONEncoder or JSONDecoder unless given (json-classes.ts); a keyword they do not name goes on
 * to its __init__, which refuses it there.
 */
const param = (name: string, star: '' | '*' | '**' = '') => ({ name, star });
const ENCODER_KEYWORDS = ['skipkeys', 'ensure_ascii', 'check_circular', 'allow_nan', 'cls', 'indent', 'separators', 'default', 'sort_keys'];
const DUMPS = new Signature('dumps', [param('obj'), param('', '*'), ...ENCODER_KEYWORDS.map((n) => param(n)), param('kw', '**')], 'python');
const DUMPS_DEFAULTS = [undefined, undefined, false, true, true, true, null, null, null, null, false, undefined];
const DECODER_HOOKS = ['object_hook', 'parse_float', 'parse_int', 'parse_constant', 'object_pairs_hook'];
const LOADS = new Signature('loads', [param('s'), param('', '*'), param('cls'), ...DECODER_HOOKS.map((n) => param(n)), param('kw', '**')], 'python');
const LOADS_DEFAULTS = [undefined, undefined, null, null, null, null, null, null, undefined];
/** Containers json.loads nests at the envelope's level before CPython's RecursionError (test/lang/nesting-frames.test.ts). */
const LOADS_NESTING = 994;

/** _default_decoder.decode(s). */
function loadsPlain(s: string): Py {
  work(s.length);
  try {
    return parseJsonNested(s, nestingRoom(LOADS_NESTING));
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw err.toPython();
    throw err;
  }
}

/** A **kw dict's items as a call's keywords. */
const keywordsOf = (rest: Py): Map<string, Py> => new Map([...(rest as PyDict).m].map(([k, v]) => [String(k), v]));

const JSON_MODULE = new PyModule(
  'json',
  new Map<string, Py>([
    fn('dumps', (a, k) => {
      const [obj, , skipkeys, ensureAscii, checkCircular, allowNan, cls, indent, seps, dflt, sortKeys, rest] = bindArgs(DUMPS, a, k, DUMPS_DEFAULTS);
      if (cls === null && (rest as PyDict).size === 0) return dumpsPlain(obj, skipkeys, ensureAscii, checkCircular, allowNan, indent, seps, dflt, sortKeys);
      const kw = new Map<string, Py>([
        ['skipkeys', skipkeys], ['ensure_ascii', ensureAscii], ['check_circular', checkCircular], ['allow_nan', allowNan], ['indent', indent],
        ['separators', seps], ['default', dflt], ['sort_keys', sortKeys], ...keywordsOf(rest),
      ]);
      // the class's own encode for JSONEncoder itself, with no frame of its own (CPython's depths are measured from here)
      return cls === null ? encodeOf(callValue(JSON_ENCODER, [], kw), obj) : callMethod(callValue(cls, [], kw), 'encode', obj);
    }),
    fn('loads', (a, k) => {
      // json.loads(s), as nearly every call is: no binding of nine parameters (some 15% of a small call)
      if (a.length === 1 && (k === null || k.size === 0)) return loadsPlain(jsonText(a[0]));
      const [arg, , cls, objectHook, parseFloat, parseInt, parseConstant, pairsHook, rest] = bindArgs(LOADS, a, k, LOADS_DEFAULTS);
      const s = jsonText(arg);
      const kw = keywordsOf(rest);
      if (cls === null && objectHook === null && parseFloat === null && parseInt === null && parseConstant === null && pairsHook === null && kw.size === 0) return loadsPlain(s);
      for (const [name, hook] of [['object_hook', objectHook], ['object_pairs_hook', pairsHook], ['parse_float', parseFloat], ['parse_int', parseInt], ['parse_constant', parseConstant]] as const) {
        if (hook !== null) kw.set(name, hook);
      }
      // loads's own frame, which CPython's decode runs beneath
      enterCall();
      try {
        return callMethod(callValue(cls === null ? JSON_DECODER : cls, [], kw), 'decode', s);
      } finally {
        exitCall();
      }
    }),
    ['JSONDecodeError', JSONDecodeError],
    ['JSONDecoder', JSON_DECODER],
    ['JSONEncoder', JSON_ENCODER],
  ]),
);

// ---------------------------------------------------------------- math

const num = (_fname: string, v: Py): number => {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'bigint') return int.toFloat(v);
  // a class's __float__, an int subclass's too, as PyFloat_AsDouble asks nb_float (numeric-dunders.ts)
  const own = asDoubleOfClass(v);
  if (own !== undefined) return own;
  // a module's numeric type's nb_float (decimal.Decimal)
  const nbFloat = v instanceof PyFloat ? undefined : protocolMethod(v, '__float__');
  if (nbFloat !== undefined) return (nbFloat(v, [], null) as PyFloat).v;
  // an int subclass's instance, or re.I
  if (v instanceof PyIntBox) return num(_fname, v.value);
  // a class's __index__, as PyFloat_AsDouble falls back to it
  const n = indexOf(v);
  if (n !== undefined) return typeof n === 'bigint' ? int.toFloat(n) : n;
  throw typeErr(`must be real number, not ${typeName(v)}`);
};

/** A METH_O function's binder: "math.sinh() takes exactly one argument (0 given)", "math.sinh() takes no keyword arguments". */
const methO = (name: string) => positionalSignature(name, 'one', 1, 1, 'math');

/** A METH_O function's one argument, its signature made at the first wrong call. */
const METH_O = new Map<string, Signature>();
function oneArg(name: string, a: Py[], k: Map<string, Py> | null): Py {
  if (k === null && a.length === 1) return a[0];
  let signature = METH_O.get(name);
  if (signature === undefined) METH_O.set(name, (signature = methO(name)));
  return bindArgs(signature, a, k)[0];
}

/** An Argument Clinic function's two positional arguments: "atan2 expected 2 arguments, got 1", "math.atan2() takes no keyword arguments". */
const CLINIC_2 = new Map<string, Signature>();
function twoArgs(name: string, a: Py[], k: Map<string, Py> | null): Py[] {
  if (k === null && a.length === 2) return a;
  let signature = CLINIC_2.get(name);
  if (signature === undefined) CLINIC_2.set(name, (signature = positionalSignature(name, 'clinic', 2, 2, 'math')));
  return bindArgs(signature, a, k);
}

/** A METH_FASTCALL function without keywords (hypot, gcd, lcm): "math.hypot() takes no keyword arguments". */
function noKeywords(name: string, k: Map<string, Py> | null): void {
  if (k !== null && k.size > 0) throw typeErr(`math.${name}() takes no keyword arguments`);
}

/**
 * math_1: a NaN from a number that was not one is a domain error (sin(inf)); an infinity
 * from a finite number is a range error where the function can overflow (exp(1000)), a
 * domain error (a singularity) where it cannot.
 */
const unary = (name: string, f: (x: number) => number, canOverflow = false): [string, PyFunc] => {
  const signature = methO(name);
  return fn(name, (a, k) => {
    const x = num(name, bindArgs(signature, a, k)[0]);
    const r = f(x);
    if (r !== r && x === x) throw valueErr('math domain error');
    if (!Number.isFinite(r) && r === r && Number.isFinite(x)) throw canOverflow ? pyErr(OverflowError, 'math range error') : valueErr('math domain error');
    return new PyFloat(r);
  });
};

/**
 * math_1a: the function sets errno itself (gamma, lgamma): EDOM is a domain error, ERANGE
 * a range error (is_error lets an ERANGE below 1.5 pass as an underflow, but these set it
 * only with an infinite result).
 */
const withErrno = (name: string, f: (x: number) => [number, number]): [string, PyFunc] => {
  const signature = methO(name);
  return fn(name, (a, k) => {
    const [r, errno] = f(num(name, bindArgs(signature, a, k)[0]));
    if (errno === EDOM) throw valueErr('math domain error');
    if (errno === ERANGE) throw pyErr(OverflowError, 'math range error');
    return new PyFloat(r);
  });
};

/** degrees and radians: x times the constant C folds, with no error check (degrees(1e308) is inf). */
const scaled = (name: string, factor: number): [string, PyFunc] => {
  const signature = methO(name);
  return fn(name, (a, k) => new PyFloat(num(name, bindArgs(signature, a, k)[0]) * factor));
};

const toIntegral = (name: string, f: (x: number) => number): [string, PyFunc] =>
  fn(name, (a, k) => {
    const v = oneArg(name, a, k);
    if (isIntLike(v)) return intOf(v);
    // a class's __floor__, __ceil__ or __trunc__ (numeric-dunders.ts), its answer as it is
    const own = integralOfClass(v, `__${name}__`);
    if (own !== undefined) return own;
    // int's own __floor__, __ceil__ and __trunc__, of an int subclass's instance
    if (v instanceof PyIntBox) return v.value;
    // a module's numeric type's own (decimal.Decimal)
    const native = v instanceof PyFloat ? undefined : protocolMethod(v as object, `__${name}__`);
    if (native !== undefined) return native(v, [], null);
    // math_trunc asks __trunc__ alone, which only ints and floats have besides
    if (name === 'trunc' && !(v instanceof PyFloat) && !(v instanceof PyIntBox)) throw typeErr(`type ${typeName(v)} doesn't define __trunc__ method`);
    // exact: floor(1e300) has all 301 digits
    return int.fromFloat(f(num(name, v)));
  });

/**
 * f (log, log2, log10) of a positive number; an int past the floats as loghelper takes it:
 * x * 2**e with x in [0.5, 1), f(x) + f(2) * e.
 */
function logOf(v: Py, f: (x: number) => number): number {
  if (typeof v === 'bigint' && !Number.isFinite(Number(v))) {
    if (v < 0n) throw valueErr('math domain error');
    const e = int.bit_length(v);
    return f(Number(v >> BigInt(e - 1000)) / 2 ** 1000) + f(2) * e;
  }
  const x = num('log', v);
  if (x <= 0) throw valueErr('math domain error');
  // m_log, m_log2, m_log10: a NaN as it is, sign bit and all
  return x !== x ? x : f(x);
}

/** math_pow: C99's special cases of infinities and NaNs first, then pow with CPython's errors. */
function mathPow(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x !== x) return y === 0 ? 1 : x;
    if (y !== y) return x === 1 ? 1 : y;
    if (!Number.isFinite(x)) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2 === 1;
      if (y > 0) return oddY ? x : Math.abs(x);
      if (y === 0) return 1;
      return oddY ? (x < 0 ? -0 : 0) : 0;
    }
    if (Math.abs(x) === 1) return 1;
    if (y > 0 && Math.abs(x) > 1) return y;
    if (y < 0 && Math.abs(x) < 1) return -y;
    return 0;
  }
  const r = libm.pow(x, y);
  if (r !== r) throw valueErr('math domain error');
  if (!Number.isFinite(r)) throw x === 0 ? valueErr('math domain error') : pyErr(OverflowError, 'math range error');
  return r;
}

// METH_O functions: "math.frexp() takes exactly one argument (0 given)"
const FREXP = positionalSignature('frexp', 'one', 1, 1, 'math');
const MODF = positionalSignature('modf', 'one', 1, 1, 'math');
// Argument Clinic's: "ldexp expected 2 arguments, got 1", "math.ldexp() takes no keyword arguments"
const LDEXP = positionalSignature('ldexp', 'clinic', 2, 2, 'math');
const REMAINDER = positionalSignature('remainder', 'clinic', 2, 2, 'math');
const PERM = positionalSignature('perm', 'clinic', 1, 2, 'math');

const MATH = new PyModule(
  'math',
  new Map<string, Py>([
    ['pi', new PyFloat(Math.PI)],
    ['e', new PyFloat(Math.E)],
    ['tau', new PyFloat(2 * Math.PI)],
    ['inf', new PyFloat(Infinity)],
    ['nan', new PyFloat(NaN)],
    toIntegral('floor', Math.floor),
    toIntegral('ceil', Math.ceil),
    toIntegral('trunc', Math.trunc),
    fn('sqrt', (a, k) => {
      const x = num('sqrt', oneArg('sqrt', a, k));
      if (x < 0) throw valueErr('math domain error');
      return new PyFloat(Math.sqrt(x));
    }),
    unary('exp', libm.exp, true),
    fn('log', (a, k) => {
      // math_log's optional group (METH_VARARGS): its own words for a wrong count, PyArg's for a keyword
      if (k !== null && k.size > 0) throw typeErr('log() takes no keyword arguments');
      if (a.length < 1 || a.length > 2) throw typeErr('math.log requires 1 to 2 arguments');
      const [xv, base] = a;
      const x = logOf(xv, libm.log);
      if (base === undefined) return new PyFloat(x);
      const b = logOf(base, libm.log);
      if (b === 0) throw pyErr(ZeroDivisionError, 'float division by zero');
      return new PyFloat(x / b);
    }),
    fn('log10', (a, k) => new PyFloat(logOf(oneArg('log10', a, k), libm.log10))),
    fn('log2', (a, k) => new PyFloat(logOf(oneArg('log2', a, k), libm.log2))),
    unary('fabs', Math.abs),
    unary('sin', libm.sin),
    unary('cos', libm.cos),
    unary('tan', libm.tan),
    unary('asin', libm.asin),
    unary('acos', libm.acos),
    unary('atan', libm.atan),
    scaled('degrees', 180 / Math.PI),
    scaled('radians', Math.PI / 180),
    fn('atan2', (a, k) => {
      const [y, x] = twoArgs('atan2', a, k);
      return new PyFloat(libm.atan2(num('atan2', y), num('atan2', x)));
    }),
    fn('hypot', (a, k) => (noKeywords('hypot', k), new PyFloat(hypot(a.map((x) => num('hypot', x)))))),
    // FUNC1 lines of mathmodule.c: which of them can overflow (an infinity from a finite x otherwise is a domain error)
    unary('sinh', libm.sinh, true),
    unary('cosh', libm.cosh, true),
    unary('tanh', libm.tanh),
    unary('asinh', libm.asinh),
    unary('acosh', libm.acosh),
    unary('atanh', libm.atanh),
    unary('cbrt', libm.cbrt),
    unary('exp2', libm.exp2, true),
    // FUNC1A: glibc's erf and erfc set errno only on underflow, which math_1a lets pass, so math_1's checks never fire either
    unary('erf', libm.erf),
    unary('erfc', libm.erfc),
    withErrno('gamma', tgamma),
    withErrno('lgamma', lgamma),
    fn('pow', (a, k) => new PyFloat(mathPow(...(twoArgs('pow', a, k).map((v) => num('pow', v)) as [number, number])))),
    fn('fmod', (a, k) => {
      const [x, y] = twoArgs('fmod', a, k).map((v) => num('fmod', v));
      // math_fmod: x for an infinite y; a NaN from numbers (fmod(inf, 1), fmod(1, 0)) is a domain error
      if (!Number.isFinite(y) && y === y && Number.isFinite(x)) return new PyFloat(x);
      const r = x % y;
      if (r !== r && x === x && y === y) throw valueErr('math domain error');
      return new PyFloat(r);
    }),
    fn('copysign', (a, k) => {
      const [x, y] = twoArgs('copysign', a, k).map((v) => num('copysign', v));
      return new PyFloat(copysign(x, y));
    }),
    fn('frexp', (a, k) => {
      const [m, e] = frexp(num('frexp', bindArgs(FREXP, a, k)[0]));
      return new PyTuple([new PyFloat(m), e]);
    }),
    fn('ldexp', (a, k) => {
      const [xv, iv] = bindArgs(LDEXP, a, k);
      const x = num('ldexp', xv);
      const i = intOf(iv);
      if (i === undefined) throw typeErr('Expected an int as second argument to ldexp.');
      // an exponent past a C long is LONG_MAX or LONG_MIN to CPython: past any double's range either way
      const r = ldexp(x, typeof i === 'bigint' ? (i > 0n ? 1e6 : -1e6) : Math.max(-1e6, Math.min(1e6, i)));
      if (!Number.isFinite(r) && Number.isFinite(x)) throw pyErr(OverflowError, 'math range error');
      return new PyFloat(r);
    }),
    fn('modf', (a, k) => new PyTuple(modf(num('modf', bindArgs(MODF, a, k)[0])).map((v) => new PyFloat(v)))),
    fn('remainder', (a, k) => {
      const [x, y] = bindArgs(REMAINDER, a, k).map((v) => num('remainder', v));
      const r = remainder(x, y);
      // math_2: a NaN from numbers is a domain error (remainder(inf, 1), remainder(1, 0))
      if (r !== r && x === x && y === y) throw valueErr('math domain error');
      return new PyFloat(r);
    }),
    fn('isnan', (a, k) => Number.isNaN(num('isnan', oneArg('isnan', a, k)))),
    fn('isinf', (a, k) => {
      const x = num('isinf', oneArg('isinf', a, k));
      return x === Infinity || x === -Infinity;
    }),
    fn('isfinite', (a, k) => Number.isFinite(num('isfinite', oneArg('isfinite', a, k)))),
    fn('isclose', (a, k) => {
      const [x, y, rel = new PyFloat(1e-9), abs = new PyFloat(0)] = bind('isclose', a, k, ['a', 'b', 'rel_tol', 'abs_tol'], 2, undefined, { kwOnly: 2 }).map((v) => v);
      const [xa, ya, r, t] = [num('isclose', x), num('isclose', y), num('isclose', rel), num('isclose', abs)];
      if (r < 0 || t < 0) throw valueErr('tolerances must be non-negative');
      if (xa === ya) return true;
      if (!Number.isFinite(xa) || !Number.isFinite(ya)) return false;
      const diff = Math.abs(xa - ya);
      return diff <= Math.abs(r * ya) || diff <= Math.abs(r * xa) || diff <= t;
    }),
    fn('gcd', (a, k) => (noKeywords('gcd', k), tick(), int.gcd(...a.map(intArg)))),
    fn('lcm', (a, k) => (noKeywords('lcm', k), tick(), int.lcm(...a.map(intArg)))),
    fn('isqrt', (a, k) => int.isqrt(intArg(oneArg('isqrt', a, k)))),
    fn('factorial', (a, k) => int.factorial(intArg(oneArg('factorial', a, k)))),
    fn('comb', (a, k) => int.comb(...(twoArgs('comb', a, k).map(intArg) as [int.Int, int.Int]))),
    fn('perm', (a, kw) => {
      const [n, k] = kw === null && a.length >= 1 && a.length <= 2 ? a : bindArgs(PERM, a, kw);
      return int.perm(intArg(n), k === undefined || k === null ? undefined : intArg(k));
    }),
    fn('fsum', (a, k) => new PyFloat(fsum(toList(oneArg('fsum', a, k))))),
    unary('log1p', libm.log1p),
    unary('expm1', libm.expm1, true),
    fn('ulp', (a, k) => new PyFloat(ulp(num('ulp', oneArg('ulp', a, k))))),
    fn('nextafter', (a, k) => new PyFloat(nextafter(...(twoArgs('nextafter', a, k).map((v) => num('nextafter', v)) as [number, number])))),
    fn('dist', (a, k) => {
      const [p, q] = twoArgs('dist', a, k).map((v) => toList(v));
      if (p.length !== q.length) throw valueErr('both points must have the same number of dimensions');
      // math_dist: vector_norm of |p[i] - q[i]|, as hypot of the differences
      return new PyFloat(hypot(p.map((x, i) => (tick(), num('dist', x) - num('dist', q[i])))));
    }),
    fn('prod', (a, k) => {
      const [items, start = 1] = bind('prod', a, k, ['iterable', 'start'], 1, undefined, { posOnly: 1, kwOnly: 1 });
      let acc: Py = start;
      for (const v of toList(items)) {
        tick();
        acc = mul(acc, v);
      }
      return acc;
    }),
  ]),
);

/**
 * Shewchuk's exactly rounded sum: Modules/mathmodule.c's math_fsum (3.11). Items are read one
 * at a time, as CPython reads them, so an overflow stops before a later bad item is converted.
 */
function fsum(items: Py[]): number {
  const partials: number[] = [];
  let specialSum = 0;
  let infSum = 0;
  for (const item of items) {
    tick();
    let x = num('fsum', item);
    const xsave = x;
    let j = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[j++] = lo;
      x = hi;
    }
    partials.length = j;
    // CPython keeps no zero partial: fsum([-0.0]) is 0.0
    if (x === 0) continue;
    if (Number.isFinite(x)) {
      partials.push(x);
      continue;
    }
    // a non-finite x comes from an inf or nan summand, or from overflow of finite ones
    if (Number.isFinite(xsave)) throw pyErr(OverflowError, 'intermediate overflow in fsum');
    if (!Number.isNaN(xsave)) infSum += xsave;
    specialSum += xsave;
    partials.length = 0;
  }
  if (specialSum !== 0) {
    if (Number.isNaN(infSum)) throw valueErr('-inf + inf in fsum');
    return specialSum;
  }
  let hi = 0;
  let n = partials.length;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // round half to even across the remaining partials, as CPython does
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
  }
  return hi;
}


const STATISTICS = statisticsModule(MATH.attrs.get('fsum') as PyFunc, [...meanFunctions(MATH), ...pairFunctions(MATH.attrs.get('fsum') as PyFunc)]);
STATISTICS.attrs.set('NormalDist', normalDist(MATH, STATISTICS.attrs.get('stdev') as PyFunc, STATISTICS.attrs.get('mean') as PyFunc));

/** The modules a condition can import: nothing else of the host. */
export const MODULES: ReadonlyMap<string, PyModule> = new Map([
  ['re', RE],
  ['json', JSON_MODULE],
  ['math', MATH],
  ['string', STRING],
  ['functools', FUNCTOOLS],
  ['operator', OPERATOR],
  ['itertools', ITERTOOLS],
  ['datetime', DATETIME_MODULE],
  ['collections', COLLECTIONS],
  ['collections.abc', COLLECTIONS_ABC],
  ['time', TIME_MODULE],
  ['hashlib', HASHLIB],
  ['contextlib', CONTEXTLIB],
  ['unicodedata', UNICODEDATA],
  ['statistics', STATISTICS],
  ['cmath', CMATH],
  ['calendar', CALENDAR_MODULE],
  ['bisect', BISECT],
  ['heapq', HEAPQ],
  ['fnmatch', FNMATCH_MODULE],
  ['base64', BASE64],
  ['binascii', BINASCII],
  ['struct', STRUCT_MODULE],
  ['zlib', ZLIB_MODULE],
  ['copy', COPY_MODULE],
  ['pprint', PPRINT_MODULE],
  ['difflib', DIFFLIB_MODULE],
  ['html', HTML_MODULE],
  ['html.entities', ENTITIES_MODULE],
  ['textwrap', TEXTWRAP_MODULE],
  ['shlex', SHLEX_MODULE],
  ['urllib', URLLIB],
  ['urllib.parse', URLLIB_PARSE],
  ['dataclasses', DATACLASSES],
  ['typing', TYPING],
  ['decimal', DECIMAL_MODULE],
  ['fractions', FRACTIONS_MODULE],
  ['abc', ABC_MODULE],
  ['uuid', UUID_MODULE],
  ['enum', ENUM_MODULE],
  ['ipaddress', IPADDRESS_MODULE],
  ['keyword', KEYWORD_MODULE],
  ['numbers', NUMBERS_MODULE],
  ['types', typesModule()],
  ['graphlib', GRAPHLIB_MODULE],
]);

fileSharedObjects(MODULES, BUILTINS);
fileDirNames(MODULES, BUILTINS);
fileFunctionNames(MODULES, BUILTINS);
fileModuleFunctions(MODULES, BUILTINS);
