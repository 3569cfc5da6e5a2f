/** pow(x, y, m) with a Decimal among them: _decimal's nm_mpd_qpow with a modulus, which ternary-pow.ts and `d.__pow__(y, m)` ask. */
import { NOT_IMPLEMENTED } from '../../types/protocol.js';
import type { Py } from '../../values.js';
import { done, opIn } from './context.js';
import { operand } from './convert.js';
import { powerModulo } from './power.js';

/** All three made Decimals (an int or a Decimal each), else NotImplemented. */
export function powerModuloSlot(v: Py, w: Py, z: Py): Py {
  const [x, y, m] = [v, w, z].map((u) => operand(u));
  if (x === undefined || y === undefined || m === undefined) return NOT_IMPLEMENTED;
  const op = opIn();
  return done(op, powerModulo(op, x, y, m));
}
