/** Subclasses of collections' types, registered by the engine once the builtin types are. */
import { registerDequeSubclasses } from './deque-subclass.js';
import { registerNamedTupleSubclasses } from './namedtuple-subclass.js';

export function registerCollectionsSubclasses(): void {
  registerNamedTupleSubclasses();
  registerDequeSubclasses();
}
