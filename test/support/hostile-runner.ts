/**
 * A child process that answers hostile inputs as a server worker would, timing each with
 * performance.now() around the call. A process of its own, so that an input that still
 * hangs or exhausts the heap today ends it, not the test process (a worker thread's
 * resourceLimits do not contain every out-of-memory abort: a string flattened by == aborts
 * the whole process). Bundled by isolated-engine.ts; messages are RunRequest in, RunResult out.
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { ConditionError, describeException, Engine, parseJson, PyDict, PyException, type Py } from '../../src/lang/index.js';
import { answerPost, POST_ROUTES } from '../../src/server/routes.js';
import { classify, classifyRun, type AnswerClass } from './hostile-answer.js';
import { threadCpuMs } from './thread-cpu.js';

export type RunRequest =
  | { type: 'request'; path: string; body: string }
  | { type: 'condition'; kind: 'standard' | 'launch'; source: string; log: Record<string, unknown>; data: Record<string, unknown> };

export interface RunResult {
  ms: number;
  /** CPU time of the process's main thread meanwhile: on this shared machine, wall time alone may be another process's. */
  cpuMs: number;
  /** How long V8's collector paused the process meanwhile (its 'gc' performance entries). */
  gcMs: number;
  /** HTTP status (200 for a condition), the answer's class and its first characters. */
  status: number;
  answer: AnswerClass;
  excerpt: string;
}

const engine = new Engine();

/** Engine.compile and run, as test/support/cpython.ts's evaluator() calls them: the Python exception, or none. */
function runCondition(req: Extract<RunRequest, { type: 'condition' }>): string | undefined {
  const program = engine.compile(req.source, req.kind);
  if (program instanceof ConditionError) return program.describe();
  const log = parseJson(JSON.stringify(req.log)) as PyDict;
  const text = (log.m.get('Text') as string).replace(/\n/g, ' ');
  log.m.set('Text', text);
  try {
    if (req.kind === 'launch') engine.runLaunch(program, log, text);
    else engine.runStandard(program, log, text, parseJson(JSON.stringify(req.data)) as Py);
    return undefined;
  } catch (e) {
    if (e instanceof PyException) return describeException(e);
    return `JS error (internal error): ${e instanceof Error ? e.stack : String(e)}`;
  }
}

const cpuMsSince = (before: number): number => threadCpuMs() - before;

/** The run's result but for its collector's pauses, which node reports only after it. */
function run(req: RunRequest): Omit<RunResult, 'gcMs'> {
  const cpu = threadCpuMs();
  if (req.type === 'condition') {
    const started = performance.now();
    const error = runCondition(req);
    const ms = performance.now() - started;
    return { ms, cpuMs: cpuMsSince(cpu), status: 200, answer: classifyRun(error), excerpt: (error ?? '').slice(0, 200) };
  }
  const bytes = Buffer.from(req.body);
  const route = POST_ROUTES.get(req.path)!;
  const started = performance.now();
  try {
    const answer = answerPost(engine, route, bytes);
    const ms = performance.now() - started;
    const status = Number.parseInt(answer.status, 10);
    return { ms, cpuMs: cpuMsSince(cpu), status, answer: classify(status, answer.body), excerpt: answer.body.slice(0, 200) };
  } catch (e) {
    // what the server answers with a 500
    const ms = performance.now() - started;
    return { ms, cpuMs: cpuMsSince(cpu), status: 500, answer: { kind: '500 internal', internal: true }, excerpt: e instanceof Error ? String(e.stack).slice(0, 200) : String(e) };
  }
}

/**
 * V8's gc(), with --expose-gc: the young garbage an earlier input left is collected before the
 * next is timed. A minor collection only: a forced full one also drops the optimized code V8
 * holds weakly (--trace-osr: needsExact recompiled on every one of 14 batch bodies, against 2
 * without), so every input was timed cold, as no server worker runs; the 1 MiB Order batch took
 * 60-90 ms of CPU so, 17-61 ms without. What older garbage remains is collected when V8
 * decides, during an input, as in a worker.
 */
const collect = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;

/** The collector's pauses, as node reports them: each a 'gc' entry, delivered after the pause, outside the run. */
const pauses: PerformanceEntry[] = [];
new PerformanceObserver((list) => pauses.push(...list.getEntries())).observe({ entryTypes: ['gc'] });

process.on('message', (req: RunRequest) => {
  collect?.({ type: 'minor' });
  pauses.length = 0;
  const started = performance.now();
  const result = run(req);
  const ended = performance.now();
  // node queues the entries of a run's collections for the event loop: two turns deliver them
  setImmediate(() =>
    setImmediate(() => {
      const gcMs = pauses.filter((e) => e.startTime >= started && e.startTime < ended).reduce((sum, e) => sum + e.duration, 0);
      process.send!({ ...result, gcMs } satisfies RunResult);
    }),
  );
});
