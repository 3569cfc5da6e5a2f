import { work } from './budget.js';
import { typeErr } from './exceptions.js';
import { type Py, PyDict, tupleOf } from './values.js';

/**
 * How a callable takes its arguments, and the one binder that checks a call against it,
 * for builtins, methods, launch() and lambdas alike. CPython words a wrong call by how the
 * callee is written, so a signature also names its wording:
 * - 'python': a function written in Python (a lambda, launch(data=None)), ceval.c's words:
 *   "f() takes from 1 to 2 positional arguments but 3 were given", "missing 1 required ...";
 * - 'noargs': METH_NOARGS, "str.upper() takes no arguments (1 given)";
 * - 'one': METH_O, "list.append() takes exactly one argument (0 given)";
 * - 'clinic': Argument Clinic, positional only, "pop expected at most 1 argument, got 2";
 * - 'parse': PyArg_ParseTuple, "find() takes at least 1 argument (0 given)";
 * - 'keywords': PyArg_ParseTupleAndKeywords, "'x' is an invalid keyword argument for split()",
 *   "split() missing required argument 'sep' (pos 1)".
 * 'noargs', 'one', 'clinic' and 'parse' take no keywords: "str.find() takes no keyword arguments".
 */
export type Wording = 'python' | 'noargs' | 'one' | 'clinic' | 'parse' | 'keywords';

/** One parameter: a plain one, `*args` (name '' for a bare `*`) or `**kwargs`. Those after a `*` are keyword-only. */
export interface Parameter {
  readonly name: string;
  readonly star: '' | '*' | '**';
  /** Before a def's `/`. */
  readonly posOnly?: true;
}

/** A callable's parameters and wording, with what the binder needs on every call worked out once. */
export class Signature {
  /** Parameters before the `*` (or all): those a positional argument fills. */
  readonly positional: number;
  /** Index of `*args` or the bare `*`, -1 if none. */
  readonly starAt: number;
  /** Index of `**kwargs`, -1 if none. */
  readonly kwAt: number;
  readonly bare: boolean;
  readonly takesKeywords: boolean;
  /** Fewest and most positional arguments a call passes without an error. */
  readonly min: number;
  readonly max: number;

  /** A method's name with its type's ('str.find'), as some of CPython's words give it. */
  readonly qualname: string;
  readonly pythonName: string | undefined;
  /** Leading parameters that are positional-only (before a `/`): a keyword does not name them. */
  readonly posOnly: number;
  /** Each parameter a keyword may name, by name, made at the first call with keywords of a signature too long to search: a def may have thousands. */
  private named: Map<string, number> | undefined;

  /**
   * `name`: what errors call it ('launch', '<lambda>', 'find'). Options: `owner`, the type
   * of a method ('str'); `required`, how many leading parameters a builtin's call must pass
   * (a Python function's come from its defaults); `pythonName`, for a builtin written in
   * Python (re.search, json.loads), the name its unknown keywords are reported under.
   */
  constructor(
    readonly name: string,
    readonly params: readonly Parameter[],
    readonly wording: Wording,
    { owner, required, pythonName, posOnly = 0 }: { owner?: string; required?: number; pythonName?: string; posOnly?: number } = {},
  ) {
    this.qualname = owner === undefined ? name : `${owner}.${name}`;
    this.pythonName = pythonName;
    this.posOnly = posOnly || leadingPosOnly(params);
    this.starAt = params.findIndex((p) => p.star === '*');
    this.kwAt = params.findIndex((p) => p.star === '**');
    this.positional = params.filter((p, i) => p.star === '' && (this.starAt < 0 || i < this.starAt)).length;
    this.bare = this.starAt >= 0 && params[this.starAt].name === '';
    this.takesKeywords = wording === 'python' || wording === 'keywords';
    this.min = required ?? this.positional;
    this.max = this.starAt >= 0 && !this.bare ? Infinity : this.positional;
  }

  /** The index of the parameter a keyword `k` names, or -1: a search of a short list, a lookup in a long one's map. */
  keywordIndex(k: string): number {
    const params = this.params;
    if (params.length <= LONG_SIGNATURE) return params.findIndex((p, j) => p.name === k && p.star === '' && j >= this.posOnly);
    if (this.named === undefined) {
      this.named = new Map();
      for (let j = params.length - 1; j >= this.posOnly; j--) if (params[j].star === '') this.named.set(params[j].name, j);
    }
    return this.named.get(k) ?? -1;
  }
}

/** How many parameters a def's `/` follows. */
function leadingPosOnly(params: readonly Parameter[]): number {
  let n = 0;
  while (n < params.length && params[n].posOnly) n++;
  return n;
}

/** Parameters past which a signature's keywords are looked up by a map, and its binding is charged by the parameter. */
const LONG_SIGNATURE = 16;

/** A signature of positional parameters only, min to max of them (max Infinity: any number, as set.union). */
export function positionalSignature(name: string, wording: Exclude<Wording, 'python' | 'keywords'>, min: number, max: number, owner?: string): Signature {
  const params: Parameter[] = [];
  if (max === Infinity) params.push({ name: 'args', star: '*' });
  else for (let i = 0; i < max; i++) params.push({ name: `arg${i}`, star: '' });
  return new Signature(name, params, wording, { owner, required: min });
}

/** How a builtin's parameters are declared beyond their names: the first `posOnly` positional-only, the last `kwOnly` keyword-only. */
export interface Kinds {
  readonly posOnly?: number;
  readonly kwOnly?: number;
}

/**
 * A builtin's signature from its parameter names, of which the first `required` must be passed
 * (PyArg_ParseTupleAndKeywords, or Argument Clinic's with keywords): `kinds` as `f(a, /, b, *, c)`.
 */
export function keywordSignature(name: string, names: readonly string[], required = 0, pythonName?: string, kinds: Kinds = {}): Signature {
  const params: Parameter[] = names.map((n) => ({ name: n, star: '' }));
  if (kinds.kwOnly) params.splice(names.length - kinds.kwOnly, 0, { name: '', star: '*' });
  return new Signature(name, params, 'keywords', { required, pythonName, posOnly: kinds.posOnly });
}

const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');

/** Argument Clinic's words for a wrong number of positional arguments. */
export function clinicCount(name: string, n: number, min: number, max: number): string {
  if (min === max) return `${name} expected ${min} ${plural(min)}, got ${n}`;
  return n < min ? `${name} expected at least ${min} ${plural(min)}, got ${n}` : `${name} expected at most ${max} ${plural(max)}, got ${n}`;
}

/** PyArg_ParseTuple's words for n positional arguments where min to max are taken. */
export function parseTupleCount(fname: string, n: number, min: number, max: number): string {
  const bound = min === max ? `exactly ${min}` : n < min ? `at least ${min}` : `at most ${max}`;
  return `${fname}() takes ${bound} argument${(n < min ? min : max) === 1 ? '' : 's'} (${n} given)`;
}

/**
 * Binds a call's arguments to a signature's parameters, in CPython's order of checks and
 * with its words for each wrong call. Answers one value per parameter (into `out` when
 * given, as a lambda's frame slots): undefined for an optional parameter not passed that
 * has no default, a tuple for `*args`, a dict for `**kwargs`. `defaults` holds a value per
 * parameter that has one (a Python function's). A signature of positional parameters only
 * answers `args` itself: the hot path of builtin methods copies nothing.
 */
export function bindArgs(sig: Signature, args: Py[], kw: Map<string, Py> | null, defaults?: readonly Py[], out?: Py[]): Py[] {
  if (!sig.takesKeywords) {
    if (kw !== null && kw.size !== 0) throw typeErr(`${sig.qualname}() takes no keyword arguments`);
    if (args.length < sig.min || args.length > sig.max) throw typeErr(countWords(sig, args.length));
    return args;
  }
  // C builtins count positional arguments before they look at keywords; Python functions after (ceval.c's initialize_locals)
  const tooManyArgs = args.length > sig.max;
  // C's parsers (vgetargskeywords, _PyArg_UnpackKeywords) count every argument first, and look for a missing one before a wrong keyword
  const cParser = sig.wording === 'keywords' && sig.pythonName === undefined;
  if (cParser) checkCounts(sig, args.length, kw === null ? 0 : kw.size);
  const params = sig.params;
  // a def of thousands of parameters walks them all at each call: paid for, as a copy of as many items
  if (params.length > LONG_SIGNATURE) work(params.length + (kw === null ? 0 : kw.size));
  const slots = out ?? new Array(params.length);
  const extraKw = sig.kwAt < 0 ? null : new PyDict();
  let wrongKeyword: string | undefined;
  if (kw !== null) {
    for (const [k, v] of kw) {
      const i = sig.keywordIndex(k);
      if (i < 0) {
        if (extraKw !== null) extraKw.set(k, v);
        else if (!cParser) throw typeErr(sig.wording === 'python' && sig.posOnly > 0 ? posOnlyByName(sig, kw) ?? unexpectedKeyword(sig, k) : unexpectedKeyword(sig, k));
        else wrongKeyword ??= unexpectedKeyword(sig, k);
      } else if (i < sig.positional && i < args.length) {
        if (!cParser) throw typeErr(`${sig.name}() got multiple values for argument '${k}'`);
        wrongKeyword ??= `argument for ${cName(sig)} given by name ('${k}') and position (${i + 1})`;
      }
    }
  }
  if (tooManyArgs) throw typeErr(tooMany(sig, args.length, kw, defaults));
  const missing: string[] = [];
  const missingKeywords: string[] = [];
  let ai = 0;
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p.star === '*') {
      if (!sig.bare) slots[i] = tupleOf(args.slice(ai));
      ai = args.length;
    } else if (p.star === '**') slots[i] = extraKw;
    else if (i < sig.positional && ai < args.length) slots[i] = args[ai++];
    else if (i >= sig.posOnly && kw?.has(p.name)) slots[i] = kw.get(p.name);
    else if (defaults !== undefined && defaults[i] !== undefined) slots[i] = defaults[i];
    else if (sig.wording === 'keywords') {
      // a builtin written in Python (re.search) names every missing one, as a def does
      if (i < sig.min && sig.pythonName !== undefined) missing.push(`'${p.name}'`);
      else if (i < sig.min) throw typeErr(`${cName(sig)} missing required argument '${p.name}' (pos ${i + 1})`);
      slots[i] = undefined;
    } else (sig.starAt >= 0 && i > sig.starAt ? missingKeywords : missing).push(`'${p.name}'`);
  }
  if (wrongKeyword !== undefined) throw typeErr(wrongKeyword);
  // positional ones are reported first, as CPython does
  const [absent, kind] = missing.length > 0 ? [missing, 'positional'] : [missingKeywords, 'keyword-only'];
  if (absent.length > 0) {
    // format_missing: 'a', 'a' and 'b', 'a', 'b', and 'c'
    const last = absent[absent.length - 1];
    const names = absent.length === 1 ? last : absent.length === 2 ? `${absent[0]} and ${last}` : `${absent.slice(0, -1).join(', ')}, and ${last}`;
    throw typeErr(`${sig.name}() missing ${absent.length} required ${kind} argument${absent.length === 1 ? '' : 's'}: ${names}`);
  }
  return slots;
}

/** How C's parsers name a function: a format without its ':name' (datetime's constructors) says 'function'. */
const cName = (sig: Signature): string => (sig.name === '' ? 'function' : `${sig.name}()`);

/** _PyArg_UnpackKeywords's counts: all the arguments, then the positional ones, then the positional-only ones. */
function checkCounts(sig: Signature, nargs: number, nkw: number): void {
  const maxArgs = sig.params.length - (sig.bare ? 1 : 0);
  const maxPos = sig.positional;
  const n = nargs + nkw;
  if (n > maxArgs) {
    if (maxArgs === 0) throw typeErr(`${cName(sig)} takes no arguments (${n} given)`);
    throw typeErr(`${cName(sig)} takes at most ${maxArgs} ${nargs === 0 ? 'keyword ' : ''}${plural(maxArgs)} (${n} given)`);
  }
  if (nargs > maxPos) {
    if (maxPos === 0) throw typeErr(`${cName(sig)} takes no positional arguments`);
    throw typeErr(`${cName(sig)} takes ${sig.min < maxPos ? 'at most' : 'exactly'} ${maxPos} positional ${plural(maxPos)} (${nargs} given)`);
  }
  const minPosOnly = Math.min(sig.posOnly, sig.min);
  if (nargs < minPosOnly) throw typeErr(`${cName(sig)} takes ${minPosOnly < maxPos ? 'at least' : 'exactly'} ${minPosOnly} positional ${plural(minPosOnly)} (${nargs} given)`);
}

function countWords(sig: Signature, n: number): string {
  switch (sig.wording) {
    case 'noargs':
      return `${sig.qualname}() takes no arguments (${n} given)`;
    case 'one':
      return `${sig.qualname}() takes exactly one argument (${n} given)`;
    case 'clinic':
      return clinicCount(sig.name, n, sig.min, sig.max);
    default:
      return parseTupleCount(sig.name, n, sig.min, sig.max);
  }
}

/**
 * ceval.c's positional_only_passed_as_keyword, asked at the first keyword no parameter takes:
 * every keyword that names a positional-only parameter, in the parameters' order.
 */
function posOnlyByName(sig: Signature, kw: Map<string, Py>): string | undefined {
  const names: string[] = [];
  for (let j = 0; j < sig.posOnly; j++) if (kw.has(sig.params[j].name)) names.push(sig.params[j].name);
  return names.length === 0 ? undefined : `${sig.name}() got some positional-only arguments passed as keyword arguments: '${names.join(', ')}'`;
}

function unexpectedKeyword(sig: Signature, k: string): string {
  if (sig.wording === 'python') return `${sig.name}() got an unexpected keyword argument '${k}'`;
  return sig.pythonName === undefined ? `'${k}' is an invalid keyword argument for ${sig.name === '' ? 'this function' : `${sig.name}()`}` : `${sig.pythonName}() got an unexpected keyword argument '${k}'`;
}

function tooMany(sig: Signature, n: number, kw: Map<string, Py> | null, defaults: readonly Py[] | undefined): string {
  const positional = sig.positional;
  if (sig.wording === 'keywords' && sig.pythonName === undefined) {
    return positional === 0 ? `${sig.name}() takes no arguments (${n} given)` : `${sig.name}() takes at most ${positional} ${plural(positional)} (${n} given)`;
  }
  // too_many_positional: defaults of positional parameters only, and keyword-only ones given
  const params = sig.params;
  // a builtin written in Python: its parameters past the required ones have defaults
  const withDefault = sig.wording === 'keywords' ? positional - sig.min : params.filter((p, i) => p.star === '' && i < positional && defaults !== undefined && defaults[i] !== undefined).length;
  const takes = withDefault > 0 ? `from ${positional - withDefault} to ${positional}` : `${positional}`;
  const ending = withDefault > 0 || positional !== 1 ? 's' : '';
  const keywordsGiven = params.filter((p, i) => sig.starAt >= 0 && i > sig.starAt && p.star === '' && kw?.has(p.name)).length;
  const also = keywordsGiven > 0 ? ` positional argument${n !== 1 ? 's' : ''} (and ${keywordsGiven} keyword-only argument${keywordsGiven !== 1 ? 's' : ''})` : '';
  return `${sig.name}() takes ${takes} positional argument${ending} but ${n}${also} ${n === 1 && keywordsGiven === 0 ? 'was' : 'were'} given`;
}
