import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { original } from '../support/original.js';

// str() and repr() of exceptions that hold exceptions: BaseException_str and BaseException_repr
// call PyObject_Str/PyObject_Repr on what they hold, so they recurse as CPython recurses.
const CASES = [
  // an inner exception's args changed after an outer str: nothing kept from the first
  "a = ValueError('x'); b = ValueError(a); s1 = str(b); a.args = ('y',); return s1, str(b)",
  "a = ValueError('x'); b = ValueError(a); s1 = str(b); a.args = (1, 2); return s1, str(b)",
  // an inner exception of a condition's class words its own str
  "class E(Exception):\n    def __str__(self): return 'mine'\nreturn str(ValueError(E('a'))), str(ValueError(ValueError(E('a'))))",
  "class E(Exception):\n    pass\nreturn str(ValueError(E('a'))), str(ValueError(ValueError(E('a', 2))))",
  "return str(ValueError(OSError(2, 'no'))), str(ValueError(KeyError('k'))), str(KeyError(ValueError('v')))",
  // exceptions that hold themselves: the args tuple's repr meets itself as (...); one argument recurses
  'e = Exception(1); e.args = (e, 3); return str(e), repr(e)',
  'e = Exception(1, 2); e.args = (e, [e]); return repr(e), str(e)',
  'e = KeyError(1, 2); e.args = (e, [e]); return repr(e), str(e)',
  'e = Exception(1); e.args = (e,)\ntry:\n    return str(e)\nexcept RecursionError as r:\n    return str(r)',
  'e = Exception(1); e.args = (e,)\ntry:\n    return repr(e)\nexcept RecursionError as r:\n    return str(r)',
  "e = ValueError(1, {'a': 2}); return repr([e, e]), str(e), repr((e,) * 3)",
  // a long chain's text is counted once: CPython answers it, as it does a list nested as deep
  "e = 'x'\nfor i in range(900): e = ValueError(e)\nreturn len(repr(e)), len(str(e))",
  "e = 'x'\nfor i in range(400): e = ValueError(e, 1)\nreturn len(repr(e)), len(str(e))",
];

it('words exceptions that hold exceptions as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/** A chain of n exceptions made by mk, then the route. */
const chain = (n: number, mk: string, route: string) =>
  `e = 'x'\nfor i in range(${n}): e = ${mk}\ntry:\n    return len(${route}(e))\nexcept RecursionError as r:\n    return str(r)`;

/** Each route, the exception made at each level, and the last length that answers at the envelope's level. */
const LIMITS: [route: string, mk: string, last: number][] = [
  ['str', 'ValueError(e)', 998],
  ['str', 'ValueError(e, 1)', 498],
  ['repr', 'ValueError(e)', 996],
  ['repr', 'ValueError(e, 1)', 498],
  ['str', 'KeyError(e)', 997],
  ['repr', '[e]', 996],
];

it("recurses as deep as the original's CPython, and one level deeper is its RecursionError", () => {
  const engine = new Engine({ maxMillis: 60_000 });
  const mismatches: string[] = [];
  for (const [route, mk, last] of LIMITS) {
    for (const n of [last, last + 1]) {
      const source = chain(n, mk, route);
      const got = evaluator(engine, { source });
      const want = original(source);
      if ((got.error ?? got.repr) !== want) mismatches.push(`${route} of ${n} ${mk}: got ${got.error ?? got.repr}, CPython ${want}`);
    }
  }
  expect(mismatches).toEqual([]);
});

/**
 * The routes to a chain's str or repr that call a C function CPython counts toward its limit
 * (repr(), format(), object.__format__ of an f-string's field, str.format) meet it a level sooner
 * for each; str(), `%s`, `%r` and an f-string's `!r` call none. Each expression, the exception
 * made at each level, and the last length that answers at the envelope's level.
 */
const ROUTES: [expr: string, mk: string, last: number][] = [
  ["format(e, '')", 'ValueError(e)', 997],
  ["f'{e}'", 'ValueError(e)', 997],
  ["'{}'.format(e)", 'ValueError(e)', 996],
  ["'%s' % (e,)", 'ValueError(e)', 998],
  ["f'{e!r}'", 'ValueError(e)', 997],
  ["'%r' % (e,)", 'ValueError(e)', 997],
  ['str(e)', '[e]', 997],
  ["f'{e}'", '[e]', 996],
  ["'{}'.format(e)", '[e]', 995],
  ["f'{e}'", 'KeyError(e)', 996],
];

it("meets the recursion limit where the original's CPython does, by each route to a chain's text", () => {
  const engine = new Engine({ maxMillis: 60_000 });
  const mismatches: string[] = [];
  for (const [expr, mk, last] of ROUTES) {
    for (const n of [last, last + 1]) {
      const source = `e = 'x'\nfor i in range(${n}): e = ${mk}\ntry:\n    return len(${expr})\nexcept RecursionError as r:\n    return str(r)`;
      const got = evaluator(engine, { source });
      const want = original(source);
      if ((got.error ?? got.repr) !== want) mismatches.push(`${expr} of ${n} ${mk}: got ${got.error ?? got.repr}, CPython ${want}`);
    }
  }
  expect(mismatches).toEqual([]);
});
