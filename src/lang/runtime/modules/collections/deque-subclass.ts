/**
 * Subclasses of collections.deque: each instance is a deque carrying its class, as
 * builtin-subclass.ts's are. deque's C methods call none of the class's (extend does not call
 * its append); where they make a deque of the instance's type (copy, +, *) they call the class
 * with the deque and its maxlen, as deque_copy does, so that its __init__ runs.
 */
import { bind, noArgsOf } from '../../args.js';
import { registerModuleBases } from '../../builtin-subclass.js';
import { callValue } from '../../call.js';
import { instanceAttrOr, type PyClass } from '../../class-values.js';
import { typeErr } from '../../exceptions.js';
import { repr as reprOf } from '../../repr.js';
import { NOT_IMPLEMENTED, type ItemRepr, type PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { PyFunc, typeName, type Py } from '../../values.js';
import { DEQUE, DEQUE_TYPE, maxlenArg, maxlenNotWritable, PyDeque } from './deque.js';
import { classString } from '../../string-dunders.js';
import { withAttrHooks } from '../../attribute-hooks.js';

class PyDequeInstance extends PyDeque {
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass) {
    super(null);
  }
}

const method = (name: string) => DEQUE.methods!.get(name)!;

/** deque_copy of a subclass's instance: type(d)(d) or type(d)(d, maxlen), which must make a deque. */
function copyOf(d: PyDequeInstance): PyDeque {
  const made = callValue(d.cls, d.maxlen === null ? [d] : [d, d.maxlen], null);
  if (!(made instanceof PyDeque)) throw typeErr(`${d.cls.name}() must return a deque, not ${typeName(made)}`);
  return made;
}

/** deque_init: maxlen set, the items cleared, then the iterable's appended. */
function init(self: PyDeque, args: Py[], kw: Map<string, Py> | null): null {
  const [iterable, maxlen] = bind('deque', args, kw, ['iterable', 'maxlen']);
  self.maxlen = maxlenArg(maxlen);
  if (self.length > 0) method('clear')(self, [], null);
  if (iterable !== undefined) method('extend')(self, [iterable], null);
  return null;
}

/** deque's methods and maxlen, bound to the instance; copy calls its class. */
function baseMethod(v: PyDequeInstance, name: string): Py | undefined {
  if (name === 'copy') return new PyFunc(name, (args, kw) => (noArgsOf('copy', args, kw, v.cls.qualname), copyOf(v)), 'method');
  const m = DEQUE.methods!.get(name);
  return m === undefined ? DEQUE.getattr!(v, name) : new PyFunc(name, (args, kw) => m(v, args, kw), 'method');
}

/** deque_repr: the instance's class's name. */
const baseRepr = (v: PyDequeInstance, item: ItemRepr): string => `${v.cls.name}(${item(v.items())}${v.maxlen === null ? '' : `, maxlen=${v.maxlen}`})`;

const SLOTS: PyTypeSlots<PyDequeInstance> = {
  ...DEQUE,
  name: (v) => v.cls.name,
  classOf: (v) => v.cls,
  repr: (v, item) => classString(v, v.cls, '__repr__') ?? baseRepr(v, item),
  str: (v, repr) => classString(v, v.cls, '__str__') ?? repr(v),
  nb: {
    // deque_concat and deque_repeat: a copy made by the class, then extended or repeated in place
    add: (a, b) => {
      if (!(a instanceof PyDeque)) return NOT_IMPLEMENTED;
      if (!(b instanceof PyDeque)) throw typeErr(`can only concatenate deque (not "${typeName(b)}") to deque`);
      if (!(a instanceof PyDequeInstance)) return DEQUE.nb!.add!(a, b);
      const out = copyOf(a);
      method('extend')(out, [b], null);
      return out;
    },
    multiply: (a, b) => (a instanceof PyDequeInstance ? copyOf(a).pyInplaceMul(b) : copyOf(b as PyDequeInstance).pyInplaceMul(a)),
  },
  methods: undefined,
  getattr: withAttrHooks((v, name) => instanceAttrOr(v, name, baseMethod)),
  // the instance's attributes take any other name (setattr's instance branch)
  setattr: undefined,
};

export function registerDequeSubclasses(): void {
  registerType(PyDequeInstance, SLOTS);
  registerModuleBases({
    isBase: (t) => t === DEQUE_TYPE,
    isInstance: (v) => v instanceof PyDequeInstance,
    make: (_base, cls) => new PyDequeInstance(cls),
    init: () => (self, args, kw) => init(self as Py as PyDeque, args, kw),
    method: (v, name) => baseMethod(v as PyDequeInstance, name),
    repr: (v) => baseRepr(v as PyDequeInstance, (x) => reprOf(x)),
    str: (v) => reprOf(v as PyDequeInstance),
    classAttr: () => undefined,
    store: (_v, name) => {
      if (name === 'maxlen') throw maxlenNotWritable();
      return false;
    },
  });
}
