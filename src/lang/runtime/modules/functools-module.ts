/** The functools module: its parts, each in a file of its own concern. */
import { GENERIC_ALIAS_TYPE } from '../types/generic-alias.js';
import { PyModule, type Py } from '../values.js';
import { namedtuple } from './collections/namedtuple.js';
import { CACHE, CACHE_INFO, LRU_CACHE, LRU_CACHE_WRAPPER, setUpdateWrapper } from './functools-cache.js';
import { CMP_TO_KEY, PARTIAL, REDUCE } from './functools.js';
import { CACHED_PROPERTY, PARTIALMETHOD } from './functools-descriptors.js';
import { SINGLE_DISPATCH, SINGLE_DISPATCH_METHOD } from './functools-dispatch.js';
import { TOTAL_ORDERING } from './functools-ordering.js';
import { UPDATE_WRAPPER, updateWrapperOf, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES, WRAPS } from './functools-wraps.js';

setUpdateWrapper(updateWrapperOf);

export const FUNCTOOLS = new PyModule(
  'functools',
  new Map<string, Py>([
    ['reduce', REDUCE],
    ['partial', PARTIAL],
    ['cmp_to_key', CMP_TO_KEY],
    ['lru_cache', LRU_CACHE],
    ['cache', CACHE],
    ['_CacheInfo', CACHE_INFO],
    ['_lru_cache_wrapper', LRU_CACHE_WRAPPER],
    ['update_wrapper', UPDATE_WRAPPER],
    ['wraps', WRAPS],
    ['WRAPPER_ASSIGNMENTS', WRAPPER_ASSIGNMENTS],
    ['WRAPPER_UPDATES', WRAPPER_UPDATES],
    ['total_ordering', TOTAL_ORDERING],
    ['cached_property', CACHED_PROPERTY],
    ['partialmethod', PARTIALMETHOD],
    ['singledispatch', SINGLE_DISPATCH],
    ['singledispatchmethod', SINGLE_DISPATCH_METHOD],
    // imported by Lib/functools.py, so its names too
    ['namedtuple', namedtuple],
    ['GenericAlias', GENERIC_ALIAS_TYPE],
  ]),
);

