import { typeErr } from './exceptions.js';
import { bindArgs, keywordSignature, positionalSignature, type Signature } from './signature.js';
import { typeName, type Py } from './values.js';

/**
 * Builtins name their parameters where they call bind(): each distinct list gets one
 * Signature, kept here, so a call does no more than look it up.
 */
const signatures = new Map<string, Signature[]>();

function cached(fname: string, same: (s: Signature) => boolean, make: () => Signature): Signature {
  let list = signatures.get(fname);
  if (list === undefined) signatures.set(fname, (list = []));
  for (let i = 0; i < list.length; i++) if (same(list[i])) return list[i];
  const sig = make();
  list.push(sig);
  return sig;
}

const sameNames = (s: Signature, names: readonly string[]): boolean =>
  s.params.length === names.length && names.every((n, i) => s.params[i].name === n);

/**
 * Binds a builtin's positional and keyword arguments to its parameter names, as CPython
 * does: the answer has one entry per name, undefined where nothing was passed. An unknown
 * keyword is worded as C builtins word it, or, given `pythonName`, as a function written
 * in Python (re.search, json.dumps) does.
 */
export function bind(fname: string, args: Py[], kw: Map<string, Py> | null, names: readonly string[], required = 0, pythonName?: string): Py[] {
  const sig = cached(
    fname,
    (s) => s.wording === 'keywords' && s.min === required && s.pythonName === pythonName && sameNames(s, names),
    () => keywordSignature(fname, names, required, pythonName),
  );
  return bindArgs(sig, args, kw);
}

/** For builtins that take positional arguments only: exactly between min and max of them. */
export function positional(fname: string, args: Py[], kw: Map<string, Py> | null, min: number, max = min): Py[] {
  const sig = cached(fname, (s) => s.wording === 'parse' && s.min === min && s.max === max, () => positionalSignature(fname, 'parse', min, max));
  return bindArgs(sig, args, kw);
}

/** An argument that must be an int (CPython's __index__: ints and bools, not floats or strs). */
export function indexArg(v: Py): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw typeErr(`'${typeName(v)}' object cannot be interpreted as an integer`);
}
