import { OdictMap, odictWalk } from './odict-map.js';
import { allocItems, tick } from '../budget.js';
import { pyErr, RuntimeError } from '../exceptions.js';
import { DICT_METHODS, updateDict } from '../methods-dict.js';
import { PyDict, PyTuple, type Py } from '../values.js';
import { NOT_IMPLEMENTED, type PyTypeSlots } from './protocol.js';

/**
 * A dict walked as CPython's dict iterators walk it: a change of size between two steps
 * is a RuntimeError, and so is a key beyond the number it had (one popped and put back
 * is met again, and without this the walk would not end). Views walk their dict so too.
 */
export function walkDict(d: PyDict, kind: 'keys' | 'values' | 'items'): Generator<Py> {
  // an OrderedDict's (or its subclass's instance's) iterators are odict's
  return d.m instanceof OdictMap ? odictWalk(d, d.m, kind) : walkTable(d, kind);
}

/** dict_reversed and its views': the keys as they are now, walked back; a change of size before a step is dictreviter's RuntimeError. */
export function walkBack(d: PyDict, kind: 'keys' | 'values' | 'items'): Generator<Py> {
  const size = d.m.size;
  allocItems(size);
  const keys = [...d.m.keys()].reverse();
  return (function* () {
    for (const nk of keys) {
      tick();
      if (d.m.size !== size) throw pyErr(RuntimeError, 'dictionary changed size during iteration');
      // a key gone (another put in at the end): its entry is a dummy, which dictreviter steps over
      if (!d.m.has(nk)) continue;
      const v = d.m.get(nk);
      yield kind === 'keys' ? d.key(nk) : kind === 'values' ? v : new PyTuple([d.key(nk), v]);
    }
  })();
}

function* walkTable(d: PyDict, kind: 'keys' | 'values' | 'items'): Generator<Py> {
  const size = d.m.size;
  let left = size;
  for (const [nk, v] of d.m) {
    tick();
    if (d.m.size !== size) throw pyErr(RuntimeError, 'dictionary changed size during iteration');
    if (left-- === 0) throw pyErr(RuntimeError, 'dictionary keys changed during iteration');
    yield kind === 'keys' ? d.key(nk) : kind === 'values' ? v : new PyTuple([d.key(nk), v]);
  }
  if (d.m.size !== size) throw pyErr(RuntimeError, 'dictionary changed size during iteration');
}

export const DICT: PyTypeSlots<PyDict> = {
  name: () => 'dict',
  truthy: (v) => v.m.size !== 0,
  len: (v) => v.m.size,
  iter: (v) => walkDict(v, 'keys'),
  hash: null,
  // dict_richcompare: the same keys, each with an equal value
  eq(a, b, eq) {
    if (!(b instanceof PyDict)) return NOT_IMPLEMENTED;
    if (a.m.size !== b.m.size) return false;
    // keys told apart by __eq__: b looked up as CPython's dict_equal does, by each key of a
    const probing = a.eqStored > 0 || b.eqStored > 0;
    for (const [k, v] of a.m) {
      tick();
      const w = probing ? b.get(a.key(k)) : b.m.get(k);
      if (w === undefined || !eq(v, w)) return false;
    }
    return true;
  },
  contains: (v, item) => v.has(item),
  nb: {
    // dict_or: a copy of a, updated with b
    or(a, b) {
      if (!(a instanceof PyDict) || !(b instanceof PyDict)) return NOT_IMPLEMENTED;
      const out = DICT_METHODS.get('copy')!(a, [], null) as PyDict;
      updateDict(out, b, null);
      return out;
    },
  },
  methods: DICT_METHODS,
  // dict.fromkeys through the type: a new dict, whatever the receiver
  classMethods: new Map([['fromkeys', (args, kw) => DICT_METHODS.get('fromkeys')!(new PyDict(), args, kw)]]),
};
