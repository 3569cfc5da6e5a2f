import type { PyClass } from './class-values.js';
import { PyTuple, type Py } from './values.js';

/**
 * An instance of a list or tuple subclass whose class defines dunders the operators ask
 * (__len__, __eq__, __getitem__, ...): not the base's value, an Array or a PyTuple that every
 * fast path takes as a list or tuple without asking the class, but a box holding it, which those
 * paths' type tests pass by to its slots (collection-dunders.ts). What CPython's C code reads
 * by PyList_Check or PyTuple_Check, as list_richcompare and '%' do, opens it (openCollection).
 */
export class PyHookedCollection {
  readonly hooks = true;
  private attrs: Map<string, Py> | undefined = undefined;
  get dict(): Map<string, Py> {
    return (this.attrs ??= new Map());
  }
  constructor(readonly cls: PyClass, readonly value: Py[] | PyTuple) {}
}

/** The list or tuple a hooked instance holds, or v itself. */
export const openCollection = (v: Py): Py => (v instanceof PyHookedCollection ? v.value : v);

/** Whether v is a list as PyList_Check has it (a subclass's instance included), or a tuple as PyTuple_Check. */
export const isListLike = (v: Py): boolean => Array.isArray(v) || (v instanceof PyHookedCollection && Array.isArray(v.value));
export const isTupleLike = (v: Py): boolean => v instanceof PyTuple || (v instanceof PyHookedCollection && v.value instanceof PyTuple);
