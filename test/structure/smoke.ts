/**
 * One condition that touches every part of the runtime (methods of each type, unbound
 * methods, json, re, sets, truth, type names), answered as plain JS for a comparison.
 */
import { Engine, PyDict, type Program } from '../../src/lang/index.js';

const CONDITION = `import re
d = {'a': 1}
l = [1]
l.append(2)
return json.dumps({
  'lower': str.lower('ABC'), 'upper': 'abc'.upper(), 'appended': l, 'keys': list(d.keys()),
  'found': re.search('b', 'abc').group(), 'dumped': json.dumps({'a': [1, 2.5]}),
  'set': repr({2, 1}), 'truth': [bool([]), bool((0,))], 'name': type(d).__name__})`;

export function smoke(): unknown {
  const engine = new Engine();
  const program = engine.compile(CONDITION, 'standard') as Program;
  try {
    return JSON.parse(engine.runStandard(program, new PyDict(), '', new PyDict()).value);
  } catch (e: any) {
    return { error: e.text ?? String(e) };
  }
}
