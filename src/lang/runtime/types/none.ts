import type { PyTypeSlots } from './protocol.js';

/** NoneType: JS null. */
export const NONE: PyTypeSlots<null> = {
  name: () => 'NoneType',
  truthy: () => false,
  len: null,
  iter: null,
  // none of these, written out: the primitives' slots share one shape (registry.ts)
  getattr: undefined,
  methods: undefined,
  classMethods: undefined,
};
