/**
 * The in-process cost of one /eval/batch request of 1,000 generated logs, phase by phase,
 * each beside its native baseline measured first. With 1,000 logs a request, mitata's
 * milliseconds per iteration read as microseconds per log: what the replay --batch
 * scenario pays for each of its 459,311 logs, HTTP aside.
 *   npm run bench:batch
 */
import { bench, do_not_optimize, run, summary } from 'mitata';
import { Engine, parseJsonValues } from '../src/lang/index.js';
import { answerPost, decodeBody, POST_ROUTES } from '../src/server/routes.js';
import { evaluateBatch } from '../src/service/evaluate.js';
import { batchBodies } from '../src/bench/workload.js';

const LOGS = 1000;
const bodies = batchBodies(8, LOGS).map((b) => Buffer.from(b));
const texts = bodies.map((b) => b.toString('utf8'));
const engine = new Engine();
const route = POST_ROUTES.get('/eval/batch')!;
let i = 0;
const next = () => (i = (i + 1) % bodies.length);

console.log(`${bodies.length} bodies of ${LOGS} logs, ${Math.round(bodies[0].length / LOGS)} bytes a log; ms per iteration = µs per log\n`);

summary(() => {
  bench("Buffer#toString('utf8') (native baseline)", () => do_not_optimize(bodies[next()].toString('utf8')));
  bench('decodeBody (validate, decode)', () => do_not_optimize(decodeBody(bodies[next()])));
  bench('JSON.parse (native baseline)', () => do_not_optimize(JSON.parse(texts[next()])));
  bench('parseJsonValues (needsExact scan, JSON.parse)', () => do_not_optimize(parseJsonValues(texts[next()])));
  bench('parseBatchBody (condition lists parsed once)', () => do_not_optimize(route.parse(texts[next()])));
});
summary(() => {
  bench('evaluateBatch, body parsed', function* () {
    yield {
      [0]: () => route.parse(texts[next()]),
      bench: (body: unknown) => do_not_optimize(evaluateBatch(engine, body)),
    };
  });
  bench('answerPost: bytes to answer', () => do_not_optimize(answerPost(engine, route, bodies[next()])));
});

await run();
