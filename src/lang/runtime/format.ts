import { allocItems, allocStr, charge, checkSize, countedCall, step } from './budget.js';
import { cpIndex, cpLen, cpSlice, cpString } from './codepoints.js';
import { MemoryError, OverflowError, pyErr, typeErr, TypeError_, valueErr, keyErr } from './exceptions.js';
import { formatInt, fromFloat, percentInt, toFloat, type Int } from './int/index.js';
import { intOf, isIntLike, num, toExponentialPy, toFixedPy } from './numbers.js';
import { asciiRepr, repr, str } from './repr.js';
import { formatFloatShort } from './float-short.js';
import { parseSpec, quotedType, type Spec } from './format-spec.js';
import { maxCodePoint, strBeyondMemory, widthArg } from './sizes.js';
import { getitem } from './items.js';
import { asDoubleOfClass, intOfClass, isNumberOfClass } from './numeric-dunders.js';
import { protocolMethod, slotsOf, typeOf } from './types/table.js';
import { octetsOf } from './bytes-like.js';
import { classBytes } from './bytes-dunder.js';
import { isListLike, isTupleLike, openCollection } from './hooked-collection.js';
import { PyInstance } from './class-values.js';
import { latin1, PyBytes, PyDict, PyException, PyFloat, PyIntBox, PyStrBox, PyTuple, sharedBytes, typeName, type Py } from './values.js';

export { parseSpec, type Spec } from './format-spec.js';

export function group(digits: string, sep: string, size = 3): string {
  let out = '';
  for (let i = digits.length; i > 0; i -= size) out = digits.slice(Math.max(0, i - size), i) + (out === '' ? '' : sep + out);
  return out;
}

export function pad(body: string, prefix: string, spec: Spec, defaultAlign: string): string {
  // widths count code points: the prefix is ASCII, the body and the fill may not be
  const total = prefix.length + cpLen(body);
  if (spec.width <= total) return prefix + body;
  // a width past any machine's memory is CPython's MemoryError; one of 400,000,000 the sandbox's limit, before its padding exists
  strBeyondMemory(spec.width, () => maxCodePoint(spec.fill, body));
  allocStr(spec.width);
  const n = spec.width - total;
  const fill = spec.fill.repeat(n);
  switch (spec.align || defaultAlign) {
    case '<':
      return prefix + body + fill;
    case '^': {
      const left = Math.floor(n / 2);
      return spec.fill.repeat(left) + prefix + body + spec.fill.repeat(n - left);
    }
    case '=':
      return prefix + fill + body;
    default:
      return fill + prefix + body;
  }
}

function expFix(s: string): string {
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** The alternate form (#): a float keeps its decimal point ('%#.0f' % 5 == '5.'). */
function withPoint(body: string, alt: boolean): string {
  if (!alt || body.includes('.')) return body;
  const at = body.search(/[e%]/);
  return at < 0 ? body + '.' : body.slice(0, at) + '.' + body.slice(at);
}

/** How many digits a finite float's integer part has in fixed notation ('0' for one below 1). */
function fixedIntDigits(x: number): number {
  const ax = Math.abs(x);
  return ax < 1e15 ? String(Math.floor(ax)).length : BigInt(Math.floor(ax)).toString().length;
}

/** A float in one of the types e, f, g, % (lower case; upper-cased by the caller). */
export function floatBody(x: number, type: string, precision: number, alt: boolean): string {
  // '%' keeps its sign on inf and nan, as on a finite x whose hundredfold overflows ('inf%', not 'Infinity%')
  if (!Number.isFinite(type === '%' ? x * 100 : x)) return (x !== x ? 'nan' : 'inf') + (type === '%' ? '%' : '');
  // the digits a precision asks for are made before any width pads them: refuse them first,
  // with the integer part's (309 of 1e308) and the point that 'f' and '%' write before them
  if (precision > 100) allocStr(precision + (type === 'f' || type === '%' ? fixedIntDigits(type === '%' ? x * 100 : x) + 1 + (type === '%' ? 1 : 0) : 0));
  switch (type) {
    case 'e':
      return withPoint(expFix(toExponentialPy(x, precision < 0 ? 6 : precision)), alt);
    case 'f':
      return withPoint(toFixedPy(x, precision < 0 ? 6 : precision), alt);
    case '%':
      return withPoint(toFixedPy(x * 100, precision < 0 ? 6 : precision) + '%', alt);
    default:
      return formatFloatShort(x, 'g', precision < 0 ? 6 : precision, false, alt);
  }
}

/** A float's format (ints have int/format.ts's formatInt, or arrive here as float(n)). */
function formatNumber(v: PyFloat, spec: Spec): string {
  const x = v.v;
  let type = spec.type;
  const negative = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let body: string;
  if (type !== '' && !'eEfFgGn%'.includes(type)) throw valueErr(`Unknown format code ${quotedType(type)} for object of type 'float'`);
  // format_float_internal: PyOS_double_to_string takes a C int
  if (spec.precision > 2 ** 31 - 1) throw valueErr('precision too big');
  const upper = type === 'E' || type === 'F' || type === 'G';
  type = type.toLowerCase();
  // no type: repr's digits, or 'g''s at a precision, always with a '.0' or an exponent
  if (type === '' && !Number.isFinite(ax)) body = ax !== ax ? 'nan' : 'inf';
  else if (type === '') {
    if (spec.precision > 100) allocStr(spec.precision);
    body = formatFloatShort(ax, spec.precision < 0 ? 'r' : 'g', spec.precision, true, spec.alt);
  } else body = floatBody(ax, type === 'n' ? 'g' : type, spec.precision, spec.alt);
  if (upper) body = body.toUpperCase();
  if (spec.grouping) {
    const dot = body.search(/[.eE%]/);
    const intPart = dot < 0 ? body : body.slice(0, dot);
    if (/^\d+$/.test(intPart)) body = group(intPart, spec.grouping) + (dot < 0 ? '' : body.slice(dot));
  }
  // z: a finite float whose digits are all zeros is not negative (format_float_short: inf keeps its sign)
  const zeroed = spec.noNegativeZero && Number.isFinite(type === '%' ? x * 100 : x) && !/[1-9]/.test(body.replace(/e.*$/i, ''));
  const sign = negative && !zeroed ? '-' : spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
  if (spec.align === '=' && spec.fill === '0' && spec.grouping && spec.width > 0 && Number.isFinite(type === '%' ? x * 100 : x)) {
    // zero padding takes part in grouping, as in Python: format(1234, '08,') == '0,001,234'
    const size = 3;
    const digits = /^[\d,_]*/.exec(body)![0];
    const rest = body.slice(digits.length);
    const want = spec.width - sign.length - rest.length;
    // the padding is refused before it is made, and its digit count found at once (it grew a zero at a time)
    allocStr(want);
    const raw = digits.split(spec.grouping).join('');
    const grouped = (k: number) => k + Math.floor((k - 1) / size);
    let k = Math.max(raw.length, want - Math.floor(want / (size + 1)));
    while (k > raw.length && grouped(k - 1) >= want) k--;
    while (grouped(k) < want) k++;
    body = group(raw.padStart(k, '0'), spec.grouping, size) + rest;
  }
  const out = pad(body, sign, spec, '>');
  // the sign and a grouping's separators may take it past the limit the digits kept within, as printf-style % refuses
  checkSize(out.length);
  return out;
}

/** format(value, spec), and the `{x:spec}` of f-strings and str.format. */
export function formatValue(v: Py, specText: string): string {
  if (specText === '') {
    if (typeof v !== 'object' || v === null) return str(v);
    const type = typeOf(v);
    // object.__format__, called: a level toward the recursion limit before its str
    return type.formatsEmpty === true ? type.format!(v, '') : countedCall(() => str(v));
  }
  // a type that words its own format spec (datetime: strftime)
  const own = typeof v === 'object' && v !== null ? typeOf(v).format : undefined;
  if (own !== undefined) return own(v, specText);
  return formatBuiltin(v, specText);
}

/** str's, int's and float's own format of a non-empty spec, named by the value's type: what a subclass's __format__ falls back to (value-dunders.ts). */
export function formatBuiltin(v: Py, specText: string): string {
  if (typeof v === 'string') {
    const spec = parseSpec(specText, 'str', 's');
    if (spec.type !== 's') throw valueErr(`Unknown format code ${quotedType(spec.type)} for object of type 'str'`);
    if (spec.sign !== '') throw valueErr(spec.sign === ' ' ? 'Space not allowed in string format specifier' : 'Sign not allowed in string format specifier');
    if (spec.noNegativeZero) throw valueErr('Negative zero coercion (z) not allowed in string format specifier');
    if (spec.alt) throw valueErr('Alternate form (#) not allowed in string format specifier');
    if (spec.align === '=') throw valueErr("'=' alignment not allowed in string format specifier");
    return pad(spec.precision >= 0 ? truncate(v, spec.precision) : v, '', spec, '<');
  }
  if (isIntLike(v) || v instanceof PyFloat) {
    // an int in its own types, of any size; in a float's (e f g %) as float(n)
    const x = intOf(v);
    const spec = parseSpec(specText, typeName(v), x === undefined ? '' : 'd');
    if (x !== undefined) {
      if (!'eEfFgG%'.includes(spec.type)) return formatInt(x, specText, typeName(v), spec.width);
      v = new PyFloat(toFloat(x));
    }
    return formatNumber(v as PyFloat, spec.zero && spec.align === '' ? { ...spec, align: '=' } : spec);
  }
  throw typeErr(`unsupported format string passed to ${typeName(v)}.__format__`);
}

// ---------------------------------------------------------------- printf-style

const SSIZE_MAX = (1n << 63n) - 1n;
const INT_MAX = 2n ** 31n - 1n;
/** Decimal digits whose value is past max, read without a BigInt of a million digits. */
const past = (digits: string, max: bigint): boolean => {
  const significant = digits.replace(/^0+/, '');
  return significant.length > 19 || (significant !== '' && BigInt(significant) > max);
};

// a '.' with no digits after it is a precision of 0, as CPython reads it ('%.f' % 1.5 is '2')
// what follows the '%' and its key (read by formatKeyEnd: a key counts its parentheses)
const PERCENT = /([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?[hlL]?([diouxXeEfFgGcrsa%])?/y;
// bytes also have %b
const PERCENT_BYTES = /([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?[hlL]?([diouxXeEfFgGcrsab%])?/y;

/**
 * Where a directive's '%(key)' ends, after its ')': unicode_format_arg_parse counts nested
 * parentheses, so '%((a))s' names '(a)'. -1 where the key never ends. The walk is paid as
 * a native one (a step per 32 characters).
 */
function formatKeyEnd(fmt: string, open: number): number {
  let depth = 1;
  let i = open + 1;
  for (; i < fmt.length && depth > 0; i++) {
    const c = fmt.charCodeAt(i);
    if (c === 0x28) depth++;
    else if (c === 0x29) depth--;
  }
  charge((i - open) >> 5);
  return depth > 0 ? -1 : i;
}

function toNumberFor(conv: string, v: Py, bytes = false): Py {
  if (isIntLike(v)) return v;
  const own = classNumberFor(conv, v);
  if (own !== undefined) return own;
  // a module's numeric type's nb_int for d i u, nb_float for the floats' conversions (fractions.Fraction, decimal.Decimal)
  if (v !== null && typeof v === 'object' && !(v instanceof PyFloat) && !(v instanceof PyIntBox)) {
    const nb = 'diu'.includes(conv) ? '__int__' : 'eEfFgG'.includes(conv) ? '__float__' : undefined;
    const native = nb === undefined ? undefined : protocolMethod(v, nb);
    if (native !== undefined) return native(v, [], null);
  }
  // %o %x %X ask __index__ of anything not an int: a float subclass's own, if it has one
  if (v instanceof PyFloat && (v.constructor === PyFloat || !'oxX'.includes(conv))) return v;
  if (v instanceof PyIntBox) return v.value;
  // a class's __index__: PyNumber_Index for o x X and PyNumber_Long for d i u, whose TypeError is the words below; PyNumber_Float lets it through
  const index = conv === 'c' ? undefined : 'diouxX'.includes(conv) ? indexOrTypeError(v) : v !== null && typeof v === 'object' ? slotsOf(v)?.index?.(v) : undefined;
  if (index !== undefined && index !== TYPE_ERROR) return index;
  const what = 'diouxXc'.includes(conv) ? (conv === 'c' ? '%c requires int or char' : `%${conv} format: ${'oxX'.includes(conv) ? 'an integer' : 'a real number'} is required, not ${typeName(v)}`) : `${bytes ? 'float argument required' : 'must be real number'}, not ${typeName(v)}`;
  // bytes' formatfloat words PyFloat_AsDouble's failure its own way
  throw typeErr(what);
}

/**
 * A class's turns (numeric-dunders.ts): for d, i and u of a number (PyNumber_Check), PyNumber_Long's,
 * whose TypeError is mainformatlong's wrongtype; for the floats' conversions, PyFloat_AsDouble's __float__.
 */
function classNumberFor(conv: string, v: Py): Py | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  if ('eEfFgG'.includes(conv)) {
    const x = asDoubleOfClass(v);
    return x === undefined ? undefined : new PyFloat(x);
  }
  // an int subclass's instance is an int (PyLong_Check)
  if (!'diu'.includes(conv) || v instanceof PyIntBox || !isNumberOfClass(v)) return undefined;
  try {
    const n = intOfClass(v);
    // a float subclass's own nb_int, below
    if (n !== undefined || v instanceof PyFloat) return n;
  } catch (e) {
    if (!(e instanceof PyException && !e.fatal && e.type.isSubclassOf(TypeError_))) throw e;
  }
  throw typeErr(`%${conv} format: a real number is required, not ${typeName(v)}`);
}

const TYPE_ERROR = Symbol('TypeError');

/** v's __index__, undefined without one, TYPE_ERROR where it raised a TypeError (mainformatlong's wrongtype). */
function indexOrTypeError(v: Py): Int | undefined | typeof TYPE_ERROR {
  if (v === null || typeof v !== 'object') return undefined;
  try {
    return slotsOf(v)?.index?.(v);
  } catch (e) {
    if (e instanceof PyException && !e.fatal && e.type.isSubclassOf(TypeError_)) return TYPE_ERROR;
    throw e;
  }
}

/** s's first n code points: a precision applied to a str. */
const truncate = (s: string, n: number): string => (n >= s.length ? s : cpSlice(s, 0, Math.min(n, cpLen(s))));

/** The character of an int for %c and format(n, 'c'), with CPython's OverflowError out of range. */
function codePointChar(n: number): string {
  if (!(n >= 0 && n < 0x110000)) throw pyErr(OverflowError, '%c arg not in range(0x110000)');
  return cpString(n);
}

/** '%c' % v: an int, or a str of one character. */
function percentChar(v: Py): string {
  // a str or int subclass's instance is a str or an int (PyUnicode_Check, PyLong_Check)
  if (v instanceof PyStrBox || v instanceof PyIntBox) v = v.value;
  else {
    // PyLong_AsLongAndOverflow takes a class's __index__; its TypeError is the words below
    const index = indexOrTypeError(v);
    if (index !== undefined && index !== TYPE_ERROR) v = index;
  }
  if (typeof v === 'string') {
    if (v.length > 0 && v.length <= 2 && cpLen(v) === 1) return v;
  } else if (isIntLike(v)) return codePointChar(Number(v));
  throw typeErr('%c requires int or char');
}

/** '%c' % v for bytes: an int in range(256), or a bytes of one byte (as latin-1 text). */
function percentByte(v: Py): string {
  if (v instanceof PyIntBox) v = v.value;
  if (v instanceof PyBytes) {
    if (v.data.length === 1) return v.latin1();
  } else if (isIntLike(v)) {
    const n = Number(v);
    if (!(n >= 0 && n < 256)) throw pyErr(OverflowError, '%c arg not in range(256)');
    return String.fromCharCode(n);
  }
  throw typeErr('%c requires an integer in range(256) or a single byte');
}

/** '%s' % v and '%b' % v for bytes: a bytes-like object (as latin-1 text), else a class's __bytes__ (format_obj). */
function percentBytes(v: Py): string {
  const octets = octetsOf(v) ?? classBytes(v)?.data;
  if (octets !== undefined && octets !== null) return latin1(octets);
  throw typeErr(`%b requires a bytes-like object, or an object that implements __bytes__, not '${typeName(v)}'`);
}

/**
 * str % args: %s %r %d %i %f %e %g %x %o %c with flags, width and precision. With `bytes`,
 * bytes % args on the octets as latin-1 text, as bytesobject.c has it: %s and %b take bytes,
 * %r and %a are ascii(), %c a byte.
 */
export function percentFormat(fmt: string, args: Py, bytes = false): string {
  const mapping = args instanceof PyDict ? args : null;
  // a tuple subclass's hooked instance is its items (PyTuple_Check)
  let items = args instanceof PyTuple ? args.items : isTupleLike(args) ? (openCollection(args) as PyTuple).items : [args];
  let next = 0;
  const take = (): Py => {
    if (next >= items.length) throw typeErr('not enough arguments for format string');
    return items[next++];
  };
  let usedMapping = false;
  // CPython skips the check for arguments left over when the argument is a mapping by its rules: a dict, or a list
  // PyMapping_Check: a value with a subscript takes the place of a mapping, so no argument is left over (str's own, a tuple's, and for bytes a bytes' or bytearray's, excepted)
  const mappingLike = (): boolean =>
    mapping !== null || isListLike(args) || typeName(args) === 'range' || typeName(args) === 'memoryview' || (!bytes && args instanceof PyBytes) || (args instanceof PyInstance && args.cls.lookup('__getitem__') !== undefined);
  // a bytes format's keys as bytes, each made once: '%(a)s' * 200000 names one key
  const byteKeys = new Map<string, PyBytes>();
  // what the conversions have made so far: each is within the size limit, and so is their sum
  let made = 0;
  // One directive at a time, each paid before it is read: String.prototype.replace with a
  // callback matches every directive first, unpaid (200,000 of them held a run 150-370 ms).
  const directive = bytes ? PERCENT_BYTES : PERCENT;
  const pieces: string[] = [];
  let copied = 0;
  for (let at = fmt.indexOf('%'); at >= 0; at = fmt.indexOf('%', copied)) {
    // a conversion costs some 5 µs, far more than the characters it copies: a step each, as a str.format field
    step();
    let key: string | undefined;
    let tail = at + 1;
    if (fmt.charCodeAt(tail) === 0x28) {
      const end = formatKeyEnd(fmt, tail);
      if (end < 0) throw valueErr('incomplete format key');
      key = fmt.slice(tail + 1, end - 1);
      tail = end;
    }
    directive.lastIndex = tail;
    const m = directive.exec(fmt)!;
    const whole = fmt.slice(at, tail + m[0].length);
    const piece = convert(whole, key, m[1], m[2], m[3], m[4], at);
    made += piece.length;
    checkSize(made);
    pieces.push(fmt.slice(copied, at), piece);
    copied = at + whole.length;
  }
  pieces.push(fmt.slice(copied));
  const out = pieces.join('');
  /** A bytes format's key: bytes, each made once. */
  function byteKey(key: string): PyBytes {
    const k = byteKeys.get(key) ?? new PyBytes(new Uint8Array(Buffer.from(key, 'latin1')));
    byteKeys.set(key, k);
    return k;
  }
  function lookup(key: string): Py {
    if (mapping === null) {
      // any other mapping by PyMapping_Check's rule is subscripted: '%(a)s' % [] is the list's TypeError
      if (!mappingLike()) throw typeErr('format requires a mapping');
      return getitem(args, bytes ? byteKey(key) : key);
    }
    usedMapping = true;
    const k = bytes ? byteKey(key) : key;
    // PyObject_GetItem: a subclass's __getitem__ or __missing__
    if (mapping.constructor !== PyDict) return getitem(mapping, k);
    const v = mapping.get(k);
    if (v === undefined) throw keyErr(k);
    return v;
  }
  function convert(whole: string, key: string | undefined, flags: string, width: string | undefined, prec: string | undefined, conv: string | undefined, at: number): string {
    // unicode_format_arg_parse reads a width as a Py_ssize_t and a precision as a C int, refused before they overflow
    if (width !== undefined && width !== '*' && past(width, SSIZE_MAX)) throw valueErr('width too big');
    if (prec !== undefined && prec !== '*' && past(prec, INT_MAX)) throw valueErr(bytes ? 'prec too big' : 'precision too big');
    // a character that is no conversion is refused once the key, the *s and the argument are taken (unicode_format_arg): '%z' % () has not enough arguments
    let unsupported: PyException | undefined;
    if (conv === undefined) {
      // the text ended inside the directive, or a character that is no conversion follows it
      const next = at + whole.length;
      // '%.' or '%5' at the end: a precision or width still to come
      if (next >= fmt.length || (fmt[next] === '.' && next + 1 >= fmt.length)) throw valueErr('incomplete format');
      const c = fmt.codePointAt(next)!;
      // CPython 3.11 words a bytes format's octet as a signed char: one past 0x7f cannot be shown, and that is its error
      // a str format shows a character outside ' ' to '~' (and 0x1f) as '?'; a bytes format shows its octet
      const shown = bytes || (c >= 31 && c <= 126) ? String.fromCodePoint(c) : '?';
      unsupported = bytes && c > 0x7f ? pyErr(OverflowError, 'character argument not in range(0x110000)') : valueErr(`unsupported format character '${shown}' (0x${c.toString(16)}) at index ${cpIndex(fmt, next)}`);
    }
    if (conv === '%' && whole === '%%') return '%';
    if (key !== undefined) {
      // unicode_format_arg_parse: the key's value is the arguments from here on, so that a
      // '*' takes it, and a directive without a key after it finds none ('%(a)s %s')
      items = [lookup(key)];
      next = 0;
    }
    // '%' converts nothing: '%5%' and '%#.0%' are errors at the second '%', once an argument is taken
    if (conv === '%') {
      take();
      throw valueErr(`unsupported format character '%' (0x25) at index ${cpIndex(fmt, at + whole.length - 1)}`);
    }
    // a width is a Py_ssize_t, a precision a C int, as CPython reads them
    const starWidth = (): number => {
      const n = take();
      if (!isIntLike(n)) throw typeErr('* wants int');
      const w = widthArg(n);
      // -(2**63) cannot be negated: C leaves it negative, so no padding at all
      if (w === -(1n << 63n)) return 0;
      return Number(w);
    };
    const starPrecision = (): number => {
      const n = take();
      if (!isIntLike(n)) throw typeErr('* wants int');
      const p = Number(n);
      if (p > 2 ** 31 - 1 || p < -(2 ** 31)) throw pyErr(OverflowError, 'Python int too large to convert to C int');
      return p;
    };
    const signedWidth = width === '*' ? starWidth() : width === undefined ? 0 : Number(width);
    // a negative width from * justifies left; a negative precision is none
    const w = Math.abs(signedWidth);
    // a padding no machine could hold, before the sandbox's size limit
    if (w >= 2 ** 47) throw pyErr(MemoryError);
    const p = prec === '*' ? Math.max(0, starPrecision()) : prec === undefined ? -1 : Number(prec);
    const v = take();
    if (unsupported !== undefined || conv === undefined) throw unsupported!;
    const left = flags.includes('-') || signedWidth < 0;
    const spec: Spec = {
      fill: flags.includes('0') && !left && !'srac'.includes(conv) ? '0' : ' ',
      align: left ? '<' : flags.includes('0') && !'srac'.includes(conv) ? '=' : '>',
      sign: flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '',
      zero: false,
      noNegativeZero: false,
      alt: flags.includes('#'),
      width: w,
      grouping: '',
      precision: p,
      type: '',
    };
    switch (conv) {
      case 'b':
      case 's':
      case 'r':
      case 'a': {
        let s = bytes ? (conv === 'r' || conv === 'a' ? asciiRepr(v) : percentBytes(v)) : conv === 's' ? str(v) : conv === 'r' ? repr(v) : asciiRepr(v);
        if (p >= 0) s = truncate(s, p);
        return pad(s, '', spec, '>');
      }
      case 'c':
        return pad(bytes ? percentByte(v) : percentChar(v), '', spec, '>');
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        const n = toNumberFor(conv, v);
        if (n instanceof PyFloat && !'diu'.includes(conv)) throw typeErr(`%${conv} format: an integer is required, not float`);
        // a float through int(): '%d' % 1e30 has all 31 digits
        const x = n instanceof PyFloat ? fromFloat(n.v) : intOf(n)!;
        return percentInt(x, conv, flags + (left ? '-' : ''), w, p);
      }
      default: {
        const n = toNumberFor(conv, v, bytes);
        spec.type = conv;
        if (p < 0) spec.precision = 6;
        return formatNumber(n instanceof PyFloat ? n : new PyFloat(num(n)!), spec);
      }
    }
  }
  if (!usedMapping && next < items.length && !mappingLike()) throw typeErr(`not all arguments converted during ${bytes ? 'bytes' : 'string'} formatting`);
  return out;
}

/** bytes % args (and a bytearray's, made a bytearray): the octets as latin-1 text, a walk of them charged, formatted as bytes format, made bytes within the size limit. */
export function bytesPercent(fmt: PyBytes, args: Py): PyBytes {
  charge(fmt.data.length / 32);
  const out = percentFormat(fmt.latin1(), args, true);
  allocItems(out.length);
  const data = new Uint8Array(Buffer.from(out, 'latin1'));
  // bytes' through _PyBytesWriter, which shares b'' and one octet
  return fmt.isByteArray() ? fmt.like(data) : sharedBytes(data);
}
