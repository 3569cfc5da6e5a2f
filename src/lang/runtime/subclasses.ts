import { PyClass } from './class-values.js';

/**
 * Each of a condition's classes, with the classes made on it since, in the order they were
 * made: `C.__subclasses__()`. Only a run's own classes are filed: a builtin type, object and
 * a module's classes serve every condition, and a list on them would carry one condition's
 * classes into the next (introspection.ts refuses to list theirs).
 */
const SUBCLASSES = new WeakMap<PyClass, PyClass[]>();

/** Whether a class is the run's own: made by a condition, not shared by every run (object, a module's class written as one). */
export const isRunClass = (t: unknown): boolean => t instanceof PyClass && t.module === null && t.mro.length > 1;

/** Files a class just made (its bases checked: no base twice) under each of its bases that a condition made. */
export function noteSubclass(cls: PyClass): void {
  for (const base of cls.bases) {
    if (!(base instanceof PyClass) || !isRunClass(base)) continue;
    const list = SUBCLASSES.get(base);
    if (list === undefined) SUBCLASSES.set(base, [cls]);
    else list.push(cls);
  }
}

/** The classes made on a condition's class, in the order they were made. */
export const subclassesOf = (cls: PyClass): readonly PyClass[] => SUBCLASSES.get(cls) ?? [];
