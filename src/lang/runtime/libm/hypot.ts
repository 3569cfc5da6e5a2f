/**
 * hypot(x, y) as glibc 2.35 and later compute it (x86-64 runs its build without FMA):
 * sqrt(x*x + y*y), then the correction of Carlos F. Borges, "An Improved Algorithm for
 * hypot(a,b)" (2019, arXiv:1904.09481, MyHypot3), with inputs scaled by 2**-600 or
 * 2**600 where squaring would overflow or underflow, and glibc's thresholds for that.
 */
const SCALE = 2 ** -600;
const LARGE = 2 ** 511;
const TINY = 2 ** -459;
const EPS = 2 ** -54;

/** ax >= ay >= 0, squares that neither overflow nor underflow. */
function corrected(ax: number, ay: number): number {
  let h = Math.sqrt(ax * ax + ay * ay);
  let t1: number;
  let t2: number;
  if (h <= 2 * ay) {
    const delta = h - ay;
    t1 = ax * (2 * delta - ax);
    t2 = (delta - 2 * (ax - ay)) * delta;
  } else {
    const delta = h - ax;
    t1 = 2 * delta * (ax - 2 * ay);
    t2 = (4 * delta - ay) * ay + delta * delta;
  }
  h -= (t1 + t2) / (2 * h);
  return h;
}

export function hypot(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return Math.abs(x) === Infinity || Math.abs(y) === Infinity ? Infinity : x + y;
  x = Math.abs(x);
  y = Math.abs(y);
  const ax = x < y ? y : x;
  const ay = x < y ? x : y;
  if (ax > LARGE) return ay <= ax * EPS ? ax + ay : corrected(ax * SCALE, ay * SCALE) / SCALE;
  if (ay < TINY) return ax >= ay / EPS ? ax + ay : corrected(ax / SCALE, ay / SCALE) * SCALE;
  return ay <= ax * EPS ? ax + ay : corrected(ax, ay);
}
