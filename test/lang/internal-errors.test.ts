import { describe, expect, it, vi } from 'vitest';
import { Engine, PyDict, type Program } from '../../src/lang/index.js';

/** A JavaScript error inside a run is a bug of ours: answered, and also logged and counted. */
describe('internal errors are loud', () => {
  it('logs the stack and the condition hash, counts it, and answers RuntimeError', () => {
    const engine = new Engine();
    const program = engine.compile("return data.get('k')", 'standard') as Program;
    const writes: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => (writes.push(String(chunk)), true));
    let caught: any;
    try {
      // data that is no Python value: only a bug of the caller or the runtime gives a run such a thing
      const hostile = new Proxy({}, { getPrototypeOf: () => { throw new TypeError('boom'); }, get: () => { throw new TypeError('boom'); } });
      engine.runStandard(program, new PyDict(), '', hostile as never);
    } catch (e) {
      caught = e;
    } finally {
      spy.mockRestore();
    }
    expect(caught.type.name).toBe('RuntimeError');
    expect(caught.text).toMatch(/^internal error of the evaluator: /);
    expect(engine.internalErrors).toBe(1);
    expect(writes).toHaveLength(1);
    const line = JSON.parse(writes[0]);
    expect(line).toMatchObject({ level: 'error', event: 'internal-error' });
    expect(line.condition).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(line.stack).toMatch(/at /);
  });

  it('neither logs nor counts a Python exception', () => {
    const engine = new Engine();
    const program = engine.compile("return log['missing']", 'standard') as Program;
    expect(() => engine.runStandard(program, new PyDict(), '', new PyDict())).toThrow();
    expect(engine.internalErrors).toBe(0);
  });
});
