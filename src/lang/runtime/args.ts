import { typeErr } from './exceptions.js';
import { typeName, type Py } from './values.js';

/**
 * Binds a builtin's positional and keyword arguments to its parameter names, as CPython
 * does: the answer has one entry per name, undefined where nothing was passed. An unknown
 * keyword is worded as C builtins word it, or, given `pythonName`, as a function written
 * in Python (re.search, json.dumps) does.
 */
export function bind(fname: string, args: Py[], kw: Map<string, Py> | null, names: readonly string[], required = 0, pythonName?: string): Py[] {
  if (args.length > names.length) {
    throw typeErr(names.length === 0 ? `${fname}() takes no arguments (${args.length} given)` : `${fname}() takes at most ${names.length} argument${names.length === 1 ? '' : 's'} (${args.length} given)`);
  }
  const out: Py[] = [];
  for (let i = 0; i < names.length; i++) out.push(i < args.length ? args[i] : undefined);
  if (kw !== null) {
    for (const [k, v] of kw) {
      const i = names.indexOf(k);
      if (i < 0) throw typeErr(pythonName === undefined ? `'${k}' is an invalid keyword argument for ${fname}()` : `${pythonName}() got an unexpected keyword argument '${k}'`);
      if (out[i] !== undefined) throw typeErr(`${fname}() got multiple values for argument '${k}'`);
      out[i] = v;
    }
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) throw typeErr(`${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
  }
  return out;
}

/** For builtins that take positional arguments only: exactly between min and max of them. */
export function positional(fname: string, args: Py[], kw: Map<string, Py> | null, min: number, max = min): Py[] {
  if (kw !== null && kw.size > 0) throw typeErr(`${fname}() takes no keyword arguments`);
  if (args.length < min || args.length > max) throw typeErr(parseTupleCount(fname, args.length, min, max));
  return args;
}

/** PyArg_ParseTuple's words for n positional arguments where min to max are taken. */
export function parseTupleCount(fname: string, n: number, min: number, max: number): string {
  const bound = min === max ? `exactly ${min}` : n < min ? `at least ${min}` : `at most ${max}`;
  return `${fname}() takes ${bound} argument${(n < min ? min : max) === 1 ? '' : 's'} (${n} given)`;
}

/** An argument that must be an int (CPython's __index__: ints and bools, not floats or strs). */
export function indexArg(v: Py): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw typeErr(`'${typeName(v)}' object cannot be interpreted as an integer`);
}
