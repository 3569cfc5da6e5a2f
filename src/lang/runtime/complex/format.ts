import { checkSize } from '../budget.js';
import { valueErr } from '../exceptions.js';
import { formatFloatShort } from '../float-short.js';
import { floatBody, group, pad } from '../format.js';
import { parseSpec, quotedType } from '../format-spec.js';

/**
 * format(z, spec): format_complex_internal (Python/formatter_unicode.c). Both parts in
 * the spec's float type, the imaginary one always signed, then padded as one; no type is
 * repr's digits in brackets (the real part left out when it is +0.0).
 */
export function formatComplex(re: number, im: number, specText: string): string {
  // CPython's order: the spec's own errors, the type, then format_complex_internal's
  const spec = parseSpec(specText, 'complex');
  if (spec.type !== '' && !'eEfFgGn'.includes(spec.type)) throw valueErr(`Unknown format code ${quotedType(spec.type)} for object of type 'complex'`);
  if (spec.precision > 2 ** 31 - 1) throw valueErr('precision too big');
  if (spec.fill === '0') throw valueErr('Zero padding is not allowed in complex format specifier');
  if (spec.align === '=') throw valueErr("'=' alignment flag is not allowed in complex format specifier");
  const noType = spec.type === '';
  const skipRe = noType && re === 0 && !Object.is(re, -0);
  const parens = noType && !skipRe;
  const upper = spec.type === 'E' || spec.type === 'F' || spec.type === 'G';
  const type = spec.type === 'n' ? 'g' : spec.type.toLowerCase();
  const part = (x: number, sign: string): string => {
    // no type: repr's digits (the alternate form keeps the point: '(1.+2.j)'), or 'g''s at a precision
    const ax = Math.abs(x);
    let body = noType && spec.precision < 0 && Number.isFinite(ax) ? formatFloatShort(ax, 'r', 0, false, spec.alt) : floatBody(ax, noType ? 'g' : type, spec.precision, spec.alt);
    if (upper) body = body.toUpperCase();
    if (spec.grouping) {
      const dot = body.search(/[.eE]/);
      const intPart = dot < 0 ? body : body.slice(0, dot);
      if (/^\d+$/.test(intPart)) body = group(intPart, spec.grouping) + (dot < 0 ? '' : body.slice(dot));
    }
    // z: a finite part whose digits are all zeros is not negative (an infinity keeps its sign); a NaN has no sign
    const negative = (x < 0 || Object.is(x, -0)) && !(spec.noNegativeZero && Number.isFinite(x) && !/[1-9]/.test(body.replace(/e.*$/i, '')));
    return (negative ? '-' : sign === '+' || sign === ' ' ? sign : '') + body;
  };
  const body = (skipRe ? '' : part(re, spec.sign)) + part(im, skipRe ? spec.sign : '+') + 'j';
  const out = pad(parens ? `(${body})` : body, '', spec, '>');
  // two parts, each within the size limit, may not be together
  checkSize(out.length);
  return out;
}
