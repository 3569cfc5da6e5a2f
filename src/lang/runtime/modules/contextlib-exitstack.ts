/**
 * contextlib.ExitStack and closing, as Lib/contextlib.py runs them: an ExitStack's callbacks
 * are called last first on its exit, as nested `with` statements would call them, an exception
 * one raises handed to the next as the one in flight, one that answers truthy suppressing it,
 * and the last exception raised at the end, each one's __context__ mended as
 * _fix_exception_context mends it. Each callback is a call: a step, and the condition's own
 * functions a frame. Limits' errors pass through, as they pass every `except`.
 */
import { step, tick } from '../budget.js';
import { chain, handling } from '../handling.js';
import { callValue } from '../call.js';
import { bindMethod, PyClass, PyInstance } from '../class-values.js';
import { NativeContextManager, PyTraceback } from '../context-managers.js';
import { getattr } from '../attributes.js';
import { typeErr } from '../exceptions.js';
import { truthy } from '../iteration.js';
import { Signature, bindArgs } from '../signature.js';
import type { Method, PyTypeSlots } from '../types/protocol.js';
import { registerType } from '../types/table.js';
import { PyException, PyType, typeName, type Py } from '../values.js';
import { ABC, ABSTRACT_CONTEXT_MANAGER, PyAbcType } from './foreign-bases.js';

/**
 * _fix_exception_context: the end of e's chain that reaches the exception the frame handles
 * is pointed at `old` instead, as if the callbacks had been nested `with` statements.
 */
function fixContext(e: PyException, old: PyException | null, frameExc: PyException | null): void {
  let n = e;
  for (;;) {
    const c = n.context ?? null;
    if (c === null || c === old) return;
    if (c === frameExc) break;
    tick();
    n = c;
  }
  n.context = old;
}

/** An exit callback: called with the exception in flight (None three times without one), truthy to suppress it. */
type ExitCallback = (type: Py, value: Py, traceback: Py) => Py;

/** The class a condition's instance (or exception) has, whose __enter__ and __exit__ count; null for other values. */
const classOf = (v: Py): PyClass | null => (v instanceof PyInstance ? v.cls : v instanceof PyException && v.type instanceof PyClass ? v.type : null);

/** type(cm).__exit__, bound to cm (MethodType(cm_exit, cm)); undefined where its type has none. */
function exitOf(cm: Py): ExitCallback | undefined {
  if (cm instanceof NativeContextManager) return (t, v, tb) => cm.exit(t, v, tb);
  const exit = classOf(cm)?.lookup('__exit__');
  return exit === undefined ? undefined : (t, v, tb) => callValue(bindMethod(exit, cm), [t, v, tb], null);
}

/** `'{module}.{qualname}'` of a value's type, as enter_context's TypeError names it (a condition's classes are of builtins, the envelope's globals having no __name__). */
function qualifiedType(v: Py): string {
  const cls = classOf(v);
  if (cls !== null) return `builtins.${cls.qualname}`;
  const name = typeName(v);
  return name.includes('.') ? name : `builtins.${name}`;
}

export class PyExitStack extends NativeContextManager {
  callbacks: ExitCallback[] = [];
  enter(): Py {
    return this;
  }
  /** _push_exit_callback: a step, and the list within the run's means as any list is. */
  private pushCallback(cb: ExitCallback): void {
    step();
    this.callbacks.push(cb);
  }
  enterContext(cm: Py): Py {
    const exit = exitOf(cm);
    const enter = cm instanceof NativeContextManager ? () => cm.enter() : classOf(cm)?.lookup('__enter__');
    if (enter === undefined || exit === undefined) throw typeErr(`'${qualifiedType(cm)}' object does not support the context manager protocol`);
    const result = typeof enter === 'function' ? (step(), enter()) : callValue(bindMethod(enter, cm), [], null);
    this.pushCallback(exit);
    return result;
  }
  push(exit: Py): Py {
    // a context manager's __exit__, else the value itself, taken as a callable
    this.pushCallback(exitOf(exit) ?? ((t, v, tb) => callValue(exit, [t, v, tb], null)));
    return exit;
  }
  callback(fn: Py, args: Py[], kw: Map<string, Py> | null): Py {
    this.pushCallback(() => (callValue(fn, args, kw), null));
    return fn;
  }
  popAll(): PyExitStack {
    const moved = new PyExitStack();
    moved.callbacks = this.callbacks;
    this.callbacks = [];
    return moved;
  }
  exit(type: Py, value: Py, traceback: Py): Py {
    const received = type !== null;
    let suppressed = false;
    let pending: PyException | null = null;
    let details: [Py, Py, Py] = [type, value, traceback];
    const frameExc = handling.exc;
    while (this.callbacks.length > 0) {
      const cb = this.callbacks.pop()!;
      step();
      try {
        if (truthy(cb(...details))) {
          suppressed = true;
          pending = null;
          details = [null, null, null];
        }
      } catch (e) {
        if (!(e instanceof PyException) || e.fatal) throw e;
        // raised under the exception the with handles, then chained to the one before it (None at first without one)
        if (e.context === undefined) chain(e, frameExc);
        fixContext(e, details[1] instanceof PyException ? details[1] : null, frameExc);
        pending = e;
        details = [e.type, e, new PyTraceback()];
      }
    }
    if (pending !== null) throw pending;
    return received && suppressed;
  }
}

/** contextlib.closing(thing): `with` gets thing, and thing.close() is called on the way out. */
export class PyClosing extends NativeContextManager {
  constructor(readonly thing: Py) {
    super();
  }
  enter(): Py {
    return this.thing;
  }
  exit(): Py {
    callValue(getattr(this.thing, 'close'), [], null);
    return null;
  }
}

// the classes are written in Python: a wrong call is worded as their methods', self counted
const sig = (name: string, params: string[], star = false, posOnly = 0) =>
  new Signature(name, [...params.map((p) => ({ name: p, star: '' as const })), ...(star ? [{ name: 'args', star: '*' as const }, { name: 'kwds', star: '**' as const }] : [])], 'python', { posOnly });
const EXIT_STACK_INIT = sig('_BaseExitStack.__init__', ['self']);
const CLOSING_INIT = sig('closing.__init__', ['self', 'thing']);
const ENTER_CONTEXT = sig('_BaseExitStack.enter_context', ['self', 'cm']);
const PUSH = sig('_BaseExitStack.push', ['self', 'exit']);
const CALLBACK = sig('_BaseExitStack.callback', ['self', 'callback'], true, 2);
const POP_ALL = sig('_BaseExitStack.pop_all', ['self']);
const CLOSE = sig('ExitStack.close', ['self']);

const METHODS = new Map<string, Method>([
  ['enter_context', (s: PyExitStack, a, k) => s.enterContext(bindArgs(ENTER_CONTEXT, [s, ...a], k)[1])],
  ['push', (s: PyExitStack, a, k) => s.push(bindArgs(PUSH, [s, ...a], k)[1])],
  ['callback', (s: PyExitStack, a, k) => {
    const [, fn, args, kwds] = bindArgs(CALLBACK, [s, ...a], k);
    return s.callback(fn, [...args.items], kwds.m.size === 0 ? null : new Map([...kwds.m].map(([nk, v]) => [kwds.key(nk) as string, v])));
  }],
  ['pop_all', (s: PyExitStack, a, k) => (bindArgs(POP_ALL, [s, ...a], k), s.popAll())],
  ['close', (s: PyExitStack, a, k) => (bindArgs(CLOSE, [s, ...a], k), s.exit(null, null, null), null)],
]);

// ExitStack(_BaseExitStack, AbstractContextManager), closing(AbstractContextManager), as Lib/contextlib.py has them
const BASE_EXIT_STACK = new PyType('contextlib._BaseExitStack', (a, k) => (bindArgs(EXIT_STACK_INIT, [null, ...a], k), new PyExitStack()));
export const EXIT_STACK = new PyAbcType('contextlib.ExitStack', BASE_EXIT_STACK, [BASE_EXIT_STACK, ABSTRACT_CONTEXT_MANAGER, ABC], (a, k) => (bindArgs(EXIT_STACK_INIT, [null, ...a], k), new PyExitStack()));
export const CLOSING = new PyAbcType('contextlib.closing', ABSTRACT_CONTEXT_MANAGER, [ABSTRACT_CONTEXT_MANAGER, ABC], (a, k) => new PyClosing(bindArgs(CLOSING_INIT, [null, ...a], k)[1]));

const slots = (name: string, type: Py, more: Partial<PyTypeSlots> = {}): PyTypeSlots => ({
  name: () => `contextlib.${name}`,
  type,
  truthy: () => true,
  len: null,
  iter: null,
  // CPython adds the address, which differs in every process: left out, as for functions
  repr: () => `<contextlib.${name} object>`,
  ...more,
});
registerType(PyExitStack, slots('ExitStack', EXIT_STACK, { methods: METHODS }));
registerType(PyClosing, slots('closing', CLOSING, { getattr: (c: PyClosing, name: string) => (name === 'thing' ? c.thing : undefined) }));
