import { expect, it } from 'vitest';
import { BUILTINS } from '../../src/lang/runtime/builtins.js';
import { MODULES } from '../../src/lang/runtime/modules.js';
import { PyFunc } from '../../src/lang/runtime/values.js';
import { compareWithCPython } from '../support/cpython.js';

/**
 * Every builtin and module function the evaluator provides, read from the runtime's own tables
 * so that a new one is covered: called with a keyword nobody takes, with no argument and with
 * one, it must refuse as CPython does (the keyword is never dropped, and the words are CPython's).
 */
const callables = (attrs: ReadonlyMap<string, unknown>, prefix: string) =>
  [...attrs].filter(([, v]) => v instanceof PyFunc).map(([name]) => `${prefix}${name}`);

const NAMES = [
  ...callables(BUILTINS, ''),
  ...[...MODULES].flatMap(([module, m]) => callables(m.attrs, `${module}.`)),
];

const imports = [...MODULES.keys()].map((m) => `import ${m}\n`).join('');

it('covers every builtin and module function', () => {
  expect(NAMES.length).toBeGreaterThan(150);
  expect(NAMES).toContain('len');
  expect(NAMES).toContain('re.escape');
});

it('refuses a bogus keyword to every builtin and module function as CPython does', () => {
  // not yet CPython's words (README, Known to differ): Field's and Context's keyword checks, NamedTuple's check of a name before its keywords
  const KNOWN = new Set(['dataclasses.Field', 'decimal.Context', 'typing.NamedTuple']);
  const calls = NAMES.filter((f) => !KNOWN.has(f)).flatMap((f) => [`${f}(zz=1)`, `${f}(1, zz=1)`]);
  // by its type: datetime.tzinfo takes any argument, as object's __init__ lets them by, and its instance prints its address
  expect(compareWithCPython(calls.map((c) => `${imports}return type(${c}).__name__`))).toEqual([]);
});

/** The attacker's findings: keywords that were dropped, and the words of METH_O, Clinic and keyword builtins. */
it('binds and refuses builtins keywords as CPython does', () => {
  const exprs = [
    'str(b"abc", encoding="utf-8")', 'str(b"abc", "utf-8")', 'str(object=1)', 'str(encoding="utf-8")', 'str(b"\\xff", "utf-8", "replace")', 'str(b"a", encoding=1)',
    'str("a", "utf-8")', 'str(1, "utf-8")', 'str(b"a", object=1)', 'str(1, 2, 3, 4)', 'str(a=1, b=2, c=3, d=4)', 'float(x="1")', 'list(iterable=[1])', 'len([1], x=1)',
    'len()', 'abs()', 'repr()', 'chr()', 'ord()', 'ascii()', 'callable()', 'next(iter([]), default=5)', 're.escape(pattern="a.b")', 're.escape("a", x=1)', 're.escape()',
    're.match("a", "a").start(group=0)', 're.match("a", "a").span(0, 1)', 're.match("a", "a").group(zz=1)', 'int(x="1")', 'int("1", base=10, zz=1)', 'int("11", base=2)',
    'sum([1], start=2)', 'sum(iterable=[1])', 'sum([1], iterable=2)', 'sum([1], start=1, zz=1)', 'math.prod([2], start=3)', 'math.prod([1], 2)', 'math.prod(iterable=[1])',
    'math.isclose(1, 2, 3)', 'math.isclose(a=1, b=1)', 'min(1, 2, a=1, b=2, c=3)', 'max([], default=3)', 'list(enumerate(iterable=[1]))', 'enumerate(start=1)',
    'list(enumerate(start=1, iterable=[5]))', 'list(enumerate(iterable=[5], start=2))', 'enumerate([1], 2, 3)', 'enumerate()', 'print(1, sep=1)', 'print(1, end=None, flush=True)',
    'type(1, zz=1)', 'type(zz=1)', 'list(iter([1, 2, 3].pop, 1))', 'iter(1, 2)', 'datetime.date(1, 2, 3, 4)', 'datetime.time(1, 2, 3, 4, None, 0)', 'operator.add(1)',
    'operator.neg()', 'time.time(1)', 'time.gmtime(1, 2)', 'sorted(1, 2)', 'dict(1, 2)', 'frozenset(zz=1)', 'round(number=1.5)', 'pow(base=2, exp=3)', 'ValueError(1, zz=1)',
    're.error()', 're.error("x", pattern="a")', 'json.JSONDecodeError("a")', 'json.JSONDecodeError("a", "b\\nc", 2)', 'json.dumps(obj=1, indent=1)', 'json.dumps(1, 2)',
    're.RegexFlag()', 're.RegexFlag(value=2)',
  ];
  expect(compareWithCPython(exprs.map((e) => `${imports}return ${e}`))).toEqual([]);
});
