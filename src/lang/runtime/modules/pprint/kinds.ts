/**
 * Which of Lib/pprint.py's tables a value's type falls in: `type(object).__repr__ is
 * dict.__repr__` and the like, read as the method resolution order finds __repr__ (a
 * condition's class that defines its own is none of them).
 */
import { BUILTINS, typeOfValue } from '../../builtins.js';
import { PyClass } from '../../class-values.js';
import { CHAINMAP_TYPE } from '../collections/chainmap.js';
import { COUNTER_TYPE } from '../collections/counter.js';
import { DEFAULTDICT_TYPE, ORDEREDDICT_TYPE } from '../collections/defaultdict.js';
import { DEQUE_TYPE } from '../collections/deque.js';
import { USERDICT } from '../collections/userdict.js';
import { USERLIST } from '../collections/userlist.js';
import { USERSTRING } from '../collections/userstring.js';
import { SIMPLE_NAMESPACE } from '../simple-namespace.js';
import { PyType } from '../../values.js';

// 'userdata': UserDict's, UserList's and UserString's tables alike (their data, formatted)
export type Kind = 'dict' | 'list' | 'tuple' | 'set' | 'frozenset' | 'str' | 'bytes' | 'bytearray' | 'int' | 'odict' | 'defaultdict' | 'counter' | 'deque' | 'chainmap' | 'userdata' | 'namespace';

const builtin = (name: string): PyType => BUILTINS.get(name) as PyType;

let kinds: Map<PyType, Kind> | undefined;
/** Made at the first use: the builtins' table is filled after this file loads. */
const KINDS = (): Map<PyType, Kind> =>
  (kinds ??= new Map<PyType, Kind>([
    ...(['dict', 'list', 'tuple', 'set', 'frozenset', 'str', 'bytes', 'bytearray', 'int'] as const).map((n): [PyType, Kind] => [builtin(n), n]),
    [ORDEREDDICT_TYPE, 'odict'],
    [DEFAULTDICT_TYPE, 'defaultdict'],
    [COUNTER_TYPE, 'counter'],
    [DEQUE_TYPE, 'deque'],
    [CHAINMAP_TYPE, 'chainmap'],
    [USERDICT, 'userdata'],
    [USERLIST, 'userdata'],
    [USERSTRING, 'userdata'],
    [SIMPLE_NAMESPACE, 'namespace'],
  ]));

export { typeOfValue };

/** _builtin_scalars: str, bytes, bytearray, float, complex, bool and NoneType, exactly. */
let scalars: Set<PyType> | undefined;
export function isBuiltinScalar(t: PyType): boolean {
  scalars ??= new Set([...['str', 'bytes', 'bytearray', 'float', 'complex', 'bool'].map(builtin), typeOfValue(null)]);
  return scalars.has(t);
}

/** The table type(v).__repr__ is the __repr__ of, or null. */
export function kindOf(t: PyType): Kind | null {
  const table = KINDS();
  const own = table.get(t);
  if (own !== undefined) return own;
  if (!(t instanceof PyClass)) return null;
  for (const base of t.mro) {
    const k = table.get(base);
    if (k !== undefined) return k;
    if (base instanceof PyClass && base.attrs.has('__repr__')) return null;
    if (!(base instanceof PyClass)) return null;
  }
  return null;
}
