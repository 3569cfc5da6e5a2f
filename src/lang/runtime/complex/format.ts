import { valueErr } from '../exceptions.js';
import { floatBody, group, pad, parseSpec } from '../format.js';
import { partRepr } from './text.js';

/**
 * format(z, spec): format_complex_internal (Python/formatter_unicode.c). Both parts in
 * the spec's float type, the imaginary one always signed, then padded as one; no type is
 * repr's digits in brackets (the real part left out when it is +0.0).
 */
export function formatComplex(re: number, im: number, specText: string): string {
  const spec = parseSpec(specText);
  if (spec.fill === '0') throw valueErr('Zero padding is not allowed in complex format specifier');
  if (spec.align === '=') throw valueErr("'=' alignment flag is not allowed in complex format specifier");
  if (spec.type !== '' && !'eEfFgGn'.includes(spec.type)) throw valueErr(`Unknown format code '${spec.type}' for object of type 'complex'`);
  const noType = spec.type === '';
  const skipRe = noType && re === 0 && !Object.is(re, -0);
  const parens = noType && !skipRe;
  const upper = spec.type === 'E' || spec.type === 'F' || spec.type === 'G';
  const type = spec.type === 'n' ? 'g' : spec.type.toLowerCase();
  const part = (x: number, sign: string): string => {
    let body = noType && spec.precision < 0 ? partRepr(Math.abs(x)) : floatBody(Math.abs(x), noType ? 'g' : type, spec.precision, spec.alt);
    if (upper) body = body.toUpperCase();
    if (spec.grouping) {
      const dot = body.search(/[.eE]/);
      const intPart = dot < 0 ? body : body.slice(0, dot);
      if (/^\d+$/.test(intPart)) body = group(intPart, spec.grouping) + (dot < 0 ? '' : body.slice(dot));
    }
    // z: a part whose digits are all zeros is not negative; a NaN has no sign
    const negative = (x < 0 || Object.is(x, -0)) && !(spec.noNegativeZero && !/[1-9]/.test(body.replace(/e.*$/i, '')));
    return (negative ? '-' : sign === '+' || sign === ' ' ? sign : '') + body;
  };
  const body = (skipRe ? '' : part(re, spec.sign)) + part(im, skipRe ? spec.sign : '+') + 'j';
  return pad(parens ? `(${body})` : body, '', spec, '>');
}
