/**
 * decimal's signals and conditions as exception classes, with _decimal's bases, and the
 * status bits libmpdec keeps them in. An operation gathers its status and then, as
 * dec_addstatus does, sets the context's flags and raises the first trapped signal (in
 * signal_map's order) with the list of every trapped condition and signal as its argument.
 */
import { ArithmeticError, PyTypeOfBases, TypeError_, ZeroDivisionError, typeErr } from '../../exceptions.js';
import { registerType } from '../../types/table.js';
import { PyException, type PyType, type Py } from '../../values.js';

/** A signal's class: its name is CPython's __name__, its repr says its module. */
export class DecimalSignalType extends PyTypeOfBases {}
registerType(DecimalSignalType, {
  name: () => 'type',
  truthy: () => true,
  len: null,
  iter: null,
  repr: (v: DecimalSignalType) => `<class 'decimal.${v.name}'>`,
});

/** A builtin type's order after itself: its one base's chain, or the order of a type of several bases. */
const orderOf = (t: PyType): PyType[] => {
  if (t instanceof PyTypeOfBases) return [t, ...t.order];
  const out: PyType[] = [];
  for (let b: PyType | null = t; b !== null; b = b.base) out.push(b);
  return out;
};

/** C3's linearization of a class of these bases, after the class itself (object left out, as the other orders leave it). */
function c3(bases: PyType[]): PyType[] {
  const seqs = [...bases.map(orderOf), [...bases]];
  const out: PyType[] = [];
  for (;;) {
    const live = seqs.filter((q) => q.length > 0);
    if (live.length === 0) return out;
    const head = live.map((q) => q[0]).find((h) => live.every((q) => !q.slice(1).includes(h)))!;
    out.push(head);
    for (const q of live) if (q[0] === head) q.shift();
  }
}

function signal(name: string, bases: PyType[]): DecimalSignalType {
  const sorted = c3(bases);
  const type: DecimalSignalType = new DecimalSignalType(name, (args, kw) => {
    if (kw !== null && kw.size !== 0) throw typeErr(`${name}() takes no keyword arguments`);
    return new PyException(type, args);
  }, bases[0], sorted);
  return type;
}

export const DecimalException = signal('DecimalException', [ArithmeticError]);
export const Clamped = signal('Clamped', [DecimalException]);
export const InvalidOperation = signal('InvalidOperation', [DecimalException]);
export const ConversionSyntax = signal('ConversionSyntax', [InvalidOperation]);
export const DivisionByZero = signal('DivisionByZero', [DecimalException, ZeroDivisionError]);
export const DivisionImpossible = signal('DivisionImpossible', [InvalidOperation]);
export const DivisionUndefined = signal('DivisionUndefined', [InvalidOperation, ZeroDivisionError]);
export const Inexact = signal('Inexact', [DecimalException]);
export const InvalidContext = signal('InvalidContext', [InvalidOperation]);
export const Rounded = signal('Rounded', [DecimalException]);
export const Subnormal = signal('Subnormal', [DecimalException]);
export const Overflow = signal('Overflow', [Inexact, Rounded]);
export const Underflow = signal('Underflow', [Inexact, Rounded, Subnormal]);
export const FloatOperation = signal('FloatOperation', [DecimalException, TypeError_]);

/** libmpdec's status bits. */
export const S = {
  Clamped: 1,
  ConversionSyntax: 2,
  DivisionByZero: 4,
  DivisionImpossible: 8,
  DivisionUndefined: 16,
  FpuError: 32,
  Inexact: 64,
  InvalidContext: 128,
  InvalidOperation: 256,
  MallocError: 512,
  FloatOperation: 1024,
  Overflow: 2048,
  Rounded: 4096,
  Subnormal: 8192,
  Underflow: 16384,
} as const;

/** MPD_IEEE_Invalid_operation: every condition the InvalidOperation signal stands for. */
export const INVALID = S.ConversionSyntax | S.DivisionImpossible | S.DivisionUndefined | S.InvalidContext | S.InvalidOperation | S.MallocError;

/** signal_map's order: the signals a context's flags and traps name, each with its bits. */
export const SIGNALS: readonly (readonly [DecimalSignalType, number])[] = [
  [InvalidOperation, INVALID],
  [FloatOperation, S.FloatOperation],
  [DivisionByZero, S.DivisionByZero],
  [Overflow, S.Overflow],
  [Underflow, S.Underflow],
  [Subnormal, S.Subnormal],
  [Inexact, S.Inexact],
  [Rounded, S.Rounded],
  [Clamped, S.Clamped],
];

/** cond_map's order: the conditions of InvalidOperation, listed before the signals. */
const CONDITIONS: readonly (readonly [DecimalSignalType, number])[] = [
  [InvalidOperation, S.InvalidOperation],
  [ConversionSyntax, S.ConversionSyntax],
  [DivisionImpossible, S.DivisionImpossible],
  [DivisionUndefined, S.DivisionUndefined],
  [InvalidContext, S.InvalidContext],
];

/** The bits a signal class stands for in flags and traps, or undefined for any other value. */
export function signalBits(v: Py): number | undefined {
  for (const [t, bits] of SIGNALS) if (v === t) return bits;
  return undefined;
}

/** dec_addstatus's exception: the first trapped signal, its argument the list of what was trapped. */
export function trapped(bits: number): PyException {
  let type: PyType | undefined;
  for (const [t, b] of SIGNALS) if ((bits & b) !== 0 && type === undefined) type = t;
  const list: Py[] = [];
  for (const [t, b] of CONDITIONS) if ((bits & b) !== 0) list.push(t);
  for (const [t, b] of SIGNALS.slice(1)) if ((bits & b) !== 0) list.push(t);
  return new PyException(type!, [list]);
}
