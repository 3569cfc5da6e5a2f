import { expect } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { evaluator, type Outcome } from './cpython.js';
import { threadCpuMs } from './thread-cpu.js';

/** An engine with the clock lifted, so that a run ends on its steps, not on a loaded machine's clock. */
export const unclocked = new Engine({ maxMillis: 60_000, requestMillis: 60_000 });

/**
 * A run's CPU time (a shared machine's wall time is often another process's), its outcome
 * checked: the best of three after one to warm the JIT.
 */
export function bestCpuMs(source: string, check: (out: Outcome) => void, engine: Engine = unclocked): number {
  const once = (): number => {
    const before = threadCpuMs();
    check(evaluator(engine, { source, data: {} }));
    return threadCpuMs() - before;
  };
  once();
  return Math.min(once(), once(), once());
}

/** The default budget's step limit, met. */
export const endsOnSteps = (out: Outcome): void => expect(out.error).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
