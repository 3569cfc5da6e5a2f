/** The decimal module a condition imports: Decimal, Context, the signals, the rounding names and the context functions. */
import { bind } from '../../args.js';
import { bindArgs, positionalSignature } from '../../signature.js';
import { typeErr } from '../../exceptions.js';
import { PyFunc, PyModule, type Py } from '../../values.js';
import { BASIC_CONTEXT, contextArg, copyCtx, DEFAULT_CONTEXT, EXTENDED_CONTEXT, getContext, LocalContext, MAX_EMAX, MAX_PREC, MIN_EMIN, MIN_ETINY, PyContext, setContext, setField } from './context.js';
import { CONTEXT_TYPE } from './context-type.js';
import { DECIMAL_TUPLE, DECIMAL_TYPE } from './decimal-type.js';
import { ROUNDINGS } from './number.js';
import * as sig from './signals.js';

// METH_NOARGS and METH_O functions, which CPython names by their module
const GETCONTEXT = positionalSignature('getcontext', 'noargs', 0, 0, 'decimal');
const SETCONTEXT = positionalSignature('setcontext', 'one', 1, 1, 'decimal');

const LOCALCONTEXT_FIELDS = ['prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'];

/** localcontext(ctx=None, **kwargs): a copy of ctx (the current context's), changed by the keywords. */
function localcontext(a: Py[], kw: Map<string, Py> | null): Py {
  // the context's fields are read as keywords before ctx is looked at (_decimal's context_init)
  if (kw !== null) for (const name of kw.keys()) if (name !== 'ctx' && !LOCALCONTEXT_FIELDS.includes(name)) throw typeErr(`'${name}' is an invalid keyword argument for this function`);
  const rest = kw === null ? null : new Map([...kw].filter(([k]) => k === 'ctx'));
  const [ctx] = bind('localcontext', a, rest, ['ctx']);
  if (ctx !== undefined && ctx !== null && !(ctx instanceof PyContext)) throw typeErr('optional argument must be a context');
  const copy = new PyContext(copyCtx(contextArg(ctx).c));
  if (kw !== null) {
    for (const [name, v] of kw) {
      if (name === 'ctx') continue;
      if (!LOCALCONTEXT_FIELDS.includes(name)) throw typeErr(`'${name}' is an invalid keyword argument for this function`);
      setField(copy, name, v);
    }
  }
  return new LocalContext(copy);
}

export const DECIMAL_MODULE = new PyModule(
  'decimal',
  new Map<string, Py>([
    ['Decimal', DECIMAL_TYPE],
    ['Context', CONTEXT_TYPE],
    ['DecimalTuple', DECIMAL_TUPLE as never],
    ['getcontext', new PyFunc('getcontext', (a, kw) => (bindArgs(GETCONTEXT, a, kw), getContext()))],
    ['setcontext', new PyFunc('setcontext', (a, kw) => {
      const [c] = bindArgs(SETCONTEXT, a, kw);
      setContext(c);
      return null;
    })],
    ['localcontext', new PyFunc('localcontext', localcontext)],
    ['DefaultContext', DEFAULT_CONTEXT as never],
    ['BasicContext', BASIC_CONTEXT as never],
    ['ExtendedContext', EXTENDED_CONTEXT as never],
    ['DecimalException', sig.DecimalException],
    ['Clamped', sig.Clamped],
    ['InvalidOperation', sig.InvalidOperation],
    ['ConversionSyntax', sig.ConversionSyntax],
    ['DivisionByZero', sig.DivisionByZero],
    ['DivisionImpossible', sig.DivisionImpossible],
    ['DivisionUndefined', sig.DivisionUndefined],
    ['Inexact', sig.Inexact],
    ['InvalidContext', sig.InvalidContext],
    ['Rounded', sig.Rounded],
    ['Subnormal', sig.Subnormal],
    ['Overflow', sig.Overflow],
    ['Underflow', sig.Underflow],
    ['FloatOperation', sig.FloatOperation],
    ...ROUNDINGS.map((r): [string, Py] => [r, r]),
    ['MAX_PREC', MAX_PREC],
    ['MAX_EMAX', MAX_EMAX],
    ['MIN_EMIN', MIN_EMIN],
    ['MIN_ETINY', MIN_ETINY],
    ['HAVE_THREADS', true],
    ['HAVE_CONTEXTVAR', true],
  ]),
);
