/** Subclasses of collections' types, registered by the engine once the builtin types are. */
// Counter's, OrderedDict's and defaultdict's are registered as the module loads
import './dict-subclasses.js';
import { registerDequeSubclasses } from './deque-subclass.js';
import { registerNamedTupleSubclasses } from './namedtuple-subclass.js';
import { completeUserString } from './userstring.js';

export function registerCollectionsSubclasses(): void {
  registerNamedTupleSubclasses();
  registerDequeSubclasses();
  completeUserString();
}
