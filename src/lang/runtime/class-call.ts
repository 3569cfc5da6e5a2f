/**
 * Class(...) of a class whose order has a __new__ of the condition's, as CPython's type_call:
 * __new__ called with the class first, then, only if it made an instance of the class (a
 * subclass's included), the __init__ of that instance's own class.
 */
import { isValueInstance, valueInit } from './builtin-subclass.js';
import { callValue } from './call.js';
import { isInstance, PyClass, PyDictInstance } from './class-values.js';
import { initOfBase } from './dict-subclass.js';
import { bindAttr, classAttr } from './descriptors.js';
import { fieldsInit } from './exception-fields.js';
import { typeErr } from './exceptions.js';
import { PyException, typeName, type Py } from './values.js';

export function callWithNew(cls: PyClass, args: Py[], kw: Map<string, Py> | null): Py {
  // slot_tp_new: the class's __new__ read as an attribute (a staticmethod's function), called with the class first
  const self = callValue(classAttr(cls.lookup('__new__')!, cls, '__new__'), [cls, ...args], kw);
  const type = isInstance(self) || isValueInstance(self) ? self.cls : null;
  if (type === null || !type.isSubclassOf(cls)) return self;
  const init = type.lookup('__init__');
  if (init !== undefined) {
    const r = callValue(bindAttr(init, self, type, '__init__'), args, kw);
    if (r !== null) throw typeErr(`__init__() should return None, not '${typeName(r)}'`);
  } else if (self instanceof PyException) {
    // BaseException.__init__ keeps the call's arguments as args, whatever __new__ gave its base
    fieldsInit(type.mro.find((t) => t.isException && !(t instanceof PyClass))!, self, args, kw, false);
  } else if (type.valueBase !== null) valueInit(type.valueBase, self, args, kw);
  // dict's __init__ (OrderedDict's, defaultdict's, Counter's) fills what dict's __new__ left empty
  else if (self instanceof PyDictInstance) initOfBase(self, args, kw);
  // object.__init__ lets the arguments by: the class's __new__ took them
  return self;
}
