import { clinic, intArg, one } from '../args.js';
import { inplace } from '../../compile/operators.js';
import { getattr } from '../attributes.js';
import { getattrByName } from '../builtins-reflect.js';
import { BUILTINS } from '../builtins.js';
import { step } from '../budget.js';
import { iterableOr, PyRangeIterator } from '../iteration.js';
import { callValue } from '../call.js';
import { fatalErr, OverflowError, pyErr, typeErr, TypeError_, UnsupportedError, valueErr } from '../exceptions.js';
import * as ops from '../ops.js';
import { FUNCTION } from '../types/callable.js';
import type { ItemRepr, PyTypeSlots } from '../types/protocol.js';
import { callSpecial, hasSpecial } from '../special-methods.js';
import { isListLike, isTupleLike, PyHookedCollection } from '../hooked-collection.js';
import { PyBytes } from '../bytes.js';
import { PyByteArray } from '../bytearray.js';
import { registerType } from '../types/table.js';
import { PyException, PyFunc, PyIterator, PyModule, PyStrBox, PyTuple, PyType, typeName, type NativeFn, type Py } from '../values.js';

// Argument Clinic's two arguments ("add expected 2 arguments, got 1") and METH_O's one, of the module _operator
const binary = (name: string, f: (a: Py, b: Py) => Py): [string, PyFunc] => [name, new PyFunc(name, (a, k) => f(...(clinic(name, a, k, 2, 2, '_operator') as [Py, Py])))];
const unary = (name: string, f: (a: Py) => Py): [string, PyFunc] => [name, new PyFunc(name, (a, k) => f(one(name, a, k, '_operator')))];

/** What itemgetter and attrgetter make: callables of their class, which repr by what they were given (`operator.itemgetter(1, 'a')`). */
class PyGetter extends PyFunc {
  /** `keywords`: methodcaller's, which its repr prints as name=value after what it was given. */
  constructor(readonly type: PyType, readonly given: Py[], fn: NativeFn, readonly keywords: ReadonlyMap<string, Py> | null = null) {
    super(type.name.slice('operator.'.length), fn);
  }
}
/** The getters whose repr is being made. */
const inRepr = new Set<PyGetter>();
registerType(PyGetter, {
  ...FUNCTION,
  name: (v: PyGetter) => v.type.name,
  classOf: (v: PyGetter) => v.type,
  // each part's repr made when the getter's is (not when it is built: a list given may change since, and a
  // methodcaller given one given one ... was a repr of each level at each level, unpaid); met again inside
  // its own, the getter is `operator.methodcaller(...)`, as Py_ReprEnter has it
  repr: (v: PyGetter, item: ItemRepr) => {
    if (inRepr.has(v)) return `${v.type.name}(...)`;
    inRepr.add(v);
    try {
      return `${v.type.name}(${[...v.given.map(item), ...[...(v.keywords ?? [])].map(([key, value]) => `${key}=${item(value)}`)].join(', ')})`;
    } finally {
      inRepr.delete(v);
    }
  },
  getattr: () => undefined,
} satisfies PyTypeSlots<PyGetter>);

/** operator.itemgetter(*items): one item, or a tuple of them. */
function itemgetter(a: Py[], k: Map<string, Py> | null): PyFunc {
  if (k !== null && k.size > 0) throw typeErr('itemgetter() takes no keyword arguments');
  if (a.length === 0) throw typeErr('itemgetter expected 1 argument, got 0');
  const keys = a.slice();
  return new PyGetter(ITEMGETTER, keys, (args, kw) => {
    const [obj] = clinic('itemgetter', args, kw, 1);
    return keys.length === 1 ? ops.getitem(obj, keys[0]) : new PyTuple(keys.map((key) => ops.getitem(obj, key)));
  });
}

/** operator.attrgetter(*attrs): dotted names walked through getattr()'s own reach (builtins-reflect.ts), so it reaches nothing `x.name` cannot. */
function attrgetter(a: Py[], k: Map<string, Py> | null): PyFunc {
  if (k !== null && k.size > 0) throw typeErr('attrgetter() takes no keyword arguments');
  if (a.length === 0) throw typeErr('attrgetter expected 1 argument, got 0');
  const paths = a.map((name) => {
    // a str subclass's instance is taken as its str, as PyUnicode_Check has it
    if (name instanceof PyStrBox) name = name.value;
    if (typeof name !== 'string') throw typeErr('attribute name must be a string');
    return name.split('.');
  });
  const walk = (obj: Py, path: string[]): Py => path.reduce((o, name) => getattrByName(o, name), obj);
  return new PyGetter(ATTRGETTER, paths.map((p) => p.join('.')), (args, kw) => {
    const [obj] = clinic('attrgetter', args, kw, 1);
    return paths.length === 1 ? walk(obj, paths[0]) : new PyTuple(paths.map((p) => walk(obj, p)));
  });
}

/** operator.methodcaller(name, /, *args, **kwargs): `obj.name(*args, **kwargs)`, the lookup the sandbox's own. */
function methodcaller(a: Py[], k: Map<string, Py> | null): PyFunc {
  if (a.length === 0) throw typeErr('methodcaller needs at least one argument, the method name');
  // a str subclass's instance is called by its str, and kept for the repr
  const given = a[0];
  let name = given;
  if (name instanceof PyStrBox) name = name.value;
  if (typeof name !== 'string') throw typeErr('method name must be a string');
  const args = a.slice(1);
  const kw = k === null ? null : new Map(k);
  // methodcaller_repr: the name's repr, the arguments', then the keywords as name=value
  return new PyGetter(METHODCALLER, [given, ...args], (call, ckw) => {
    const [obj] = clinic('methodcaller', call, ckw, 1);
    return callValue(getattr(obj, name), args, kw === null ? null : new Map(kw));
  }, kw);
}

// classes in CPython: calling one makes its callable, of that class
const ITEMGETTER = new PyType('operator.itemgetter', itemgetter);
const ATTRGETTER = new PyType('operator.attrgetter', attrgetter);
const METHODCALLER = new PyType('operator.methodcaller', methodcaller);

/** A type with sq_concat (str, list, tuple, bytes, bytearray, deque, and their subclasses'), which PySequence_Concat calls. */
const hasConcat = (a: Py): boolean =>
  typeof a === 'string' || a instanceof PyStrBox || isListLike(a) || isTupleLike(a) || a instanceof PyBytes || a instanceof PyByteArray || typeName(a) === 'collections.deque' ||
  (a instanceof PyHookedCollection && (typeof a.value === 'string' || a.value instanceof PyBytes));

/**
 * operator.concat and iconcat take what PySequence_Concat takes: a type with sq_concat, or a
 * condition's instance with __getitem__ (a sequence to PySequence_Check), whose __add__ then
 * answers; anything else (a number, a dict, a range, a view) can't be concatenated.
 */
function concatenable(a: Py): void {
  if (!hasConcat(a) && !hasSpecial(a, '__getitem__')) throw typeErr(`'${typeName(a)}' object can't be concatenated`);
}

function concat(a: Py, b: Py): Py {
  concatenable(a);
  return ops.add(a, b);
}

const iadd = inplace('+');

/** `a op= b` as a function: the statement's own in-place operator, the new value returned. */
const inPlace = (name: string, op: string): [string, PyFunc] => binary(name, inplace(op));

/** _PySequence_IterSearch's iterable, its TypeError in its words. */
const searched = (a: Py): Py => iterableOr(a, () => typeErr(`argument of type '${typeName(a)}' is not iterable`));

/** countOf(a, b): how many items of a are b or equal to it (PyObject_RichCompareBool, the item first). */
function countOf(a: Py, b: Py): number {
  let n = 0;
  for (const x of ops.iterate(searched(a))) {
    step();
    if (x === b || ops.eq(x, b)) n++;
  }
  return n;
}

/** indexOf(a, b): the index of the first item of a that is b or equal to it. */
function indexOf(a: Py, b: Py): number {
  let i = 0;
  for (const x of ops.iterate(searched(a))) {
    step();
    if (x === b || ops.eq(x, b)) return i;
    i++;
  }
  throw valueErr('sequence.index(x): x not in sequence');
}

/** The iterators CPython gives no __length_hint__, for which length_hint answers the default; another's hint (what a list iterator has left) is not kept. */
const NO_HINT: ReadonlySet<string> = new Set(['generator', 'map', 'filter', 'zip', 'enumerate', 'callable_iterator', 'formatteriterator', 'fieldnameiterator']);
const SSIZE = 2n ** 63n;

/** A TypeError a slot raised, which PyObject_LengthHint clears to go on. */
const isTypeError = (e: unknown): boolean => e instanceof PyException && !e.fatal && e.type.isSubclassOf(TypeError_);

/** length_hint(obj, default=0): PyObject_LengthHint, len() first, then the type's __length_hint__, else the default. */
function lengthHint(a: Py[], k: Map<string, Py> | null): Py {
  const [obj, given = 0] = clinic('length_hint', a, k, 1, 2, '_operator');
  const dflt = ops.intOf(given);
  if (dflt === undefined) throw typeErr(`'${typeName(given)}' object cannot be interpreted as an integer`);
  if (typeof dflt === 'bigint' && (dflt >= SSIZE || dflt < -SSIZE)) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
  try {
    return (BUILTINS.get('len') as PyFunc).fn([obj], null);
  } catch (e) {
    if (!isTypeError(e)) throw e;
  }
  if (obj instanceof PyRangeIterator) return hinted(obj.left);
  if (obj instanceof PyIterator && !NO_HINT.has(obj.name) && !(obj.name.startsWith('itertools.') && obj.name !== 'itertools.repeat')) {
    throw fatalErr(UnsupportedError, `operator.length_hint of a ${typeName(obj)} is not available in conditions: the evaluator does not keep what an iterator has left`);
  }
  if (!hasSpecial(obj, '__length_hint__')) return dflt;
  let r: Py;
  try {
    r = callSpecial(obj, '__length_hint__')!;
  } catch (e) {
    if (isTypeError(e)) return dflt;
    throw e;
  }
  return typeName(r) === 'NotImplementedType' ? dflt : hinted(r);
}

/** A __length_hint__'s answer as PyObject_LengthHint takes it: an int within Py_ssize_t, not negative. */
function hinted(r: Py): Py {
  const n = ops.intOf(r);
  if (n === undefined) throw typeErr(`__length_hint__ must be an integer, not ${typeName(r)}`);
  if (typeof n === 'bigint' && (n >= SSIZE || n < -SSIZE)) throw pyErr(OverflowError, 'Python int too large to convert to C ssize_t');
  if (n < 0) throw valueErr('__length_hint__() should return >= 0');
  return n;
}

/** The operator module: the operators as functions, and itemgetter and attrgetter. */
export const OPERATOR = new PyModule(
  'operator',
  new Map<string, Py>([
    binary('add', ops.add),
    binary('sub', ops.sub),
    binary('mul', ops.mul),
    binary('truediv', ops.truediv),
    binary('floordiv', ops.floordiv),
    binary('mod', ops.mod),
    binary('pow', ops.pow),
    binary('matmul', ops.matmul),
    binary('and_', (a, b) => ops.bitop('&', a, b)),
    binary('or_', (a, b) => ops.bitop('|', a, b)),
    binary('xor', (a, b) => ops.bitop('^', a, b)),
    binary('lshift', (a, b) => ops.bitop('<<', a, b)),
    binary('rshift', (a, b) => ops.bitop('>>', a, b)),
    binary('concat', concat),
    binary('iadd', iadd),
    inPlace('isub', '-'),
    inPlace('imul', '*'),
    inPlace('itruediv', '/'),
    inPlace('ifloordiv', '//'),
    inPlace('imod', '%'),
    inPlace('ipow', '**'),
    inPlace('imatmul', '@'),
    inPlace('iand', '&'),
    inPlace('ior', '|'),
    inPlace('ixor', '^'),
    inPlace('ilshift', '<<'),
    inPlace('irshift', '>>'),
    binary('iconcat', (a, b) => (concatenable(a), iadd(a, b))),
    binary('countOf', countOf),
    binary('indexOf', indexOf),
    binary('delitem', (a, b) => (ops.delitem(a, b), null)),
    ['setitem', new PyFunc('setitem', (a, k) => (ops.setitem(...(clinic('setitem', a, k, 3, 3, '_operator') as [Py, Py, Py])), null))],
    ['call', new PyFunc('call', (a, k) => {
      if (a.length === 0) throw typeErr('call expected at least 1 argument, got 0');
      return callValue(a[0], a.slice(1), k);
    })],
    unary('neg', ops.neg),
    unary('pos', ops.pos),
    unary('invert', ops.invert),
    unary('inv', ops.invert),
    unary('abs', (x) => (BUILTINS.get('abs') as PyFunc).fn([x], null)),
    unary('not_', (x) => !ops.truthy(x)),
    unary('truth', ops.truthy),
    unary('index', intArg),
    binary('eq', (a, b) => ops.eqOperator(a, b)),
    binary('ne', (a, b) => !ops.eqOperator(a, b)),
    binary('lt', ops.lt),
    binary('le', ops.le),
    binary('gt', ops.gt),
    binary('ge', ops.ge),
    binary('is_', (a, b) => a === b),
    binary('is_not', (a, b) => a !== b),
    binary('contains', ops.contains),
    binary('getitem', ops.getitem),
    ['itemgetter', ITEMGETTER],
    ['attrgetter', ATTRGETTER],
    ['methodcaller', METHODCALLER],
    ['length_hint', new PyFunc('length_hint', lengthHint)],
  ]),
);
