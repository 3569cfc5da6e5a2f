/**
 * types.resolve_bases, Lib/types.py's function (a def there, of type 'function'): each base that is
 * no type but has __mro_entries__ replaced by what it answers, as a class statement resolves them
 * (PEP 560); the bases themselves where none has one.
 */
import { lookupAttr } from '../attributes.js';
import { allocItems, step } from '../budget.js';
import { BUILTINS } from '../builtins.js';
import { callValue } from '../call.js';
import { fatalErr, typeErr, UnsupportedError } from '../exceptions.js';
import { hasClassForm } from '../metaclass.js';
import { repr } from '../repr.js';
import { toList } from '../iteration.js';
import { PyGenericAlias } from '../types/generic-alias.js';
import { PyTuple, PyType, tupleOf, type Py } from '../values.js';
import { pyDef } from './python-def.js';

export const RESOLVE_BASES = pyDef('resolve_bases', ['bases'], {}, (bases) => {
  // new_bases = list(bases), then `for i, base in enumerate(bases)`: an iterator's second pass finds nothing
  const given = toList(bases);
  const walked = callValue(BUILTINS.get('iter')!, [bases], null) === bases ? [] : given;
  // each base's entries put where it stood, as the slice assignments do: built in one pass, not spliced in
  const out: Py[] = [];
  let updated = false;
  for (let i = 0; i < walked.length; i++) {
    step();
    const base = walked[i];
    if (base instanceof PyType) {
      out.push(base);
      continue;
    }
    // typing.NamedTuple's and TypedDict's classes are made by their class forms (metaclass.ts), in a class statement only
    if (hasClassForm(base)) throw fatalErr(UnsupportedError, `types.resolve_bases() of ${repr(base)} is not supported: the evaluator makes its classes in a class statement only`);
    // a GenericAlias's (ga_mro_entries: its origin), which it keeps as no attribute here
    const entries = base instanceof PyGenericAlias ? undefined : lookupAttr(base, '__mro_entries__');
    if (entries === undefined && !(base instanceof PyGenericAlias)) {
      out.push(base);
      continue;
    }
    const made = entries === undefined ? tupleOf([(base as PyGenericAlias).origin]) : callValue(entries, [bases], null);
    updated = true;
    if (!(made instanceof PyTuple)) throw typeErr('__mro_entries__ must return a tuple');
    allocItems(made.items.length);
    for (const x of made.items) out.push(x);
  }
  return updated ? tupleOf(out) : bases;
});
