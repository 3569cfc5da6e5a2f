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

/**
 * gen.throw() puts its exception as it is (no context from the caller's handled one), close()'s
 * GeneratorExit is made under the caller's; a generator's own handled exception is its own even
 * where the caller handles the same one, and a clause it left while suspended leaves the current
 * caller's; an exception caught by `with` or a finally is chained as an except clause's; the
 * chain's fields are set and deleted as BaseException's descriptors check them, and a cycle a
 * condition made stops the walk as Floyd's algorithm does in _PyErr_SetObject.
 */
const CHAINED_MORE = [
  `def g():\n    try:\n        yield 1\n    except ValueError as e:\n        yield repr(e.__context__)\nit = g(); next(it)\ntry:\n    raise KeyError('k')\nexcept KeyError:\n    return it.throw(ValueError('v'))`,
  `E = KeyError('shared')\ndef g():\n    try:\n        raise E\n    except KeyError:\n        yield 1\n        raise\ntry:\n    raise E\nexcept KeyError:\n    it = g()\n    next(it)\ntry:\n    next(it)\nexcept BaseException as e:\n    return repr(e), repr(e.__context__)`,
  `def g():\n    try:\n        yield 1\n    finally:\n        raise ValueError('in finally')\nit = g(); next(it)\ntry:\n    raise KeyError('k')\nexcept KeyError:\n    try:\n        it.close()\n    except ValueError as e:\n        return repr(e.__context__), repr(e.__context__.__context__)`,
  `a = ValueError('a'); b = KeyError('b')\na.__context__ = b\nb.__context__ = a\ntry:\n    raise a\nexcept ValueError:\n    try:\n        raise TypeError('t')\n    except TypeError as x:\n        return repr(x.__context__), repr(a.__context__)`,
  `a = ValueError('a'); b = KeyError('b'); c = IndexError('c')\na.__context__ = b\nb.__context__ = c\nc.__context__ = b\ntry:\n    raise a\nexcept ValueError:\n    try:\n        raise TypeError('t')\n    except TypeError as x:\n        return repr(x.__context__), repr(a.__context__), repr(c.__context__)`,
  `class CM:\n    def __enter__(self): return self\n    def __exit__(self, t, v, tb):\n        self.v = v\n        return True\ntry:\n    raise KeyError('A')\nexcept KeyError:\n    cm = CM()\n    with cm:\n        1/0\n    return repr(cm.v.__context__)`,
  `e = ValueError('x')\ne.__suppress_context__ = 5\nreturn e.__suppress_context__`,
  `e = ValueError('x')\ntry:\n    e.__context__ = 5\nexcept TypeError as t:\n    return str(t)`,
  `e = ValueError('x')\ntry:\n    e.__cause__ = 5\nexcept TypeError as t:\n    return str(t)`,
  `e = ValueError('x')\ne.__cause__ = KeyError()\nreturn e.__suppress_context__`,
  `try:\n    raise KeyError('a')\nexcept KeyError as e:\n    try:\n        raise e.with_traceback(None)\n    except KeyError as f:\n        return f is e, repr(f.__context__)`,
  `try:\n    raise KeyError('a')\nexcept KeyError:\n    try:\n        [1][5]\n    except IndexError as e:\n        return repr(e.__context__)`,
  `def f():\n    raise\ntry:\n    raise KeyError('x')\nexcept KeyError:\n    try:\n        f()\n    except KeyError as e:\n        return repr(e)`,
  `try:\n    f = lambda: (_ for _ in ()).throw(ValueError('t'))\n    f()\nexcept ValueError as e:\n    return repr(e.__context__)`,
  `def g():\n    try:\n        raise KeyError('own')\n    except KeyError:\n        yield 1\n    yield 2\n    try:\n        raise\n    except BaseException as e:\n        yield repr(e)\nit = g()\ntry:\n    raise IndexError('caller1')\nexcept IndexError:\n    next(it)\nnext(it)\nreturn next(it)`,
  `def g():\n    try:\n        raise KeyError('own')\n    except KeyError:\n        yield 1\n    yield 2\n    try:\n        1/0\n    except ZeroDivisionError as e:\n        yield repr(e.__context__)\nit = g()\ntry:\n    raise IndexError('caller1')\nexcept IndexError:\n    next(it)\nnext(it)\ntry:\n    raise ValueError('caller2')\nexcept ValueError:\n    return next(it)`,
  `def g():\n    try:\n        raise KeyError('own')\n    except KeyError:\n        yield 1\n        try:\n            raise\n        except KeyError as e:\n            yield repr(e)\nit = g()\nnext(it)\ntry:\n    raise IndexError('caller')\nexcept IndexError:\n    return next(it)`,
  `def g():\n    try:\n        yield 1\n    finally:\n        yield 2\nit = g(); next(it)\ntry:\n    raise KeyError('k')\nexcept KeyError:\n    try:\n        it.close()\n    except RuntimeError as e:\n        return str(e), repr(e.__context__), repr(e.__context__.__context__)`,
  `try:\n    raise KeyError('a')\nexcept KeyError:\n    try:\n        try:\n            1/0\n        finally:\n            try:\n                raise\n            except ZeroDivisionError as z:\n                x = repr(z.__context__)\n    except ZeroDivisionError:\n        return x`,
  `e = ValueError('x')\ntry:\n    del e.__context__\nexcept TypeError as t:\n    return str(t)`,
  `e = ValueError('x')\ne.__context__ = e\ntry:\n    raise KeyError\nexcept KeyError as k:\n    try:\n        raise e\n    except ValueError as v:\n        return repr(v.__context__), repr(k.__context__)`,
  `a = ValueError('a')\na.__context__ = a\ntry:\n    raise a\nexcept ValueError:\n    try:\n        raise TypeError\n    except TypeError as t:\n        return repr(t.__context__), repr(a.__context__)`,
  `e = ValueError('x')\ne.__cause__ = None\nreturn e.__suppress_context__, e.__cause__`,
  `e = ValueError('x')\ne.__suppress_context__ = True\ne.__context__ = KeyError('c')\nreturn e.__suppress_context__, repr(e.__context__)`,
  `e = ValueError('x')\ntry:\n    del e.__suppress_context__\nexcept TypeError as t:\n    return str(t)`,
  `class E(Exception):\n    pass\ne = E()\ne.__context__ = KeyError(1)\ne.__cause__ = None\nreturn repr(e.__context__), e.__suppress_context__`,
];

it('chains around generators, with and finally, and sets the chain fields, as CPython does', () => {
  expect(compareWithCPython(CHAINED_MORE)).toEqual([]);
});
