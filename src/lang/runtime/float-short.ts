/**
 * format_float_short (Python/pystrtod.c) for the types 'r' (repr's shortest digits) and 'g':
 * where the point goes, which zeros are written, and when an exponent is used, with its
 * flags: add_dot_0_if_integer (a float's format with no type) and the alternate form (#),
 * which keeps the point and, for 'g', the trailing zeros ('1.e+16', '2.50', '(1.+2.j)').
 */
import { toExponentialPy } from './numbers.js';

/** x finite and not negative; `precision` is 'g''s digit count (0 read as 1), unused by 'r'. */
export function formatFloatShort(x: number, code: 'r' | 'g', precision: number, addDot0: boolean, alt: boolean): string {
  if (code === 'g' && precision === 0) precision = 1;
  // _Py_dg_dtoa's digits, without trailing zeros, and the point's place after the first of them
  let digits = '0';
  let decpt = 1;
  if (x !== 0) {
    const [mantissa, exp] = (code === 'r' ? x.toExponential() : toExponentialPy(x, precision - 1)).split('e');
    digits = mantissa.replace('.', '').replace(/(?<=.)0+$/, '');
    decpt = Number(exp) + 1;
  }
  let useExp = false;
  let vEnd = digits.length;
  if (code === 'r') useExp = decpt <= -4 || decpt > 16;
  else {
    useExp = decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision);
    if (alt) vEnd = precision;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vStart = decpt <= 0 ? decpt - 1 : 0;
  vEnd = Math.max(vEnd, !useExp && addDot0 ? decpt + 1 : decpt);
  let out = decpt <= 0 ? '0'.repeat(decpt - vStart) + '.' + '0'.repeat(-decpt) : '';
  out += decpt > 0 && decpt <= digits.length ? digits.slice(0, decpt) + '.' + digits.slice(decpt) : digits;
  out += digits.length < decpt ? '0'.repeat(decpt - digits.length) + '.' + '0'.repeat(vEnd - decpt) : '0'.repeat(Math.max(0, vEnd - digits.length));
  if (out.endsWith('.') && !alt) out = out.slice(0, -1);
  if (useExp) out += `e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return out;
}
