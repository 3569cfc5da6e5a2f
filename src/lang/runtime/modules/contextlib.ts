import { tick } from '../budget.js';
import { NativeContextManager } from '../context-managers.js';
import { callValue } from '../call.js';
import { attrErr, fatalErr, pyErr, RuntimeError, StopIteration, typeErr, UnsupportedError } from '../exceptions.js';
import { ABC, ABSTRACT_ASYNC_CONTEXT_MANAGER, ABSTRACT_CONTEXT_MANAGER, PyAbcType } from './foreign-bases.js';
import { PyGenerator } from '../generator.js';
import { CLOSING, EXIT_STACK } from './contextlib-exitstack.js';
import { DEQUE_TYPE } from './collections/deque.js';
import { GENERIC_ALIAS_TYPE } from '../types/generic-alias.js';
import { bindArgs, Signature } from '../signature.js';
import type { PyTypeSlots } from '../types/protocol.js';
import { registerType } from '../types/table.js';
import { fileSharedObject } from '../shared-objects.js';
import { PyException, PyFunc, PyIterator, PyModule, PyTuple, PyType, typeName, type Py } from '../values.js';

/** contextlib.suppress(*exceptions): `__exit__` answers whether the exception is one of them, so `with` swallows it. */
export class Suppress extends NativeContextManager {
  constructor(readonly exceptions: PyTuple) {
    super();
  }
  enter(): Py {
    return null;
  }
  exit(type: Py): Py {
    return suppressExit(() => this.exceptions, type);
  }
}

/** suppress.__exit__: whether there is an exception, one of `exceptions` (read only then, as Lib/contextlib.py reads self._exceptions). */
export const suppressExit = (exceptions: () => Py, type: Py): boolean => type !== null && issubclass(type, exceptions());

/** issubclass(c, classes) as contextlib's `__exit__` asks it: nested tuples walked in order, the first item that is no class a TypeError. */
function issubclass(c: Py, classes: Py): boolean {
  if (classes instanceof PyTuple) {
    for (const t of classes.items) if ((tick(), issubclass(c, t))) return true;
    return false;
  }
  // what super().__exit__(...) of a subclass may pass
  if (!(c instanceof PyType)) throw typeErr('issubclass() arg 1 must be a class');
  if (!(classes instanceof PyType)) throw typeErr('issubclass() arg 2 must be a class, a tuple of classes, or a union');
  return c.isSubclassOf(classes);
}

/** contextlib.nullcontext(enter_result=None): `with` gets enter_result and nothing happens on exit. */
export class NullContext extends NativeContextManager {
  constructor(readonly result: Py) {
    super();
  }
  enter(): Py {
    return this.result;
  }
  exit(): Py {
    return null;
  }
}

/**
 * What a function decorated with contextlib.contextmanager returns: `__enter__` runs the
 * generator to its yield, `__exit__` runs it on, or throws the exception in at the yield,
 * with Lib/contextlib.py's checks and words.
 */
class GeneratorContextManager extends NativeContextManager {
  constructor(readonly gen: Py) {
    super();
  }
  enter(): Py {
    const gen = this.gen;
    if (!(gen instanceof PyIterator)) throw typeErr(`'${typeName(gen)}' object is not an iterator`);
    const r = gen.it.next();
    if (r.done) throw pyErr(RuntimeError, "generator didn't yield");
    return r.value;
  }
  exit(type: Py, value: Py): Py {
    const gen = this.gen as PyIterator;
    if (type === null) {
      if (gen.it.next().done) return false;
      throw pyErr(RuntimeError, "generator didn't stop");
    }
    if (!(gen instanceof PyGenerator)) throw attrErr(gen, 'throw');
    const exc = value as PyException;
    try {
      if (gen.throwIn(exc).done) return true;
    } catch (err) {
      if (!(err instanceof PyException) || err.fatal) throw err;
      // the exception given, raised again by the generator (or wrapped as its StopIteration): not suppressed, with raises it
      if (err === exc || (err.type.isSubclassOf(RuntimeError) && exc.type.isSubclassOf(StopIteration) && err.cause === exc)) return false;
      throw err;
    }
    throw pyErr(RuntimeError, "generator didn't stop after throw()");
  }
}

const CONTEXTMANAGER = new Signature('contextmanager', [{ name: 'func', star: '' }], 'python');

/** contextlib.contextmanager(func): a function like func (its name, for repr) whose calls make a GeneratorContextManager of func's generator. */
const contextmanager = new PyFunc('contextmanager', (a, kw) => {
  const [func] = bindArgs(CONTEXTMANAGER, a, kw);
  const name = func instanceof PyFunc ? func.name : 'contextmanager.<locals>.helper';
  return new PyFunc(name, (args, kws) => new GeneratorContextManager(callValue(func, args, kws)), 'function');
});

// the classes are written in Python: a wrong call is worded as their __init__'s, self counted
export const SUPPRESS_INIT = new Signature('suppress.__init__', [{ name: 'self', star: '' }, { name: 'exceptions', star: '*' }], 'python');
export const NULLCONTEXT_INIT = new Signature('nullcontext.__init__', [{ name: 'self', star: '' }, { name: 'enter_result', star: '' }], 'python');

// suppress(AbstractContextManager), nullcontext(AbstractContextManager, AbstractAsyncContextManager), as Lib/contextlib.py has them
export const SUPPRESS = new PyAbcType('contextlib.suppress', ABSTRACT_CONTEXT_MANAGER, [ABSTRACT_CONTEXT_MANAGER, ABC], (a, kw) => new Suppress(bindArgs(SUPPRESS_INIT, [null, ...a], kw)[1] as PyTuple));
const GENERATOR_CM = new PyType('contextlib._GeneratorContextManager', () => {
  throw typeErr("cannot create 'contextlib._GeneratorContextManager' instances");
});
export const NULLCONTEXT = new PyAbcType('contextlib.nullcontext', ABSTRACT_CONTEXT_MANAGER, [ABSTRACT_CONTEXT_MANAGER, ABSTRACT_ASYNC_CONTEXT_MANAGER, ABC], (a, kw) => new NullContext(bindArgs(NULLCONTEXT_INIT, [null, ...a], kw, [undefined, null])[1]));

const slots = (name: string, type: PyType): PyTypeSlots => ({
  name: () => name,
  type,
  truthy: () => true,
  len: null,
  iter: null,
  // CPython adds the address, which differs in every process: left out, as for functions
  repr: () => `<contextlib.${name} object>`,
});
registerType(Suppress, slots('suppress', SUPPRESS));
registerType(NullContext, slots('nullcontext', NULLCONTEXT));
registerType(GeneratorContextManager, slots('_GeneratorContextManager', GENERATOR_CM));
// a class of Lib/contextlib.py, which takes attributes in CPython: refused as a shared class, not CPython's TypeError for an immutable type
fileSharedObject(GENERATOR_CM, 'contextlib._GeneratorContextManager');

/** A class of contextlib a condition has no use for (its bases CPython's, for isinstance and __mro__), refused when called, in words that say why. */
const refused = (name: string, why: string, init: Signature, base: PyType = ABSTRACT_CONTEXT_MANAGER) =>
  new PyAbcType(`contextlib.${name}`, base, base === ABSTRACT_CONTEXT_MANAGER ? [ABSTRACT_CONTEXT_MANAGER, ABC] : [base, ABSTRACT_CONTEXT_MANAGER, ABC], (a, kw) => {
    // a wrong call is its __init__'s TypeError first, as in CPython
    bindArgs(init, [null, ...a], kw);
    throw fatalErr(UnsupportedError, `contextlib.${name} is not available in conditions: ${why}`);
  });
const param = (name: string) => ({ name, star: '' as const });
const REDIRECT_INIT = new Signature('_RedirectStream.__init__', [param('self'), param('new_target')], 'python');
const CHDIR_INIT = new Signature('chdir.__init__', [param('self'), param('path')], 'python');
const NO_OUTPUT = 'print writes nothing in a condition, so there is no output to redirect';
const REDIRECT_STREAM = refused('_RedirectStream', NO_OUTPUT, REDIRECT_INIT);

export const CONTEXTLIB = new PyModule(
  'contextlib',
  new Map<string, Py>([
    ['suppress', SUPPRESS],
    ['nullcontext', NULLCONTEXT],
    ['contextmanager', contextmanager],
    ['ExitStack', EXIT_STACK],
    ['closing', CLOSING],
    ['AbstractContextManager', ABSTRACT_CONTEXT_MANAGER],
    ['AbstractAsyncContextManager', ABSTRACT_ASYNC_CONTEXT_MANAGER],
    // imported by Lib/contextlib.py, so its names too
    ['GenericAlias', GENERIC_ALIAS_TYPE],
    ['deque', DEQUE_TYPE],
    ['redirect_stdout', refused('redirect_stdout', NO_OUTPUT, REDIRECT_INIT, REDIRECT_STREAM)],
    ['redirect_stderr', refused('redirect_stderr', NO_OUTPUT, REDIRECT_INIT, REDIRECT_STREAM)],
    ['chdir', refused('chdir', "it changes the host's working directory", CHDIR_INIT)],
  ]),
);
