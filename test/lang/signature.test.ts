import { expect, it } from 'vitest';
import { Engine, PyDict, PyException, describeException, type Program } from '../../src/lang/index.js';
import { bindArgs, Signature, type Parameter } from '../../src/lang/runtime/signature.js';
import { cpython } from '../support/cpython.js';

/**
 * The binder's Python wording against CPython's own: each lambda's parameters given to
 * bindArgs, each call's arguments as ints and keywords, errors compared word for word.
 */
const LAMBDAS = ['a', 'a, b=1', 'a, *c', '*, d', 'a, *, d, e=2', 'a, b=1, *c, d, e=2, **f', '**f', '', 'a, b, c', '*c, d'];
const CALLS = ['', '1', '1, 2', '1, 2, 3', 'a=1', 'd=1', '1, a=1', '1, d=4', 'zz=1', '1, 2, d=1, zz=1', 'b=1'];

function signatureOf(text: string): { sig: Signature; defaults: (number | undefined)[] } {
  const params: Parameter[] = [];
  const defaults: (number | undefined)[] = [];
  for (const part of text === '' ? [] : text.split(', ')) {
    const [name, value] = part.split('=');
    params.push(name.startsWith('**') ? { name: name.slice(2), star: '**' } : name.startsWith('*') ? { name: name.slice(1), star: '*' } : { name, star: '' });
    defaults.push(value === undefined ? undefined : Number(value));
  }
  return { sig: new Signature('envelope.<locals>.<lambda>', params, 'python'), defaults };
}

function callOf(text: string): { args: number[]; kw: Map<string, number> | null } {
  const args: number[] = [];
  const kw = new Map<string, number>();
  for (const part of text === '' ? [] : text.split(', ')) {
    const [name, value] = part.split('=');
    if (value === undefined) args.push(Number(name));
    else kw.set(name, Number(value));
  }
  return { args, kw: kw.size === 0 ? null : kw };
}

it('binds lambda parameters with CPython words for every wrong call', () => {
  const cases = LAMBDAS.flatMap((l) => CALLS.map((c) => ({ l, c })));
  const expected = cpython(cases.map(({ l, c }) => ({ source: `return (lambda ${l}: 0)(${c})` })));
  const got = cases.map(({ l, c }) => {
    const { sig, defaults } = signatureOf(l);
    const { args, kw } = callOf(c);
    try {
      bindArgs(sig, args, kw, defaults);
      return undefined;
    } catch (e) {
      return e instanceof PyException ? describeException(e) : String(e);
    }
  });
  expect(got.filter((g) => g !== undefined).length).toBeGreaterThan(60);
  expect(got).toEqual(expected.map((o) => o.error));
});

it("answers launch()'s wrong calls as a Python launch(data=None) would", () => {
  const calls = ['1, 2', 'x=1', '1, data=2', 'data=1, x=2', '1, 2, 3'];
  const expected = cpython(calls.map((c) => ({ source: `def launch(data=None):\n    return None\nlaunch(${c})` })));
  const engine = new Engine();
  const got = calls.map((c) => {
    try {
      engine.runLaunch(engine.compile(`launch(${c})`, 'launch') as Program, new PyDict(), '');
      return undefined;
    } catch (e) {
      return describeException(e as PyException);
    }
  });
  // the original defined launch at module level, where this case's def is inside the envelope
  expect(got).toEqual(expected.map((o) => o.error?.replace('envelope.<locals>.', '')));
  expect(got.every((g) => g !== undefined)).toBe(true);
});
