/**
 * x with n decimals, rounded as CPython rounds: on the exact binary value, ties to even.
 * JS's toFixed breaks exact ties away from zero ((0.125).toFixed(2) == '0.13', Python says '0.12').
 */
export function toFixedPy(x: number, n: number): string {
  // past toFixed's 100 digits, from the exact expansion
  if (n > 100 && Number.isFinite(x)) return fixedExact(x, n);
  const digits = n;
  // from 1e21 toFixed writes an exponent; a double that large is an integer, its digits exact in a BigInt
  if (Number.isFinite(x) && Math.abs(x) >= 1e21) return BigInt(x).toString() + (digits > 0 ? '.' + '0'.repeat(digits) : '');
  const plain = x.toFixed(digits);
  if (!Number.isFinite(x)) return plain;
  // the exact expansion decides whether x sits exactly half-way
  const exact = x.toFixed(Math.min(100, digits + 60));
  const dot = exact.indexOf('.');
  const tail = dot < 0 ? '' : exact.slice(dot + 1 + digits);
  if (!/^50*$/.test(tail)) return plain;
  const truncated = digits === 0 ? exact.slice(0, dot) : exact.slice(0, dot + 1 + digits);
  const lastDigit = Number(truncated.replace(/\D/g, '').slice(-1));
  if (lastDigit % 2 === 0) return truncated === '-0' ? '-0' : truncated;
  return plain;
}

/**
 * x ** n for an integral n, correctly rounded, as glibc's pow (which CPython calls) is
 * in practice and V8's Math.pow is not: |x| = m * 2**e exactly, so x ** n is a ratio of
 * BigInts, rounded once. Undefined where that is out of reach (|n| > 128, or a result
 * outside the normal range), for Math.pow to answer.
 */
export function exactPow(x: number, n: number): number | undefined {
  if (!Number.isFinite(x) || x === 0 || !Number.isInteger(n) || Math.abs(n) > 128 || n === 0) return undefined;
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  const power = BigInt(m) ** BigInt(Math.abs(n));
  // |x| ** n = p / q * 2 ** k
  const [p, q, k] = n > 0 ? [power, 1n, e * n] : [1n, power, e * n];
  // a quotient of at least 66 bits, its last bit set if inexact: Number() then rounds it once, correctly
  const shift = 66 - (p.toString(2).length - q.toString(2).length);
  const num = shift > 0 ? p << BigInt(shift) : p;
  const den = shift < 0 ? q << BigInt(-shift) : q;
  let quotient = num / den;
  if (num % den !== 0n) quotient |= 1n;
  const exp = k - shift;
  const half = Math.trunc(exp / 2);
  const r = Number(quotient) * 2 ** half * 2 ** (exp - half);
  if (!(Math.abs(r) >= 2 ** -1022) || !Number.isFinite(r)) return undefined;
  return x < 0 && n % 2 !== 0 ? -r : r;
}

/**
 * |x| as exact decimal digits: |x| = 0.DIGITS * 10 ** point (DIGITS without trailing zeros;
 * '' for 0). A double is m * 2 ** e exactly, so its expansion is finite.
 */
function exactDigits(x: number): [digits: string, point: number] {
  let m = Math.abs(x);
  if (m === 0) return ['', 0];
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  const all = e === 0 ? BigInt(m).toString() : (BigInt(m) * 5n ** BigInt(-e)).toString();
  return [all.replace(/0+$/, ''), all.length + e];
}

/** The first n digits rounded half to even on the rest: [n digits, 1 if rounding added a leading digit]. */
function roundDigits(digits: string, n: number): [string, number] {
  if (digits.length <= n) return [digits.padEnd(n, '0'), 0];
  const head = digits.slice(0, n);
  const next = digits[n];
  const exactHalf = next === '5' && !/[1-9]/.test(digits.slice(n + 1));
  const up = next > '5' || (next === '5' && (!exactHalf || Number(head[n - 1]) % 2 === 1));
  if (!up) return [head, 0];
  const raised = (BigInt(head) + 1n).toString().padStart(n, '0');
  return raised.length > n ? [raised.slice(0, n), 1] : [raised, 0];
}

/**
 * x.toExponential(p) as CPython rounds it (dtoa: the exact value, ties to even; any p):
 * JavaScript breaks exact ties upward ((0.125).toExponential(1) == '1.3e-1', Python '1.2e-01')
 * and refuses p > 100. Same shape as toExponential's answer.
 */
export function toExponentialPy(x: number, p: number): string {
  if (!Number.isFinite(x)) return x.toExponential(Math.min(p, 100));
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [digits, point] = exactDigits(x);
  if (digits === '') return `${sign}0${p > 0 ? '.' + '0'.repeat(p) : ''}e+0`;
  const [d, carry] = roundDigits(digits, p + 1);
  const exp = point - 1 + carry;
  return `${sign}${d[0]}${p > 0 ? '.' + d.slice(1) : ''}e${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

/** x with n decimals from its exact value: |x| * 10 ** n rounded half to even, as a BigInt. */
function fixedExact(x: number, n: number): string {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  // |x| * 10 ** n = m * 10 ** n / 2 ** -e
  const num = BigInt(m) * 10n ** BigInt(n) * (e > 0 ? 2n ** BigInt(e) : 1n);
  const den = e < 0 ? 2n ** BigInt(-e) : 1n;
  let q = num / den;
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && q % 2n === 1n)) q++;
  const body = q.toString().padStart(n + 1, '0');
  return `${sign}${body.slice(0, body.length - n)}.${body.slice(body.length - n)}`;
}
