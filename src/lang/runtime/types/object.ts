import type { PyTypeSlots } from './protocol.js';

/** Any other object: re's Match and Pattern name themselves (pyTypeName); nothing else should get here. */
export const OBJECT: PyTypeSlots = {
  name: (v) => (v !== null && typeof v === 'object' && typeof v.pyTypeName === 'string' ? v.pyTypeName : 'object'),
  truthy: () => true,
  len: null,
  iter: null,
  getattr: (v, name) => (typeof v.pyAttr === 'function' ? v.pyAttr(name) : undefined),
  repr: (v) => (typeof v.pyRepr === 'function' ? v.pyRepr() : '<object object>'),
};
