/**
 * Microbenchmarks of the hot path (mitata): compile a condition, run it, and the JSON
 * parse and serialisation of a typical /eval request, each beside its native baseline
 * measured first (JSON.parse, JSON.stringify).
 *   npm run bench:micro
 */
import { bench, do_not_optimize, run, summary } from 'mitata';
import { compileProgram } from '../src/lang/compiler.js';
import { Engine, parseJson, parseJsonValues, type PyDict, type Program } from '../src/lang/index.js';
import { ENVELOPES } from '../src/lang/engine.js';
import { DEFAULT_LIMITS } from '../src/lang/limits.js';
import { parse } from '../src/lang/parser.js';
import { evaluate } from '../src/service/evaluate.js';
import { toJson } from '../src/service/response-json.js';
import { evalBodies } from '../src/bench/workload.js';

const body = evalBodies(1)[0];
const source = `import re\nm = re.search(r"up to (\\d+\\.\\d+) seconds", text)\nif m:\n    data['secs'] = float(m.group(1))\n    return True\nreturn False`;
const engine = new Engine();
const program = engine.compile(source, 'standard') as Program;
const payload = (parseJson(body) as PyDict).m.get('payload') as PyDict;
const log = payload.m.get('log') as PyDict;
const text = log.m.get('Text') as string;
const context = payload.m.get('context');

summary(() => {
  bench('JSON.parse (native baseline)', () => do_not_optimize(JSON.parse(body)));
  bench('parseJsonValues (as the service reads a request)', () => do_not_optimize(parseJsonValues(body)));
  bench('parseJson (to Python values, as json.loads)', () => do_not_optimize(parseJson(body)));
});
summary(() => {
  const plain = JSON.parse(body);
  bench('JSON.stringify (native baseline)', () => do_not_optimize(JSON.stringify(plain)));
  bench('toJson (sorted keys, Python floats)', () => do_not_optimize(toJson(payload)));
});
bench('compile a regex condition', () => do_not_optimize(compileProgram(parse(source, DEFAULT_LIMITS), source, ENVELOPES.standard)));
bench('run a regex condition', () => do_not_optimize(engine.runStandard(program, log, text, context)));
bench('a whole /eval request (6 conditions)', () => do_not_optimize(evaluate(engine, parseJsonValues(body))));

await run();
