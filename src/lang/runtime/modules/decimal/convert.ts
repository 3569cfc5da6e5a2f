/** Values made Decimals: ints and floats exactly, strs in a context, tuples checked as _decimal checks them. */
import { SPACES } from '../../py-space.js';
import { fatalErr, typeErr, UnsupportedError, valueErr } from '../../exceptions.js';
import { big as bigOfInt } from '../../int/index.js';
import { intOf } from '../../numbers.js';
import { PyFloat, PyStrBox, PyTuple, typeName, type Py } from '../../values.js';
import { floatRatio } from '../fraction.js';
import { digitsOf, payDigits } from './cost.js';
import { dec, Dec, ExponentOutOfRange, fix, Op, parse, stripZeros } from './number.js';
import { S } from './signals.js';

/** A Decimal value: the type's own. */
export const isDec = (v: Py): v is Dec & Py => v instanceof Dec;

export function fromInt(n: bigint | number): Dec {
  const b = typeof n === 'bigint' ? n : BigInt(n);
  return dec(b < 0n ? 1 : 0, digitsOf(b < 0n ? -b : b), 0);
}

/** A float's exact value (from_float). */
export function fromFloat(x: number): Dec {
  // _decimal makes every float NaN a positive NaN, whatever its sign bit ("decimal.py calls repr(float(+-nan))")
  if (Number.isNaN(x)) return dec(0, '', 'n');
  if (!Number.isFinite(x)) return dec(x < 0 ? 1 : 0, '0', 'F');
  const sign = x < 0 || Object.is(x, -0) ? 1 : 0;
  if (x === 0) return dec(sign, '0', 0);
  const { n, d } = floatRatio(Math.abs(x));
  // d is 2**k: n / 2**k is n * 5**k / 10**k
  const k = d.toString(2).length - 1;
  return dec(sign, digitsOf(n * 5n ** BigInt(k)), -k);
}

/**
 * Decimal(str) in a context: exact, or a NaN with ConversionSyntax. Decimal() reads the str in
 * libmpdec's widest context, so only create_decimal (not `exact`) holds a NaN's payload to its own.
 */
export function fromString(op: Op, s: string, exact: boolean): Dec {
  let d: Dec | undefined;
  try {
    d = parse(s);
  } catch (e) {
    if (!(e instanceof ExponentOutOfRange)) throw e;
    if (e.invalid) return op.invalid();
    throw fatalErr(UnsupportedError, 'a Decimal exponent past 2**53 is not supported by the evaluator');
  }
  if (d === undefined) return op.invalid(S.ConversionSyntax);
  // a NaN's payload longer than the context allows is no number (libmpdec's conversion)
  if (!exact && d.isNaN() && d.int.length > op.prec - op.ctx.clamp) return op.invalid(S.ConversionSyntax);
  return d;
}

/** Decimal((sign, digits, exponent)). */
export function fromTuple(t: Py[]): Dec {
  if (t.length !== 3) throw valueErr('argument must be a sequence of length 3');
  const [sign, digits, exponent] = t;
  const s = intOf(sign);
  if (typeof sign === 'boolean' || s === undefined || (s !== 0 && s !== 1)) throw valueErr('sign must be an integer with the value 0 or 1');
  let special: 'F' | 'n' | 'N' | undefined;
  let exp = 0;
  if (typeof exponent === 'string') {
    if (exponent === 'F') special = 'F';
    else if (exponent === 'n') special = 'n';
    else if (exponent === 'N') special = 'N';
    else throw valueErr("string argument in the third position must be 'F', 'n' or 'N'");
  } else {
    const e = intOf(exponent);
    if (e === undefined) throw valueErr('exponent must be an integer');
    if (typeof e === 'bigint') throw fatalErr(UnsupportedError, 'a Decimal exponent past 2**53 is not supported by the evaluator');
    exp = e;
  }
  const items = digits instanceof PyTuple ? digits.items : Array.isArray(digits) ? digits : null;
  if (items === null) throw valueErr('coefficient must be a tuple of digits');
  payDigits(items.length);
  let text = '';
  for (const item of items) {
    const n = intOf(item);
    if (n === undefined || typeof n === 'bigint' || n < 0 || n > 9 || typeof item === 'boolean' && false) throw valueErr('coefficient must be a tuple of digits');
    text += String(n);
  }
  if (special === 'F') return dec(s, '0', 'F');
  if (special !== undefined) {
    const payload = stripZeros(text || '0');
    return dec(s, payload === '0' ? '' : payload, special);
  }
  return dec(s, stripZeros(text || '0'), exp);
}

/** An operand of an arithmetic operator: a Decimal or an int, else undefined (NotImplemented). */
export function operand(v: Py): Dec | undefined {
  // a subclass's instance is read as its value: no operator or method answers it (dec_alloc makes a Decimal)
  if (v instanceof Dec) return v.constructor === Dec ? v : new Dec(v.sign, v.int, v.exp);
  const n = intOf(v);
  if (n !== undefined) return fromInt(bigOfInt(n));
  return undefined;
}

/** An operand of a method (convert_op_raise): a Decimal or an int, else CPython's TypeError. */
export function operandOf(v: Py): Dec {
  const d = operand(v);
  if (d !== undefined) return d;
  throw typeErr(`conversion from ${typeName(v)} to Decimal is not supported`);
}

/** Decimal(value, context): what the constructor makes of each kind of value. */
export function construct(op: Op, v: Py, exact = true): Dec {
  if (v === undefined) return dec(0, '0', 0);
  // Decimal(m) of a subclass's instance is a Decimal
  if (v instanceof Dec) return v.constructor === Dec ? v : new Dec(v.sign, v.int, v.exp);
  if (v instanceof PyStrBox) v = v.value;
  if (typeof v === 'string') return fromString(op, v, exact);
  const n = intOf(v);
  if (n !== undefined) return fromInt(bigOfInt(n));
  if (v instanceof PyFloat) {
    op.raise(S.FloatOperation);
    return fromFloat(v.v);
  }
  if (v instanceof PyTuple) return fromTuple(v.items);
  if (Array.isArray(v)) return fromTuple(v);
  throw typeErr(`conversion from ${typeName(v)} to Decimal is not supported`);
}

/** A str with str.isspace()'s white space at an end, or an underscore: what create_decimal reads as no number. */
const SPACED_OR_UNDERSCORED = new RegExp(`^[${SPACES}]|[${SPACES}]$|_`);

/** create_decimal: the value rounded into the context (a NaN's payload cut to it). */
export function createDecimal(op: Op, v: Py): Dec {
  // create_decimal reads a str as it is: no white space stripped, no underscores dropped
  const text = v instanceof PyStrBox ? v.value : v;
  if (typeof text === 'string' && SPACED_OR_UNDERSCORED.test(text)) return op.invalid(S.ConversionSyntax);
  const d = construct(op, v, false);
  return fix(d, op);
}

export { Dec };
