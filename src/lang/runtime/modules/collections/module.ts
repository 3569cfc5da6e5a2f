/** The collections module: ChainMap, Counter, defaultdict, OrderedDict, deque, namedtuple, UserDict, UserList and UserString, and its abc (collections/__init__.py imports it, so `collections.abc` is there without an import of its own). */
import { GENERIC_ORIGINS } from '../../types/generic-alias.js';
import { PyModule, type Py } from '../../values.js';
import { CHAINMAP_TYPE } from './chainmap.js';
import { COUNTER_TYPE } from './counter.js';
import { DEFAULTDICT_TYPE, ORDEREDDICT_TYPE } from './defaultdict.js';
import { DEQUE_TYPE } from './deque.js';
import { namedtuple } from './namedtuple.js';
import { USERDICT } from './userdict.js';
import { USERLIST } from './userlist.js';
import { USERSTRING } from './userstring.js';
import { COLLECTIONS_ABC } from '../collections-abc/module.js';

for (const t of [CHAINMAP_TYPE, COUNTER_TYPE, DEFAULTDICT_TYPE, ORDEREDDICT_TYPE, DEQUE_TYPE, USERDICT, USERLIST, USERSTRING]) GENERIC_ORIGINS.add(t);

export const COLLECTIONS = new PyModule(
  'collections',
  new Map<string, Py>([
    ['ChainMap', CHAINMAP_TYPE],
    ['Counter', COUNTER_TYPE],
    ['defaultdict', DEFAULTDICT_TYPE],
    ['OrderedDict', ORDEREDDICT_TYPE],
    ['deque', DEQUE_TYPE],
    ['namedtuple', namedtuple],
    ['UserDict', USERDICT],
    ['UserList', USERLIST],
    ['UserString', USERSTRING],
    ['abc', COLLECTIONS_ABC],
  ]),
);
