/**
 * An OrderedDict's table: a Map that counts the changes of its keys (od_state: each key added
 * or removed, a move being both), so that its iterators tell, as odictiter_nextkey does, an
 * OrderedDict mutated during iteration from one that only changed size (clear()).
 */
import { tick } from '../budget.js';
import { pyErr, RuntimeError } from '../exceptions.js';
import { PyTuple, type Py, type PyDict } from '../values.js';

export class OdictMap extends Map<unknown, Py> {
  state = 0;
  set(key: unknown, value: Py): this {
    if (!this.has(key)) this.state++;
    return super.set(key, value);
  }
  delete(key: unknown): boolean {
    const gone = super.delete(key);
    if (gone) this.state++;
    return gone;
  }
}

/**
 * odictiter: the next key is found before the current one is handed out, so a change after the
 * last is not seen; a change of the keys is 'mutated', then of the size alone 'changed size'.
 */
export function odictWalk(d: PyDict, m: OdictMap, kind: 'keys' | 'values' | 'items', reverse = false): Generator<Py> {
  // the state, the size and the first key as the iterator is made, not at its first step
  const state = m.state;
  const size = m.size;
  const keys = reverse ? [...m.keys()].reverse()[Symbol.iterator]() : m.keys();
  let next = keys.next();
  return (function* () {
    while (!next.done) {
      tick();
      if (m.state !== state) throw pyErr(RuntimeError, 'OrderedDict mutated during iteration');
      if (m.size !== size) throw pyErr(RuntimeError, 'OrderedDict changed size during iteration');
      const nk = next.value;
      next = keys.next();
      yield kind === 'keys' ? d.key(nk) : kind === 'values' ? m.get(nk) : new PyTuple([d.key(nk), m.get(nk)]);
    }
  })();
}
