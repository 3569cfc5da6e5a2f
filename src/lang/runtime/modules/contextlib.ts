import { tick } from '../budget.js';
import { NativeContextManager } from '../context-managers.js';
import { typeErr } from '../exceptions.js';
import { bindArgs, Signature } from '../signature.js';
import type { PyTypeSlots } from '../types/protocol.js';
import { registerType } from '../types/table.js';
import { PyModule, PyTuple, PyType, type Py } from '../values.js';

/** contextlib.suppress(*exceptions): `__exit__` answers whether the exception is one of them, so `with` swallows it. */
class Suppress extends NativeContextManager {
  constructor(readonly exceptions: PyTuple) {
    super();
  }
  enter(): Py {
    return null;
  }
  exit(type: Py): Py {
    return type !== null && issubclass(type as PyType, this.exceptions);
  }
}

/** issubclass(c, classes) as contextlib's `__exit__` asks it: nested tuples walked in order, the first item that is no class a TypeError. */
function issubclass(c: PyType, classes: Py): boolean {
  if (classes instanceof PyTuple) {
    for (const t of classes.items) if ((tick(), issubclass(c, t))) return true;
    return false;
  }
  if (!(classes instanceof PyType)) throw typeErr('issubclass() arg 2 must be a class, a tuple of classes, or a union');
  return c.isSubclassOf(classes);
}

/** contextlib.nullcontext(enter_result=None): `with` gets enter_result and nothing happens on exit. */
class NullContext extends NativeContextManager {
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

// both are classes written in Python: a wrong call is worded as their __init__'s, self counted
const SUPPRESS_INIT = new Signature('suppress.__init__', [{ name: 'self', star: '' }, { name: 'exceptions', star: '*' }], 'python');
const NULLCONTEXT_INIT = new Signature('nullcontext.__init__', [{ name: 'self', star: '' }, { name: 'enter_result', star: '' }], 'python');

const SUPPRESS = new PyType('contextlib.suppress', (a, kw) => new Suppress(bindArgs(SUPPRESS_INIT, [null, ...a], kw)[1] as PyTuple));
const NULLCONTEXT = new PyType('contextlib.nullcontext', (a, kw) => new NullContext(bindArgs(NULLCONTEXT_INIT, [null, ...a], kw, [undefined, null])[1]));

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

export const CONTEXTLIB = new PyModule(
  'contextlib',
  new Map<string, Py>([
    ['suppress', SUPPRESS],
    ['nullcontext', NULLCONTEXT],
  ]),
);
