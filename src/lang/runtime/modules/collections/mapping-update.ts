/** OrderedDict's update and __init__ (odictobject.c's mutablemapping_update), for an OrderedDict and a subclass's instance alike. */
import { lookupAttr } from '../../attributes.js';
import { tick } from '../../budget.js';
import { callValue } from '../../call.js';
import { typeErr, valueErr } from '../../exceptions.js';
import { getitem, setitem } from '../../items.js';
import { iterate, toList } from '../../iteration.js';
import { PyDict, type Py } from '../../values.js';

export /** mutablemapping_update: each pair put by self[k] = v, from a dict's items, a mapping's keys(), or pairs; then the keywords. */
function mappingUpdate(self: PyDict, args: Py[], kw: Map<string, Py> | null, tooMany: (n: number) => string): null {
  if (args.length > 1) throw typeErr(tooMany(args.length));
  const arg = args[0];
  let keys: Py | undefined;
  if (arg !== undefined) {
    if (arg instanceof PyDict && arg.constructor === PyDict) {
      for (const [k, v] of [...arg.entries()]) (tick(), setitem(self, k, v));
    } else if ((keys = lookupAttr(arg, 'keys')) !== undefined) {
      for (const k of iterate(callValue(keys, [], null))) (tick(), setitem(self, k, getitem(arg, k)));
    } else {
      // mutablemapping_add_pairs: each pair unpacked into two, in its words
      for (const pair of iterate(arg)) {
        tick();
        const items = toList(pair);
        if (items.length < 2) throw valueErr(`need more than ${items.length} value${items.length === 1 ? '' : 's'} to unpack`);
        if (items.length > 2) throw valueErr('too many values to unpack (expected 2)');
        setitem(self, items[0], items[1]);
      }
    }
  }
  if (kw !== null) for (const [k, v] of kw) (tick(), setitem(self, k, v));
  return null;
}

