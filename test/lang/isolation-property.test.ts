import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ConditionError, describeException, Engine, parseJson, PyDict, PyException, type Py } from '../../src/lang/index.js';
import { repr } from '../../src/lang/runtime/repr.js';
import { FUZZ_SEED } from '../support/fuzz-seed.js';

/**
 * Random programs that read and write log, data and aliases of them, through lambdas with
 * defaults, f-strings with specs, comprehensions, try/except: an engine that shares log and
 * data with conditions it judges read-only must answer exactly as one that deep-copies
 * them for every run, as the original did, and leave the caller's objects as they were.
 */
const NAMES = ['log', 'data', 'a', 'b'];
const name = fc.constantFrom(...NAMES);
/**
 * Programs hold no quotes (T, P and S are 'Thread', 'p' and '' from the prologue), so any
 * expression fits in an f-string's field, as CPython 3.11 wants.
 */
const PROLOGUE = ["T = 'Thread'", "P = 'p'", "S = ''", 'a = {T: P}', 'b = {}'];
/** What a run may do to a dict it holds, or only read of it. */
const use = (d: string) => fc.constantFrom(`${d}.clear()`, `${d}.update(Thread=P)`, `${d}.pop(T, 0)`, `${d}.setdefault(P, 1)`, `${d}.popitem()`, `${d}.copy()`, `${d}.get(T)`, `${d}.keys()`, `len(${d})`, `${d}[T]`, d);

type Sub = 'e' | 'plain';
/** Expressions; `plain` ones have no f-string, to sit inside one (3.11 nests f-strings only with other quotes). */
const expressions = fc.letrec<Record<Sub, string>>((tie) => {
  const productions = (sub: Sub) => [
    name,
    fc.constantFrom('log[T]', 'data.get(T, 0)', '1', 'P', 'None', 'text'),
    name.chain(use),
    name.map((n) => `T in ${n}`),
    fc.tuple(name, name).map(([x, y]) => `${x} == ${y}`),
    fc.tuple(fc.constantFrom('min', 'max', 'sorted', 'list', 'dict', 'len', 'any'), name, name).map(([f, x, y]) => `${f}(${x}, ${y}, key=len)`),
    tie(sub).map((x) => `[${x}]`),
    tie(sub).map((x) => `(${x}, 1)`),
    tie(sub).map((x) => `{T: ${x}}`),
    tie(sub).map((x) => `[${x}][0]`),
    fc.constantFrom('log', 'data').map((n) => `{**${n}}`),
    fc.tuple(tie(sub), tie(sub), tie(sub)).map(([x, y, z]) => `(${x} if ${y} else ${z})`),
    fc.tuple(tie(sub), fc.constantFrom('and', 'or'), tie(sub)).map(([x, op, y]) => `(${x} ${op} ${y})`),
    // lambdas: defaults, keyword-only defaults after *a or *, closures over the envelope
    fc.tuple(fc.constantFrom('d=', '*a, d=', '*, d='), tie(sub), use('d')).map(([p, x, body]) => `(lambda ${p}${x}: ${body})()`),
    tie(sub).map((x) => `(lambda: ${x})()`),
    // comprehensions: iterables, conditions, generators that hold the value
    fc.tuple(tie(sub), use('d')).map(([x, body]) => `[${body} for d in [${x}]]`),
    fc.tuple(tie(sub), tie(sub)).map(([x, y]) => `[1 for _ in [1] if ${x}] + [${y}]`),
    tie(sub).map((x) => `{k: ${x} for k in [1]}`),
    tie(sub).map((x) => `next(iter([${x}]))`),
    tie(sub).map((x) => `next(d for d in [${x}])`),
  ];
  return {
    plain: fc.oneof({ depthSize: 'small', withCrossShrink: true }, ...productions('plain')),
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      ...productions('e'),
      // f-strings: the value, and an expression hidden in the spec (it yields ''), also in a nested f-string
      tie('plain').map((x) => `f'{(${x})!r}'`),
      tie('plain').map((x) => `f'{1:{(${x}) and S or S}}'`),
      tie('plain').map((x) => `f'{1:{f"{(${x})}" and S}}'`),
    ),
  };
});
const expression = expressions.e;

const indent = (lines: string[]) => lines.map((l) => `    ${l}`);

const statement: fc.Arbitrary<string[]> = fc.letrec<{ s: string[] }>((tie) => ({
  s: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom('a', 'b', 'data'), expression).map(([t, x]) => [`${t} = ${x}`]),
    fc.tuple(expression, expression).map(([x, y]) => [`a, b = ${x}, ${y}`]),
    fc.tuple(name, expression).map(([t, x]) => [`${t}[T] = ${x}`]),
    name.map((t) => [`${t} |= {T: P}`]),
    name.map((t) => [`${t}[T] += P`]),
    name.map((t) => [`del ${t}[T]`]),
    expression.map((x) => [x]),
    fc.tuple(tie('s'), tie('s')).map(([x, y]) => ['try:', ...indent(x), 'except Exception as e:', ...indent(y)]),
    fc.tuple(tie('s')).map(([x]) => ['try:', ...indent(x), 'except KeyError as e:', '    b = e']),
    fc.tuple(expression, tie('s')).map(([x, y]) => [`if ${x}:`, ...indent(y)]),
    fc.tuple(expression, use('d')).map(([x, body]) => [`for d in [${x}]:`, `    ${body}`]),
  ),
})).s;

const program = fc
  .tuple(fc.array(statement, { minLength: 1, maxLength: 5 }), fc.oneof(expression.map((x) => `return ${x}`), fc.constantFrom('return False', 'return 1 / 0', 'return True')))
  .map(([stmts, last]) => [...PROLOGUE, ...stmts.flat(), last].join('\n'));

const LOGS = ['{"Text": "x", "Thread": "T", "Line": "306"}', '{"Text": "x", "Thread": "T", "Nested": {"k": "v"}}'];
const DATAS = ['{"Thread": "T", "n": 1}', '{}', '{"n": 1, "l": [1]}'];

/** The answer of one run, as the detector would see it: the value or the error, and data when true. */
function outcome(engine: Engine, source: string, log: PyDict, data: Py): string {
  const program = engine.compile(source, 'standard');
  if (program instanceof ConditionError) return `compile: ${program.message}`;
  try {
    const r = engine.runStandard(program, log, 'x', data);
    return r.truthy ? `true ${repr(r.value)} data=${repr(r.data)}` : `false ${repr(r.value)}`;
  } catch (e) {
    if (e instanceof PyException) return `raised ${describeException(e)}`;
    throw e;
  }
}

it('answers as deep copies do, and leaves log and data as they were, for random programs', () => {
  const seed = process.env.ISOLATION_SEED ? Number(process.env.ISOLATION_SEED) : FUZZ_SEED;
  console.log(`isolation property seed: ${seed} (ISOLATION_SEED=${seed} repeats it)`);
  const shared = new Engine();
  const copied = new Engine({}, { share: false });
  fc.assert(
    fc.property(program, fc.constantFrom(...LOGS), fc.constantFrom(...DATAS), (source, logJson, dataJson) => {
      const log = parseJson(logJson) as PyDict;
      const data = parseJson(dataJson);
      const expected = outcome(copied, source, parseJson(logJson) as PyDict, parseJson(dataJson));
      // twice on the same objects: a first run that changed them would show in the second
      expect(outcome(shared, source, log, data)).toBe(expected);
      expect(outcome(shared, source, log, data)).toBe(expected);
      expect(repr(log)).toBe(repr(parseJson(logJson)));
      expect(repr(data)).toBe(repr(parseJson(dataJson)));
    }),
    { seed, numRuns: 2000 },
  );
});
