import { OverflowError, pyErr, typeErr } from './exceptions.js';
import type { Int } from './int/index.js';
import { bindArgs, keywordSignature, positionalSignature, type Signature } from './signature.js';
import { typeName, type Py } from './values.js';

/**
 * Builtins name their parameters where they call bind() or positional(): each distinct
 * list gets one Signature, kept here by the builtin's name, so that a call only looks it up.
 */
const signatures = new Map<string, Signature[]>();

function signaturesOf(fname: string): Signature[] {
  let list = signatures.get(fname);
  if (list === undefined) signatures.set(fname, (list = []));
  return list;
}

function sameNames(s: Signature, names: readonly string[]): boolean {
  if (s.params.length !== names.length) return false;
  for (let i = 0; i < names.length; i++) if (s.params[i].name !== names[i]) return false;
  return true;
}

/**
 * Binds a builtin's positional and keyword arguments to its parameter names, as CPython
 * does: the answer has one entry per name, undefined where nothing was passed. An unknown
 * keyword is worded as C builtins word it, or, given `pythonName`, as a function written
 * in Python (re.search, json.dumps) does.
 */
export function bind(fname: string, args: Py[], kw: Map<string, Py> | null, names: readonly string[], required = 0, pythonName?: string): Py[] {
  const list = signaturesOf(fname);
  let sig: Signature | undefined;
  for (let i = 0; i < list.length && sig === undefined; i++) {
    const s = list[i];
    if (s.wording === 'keywords' && s.min === required && s.pythonName === pythonName && sameNames(s, names)) sig = s;
  }
  if (sig === undefined) list.push((sig = keywordSignature(fname, names, required, pythonName)));
  return bindArgs(sig, args, kw);
}

/** For builtins that take positional arguments only: exactly between min and max of them. */
export function positional(fname: string, args: Py[], kw: Map<string, Py> | null, min: number, max = min): Py[] {
  const list = signaturesOf(fname);
  let sig: Signature | undefined;
  for (let i = 0; i < list.length && sig === undefined; i++) {
    const s = list[i];
    if (s.wording === 'parse' && s.min === min && s.max === max) sig = s;
  }
  if (sig === undefined) list.push((sig = positionalSignature(fname, 'parse', min, max)));
  return bindArgs(sig, args, kw);
}

/** An argument that must be an int of any size (CPython's __index__: ints and bools, not floats or strs). */
export function intArg(v: Py): Int {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw typeErr(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** An int argument that C code reads as a Py_ssize_t (or `ctype`): CPython's OverflowError past it, which a safe integer never is here. */
export function indexArg(v: Py, ctype = 'ssize_t'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') throw pyErr(OverflowError, `Python int too large to convert to C ${ctype}`);
  return intArg(v) as number;
}
