import { allocStr } from '../budget.js';
import { cpLen, cpString } from '../codepoints.js';
import { OverflowError, pyErr, valueErr } from '../exceptions.js';
import { maxCodePoint, strBeyondMemory } from '../sizes.js';
import { abs } from './arith.js';
import { type Int } from './int.js';
import { toDecimal } from './text.js';
import { payLinear } from './cost.js';
import { bitsBound } from './size.js';

// format(n, spec) for the int presentation types; the caller sends e E f F g G % to the
// float formatter with float(n), as CPython does. Width and precision are any Unicode decimal digits.
// a fill or type that is a lone high surrogate is its unit twice (codepoints.ts), two code points to the u flag
const SPEC = /^(?:([\uD800-\uDBFF][^]|.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\p{Nd}+)?([,_])?([,_])?(?:\.(\p{Nd}+))?([\uD800-\uDBFF][^]|.)?$/su;

/** |n|'s digits in the type's base ('' and n as 'd'), the 4,300-digit limit on decimals included. */
function digitsOf(n: Int, type: string): string {
  const a = abs(n);
  switch (type) {
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      payLinear(bitsBound(a));
      const s = a.toString(type === 'b' ? 2 : type === 'o' ? 8 : 16);
      return type === 'X' ? s.toUpperCase() : s;
    }
    default:
      return toDecimal(a);
  }
}

/** Digits in groups of `size` from the right, joined by sep; zero padding makes the groups too (format(1234, '08,') == '0,001,234'). */
function group(digits: string, sep: string, size: number, minWidth: number): string {
  // the fewest digits whose grouping is minWidth wide: k + floor((k - 1) / size) >= minWidth
  let k = Math.max(digits.length, minWidth - Math.floor(minWidth / (size + 1)));
  while (k > digits.length && k - 1 + Math.floor((k - 2) / size) >= minWidth) k--;
  while (k + Math.floor((k - 1) / size) < minWidth) k++;
  // the zeros fill the first group, then whole groups made by repeat (a width of 10**6 is 250,000 groups)
  const head = digits.length % size || size;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += size) groups.push(digits.slice(i, i + size));
  let zeros = k - digits.length;
  const first = Math.min(zeros, size - head);
  groups[0] = '0'.repeat(first) + groups[0];
  zeros -= first;
  const whole = Math.floor(zeros / size);
  const partial = zeros % size;
  return (partial > 0 ? '0'.repeat(partial) + sep : '') + ('0'.repeat(size) + sep).repeat(whole) + groups.join(sep);
}

/** A type character in CPython's words: 'x' when printable, else '\\x1f'. */
const quoted = (c: string): string => {
  const code = c.codePointAt(0)!;
  return code > 32 && code < 128 ? `'${c}'` : `'\\x${code.toString(16)}'`;
};

const PREFIXES: Record<string, string> = { b: '0b', o: '0o', x: '0x', X: '0X' };

/** format(n, spec) for an int (or a bool: `typeName`), with CPython's errors; `parsedWidth` the width format-spec.ts read. */
export function formatInt(n: Int, spec: string, typeName = 'int', parsedWidth?: number): string {
  const m = SPEC.exec(spec);
  if (m === null) throw valueErr(`Invalid format specifier '${spec}' for object of type 'int'`);
  const [, fillGiven, alignGiven, signGiven, z, alt, zero, widthText, grouping, secondGrouping, precision, type = 'd'] = m;
  if (secondGrouping !== undefined) throw valueErr(grouping === secondGrouping ? `Invalid format specifier '${spec}' for object of type 'int'` : "Cannot specify both ',' and '_'.");
  if (grouping !== undefined && !(grouping === '_' ? 'dbxXo' : 'd').includes(type)) throw valueErr(`Cannot specify '${grouping}' with ${quoted(type)}.`);
  if (!'bcdnoxX'.includes(type)) throw valueErr(`Unknown format code ${quoted(type)} for object of type '${typeName}'`);
  // format_long_internal's order
  if (precision !== undefined) throw valueErr('Precision not allowed in integer format specifier');
  if (z !== undefined) throw valueErr('Negative zero coercion (z) not allowed in integer format specifier');
  const sign = signGiven ?? '-';
  // Unicode digits ('٣') as parse_internal_render_format_spec reads them: its width, when the caller has it
  const width = parsedWidth ?? (widthText === undefined ? 0 : Number(widthText));
  // the 0 flag fills with zeros whatever the alignment (format(5, '<05') == '50000'), after the sign by default
  const fill = fillGiven ?? (zero !== undefined ? '0' : ' ');
  const align = alignGiven ?? (zero !== undefined ? '=' : '>');
  let body: string;
  let prefix = '';
  if (type === 'c') {
    if (signGiven !== undefined) throw valueErr("Sign not allowed with integer format specifier 'c'");
    if (alt !== undefined) throw valueErr("Alternate form (#) not allowed with integer format specifier 'c'");
    if (n > 2n ** 63n - 1n || n < -(2n ** 63n)) throw pyErr(OverflowError, 'Python int too large to convert to C long');
    if (!(n >= 0 && n < 0x110000)) throw pyErr(OverflowError, '%c arg not in range(0x110000)');
    body = cpString(Number(n));
  } else {
    prefix = (n < 0 ? '-' : sign === '-' ? '' : sign) + (alt !== undefined && type in PREFIXES ? PREFIXES[type] : '');
    body = digitsOf(n, type);
    if (grouping !== undefined) {
      const zeros = align === '=' && fill === '0' ? width - prefix.length : 0;
      allocStr(zeros);
      body = group(body, grouping, 'bxXo'.includes(type) ? 4 : 3, zeros);
    }
  }
  return pad(prefix, body, type === 'c' ? cpLen(body) : body.length, fill, align, width);
}

/** The padding to `width` characters (code points, as CPython counts them: the body has `count`). */
function pad(prefix: string, body: string, count: number, fill: string, align: string, width: number): string {
  const length = prefix.length + count;
  if (width <= length) return prefix + body;
  // a width past any machine's memory is CPython's MemoryError; one of 10**9 the sandbox's limit, before its padding exists
  strBeyondMemory(width, () => maxCodePoint(fill, body));
  allocStr(width);
  const padding = fill.repeat(width - length);
  switch (align) {
    case '<':
      return prefix + body + padding;
    case '^': {
      const left = Math.floor((width - length) / 2);
      return fill.repeat(left) + prefix + body + fill.repeat(width - length - left);
    }
    case '=':
      return prefix + padding + body;
    default:
      return padding + prefix + body;
  }
}

/**
 * '%d' % n and its kin (%i %u %x %X %o): flags '-+ #0', a width, and a precision that is
 * the least count of digits, as CPython's printf-style formatting.
 */
export function percentInt(n: Int, conv: 'd' | 'i' | 'u' | 'x' | 'X' | 'o', flags: string, width: number, precision: number): string {
  let digits = digitsOf(n, conv === 'i' || conv === 'u' ? 'd' : conv);
  if (precision > digits.length) {
    allocStr(precision);
    digits = digits.padStart(precision, '0');
  }
  const sign = n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const prefix = sign + (flags.includes('#') && conv in PREFIXES ? PREFIXES[conv] : '');
  if (width <= prefix.length + digits.length) return prefix + digits;
  allocStr(width);
  if (flags.includes('-')) return (prefix + digits).padEnd(width, ' ');
  if (flags.includes('0')) return prefix + digits.padStart(width - prefix.length, '0');
  return (prefix + digits).padStart(width, ' ');
}
