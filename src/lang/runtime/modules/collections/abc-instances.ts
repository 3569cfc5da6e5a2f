/**
 * `isinstance(v, _collections_abc.Mapping)` and `Sequence` (what a match statement's mapping
 * and sequence patterns ask, as Py_TPFLAGS_MAPPING and _SEQUENCE), which the evaluator does not
 * build, for the values it has: dicts (and their subclasses), mappingproxies, and the
 * collections module's own (a chain map, a UserDict, a UserList, a UserString and their
 * subclasses), which file themselves here as they load; and a condition's class that
 * collections.abc flags (a subclass of its Mapping or Sequence, or one register() filed there).
 */
import type { PyClass } from '../../class-values.js';
import { classOfInstance } from '../../classes.js';
import { PyMappingProxy } from '../../mappingproxy.js';
import { PyDict, type Py, type PyType } from '../../values.js';

type JsClass = abstract new (...a: never[]) => object;
const natives: JsClass[] = [];
const mappings: PyClass[] = [];
const sequences: PyClass[] = [];

/** A JS class whose values are Mappings (PyChainMap). */
export const fileMappingValues = (c: JsClass): void => void natives.push(c);
/** A module's class written as one whose instances (and its subclasses') are Mappings (UserDict). */
export const fileMappingClass = (c: PyClass): void => void mappings.push(c);
/** One whose instances are Sequences (UserList, UserString). */
export const fileSequenceClass = (c: PyClass): void => void sequences.push(c);

/** Set by abc.ts: Py_TPFLAGS_MAPPING or _SEQUENCE of a class, as collections.abc's classes and register() give them. */
let flagOf: (cls: PyType) => 'mapping' | 'sequence' | undefined = () => undefined;
export const setCollectionFlags = (f: typeof flagOf): void => void (flagOf = f);

const ofClasses = (v: Py, classes: PyClass[], flag?: 'mapping' | 'sequence'): boolean => {
  const cls = classOfInstance(v);
  return cls !== null && (classes.some((c) => cls.isSubclassOf(c)) || (flag !== undefined && flagOf(cls) === flag));
};

/** Set by collections-abc/module.ts: isinstance(v, collections.abc.Mapping) of a class's instance, its hooks and registrations asked. */
let abcMapping: (v: Py) => boolean = () => false;
export const setMappingCheck = (f: typeof abcMapping): void => void (abcMapping = f);

const nativeMapping = (v: Py): boolean => v instanceof PyDict || v instanceof PyMappingProxy || natives.some((c) => v instanceof c);

/** isinstance(v, Mapping), as Lib/collections' code asks it (UserDict's update and ==, ChainMap's). */
export function isMapping(v: Py): boolean {
  if (nativeMapping(v) || ofClasses(v, mappings)) return true;
  return classOfInstance(v) !== null && abcMapping(v);
}

/** An instance of a module's Sequence class, or a class flagged as one (the builtin sequences are the caller's to know): a sequence pattern's. */
export const isSequenceClassInstance = (v: Py): boolean => ofClasses(v, sequences, 'sequence');

/** A module's mapping that is no dict, or a class flagged as one: a mapping pattern's (Py_TPFLAGS_MAPPING). */
export const isMappingNotDict = (v: Py): boolean => !(v instanceof PyDict) && !(v instanceof PyMappingProxy) && (nativeMapping(v) || ofClasses(v, mappings, 'mapping'));
