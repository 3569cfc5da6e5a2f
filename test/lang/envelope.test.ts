import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram, type Program } from '../../src/lang/compiler.js';
import { ENVELOPES } from '../../src/lang/engine.js';
import { ConditionError, DEFAULT_LIMITS, Engine, PyDict } from '../../src/lang/index.js';
import { parse } from '../../src/lang/parser.js';
import { MODULES } from '../../src/lang/runtime/modules.js';
import { cpython, evaluator } from '../support/cpython.js';
import { SHARED } from '../support/shared.js';

/** CPython's SyntaxError for each body in the oracle's launch envelope: [message, line within the body], or null when it compiles. */
function cpythonLaunch(sources: string[]): ([string, number] | null)[] {
  const script = `
import json, sys
sys.path.insert(0, ${JSON.stringify(join(SHARED, 'oracle'))})
from evaluate import compile_envelope
out = []
for body in json.load(sys.stdin):
    # run_launch's envelope: text and log assigned, no global data
    source = compile_envelope(body, ["text = __text__", "log = __log__"]).replace("    global data\\n", "", 1)
    try:
        compile(source, "<condition>", "exec")
        out.append(None)
    except SyntaxError as e:
        out.append([e.msg, e.lineno - 3])
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' }));
}

describe('the envelope, by name', () => {
  const engine = new Engine();

  it("refuses `global` of the launch envelope's locals with CPython's SyntaxError, and allows its module names", () => {
    const sources = ['global log', 'global text\nreturn 1', 'if text:\n    global log', 'global context\ncontext = 1', 'global launch\nlaunch()', 'global json', 'global x, log'];
    const ours = sources.map((s) => {
      const r = engine.compile(s, 'launch');
      return r instanceof ConditionError ? [r.message, r.line] : null;
    });
    const expected = cpythonLaunch(sources);
    expect(expected.filter((e) => e !== null)).toHaveLength(4);
    expect(ours).toEqual(expected);
  });

  it("answers as CPython when a condition deletes or rebinds the global data", () => {
    const cases = ['del data\nreturn True', 'del data\nreturn False', 'del data\ndata = [1]\nreturn True', 'data = 2\nreturn data', 'global data\ndel data\ndata = {"a": 1}\nreturn 1'].map((source) => ({ source }));
    const expected = cpython(cases);
    expect(expected[0].error).toBe("KeyError: 'data'");
    expect(cases.map((c) => evaluator(engine, c))).toEqual(expected);
  });

  it('binds each name the envelope declares to the value given for it, and reads data back by name', () => {
    const program = compileProgram(parse('data = [log["Text"], text, json.dumps(1)]\nreturn 1', DEFAULT_LIMITS), 'src', ENVELOPES.standard);
    const log = new PyDict();
    log.set('Text', 'the log');
    expect(program.run({ data: null, json: MODULES.get('json')!, log, text: 'the text' })).toBe(1);
    expect(program.global('data')).toEqual(['the log', 'the text', '1']);
    program.clearGlobals();
    expect(program.global('data')).toBeUndefined();
  });

  it('is checked by the type system: a run must name every value of its envelope, and no other', () => {
    const program: Program<'data' | 'json', 'log' | 'text'> = compileProgram(parse('return 1', DEFAULT_LIMITS), 'src', ENVELOPES.standard);
    const launch: Program<'json' | 'launch' | 'context', 'text' | 'log'> = compileProgram(parse('return 1', DEFAULT_LIMITS), 'src', ENVELOPES.launch);
    // @ts-expect-error text is missing
    expect(() => program.run({ data: null, json: null, log: null })).not.toThrow();
    // @ts-expect-error context is not a name of the standard envelope
    program.run({ data: null, json: null, log: null, text: '', context: null });
    // @ts-expect-error data is not a module name of the launch envelope
    expect(launch.global('data')).toBeUndefined();
  });
});

