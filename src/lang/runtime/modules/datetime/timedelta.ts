/** datetime.timedelta as a Python type: the kernel's Delta (runtime/datetime/timedelta.ts) with its slots. */
import { bind } from '../../args.js';
import { checkedMethods } from '../../arity.js';
import * as k from '../../datetime/timedelta.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from '../../types/protocol.js';
import { registerType, registerTypeObject } from '../../types/table.js';
import { intOf } from '../../numbers.js';
import { PyFloat, PyTuple, type Py } from '../../values.js';
import { deltaHash } from './hash.js';
import { PyClassType } from '../class-type.js';
import { PyTimedelta } from './values.js';

const td = (d: k.Delta) => new PyTimedelta(d);

export const TIMEDELTA_TYPE = new PyClassType('datetime.timedelta', (a, kw) => {
  const [days, seconds, microseconds, milliseconds, minutes, hours, weeks] = bind(
    '__new__', a, kw, ['days', 'seconds', 'microseconds', 'milliseconds', 'minutes', 'hours', 'weeks'],
  );
  return td(k.makeDelta({ days, seconds, microseconds, milliseconds, minutes, hours, weeks }));
});
TIMEDELTA_TYPE.attrs.set('min', td(k.DELTA_MIN)).set('max', td(k.DELTA_MAX)).set('resolution', td(k.RESOLUTION));

function multiply(a: Py, b: Py): Py {
  const [d, n] = a instanceof PyTimedelta ? [a.d, b] : [b.d, a];
  const i = intOf(n);
  if (i !== undefined) return td(k.mulInt(d, i));
  if (n instanceof PyFloat) return td(k.mulFloat(d, n.v));
  return NOT_IMPLEMENTED;
}

function truediv(a: Py, b: Py): Py {
  if (!(a instanceof PyTimedelta)) return NOT_IMPLEMENTED;
  if (b instanceof PyTimedelta) return new PyFloat(k.divDelta(a.d, b.d));
  const i = intOf(b);
  if (i !== undefined) return td(k.divInt(a.d, i));
  if (b instanceof PyFloat) return td(k.divFloat(a.d, b.v));
  return NOT_IMPLEMENTED;
}

function floordiv(a: Py, b: Py): Py {
  if (!(a instanceof PyTimedelta)) return NOT_IMPLEMENTED;
  if (b instanceof PyTimedelta) return k.floorDivDelta(a.d, b.d);
  const i = intOf(b);
  if (i !== undefined) return td(k.floorDivInt(a.d, i));
  return NOT_IMPLEMENTED;
}

const both = (f: (x: k.Delta, y: k.Delta) => k.Delta) => (a: Py, b: Py): Py =>
  a instanceof PyTimedelta && b instanceof PyTimedelta ? td(f(a.d, b.d)) : NOT_IMPLEMENTED;

const METHODS = checkedMethods('timedelta', new Map<string, Method>([['total_seconds', (v: PyTimedelta) => new PyFloat(k.totalSeconds(v.d))]]), { total_seconds: 'none' });

export const TIMEDELTA: PyTypeSlots<PyTimedelta> = {
  name: () => 'datetime.timedelta',
  type: TIMEDELTA_TYPE,
  truthy: (v) => !k.isZero(v.d),
  len: null,
  iter: null,
  repr: (v) => k.deltaRepr(v.d),
  str: (v) => k.deltaStr(v.d),
  hash: (v) => deltaHash(v.d),
  key: (v) => `\u0000timedelta ${k.toMicros(v.d)}`,
  eq: (a, b) => (b instanceof PyTimedelta ? k.compare(a.d, b.d) === 0 : NOT_IMPLEMENTED),
  compare: (a, b) => (b instanceof PyTimedelta ? k.compare(a.d, b.d) : NOT_IMPLEMENTED),
  nb: {
    add: both(k.add), subtract: both(k.sub), multiply, truediv, floordiv, remainder: both(k.mod),
    divmod: (a, b) => {
      if (!(a instanceof PyTimedelta) || !(b instanceof PyTimedelta)) return NOT_IMPLEMENTED;
      const [q, r] = k.divmodDelta(a.d, b.d);
      return new PyTuple([q, td(r)]);
    },
  },
  unary: { negative: (v: PyTimedelta) => td(k.neg(v.d)), positive: (v: PyTimedelta) => v, absolute: (v: PyTimedelta) => td(k.abs(v.d)) },
  getattr: (v, name) => (name === 'days' ? v.d.days : name === 'seconds' ? v.d.seconds : name === 'microseconds' ? v.d.microseconds : TIMEDELTA_TYPE.attrs.get(name)),
  methods: METHODS,
};

registerType(PyTimedelta, TIMEDELTA);
// its methods through the type, unbound: datetime.timedelta.isoformat(d), super().isoformat(d) in a subclass's classmethod
registerTypeObject('datetime.timedelta', TIMEDELTA);
