/** math's functions that take a double apart or put one together: frexp, ldexp, modf, remainder (C99's). */
const view = new DataView(new ArrayBuffer(8));

/** frexp(x): [m, e] with x == m * 2**e and 0.5 <= |m| < 1; x itself with 0 for zeros, infinities and NaN. */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let shift = 0;
  // a subnormal has no exponent bits to read: scale it into the normal range first
  if (Math.abs(x) < 2 ** -1022) {
    x *= 2 ** 64;
    shift = 64;
  }
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  view.setUint32(0, (hi & 0x800fffff) | (1022 << 20));
  return [view.getFloat64(0), biased - 1022 - shift];
}

/** ldexp(x, e): x * 2**e rounded once, half to even (subnormal results included), as C's ldexp. */
export function ldexp(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const [m, ex] = frexp(x);
  const t = ex + e;
  if (t > 1024) return x > 0 ? Infinity : -Infinity;
  // m * 2**53 is an integer of 53 bits: the result is it times 2**(t - 53)
  const mant = m * 2 ** 53;
  const scale = t - 53;
  if (scale >= -1074) return mant * 2 ** scale;
  // below the subnormals' unit: round the integer to fewer bits, half to even, then it is exact
  const drop = -1074 - scale;
  if (drop > 54) return x > 0 ? 0 : -0;
  const whole = Math.abs(mant);
  const unit = 2 ** drop;
  let q = Math.floor(whole / unit);
  const rest = whole - q * unit;
  if (rest > unit / 2 || (rest === unit / 2 && q % 2 === 1)) q++;
  const r = q * 2 ** -1074;
  return x > 0 ? r : -r;
}

/** modf(x): the fractional and integral parts, both with x's sign. */
export function modf(x: number): [number, number] {
  if (x !== x) return [x, x];
  if (!Number.isFinite(x)) return [x > 0 ? 0 : -0, x];
  const whole = Math.trunc(x);
  const frac = x - whole;
  return [frac === 0 && (x < 0 || Object.is(x, -0)) ? -0 : frac, whole];
}

/** remainder(x, y): IEEE 754's x - n*y with n the integer nearest x/y, ties to even (CPython's m_remainder). */
export function remainder(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0) return NaN;
    const absx = Math.abs(x);
    const absy = Math.abs(y);
    const m = absx % absy;
    const c = absy - m;
    let r: number;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2 * ((0.5 * (absx - m)) % absy);
    return x < 0 || Object.is(x, -0) ? -r : r;
  }
  if (x !== x) return x;
  if (y !== y) return y;
  if (!Number.isFinite(x)) return NaN;
  return x;
}
