/** math's functions of a float's neighbours: ulp and nextafter. */
const view = new DataView(new ArrayBuffer(8));

/** math.nextafter(x, y): the next double after x towards y (C99's nextafter). */
export function nextafter(x: number, y: number): number {
  // glibc's x + y: the NaN among them, its sign bit kept
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, (x < y) === (x > 0) ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** math.ulp(x): the gap to the next double away from zero (below the largest, the gap beneath it). */
export function ulp(x: number): number {
  // math_ulp returns a NaN as it is, sign bit and all
  if (x !== x) return x;
  if (!Number.isFinite(x)) return Math.abs(x);
  x = Math.abs(x);
  const up = nextafter(x, Infinity);
  return Number.isFinite(up) ? up - x : x - nextafter(x, 0);
}
