/**
 * html and html.entities, as CPython 3.11's Lib/html writes them: escape is five str.replace
 * calls on whatever it is given (so an int's AttributeError is CPython's), unescape the
 * `_charref` substitution with _replace_charref's rules (HTML5's numeric fix-ups, the longest
 * legacy name that prefixes an unknown one). The entity tables are generated from CPython's
 * (scripts/html-entities.py); html.entities' dicts are made anew for each run that reads them,
 * since a condition may change them.
 */
import { allocEntries, allocStr, runNumber, work } from '../../budget.js';
import { cpChars, forUPattern, hasLoneHigh } from '../../codepoints.js';
import { typeErr, valueErr } from '../../exceptions.js';
import { contains, truthy } from '../../ops.js';
import { PerRun } from '../../per-run.js';
import { PyDict, PyModule, PyStrBox, typeName, type Py } from '../../values.js';
import { callMethod } from '../calendar/py.js';
import { pyDef } from '../python-def.js';
import { HTML5, NAME2CODEPOINT } from './entities-table.js';

const HTML5_MAP = new Map<string, string>(HTML5);

/**
 * html.entities.html5 as this run made it, once read: unescape looks names up in it, since
 * in CPython html._html5 is that same dict, which a condition may change.
 */
let runHtml5: { run: number; dict: PyDict } | null = null;

/** The text of a named reference, or undefined: the run's own dict when it has one. */
function entity(name: string): string | undefined {
  if (runHtml5 === null || runHtml5.run !== runNumber()) return HTML5_MAP.get(name);
  const v = runHtml5.dict.get(name);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw typeErr(`expected str instance, ${typeName(v)} found`);
  return v;
}

/** _invalid_charrefs: the numbers HTML5 reads as windows-1252's characters (and 0, 13). */
const INVALID_CHARREFS = new Map<number, string>([
  [0x00, '\ufffd'], [0x0d, '\r'], [0x80, '\u20ac'], [0x81, '\x81'], [0x82, '\u201a'], [0x83, '\u0192'], [0x84, '\u201e'], [0x85, '\u2026'], [0x86, '\u2020'], [0x87, '\u2021'],
  [0x88, '\u02c6'], [0x89, '\u2030'], [0x8a, '\u0160'], [0x8b, '\u2039'], [0x8c, '\u0152'], [0x8d, '\x8d'], [0x8e, '\u017d'], [0x8f, '\x8f'], [0x90, '\x90'], [0x91, '\u2018'],
  [0x92, '\u2019'], [0x93, '\u201c'], [0x94, '\u201d'], [0x95, '\u2022'], [0x96, '\u2013'], [0x97, '\u2014'], [0x98, '\u02dc'], [0x99, '\u2122'], [0x9a, '\u0161'], [0x9b, '\u203a'],
  [0x9c, '\u0153'], [0x9d, '\x9d'], [0x9e, '\u017e'], [0x9f, '\u0178'],
]);

/** _invalid_codepoints: control characters and noncharacters, which a charref drops. */
function invalidCodepoint(n: number): boolean {
  return (n >= 0x1 && n <= 0x8) || n === 0xb || (n >= 0xe && n <= 0x1f) || (n >= 0x7f && n <= 0x9f) || (n >= 0xfdd0 && n <= 0xfdef) || (n & 0xfffe) === 0xfffe;
}

/** int(digits): CPython's limit on decimal digits (sys.int_info.default_max_str_digits). */
const MAX_STR_DIGITS = 4300;

/** _replace_charref: a numeric or named reference's text (group 1 of _charref, without its '&'). */
function replaceCharref(s: string): string {
  if (s[0] === '#') {
    const hex = s[1] === 'x' || s[1] === 'X';
    let digits = s.slice(hex ? 2 : 1);
    if (digits.endsWith(';')) digits = digits.slice(0, -1);
    // the digits are ASCII here (the pattern's [0-9] and [0-9a-fA-F])
    if (!hex && digits.length > MAX_STR_DIGITS) {
      throw valueErr(`Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`);
    }
    // past 0x10FFFF the value only matters as too big
    const trimmed = digits.replace(/^0+/, '');
    const num = trimmed.length > 8 ? Infinity : trimmed === '' ? 0 : parseInt(trimmed, hex ? 16 : 10);
    const fixed = INVALID_CHARREFS.get(num);
    if (fixed !== undefined) return fixed;
    if ((num >= 0xd800 && num <= 0xdfff) || num > 0x10ffff) return '\ufffd';
    if (invalidCodepoint(num)) return '';
    return String.fromCodePoint(num);
  }
  const named = entity(s);
  if (named !== undefined) return named;
  // the longest name (of two characters or more) that starts it: code points, as Python slices
  const points = cpChars(s);
  for (let x = points.length - 1; x > 1; x--) {
    const prefix = points.slice(0, x).join('');
    const found = entity(prefix);
    if (found !== undefined) return found + points.slice(x).join('');
  }
  return '&' + s;
}

/** _charref: numeric references, and names of up to 32 code points, each with an optional ';'. */
const CHARREF = /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/gu;

/** The substitution over a text holding a lone high surrogate: the pattern counts its 32 on forUPattern's copy; the names are cut from the text. */
function replaceHeld(text: string): string {
  let out = '';
  let at = 0;
  for (const m of forUPattern(text).matchAll(CHARREF)) {
    out += text.slice(at, m.index) + replaceCharref(text.slice(m.index + 1, m.index + m[0].length));
    at = m.index + m[0].length;
  }
  return out + text.slice(at);
}

function unescape(s: Py): Py {
  const text = s instanceof PyStrBox ? s.value : s;
  if (typeof text !== 'string') {
    // `'&' not in s` first, then _charref.sub, which takes only a str here
    if (!contains(s, '&')) return s;
    throw typeErr(`expected string or bytes-like object, got '${typeName(s)}'`);
  }
  if (!text.includes('&')) return s;
  // the pattern's scan, each match's name looked up, its prefixes at most 32 times
  work(text.length * 4);
  const out = hasLoneHigh(text) ? replaceHeld(text) : text.replace(CHARREF, (_m, ref: string) => replaceCharref(ref));
  allocStr(out.length);
  return out;
}

function escape(s: Py, quote: Py): Py {
  s = callMethod(s, 'replace', '&', '&amp;');
  s = callMethod(s, 'replace', '<', '&lt;');
  s = callMethod(s, 'replace', '>', '&gt;');
  if (truthy(quote)) {
    s = callMethod(s, 'replace', '"', '&quot;');
    s = callMethod(s, 'replace', "'", '&#x27;');
  }
  return s;
}

/** A dict of a table's pairs, paid for as it is made. */
function dictOf(pairs: Iterable<readonly [Py, Py]>, size: number): PyDict {
  allocEntries(size);
  const d = new PyDict();
  for (const [k, v] of pairs) d.set(k, v);
  return d;
}

export const ENTITIES_MODULE = new PyModule(
  'html.entities',
  new Map<string, Py>([
    ['name2codepoint', new PerRun(() => dictOf(NAME2CODEPOINT, NAME2CODEPOINT.length))],
    ['html5', new PerRun(() => {
      const dict = dictOf(HTML5, HTML5.length);
      runHtml5 = { run: runNumber(), dict };
      return dict;
    })],
    // codepoint2name and entitydefs as the module's loop makes them from name2codepoint
    ['codepoint2name', new PerRun(() => dictOf(NAME2CODEPOINT.map(([name, cp]) => [cp, name] as const), NAME2CODEPOINT.length))],
    ['entitydefs', new PerRun(() => dictOf(NAME2CODEPOINT.map(([name, cp]) => [name, String.fromCodePoint(cp)] as const), NAME2CODEPOINT.length))],
  ]),
);

export const HTML_MODULE = new PyModule(
  'html',
  new Map<string, Py>([
    ['escape', pyDef('escape', ['s', 'quote'], { quote: true }, escape)],
    ['unescape', pyDef('unescape', ['s'], {}, unescape)],
    ['entities', ENTITIES_MODULE],
  ]),
);
