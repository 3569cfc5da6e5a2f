/** keyword (modules/keyword.ts): its lists, and its tests, which are a frozenset's __contains__. */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

it('answers as CPython', () => {
  expect(compareWithCPython([
    "import keyword\nr = [keyword.kwlist, keyword.softkwlist, keyword.iskeyword('if'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), keyword.iskeyword.__name__, keyword.iskeyword.__qualname__]\nfor f in [lambda: keyword.iskeyword(), lambda: keyword.iskeyword(x=1), lambda: keyword.iskeyword(1, 2), lambda: keyword.iskeyword([])]:\n    try:\n        r.append(f())\n    except Exception as e:\n        r.append(f'{type(e).__name__} {e}')\nreturn r",
    "from keyword import kwlist, iskeyword\nreturn [w for w in kwlist if iskeyword(w.lower())], iskeyword('If'), iskeyword.__self__ == frozenset(kwlist)",
  ])).toEqual([]);
});

it("a run's change to a list is its own, and the tests are the module's", () => {
  const engine = new Engine();
  const grow = "import keyword\nkeyword.kwlist.append('zz')\nreturn len(keyword.kwlist), keyword.iskeyword('zz')";
  expect(evaluator(engine, { source: grow, data: {} })).toMatchObject({ repr: '(36, False)' });
  expect(evaluator(engine, { source: grow, data: {} })).toMatchObject({ repr: '(36, False)' });
});
