/**
 * x with n decimals, rounded as CPython rounds: on the exact binary value, ties to even.
 * JS's toFixed breaks exact ties away from zero ((0.125).toFixed(2) == '0.13', Python says '0.12').
 */
export function toFixedPy(x: number, n: number): string {
  const digits = Math.min(n, 100);
  const plain = x.toFixed(digits);
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return plain;
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
