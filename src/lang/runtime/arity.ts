import type { Method } from './types/protocol.js';
import type { Py } from './values.js';
import { bindArgs, positionalSignature, type Signature } from './signature.js';

/**
 * How a builtin method takes its arguments in CPython (see Wording in signature.ts):
 * - 'none': METH_NOARGS; 'one': METH_O;
 * - ['clinic', min, max]: Argument Clinic, positional only;
 * - ['parse', min, max]: PyArg_ParseTuple;
 * - 'many': any number of positional arguments (set.union);
 * - 'own': the method takes keywords and binds its own arguments (with a keyword signature).
 */
export type Arity = 'none' | 'one' | readonly ['clinic' | 'parse', min: number, max: number] | 'many' | 'own';

/**
 * The methods of a type with their arguments bound first, from a table that names every
 * method's Arity (a method without one is a programming error, found at load).
 */
export function checkedMethods(type: string, methods: Map<string, Method>, arities: Record<string, Arity>): Map<string, Method> {
  for (const name of methods.keys()) if (!(name in arities)) throw new Error(`no arity for ${type}.${name}`);
  for (const name of Object.keys(arities)) if (!methods.has(name)) throw new Error(`arity for a missing method ${type}.${name}`);
  return new Map([...methods].map(([name, fn]) => [name, checked(fn, signatureOf(type, name, arities[name]), (owner) => signatureOf(owner, name, arities[name]))]));
}

/**
 * The `__qualname__` of a condition's subclass whose instance a method was called on (classes.ts
 * sets it: it knows the classes), else undefined: a builtin method bound to it names it in its
 * errors ("envelope.<locals>.S.clear() takes no arguments (1 given)"), as meth_get__qualname__ does.
 */
let subclassOf: (self: unknown) => string | undefined = () => undefined;
export const setSubclassOf = (f: (self: unknown) => string | undefined): void => void (subclassOf = f);

function signatureOf(type: string, name: string, arity: Arity): Signature | null {
  if (arity === 'own') return null;
  if (arity === 'none') return positionalSignature(name, 'noargs', 0, 0, type);
  if (arity === 'one') return positionalSignature(name, 'one', 1, 1, type);
  if (arity === 'many') return positionalSignature(name, 'parse', 0, Infinity, type);
  return positionalSignature(name, arity[0], arity[1], arity[2], type);
}

function checked(fn: Method, sig: Signature | null, named: (owner: string) => Signature | null): Method {
  if (sig === null) return fn;
  const { min, max } = sig;
  // a subclass's instance: its own signature, made (and not kept: the name is the run's) where a call is not a right one
  const bound = (self: unknown, args: Py[], kw: Map<string, Py> | null): Py[] => {
    const owner = subclassOf(self);
    return bindArgs(owner === undefined ? sig : named(owner)!, args, kw);
  };
  // a right call, positional arguments within the count, skips the binder, needed only to word a wrong one (a call it is not inlined into)
  return (self, args, kw) => fn(self, kw === null && args.length >= min && args.length <= max ? args : bound(self, args, kw), kw);
}
