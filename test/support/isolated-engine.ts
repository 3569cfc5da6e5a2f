import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import type { RunRequest, RunResult } from './hostile-runner.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNNER = 'dist/test/hostile-runner.mjs';

/** The longest an input may run before its process is killed: well past the 100 ms bound, short enough for a suite that fails today. */
export const CAP_MS = Number(process.env.HOSTILE_CAP_MS ?? 2000);

/** Heap of the process, so that an input that exhausts it ends soon, and ends only that process. */
const HEAP_MB = 2048;

/** What happened to an input: its result, or how its process ended. */
export type Outcome = RunResult | { ms: number; ended: 'timeout' | 'crash'; reason: string };

/** Benign conditions that warm the process's JIT before anything is timed. */
const WARM_UP = [
  "return 'Waiting' in text",
  "import re\nm = re.search(r'up to (\\d+)\\.(\\d+)', text)\nreturn m and m.group(1)",
  "data['n'] = data.get('n', 0) + 1\nreturn sorted(log.items())[0]",
  "return json.dumps({'a': [1, 2.5, None]}, sort_keys=True) + '%5.2f|%s' % (1.5, [1]) + f'{3:>4}'",
  "return [x * 2 for x in range(100) if x % 3] + list({1, 2} | {3}) and text.split()[2].upper()",
];

/**
 * The engine in a child process: each input runs there under a time cap and a heap
 * limit, and a process that hangs or dies is replaced before the next input.
 */
export class IsolatedEngine {
  private child!: ChildProcess;

  private constructor() {}

  static async start(): Promise<IsolatedEngine> {
    await build({ absWorkingDir: ROOT, entryPoints: ['test/support/hostile-runner.ts'], outfile: RUNNER, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
    const engine = new IsolatedEngine();
    await engine.spawn();
    return engine;
  }

  private async spawn(): Promise<void> {
    this.child = fork(ROOT + RUNNER, [], { execArgv: [`--max-old-space-size=${HEAP_MB}`, '--expose-gc'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    for (const source of WARM_UP) for (let i = 0; i < 20; i++) await this.send({ type: 'condition', kind: 'standard', source, log: { Text: 'Waiting up to 2.430 seconds', Thread: 'T-1' }, data: {} });
  }

  private send(req: RunRequest, capMs = 10_000): Promise<Outcome> {
    const child = this.child;
    const started = performance.now();
    return new Promise<Outcome>((resolve) => {
      const done = (o: Outcome) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(o);
      };
      const onMessage = (r: RunResult) => done(r);
      const onExit = (code: number | null, signal: string | null) => done({ ms: performance.now() - started, ended: 'crash', reason: `process exited (${signal ?? `code ${code}`})` });
      const timer = setTimeout(() => done({ ms: performance.now() - started, ended: 'timeout', reason: `still running after ${capMs} ms` }), capMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(req);
    });
  }

  /** Runs one input; a process that timed out or crashed is replaced. */
  async run(req: RunRequest, capMs = CAP_MS): Promise<Outcome> {
    const outcome = await this.send(req, capMs);
    if ('ended' in outcome) {
      await this.kill();
      await this.spawn();
    }
    return outcome;
  }

  close(): Promise<void> {
    return this.kill();
  }

  private kill(): Promise<void> {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

/**
 * An input is over its bound when both its wall time and its main thread's CPU time are: a loaded
 * machine (CI's two cores running other test files) stretches wall time alone (inputs of 27-58 ms
 * of CPU took 110-160 ms of wall), and the process's CPU time counts V8's parallel collector
 * threads too (107 ms of it in 62 ms of wall), so the runner reads its main thread's. A wall time
 * this many times the bound fails it whatever its CPU time.
 */
const WALL_SLACK = 4;

/**
 * The collector's pauses during an input that its bound does not count, at most: a scavenge copies
 * whatever survives it and cannot be stopped, and a condition that builds 100,000 nested tuples keeps
 * all it builds alive. On a machine slow to map memory one scavenge of V8's 16 MiB young generation
 * took 28-38 ms. A 2 MiB young generation (--max-semi-space-size=2) ended such runs within 2-7 ms
 * of their deadline, but made /eval/batch replays 1.34x slower (JSON.parse of a 1 MiB body: 4.5 ms
 * to 9.6 ms), so workers keep V8's default and the pauses it allows are the collector's, not ours.
 * Past this many milliseconds of them, the input fails: garbage made to keep the collector busy is
 * the input's.
 */
export const GC_ALLOWANCE_MS = 50;

/** 'ok', or what went wrong: over the bound in both wall and CPU time (or in wall time far past it), a JS error, a process that hung or died. */
export function verdict(outcome: Outcome, boundMs: number): string {
  if ('ended' in outcome) return outcome.ended === 'timeout' ? `over ${CAP_MS} ms (process killed)` : `crashed after ${outcome.ms.toFixed(0)} ms: ${outcome.reason}`;
  if (outcome.answer.internal) return `internal error after ${outcome.ms.toFixed(0)} ms: ${outcome.excerpt}`;
  const bound = boundMs + Math.min(outcome.gcMs, GC_ALLOWANCE_MS);
  if (Math.min(outcome.cpuMs, outcome.ms) > bound || outcome.ms > WALL_SLACK * boundMs) return `${outcome.ms.toFixed(0)} ms, cpu ${outcome.cpuMs.toFixed(0)} ms, gc ${outcome.gcMs.toFixed(0)} ms (${outcome.answer.kind})`;
  return 'ok';
}
