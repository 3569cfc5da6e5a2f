import { checkedMethods } from '../arity.js';
import { floatFromHex, floatHex } from '../float-hex.js';
import { PyFloat } from '../values.js';
import type { Method, PyTypeSlots } from './protocol.js';

const METHODS = checkedMethods(
  'float',
  new Map<string, Method>([
    ['is_integer', (x: PyFloat) => Number.isInteger(x.v)],
    ['hex', (x: PyFloat) => floatHex(x.v)],
    // a class method, read through a value too: the receiver is not used
    ['fromhex', (_x, [s]) => new PyFloat(floatFromHex(s))],
  ]),
  { is_integer: 'none', hex: 'none', fromhex: 'one' },
);

/** float: a PyFloat, boxed so that 5.0 and 5 stay apart. */
export const FLOAT: PyTypeSlots<PyFloat> = {
  name: () => 'float',
  truthy: (v) => v.v !== 0,
  len: null,
  iter: null,
  getattr: (v, name) => (name === 'real' ? v : name === 'imag' ? new PyFloat(0) : undefined),
  methods: METHODS,
  classMethods: new Map([['fromhex', (args, kw) => METHODS.get('fromhex')!(new PyFloat(0), args, kw)]]),
};
