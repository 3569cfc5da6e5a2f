/**
 * The format-spec mini-language as CPython 3.11 reads it: parse_internal_render_format_spec
 * (Python/formatter_unicode.c), its checks in its order, before any type looks at the spec.
 */
import { valueErr } from './exceptions.js';

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

const isAlign = (c: string | undefined): boolean => c === '<' || c === '>' || c === '=' || c === '^';

/**
 * parse_internal_render_format_spec. `typeName` words 'Invalid format specifier'; a str's
 * default type is 's' (so ',' is refused with 's'), every number's none.
 */
export function parseSpec(specText: string, typeName: string, defaultType = ''): Spec {
  // CPython reads code points: a fill may be any character, an astral one included
  const cs = [...specText];
  let pos = 0;
  const spec: Spec = { fill: ' ', align: '', sign: '', zero: false, noNegativeZero: false, alt: false, width: 0, grouping: '', precision: -1, type: defaultType };
  let fillGiven = false;
  if (cs.length >= 2 && isAlign(cs[1])) {
    spec.fill = cs[0];
    spec.align = cs[1];
    fillGiven = true;
    pos = 2;
  } else if (isAlign(cs[0])) spec.align = cs[pos++];
  if (cs[pos] === '+' || cs[pos] === '-' || cs[pos] === ' ') spec.sign = cs[pos++];
  if (cs[pos] === 'z') (spec.noNegativeZero = true), pos++;
  if (cs[pos] === '#') (spec.alt = true), pos++;
  // the 0 flag fills with zeros whatever the alignment (format(5, '<05') == '50000'), unless a fill was given
  if (!fillGiven && cs[pos] === '0') {
    spec.fill = '0';
    spec.zero = true;
    pos++;
  }
  const integer = (): number | undefined => {
    // get_integer: Py_ssize_t digits, refused before they overflow
    let n = 0n;
    const start = pos;
    for (; pos < cs.length && cs[pos] >= '0' && cs[pos] <= '9'; pos++) {
      n = n * 10n + BigInt(cs[pos].charCodeAt(0) - 48);
      if (n > SSIZE_MAX) throw valueErr('Too many decimal digits in format string');
    }
    return pos === start ? undefined : Number(n);
  };
  spec.width = integer() ?? 0;
  if (cs[pos] === ',') (spec.grouping = ','), pos++;
  if (cs[pos] === '_') {
    if (spec.grouping !== '') throw valueErr("Cannot specify both ',' and '_'.");
    spec.grouping = '_';
    pos++;
  }
  if (cs[pos] === ',' && spec.grouping === '_') throw valueErr("Cannot specify both ',' and '_'.");
  if (cs[pos] === '.') {
    pos++;
    const p = integer();
    if (p === undefined) throw valueErr('Format specifier missing precision');
    spec.precision = p;
  }
  if (cs.length - pos > 1) throw valueErr(`Invalid format specifier '${specText}' for object of type '${typeName}'`);
  if (cs.length - pos === 1) spec.type = cs[pos];
  if (spec.grouping !== '') {
    // PEP 378's types, and '_' also in bin/oct/hex (PEP 515)
    const allowed = spec.type === '' || 'defgEGF%'.includes(spec.type) || (spec.grouping === '_' && 'boxX'.includes(spec.type));
    if (!allowed) throw valueErr(`Cannot specify '${spec.grouping}' with ${quotedType(spec.type)}.`);
  }
  return spec;
}
