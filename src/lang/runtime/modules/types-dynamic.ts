/**
 * types.DynamicClassAttribute, Lib/types.py's class written as one: a property read through an
 * instance, whose read through the class raises a bare AttributeError (so that a metaclass's
 * __getattr__ answers there), unless its getter is abstract. Its state is the instance's own
 * attributes (fget, fset, fdel, __doc__, overwrite_doc, __isabstractmethod__), as types.py keeps them.
 */
import { getattr, lookupAttr } from '../attributes.js';
import { BUILTINS } from '../builtins.js';
import { callValue } from '../call.js';
import { finishClass, makeClass, OBJECT_CLASS, setattr } from '../classes.js';
import { AttributeError, pyErr } from '../exceptions.js';
import { introspect } from '../introspection.js';
import { truthy } from '../iteration.js';
import { PyException, type Py } from '../values.js';
import { defIn } from './python-def.js';

export const DYNAMIC_CLASS_ATTRIBUTE = makeClass('DynamicClassAttribute', 'DynamicClassAttribute', [OBJECT_CLASS]);
DYNAMIC_CLASS_ATTRIBUTE.module = 'types';
const def = defIn(DYNAMIC_CLASS_ATTRIBUTE, 'DynamicClassAttribute');

const make = (self: Py, fget: Py, fset: Py, fdel: Py, doc: Py): Py => callValue(callValue(BUILTINS.get('type')!, [self], null), [fget, fset, fdel, doc], null);
/** `a or b`. */
const or = (a: Py, b: () => Py): Py => (truthy(a) ? a : b());

def('__init__', ['fget', 'fset', 'fdel', 'doc'], { fget: null, fset: null, fdel: null, doc: null }, (self, fget, fset, fdel, doc) => {
  setattr(self, 'fget', fget);
  setattr(self, 'fset', fset);
  setattr(self, 'fdel', fdel);
  // next two lines make DynamicClassAttribute act the same as property (None's __doc__ is None)
  setattr(self, '__doc__', or(doc, () => (fget === null ? null : introspect(fget, '__doc__'))));

  setattr(self, 'overwrite_doc', doc === null);
  // support for abstract methods: getattr(fget, '__isabstractmethod__', False)
  setattr(self, '__isabstractmethod__', truthy(lookupAttr(fget, '__isabstractmethod__') ?? false));
  return null;
});

def('__get__', ['instance', 'ownerclass'], { ownerclass: null }, (self, instance) => {
  if (instance === null) {
    if (truthy(getattr(self, '__isabstractmethod__'))) return self;
    throw new PyException(AttributeError, []);
  }
  const fget = getattr(self, 'fget');
  if (fget === null) throw pyErr(AttributeError, 'unreadable attribute');
  return callValue(fget, [instance], null);
});

def('__set__', ['instance', 'value'], {}, (self, instance, value) => {
  const fset = getattr(self, 'fset');
  if (fset === null) throw pyErr(AttributeError, "can't set attribute");
  callValue(fset, [instance, value], null);
  return null;
});

def('__delete__', ['instance'], {}, (self, instance) => {
  const fdel = getattr(self, 'fdel');
  if (fdel === null) throw pyErr(AttributeError, "can't delete attribute");
  callValue(fdel, [instance], null);
  return null;
});

/** `result.overwrite_doc = self.overwrite_doc`, after type(self)(...). */
const keepOverwrite = (self: Py, result: Py): Py => {
  setattr(result, 'overwrite_doc', getattr(self, 'overwrite_doc'));
  return result;
};

def('getter', ['fget'], {}, (self, fget) => {
  const fdoc = truthy(getattr(self, 'overwrite_doc')) ? introspect(fget, '__doc__') : null;
  return keepOverwrite(self, make(self, fget, getattr(self, 'fset'), getattr(self, 'fdel'), or(fdoc, () => getattr(self, '__doc__'))));
});

def('setter', ['fset'], {}, (self, fset) => keepOverwrite(self, make(self, getattr(self, 'fget'), fset, getattr(self, 'fdel'), getattr(self, '__doc__'))));

def('deleter', ['fdel'], {}, (self, fdel) => keepOverwrite(self, make(self, getattr(self, 'fget'), getattr(self, 'fset'), fdel, getattr(self, '__doc__'))));

finishClass(DYNAMIC_CLASS_ATTRIBUTE);
