/** The collections module: Counter, defaultdict, OrderedDict, deque and namedtuple. */
import { GENERIC_ORIGINS } from '../../types/generic-alias.js';
import { PyModule, type Py } from '../../values.js';
import { COUNTER_TYPE } from './counter.js';
import { DEFAULTDICT_TYPE, ORDEREDDICT_TYPE } from './defaultdict.js';
import { DEQUE_TYPE } from './deque.js';
import { namedtuple } from './namedtuple.js';

for (const t of [COUNTER_TYPE, DEFAULTDICT_TYPE, ORDEREDDICT_TYPE, DEQUE_TYPE]) GENERIC_ORIGINS.add(t);

export const COLLECTIONS = new PyModule(
  'collections',
  new Map<string, Py>([
    ['Counter', COUNTER_TYPE],
    ['defaultdict', DEFAULTDICT_TYPE],
    ['OrderedDict', ORDEREDDICT_TYPE],
    ['deque', DEQUE_TYPE],
    ['namedtuple', namedtuple],
  ]),
);
