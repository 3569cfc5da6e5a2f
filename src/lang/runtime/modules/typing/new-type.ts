/**
 * typing.NewType, as typing.py 3.11 writes it: `UserId = NewType('UserId', int)` is an instance
 * whose call gives its argument back, printed `__main__.UserId` (its caller's module: a
 * condition's is '__main__'), a member of a Union by `|`, and not a base a class may take.
 */
import { getattr } from '../../attributes.js';
import { makeClass, OBJECT_CLASS, PyInstance } from '../../classes.js';
import { PyClassMethod } from '../../descriptors.js';
import { typeErr } from '../../exceptions.js';
import { repr } from '../../repr.js';
import { one } from '../../args.js';
import { bindArgs, Signature } from '../../signature.js';
import { PyFunc, PyTuple, type Py } from '../../values.js';
import { callValue } from '../../call.js';
import * as ops from '../../ops.js';
import { guardClass } from '../frozen-instances.js';
import { typingClass, union } from './forms.js';

export const NEW_TYPE = typingClass('NewType');
guardClass(NEW_TYPE, 'typing.NewType');

const fn = (name: string, f: (a: Py[], kw: Map<string, Py> | null) => Py): PyFunc => new PyFunc(name, f, 'function');
const INIT_SIG = new Signature('NewType.__init__', ['self', 'name', 'tp'].map((name) => ({ name, star: '' as const })), 'python');
NEW_TYPE.attrs.set('__init__', fn('NewType.__init__', (a, kw) => {
  const [self, name, tp] = bindArgs(INIT_SIG, a, kw) as [PyInstance, Py, Py];
  const d = self.dict;
  d.set('__qualname__', name);
  // `if '.' in name: name = name.rpartition('.')[-1]`, as written, whatever name is
  const dotted = ops.contains(name, '.');
  d.set('__name__', dotted ? ops.getitem(callValue(getattr(name, 'rpartition'), ['.'], null), -1) : name);
  d.set('__supertype__', tp);
  d.set('__module__', '__main__');
  return null;
}));
// __call__ = _idfunc, _typing's METH_O function: one positional argument, given back
NEW_TYPE.attrs.set('__call__', fn('_idfunc', (a, kw) => one('_idfunc', a.slice(1), kw, '_typing')));
NEW_TYPE.attrs.set('__repr__', fn('NewType.__repr__', ([self]) => `${String(getattr(self, '__module__'))}.${String(getattr(self, '__qualname__'))}`));
NEW_TYPE.attrs.set('__reduce__', fn('NewType.__reduce__', ([self]) => getattr(self, '__qualname__')));
NEW_TYPE.attrs.set('__or__', fn('NewType.__or__', ([self, other]) => union([self, other])));
NEW_TYPE.attrs.set('__ror__', fn('NewType.__ror__', ([self, other]) => union([other, self])));

/**
 * __mro_entries__: a Dummy class whose __init_subclass__ refuses the subclass in words naming it
 * (bpo-46170), made anew each time as CPython's is.
 */
NEW_TYPE.attrs.set('__mro_entries__', fn('NewType.__mro_entries__', ([self]) => {
  const superclass = getattr(self, '__name__');
  const dummy = makeClass('Dummy', 'NewType.__mro_entries__.<locals>.Dummy', [OBJECT_CLASS]);
  dummy.module = 'typing';
  dummy.attrs.set('__init_subclass__', new PyClassMethod(fn('NewType.__mro_entries__.<locals>.Dummy.__init_subclass__', ([cls]) => {
    const subclass = String(getattr(cls, '__name__'));
    throw typeErr(`Cannot subclass an instance of NewType. Perhaps you were looking for: \`${subclass} = NewType(${repr(subclass)}, ${String(superclass)})\``);
  })));
  return new PyTuple([dummy]);
}));
