import type { PyTypeSlots } from './types/protocol.js';
import type { Py } from './values.js';

/**
 * An instance of a builtin subclass made before a dunder was stored on its class (or a base):
 * CPython's type_setattro updates the class's slots, which every instance reads; here an
 * instance's slots are its JS class's, chosen when it was made (builtin-subclass.ts). A boxed
 * one (an int's, str's, float's, set's, bytes', complex's, datetime's) becomes its hooked
 * class's the first time its mark (`hooks`, which the operators' fast paths read) or its type
 * (`constructor`, which types/table.ts reads) is asked after its class was marked: both are
 * getters on the plain class's prototype, which read the class's flag, so an instance of a class
 * never changed pays that read. A leaf: it knows the classes by shape alone.
 */

type Ctor = abstract new (...args: any[]) => object;

/** Makes the instances of `plain`, made for a class without hooks, switch to `hooked` once their class has them (PyClass.valueHooks). */
export function switchWhenHooked(plain: Ctor, hooked: Ctor): void {
  const proto = plain.prototype as object;
  const hookedProto = hooked.prototype as object;
  // the hooked class's mark is its prototype's, not a field each instance sets
  Object.defineProperty(hookedProto, 'hooks', { value: true });
  const hook = (v: { cls?: { valueHooks: boolean } }): boolean => {
    if (v.cls?.valueHooks !== true || Object.getPrototypeOf(v) !== proto) return false;
    Object.setPrototypeOf(v, hookedProto);
    return true;
  };
  Object.defineProperty(proto, 'hooks', {
    get(this: { cls?: { valueHooks: boolean } }) {
      return hook(this);
    },
    configurable: true,
  });
  Object.defineProperty(proto, 'constructor', {
    get(this: { cls?: { valueHooks: boolean } }) {
      return hook(this) ? hooked : plain;
    },
    configurable: true,
  });
}

/**
 * A list's or tuple's subclass's instance made before its class was marked cannot be switched:
 * it is the Array or PyTuple every fast path takes as its base's (a hooked one is a box,
 * hooked-collection.ts). Once a run marks such a class late (noteLateCollection), the paths that
 * read a list or tuple ask lateOwner whether the class now defines the dunder they stand for,
 * and call it (lateSlots, an instance's slots, set by builtin-subclass.ts) where it does: a run
 * that marked none pays the comparison of its run number.
 */

let lateRun = -1;
/** budget.ts's run number, set with lateSlots: this leaf is below the values, which budget.ts imports. */
let runNumber: () => number = () => -2;
export const noteLateCollection = (): void => void (lateRun = runNumber());
/** Whether this run marked such a class: the operators whose fast paths answer a bool ask lateBinary then, for the method's own answer. */
export const lateCollections = (): boolean => lateRun === runNumber();

interface LateOwner {
  readonly cls: { readonly valueHooks: boolean; lookup(name: string): Py | undefined };
}

/** v itself where it is such an instance (an Array or a PyTuple with a class, no hooked box) and its class defines `name`. */
export function lateOwner(v: Py, name: string): LateOwner | undefined {
  if (lateRun !== runNumber()) return undefined;
  const cls = (v as Partial<LateOwner> | null)?.cls;
  // a boxed instance reads its mark (and is switched by it): it answers by its hooked slots
  if (cls?.valueHooks !== true || (v as { hooks?: boolean }).hooks !== undefined) return undefined;
  return cls.lookup(name) !== undefined ? (v as unknown as LateOwner) : undefined;
}

/** An instance's slots (classes.ts's), which call its class's dunders with CPython's checks of their answers. */
export let lateSlots: () => PyTypeSlots = () => {
  throw new Error('builtin-subclass.ts is not loaded');
};
/** A binary dunder's answer, undefined for NotImplemented. */
let lateCall: (v: LateOwner, name: string, other: Py) => Py | undefined = () => undefined;
export function setLateSlots(slots: () => PyTypeSlots, call: typeof lateCall, run: () => number): void {
  lateSlots = slots;
  runNumber = run;
  lateCall = call;
}

/** a op b where either is such an instance whose class defines the operator (a's `name`, b's reflected `rname`): its answer, undefined where neither answers. */
export function lateBinary(a: Py, b: Py, name: string, rname: string): Py | undefined {
  if (lateRun !== runNumber()) return undefined;
  const x = lateOwner(a, name);
  const r = x === undefined ? undefined : lateCall(x, name, b);
  if (r !== undefined) return r;
  const y = lateOwner(b, rname);
  return y === undefined ? undefined : lateCall(y, rname, a);
}
