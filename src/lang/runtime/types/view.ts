import { tick } from '../budget.js';
import { closeOwnLevel, openOwnLevel } from '../repr.js';
import { ITEMS_METHODS, KEYS_METHODS } from '../methods-dict.js';
import { PyTuple, type PyView } from '../values.js';
import { isOrdered } from './ordered.js';
import { PyMappingProxy } from './mapping-proxy.js';
import { walkDict } from './dict.js';
import type { PyTypeSlots } from './protocol.js';

// the dict's own views and iterators are named dict_..., an OrderedDict's odict_... (Objects/odictobject.c)
const prefix = (v: PyView): string => (isOrdered(v.dict) ? 'odict_' : 'dict_');

/** dict_keys, dict_values, dict_items: live views of a dict; odict_keys and so on of an OrderedDict. */
export const VIEW: PyTypeSlots<PyView> = {
  name: (v) => prefix(v) + v.kind,
  truthy: (v) => v.dict.m.size !== 0,
  len: (v) => v.dict.m.size,
  iter: (v) => walkDict(v.dict, v.kind),
  contains(v, item, eq) {
    if (v.kind === 'keys') return v.dict.has(item);
    if (v.kind === 'items') {
      // dictitems_contains: a pair whose key is in the dict with an equal value
      if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
      const [key, value] = item.items;
      return v.dict.has(key) && eq(v.dict.get(key), value);
    }
    for (const x of v) {
      tick();
      if (eq(x, item)) return true;
    }
    return false;
  },
  // dictview_repr prints a list made of the view by PyObject_Repr: a level of its own, besides the view's
  repr: (v, item) => {
    openOwnLevel();
    try {
      return `${prefix(v)}${v.kind}([${Array.from(v, item).join(', ')}])`;
    } finally {
      closeOwnLevel();
    }
  },
  // keys and items views are set-like (isdisjoint); a values view has no methods
  methodsOf: (v) => (v.kind === 'keys' ? KEYS_METHODS : v.kind === 'items' ? ITEMS_METHODS : undefined),
  // dictview_mapping: a read-only proxy of the dict
  getattr: (v, name) => (name === 'mapping' ? new PyMappingProxy(v.dict) : undefined),
};
