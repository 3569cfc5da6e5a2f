/**
 * collections.abc's classes as Lib/_collections_abc.py makes them (ABCMeta's, `__slots__ = ()`,
 * named `collections.abc.X`), and its one-trick ABCs (Hashable, Iterable, Sized, ...), whose
 * __subclasshook__ answers for any class that has the method in its order (_check_methods): a
 * condition's class by its own attributes, a builtin type by what CPython's has
 * (builtin-methods-table.ts). Their abstract methods are abc.py's functions, marked.
 */
import { tick } from '../../budget.js';
import { moduleClass, OBJECT_CLASS, PyClass } from '../../classes.js';
import { PyClassMethod } from '../../descriptors.js';
import { fatalErr, pyErr, StopIteration, UnsupportedError } from '../../exceptions.js';
import { NOT_IMPLEMENTED_VALUE } from '../../class-operators.js';
import { mroOf } from '../../object-class.js';
import { makeSlots } from '../../slots.js';
import { PyIterator, PyTuple, PyType, type Py } from '../../values.js';
import { GENERIC_ORIGINS } from '../../types/generic-alias.js';
import { ABCMETA, computeAbstracts, fileSharedAbstract, mark } from '../abc.js';
import { pyDef } from '../python-def.js';
import { callMethod } from '../calendar/py.js';
import { BUILTIN_ABC_METHODS } from './builtin-methods-table.js';

/** `class name(*bases, metaclass=ABCMeta): __slots__ = ()`, in collections.abc. */
export function abcClass(name: string, bases: PyClass[], slots: string[] = []): PyClass {
  const cls = moduleClass(name, bases.length === 0 ? [OBJECT_CLASS] : bases, null, ABCMETA);
  cls.module = 'collections.abc';
  cls.attrs.set('__slots__', new PyTuple(slots));
  // MappingView's `_mapping`: a member descriptor, as a class statement's
  if (slots.length > 0) makeSlots(cls);
  return cls;
}

/** The class made whole: its abstract names computed, open to register(), filed under its bases. */
export function finishAbc(cls: PyClass, generic = false): PyClass {
  computeAbstracts(cls);
  fileSharedAbstract(cls);
  // __class_getitem__ = classmethod(GenericAlias)
  if (generic) GENERIC_ORIGINS.add(cls);
  return cls;
}

/** `def name(self, ...)` in the class (`@abstractmethod` where abstract), named as its own (`Mapping.get`). */
export function defIn(cls: PyClass) {
  return (name: string, params: readonly string[], defaults: Readonly<Record<string, Py>>, body: (self: Py, ...args: Py[]) => Py, abstract = false): void => {
    const f = pyDef(`${cls.name}.${name}`, ['self', ...params], defaults, body as (...args: Py[]) => Py);
    cls.attrs.set(name, abstract ? mark(f) : f);
  };
}

/** `while False: yield None`: an abstract method's empty generator. */
export const emptyGenerator = (): Py => new PyIterator([][Symbol.iterator]());

/** A method the evaluator does not run (the async ABCs' mixins): refused, not answered short. */
export const notRun = (what: string) => (): never => {
  throw fatalErr(UnsupportedError, `'${what}' is not available in conditions: collections.abc's asynchronous and generator protocols are not run in the evaluator`);
};

/** What a builtin type's order answers for a name: 'has', 'none' (set to None) or undefined (absent). */
function builtinMethod(t: PyType, name: string): 'has' | 'none' | undefined {
  const key = t === OBJECT_CLASS ? 'object' : t.isException ? 'BaseException' : t.name;
  const entry = BUILTIN_ABC_METHODS[key];
  if (entry === undefined) throw fatalErr(UnsupportedError, `whether '${t.name}' has ${name} is not known to the evaluator's collections.abc`);
  for (const m of entry.split(' ')) if (m === name) return 'has';
  else if (m === `-${name}`) return 'none';
  return undefined;
}

/** _check_methods(C, *methods): each found in C's order (the first class that has it decides), none set to None; else NotImplemented. */
export function checkMethods(c: Py, ...names: string[]): Py {
  const mro = mroOf(c as PyType);
  for (const name of names) {
    let found: 'has' | 'none' | undefined;
    for (const b of mro) {
      tick();
      // a class of the condition's or a module's written as one: its own attributes; a builtin type's order answers whole
      if (b instanceof PyClass && b !== OBJECT_CLASS) {
        if (!b.attrs.has(name)) continue;
        found = b.attrs.get(name) === null ? 'none' : 'has';
      } else found = builtinMethod(b, name);
      break;
    }
    if (found !== 'has') return NOT_IMPLEMENTED_VALUE;
  }
  return true;
}

/** `@classmethod def __subclasshook__(cls, C): if cls is X: return _check_methods(C, ...); return NotImplemented`. */
function hook(cls: PyClass, names: string[]): void {
  const f = pyDef(`${cls.name}.__subclasshook__`, ['cls', 'C'], {}, (self, c) => (self === cls ? checkMethods(c, ...names) : NOT_IMPLEMENTED_VALUE));
  cls.attrs.set('__subclasshook__', new PyClassMethod(f));
}

type Methods = Record<string, [string[], (self: Py, ...a: Py[]) => Py]>;

/** A one-trick ABC: its abstract methods' bodies, its mixins, and the names its hook asks for. */
function oneTrick(name: string, bases: PyClass[], names: string[], abstract: Methods, concrete: Methods = {}, generic = false): PyClass {
  const cls = abcClass(name, bases);
  const def = defIn(cls);
  for (const [m, [params, body]] of Object.entries(abstract)) def(m, params, {}, body, true);
  for (const [m, [params, body]] of Object.entries(concrete)) def(m, params, {}, body);
  hook(cls, names);
  return finishAbc(cls, generic);
}

const returns = (v: Py) => (): Py => v;
const stop = (): never => {
  throw pyErr(StopIteration);
};
const self = (s: Py): Py => s;

export const HASHABLE = oneTrick('Hashable', [], ['__hash__'], { __hash__: [[], returns(0)] });
export const AWAITABLE = oneTrick('Awaitable', [], ['__await__'], { __await__: [[], emptyGenerator] }, {}, true);
export const COROUTINE = oneTrick('Coroutine', [AWAITABLE], ['__await__', 'send', 'throw', 'close'], {
  send: [['value'], notRun('Coroutine.send')],
  throw: [['typ', 'val', 'tb'], notRun('Coroutine.throw')],
}, { close: [[], notRun('Coroutine.close')] });
export const ASYNC_ITERABLE = oneTrick('AsyncIterable', [], ['__aiter__'], { __aiter__: [[], notRun('AsyncIterable.__aiter__')] }, {}, true);
export const ASYNC_ITERATOR = oneTrick('AsyncIterator', [ASYNC_ITERABLE], ['__anext__', '__aiter__'], { __anext__: [[], notRun('AsyncIterator.__anext__')] }, { __aiter__: [[], self] });
export const ASYNC_GENERATOR = oneTrick('AsyncGenerator', [ASYNC_ITERATOR], ['__aiter__', '__anext__', 'asend', 'athrow', 'aclose'], {
  asend: [['value'], notRun('AsyncGenerator.asend')],
  athrow: [['typ', 'val', 'tb'], notRun('AsyncGenerator.athrow')],
}, { __anext__: [[], notRun('AsyncGenerator.__anext__')], aclose: [[], notRun('AsyncGenerator.aclose')] });

export const ITERABLE = oneTrick('Iterable', [], ['__iter__'], { __iter__: [[], emptyGenerator] }, {}, true);
export const ITERATOR = oneTrick('Iterator', [ITERABLE], ['__iter__', '__next__'], { __next__: [[], stop] }, { __iter__: [[], self] });
export const REVERSIBLE = oneTrick('Reversible', [ITERABLE], ['__reversed__', '__iter__'], { __reversed__: [[], emptyGenerator] });
// __next__: self.send(None); throw() raises what it is given and close() throws GeneratorExit in, which the evaluator does not run
export const GENERATOR = oneTrick('Generator', [ITERATOR], ['__iter__', '__next__', 'send', 'throw', 'close'], {
  send: [['value'], stop],
  throw: [['typ', 'val', 'tb'], notRun('Generator.throw')],
}, { __next__: [[], (s) => callMethod(s, 'send', null)], close: [[], notRun('Generator.close')] });
export const SIZED = oneTrick('Sized', [], ['__len__'], { __len__: [[], returns(0)] });
export const CONTAINER = oneTrick('Container', [], ['__contains__'], { __contains__: [['x'], returns(false)] }, {}, true);
export const COLLECTION = oneTrick('Collection', [SIZED, ITERABLE, CONTAINER], ['__len__', '__iter__', '__contains__'], {});
export const CALLABLE = oneTrick('Callable', [], ['__call__'], { __call__: [['*args', '**kwds'], returns(false)] });
