import { threadCpuMs } from './thread-cpu.js';
import { ConditionError, describeException, Engine, parseJson, PyDict, PyException, type Py } from '../../src/lang/index.js';

/**
 * A run's answer and its main thread's CPU time (a loaded machine stretches wall time): the program run twice
 * on an empty log and data, the second run timed. `show` words the returned value; a syntax
 * error or a Python exception is worded as the service words it.
 */
export function cpuTimed(engine: Engine, source: string, show: (value: Py, truthy: boolean) => string): [string, number] {
  const run = () => {
    const program = engine.compile(source, 'standard');
    if (program instanceof ConditionError) return `SyntaxError: ${program.message}`;
    try {
      const out = engine.runStandard(program, parseJson('{"Text": ""}') as PyDict, '', new PyDict());
      return show(out.value, out.truthy);
    } catch (e) {
      if (e instanceof PyException) return describeException(e);
      throw e;
    }
  };
  run();
  const started = threadCpuMs();
  const answer = run();
  return [answer, threadCpuMs() - started];
}
