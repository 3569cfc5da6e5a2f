import { parseTupleCount } from './args.js';
import { typeErr } from './exceptions.js';
import type { Method } from './attributes.js';

/**
 * How a builtin method takes its arguments in CPython, which decides both what a wrong
 * call is and how its TypeError is worded:
 * - 'none': METH_NOARGS, "str.upper() takes no arguments (1 given)";
 * - 'one': METH_O, "list.append() takes exactly one argument (0 given)";
 * - ['clinic', min, max]: Argument Clinic, positional only, "pop expected at most 1 argument, got 2";
 * - ['parse', min, max]: PyArg_ParseTuple, "find() takes at least 1 argument (0 given)";
 * - 'many': any number of positional arguments (set.union);
 * - 'own': the method takes keywords and binds its own arguments.
 * All but 'own' take no keywords: "str.find() takes no keyword arguments".
 */
export type Arity = 'none' | 'one' | readonly ['clinic' | 'parse', min: number, max: number] | 'many' | 'own';

const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');

/**
 * The methods of a type with their argument counts checked first, from a table that
 * names every method's Arity (a method without one is a programming error, found at load).
 */
export function checkedMethods(type: string, methods: Map<string, Method>, arities: Record<string, Arity>): Map<string, Method> {
  for (const name of methods.keys()) if (!(name in arities)) throw new Error(`no arity for ${type}.${name}`);
  for (const name of Object.keys(arities)) if (!methods.has(name)) throw new Error(`arity for a missing method ${type}.${name}`);
  return new Map([...methods].map(([name, fn]) => [name, checked(type, name, arities[name], fn)]));
}

/** Argument Clinic's words for a wrong number of positional arguments. */
export function clinicCount(name: string, n: number, min: number, max: number): string {
  if (min === max) return `${name} expected ${min} ${plural(min)}, got ${n}`;
  return n < min ? `${name} expected at least ${min} ${plural(min)}, got ${n}` : `${name} expected at most ${max} ${plural(max)}, got ${n}`;
}

function checked(type: string, name: string, arity: Arity, fn: Method): Method {
  if (arity === 'own') return fn;
  const noKeywords = `${type}.${name}() takes no keyword arguments`;
  // every convention is a count from min to max; only its words differ, made on a wrong call
  const [min, max] = arity === 'none' ? [0, 0] : arity === 'one' ? [1, 1] : arity === 'many' ? [0, Infinity] : [arity[1], arity[2]];
  const wrong = (n: number): string => {
    if (arity === 'none') return `${type}.${name}() takes no arguments (${n} given)`;
    if (arity === 'one') return `${type}.${name}() takes exactly one argument (${n} given)`;
    return arity[0] === 'clinic' ? clinicCount(name, n, min, max) : parseTupleCount(name, n, min, max);
  };
  return (self, args, kw) => {
    if (kw !== null && kw.size !== 0) throw typeErr(noKeywords);
    if (args.length < min || args.length > max) throw typeErr(wrong(args.length));
    return fn(self, args, kw);
  };
}
