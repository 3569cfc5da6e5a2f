/**
 * `T.__new__`, `T.__init__` and `T.__init_subclass__` where neither T nor its classes define
 * them (so its builtin base's: `object.__new__(cls)`, `Exception.__init__(self, msg)`), and the
 * same read from an instance of a condition's class or exception, bound as CPython binds them.
 */
import { moduleBases } from './builtin-subclass.js';
import { builtinNew } from './builtin-new.js';
import { callValue } from './call.js';
import { PyClass } from './class-values.js';
import { setInstanceDunders, setTypeDunders } from './attributes.js';
import { fatalErr, UnsupportedError } from './exceptions.js';
import { objectInitSubclass } from './init-subclass.js';
import { mroOf, OBJECT_CLASS } from './object-class.js';
import { unboundAttr } from './super-unbound.js';
import { PyException, PyFunc, PyType, typeName, type Py } from './values.js';

/** The first builtin type of t's order, object for a plain class: whose __new__ and __init__ t's classes leave it. */
const builtinOf = (t: PyType): PyType => mroOf(t).find((x) => !(x instanceof PyClass) || x === OBJECT_CLASS) ?? OBJECT_CLASS;

/** What is not built, refused (fatal: CPython answers), rather than an AttributeError CPython would not raise or a TypeError a condition could catch. */
const notBuilt = (of: string, name: string) => fatalErr(UnsupportedError, `${of.startsWith("'") ? of : `'${of}`}.${name}${of.startsWith("'") ? '' : "'"} is not available in conditions: the evaluator does not build it`);

/** The builtin types whose __init__ is object's (their __new__ takes the arguments). */
const OBJECTS_INIT = new Set(['int', 'bool', 'str', 'float', 'complex', 'tuple', 'frozenset', 'bytes', 'range', 'slice', 'NoneType']);

/** The builtin base's __init__, unbound: its own (an exception's, dict's, list's, set's), else object's where that is its. */
function builtinInit(t: PyType): Py {
  const b = builtinOf(t);
  const own = b === OBJECT_CLASS ? undefined : unboundAttr(b, '__init__', t instanceof PyClass ? t : OBJECT_CLASS, () => undefined);
  if (own !== undefined) return own;
  // bytearray's, deque's, partial's and the other modules' types' are their own, not reached here
  if (b !== OBJECT_CLASS && !(OBJECTS_INIT.has(b.name) && !moduleBases.isBase(b)) && !moduleBases.isPlainBase(b)) throw notBuilt(b.name, '__init__');
  // one object, as CPython's slot wrapper is: `A.__init__ is object.__init__`
  return (objectInit ??= unboundAttr(OBJECT_CLASS, '__init__', OBJECT_CLASS, () => undefined)!);
}
let objectInit: Py | undefined;

function typeConstruction(t: PyType, name: string): Py | undefined {
  switch (name) {
    case '__new__': {
      const b = builtinOf(t);
      const made = builtinNew(b);
      if (made === undefined) throw notBuilt(b.name, name);
      return made;
    }
    case '__init__':
      return builtinInit(t);
    case '__init_subclass__':
      return objectInitSubclass(t);
    default:
      return undefined;
  }
}

setTypeDunders(typeConstruction);

// an instance's: its class's __new__ as it is (a static method), __init__ bound to it, __init_subclass__ to its class
setInstanceDunders((obj, name) => {
  if (name !== '__new__' && name !== '__init__' && name !== '__init_subclass__') return undefined;
  const cls = obj instanceof PyException ? obj.type : obj !== null && typeof obj === 'object' && 'cls' in obj && obj.cls instanceof PyClass ? obj.cls : null;
  if (cls === null) throw notBuilt(`'${typeName(obj)}' object`, name);
  const found = typeConstruction(cls, name)!;
  if (name !== '__init__') return found;
  return new PyFunc('__init__', (args, kw) => callValue(found, [obj, ...args], kw), 'method');
});
