/**
 * decimal.Context and its flags and traps (SignalDicts), and the current context, which is
 * the run's own: the module is shared by every condition a worker runs, so the context
 * getcontext() answers, and DefaultContext, BasicContext and ExtendedContext, are made anew
 * at their first read in each run (per-run.ts), and one condition's setcontext or changed
 * precision is never seen by the next.
 */
import { runNumber } from '../../budget.js';
import { NativeContextManager } from '../../context-managers.js';
import { AttributeError, attrErr, fatalErr, keyErr, OverflowError, pyErr, typeErr, UnsupportedError, valueErr } from '../../exceptions.js';
import { intOf } from '../../numbers.js';
import { truthy } from '../../ops.js';
import { PerRun } from '../../per-run.js';
import { registerType } from '../../types/table.js';
import { PyDict, type Py } from '../../values.js';
import { Op, ROUNDINGS, type Ctx, type Rounding } from './number.js';
import { INVALID, S, signalBits, SIGNALS, trapped } from './signals.js';

export const MAX_PREC = 999999999999999999n;
export const MAX_EMAX = 999999999999999999n;
export const MIN_EMIN = -999999999999999999n;
export const MIN_ETINY = -1999999999999999997n;

/** A Context a condition holds: its fields change in place, as CPython's do. */
export class PyContext {
  private views: [SignalDict, SignalDict] | null = null;
  constructor(readonly c: Ctx) {}
  /** context.flags and context.traps: one object each, as _decimal's (`c.flags is c.flags`). */
  view(which: 'flags' | 'traps'): SignalDict {
    this.views ??= [new SignalDict(this, 'flags'), new SignalDict(this, 'traps')];
    return this.views[which === 'flags' ? 0 : 1];
  }
}

/** context.flags or context.traps: a live view of one of the context's bit sets. */
export class SignalDict {
  constructor(readonly ctx: PyContext, readonly which: 'flags' | 'traps') {}
  get bits(): number {
    return this.ctx.c[this.which];
  }
  set bits(v: number) {
    this.ctx.c[this.which] = v;
  }
}

export function newCtx(fields: Partial<Ctx> = {}): Ctx {
  return { prec: 28, rounding: 'ROUND_HALF_EVEN', Emin: -999999, Emax: 999999, capitals: 1, clamp: 0, flags: 0, traps: INVALID | S.DivisionByZero | S.Overflow, ...fields };
}

export const copyCtx = (c: Ctx): Ctx => ({ ...c });

export const DEFAULT_CONTEXT = new PerRun(() => new PyContext(newCtx()));
export const BASIC_CONTEXT = new PerRun(() => new PyContext(newCtx({ prec: 9, rounding: 'ROUND_HALF_UP', traps: INVALID | S.DivisionByZero | S.Overflow | S.Underflow | S.Clamped })));
export const EXTENDED_CONTEXT = new PerRun(() => new PyContext(newCtx({ prec: 9, traps: 0 })));

let currentRun = -1;
let current: PyContext | null = null;

/** getcontext(): the run's current context, a copy of the run's DefaultContext at its first use. */
export function getContext(): PyContext {
  if (currentRun !== runNumber() || current === null) {
    currentRun = runNumber();
    current = new PyContext(copyCtx((DEFAULT_CONTEXT.current() as PyContext).c));
  }
  return current;
}

/** setcontext(c): CPython makes a copy of the three template contexts, and takes any other as it is. */
export function setContext(v: Py): void {
  if (!(v instanceof PyContext)) throw typeErr('argument must be a context');
  const templates = [DEFAULT_CONTEXT, BASIC_CONTEXT, EXTENDED_CONTEXT].map((p) => p.current());
  getContext();
  current = templates.includes(v) ? new PyContext({ ...copyCtx(v.c), flags: 0 }) : v;
}

/** An operation in the context (the current one unless given): its status is raised by `done`. */
export const opIn = (ctx?: PyContext): Op => new Op((ctx ?? getContext()).c);

/** dec_addstatus: the operation's conditions set the context's flags, and a trapped one is raised. */
export function done<T>(op: Op, value: T): T {
  const status = op.status;
  if (status === 0) return value;
  op.ctx.flags |= status;
  const hit = status & op.ctx.traps;
  if (hit !== 0) throw trapped(hit);
  return value;
}

/** A context argument: None for the current one. */
export function contextArg(v: Py | undefined): PyContext {
  if (v === undefined || v === null) return getContext();
  if (!(v instanceof PyContext)) throw typeErr('optional argument must be a context');
  return v;
}

const ROUNDING_WORDS = 'valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]';
const SIGNAL_WORDS = 'valid values for signals are:\n  [InvalidOperation, FloatOperation, DivisionByZero,\n   Overflow, Underflow, Subnormal, Inexact, Rounded,\n   Clamped]';

/**
 * A C ssize_t field's int: TypeError for a non-int, OverflowError past 64 bits, and the field's
 * ValueError outside [lo, hi] (libmpdec's MAX_PREC and MAX_EMAX are 10**18 - 1).
 */
function ssize(v: Py, lo: bigint, hi: bigint, words: string): number {
  const n = intOf(v);
  if (n === undefined) throw typeErr('an integer is required');
  if (typeof n === 'bigint' && (n >= 2n ** 63n || n < -(2n ** 63n))) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
  if (BigInt(n) < lo || BigInt(n) > hi) throw valueErr(words);
  // exponents past 2**53 are beyond what the evaluator's numbers hold exactly
  if (typeof n === 'bigint') throw fatalErr(UnsupportedError, 'decimal contexts with a precision or exponent limit past 2**53 are not supported by the evaluator');
  return n;
}

const LIMIT = 999999999999999999n;

/** Context.__setattr__'s checks and stores. */
export function setField(ctx: PyContext, name: string, v: Py | undefined): void {
  // context_setattr refuses every delete, of any name
  if (v === undefined) throw pyErr(AttributeError, 'context attributes cannot be deleted');
  const c = ctx.c;
  switch (name) {
    case 'prec': {
      const n = ssize(v, 1n, LIMIT, 'valid range for prec is [1, MAX_PREC]');
      c.prec = n;
      return;
    }
    case 'rounding':
      if (typeof v !== 'string' || !(ROUNDINGS as readonly string[]).includes(v)) throw typeErr(ROUNDING_WORDS);
      c.rounding = v as Rounding;
      return;
    case 'Emin': {
      const n = ssize(v, -LIMIT, 0n, 'valid range for Emin is [MIN_EMIN, 0]');
      c.Emin = n;
      return;
    }
    case 'Emax': {
      const n = ssize(v, 0n, LIMIT, 'valid range for Emax is [0, MAX_EMAX]');
      c.Emax = n;
      return;
    }
    case 'capitals': {
      const n = ssize(v, 0n, 1n, 'valid values for capitals are 0 or 1');
      c.capitals = n;
      return;
    }
    case 'clamp': {
      const n = ssize(v, 0n, 1n, 'valid values for clamp are 0 or 1');
      c.clamp = n;
      return;
    }
    case 'flags':
    case 'traps':
      c[name] = signalDictBits(v, 'argument must be a signal dict');
      return;
  }
  throw attrErr(ctx, name);
}


/** The bits a SignalDict or a dict of every signal stands for (Context(flags={...})). */
function signalDictBits(v: Py, words: string): number {
  if (v instanceof SignalDict) return v.bits;
  if (v instanceof PyDict) {
    if (v.m.size !== SIGNALS.length) throw keyErr('invalid signal dict');
    let bits = 0;
    for (const [t, b] of SIGNALS) {
      let found: Py | undefined;
      for (const [k, x] of v.m) if (v.key(k) === t) found = x;
      if (found === undefined) throw keyErr('invalid signal dict');
      if (truthy(found)) bits |= b;
    }
    return bits;
  }
  throw typeErr(words);
}


/** A list of signals (Context(traps=[...])), or a signal dict. */
export function signalListBits(v: Py, items: Py[] | null): number {
  if (items === null) return signalDictBits(v, 'argument must be a signal dict');
  let bits = 0;
  for (const item of items) {
    const b = signalBits(item);
    if (b === undefined) throw keyErr(SIGNAL_WORDS);
    bits |= b;
  }
  return bits;
}

export function signalKey(v: Py): number {
  const b = signalBits(v);
  if (b === undefined) throw keyErr(SIGNAL_WORDS);
  return b;
}

/** The signals set in `bits`, in libmpdec's order of its status bits (mpd_lsnprint_signals). */
export function signalNames(bits: number): string[] {
  const names: string[] = [];
  let invalidShown = false;
  const order: [number, string][] = [
    [S.Clamped, 'Clamped'], [S.ConversionSyntax, 'InvalidOperation'], [S.DivisionByZero, 'DivisionByZero'], [S.DivisionImpossible, 'InvalidOperation'],
    [S.DivisionUndefined, 'InvalidOperation'], [S.FpuError, 'InvalidOperation'], [S.Inexact, 'Inexact'], [S.InvalidContext, 'InvalidOperation'],
    [S.InvalidOperation, 'InvalidOperation'], [S.MallocError, 'InvalidOperation'], [S.FloatOperation, 'FloatOperation'], [S.Overflow, 'Overflow'],
    [S.Rounded, 'Rounded'], [S.Subnormal, 'Subnormal'], [S.Underflow, 'Underflow'],
  ];
  for (const [b, name] of order) {
    if ((bits & b) === 0) continue;
    if (name === 'InvalidOperation') {
      if (invalidShown) continue;
      invalidShown = true;
    }
    names.push(name);
  }
  return names;
}

export function contextRepr(c: Ctx): string {
  return `Context(prec=${c.prec}, rounding=${c.rounding}, Emin=${c.Emin}, Emax=${c.Emax}, capitals=${c.capitals}, clamp=${c.clamp}, flags=[${signalNames(c.flags).join(', ')}], traps=[${signalNames(c.traps).join(', ')}])`;
}

/** localcontext(): sets a copy of the context on entry, and the one it found back on exit. */
export class LocalContext extends NativeContextManager {
  private saved: PyContext | null = null;
  constructor(readonly ctx: PyContext) {
    super();
  }
  enter(): Py {
    this.saved = getContext();
    setContext(this.ctx);
    return getContext();
  }
  exit(): Py {
    if (this.saved !== null) setContext(this.saved);
    return false;
  }
}

registerType(LocalContext, {
  name: () => 'decimal.ContextManager',
  truthy: () => true,
  len: null,
  iter: null,
  repr: () => '<decimal.ContextManager object>',
});

