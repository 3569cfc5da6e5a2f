import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** `raise X from cause` and `assert test, message`: the cause is read as `__cause__` and shows nowhere else. */
const CASES = [
  `raise KeyError('a') from ValueError('b')`, `raise KeyError from ValueError`, `raise KeyError('a') from None`, `raise KeyError('a') from 5`, `raise 5 from ValueError()`,
  `try:\n    raise KeyError('a') from ValueError('b')\nexcept KeyError as e:\n    return repr(e.__cause__), str(e), e.args`,
  `try:\n    raise KeyError('a') from ValueError\nexcept KeyError as e:\n    return type(e.__cause__).__name__, e.__cause__.args`,
  `try:\n    raise KeyError('a') from None\nexcept KeyError as e:\n    return e.__cause__`, `try:\n    raise KeyError('a')\nexcept KeyError as e:\n    return e.__cause__`,
  `try:\n    int('x')\nexcept ValueError as e:\n    try:\n        raise RuntimeError('wrapped') from e\n    except RuntimeError as r:\n        return str(r.__cause__), repr(r)`,
  `try:\n    raise ValueError('inner')\nexcept ValueError as e:\n    raise TypeError('outer') from e`, `c = ValueError('c')\ntry:\n    raise KeyError('k') from c\nexcept KeyError as e:\n    return e.__cause__ is c`,
  `raise KeyError('a') from undefined_name`, `raise undefined_name from KeyError()`, `raise from KeyError()`,
  `assert False, 'why'`, `assert 0, ('a', 1)`, `assert [], 42`, `assert text == '', f'text was {len(text)} long'`, `assert True, undefined_name\nreturn 1`,
  `try:\n    assert 1 > 2, 'no'\nexcept AssertionError as e:\n    return e.args, str(e)`, `try:\n    assert False\nexcept AssertionError as e:\n    return e.args, str(e)`,
];

it('raises with a cause and words assertions as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/**
 * Implicit chaining: an exception raised while another is handled (in an except clause, a
 * finally an exception runs, an __exit__, a function or generator called from them) takes it
 * as `__context__`, with cycles cut as _PyErr_SetObject cuts them; `from` sets
 * `__suppress_context__`; a bare `raise` in a finally raises its exception again; ExitStack
 * mends its callbacks' chains as contextlib's _fix_exception_context does.
 */
const CHAINED = [
  `try:\n    try:\n        1/0\n    finally:\n        {}["x"]\nexcept KeyError as e:\n    return repr(e.__context__), e.__suppress_context__`,
  `try:\n    try:\n        1/0\n    finally:\n        raise\nexcept Exception as e:\n    return repr(e)`,
  `try:\n    try:\n        1/0\n    except ZeroDivisionError:\n        raise ValueError("v")\nexcept ValueError as e:\n    return repr(e.__context__), e.__suppress_context__, e.__cause__`,
  `e1 = KeyError(1)\ntry:\n    try:\n        raise e1\n    except KeyError as k:\n        try:\n            1/0\n        except ZeroDivisionError as z:\n            raise k\nexcept KeyError as e:\n    return repr(e.__context__), repr(e.__context__.__context__)`,
  `class CM:\n    def __enter__(self): pass\n    def __exit__(self, *a): raise ValueError("exit")\ntry:\n    with CM():\n        1/0\nexcept ValueError as e:\n    return repr(e.__context__)`,
  `class CM:\n    def __enter__(self): pass\n    def __exit__(self, *a): return 1 + 'a'\ntry:\n    with CM():\n        1/0\nexcept TypeError as e:\n    return repr(e.__context__)`,
  `try:\n    raise ValueError\nexcept ValueError as e:\n    return hasattr(e, "__notes__"), e.__context__, e.__suppress_context__`,
  `try:\n    raise ValueError from KeyError()\nexcept ValueError as e:\n    return e.__suppress_context__, repr(e.__cause__), e.__context__`,
  `try:\n    try:\n        1/0\n    except ZeroDivisionError as z:\n        raise z\nexcept ZeroDivisionError as e:\n    return e.__context__`,
  `try:\n    1/0\nexcept ZeroDivisionError:\n    try:\n        {}['k']\n    except KeyError as k:\n        return repr(k.__context__)`,
  `def f():\n    return int('x')\ntry:\n    try:\n        1/0\n    except ZeroDivisionError:\n        f()\nexcept ValueError as e:\n    return repr(e.__context__)`,
  `try:\n    try:\n        1/0\n    except ZeroDivisionError:\n        raise ValueError('a') from None\nexcept ValueError as e:\n    return e.__cause__, e.__suppress_context__, repr(e.__context__)`,
  `def g():\n    yield 1\n    raise StopIteration\ntry:\n    list(g())\nexcept RuntimeError as e:\n    return repr(e.__cause__), repr(e.__context__), e.__suppress_context__`,
  `e = ValueError()\ne.add_note('n1')\ne.add_note('n2')\nreturn e.__notes__`,
  `try:\n    e = ValueError()\n    e.add_note('x')\n    raise e\nexcept ValueError as v:\n    return v.__notes__`,
  `try:\n    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])\nexcept ExceptionGroup as eg:\n    try:\n        raise eg\n    except ExceptionGroup:\n        pass\n    m, r = eg.split(ValueError)\n    return repr(m.__context__), repr(r)`,
  `try:\n    1/0\nexcept ZeroDivisionError as z:\n    try:\n        raise ValueError('a') from z\n    except ValueError as v:\n        g = ExceptionGroup('g', [v])\n        try:\n            raise g\n        except ExceptionGroup as gg:\n            m, r = gg.split(ValueError)\n            return repr(m.__context__), repr(m.exceptions[0].__cause__)`,
  `out = []\ntry:\n    try:\n        raise KeyError('a')\n    except KeyError:\n        try:\n            raise ValueError('b')\n        finally:\n            out.append('fin')\nexcept ValueError as e:\n    return out, repr(e.__context__)`,
  `def gen():\n    try:\n        yield 1\n    except KeyError:\n        yield 'caught'\n        raise ValueError('in gen')\ng = gen()\nnext(g)\ng.throw(KeyError('k'))\ntry:\n    next(g)\nexcept ValueError as e:\n    return repr(e.__context__)`,
  `def gen():\n    try:\n        1/0\n    except ZeroDivisionError:\n        yield 'suspended'\n        raise\ng = gen()\nr = next(g)\ntry:\n    next(g)\nexcept ZeroDivisionError as e:\n    return r, repr(e), e.__context__`,
  `try:\n    raise KeyError('x')\nexcept KeyError:\n    def gen():\n        yield 1\n        raise ValueError('g')\n    try:\n        list(gen())\n    except ValueError as v:\n        return repr(v.__context__)`,
  `try:\n    try:\n        1/0\n    finally:\n        pass\nexcept ZeroDivisionError as e:\n    return e.__context__`,
  `def f():\n    try:\n        1/0\n    finally:\n        return 'swallowed'\nreturn f()`,
  `try:\n    b'\\xff'.decode('utf-8', 'strict')\nexcept UnicodeDecodeError as e:\n    return e.__context__, e.__suppress_context__`,
  `try:\n    1/0\nexcept ZeroDivisionError:\n    try:\n        [][1]\n    except IndexError as i:\n        try:\n            raise i\n        except IndexError as j:\n            return repr(j.__context__), j is i`,
  `class A:\n    def __set_name__(self, owner, name):\n        raise ValueError('no')\ntry:\n    class B:\n        a = A()\nexcept RuntimeError as e:\n    return str(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__`,
  `try:\n    (1).__context__\nexcept AttributeError as e:\n    return str(e)`,
  `try:\n    raise ValueError('a')\nexcept ValueError as a:\n    try:\n        raise KeyError('b')\n    except KeyError as b:\n        try:\n            raise a\n        except ValueError as c:\n            return repr(c.__context__), repr(b.__context__)\n`,
  `import contextlib\ndef cb1(*a):\n    raise ValueError('cb1')\ndef cb2(*a):\n    raise KeyError('cb2')\ntry:\n    with contextlib.ExitStack() as st:\n        st.push(cb1)\n        st.push(cb2)\nexcept ValueError as e:\n    return repr(e.__context__), repr(e.__context__.__context__)`,
  `import contextlib\ndef cb1(*a):\n    return 1 + 'a'\ndef cb2(*a):\n    return {}['k']\ntry:\n    with contextlib.ExitStack() as st:\n        st.push(cb1)\n        st.push(cb2)\n        1/0\nexcept TypeError as e:\n    return repr(e.__context__), repr(e.__context__.__context__), repr(e.__context__.__context__.__context__)`,
  `import contextlib\ntry:\n    with contextlib.ExitStack() as st:\n        st.callback(lambda: [][0])\n        raise ValueError('body')\nexcept IndexError as e:\n    return repr(e.__context__)`,
  `import contextlib\ntry:\n    1/0\nexcept ZeroDivisionError:\n    try:\n        with contextlib.ExitStack() as st:\n            st.callback(lambda: [][0])\n    except IndexError as e:\n        return repr(e.__context__)`,
  `import contextlib\nwith contextlib.suppress(KeyError):\n    try:\n        1/0\n    except ZeroDivisionError:\n        {}['k']\nreturn 'ok'`,
  `import contextlib\n@contextlib.contextmanager\ndef cm():\n    try:\n        yield\n    except ZeroDivisionError:\n        raise ValueError('cm')\ntry:\n    with cm():\n        1/0\nexcept ValueError as e:\n    return repr(e.__context__)\n`,
];

it('chains an exception to the one handled when it was raised, as CPython does', () => {
  expect(compareWithCPython(CHAINED)).toEqual([]);
});
