/**
 * object_new's refusal of an abstract class: one whose own `__abstractmethods__` (ABCMeta sets
 * it, modules/abc.ts; a condition may too) is a nonempty collection, as type_set_abstractmethods
 * flags it. Only object.__new__ asks, as in CPython: an int's or a dict's subclass, an exception
 * class, is made whatever it holds.
 */
import { work } from './budget.js';
import type { PyClass } from './class-values.js';
import { typeErr } from './exceptions.js';
import { toList, truthy } from './iteration.js';
import { typeName } from './values.js';

/**
 * Whether any class has been given `__abstractmethods__` since the process started (ABCMeta, or a
 * store on a class): until then instantiation asks nothing, so plain classes pay no lookup.
 */
export let abstractSeen = false;
export const noteAbstract = (): void => void (abstractSeen = true);

export function checkAbstract(cls: PyClass): void {
  const abstracts = cls.attrs.get('__abstractmethods__');
  if (abstracts === undefined || !truthy(abstracts)) return;
  const names = toList(abstracts);
  work(names.length);
  const bad = names.findIndex((n) => typeof n !== 'string');
  if (bad >= 0) throw typeErr(`sequence item ${bad}: expected str instance, ${typeName(names[bad])} found`);
  // sorted by code point, as list.sort of strs
  const sorted = (names as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  throw typeErr(`Can't instantiate abstract class ${cls.name} with abstract method${sorted.length > 1 ? 's' : ''} ${sorted.join(', ')}`);
}
