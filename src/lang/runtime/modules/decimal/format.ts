/** Decimal.__format__: _pydecimal's, which _decimal's follows, in the C locale ('n' has no grouping). */
import { wellFormed } from '../../codecs/codec.js';
import { UTF_8 } from '../../codecs/utf8.js';
import { valueErr } from '../../exceptions.js';
import { allocStr, checkSize } from '../../budget.js';
import { payDigits } from './cost.js';
import { dec, Dec, rescale, roundTo, toStr, type Ctx } from './number.js';

const SPEC = /^(?:([\s\S])?([<>=^]))?([-+ ])?(z)?()(0)?((?!0)\d+)?(,)?(?:\.(0|(?!0)\d+))?([eEfFgGn%])?$/u;

interface Spec {
  fill: string;
  align: string;
  sign: string;
  noNeg0: boolean;
  alt: boolean;
  zeropad: boolean;
  width: number;
  sep: string;
  grouping: boolean;
  precision: number | null;
  type: string | null;
}

function parseSpec(text: string): Spec {
  // _decimal reads the spec as UTF-8 first: a surrogate in it is the codec's UnicodeEncodeError
  if (!wellFormed(text)) UTF_8.encode(text, () => 'strict');
  const m = SPEC.exec(text);
  if (m === null) throw valueErr('invalid format string');
  let fill = m[1];
  let align = m[2];
  const zeropad = m[6] !== undefined;
  // _decimal takes the '0' flag only when no fill or align is given
  if (zeropad && (fill !== undefined || align !== undefined)) throw valueErr('invalid format string');
  // '0' before the width: zero padding after the sign, as in _decimal
  if (zeropad && fill === undefined && align === undefined) {
    fill = '0';
    align = '=';
  }
  let precision = m[9] === undefined ? null : Number(m[9]);
  let type = m[10] ?? null;
  if (precision === 0 && (type === null || 'gGn'.includes(type))) precision = 1;
  let grouping = m[8] !== undefined;
  if (type === 'n') {
    if (m[8] !== undefined) throw valueErr('invalid format string');
    type = 'g';
    grouping = false;
  }
  const width = m[7] === undefined ? 0 : Number(m[7]);
  if (!Number.isSafeInteger(width) || (precision !== null && !Number.isSafeInteger(precision))) throw valueErr('invalid format string');
  allocStr(width);
  return { fill: fill ?? ' ', align: align ?? '>', sign: m[3] ?? '-', noNeg0: m[4] !== undefined, alt: false, zeropad: zeropad && m[1] === undefined && m[2] === undefined, width, sep: m[8] ?? '', grouping, precision, type };
}

function align(sign: string, body: string, spec: Spec): string {
  // the digits were paid for and kept within the size limit; a sign, a point or an exponent may take them past it
  checkSize(sign.length + body.length);
  // counted in fill characters: the fill may be one code point of two UTF-16 units
  const count = Math.max(0, spec.width - sign.length - body.length);
  const padding = spec.fill.repeat(count);
  switch (spec.align) {
    case '<':
      return sign + body + padding;
    case '=':
      return sign + padding + body;
    case '^': {
      const half = count >> 1;
      return spec.fill.repeat(half) + sign + body + spec.fill.repeat(count - half);
    }
    default:
      return padding + sign + body;
  }
}

const signOf = (negative: boolean, spec: Spec): string => (negative ? '-' : spec.sign === ' ' || spec.sign === '+' ? spec.sign : '');

/** Thousands separators every three digits. */
function group(digits: string, sep: string): string {
  if (sep === '' || digits.length <= 3) return digits;
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(sep);
}

export function formatDecimal(d: Dec, specText: string, ctx: Ctx): string {
  const spec = parseSpec(specText);
  if (d.special) {
    // zero padding does not apply to an infinity or a NaN: spaces, right-aligned
    if (spec.zeropad) {
      spec.fill = ' ';
      spec.align = '>';
    }
    let body = toStr(dec(0, d.int, d.exp));
    if (spec.type === '%') body += '%';
    return align(signOf(d.sign === 1, spec), body, spec);
  }
  const type = spec.type ?? (ctx.capitals ? 'G' : 'g');
  let self = d;
  if (type === '%') self = dec(self.sign, self.int, self.e + 2);
  const { precision } = spec;
  const rounding = ctx.rounding;
  if (precision !== null) {
    allocStr(precision);
    if ('eE'.includes(type)) self = roundTo(self, precision + 1, rounding);
    else if ('fF%'.includes(type)) self = rescale(self, -precision, rounding);
    else if ('gG'.includes(type) && self.int.length > precision) self = roundTo(self, precision, rounding);
  }
  if (self.isZero() && self.e > 0 && 'fF%'.includes(type)) self = rescale(self, 0, rounding);
  // 'z': dec_format rounds a copy for the types f, %, g and e only, so an 'F' drops the sign of a zero it was given, not of one its rounding made
  const negative = (type === 'F' ? d.isZero() : self.isZero()) && spec.noNeg0 ? false : self.sign === 1;
  const leftdigits = self.e + self.int.length;
  let dotplace: number;
  if ('eE'.includes(type)) dotplace = self.isZero() && precision !== null ? 1 - precision : 1;
  else if ('fF%'.includes(type)) dotplace = leftdigits;
  else dotplace = self.e <= 0 && leftdigits > -6 ? leftdigits : 1;
  payDigits(self.int.length + Math.abs(dotplace));
  allocStr(self.int.length + Math.abs(dotplace));
  let intpart: string;
  let fracpart: string;
  if (dotplace < 0) {
    intpart = '0';
    fracpart = '0'.repeat(-dotplace) + self.int;
  } else if (dotplace > self.int.length) {
    intpart = self.int + '0'.repeat(dotplace - self.int.length);
    fracpart = '';
  } else {
    intpart = self.int.slice(0, dotplace) || '0';
    fracpart = self.int.slice(dotplace);
  }
  const exp = leftdigits - dotplace;
  const sign = signOf(negative, spec);
  if (fracpart || spec.alt) fracpart = '.' + fracpart;
  if (exp !== 0 || 'eE'.includes(type)) fracpart += ('eE'.includes(type) ? type : type === 'G' ? 'E' : 'e') + (exp >= 0 ? '+' : '-') + String(Math.abs(exp));
  if (type === '%') fracpart += '%';
  if (spec.zeropad && spec.sep !== '') {
    // zero padding through the separators: the int part widened to the field, as _insert_thousands_sep does
    let minWidth = spec.width - fracpart.length - sign.length;
    let digits = intpart;
    const groups: string[] = [];
    for (;;) {
      const l = Math.min(Math.max(digits.length, minWidth, 1), 3);
      groups.push('0'.repeat(Math.max(0, l - digits.length)) + digits.slice(Math.max(0, digits.length - l)));
      digits = digits.slice(0, Math.max(0, digits.length - l));
      minWidth -= l;
      if (!digits && minWidth <= 0) break;
      minWidth -= spec.sep.length;
    }
    return align(sign, groups.reverse().join(spec.sep) + fracpart, spec);
  }
  return align(sign, group(intpart, spec.sep) + fracpart, spec);
}
