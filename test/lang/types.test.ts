import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { describeException, Engine, PyDict, PyException, type Program } from '../../src/lang/index.js';
import { repr } from '../../src/lang/runtime/repr.js';
import { typeOf } from '../../src/lang/runtime/types/registry.js';
import { typeName, type Py } from '../../src/lang/runtime/values.js';
import { clockLifted, compareWithCPython } from '../support/cpython.js';
import { Bag, Point, POINT_CLASS } from '../support/point-type.js';

/** One value of every type a condition can make, from a condition (so each is what the runtime really builds). */
function values(): Py[] {
  const engine = new Engine();
  const source = `import re
d = {'a': 1}
return [1, True, 1.5, 's', None, [1], (1,), d, {1}, range(3), d.keys(), d.values(), d.items(), iter([1]), map(str, [1]),
  len, str.lower, 's'.upper, lambda: 1, int, KeyError, KeyError('k'), re, re.compile('a'), re.match('a', 'a')]`;
  const program = engine.compile(source, 'standard') as Program;
  return engine.runStandard(program, new PyDict(), '', new PyDict()).value;
}

it('answers each value the same type name through the registry as typeName does', () => {
  const all = values();
  expect(all.length).toBe(25);
  expect(all.map((v) => typeOf(v).name(v))).toEqual(all.map(typeName));
});


/** Conditions on the toy types, each answered by the evaluator and by CPython with the same classes in Python. */
const POINT_CASES = [
  'repr(p)', 'str(p)', "f'{p}'", 'repr([p, r])', 'p == q', 'p != r', 'p == 1', '1 == p', 'p == (1, 2)', '(1, 2) == p', '(1, 2) != p', '[1, 2] == p', 'p == None', 'None == p', "'s' == p", '{(1, 2): 0}[p]', '{p, (1, 2)}', 'len({p, (1, 2), q})', 'p in [q]', '[r, p].index(q)',
  'p < r', 'r < p', 'p <= q', 'p > r', 'p >= r', 'sorted([r, p, q])', 'max(p, r)', 'min([r, p])', 'p < 1', '1 < p', 'p > 0', '0 >= p', 'p < 1.5', "'a' >= p",
  'len({p, q, r})', 'p in {q}', '{p: 1}[q]', '{p, r, p + 6, r + 3, type(p)(7, 1), type(p)(-1, -2)}', 'type(p).__name__', 'isinstance(p, type(q))', 'isinstance(p, type(b))', 'isinstance(b, type(b))', 'type(p) is type(r)', '(p, 1) in {(q, 1)}', '{(p, 1): 0}',
  'p + r', 'p + 1', '1 + p', 'True + p', "p + 'x'", "'x' + p", '[1] + p', '(1,) + p', 'p * 2', '[1] * p', 'p - p', 'p | p', 'p @ p',
  'p / 2', 'p ** 2', '-p',
  'len(p)', 'list(p)', '[*p]', 'sum(p)', 'tuple(x * 10 for x in p)', 'dict(zip(p, p))', '2 in p', '3 in p', "'a' in p", 'bool(p)',
  'p.x', 'p.scaled(3)', '[p.scaled][0](2)', 'p.z', 'json.dumps(b)', 'json.dumps([1, b])',
  'len(b)', 'list(b)', '1 in b', '{b}', '{b: 1}', 'b < b', 'b == b', 'b != b', 'bool(b)', 'b.x', 'b + 1', '1 - b',
];

const PYTHON_SIDE = `${POINT_CLASS}
import json, sys
p, q, r, b = Point(1, 2), Point(1, 2), Point(0, 5), Bag()
for line in sys.stdin:
    try:
        print(json.dumps({'repr': repr(eval(json.loads(line)))}))
    except Exception as e:
        print(json.dumps({'error': f'{type(e).__name__}: {e}'}))
`;

function cpythonAnswers(exprs: string[]): { repr?: string; error?: string }[] {
  const out = execFileSync('python3', ['-c', PYTHON_SIDE], { input: exprs.map((e) => JSON.stringify(e)).join('\n') + '\n', encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
  return out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** A condition's answer on p, q, r (Points) and b (a Bag), given in its data, in CPython's shape. */
function evaluatorAnswer(engine: Engine, expr: string): { repr?: string; error?: string } {
  // popped, so that the data a true condition answers with holds no Bag (which JSON cannot hold)
  const source = `p, q, r, b = data.pop('p'), data.pop('q'), data.pop('r'), data.pop('b')\nreturn ${expr}`;
  const program = engine.compile(source, 'standard') as Program;
  const data = new PyDict();
  for (const [k, v] of [['p', new Point(1, 2)], ['q', new Point(1, 2)], ['r', new Point(0, 5)], ['b', new Bag()]] as const) data.set(k, v);
  try {
    return { repr: repr(engine.runStandard(program, new PyDict(), '', data).value) };
  } catch (e) {
    if (e instanceof PyException) return { error: describeException(e) };
    throw e;
  }
}

it('dispatches repr, ==, <, hash, operators, len, iteration, in, attributes and methods to a registered type, as CPython', () => {
  const engine = new Engine();
  const want = cpythonAnswers(POINT_CASES);
  const mismatches = POINT_CASES.flatMap((expr, i) => {
    const got = evaluatorAnswer(engine, expr);
    return JSON.stringify(got) === JSON.stringify(want[i]) ? [] : [`${expr}: got ${JSON.stringify(got)}, CPython ${JSON.stringify(want[i])}`];
  });
  expect(mismatches).toEqual([]);
});

it("writes a registered type to JSON through its json slot, and words what has none as CPython's defaults", () => {
  const engine = new Engine();
  const answers = ['json.dumps(p)', "json.dumps({'a': [p, 1.5]}, indent=1)", 'repr(b)', 'str([b])', 'p.scaled()'].map((e) => evaluatorAnswer(engine, e));
  expect(answers).toEqual([
    { repr: "'[1, 2]'" },
    { repr: repr('{\n "a": [\n  [\n   1,\n   2\n  ],\n  1.5\n ]\n}') },
    { repr: "'<Bag object>'" },
    { repr: "'[<Bag object>]'" },
    { error: 'TypeError: Point.scaled() takes exactly one argument (0 given)' },
  ]);
});

it("words an exception's text when it is read, as CPython's BaseException.__str__", () => {
  const chain = (n: number, type = 'ValueError') => `e = ${type}('x')\nfor i in range(${n}):\n    e = ${type}(e)\n`;
  expect(compareWithCPython([
    "l = [1]\ne = ValueError(l)\nl.append(2)\nreturn str(e)",
    "return [str(KeyError('k')), str(KeyError()), str(ValueError(1, 'a')), repr(ValueError('a', [1])), str(KeyError(KeyError('k')))]",
    `${chain(500)}return str(e)`,
    `${chain(500)}raise e`,
    `${chain(20, 'KeyError')}return str(e)`,
    "try:\n    raise ValueError(ValueError(IndexError('i')))\nexcept ValueError as e:\n    return str(e) + repr(e)",
  ])).toEqual([]);
});

it('wraps a chain of exceptions as deep as CPython allows within the step budget, and one deeper is its RecursionError', () => {
  // the step budget decides, not the machine's load
  const engine = clockLifted();
  // each str() walks the whole chain (an inner one's args may have changed): 990 of them walk
  // half a million levels, a step every 8 (exception-str.test.ts has the depths)
  const run = (n: number) => engine.runStandard(engine.compile(`e = ValueError('x')\nn = 0\nfor i in range(${n}):\n    e = ValueError(e)\n    n += len(str(e))\nreturn n`, 'standard') as Program, new PyDict(), '', new PyDict()).value;
  expect(run(990)).toBe(990);
  let raised = '';
  try {
    run(5000);
  } catch (e) {
    raised = describeException(e as PyException);
  }
  expect(raised).toBe('RecursionError: maximum recursion depth exceeded while getting the str of an object');
});

it("words the text of an exception that leaves a run within the run's limits", () => {
  const engine = clockLifted();
  const program = engine.compile('raise ValueError([[0] * 1000] * 1000)', 'standard') as Program;
  let described = '';
  try {
    engine.runStandard(program, new PyDict(), '', new PyDict());
  } catch (e) {
    described = describeException(e as PyException);
  }
  expect(described).toMatch(/^MemoryError: condition built a value of/);
});
