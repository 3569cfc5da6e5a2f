import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** ExitStack (enter_context, callback, push, pop_all, close; callbacks last first, an exception raised by one handed on, a truthy one suppressing) and closing. */
it('answers ExitStack and closing as CPython does', () => {
  expect(compareWithCPython([
    "import contextlib\nlog = []\nclass CM:\n    def __init__(self, name, suppress=False):\n        self.name = name\n        self.suppress = suppress\n    def __enter__(self):\n        log.append('enter ' + self.name)\n        return self.name.upper()\n    def __exit__(self, t, v, tb):\n        log.append(('exit', self.name, t.__name__ if t else None))\n        return self.suppress\nwith contextlib.ExitStack() as stack:\n    a = stack.enter_context(CM('a'))\n    b = stack.enter_context(CM('b'))\n    stack.callback(log.append, 'cb', )\n    stack.callback(lambda *x, **k: log.append(('cb2', x, sorted(k.items()))), 1, 2, z=3)\n    log.append((a, b))\nreturn log",
    "import contextlib\nlog = []\nclass CM:\n    def __init__(self, name, suppress=False):\n        self.name = name\n        self.suppress = suppress\n    def __enter__(self):\n        return self\n    def __exit__(self, t, v, tb):\n        log.append(('exit', self.name, t.__name__ if t else None, str(v) if v else None))\n        return self.suppress\nwith contextlib.ExitStack() as stack:\n    stack.enter_context(CM('outer', True))\n    stack.enter_context(CM('inner'))\n    raise KeyError('k')\nreturn log",
    "import contextlib\nlog = []\ndef bad(*a):\n    log.append(('bad', a[0].__name__ if a[0] else None))\n    raise ValueError('from callback')\ntry:\n    with contextlib.ExitStack() as stack:\n        stack.push(lambda t, v, tb: log.append(('last', t.__name__ if t else None, str(v))))\n        stack.push(bad)\n        raise KeyError('k')\nexcept ValueError as e:\n    return str(e), log",
    "import contextlib\nlog = []\nwith contextlib.ExitStack() as stack:\n    stack.push(lambda t, v, tb: True)\n    stack.push(lambda t, v, tb: log.append(t.__name__))\n    raise KeyError('k')\nreturn log, 'after'",
    "import contextlib\ndef suppressing(t, v, tb):\n    return True\nwith contextlib.ExitStack() as s:\n    s.push(suppressing)\n    s.push(contextlib.suppress(ZeroDivisionError))\n    1 / 0\nreturn 'ok'",
    "import contextlib\nlog = []\nclass CM:\n    def __enter__(self):\n        return 1\n    def __exit__(self, *a):\n        log.append('exit')\nstack = contextlib.ExitStack()\nstack.enter_context(CM())\nmoved = stack.pop_all()\nstack.close()\nr = list(log)\nmoved.close()\nmoved.close()\nreturn r, log, type(moved).__name__",
    "import contextlib\nwith contextlib.ExitStack() as s:\n    s.enter_context(5)",
    "import contextlib\nclass C: pass\nwith contextlib.ExitStack() as s:\n    s.enter_context(C())",
    "import contextlib\nclass C:\n    def __enter__(self):\n        return 1\nwith contextlib.ExitStack() as s:\n    s.enter_context(C())",
    "import contextlib\nwith contextlib.ExitStack() as s:\n    r = s.enter_context(contextlib.suppress(KeyError))\n    n = s.enter_context(contextlib.nullcontext(7))\n    {}['x']\nreturn r, n",
    "import contextlib\nreturn contextlib.ExitStack(1)",
    "import contextlib\ns = contextlib.ExitStack()\nreturn s.callback()",
    "import contextlib\ns = contextlib.ExitStack()\nreturn s.push()",
    "import contextlib\ns = contextlib.ExitStack()\nf = lambda: 1\nreturn s.callback(f) is f, s.push(f) is f, s.enter_context(s) is s",
    "import contextlib\ns = contextlib.ExitStack()\ns.push(5)\ns.close()",
    "import contextlib\nwith contextlib.ExitStack() as s:\n    s.callback(print, 'x')\n    s.callback(int, 'x')\nreturn 1",
    "import contextlib\ntry:\n    with contextlib.ExitStack() as s:\n        s.callback(int, 'x')\n        raise KeyError(1)\nexcept Exception as e:\n    return type(e).__name__, str(e)",
    "import contextlib\nclass T:\n    def __init__(self):\n        self.closed = False\n    def close(self):\n        self.closed = True\nt = T()\nwith contextlib.closing(t) as x:\n    r = x is t, t.closed\nreturn r, t.closed, contextlib.closing(t).thing is t",
    "import contextlib\ntry:\n    with contextlib.closing(T := None):\n        pass\nexcept AttributeError as e:\n    return str(e)",
    "import contextlib\nreturn contextlib.closing()",
    "import contextlib\nreturn isinstance(contextlib.ExitStack(), contextlib.AbstractContextManager), isinstance(contextlib.closing(1), contextlib.AbstractContextManager), isinstance(contextlib.suppress(), contextlib.AbstractContextManager), contextlib.ExitStack.__mro__",
    "import contextlib\nreturn contextlib.AbstractContextManager()",
    "import contextlib\nwith contextlib.ExitStack() as s:\n    s.enter_context(contextlib.ExitStack()).callback(print)\n    with contextlib.ExitStack() as inner:\n        inner.push(s)\nreturn 1",
  ])).toEqual([]);
});

/** The async abstract base and the names Lib/contextlib.py imports. */
it('has AbstractAsyncContextManager, deque and GenericAlias as CPython does', () => {
  expect(compareWithCPython([
    'import contextlib, collections\nreturn contextlib.deque is collections.deque, contextlib.GenericAlias(list, int), isinstance(contextlib.nullcontext(), contextlib.AbstractAsyncContextManager), contextlib.AbstractAsyncContextManager.__mro__',
  ])).toEqual([]);
});

/** print writes nothing and a run has no working directory of its own: these are refused, whatever catches. */
it.each(['redirect_stdout(None)', 'redirect_stderr(None)', "chdir('/')"])('refuses contextlib.%s, saying why', (call) => {
  const got = evaluator(new Engine(), { source: `import contextlib\ntry:\n    with contextlib.${call}:\n        pass\nexcept BaseException:\n    return 1` });
  expect(got.error).toMatch(/^UnsupportedError: contextlib\.\w+ is not available in conditions: (print writes nothing|it changes the host's working directory)/);
});
