import { checkedMethods } from '../arity.js';
import { PyFloat } from '../values.js';
import type { Method, PyTypeSlots } from './protocol.js';

/** float: a PyFloat, boxed so that 5.0 and 5 stay apart. */
export const FLOAT: PyTypeSlots<PyFloat> = {
  name: () => 'float',
  truthy: (v) => v.v !== 0,
  len: null,
  iter: null,
  getattr: (v, name) => (name === 'real' ? v : name === 'imag' ? new PyFloat(0) : undefined),
  methods: checkedMethods('float', new Map<string, Method>([['is_integer', (x: PyFloat) => Number.isInteger(x.v)]]), { is_integer: 'none' }),
};
