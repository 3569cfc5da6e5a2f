import { enterCall, enterFrame, exitCall, exitFrame, step } from './budget.js';
import { BUILTINS, iteratorName } from './builtins.js';
import { AttributeError, EXCEPTION_TYPES, RuntimeError, StopIteration, UnsupportedError, fatalErr, pyErr, stopIteration, typeErr, valueErr } from './exceptions.js';
import { chain, fromCause, handling } from './handling.js';
import { getattr, lookupAttr } from './attributes.js';
import { callValue } from './call.js';
import { fieldGet } from './exception-fields.js';
import { repr } from './repr.js';
import * as ops from './ops.js';
import { ITERATOR } from './types/iterator.js';
import type { Method } from './types/protocol.js';
import { registerType } from './types/table.js';
import { PyException, PyFunc, PyIterator, PyStrBox, PyTuple, PyType, typeName, type Py } from './values.js';

const GeneratorExit = EXCEPTION_TYPES.get('GeneratorExit')!;

/** A generator's body, compiled as a JS generator: it yields the values of `yield`, is sent their results, and returns the function's value. */
export type GeneratorBody = Generator<Py, Py, Py>;

const isPy = (e: unknown, type: PyType): e is PyException => e instanceof PyException && !e.fatal && e.type.isSubclassOf(type);

/**
 * A generator object: the suspended body of a call of a generator function. An iterator
 * (PyIterator), so `for`, `next`, `list`, `zip`, itertools and the rest take it as they take
 * any; it also has `send`, `throw` and `close`. Each resumption is a step and a level of the
 * recursion limit while it runs, as a call is; a generator resumed while it runs raises
 * "generator already executing". A generator lives in the run that made it: a run's
 * values are not kept, and one in `data` cannot be made JSON.
 */
export class PyGenerator extends PyIterator {
  private running = false;
  private started = false;
  /** What a `yield from` of the body delegates to while it is suspended in it (gi_yieldfrom), else null. */
  delegate: Py = null;
  /** `__name__`: its function's, else the last part of its qualified name (`<genexpr>`). */
  genName: string;
  /** The exception an except clause of the body handles while it is suspended in it. */
  private handled: PyException | null = null;
  /** How many of its own except clauses and finally blocks (generators.ts's, which may yield) the body is in: while none, it sees its caller's handled exception. */
  ownHandling = 0;
  /** The handled exception of whoever resumed it last, which its clauses leave back to when they end (CPython's exc_info chain). */
  callerHandled: PyException | null = null;
  private body: GeneratorBody | null;

  /**
   * `charged`: each resumption is a step and a level of the recursion limit, as for a def's
   * generator; a generator expression's items are charged by its loop. `closing`: whether
   * closing it may run code of the condition (a def's body may have a `finally`; a generator
   * expression only when it holds a generator itself), so that what drops it need not throw
   * GeneratorExit in for nothing.
   */
  constructor(body: GeneratorBody, public qualname: string, private readonly charged = true, readonly closing = true, name?: string) {
    const box: { g?: PyGenerator } = {};
    super({ next: charged ? () => box.g!.resume(null) : () => box.g!.nextItem() }, 'generator');
    box.g = this;
    this.body = body;
    this.genName = name ?? qualname.slice(qualname.lastIndexOf('.') + 1);
  }

  /** gi_running: whether its body runs now (a generator reading its own). */
  get isRunning(): boolean {
    return this.running;
  }

  /** gi_suspended: stopped at a yield, to be resumed (not before its start, nor once finished). */
  get isSuspended(): boolean {
    return this.started && !this.running && this.body !== null;
  }

  /**
   * A generator expression's next item, what iterating it asks: its body has no except
   * clause to keep a handled exception, and its loop pays for each item, so it is only
   * guarded against running twice and its frame counted toward CPython's recursion limit
   * (a tenth of the cost of run(), a genexp's whole walk).
   */
  private nextItem(): IteratorResult<Py, Py | undefined> {
    const b = this.body;
    if (b === null) return { done: true, value: undefined };
    if (this.running) throw valueErr('generator already executing');
    enterFrame();
    this.running = true;
    this.started = true;
    const outer = current;
    current = this;
    try {
      const r = b.next(null);
      if (r.done) this.finish();
      return r;
    } catch (err) {
      this.finish();
      throw raisedOut(err);
    } finally {
      current = outer;
      this.running = false;
      exitFrame();
    }
  }

  /** Runs the body to its next yield (or its end): sent `sent`, or with `exc` raised where it stands. */
  private run(sent: Py, exc: PyException | null): IteratorResult<Py, Py | undefined> {
    if (this.running) throw valueErr('generator already executing');
    const b = this.body;
    if (b === null) return { done: true, value: undefined };
    if (this.charged) {
      step();
      enterCall();
    }
    this.running = true;
    this.started = true;
    // the exception the body handles is its own while it runs, the caller's is back when it stops
    const caller = handling.exc;
    this.callerHandled = caller;
    if (this.ownHandling > 0) handling.exc = this.handled;
    const outer = current;
    current = this;
    try {
      const r = exc === null ? b.next(sent) : b.throw(exc);
      if (r.done) this.finish();
      return r;
    } catch (err) {
      // a body that raised is finished, as the JS generator is
      this.finish();
      throw raisedOut(err);
    } finally {
      current = outer;
      this.handled = this.ownHandling > 0 ? handling.exc : null;
      handling.exc = caller;
      this.running = false;
      if (this.charged) exitCall();
    }
  }

  /** Its body is done: nothing left to resume, nor delegated to. */
  private finish(): void {
    this.body = null;
    this.delegate = null;
  }

  /** The next value, `sent` being what the suspended `yield` evaluates to. */
  resume(sent: Py): IteratorResult<Py, Py | undefined> {
    if (!this.started && sent !== null && this.body !== null) throw typeErr("can't send non-None value to a just-started generator");
    return this.run(sent, null);
  }

  /** `exc` raised where the body is suspended; a finished generator raises it at once. */
  throwIn(exc: PyException): IteratorResult<Py, Py | undefined> {
    if (this.body === null && !this.running) throw exc;
    return this.run(null, exc);
  }

  /** GeneratorExit thrown in: a body that yields again is a RuntimeError; one that lets it (or StopIteration) out is closed. */
  close(): null {
    if (this.running) throw valueErr('generator already executing');
    if (this.body === null) return null;
    if (!this.started) {
      this.finish();
      return null;
    }
    let r: IteratorResult<Py, Py | undefined>;
    try {
      r = this.run(null, generatorExit());
    } catch (err) {
      if (isPy(err, GeneratorExit)) return null;
      throw err;
    }
    if (!r.done) throw pyErr(RuntimeError, 'generator ignored GeneratorExit');
    return null;
  }
}

/** iter(v), as the builtin makes it (a list's list_iterator). */
const iterOf = (v: Py): Py => (BUILTINS.get('iter') as PyFunc).fn([v], null);

/** The generator whose body runs now (the innermost), which a `yield from` it reaches names as its gi_yieldfrom. */
let current: PyGenerator | null = null;

/** What a clause of a generator's body leaves handled when it ends: its caller's at that time where the clause was its outermost own. */
const INHERITED = Symbol('inherited');
export type HandlingToken = PyException | null | typeof INHERITED;

/** A clause of a generator's body (one that may yield) begins handling e: answers what to give back to handlingEnded. */
export function handlingBegun(e: PyException): HandlingToken {
  const g = current;
  const outer: HandlingToken = g !== null && g.ownHandling === 0 ? INHERITED : handling.exc;
  if (g !== null) g.ownHandling++;
  handling.exc = e;
  return outer;
}

/** The clause handlingBegun began ends: the exception handled before it is handled again, the caller's now where the body had none of its own. */
export function handlingEnded(outer: HandlingToken): void {
  const g = current;
  if (g !== null) g.ownHandling--;
  handling.exc = outer === INHERITED ? g!.callerHandled : outer;
}

/** close()'s GeneratorExit: made (PyErr_SetNone) before the body resumes, so under the caller's handled exception; gen.throw's exception is not chained (PyErr_Restore). */
function generatorExit(): PyException {
  const e = pyErr(GeneratorExit);
  e.context = null;
  chain(e, handling.exc);
  return e;
}

/** What leaves a generator's body that raised: a StopIteration is PEP 479's RuntimeError. */
function raisedOut(err: unknown): unknown {
  if (!isPy(err, StopIteration)) return err;
  return fromCause(pyErr(RuntimeError, 'generator raised StopIteration'), err as PyException, true);
}

/** The generator functions (defs and lambdas) of conditions: a call of one makes a generator nothing else holds yet. */
export const GENERATOR_FUNCTIONS = new WeakSet<PyFunc>();

/** The generator the last owning evaluation made (see ExpressionCompiler.owning), for what walks it to take at once. */
let fresh: PyGenerator | null = null;

export function madeFresh(g: PyGenerator | null): void {
  fresh = g;
}

export function takeFresh(): PyGenerator | null {
  const g = fresh;
  fresh = null;
  return g;
}

/**
 * A generator dropped unfinished by the one thing that held it (a loop that stopped early)
 * is closed then, as CPython's reference counting closes it: its `finally` clauses and
 * `__exit__`s run at that moment. What the close raises is ignored, as CPython ignores it
 * there ("Exception ignored in ..." on stderr); a limit's error is not.
 */
export function dropped(g: PyGenerator): void {
  if (!g.closing) return;
  try {
    g.close();
  } catch (err) {
    if (err instanceof PyException && !err.fatal && !err.internal) return;
    throw err;
  }
}

/** As dropped(), when `err` left what held it: not after a limit's error (nothing of the condition runs then) or a bug of ours. */
export function droppedBy(g: PyGenerator, err: unknown): void {
  if (err instanceof PyException && !err.fatal && !err.internal) dropped(g);
}

/** throw(type[, value[, traceback]]) as CPython 3.11 takes it: a class (made with value) or an instance. */
function exceptionToThrow(args: Py[]): PyException {
  if (args.length < 1) throw typeErr(`throw expected at least 1 argument, got ${args.length}`);
  if (args.length > 3) throw typeErr(`throw expected at most 3 arguments, got ${args.length}`);
  const [t, v = null, tb = null] = args;
  // no traceback object is ever made here, so any third argument but None is not one
  if (tb !== null) throw typeErr('throw() third argument must be a traceback object');
  if (t instanceof PyException) {
    if (v !== null) throw typeErr('instance exception may not have a separate value');
    return t;
  }
  if (t instanceof PyType && t.isException) {
    if (v instanceof PyException && v.type.isSubclassOf(t)) return v;
    // made as CPython normalizes it, in the generator's frame: what making it raises is raised there
    try {
      const made = t.fn(v === null ? [] : v instanceof PyTuple ? v.items : [v], null);
      if (!(made instanceof PyException)) throw typeErr(`calling ${repr(t)} should have returned an instance of BaseException, not ${typeName(made)}`);
      return made;
    } catch (err) {
      if (err instanceof PyException && !err.fatal) return err;
      throw err;
    }
  }
  throw typeErr(`exceptions must be classes or instances deriving from BaseException, not ${typeName(t)}`);
}

const answer = (r: IteratorResult<Py, Py | undefined>): Py => {
  if (r.done) throw stopIteration(r.value);
  return r.value;
};

const METHODS = new Map<string, Method>([
  ['send', (g: PyGenerator, args, kw) => {
    if (kw !== null && kw.size > 0) throw typeErr('generator.send() takes no keyword arguments');
    if (args.length !== 1) throw typeErr(`generator.send() takes exactly one argument (${args.length} given)`);
    return answer(g.resume(args[0]));
  }],
  ['throw', (g: PyGenerator, args, kw) => {
    if (kw !== null && kw.size > 0) throw typeErr('generator.throw() takes no keyword arguments');
    const e = exceptionToThrow(args);
    // put as it is (PyErr_Restore), not raised: what is handled when it is thrown is not its context
    if (e.context === undefined) e.context = null;
    return answer(g.throwIn(e));
  }],
  ['close', (g: PyGenerator, args, kw) => {
    if ((kw !== null && kw.size > 0) || args.length > 0) throw typeErr(`generator.close() takes no arguments (${args.length} given)`);
    return g.close();
  }],
]);

/** gi_code and gi_frame: refused as a function's __code__ is (builtins-reflect.ts's words for it). */
const NOT_BUILT = new Map([
  ['gi_code', 'code objects and cells are not built by the evaluator'],
  ['gi_frame', 'frame objects are not built by the evaluator'],
]);

/** The attributes CPython's generator has as members and getsets (gen_memberlist, gen_getsetlist). */
const READ_ONLY = new Set(['gi_running', 'gi_suspended', 'gi_yieldfrom', 'gi_code', 'gi_frame']);

registerType(PyGenerator, {
  ...ITERATOR,
  // CPython adds the address, which differs in every process: left out, as for functions
  repr: (g: PyGenerator) => `<generator object ${g.qualname}>`,
  methods: METHODS,
  getattr: (g: PyGenerator, name: string) => {
    switch (name) {
      case '__name__':
        return g.genName;
      case '__qualname__':
        return g.qualname;
      case 'gi_running':
        return g.isRunning;
      case 'gi_suspended':
        return g.isSuspended;
      case 'gi_yieldfrom':
        return g.delegate;
    }
    const why = NOT_BUILT.get(name);
    // every generator has them in CPython: refused past any except, so hasattr cannot answer False
    if (why !== undefined) throw fatalErr(UnsupportedError, `'${name}' is not available in conditions: ${why}`);
    return undefined;
  },
  // gen_set_name and gen_set_qualname: a str, which a `del` is not; the members are read-only
  setattr: (g: PyGenerator, name: string, v: Py | undefined) => {
    if (name === '__name__' || name === '__qualname__') {
      if (v instanceof PyStrBox) v = v.value;
      if (typeof v !== 'string') throw typeErr(`${name} must be set to a string object`);
      if (name === '__name__') g.genName = v;
      else g.qualname = v;
      return;
    }
    if (READ_ONLY.has(name)) throw pyErr(AttributeError, `attribute '${name}' of 'generator' objects is not writable`);
    throw pyErr(AttributeError, `'generator' object has no attribute '${name}'`);
  },
});

/**
 * `yield from it` (PEP 380): a generator is resumed with what is sent to the delegating
 * one, and given what is thrown into it (GeneratorExit closes it first); its return value
 * is the expression's value; so is an iterator of a condition's class (fromOwnIterator). A
 * builtin iterable gives its items, and takes None alone.
 */
export function* yieldFrom(iterable: Py): GeneratorBody {
  // the generator delegating: the one running as this starts (the `yield from` is reached)
  const owner = current;
  try {
    if (!(iterable instanceof PyIterator) && !ops.isIterable(iterable)) throw typeErr(`'${typeName(iterable)}' object is not iterable`);
    // iter(it), what is delegated to: a condition's __iter__ may answer a generator, or an iterator of its own
    const it = iterable instanceof PyIterator ? iterable : iterOf(iterable);
    if (!(it instanceof PyIterator)) return yield* fromOwnIterator(it, owner);
    if (it instanceof PyGenerator) {
      if (owner !== null) owner.delegate = it;
      let r = it.resume(null);
      for (;;) {
        if (r.done) return r.value ?? null;
        let sent: Py;
        try {
          sent = yield r.value;
        } catch (err) {
          if (!(err instanceof PyException) || err.fatal) throw err;
          if (err.type.isSubclassOf(GeneratorExit)) {
            it.close();
            throw err;
          }
          r = it.throwIn(err);
          continue;
        }
        r = it.resume(sent);
      }
    }
    // a builtin iterator, CPython's gi_yieldfrom while the items are given (a list's list_iterator)
    if (owner !== null) owner.delegate = it;
    for (const x of ops.iterate(it)) {
      const sent = yield x;
      // CPython sends to the iterator's send(), which no builtin iterator has
      if (sent !== null) throw pyErr(AttributeError, `'${iterable instanceof PyIterator ? iterable.name : iteratorName(iterable)}' object has no attribute 'send'`);
    }
    return null;
  } finally {
    if (owner !== null) owner.delegate = null;
  }
}

/**
 * `yield from` an iterator of a condition's class, as gen_send_ex and _gen_throw run it: None
 * sent is its __next__, another value its send(); a thrown exception goes to its throw() where it
 * has one (else it is raised here), GeneratorExit to its close() first. Its StopIteration ends
 * the delegation, its value the expression's.
 */
function* fromOwnIterator(it: Py, owner: PyGenerator | null): GeneratorBody {
  if (owner !== null) owner.delegate = it;
  let r: Py;
  try {
    r = callValue(getattr(it, '__next__'), [], null);
  } catch (err) {
    return stopValue(err);
  }
  for (;;) {
    let sent: Py;
    try {
      sent = yield r;
    } catch (err) {
      if (!(err instanceof PyException) || err.fatal) throw err;
      if (err.type.isSubclassOf(GeneratorExit)) {
        const close = lookupAttr(it, 'close');
        if (close !== undefined) callValue(close, [], null);
        throw err;
      }
      const thrower = lookupAttr(it, 'throw');
      if (thrower === undefined) throw err;
      try {
        r = callValue(thrower, [err], null);
      } catch (e) {
        return stopValue(e);
      }
      continue;
    }
    try {
      r = sent === null ? callValue(getattr(it, '__next__'), [], null) : callValue(getattr(it, 'send'), [sent], null);
    } catch (err) {
      return stopValue(err);
    }
  }
}

/** The value a StopIteration carries (the end of a delegation); any other error goes on. */
function stopValue(err: unknown): Py {
  if (!(err instanceof PyException) || err.fatal || !err.type.isSubclassOf(StopIteration)) throw err;
  return fieldGet(err, 'value') ?? null;
}
