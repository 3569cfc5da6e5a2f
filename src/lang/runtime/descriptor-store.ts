import { callValue } from './call.js';
import { descriptorClass } from './descriptor-get.js';
import { bindAttr, PyProperty } from './descriptors.js';
import { AttributeError, pyErr } from './exceptions.js';
import type { Py } from './values.js';

/**
 * `obj.name = v` or `del obj.name` (v undefined) through a condition's data descriptor found on
 * obj's class: its __set__ or __delete__, as slot_tp_descr_set calls them, and CPython's bare
 * AttributeError naming the one its class lacks. False when the attribute is no such
 * descriptor, or a property's subclass lacking that one (property's own runs then).
 */
export function descriptorStore(d: Py, obj: Py, v: Py | undefined): boolean {
  const cls = descriptorClass(d);
  if (cls === undefined) return false;
  const set = cls.lookup('__set__');
  const del = cls.lookup('__delete__');
  if (set === undefined && del === undefined) return false;
  const fn = v === undefined ? del : set;
  const method = v === undefined ? '__delete__' : '__set__';
  if (fn === undefined) {
    if (d instanceof PyProperty) return false;
    throw pyErr(AttributeError, method);
  }
  callValue(bindAttr(fn, d, cls, method), v === undefined ? [obj] : [obj, v], null);
  return true;
}
