import type { PyTypeSlots } from './protocol.js';

/** NoneType: JS null. */
export const NONE: PyTypeSlots<null> = {
  name: () => 'NoneType',
  truthy: () => false,
  len: null,
  iter: null,
  getattr: undefined,
  methods: undefined,
  classMethods: undefined,
};
