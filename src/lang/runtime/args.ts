import { OverflowError, pyErr, typeErr } from './exceptions.js';
import type { Int } from './int/index.js';
import { slotsOf } from './types/table.js';
import { bindArgs, keywordSignature, positionalSignature, type Kinds, type Signature } from './signature.js';
import { PyIntBox, typeName, type Py } from './values.js';

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
  const params = s.params.filter((p) => p.star === '');
  if (params.length !== names.length) return false;
  for (let i = 0; i < names.length; i++) if (params[i].name !== names[i]) return false;
  return true;
}

/**
 * Binds a builtin's positional and keyword arguments to its parameter names, as CPython
 * does: the answer has one entry per name, undefined where nothing was passed. An unknown
 * keyword is worded as C builtins word it, or, given `pythonName`, as a function written
 * in Python (re.search, json.dumps) does.
 */
export function bind(fname: string, args: Py[], kw: Map<string, Py> | null, names: readonly string[], required = 0, pythonName?: string, kinds?: Kinds): Py[] {
  // the common call, positional arguments within the count, has nothing to check nor word: no signature looked up
  if (kw === null && args.length >= required && args.length <= names.length - (kinds?.kwOnly ?? 0)) {
    const out = args.slice();
    for (let i = args.length; i < names.length; i++) out.push(undefined);
    return out;
  }
  const list = signaturesOf(fname);
  let sig: Signature | undefined;
  for (let i = 0; i < list.length && sig === undefined; i++) {
    const s = list[i];
    if (s.wording === 'keywords' && s.min === required && s.pythonName === pythonName && s.posOnly === (kinds?.posOnly ?? 0) && sameNames(s, names)) sig = s;
  }
  if (sig === undefined) list.push((sig = keywordSignature(fname, names, required, pythonName, kinds)));
  const out = bindArgs(sig, args, kw);
  // one value a name: the slot of a keyword-only parameters' `*` dropped
  if (sig.starAt >= 0) out.splice(sig.starAt, 1);
  return out;
}

/**
 * bind() for a C function that PyArg_ParseTupleAndKeywords parses (vgetargskeywords): each
 * argument is converted as it is met, in the parameters' order, so a wrong one is named before
 * a missing one after it or an unknown keyword. `convert(value, i)` answers argument i converted, or throws.
 */
export function bindParsed(fname: string, args: Py[], kw: Map<string, Py> | null, names: readonly string[], required: number, convert: (v: Py, i: number) => Py): Py[] {
  const converted: (Py | undefined)[] = [];
  // what bind() would refuse first (too many) aside, the arguments met before a missing one are converted first
  if (args.length + (kw?.size ?? 0) <= names.length) {
    for (let i = 0; i < names.length; i++) {
      const v = i < args.length ? args[i] : kw?.get(names[i]);
      if (v !== undefined) converted[i] = convert(v, i);
      else if (i < required) break;
    }
  }
  const out = bind(fname, args, kw, names, required);
  for (let i = 0; i < out.length; i++) if (out[i] !== undefined) out[i] = i in converted ? converted[i] : convert(out[i], i);
  return out;
}

/** For builtins that take positional arguments only: exactly between min and max of them. */
export function positional(fname: string, args: Py[], kw: Map<string, Py> | null, min: number, max = min): Py[] {
  // as bindArgs answers a right call, without looking its signature up (needed for the words of a wrong one)
  if (kw === null && args.length >= min && args.length <= max) return args;
  const list = signaturesOf(fname);
  let sig: Signature | undefined;
  for (let i = 0; i < list.length && sig === undefined; i++) {
    const s = list[i];
    if (s.wording === 'parse' && s.min === min && s.max === max) sig = s;
  }
  if (sig === undefined) list.push((sig = positionalSignature(fname, 'parse', min, max)));
  return bindArgs(sig, args, kw);
}

/** An argument that must be an int of any size (CPython's __index__: ints, bools and re's flags, not floats or strs). */
export function intArg(v: Py): Int {
  const n = indexValue(v);
  if (n !== undefined) return n;
  throw typeErr(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** PyNumber_Index without its error: an int, a bool, an int subclass's instance (re's flags), or a class's __index__; else undefined. */
export function indexValue(v: Py): Int | undefined {
  // numbers.ts's intOf, written here: numbers.ts reaches this module through int/
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyIntBox) return v.value;
  return indexOf(v);
}

/** The int a value of a condition's class stands for by its __index__ (nb_index), or undefined. */
export function indexOf(v: Py): Int | undefined {
  return v !== null && typeof v === 'object' ? slotsOf(v)?.index?.(v) : undefined;
}

const clinicSignatures = new Map<string, Signature>();

/** For METH_NOARGS functions of a module ("time.time() takes no arguments (1 given)"). */
export function noArgs(fname: string, args: Py[], kw: Map<string, Py> | null, owner: string): void {
  if (kw === null && args.length === 0) return;
  const key = `${owner}.${fname}/none`;
  let sig = clinicSignatures.get(key);
  if (sig === undefined) clinicSignatures.set(key, (sig = positionalSignature(fname, 'noargs', 0, 0, owner)));
  bindArgs(sig, args, kw);
}

/** noArgs for a method bound to an instance of a condition's subclass, which names it ("envelope.<locals>.S.copy()"): not cached, the name is the run's. */
export function noArgsOf(fname: string, args: Py[], kw: Map<string, Py> | null, owner: string): void {
  if (args.length > 0 || (kw !== null && kw.size > 0)) bindArgs(positionalSignature(fname, 'noargs', 0, 0, owner), args, kw);
}

/** For METH_O builtins, one positional argument and no keywords ("len() takes exactly one argument (0 given)"). */
export function one(fname: string, args: Py[], kw: Map<string, Py> | null, owner?: string): Py {
  if (kw === null && args.length === 1) return args[0];
  const key = `${owner}.${fname}/one`;
  let sig = clinicSignatures.get(key);
  if (sig === undefined) clinicSignatures.set(key, (sig = positionalSignature(fname, 'one', 1, 1, owner)));
  return bindArgs(sig, args, kw)[0];
}

/**
 * For functions Argument Clinic declares positional-only ("comb expected 2 arguments, got 1"):
 * between min and max of them. `owner`: the module a keyword's error names ("_operator.add() takes no keyword arguments").
 */
export function clinic(fname: string, args: Py[], kw: Map<string, Py> | null, min: number, max = min, owner?: string): Py[] {
  if (kw === null && args.length >= min && args.length <= max) return args;
  const key = `${owner}.${fname}/${min}/${max}`;
  let sig = clinicSignatures.get(key);
  if (sig === undefined) clinicSignatures.set(key, (sig = positionalSignature(fname, 'clinic', min, max, owner)));
  return bindArgs(sig, args, kw);
}

/** An int argument read as a C int (Argument Clinic's `int` and `bool(accept={int})`, _PyLong_AsInt): CPython's words past its range. */
export function cIntArg(v: Py): number {
  const n = intArg(v);
  if (n > 2 ** 31 - 1 || n < -(2 ** 31)) throw pyErr(OverflowError, 'Python int too large to convert to C int');
  return Number(n);
}

/** An int argument that C code reads as a Py_ssize_t (or `ctype`): CPython's OverflowError past it, which a safe integer never is here. */
export function indexArg(v: Py, ctype = 'ssize_t'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') throw pyErr(OverflowError, `Python int too large to convert to C ${ctype}`);
  return intArg(v) as number;
}
