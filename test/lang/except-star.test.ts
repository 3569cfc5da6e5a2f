import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/**
 * `except*` (PEP 654): each clause takes the part of the group its types match (a naked
 * exception wrapped), runs with it handled, and what is raised or left is raised at the end,
 * re-raised parts as the original's projection, new ones beside it; CPython's refusals.
 */
const CASES = [
  `try:\n    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])\nexcept* ValueError as eg:\n    r1 = repr(eg)\nexcept* TypeError as eg:\n    r2 = repr(eg)\nreturn r1, r2`,
  `def t1():\n    try:\n        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])\n    except* ValueError as e:\n        raise KeyError("k")\ntry:\n    t1()\nexcept BaseException as x:\n    return repr(x), repr(x.exceptions[0].__context__), repr(x.exceptions[1])`,
  `def t2():\n    try:\n        raise ValueError(1)\n    except* ValueError as e:\n        raise\ntry:\n    t2()\nexcept BaseException as x:\n    return repr(x)`,
  `def t3():\n    try:\n        raise ValueError(1)\n    except* TypeError:\n        pass\ntry:\n    t3()\nexcept BaseException as x:\n    return repr(x)`,
  `def t4():\n    try:\n        raise ExceptionGroup("g", [ValueError(1), ExceptionGroup("h", [TypeError(2), ValueError(3)])])\n    except* ValueError:\n        raise\n    except* TypeError:\n        pass\ntry:\n    t4()\nexcept BaseException as x:\n    return repr(x)`,
  `out = []\ntry:\n    raise ExceptionGroup("g", [ValueError(1)])\nexcept* ValueError:\n    out.append('h')\nelse:\n    out.append('else')\nfinally:\n    out.append('fin')\nreturn out`,
  `out = []\ntry:\n    out.append('body')\nexcept* ValueError:\n    out.append('h')\nelse:\n    out.append('else')\nreturn out`,
  `try:\n    raise ValueError(1)\nexcept* ExceptionGroup:\n    pass`,
  `try:\n    raise ValueError(1)\nexcept* (ValueError, ExceptionGroup):\n    pass`,
  `try:\n    raise ValueError(1)\nexcept* 5:\n    pass`,
  `try:\n    raise ValueError(1)\nexcept* ValueError as e:\n    return repr(e), repr(e.exceptions[0])`,
  `for i in range(3):\n    try:\n        raise ValueError(i)\n    except* ValueError:\n        break`,
  `def f():\n    try:\n        pass\n    except* ValueError:\n        return 1`,
  `try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass`,
  `try:\n    pass\nexcept*:\n    pass`,
  `try:\n    raise ValueError(1)\nexcept* ValueError:\n    for i in range(3):\n        if i: break\n    x = 'ok'\nreturn x`,
  `def g():\n    try:\n        raise ExceptionGroup('g', [ValueError(1), KeyError(2), TypeError(3)])\n    except* ValueError:\n        raise TypeError('new')\n    except* KeyError as k:\n        raise\ntry:\n    g()\nexcept ExceptionGroup as e:\n    return repr(e), [repr(x) for x in e.exceptions]`,
  `\ntry:\n    raise ExceptionGroup('g', [ValueError(1)])\nexcept* ValueError as e:\n    try:\n        raise\n    except ExceptionGroup as z:\n        r = repr(z)\nreturn r`,
  `try:\n    raise KeyboardInterrupt\nexcept* KeyboardInterrupt as e:\n    r = repr(e)\nreturn r`,
  `def g():\n    try:\n        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])\n    except* ValueError:\n        pass\ntry:\n    g()\nexcept* TypeError as t:\n    r = repr(t)\nreturn r`,
  `e = ExceptionGroup('g', [ValueError(1)])\ne.add_note('n')\ntry:\n    try:\n        raise e\n    except* ValueError:\n        raise\nexcept ExceptionGroup as x:\n    return repr(x), x is e, getattr(x, '__notes__', None)`,
];

it('runs except* as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

it('words the misplaced except* as CPython does, and refuses it around a yield', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass`)).toContain("cannot have both 'except' and 'except*' on the same 'try'");
  expect(error(`try:\n    pass\nexcept*:\n    pass`)).toContain('expected one or more exception types');
  expect(error(`for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        continue`)).toContain("'break', 'continue' and 'return' cannot appear in an except* block");
  expect(error(`def g():\n    try:\n        yield 1\n    except* ValueError:\n        pass\nreturn list(g())`)).toContain('except* around a yield is not available in conditions');
});
