/**
 * x with n decimals, rounded as CPython rounds: on the exact binary value, ties to even.
 * JS's toFixed breaks exact ties away from zero ((0.125).toFixed(2) == '0.13', Python says '0.12').
 */
export function toFixedPy(x: number, n: number): string {
  const digits = Math.min(n, 100);
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
