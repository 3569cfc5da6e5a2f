import { expect } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { clockLifted, evaluator, type Outcome } from './cpython.js';
import { threadCpuMs } from './thread-cpu.js';

/** An engine with the clock lifted, so that a run ends on its steps, not on a loaded machine's clock. */
export const unclocked = clockLifted();

/** The default budget's step limit, met. */
export const endsOnSteps = (out: Outcome): void => expect(out.error).toBe('StepLimitError: condition exceeded its budget of 100000 steps');

/**
 * The yardstick: a typical condition's work (a log's fields read, a str searched and split) run to
 * the default budget's step limit, some 25 ms of CPU in a test worker here. Bounds in milliseconds
 * held on one machine and failed on one twice as slow (CI of 29 minutes, not 15): a bound in
 * typical budgets holds on both, and a cost model that under-charges still breaks it.
 */
const TYPICAL = [
  "log = {'Text': \"Waiting up to 2.430 seconds for the ACD's to finish moving.\", 'Thread': 'Thread-221855'}",
  'n = 0',
  'while True:',
  "    if 'seconds' in log['Text'] and log['Thread'].startswith('Thread'):",
  "        n += len(log['Text'].split())",
].join('\n');

const cpuMsOf = (engine: Engine, source: string, check: (out: Outcome) => void): number => {
  const before = threadCpuMs();
  check(evaluator(engine, { source, data: {} }));
  return threadCpuMs() - before;
};

/**
 * A run's CPU time (a shared machine's wall time is often another process's), its outcome checked,
 * held to `budgets` times what the yardstick's budget costs, both measured in turn in this
 * process (so that both see the same machine, load and JIT): the best of three after one to warm
 * the JIT, against the yardstick's best of five.
 */
export function expectCpuWithin(source: string, check: (out: Outcome) => void, budgets: number, engine: Engine = unclocked): void {
  const typical = [cpuMsOf(unclocked, TYPICAL, endsOnSteps)];
  const runs: number[] = [];
  for (let i = 0; i < 4; i++) {
    runs.push(cpuMsOf(engine, source, check));
    typical.push(cpuMsOf(unclocked, TYPICAL, endsOnSteps));
  }
  const ms = Math.min(...runs.slice(1));
  const yardstick = Math.min(...typical);
  expect(ms / yardstick, `${ms.toFixed(1)} ms of CPU, where a typical condition's budget took ${yardstick.toFixed(1)} ms`).toBeLessThan(budgets);
}
