/**
 * BaseExceptionGroup's split, subgroup and derive (Objects/exceptions.c): a condition (an
 * exception type, a tuple of them, or a predicate called on each exception, the groups first)
 * splits a group recursively; each part is made by the group's derive(), its own if its class
 * has one, and keeps the group's __cause__, __context__ and __notes__.
 */
import { callValue } from './call.js';
import { getattr } from './attributes.js';
import { BaseException, BaseExceptionGroup, typeErr } from './exceptions.js';
import { fieldGet } from './exception-fields.js';
import { truthy } from './iteration.js';
import { tick } from './budget.js';
import { PyException, PyFunc, PyTuple, PyType, type Py } from './values.js';

type Matcher = (e: PyException) => boolean;

/** get_matcher_type: a callable that is no type is a predicate; else a BaseException subclass or a tuple of them. */
function matcher(condition: Py): Matcher {
  const isClass = (t: Py): t is PyType => t instanceof PyType && t.isSubclassOf(BaseException);
  if (condition instanceof PyFunc && !(condition instanceof PyType)) return (e) => truthy(callValue(condition, [e], null));
  if (isClass(condition)) return (e) => e.type.isSubclassOf(condition);
  if (condition instanceof PyTuple && condition.constructor === PyTuple && condition.items.every(isClass)) return (e) => condition.items.some((t) => e.type.isSubclassOf(t as PyType));
  throw typeErr('expected a function, exception type or tuple of exception types');
}

export const isGroup = (e: PyException): boolean => e.type.isSubclassOf(BaseExceptionGroup);

/** exceptiongroup_subset: eg.derive(excs), checked, with eg's cause and notes. */
function subset(eg: PyException, excs: Py[]): PyException {
  const made = callValue(getattr(eg, 'derive'), [excs], null);
  if (!(made instanceof PyException) || !isGroup(made)) throw typeErr('derive must return an instance of BaseExceptionGroup');
  made.cause = eg.cause;
  made.context = eg.context;
  const notes = eg.dict?.get('__notes__');
  // a copy of the list (PySequence_List)
  if (notes !== undefined) (made.dict ??= new Map()).set('__notes__', Array.isArray(notes) ? notes.slice() : notes);
  return made;
}

/** exceptiongroup_split_recursive: [what matches, the rest] (each undefined where none; the rest only when asked). */
function splitRecursive(e: PyException, match: Matcher, rest: boolean): [PyException | undefined, PyException | undefined] {
  tick();
  if (match(e)) return [e, undefined];
  if (!isGroup(e)) return [undefined, rest ? e : undefined];
  const matched: Py[] = [];
  const others: Py[] = [];
  for (const x of (fieldGet(e, 'exceptions') as PyTuple).items) {
    const [m, r] = splitRecursive(x as PyException, match, rest);
    if (m !== undefined) matched.push(m);
    if (r !== undefined) others.push(r);
  }
  return [matched.length > 0 ? subset(e, matched) : undefined, rest && others.length > 0 ? subset(e, others) : undefined];
}

/** The group's methods, bound to it, or undefined for another name. */
export function groupMethod(eg: PyException, name: string): PyFunc | undefined {
  const one = (args: Py[], kw: Map<string, Py> | null): Py => {
    if (kw !== null && kw.size > 0) throw typeErr(`BaseExceptionGroup.${name}() takes no keyword arguments`);
    // split and subgroup unpack their tuple of arguments (PyArg_UnpackTuple), derive parses it ("O")
    if (args.length !== 1) throw typeErr(name === 'derive' ? `function takes exactly 1 argument (${args.length} given)` : `${name} expected 1 argument, got ${args.length}`);
    return args[0];
  };
  switch (name) {
    case 'split':
      return new PyFunc(name, (args, kw) => {
        const [m, r] = splitRecursive(eg, matcher(one(args, kw)), true);
        return new PyTuple([m ?? null, r ?? null]);
      }, 'method');
    case 'subgroup':
      return new PyFunc(name, (args, kw) => splitRecursive(eg, matcher(one(args, kw)), false)[0] ?? null, 'method');
    case 'derive':
      // BaseExceptionGroup(self.message, excs): an ExceptionGroup of Exceptions, whatever the class
      return new PyFunc(name, (args, kw) => BaseExceptionGroup.fn([fieldGet(eg, 'message')!, one(args, kw)], null), 'method');
  }
  return undefined;
}

/** eg.split(types) for except*: [what matches, the rest], each undefined where none (exception_group_match's partial match). */
export const splitGroup = (eg: PyException, types: Py): [PyException | undefined, PyException | undefined] => splitRecursive(eg, matcher(types), true);

/** exception_group_projection: the part of eg whose leaves are among those of `keep` (undefined where none). */
export function projection(eg: PyException, keep: PyException[]): PyException | undefined {
  if (keep.length === 0) return undefined;
  const leaves = new Set<PyException>();
  const collect = (e: PyException): void => {
    tick();
    if (isGroup(e)) for (const x of (fieldGet(e, 'exceptions') as PyTuple).items) collect(x as PyException);
    else leaves.add(e);
  };
  keep.forEach(collect);
  return splitRecursive(eg, (e) => leaves.has(e), false)[0];
}
