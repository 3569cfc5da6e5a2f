/**
 * The format-spec mini-language as CPython 3.11 reads it: parse_internal_render_format_spec
 * (Python/formatter_unicode.c), its checks in its order, before any type looks at the spec.
 */
import { work } from './budget.js';
import { cpUnits } from './codepoints.js';
import { valueErr } from './exceptions.js';
import { asciiDigit } from './int/text.js';
import { isDecimalChar } from './unicode-14.js';

/** The parts of a format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type]. */
export interface Spec {
  fill: string;
  /** '' when the spec names none: numbers then align right, or '=' with a 0 flag; strings left. */
  align: string;
  /** '' when the spec names none. */
  sign: string;
  /** The 0 flag. */
  zero: boolean;
  /** The z flag (PEP 682): a float that rounds to -0 prints as 0. */
  noNegativeZero: boolean;
  alt: boolean;
  /** Up to Py_SSIZE_T_MAX, so past 2**53 not exact: only ever compared with what memory holds. */
  width: number;
  grouping: string;
  /** -1 when none; up to Py_SSIZE_T_MAX (a float's 'precision too big' past a C int). */
  precision: number;
  type: string;
}

const SSIZE_MAX = (1n << 63n) - 1n;

/** A type character in CPython's words: 'x' when printable, else '\\x1f'. */
export const quotedType = (c: string): string => {
  const code = c.codePointAt(0)!;
  return code > 32 && code < 128 ? `'${c}'` : `'\\x${code.toString(16)}'`;
};

/** What digitAt found for each code point past ASCII: its value, or -1. */
const unicodeDigits = new Map<number, number>();

/** Py_UNICODE_TODECIMAL: the value of any Unicode decimal digit ('٣', '３') at `pos`, -1 for anything else. */
function digitAt(s: string, pos: number): number {
  const c = s.charCodeAt(pos);
  if (c >= 48 && c <= 57) return c - 48;
  if (!(c > 127)) return -1;
  const cp = s.codePointAt(pos)!;
  let d = unicodeDigits.get(cp);
  if (d === undefined) {
    const ch = String.fromCodePoint(cp);
    d = isDecimalChar(ch) ? Number(asciiDigit(ch)) : -1;
    // at most the 680 decimal digits and the spec's other characters a run meets
    if (unicodeDigits.size < 4096) unicodeDigits.set(cp, d);
  }
  return d;
}

const isAlign = (c: string | undefined): boolean => c === '<' || c === '>' || c === '=' || c === '^';

/**
 * parse_internal_render_format_spec. `typeName` words 'Invalid format specifier'; a str's
 * default type is 's' (so ',' is refused with 's'), every number's none.
 */
export function parseSpec(specText: string, typeName: string, defaultType = ''): Spec {
  // CPython reads code points: a fill may be an astral character or a lone high surrogate, two UTF-16 units here; the rest is ASCII or an error
  const fillUnits = (specText.charCodeAt(0) & 0xfc00) === 0xd800 ? 2 : 1;
  // a spec of thousands of characters (leading zeros of a width) is read by the character,
  // Unicode digits ('٠' * 10**5) at some four times the cost (their table, the int pattern's \p{Nd})
  if (specText.length > 256) work(specText.length * (/[^\x00-\x7f]/.test(specText) ? 4 : 1));
  let pos = 0;
  const spec: Spec = { fill: ' ', align: '', sign: '', zero: false, noNegativeZero: false, alt: false, width: 0, grouping: '', precision: -1, type: defaultType };
  let fillGiven = false;
  if (isAlign(specText[fillUnits])) {
    spec.fill = specText.slice(0, fillUnits);
    spec.align = specText[fillUnits];
    fillGiven = true;
    pos = fillUnits + 1;
  } else if (isAlign(specText[0])) spec.align = specText[pos++];
  const at = (c: string): boolean => specText[pos] === c;
  if (at('+') || at('-') || at(' ')) spec.sign = specText[pos++];
  if (at('z')) (spec.noNegativeZero = true), pos++;
  if (at('#')) (spec.alt = true), pos++;
  // the 0 flag fills with zeros whatever the alignment (format(5, '<05') == '50000'), unless a fill was given
  if (!fillGiven && at('0')) {
    spec.fill = '0';
    spec.zero = true;
    pos++;
  }
  const integer = (): number | undefined => {
    // get_integer: Py_ssize_t digits, refused before they overflow (a million leading zeros are read as fast as one)
    let n = 0;
    let big = 0n;
    const start = pos;
    for (let d = digitAt(specText, pos); d >= 0; d = digitAt(specText, pos)) {
      pos += specText.codePointAt(pos)! > 0xffff ? 2 : 1;
      if (n < 2 ** 48) n = n * 10 + d;
      else {
        big = (big === 0n ? BigInt(n) : big) * 10n + BigInt(d);
        if (big > SSIZE_MAX) throw valueErr('Too many decimal digits in format string');
      }
    }
    return pos === start ? undefined : big === 0n ? n : Number(big);
  };
  spec.width = integer() ?? 0;
  if (at(',')) (spec.grouping = ','), pos++;
  if (at('_')) {
    if (spec.grouping !== '') throw valueErr("Cannot specify both ',' and '_'.");
    spec.grouping = '_';
    pos++;
  }
  if (at(',') && spec.grouping === '_') throw valueErr("Cannot specify both ',' and '_'.");
  if (at('.')) {
    pos++;
    const p = integer();
    if (p === undefined) throw valueErr('Format specifier missing precision');
    spec.precision = p;
  }
  // the type: what is left, one code point
  const rest = specText.length - pos;
  if (rest > 0) {
    // a lone high surrogate is held as its unit twice (codepoints.ts): cpUnits takes both
    const type = specText.slice(pos, pos + cpUnits(specText, pos));
    if (rest > type.length) throw valueErr(`Invalid format specifier '${specText}' for object of type '${typeName}'`);
    spec.type = type;
  }
  if (spec.grouping !== '') {
    // PEP 378's types, and '_' also in bin/oct/hex (PEP 515)
    const allowed = spec.type === '' || 'defgEGF%'.includes(spec.type) || (spec.grouping === '_' && 'boxX'.includes(spec.type));
    if (!allowed) throw valueErr(`Cannot specify '${spec.grouping}' with ${quotedType(spec.type)}.`);
  }
  return spec;
}
