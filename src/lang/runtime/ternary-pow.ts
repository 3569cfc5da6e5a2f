/**
 * pow(base, exp, mod) with a modulus, as CPython's ternary_op asks the operands' nb_power
 * slots: base's type's, then exp's (a type and slot of its own), then mod's, each called with
 * all three, until one answers other than NotImplemented. float's refuses any modulus and
 * complex's calls it a 'complex modulo' whatever the other operands are, so the order decides
 * which error a mixed call raises.
 */
import { NOT_IMPLEMENTED_VALUE } from './class-operators.js';
import { PyComplex } from './complex/type.js';
import { typeErr, valueErr } from './exceptions.js';
import * as int from './int/index.js';
import { intOf } from './numbers.js';
import { callSpecial, hasSpecial } from './special-methods.js';
import { protocolMethod } from './types/table.js';
import { Dec } from './modules/decimal/number.js';
import { powerModuloSlot } from './modules/decimal/power-modulo.js';
import { NOT_IMPLEMENTED } from './types/protocol.js';
import { PyFloat, typeName, type Py } from './values.js';

/** Which nb_power a value's type has: long_pow, float_pow, complex_pow, _decimal's, slot_nb_power (a class's __pow__, Fraction's), or none. */
type Slot = 'long' | 'float' | 'complex' | 'decimal' | 'class' | null;

function slotOf(v: Py): Slot {
  if (hasSpecial(v, '__pow__') || hasSpecial(v, '__rpow__')) return 'class';
  if (isInt(v)) return 'long';
  if (v instanceof PyFloat) return 'float';
  if (v instanceof PyComplex) return 'complex';
  // a Decimal subclass's instance has _decimal's; Fraction's is written in Python: slot_nb_power
  if (v instanceof Dec) return 'decimal';
  return v === null || typeof v !== 'object' || protocolMethod(v, '__pow__') === undefined ? null : 'class';
}

/** An int, a bool, an int subclass's instance (re.I too): an int to long_pow (a class's own __pow__ is 'class' above). */
const isInt = (v: Py): boolean => intOf(v) !== undefined;

/** TO_COMPLEX: what complex_pow takes as an operand. */
const complexOperand = (v: Py): boolean => isInt(v) || v instanceof PyFloat || v instanceof PyComplex;

/** One slot's call on all three: its answer, or NOT_IMPLEMENTED_VALUE. */
function callSlot(slot: Slot, v: Py, w: Py, z: Py): Py {
  switch (slot) {
    case 'long':
      return isInt(v) && isInt(w) && isInt(z) ? int.powMod(intOf(v)!, intOf(w)!, intOf(z)!) : NOT_IMPLEMENTED_VALUE;
    case 'float':
      throw typeErr('pow() 3rd argument not allowed unless all arguments are integers');
    case 'complex':
      if (complexOperand(v) && complexOperand(w)) throw valueErr('complex modulo');
      return NOT_IMPLEMENTED_VALUE;
    case 'decimal': {
      // nm_mpd_qpow converts all three (an int or a Decimal), else NotImplemented
      const r = powerModuloSlot(v, w, z);
      return r === NOT_IMPLEMENTED ? NOT_IMPLEMENTED_VALUE : r;
    }
    case 'class':
      // slot_nb_power: three-argument power calls base's __pow__ only, never __rpow__
      if (slotOf(v) !== 'class') return NOT_IMPLEMENTED_VALUE;
      if (hasSpecial(v, '__pow__')) return callSpecial(v, '__pow__', [w, z])!;
      return hasSpecial(v, '__rpow__') ? NOT_IMPLEMENTED_VALUE : protocolMethod(v as object, '__pow__')!(v, [w, z], null);
    default:
      return NOT_IMPLEMENTED_VALUE;
  }
}

/** pow(v, w, z) for a z that is not None. */
export function ternaryPow(v: Py, w: Py, z: Py): Py {
  const sv = slotOf(v);
  const sw = typeName(w) === typeName(v) ? null : slotOf(w);
  const slots: Slot[] = [sv];
  if (sw !== sv) slots.push(sw);
  const sz = slotOf(z);
  if (!slots.includes(sz)) slots.push(sz);
  for (const slot of slots) {
    if (slot === null) continue;
    const r = callSlot(slot, v, w, z);
    if (r !== NOT_IMPLEMENTED_VALUE) return r;
  }
  throw typeErr(`unsupported operand type(s) for ** or pow(): '${typeName(v)}', '${typeName(w)}', '${typeName(z)}'`);
}
