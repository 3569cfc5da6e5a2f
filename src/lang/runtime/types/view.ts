import type { PyView } from '../values.js';
import { walkDict } from './dict.js';
import type { PyTypeSlots } from './protocol.js';

/** dict_keys, dict_values, dict_items: live views of a dict. */
export const VIEW: PyTypeSlots<PyView> = {
  name: (v) => 'dict_' + v.kind,
  truthy: (v) => v.dict.m.size !== 0,
  len: (v) => v.dict.m.size,
  iter: (v) => walkDict(v.dict, v.kind),
};
