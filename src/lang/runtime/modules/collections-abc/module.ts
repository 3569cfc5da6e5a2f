/**
 * collections.abc (Lib/_collections_abc.py): the ABCs, and the builtin types it registers
 * (dict on MutableMapping, tuple on Sequence, ...), with those collections registers or
 * derives from them (deque; ChainMap, UserDict, UserList and UserString, whose order here is
 * still refused: registered, they answer isinstance and issubclass as their bases would).
 * A condition's own register() lasts for its run (abc.ts).
 */
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { PyClassMethod } from '../../descriptors.js';
import { fatalErr, UnsupportedError } from '../../exceptions.js';
import { PyMappingProxy } from '../../mappingproxy-value.js';
import { PyDict, PyModule, PyType, PyView, type Py } from '../../values.js';
import { fileCollectionFlag, registerShared } from '../abc.js';
import { pyDef } from '../python-def.js';
import { CHAINMAP_TYPE } from '../collections/chainmap.js';
import { DEQUE_TYPE } from '../collections/deque.js';
import { USERDICT } from '../collections/userdict.js';
import { USERLIST } from '../collections/userlist.js';
import { USERSTRING } from '../collections/userstring.js';
import { setMappingCheck } from '../collections/abc-instances.js';
import { isinstance, ITEMS_VIEW, KEYS_VIEW, MAPPING, MAPPING_VIEW, MUTABLE_MAPPING, VALUES_VIEW } from './mapping.js';
import {
  ASYNC_GENERATOR, ASYNC_ITERABLE, ASYNC_ITERATOR, AWAITABLE, CALLABLE, COLLECTION, CONTAINER, COROUTINE, GENERATOR, HASHABLE, ITERABLE, ITERATOR, REVERSIBLE, SIZED,
} from './one-trick.js';
import { BYTE_STRING, MUTABLE_SEQUENCE, SEQUENCE } from './sequence.js';
import { MUTABLE_SET, SET } from './set.js';

const builtin = (name: string) => (): PyType => BUILTINS.get(name) as PyType;
/** The type of a value the module registers by (`mappingproxy = type(type.__dict__)`), found once: the same for every run. */
function typeOfValue(make: () => Py): () => PyType {
  let t: PyType | undefined;
  return () => (t ??= callValue(BUILTINS.get('type')!, [make()], null) as PyType);
}

for (const [cls, types] of [
  [SET, [builtin('frozenset')]],
  [MUTABLE_SET, [builtin('set')]],
  [MAPPING, [typeOfValue(() => new PyMappingProxy(new PyDict()))]],
  [KEYS_VIEW, [typeOfValue(() => new PyView('keys', new PyDict()))]],
  [ITEMS_VIEW, [typeOfValue(() => new PyView('items', new PyDict()))]],
  [VALUES_VIEW, [typeOfValue(() => new PyView('values', new PyDict()))]],
  [MUTABLE_MAPPING, [builtin('dict'), () => CHAINMAP_TYPE, () => USERDICT]],
  [SEQUENCE, [builtin('tuple'), builtin('str'), builtin('range'), builtin('memoryview'), () => USERSTRING]],
  [BYTE_STRING, [builtin('bytes'), builtin('bytearray')]],
  [MUTABLE_SEQUENCE, [builtin('list'), builtin('bytearray'), () => DEQUE_TYPE, () => USERLIST]],
] as const) for (const t of types) registerShared(cls, t);

// Lib/collections' `isinstance(other, Mapping)` (UserDict's update and ==, ChainMap's)
setMappingCheck((v) => isinstance(v, MAPPING));

// `__abc_tpflags__`: what a match statement's mapping and sequence patterns ask
fileCollectionFlag(MAPPING, 'mapping');
fileCollectionFlag(SEQUENCE, 'sequence');

// __class_getitem__ = classmethod(_CallableGenericAlias), whose flattened arguments the evaluator does not build
CALLABLE.attrs.set('__class_getitem__', new PyClassMethod(pyDef('Callable.__class_getitem__', ['cls', 'params'], {}, () => {
  throw fatalErr(UnsupportedError, "'collections.abc.Callable[...]' is not available in conditions: its _CallableGenericAlias is not built in the evaluator");
})));

const CLASSES = [
  AWAITABLE, COROUTINE, ASYNC_ITERABLE, ASYNC_ITERATOR, ASYNC_GENERATOR, HASHABLE, ITERABLE, ITERATOR, GENERATOR, REVERSIBLE, SIZED, CONTAINER, CALLABLE, COLLECTION,
  SET, MUTABLE_SET, MAPPING, MUTABLE_MAPPING, MAPPING_VIEW, KEYS_VIEW, ITEMS_VIEW, VALUES_VIEW, SEQUENCE, MUTABLE_SEQUENCE, BYTE_STRING,
];

export const COLLECTIONS_ABC = new PyModule('collections.abc', new Map<string, Py>(CLASSES.map((c) => [c.name, c])));
