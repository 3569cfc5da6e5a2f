/** Decimal's slot dunders called by name (`d.__add__(x)`, `Decimal.__pow__(d, y, m)`): its slots', and pow's modulus as nm_mpd_qpow takes it. */
import { NOT_IMPLEMENTED_VALUE } from '../../class-operators.js';
import { slotDunderCall, type DunderCall } from '../../slot-dunder-calls.js';
import { NOT_IMPLEMENTED } from '../../types/protocol.js';
import type { Py } from '../../values.js';
import { Frac, FRACTION } from '../fractions.js';
import { DECIMAL } from './decimal-type.js';
import { powerModuloSlot } from './power-modulo.js';

const answer = (r: Py): Py => (r === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : r);

/** A comparison's mirror, which Fraction's slots answer for a Decimal on its right. */
const MIRROR: Readonly<Record<string, string>> = { __eq__: '__eq__', __ne__: '__ne__', __lt__: '__gt__', __le__: '__ge__', __gt__: '__lt__', __ge__: '__le__' };

/** nb_int and nb_float, which the slots table has not: the protocols' own (DECIMAL.baseMethods). */
const CONVERSIONS = new Set(['__int__', '__float__']);

export function decimalDunder(name: string): DunderCall | undefined {
  if (CONVERSIONS.has(name)) {
    const m = DECIMAL.baseMethods!.get(name)!;
    return (self) => m(self, [], null);
  }
  const call = slotDunderCall(DECIMAL, name);
  if (call !== undefined && MIRROR[name] !== undefined) {
    // _decimal's convert_op_cmp takes a Rational exactly, as the operators do through Fraction's slots (this one's take no Fraction)
    const mirror = slotDunderCall(FRACTION, MIRROR[name])!;
    return (self, args) => (args[0] instanceof Frac ? mirror(args[0], [self]) : call(self, args));
  }
  if (call === undefined || (name !== '__pow__' && name !== '__rpow__')) return call;
  // wrap_ternaryfunc(_r): a modulus other than None is the three-argument power's, self the base (or, reflected, the exponent)
  return (self, args) => {
    if (args.length < 2 || args[1] === null) return call(self, args);
    return answer(name === '__pow__' ? powerModuloSlot(self, args[0], args[1]) : powerModuloSlot(args[0], self, args[1]));
  };
}
