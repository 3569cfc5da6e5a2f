import { expect, it } from 'vitest';
import { Engine, PyDict, type Program } from '../../src/lang/index.js';
import { typeOf } from '../../src/lang/runtime/types/registry.js';
import { typeName, type Py } from '../../src/lang/runtime/values.js';

/** One value of every type a condition can make, from a condition (so each is what the runtime really builds). */
function values(): Py[] {
  const engine = new Engine();
  const source = `import re
d = {'a': 1}
return [1, True, 1.5, 's', None, [1], (1,), d, {1}, range(3), d.keys(), d.values(), d.items(), iter([1]), map(str, [1]),
  len, str.lower, 's'.upper, lambda: 1, int, KeyError, KeyError('k'), re, re.compile('a'), re.match('a', 'a')]`;
  const program = engine.compile(source, 'standard') as Program;
  return engine.runStandard(program, new PyDict(), '', new PyDict()).value;
}

it('answers each value the same type name through the registry as typeName does', () => {
  const all = values();
  expect(all.length).toBe(25);
  expect(all.map((v) => typeOf(v).name(v))).toEqual(all.map(typeName));
});

