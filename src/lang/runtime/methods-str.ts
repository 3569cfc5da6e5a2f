import { SPACES } from './py-space.js';
import { bind, cIntArg, indexArg, indexOf } from './args.js';
import { checkedMethods, type Arity } from './arity.js';
import { allocStr, charge, checkSize, countedCall, paidTick, step, tick, work } from './budget.js';
import { indexErr, keyErr, OverflowError, pyErr, typeErr, valueErr } from './exceptions.js';
import { formatValue } from './format.js';
import { getitem, iterate } from './ops.js';
import { iterableOr } from './iteration.js';
import { asciiRepr, repr, str } from './repr.js';
import { caseFold, lowerChar, toTitle, upperChar } from './case-mappings.js';
import { astral, cpAt, cpChars, cpCodes, cpIndex, cpLen, cpStarts, unitOffset } from './codepoints.js';
import { encode } from './bytes.js';
import { maxCodePoint, strBeyondMemory, widthArg } from './sizes.js';
import { in14, mapCase, set14 } from './unicode-14.js';
import { CLASS_14 } from './unicode-since-14-table.js';
import { isIdentifier, isPrintable, maketrans, translate } from './str-translate.js';
import { countCp, endsWithCp, indexOfCp, lastIndexOf, lastIndexOfCp, mayCut, rmatchesCp, splitCp, startsWithCp } from './str-search.js';
import { argTypeName, PyDict, PyIntBox, PyStrBox, PyTuple, typeName, type Py } from './values.js';
import { type Method } from './attributes.js';
import { getattrByName } from './builtins-reflect.js';
import { fieldIndex, fieldRest, parseField } from './modules/string-formatter-parse.js';

const WHITESPACE = ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
const isWs = (ch: string) => WHITESPACE.includes(ch);

/** A str argument; `what` is CPython's wording before 'must be str', which varies by method: a named one is Clinic's, which calls None 'None'. */
function strArg(what: string, v: Py): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyStrBox) return v.value;
  throw typeErr(`${what}must be str, not ${what === '' ? typeName(v) : argTypeName(v)}`);
}

function optInt(v: Py): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  // a huge bound is clamped to the string, as CPython's
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyIntBox) return Number(v.value);
  // _PyEval_SliceIndex: a class's __index__ too
  const k = indexOf(v);
  if (k !== undefined) return Number(k);
  throw typeErr(`slice indices must be integers or None or have an __index__ method`);
}

/**
 * The [start, end) window of str.find, count, startswith and friends, as ADJUST_INDICES
 * makes it: the end clamped to the string, the start only from below, so that a start
 * past the end leaves an empty window in which not even '' is found. In code points.
 */
function cpWindow(s: string, start: Py, end: Py): [number, number] {
  const len = cpLen(s);
  let a = optInt(start) ?? 0;
  let b = optInt(end) ?? len;
  if (b > len) b = len;
  else if (b < 0) b = Math.max(0, b + len);
  if (a < 0) a = Math.max(0, a + len);
  return [a, b];
}

/** cpWindow in units of s; a start past the end stays past it. */
function window(s: string, start: Py, end: Py): [number, number] {
  const [a, b] = cpWindow(s, start, end);
  if (!astral(s)) return [a, b];
  const len = cpLen(s);
  return [a > len ? s.length + a - len : unitOffset(s, a), unitOffset(s, b)];
}

function strip(s: string, chars: Py, left: boolean, right: boolean, fname: string): string {
  const set = chars === undefined || chars === null ? null : typeof chars === 'string' ? chars : chars instanceof PyStrBox ? chars.value : (() => {
    throw typeErr(`${fname} arg must be None or str`);
  })();
  if (set !== null && SURROGATE.test(set)) return stripCodePoints(s, set, left, right);
  const drop = set === null ? isWs : (ch: string) => set.includes(ch);
  let a = 0;
  let b = s.length;
  if (left) while (a < b && drop(s[a])) a++;
  if (right) while (b > a && drop(s[b - 1])) b--;
  return s.slice(a, b);
}

const SURROGATE = /[\ud800-\udfff]/;

/** strip by code points, for chars that hold a surrogate: a unit's test would take half a pair for a character. */
function stripCodePoints(s: string, chars: string, left: boolean, right: boolean): string {
  const drop = new Set(cpCodes(chars));
  // where s's code points start: a lone high's second unit, or a pair's, is no place to stop
  const t = cpStarts(s);
  let a = 0;
  let b = t === null ? s.length : t.length - 1;
  const at = (i: number) => (t === null ? i : t[i]);
  if (left) while (a < b && drop.has(s.codePointAt(at(a))!)) a++;
  if (right) while (b > a && drop.has(s.codePointAt(at(b - 1))!)) b--;
  return s.slice(at(a), at(b));
}

function splitWhitespace(s: string, maxsplit: number, fromRight: boolean): string[] {
  const words: string[] = [];
  if (!fromRight) {
    let i = 0;
    while (i < s.length) {
      while (i < s.length && isWs(s[i])) i++;
      if (i >= s.length) break;
      if (maxsplit >= 0 && words.length === maxsplit) {
        // the rest as it is: ' a b '.split(None, 1) == ['a', 'b ']
        words.push(s.slice(i));
        break;
      }
      const start = i;
      while (i < s.length && !isWs(s[i])) i++;
      // paid for by the receiver's length, but a word at a time is far slower than a character
      paidTick();
      words.push(s.slice(start, i));
    }
    return words;
  }
  let i = s.length;
  while (i > 0) {
    while (i > 0 && isWs(s[i - 1])) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && words.length === maxsplit) {
      words.push(s.slice(0, i));
      break;
    }
    const end = i;
    while (i > 0 && !isWs(s[i - 1])) i--;
    paidTick();
    words.push(s.slice(i, end));
  }
  return words.reverse();
}

function split(s: string, args: Py[], kw: Map<string, Py> | null, fromRight: boolean): string[] {
  const fname = fromRight ? 'rsplit' : 'split';
  const [sepArg, maxArg] = bind(fname, args, kw, ['sep', 'maxsplit']);
  const maxsplit = maxArg === undefined ? -1 : Number(widthArg(maxArg));
  if (sepArg === undefined || sepArg === null) return splitWhitespace(s, maxsplit, fromRight);
  const sep = typeof sepArg !== 'string' && sepArg instanceof PyStrBox ? sepArg.value : sepArg;
  if (typeof sep !== 'string') throw typeErr(`must be str or None, not ${typeName(sepArg)}`);
  if (sep === '') throw valueErr('empty separator');
  if (fromRight) return rsplitSep(s, sep, maxsplit);
  const parts = splitCp(s, sep);
  if (maxsplit < 0 || parts.length - 1 <= maxsplit) return parts;
  return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
}

/** s.rsplit(sep, maxsplit): matches taken from the right, which differ from split's where sep overlaps itself ('aaa'.rsplit('aa')). */
function rsplitSep(s: string, sep: string, maxsplit: number): string[] {
  const parts: string[] = [];
  let end = s.length;
  // a sep that may cut a pair: one walk for all its matches, not one from the start per match
  const found = mayCut(sep) ? rmatchesCp(s, sep) : null;
  while (end >= sep.length && (maxsplit < 0 || parts.length < maxsplit)) {
    const i = found === null ? lastIndexOf(s, sep, end - sep.length) : (found[parts.length] ?? -1);
    if (i < 0) break;
    parts.push(s.slice(i + sep.length, end));
    end = i;
  }
  parts.push(s.slice(0, end));
  return parts.reverse();
}

const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

function affix(fname: string, s: string, args: Py[], test: (s: string, p: string) => boolean): boolean {
  const [given, start, end] = args;
  const prefix = typeof given !== 'string' && given instanceof PyStrBox ? given.value : given;
  const [a, b] = window(s, start, end);
  const sub = s.slice(a, b);
  // tailmatch: nothing matches in an empty window, not even ''
  // a comparison reads as much of the text as the prefix holds: paid for each one tried
  if (typeof prefix === 'string') return a <= b && (work(Math.min(prefix.length, sub.length)), test(sub, prefix));
  if (prefix instanceof PyTuple) {
    return prefix.items.some((item) => {
      const p = typeof item !== 'string' && item instanceof PyStrBox ? item.value : item;
      if (typeof p !== 'string') throw typeErr(`tuple for ${fname} must only contain str, not ${typeName(p)}`);
      return a <= b && (work(Math.min(p.length, sub.length)), test(sub, p));
    });
  }
  throw typeErr(`${fname} first arg must be str or a tuple of str, not ${typeName(prefix)}`);
}

function find(s: string, args: Py[], fromRight: boolean): number {
  const [subArg, start, end] = args;
  // the bounds first, as Argument Clinic converts them before the substring is looked at
  const [a, b] = window(s, start, end);
  const sub = strArg('', subArg);
  if (b - a < sub.length) return -1;
  const i = fromRight ? lastIndexOfCp(s, sub, b - sub.length, lastIndexOf) : indexOfCp(s, sub, a);
  return i >= a && i + sub.length <= b ? cpIndex(s, i) : -1;
}

/** A width of any size within Py_ssize_t: CPython's MemoryError for a padded str no machine could hold. */
function padWidth(s: string, w: number | bigint, fill: string): number {
  strBeyondMemory(w, () => maxCodePoint(s, fill));
  return Number(w);
}

function justify(s: string, args: Py[], how: 'l' | 'r' | 'c'): string {
  // the width is read first, as Argument Clinic reads it
  const w = widthArg(args[0]);
  const fill = args.length > 1 ? (args[1] instanceof PyStrBox ? args[1].value : args[1]) : ' ';
  // Argument Clinic's converter: a non-str by its type's name, a str of another length in its words
  if (typeof fill !== 'string') throw typeErr(`The fill character must be a unicode character, not ${typeName(fill)}`);
  if (cpLen(fill) !== 1) throw typeErr('The fill character must be exactly one character long');
  const width = padWidth(s, w, fill);
  const n = width - cpLen(s);
  if (n <= 0) return s;
  allocStr(width);
  if (how === 'l') return s + fill.repeat(n);
  if (how === 'r') return fill.repeat(n) + s;
  const left = Math.floor(n / 2) + (n & width & 1);
  return fill.repeat(left) + s + fill.repeat(n - left);
}

/** A case mapping's result, within the size limit: one character may become three ('ﬃ'.upper() is 'FFI'). */
const sized = (s: string): string => (checkSize(s.length), s);
const toLower = (s: string): string => s.toLowerCase();
const toUpper = (s: string): string => s.toUpperCase();

/**
 * A test of each character's Unicode properties: one native scan, though at 35-40 ms a million
 * CJK characters, twice what the length's charge (paidByLength) pays: the other half is paid here.
 */
const byProperty = (test: (s: string) => boolean) => (s: string): boolean => {
  if (s.length > 32) work(s.length);
  return test(s);
};
const every = (re: RegExp) => byProperty((s: string) => s.length > 0 && re.test(s));
// CPython's own classes (unicode-14.ts): V8's tables are Unicode 17's
const isDigit = every(new RegExp(`^${set14('DIGIT')}+$`, 'u'));
const isAlpha = every(new RegExp(`^${set14('ALPHA')}+$`, 'u'));
const WORDS = new RegExp(`^${set14('WORD')}+$`, 'u');
// \w's class is str.isalnum()'s and '_'
const isAlnum = byProperty((s: string) => s.length > 0 && !s.includes('_') && WORDS.test(s));
const isNumeric = every(new RegExp(`^${set14('NUMERIC')}+$`, 'u'));
const isDecimal = every(new RegExp(`^${set14('DECIMAL')}+$`, 'u'));
// each test is one native scan of the text: a test a character (a million one-character
// strings, or three regex calls each) took 100-400 ms for a million-character str
const isSpace = every(new RegExp(`^[${SPACES}]+$`));
const UP = CLASS_14.UPPERCASE;
const LO = CLASS_14.LOWERCASE;
const TI = CLASS_14.TITLECASE;
const UPPER = new RegExp(`[${UP}]`, 'u');
const LOWER = new RegExp(`[${LO}]`, 'u');
const LOWER_OR_TITLE = new RegExp(`[${LO}${TI}]`, 'u');
const UPPER_OR_TITLE = new RegExp(`[${UP}${TI}]`, 'u');
const CASED = new RegExp(set14('CASED'), 'u');
/** What istitle refuses: an uppercase or titlecase character after a cased one, a lowercase one after an uncased one or first. */
// Cased is the three together: spelt as one set, the expression ran some 4 times faster than with their union
const UNTITLED = new RegExp(`${set14('CASED')}[${UP}${TI}]|(?:^|[^${CLASS_14.CASED}])[${LO}]`, 'u');

/** str.isupper / str.islower: no character of the other case or titlecase, and one of this case. */
const isCase = (s: string, same: RegExp, otherOrTitle: RegExp): boolean => !otherOrTitle.test(s) && same.test(s);

/** str.istitle: uppercase and titlecase characters only after uncased ones, lowercase only after cased ones, and one cased. */
const isTitle = (s: string): boolean => CASED.test(s) && !UNTITLED.test(s);

/** Where str.format finds its named fields: keyword arguments, or format_map's mapping. */
type Named = Pick<Map<string, Py>, 'get'>;

/** obj.name as code reads it (attributes.ts), for str.format's fields. */
export type GetAttr = (obj: Py, name: string) => Py;

/** str.format: {} {0} {name} {0[key]} with !r/!s conversions and format specs. */
function strFormat(fmt: string, args: Py[] | null, kw: Named | null, getattr: GetAttr): string {
  return formatFields(fmt, args, kw, { auto: 0 }, 2, getattr);
}

/** The fields of a format string; a spec's nested fields share the automatic numbering, two levels deep at most. */
/** `args` is null for format_map, which has no positional fields. */
function formatFields(fmt: string, args: Py[] | null, kw: Named | null, numbering: { auto: number }, levels: number, getattr: GetAttr): string {
  if (levels <= 0) throw valueErr('Max string recursion exceeded');
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    // the literal text up to the next brace is copied whole, not a character at a time
    let next = i;
    while (next < fmt.length && fmt.charCodeAt(next) !== 123 && fmt.charCodeAt(next) !== 125) next++;
    if (next > i) {
      out += fmt.slice(i, next);
      i = next;
      if (i >= fmt.length) break;
    }
    const ch = fmt[i];
    if (ch === '}') {
      if (fmt[i + 1] !== '}') throw valueErr("Single '}' encountered in format string");
      out += '}';
      i++;
      continue;
    }
    if (ch !== '{') {
      out += ch;
      continue;
    }
    if (fmt[i + 1] === '{') {
      out += '{';
      i++;
      continue;
    }
    if (i + 1 >= fmt.length) throw valueErr("Single '{' encountered in format string");
    // the field as parse_field reads it: a key in brackets may hold any mark, and its errors are CPython's
    const [field, spec, conv, end] = parseField(fmt, i + 1);
    i = end - 1;
    let split = 0;
    while (split < field.length && field[split] !== '[' && field[split] !== '.') split++;
    const name = split === field.length ? field : field.slice(0, split);
    // any Unicode decimal digits are an index, as get_integer reads them
    const index = fieldIndex(name);
    let v: Py;
    if (args === null && (name === '' || index !== -1)) throw valueErr('Format string contains positional fields');
    if (args === null) {
      v = kw!.get(name);
      if (v === undefined) throw keyErr(name);
    } else if (name === '') {
      if (numbering.auto < 0) throw valueErr('cannot switch from manual field specification to automatic field numbering');
      if (numbering.auto >= args.length) throw indexErr(`Replacement index ${numbering.auto} out of range for positional args tuple`);
      v = args[numbering.auto++];
    } else if (index !== -1) {
      if (numbering.auto > 0) throw valueErr('cannot switch from automatic field numbering to manual field specification');
      numbering.auto = -1;
      if (index >= args.length) throw indexErr(`Replacement index ${index} out of range for positional args tuple`);
      v = args[Number(index)];
    } else {
      v = kw?.get(name);
      if (v === undefined) throw keyErr(name);
    }
    if (split < field.length) {
      for (const acc of fieldRest(field, split)) {
        const [isAttr, key] = (acc as PyTuple).items;
        // an attribute as getattr() reads it: the dunders a condition may read, and no other
        v = isAttr === true ? getattr(v, key as string) : getitem(v, key);
      }
    }
    if (conv !== null && conv !== 'r' && conv !== 'a' && conv !== 's') {
      const cp = conv.codePointAt(0)!;
      throw valueErr(`Unknown conversion specifier ${cp > 32 && cp < 127 ? conv : `\\x${cp.toString(16)}`}`);
    }
    if (conv === 'r') v = repr(v);
    else if (conv === 'a') v = asciiRepr(v);
    else if (conv === 's') v = str(v);
    out += formatValue(v, spec.includes('{') ? formatFields(spec, args, kw, numbering, levels - 1, getattr) : spec);
    // each field is a step, as a call is, and the text kept within the size limit as it grows
    step();
    checkSize(out.length);
  }
  checkSize(out.length);
  return out;
}

/** CPython's calling convention for each str method (see arity.ts). */
const STR_ARITY: Record<string, Arity> = {
  lower: 'none', upper: 'none', casefold: 'none', title: 'none', capitalize: 'none', swapcase: 'none',
  isdigit: 'none', isalpha: 'none', isalnum: 'none', isnumeric: 'none', isdecimal: 'none', isspace: 'none',
  isupper: 'none', islower: 'none', istitle: 'none', isidentifier: 'none', isascii: 'none', isprintable: 'none',
  translate: 'one', maketrans: ['clinic', 1, 3], encode: 'own',
  join: 'one', partition: 'one', rpartition: 'one', zfill: 'one', format_map: 'one', removeprefix: 'one', removesuffix: 'one',
  strip: ['clinic', 0, 1], lstrip: ['clinic', 0, 1], rstrip: ['clinic', 0, 1], replace: ['clinic', 2, 3],
  ljust: ['clinic', 1, 2], rjust: ['clinic', 1, 2], center: ['clinic', 1, 2],
  startswith: ['parse', 1, 3], endswith: ['parse', 1, 3], find: ['parse', 1, 3], rfind: ['parse', 1, 3],
  index: ['parse', 1, 3], rindex: ['parse', 1, 3], count: ['parse', 1, 3],
  split: 'own', rsplit: 'own', splitlines: 'own', format: 'own', expandtabs: 'own',
};

/** Methods that read less than their receiver: each pays for what it does read (a prefix, the items joined). */
const NOT_BY_LENGTH = new Set(['startswith', 'endswith', 'removeprefix', 'removesuffix', 'join', 'maketrans']);

/**
 * Every other method reads its receiver, some more than once (a case test, a strip, a
 * split): it pays for the receiver's length before it runs, so a new one cannot forget.
 */
function paidByLength(methods: Map<string, Method>): Map<string, Method> {
  return new Map([...methods].map(([name, fn]): [string, Method] => [
    name,
    NOT_BY_LENGTH.has(name) ? fn : (s, a, k) => {
      if (s.length > 32) work(s.length);
      return fn(s, a, k);
    },
  ]));
}

/** The str methods (types/str.ts declares them), with str.format's fields read through `getattr`. */
export const STR_METHODS: Map<string, Method> = checkedMethods('str', paidByLength(new Map<string, Method>([
  ['lower', (s) => sized(mapCase(s, s.toLowerCase(), toLower))],
  ['upper', (s) => sized(mapCase(s, s.toUpperCase(), toUpper))],
  // a character at a time through Unicode's tables: a step a character, paid first
  ['casefold', (s) => (charge(s.length), sized(caseFold(s)))],
  ['strip', (s, a) => strip(s, a[0], true, true, 'strip')],
  ['lstrip', (s, a) => strip(s, a[0], true, false, 'lstrip')],
  ['rstrip', (s, a) => strip(s, a[0], false, true, 'rstrip')],
  ['split', (s, a, k) => split(s, a, k, false)],
  ['rsplit', (s, a, k) => split(s, a, k, true)],
  [
    'splitlines',
    (s, a, k) => {
      const [keependsV] = bind('splitlines', a, k, ['keepends']);
      // Argument Clinic's bool(accept={int}): an int, as _PyLong_AsInt reads it
      const keepends = keependsV !== undefined && cIntArg(keependsV) !== 0;
      const out: string[] = [];
      let start = 0;
      for (const m of s.matchAll(LINE_BREAK)) {
        tick();
        out.push(s.slice(start, keepends ? m.index! + m[0].length : m.index));
        start = m.index! + m[0].length;
      }
      if (start < s.length) out.push(s.slice(start));
      return out;
    },
  ],
  [
    'join',
    (s, a) => {
      const [items] = a;
      const parts: string[] = [];
      let size = 0;
      let i = 0;
      // PySequence_Fast: a TypeError of iter() in its own words
      for (let x of iterate(iterableOr(items, () => typeErr('can only join an iterable')))) {
        if (typeof x !== 'string') {
          if (!(x instanceof PyStrBox)) throw typeErr(`sequence item ${i}: expected str instance, ${typeName(x)} found`);
          x = x.value;
        }
        parts.push(x);
        size += x.length + s.length;
        if ((++i & 1023) === 0) {
          checkSize(size - s.length);
          work(1024);
        }
      }
      checkSize(size - s.length);
      work(size);
      return parts.join(s);
    },
  ],
  ['startswith', (s, a) => affix('startswith', s, a, startsWithCp)],
  ['endswith', (s, a) => affix('endswith', s, a, endsWithCp)],
  ['find', (s, a) => find(s, a, false)],
  ['rfind', (s, a) => find(s, a, true)],
  [
    'index',
    (s, a) => {
      const i = find(s, a, false);
      if (i < 0) throw valueErr('substring not found');
      return i;
    },
  ],
  [
    'rindex',
    (s, a) => {
      const i = find(s, a, true);
      if (i < 0) throw valueErr('substring not found');
      return i;
    },
  ],
  [
    'count',
    (s, a) => {
      const [subArg, start, end] = a;
      const [x, y] = window(s, start, end);
      const sub = strArg('', subArg);
      if (y - x < sub.length) return 0;
      if (sub === '') {
        const [cx, cy] = cpWindow(s, start, end);
        return cy - cx + 1;
      }
      return countCp(s, sub, x, y);
    },
  ],
  [
    'replace',
    (s, a) => {
      const [oldArg, newArg, countArg] = a;
      const old = strArg('replace() argument 1 ', oldArg);
      const neu = strArg('replace() argument 2 ', newArg);
      const count = countArg === undefined ? -1 : indexArg(countArg);
      if (old === '') {
        // one insertion before each character and at the end: the size is known first
        const n = Math.min(count < 0 ? Infinity : count, cpLen(s) + 1);
        allocStr(s.length + n * neu.length);
        return replaceEmpty(s, neu, n);
      }
      const parts = splitCp(s, old);
      const n = count < 0 ? parts.length - 1 : Math.min(count, parts.length - 1);
      allocStr(s.length + n * (neu.length - old.length));
      if (count < 0) return parts.join(neu);
      return parts.slice(0, count + 1).join(neu) + (parts.length > count + 1 ? old + parts.slice(count + 1).join(old) : '');
    },
  ],
  [
    'partition',
    (s, a) => {
      const sep = strArg('', a[0]);
      if (sep === '') throw valueErr('empty separator');
      const i = indexOfCp(s, sep);
      return i < 0 ? new PyTuple([s, '', '']) : new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
    },
  ],
  [
    'rpartition',
    (s, a) => {
      const sep = strArg('', a[0]);
      if (sep === '') throw valueErr('empty separator');
      const i = lastIndexOfCp(s, sep, s.length, lastIndexOf);
      return i < 0 ? new PyTuple(['', '', s]) : new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
    },
  ],
  ['isdigit', (s) => isDigit(s)],
  ['isalpha', (s) => isAlpha(s)],
  ['isalnum', (s) => isAlnum(s)],
  ['isnumeric', (s) => isNumeric(s)],
  ['isdecimal', (s) => isDecimal(s)],
  ['isspace', (s) => isSpace(s)],
  ['isupper', byProperty((s) => isCase(s, UPPER, LOWER_OR_TITLE))],
  ['islower', byProperty((s) => isCase(s, LOWER, UPPER_OR_TITLE))],
  ['istitle', byProperty(isTitle)],
  ['isidentifier', byProperty(isIdentifier)],
  ['isascii', (s) => /^[\x00-\x7f]*$/.test(s)],
  ['isprintable', byProperty(isPrintable)],
  ['translate', (s, a) => translate(s, a[0])],
  ['encode', encode],
  // a static method: the receiver is only how it was reached
  ['maketrans', (_s, a) => maketrans(a)],
  ['title', (s) => (charge(s.length), sized(titleCase(s)))],
  // the first character's titlecase (CPython 3.8+), the rest lowered in the context of the whole
  [
    'capitalize',
    (s) => {
      if (s.length === 0) return s;
      const first = cpAt(s, 0);
      return sized(toTitle(first) + mapCase(s, s.toLowerCase(), toLower).slice(lowerChar(first).length));
    },
  ],
  // do_swapcase: uppercase lowered (final sigma in context), lowercase uppered, the rest (titlecase) kept
  [
    'swapcase',
    (s) => {
      charge(s.length);
      const chars = cpChars(s);
      return sized(chars.map((c, i) => (UPPER.test(c) ? lowerAt(chars, i) : LOWER.test(c) ? upperChar(c) : c)).join(''));
    },
  ],
  [
    'zfill',
    (s, a) => {
      const width = padWidth(s, widthArg(a[0]), '0');
      const len = cpLen(s);
      if (len >= width) return s;
      allocStr(width);
      const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
      return sign + '0'.repeat(width - len) + s.slice(sign.length);
    },
  ],
  ['ljust', (s, a) => justify(s, a, 'l')],
  ['rjust', (s, a) => justify(s, a, 'r')],
  ['center', (s, a) => justify(s, a, 'c')],
  // METH_VARARGS|METH_KEYWORDS: a level toward the recursion limit
  ['format', (s, a, k) => countedCall(() => strFormat(s, a, k, getattrByName))],
  ['format_map', (s, a) => {
    const [m] = a;
    // a field looks its name up, as CPython's mapping[key], so any value will do until a
    // field needs it; converting every key first cost 5-10 ms for a dict of 100,000, on every call
    return strFormat(s, null, { get: (name: string) => (m instanceof PyDict && m.constructor === PyDict ? m.get(name) : getitem(m, name)) }, getattrByName);
  }],
  ['removeprefix', (s, a) => {
    const p = strArg('removeprefix() argument ', a[0]);
    return p !== '' && startsWithCp(s, p) ? s.slice(p.length) : s;
  }],
  ['removesuffix', (s, a) => {
    const p = strArg('removesuffix() argument ', a[0]);
    return p !== '' && endsWithCp(s, p) ? s.slice(0, -p.length) : s;
  }],
  ['expandtabs', (s, a, k) => {
    const [tabsize = 8] = bind('expandtabs', a, k, ['tabsize']);
    // a C int ('i'), as CPython reads it
    const size = indexArg(tabsize, 'int');
    if (size > 2 ** 31 - 1 || size < -(2 ** 31)) throw pyErr(OverflowError, 'Python int too large to convert to C int');
    // the text between tabs is copied whole: a character at a time took 50 ms a megabyte
    const pieces = s.split('\t');
    let col = 0;
    let out = pieces[0];
    col = columnAfter(pieces[0], col);
    for (let i = 1; i < pieces.length; i++) {
      const n = size > 0 ? size - (col % size) : 0;
      // each tab's spaces are paid for, and refused past the size limit, before they exist
      allocStr(out.length + n + pieces[i].length);
      out += ' '.repeat(n) + pieces[i];
      col = columnAfter(pieces[i], col + n);
    }
    return out;
  }],
])), STR_ARITY);

/** The column after text that starts at column col: code points since its last \n or \r. */
function columnAfter(text: string, col: number): number {
  let from = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      from = i + 1;
      col = 0;
      break;
    }
  }
  return col + cpLen(from === 0 ? text : text.slice(from));
}

/** s.replace('', neu, count): neu before each of the first count characters (count <= len(s) + 1). */
function replaceEmpty(s: string, neu: string, count: number): string {
  const len = cpLen(s);
  const cut = unitOffset(s, Math.min(count, len));
  const head = cpChars(s.slice(0, cut)).map((c) => neu + c).join('');
  return count > len ? head + neu : head + s.slice(cut);
}

/** do_title: each character lowercased after a cased one, titlecased otherwise. */
function titleCase(s: string): string {
  const chars = cpChars(s);
  let out = '';
  let previousCased = false;
  for (let i = 0; i < chars.length; i++) {
    out += previousCased ? lowerAt(chars, i) : toTitle(chars[i]);
    previousCased = CASED.test(chars[i]);
  }
  return out;
}

const CASE_IGNORABLE = new RegExp(in14('\\p{Case_Ignorable}'), 'v');

/** lower_ucs4: a character lowercased, capital sigma as final sigma after a cased letter and not before one. */
function lowerAt(chars: string[], i: number): string {
  if (chars[i] !== '\u03a3') return lowerChar(chars[i]);
  let j = i - 1;
  while (j >= 0 && CASE_IGNORABLE.test(chars[j])) j--;
  if (j < 0 || !CASED.test(chars[j])) return '\u03c3';
  j = i + 1;
  while (j < chars.length && CASE_IGNORABLE.test(chars[j])) j++;
  return j === chars.length || !CASED.test(chars[j]) ? '\u03c2' : '\u03c3';
}
