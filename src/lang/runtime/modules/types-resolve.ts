/**
 * types.resolve_bases, Lib/types.py's function (a def there, of type 'function'): each base that is
 * no type but has __mro_entries__ replaced by what it answers, as a class statement resolves them
 * (PEP 560); the bases themselves where none has one.
 */
import { lookupAttr } from '../attributes.js';
import { allocItems, step } from '../budget.js';
import { callValue } from '../call.js';
import { typeErr } from '../exceptions.js';
import { toList } from '../iteration.js';
import { PyGenericAlias } from '../types/generic-alias.js';
import { PyTuple, PyType, tupleOf } from '../values.js';
import { pyDef } from './python-def.js';

export const RESOLVE_BASES = pyDef('resolve_bases', ['bases'], {}, (bases) => {
  // new_bases = list(bases), then `for i, base in enumerate(bases)`
  const given = toList(bases);
  const out = given.slice();
  let updated = false;
  let shift = 0;
  for (let i = 0; i < given.length; i++) {
    step();
    const base = given[i];
    if (base instanceof PyType) continue;
    // a GenericAlias's (ga_mro_entries: its origin), which it keeps as no attribute here
    const entries = base instanceof PyGenericAlias ? undefined : lookupAttr(base, '__mro_entries__');
    if (entries === undefined && !(base instanceof PyGenericAlias)) continue;
    const made = entries === undefined ? tupleOf([(base as PyGenericAlias).origin]) : callValue(entries, [bases], null);
    updated = true;
    if (!(made instanceof PyTuple)) throw typeErr('__mro_entries__ must return a tuple');
    allocItems(made.items.length);
    out.splice(i + shift, 1, ...made.items);
    shift += made.items.length - 1;
  }
  return updated ? tupleOf(out) : bases;
});
