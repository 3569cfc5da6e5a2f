/**
 * A module's own instances (dataclasses.MISSING, typing.Union) are shared by every condition,
 * as its classes are: their classes refuse a store or delete through `__setattr__` and
 * `__delattr__` (CPython's error where CPython refuses, else the refusal), and their attribute
 * table refuses any other way in (`object.__setattr__`).
 */
import { checkName } from '../attribute-names.js';
import { PyInstance } from '../classes.js';
import type { PyClass } from '../class-values.js';
import { fatalErr, UnsupportedError } from '../exceptions.js';
import { fileSharedObject, sharedObjectRefusal } from '../shared-objects.js';
import { PyFunc, type Py, type PyException } from '../values.js';

const refusal = (qualified: string, name: Py): PyException =>
  fatalErr(UnsupportedError, `cannot set '${qualified}.${String(name)}': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)`);

/** Its attributes, fixed: a Map whose set and delete refuse. */
class FrozenAttrs extends Map<string, Py> {
  constructor(entries: Iterable<[string, Py]>, private readonly qualified: string) {
    super(entries);
  }
  override set(name: string, v: Py): this {
    // the constructor's own filling
    if (this.qualified === undefined) return super.set(name, v);
    throw refusal(this.qualified, name);
  }
  override delete(name: string): boolean {
    throw refusal(this.qualified, name);
  }
}

/** `cpythonError`: what CPython raises for a store (v given) or a delete on such an instance, or undefined where CPython would store it. */
export type StoreError = (self: PyInstance, name: Py, deleting: boolean) => PyException | undefined;

const QUALIFIED = new WeakMap<PyInstance, string>();

/** Gives a module class the hooks that refuse stores on its shared instances (its instances made per run keep theirs). */
export function guardClass(cls: PyClass, qualified: string, cpythonError: StoreError = () => undefined): void {
  fileSharedObject(cls, qualified);
  const hook = (deleting: boolean) =>
    new PyFunc(`${cls.name}.${deleting ? '__delattr__' : '__setattr__'}`, (a) => {
      const [self, name, v] = a;
      const shared = self instanceof PyInstance ? QUALIFIED.get(self) : undefined;
      if (shared === undefined) {
        const d = (self as PyInstance).dict;
        if (deleting) d.delete(name as string);
        // a table of names files it, as object.__setattr__'s does (attribute-names.ts)
        else d.set(checkName(name as string), v);
        return null;
      }
      throw cpythonError(self as PyInstance, name, deleting) ?? refusal(shared, name);
    }, 'function');
  cls.attrs.set('__setattr__', hook(false));
  cls.attrs.set('__delattr__', hook(true));
  cls.attrHooks = hooksBits(cls);
}

/** Marks a module-level instance shared: named `qualified` in refusals, its attributes fixed. */
export function freeze<T extends PyInstance>(v: T, qualified: string): T {
  QUALIFIED.set(v, qualified);
  fileSharedObject(v, qualified);
  const own = [...v.dict];
  (v as unknown as { attrs: Map<string, Py> }).attrs = new FrozenAttrs(own, qualified);
  void sharedObjectRefusal;
  return v;
}

import { hooksOf as hooksBits } from '../attribute-hooks.js';
