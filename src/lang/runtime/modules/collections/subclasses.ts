/** Subclasses of collections' types, registered by the engine once the builtin types are. */
import { registerNamedTupleSubclasses } from './namedtuple-subclass.js';

export function registerCollectionsSubclasses(): void {
  registerNamedTupleSubclasses();
}
