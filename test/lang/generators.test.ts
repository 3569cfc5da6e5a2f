import { describe, expect, it } from 'vitest';
import { Engine, type Limits } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const NAT = `def nat():\n    n = 0\n    while True:\n        yield n\n        n += 1\n`;

/** Generator functions as CPython 3.11 runs them: yield, yield from, send, throw, close, return, and the errors. */
const GENERATORS = [
  // yielding, in every compound statement
  `def g():\n    yield 1\n    yield 2\nreturn list(g())`,
  `def g(n):\n    for i in range(n):\n        yield i * i\nreturn sum(g(5)), list(g(3)), [x for x in g(4) if x], max(g(4)), sorted(g(3), reverse=True)`,
  `def g():\n    yield 1, 2\n    yield\n    yield [3]\nreturn list(g())`,
  `def g(xs):\n    for x in xs:\n        if x % 2:\n            yield x\n        elif x == 4:\n            break\n        else:\n            continue\n    else:\n        yield 'else'\nreturn list(g([1, 2, 3])), list(g([1, 4, 5]))`,
  `def g():\n    i = 0\n    while i < 3:\n        yield i\n        i += 1\n    else:\n        yield 'done'\nreturn list(g())`,
  `def g():\n    try:\n        yield 1\n        raise KeyError('k')\n    except KeyError as e:\n        yield 'caught', e.args\n    else:\n        yield 'else'\n    finally:\n        yield 'finally'\nreturn list(g())`,
  `def g():\n    try:\n        yield 1\n    except ValueError:\n        yield 'no'\n    else:\n        yield 'else'\nreturn list(g())`,
  `def g():\n    for i in range(3):\n        try:\n            if i == 1:\n                continue\n            yield i\n        finally:\n            yield ('f', i)\nreturn list(g())`,
  `def g():\n    try:\n        return\n    finally:\n        yield 'finally runs'\nreturn list(g())`,
  `def g():\n    yield 1\n    return\n    yield 2\nreturn list(g())`,
  `def g(x):\n    if x:\n        return\n    yield 1\nreturn list(g(True)), list(g(False))`,
  `def g():\n    x = y = yield 1\n    yield x, y\nit = g()\nreturn next(it), it.send(7)`,
  `def g():\n    a, b = yield\n    yield a + b\nit = g()\nnext(it)\nreturn it.send((1, 2))`,
  `def g():\n    d = {}\n    d['k'] = yield 'first'\n    x: int = yield 'second'\n    yield d, x\nit = g()\nreturn next(it), it.send(1), it.send(2)`,
  `def g():\n    while True:\n        got = yield\n        if got is None:\n            return 'stopped'\n        data.setdefault('got', []).append(got)\nit = g()\nnext(it)\nit.send(1)\nit.send('two')\ntry:\n    it.send(None)\nexcept StopIteration as e:\n    return e.value, data`,
  // generators in the rest of the language
  `${NAT}import itertools\nreturn list(itertools.islice(nat(), 5)), list(zip(nat(), 'abc')), list(itertools.takewhile(lambda x: x < 4, nat()))`,
  `${NAT}return dict(zip('abc', nat())), list(enumerate(nat()))[:0] if False else next(iter(nat())), list(map(str, itertools_absent)) if False else 'ok'`,
  `${NAT}it = nat()\nreturn next(it), next(it), next(it), iter(it) is it, any(x > 5 for x in it), next(it)`,
  `def g():\n    yield 3\n    yield 1\nreturn sorted(g()), tuple(g()), set(g()), min(g()), ','.join(str(x) for x in g()), 3 in g(), 5 in g()`,
  `def g():\n    yield 'a'\nfor x in g():\n    for y in g():\n        data[x] = y\nreturn data`,
  `def g():\n    yield 1\nit = g()\nreturn list(it), list(it), next(it, 'default')`,
  `def fib():\n    a, b = 0, 1\n    while True:\n        yield a\n        a, b = b, a + b\nimport itertools\nreturn list(itertools.islice(fib(), 20))[-1]`,
  `def g():\n    yield\nreturn repr(g())[:32], type(g()).__name__, bool(g()), callable(g), g.__name__, g.__qualname__`,
  `def g():\n    yield 1\ndata['g'] = g()\nreturn True`, `def g():\n    yield 1\nreturn json.dumps(g())`, `def g():\n    yield 1\nreturn len(g())`, `def g():\n    yield 1\nreturn g()[0]`,
  `def words():\n    for w in text.split():\n        if w.isalpha():\n            yield w.lower()\nreturn list(words())`,
  `class C:\n    def __init__(self, xs):\n        self.xs = xs\n    def __iter__(self):\n        for x in self.xs:\n            yield x * 10\nreturn list(C([1, 2])), 20 in C([1, 2])`,
  `def outer():\n    def inner():\n        yield 'inner'\n    return inner()\nreturn list(outer())`,
  `def g(n):\n    total = 0\n    def add(x):\n        nonlocal total\n        total += x\n        return total\n    for i in range(n):\n        yield add(i)\nreturn list(g(4))`,
  `def g(*args, k=1, **kw):\n    yield args\n    yield k\n    yield kw\nreturn list(g(1, 2, k=3, z=4))`,
  `def g():\n    yield lambda: 1\n    yield [x for x in range(2)]\nreturn [v() if callable(v) else v for v in g()]`,
  // return value and StopIteration
  `def g():\n    yield 1\n    return 5\nit = g()\nnext(it)\ntry:\n    next(it)\nexcept StopIteration as e:\n    return e.value, e.args, repr(e)`,
  `def g():\n    return 'none yielded'\n    yield\ntry:\n    next(g())\nexcept StopIteration as e:\n    return e.value`,
  `def g():\n    yield 1\n    return None\nit = g()\nnext(it)\ntry:\n    next(it)\nexcept StopIteration as e:\n    return e.value, e.args`,
  `def g():\n    yield 1\nit = g()\nnext(it)\nnext(it)`, `def g():\n    yield 1\n    return [1, 2]\nit = g()\nnext(it)\nnext(it)`,
  `return StopIteration(5).value, StopIteration().value, StopIteration(1, 2).value`,
  `def g():\n    raise StopIteration\n    yield\nreturn list(g())`, `def g():\n    yield 1\n    next(iter([]))\nreturn list(g())`,
  `def g():\n    raise StopIteration('x')\n    yield\ntry:\n    next(g())\nexcept RuntimeError as e:\n    return str(e), repr(e.__cause__)`,
  `def g():\n    yield 1\n    raise KeyError('k')\nit = g()\nnext(it)\ntry:\n    next(it)\nexcept KeyError:\n    pass\nreturn list(it)`,
  // send
  `def g():\n    x = yield 1\n    data['x'] = x\n    y = yield x\n    return 'done'\nit = g()\nreturn next(it), it.send('a'), data`,
  `def g():\n    yield 1\nit = g()\nreturn it.send(5)`, `def g():\n    yield 1\nit = g()\nreturn it.send(None)`, `def g():\n    yield 1\nit = g()\nreturn it.send()`, `def g():\n    yield 1\nit = g()\nreturn it.send(1, 2)`,
  `def g():\n    yield 1\nit = g()\nnext(it)\nit.send(1)`, `def g():\n    yield 1\nit = g()\nlist(it)\nit.send(5)`,
  // throw
  `def g():\n    try:\n        yield 1\n    except KeyError as e:\n        yield 'caught ' + str(e)\nit = g()\nnext(it)\nreturn it.throw(KeyError('k'))`,
  `def g():\n    try:\n        yield 1\n    except KeyError as e:\n        yield e.args\nit = g()\nnext(it)\nreturn it.throw(KeyError), it.throw(ValueError, 'v') if False else 'skip'`,
  `def g():\n    yield 1\nit = g()\nnext(it)\nit.throw(ValueError('out'))`, `def g():\n    yield 1\nit = g()\nit.throw(ValueError('before start'))`,
  `def g():\n    try:\n        yield 1\n    except ValueError as e:\n        yield e.args\nit = g()\nnext(it)\nreturn it.throw(ValueError, 'v'), g().throw is not None`,
  `def g():\n    try:\n        yield 1\n    except ValueError as e:\n        yield e.args\nit = g()\nnext(it)\nreturn it.throw(ValueError, ('a', 'b'))`,
  `def g():\n    try:\n        yield 1\n    except ValueError:\n        return 'returned'\nit = g()\nnext(it)\ntry:\n    it.throw(ValueError)\nexcept StopIteration as e:\n    return e.value`,
  `def g():\n    yield 1\nit = g()\nnext(it)\nit.throw(5)`, `def g():\n    yield 1\nit = g()\nit.throw()`, `def g():\n    yield 1\nit = g()\nit.throw(ValueError('a'), 1)`,
  `def g():\n    yield 1\nit = g()\nlist(it)\nit.throw(KeyError('after end'))`,
  `def g():\n    try:\n        yield 1\n    finally:\n        data['f'] = 1\nit = g()\nnext(it)\ntry:\n    it.throw(KeyError('x'))\nexcept KeyError:\n    return data`,
  `def g():\n    try:\n        yield 1\n    except KeyError:\n        raise\nit = g()\nnext(it)\nit.throw(KeyError('reraised'))`,
  // close
  `def g():\n    try:\n        yield 1\n    finally:\n        data['closed'] = True\nit = g()\nnext(it)\nreturn it.close(), data, list(it)`,
  `def g():\n    yield 1\nit = g()\nit.close()\nreturn list(it), it.close()`,
  `def g():\n    try:\n        yield 1\n    except GeneratorExit:\n        yield 2\nit = g()\nnext(it)\nit.close()`,
  `def g():\n    try:\n        yield 1\n    except GeneratorExit:\n        raise ValueError('in close')\nit = g()\nnext(it)\nit.close()`,
  `def g():\n    try:\n        yield 1\n    except GeneratorExit:\n        data['exit'] = 1\n        raise\nit = g()\nnext(it)\nreturn it.close(), data`,
  `def g():\n    try:\n        yield 1\n    except GeneratorExit:\n        return 'ignored value'\nit = g()\nnext(it)\nreturn it.close()`,
  `def g():\n    try:\n        yield 1\n    except Exception:\n        data['no'] = 1\n    finally:\n        data['finally'] = 1\nit = g()\nnext(it)\nit.close()\nreturn data`,
  `def g():\n    try:\n        yield 1\n    finally:\n        data['never started'] = 1\nit = g()\nit.close()\nreturn data`, `def g():\n    yield 1\nreturn g().close(1)`,
  // yield from
  `def inner():\n    x = yield 1\n    yield x\n    return 'ret'\ndef outer():\n    r = yield from inner()\n    yield r\nit = outer()\nreturn next(it), it.send('s'), next(it)`,
  `def g():\n    yield from [1, 2]\n    yield from 'ab'\n    yield from range(2)\n    yield from {'k': 1}\nreturn list(g())`,
  `def g():\n    yield from 5\nreturn list(g())`, `def g():\n    yield from [1]\nit = g()\nnext(it)\nit.send(2)`,
  `def inner():\n    try:\n        yield 1\n    except KeyError:\n        yield 'inner caught'\n    return 'r'\ndef outer():\n    v = yield from inner()\n    yield v\nit = outer()\nnext(it)\nreturn it.throw(KeyError), next(it)`,
  `def inner():\n    try:\n        yield 1\n    finally:\n        data['inner'] = 'closed'\ndef outer():\n    try:\n        yield from inner()\n    finally:\n        data['outer'] = 'closed'\nit = outer()\nnext(it)\nit.close()\nreturn data`,
  `def inner():\n    yield 1\ndef outer():\n    try:\n        yield from inner()\n    except ValueError as e:\n        yield 'outer caught ' + str(e)\nit = outer()\nnext(it)\nreturn it.throw(ValueError('v'))`,
  `def chain(n):\n    if n == 0:\n        yield 'bottom'\n        return 0\n    r = yield from chain(n - 1)\n    return r + 1\ndef top():\n    r = yield from chain(60)\n    yield r\nreturn list(top())`,
  `def inner():\n    return 'only a return'\n    yield\ndef outer():\n    x = yield from inner()\n    yield x\nreturn list(outer())`,
  `def tree(t):\n    if isinstance(t, list):\n        for c in t:\n            yield from tree(c)\n    else:\n        yield t\nreturn list(tree([1, [2, [3, [4]], 5]]))`,
  // running generators: already executing, resumed from itself
  `def g():\n    yield next(me)\nme = g()\nreturn next(me)`,
  `def g():\n    x = yield 1\n    me.send(x)\nme = g()\nnext(me)\nme.send(2)`,
  `def g():\n    me.close()\n    yield 1\nme = g()\nnext(me)`,
  `def g():\n    yield from me\nme = g()\nnext(me)`,
  // the handled exception of a suspended generator is its own
  `def g():\n    try:\n        raise KeyError('in gen')\n    except KeyError:\n        yield 1\n        raise\nit = g()\nnext(it)\ntry:\n    raise ValueError('outside')\nexcept ValueError:\n    pass\nnext(it)`,
  `def g():\n    yield 1\n    raise\nit = g()\ntry:\n    raise ValueError('caller')\nexcept ValueError:\n    next(it)\n    next(it)`,
  // with in generators
  `class CM:\n    def __enter__(self):\n        data.setdefault('log', []).append('enter')\n        return self\n    def __exit__(self, *a):\n        data['log'].append(('exit', a[0].__name__ if a[0] else None))\ndef g():\n    with CM():\n        yield 1\n        yield 2\nit = g()\nnext(it)\nnext(it)\nit.close()\nreturn data`,
  `import contextlib\ndef g():\n    with contextlib.suppress(KeyError):\n        yield 1\n        raise KeyError\n    yield 'after'\nreturn list(g())`,
  // generator functions and classes defined inside a generator's body compile on their own
    `def outer():\n    yield 'a'\n    def inner():\n        yield 'i1'\n        yield 'i2'\n    for x in inner():\n        yield x\n    if True:\n        yield 'b'\nreturn list(outer())`,
    `def outer():\n    def inner():\n        yield 1\n    x = [y for y in inner()]\n    yield x\n    class C:\n        def m(self):\n            yield 'm'\n    yield from C().m()\nreturn list(outer())`,
  // close, throw and with together; generators in builtins, unpacking and itertools
    `def g():\n    try:\n        yield 1\n    finally:\n        return 5\nit = g()\nnext(it)\nreturn it.close(), list(it)`,
    `class S:\n    def __enter__(self):\n        return self\n    def __exit__(self, *a):\n        data.setdefault('e', []).append(a[0].__name__ if a[0] else None)\n        return True\ndef g():\n    with S():\n        yield 1\n    data['after'] = 1\nit = g()\nnext(it)\nit.close()\nreturn data`,
    `class S:\n    def __enter__(self):\n        return self\n    def __exit__(self, *a):\n        return True\ndef g():\n    with S():\n        yield 1\n    yield 2\nit = g()\nnext(it)\nit.close()`,
    `import contextlib\ndef g():\n    with contextlib.suppress(GeneratorExit):\n        yield 1\nit = g()\nnext(it)\nreturn it.close(), list(it)`,
    `def g(n):\n    if n:\n        for x in g(n - 1):\n            yield x\n        yield n\n    else:\n        yield 0\nreturn list(g(4))`,
    `def g():\n    yield from range(3)\n    return 4\ndef h():\n    x = yield from g()\n    yield x\nreturn list(h())`,
    `def g():\n    yield 1\n    yield 2\na, b = g()\nreturn a, b, [*g()], max(*g()), dict((k, k) for k in g()), dict(zip(g(), g()))`,
    `def g():\n    yield ('a', 1)\n    yield ('b', 2)\nreturn dict(g()), {k: v for k, v in g()}`,
    `fs = []\nfor i in range(3):\n    def g(i=i):\n        yield i\n    fs.append(g)\nreturn [list(f()) for f in fs]`,
    `def g():\n    try:\n        yield 1\n    except KeyError:\n        yield 'k'\n        raise\nit = g()\nnext(it)\nit.throw(KeyError('x'))\nnext(it)`,
    `def g():\n    yield 1\nreturn type(g).__name__, g.__name__, type(g()).__name__, isinstance(g(), type(g()))`,
    `def g():\n    for i in range(3):\n        with open_cm() as x:\n            yield x\nclass open_cm:\n    def __enter__(self):\n        return 'x'\n    def __exit__(self, *a):\n        data.setdefault('exits', 0)\n        data['exits'] += 1\nreturn list(g()), data`,
    `def g():\n    while True:\n        v = yield\n        if v is None:\n            break\n        data[v] = 1\n    return 'end'\nit = g()\nnext(it)\nit.send('a')\ntry:\n    it.send(None)\nexcept StopIteration as e:\n    return e.value, data`,
    `def g():\n    yield 1\nit = g()\nreturn it.throw(StopIteration)`,
    `def g():\n    yield 1\nit = g()\nnext(it)\nreturn it.throw(StopIteration)`,
    `def g():\n    try:\n        yield 1\n    except GeneratorExit:\n        return\nit = g()\nnext(it)\nit.throw(GeneratorExit)`,
    `import itertools\ndef g():\n    yield from itertools.count(5)\nreturn next(g()), list(itertools.islice(g(), 3)), list(itertools.chain(g.__name__, ['x'])), [k for k, _ in itertools.groupby(x // 2 for x in itertools.islice(g(), 6))]`,
    `def g():\n    yield 1\n    yield 2\nit = g()\nreturn list(zip(it, it)), list(enumerate(g(), 1)), list(reversed(list(g()))), list(filter(None, g())), list(map(lambda x: -x, g()))`,
    `def g():\n    yield 1\nreturn any(g()), all(g()), sum(g(), 10), ''.join(str(x) for x in g()), ','.join(map(str, g()))`,
    `def g():\n    data['started'] = True\n    yield 1\nit = g()\nreturn data`,
    `def g():\n    yield 1\nreturn g() == g(), bool(g()), hash(g()) == hash(g()) if False else 'h'`,
  // where CPython refuses a yield too
  `class C:\n    yield 1`, `def g():\n    return [(yield x) for x in range(3)]`, `def g():\n    return ((yield x) for x in range(3))`,
  `yield = 1`, `def g():\n    yield from`, `def g():\n    yield from x, y`, `def g():\n    (yield) = 1`, `def g():\n    yield x = 1`, `def g():\n    x = yield = 1`,
];

/** contextlib.contextmanager, which needs generators. */
const CONTEXTMANAGER = [
  `from contextlib import contextmanager\n@contextmanager\ndef cm(x):\n    data['log'] = ['enter']\n    yield x * 2\n    data['log'].append('exit')\nwith cm(21) as v:\n    data['log'].append(v)\nreturn data`,
  `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    try:\n        yield\n    except KeyError as e:\n        data['caught'] = e.args\nwith cm():\n    raise KeyError('k')\nreturn data`,
  `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    try:\n        yield\n    finally:\n        data['finally'] = 1\nwith cm():\n    raise KeyError('passes')`,
  `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    yield 1\n    yield 2\nwith cm():\n    pass`,
  `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    return\n    yield\nwith cm():\n    pass`,
  `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    try:\n        yield\n    except KeyError:\n        yield 'again'\nwith cm():\n    raise KeyError`,
  `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    try:\n        yield\n    except KeyError:\n        raise ValueError('replaced')\nwith cm():\n    raise KeyError`,
  `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    yield\nwith cm():\n    raise StopIteration('s')`,
  `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    yield\ntry:\n    with cm():\n        raise StopIteration('s')\nexcept StopIteration as e:\n    return 'kept', e.args`,
  `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    yield\ndef f():\n    for i in range(3):\n        with cm():\n            if i == 1:\n                return i\nreturn f()`,
  `from contextlib import contextmanager\n@contextmanager\ndef timed(name):\n    data[name] = 'start'\n    try:\n        yield name.upper()\n    finally:\n        data[name] += ' end'\nwith timed('a') as A, timed('b') as B:\n    data['in'] = A + B\nreturn data`,
  `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    yield\nreturn repr(cm)[:22], repr(cm())[:43], type(cm()).__name__`,
  `from contextlib import contextmanager\nreturn type(contextmanager(lambda: 5)()).__name__`, `from contextlib import contextmanager\nwith contextmanager(lambda: 5)():\n    pass`,
  `from contextlib import contextmanager\nwith contextmanager(lambda: iter([1]))() as x:\n    pass\nreturn x`,
  `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    yield\nwith cm():\n    with cm():\n        raise KeyError('inner')`,
  `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    try:\n        yield\n    except Exception:\n        pass\nwith cm():\n    raise ValueError\nreturn 'suppressed by returning'`,
];

describe('generators', () => {
  it('run as CPython 3.11 runs them', () => {
    expect(compareWithCPython(GENERATORS)).toEqual([]);
  });

  it('contextlib.contextmanager', () => {
    expect(compareWithCPython(CONTEXTMANAGER)).toEqual([]);
  });
});

/** Runs a body under the given limits: its repr, or the exception. */
function run(source: string, limits: Partial<Limits> = {}): string {
  const out = evaluator(new Engine(limits), { source });
  return out.repr ?? out.error!;
}

describe('generators against their limits', () => {
  it('a generator that yields forever meets the step limit, however it is walked', () => {
    expect(run(`${NAT}for x in nat():\n    pass`, { maxSteps: 1000 })).toBe('StepLimitError: condition exceeded its budget of 1000 steps');
    expect(run(`${NAT}return list(nat())`, { maxSteps: 1000 })).toBe('StepLimitError: condition exceeded its budget of 1000 steps');
    expect(run(`${NAT}return sum(nat())`, { maxSteps: 1000 })).toBe('StepLimitError: condition exceeded its budget of 1000 steps');
    expect(run(`def g():\n    while True:\n        yield from []\nreturn next(g())`, { maxSteps: 1000 })).toBe('StepLimitError: condition exceeded its budget of 1000 steps');
    expect(run(`def g():\n    while True:\n        try:\n            yield\n        except GeneratorExit:\n            pass\nit = g()\nnext(it)\nit.close()`, { maxSteps: 1000 })).toBe('RuntimeError: generator ignored GeneratorExit');
  });

  it('each resumption is a step, as a loop iteration is', () => {
    const gen = (n: number) => `def g():\n    for i in range(${n}):\n        yield i\nfor x in g():\n    pass`;
    // 4n + 5: each item is a resumption, the generator's loop, the caller's loop and the range's walk
    expect(run(gen(100), { maxSteps: 405 })).toBe('None');
    expect(run(gen(100), { maxSteps: 404 })).toBe('StepLimitError: condition exceeded its budget of 404 steps');
  });

  it('deep yield from chains meet the recursion limit; a limit passes every finally and except of a generator', () => {
    const chain = (n: number) => `def chain(n):\n    if n == 0:\n        yield 'bottom'\n    else:\n        yield from chain(n - 1)\nreturn list(chain(${n}))`;
    // a generous clock: the machine the tests share is loaded, and the first deep chain compiles a lot of code
    expect(run(chain(190), { maxMillis: 5000 })).toBe("['bottom']");
    expect(run(chain(250), { maxMillis: 5000 })).toBe('RecursionError: maximum recursion depth exceeded');
    const swallow = `def g():\n    while True:\n        try:\n            yield\n        except BaseException:\n            pass\n        finally:\n            data['f'] = 1\nfor x in g():\n    pass`;
    expect(run(swallow, { maxSteps: 1000 })).toBe('StepLimitError: condition exceeded its budget of 1000 steps');
    const cm = `from contextlib import contextmanager\n@contextmanager\ndef cm():\n    try:\n        yield\n    except BaseException:\n        pass\nwith cm():\n    while True:\n        pass\nreturn 'escaped'`;
    expect(run(cm, { maxSteps: 1000 })).toBe('StepLimitError: condition exceeded its budget of 1000 steps');
  });

  it('hostile bodies: endless delegation to itself, a finally that loops on close, a chain of generators each yielding the next', () => {
    expect(run(`def g():\n    while True:\n        yield from g()\nreturn next(g())`, { maxMillis: 5000 })).toBe('RecursionError: maximum recursion depth exceeded');
    expect(run(`def g():\n    try:\n        yield 1\n    finally:\n        while True:\n            pass\nit = g()\nnext(it)\nit.close()`, { maxSteps: 1000 })).toBe('StepLimitError: condition exceeded its budget of 1000 steps');
    expect(run(`def g():\n    yield g()\nx = g()\nfor i in range(100000):\n    x = next(x)`, { maxSteps: 1000 })).toBe('StepLimitError: condition exceeded its budget of 1000 steps');
    expect(run(`def g():\n    x = yield\n    while True:\n        x = yield x * 2\nit = g()\nnext(it)\ns = 'a'\nfor i in range(40):\n    s = it.send(s)`)).toMatch(/^MemoryError/);
  });

  it('a generator is resumed only while it is not running, however it reaches itself', () => {
    expect(run(`def g():\n    yield from me\nme = g()\nnext(me)`)).toBe('ValueError: generator already executing');
    expect(run(`def g():\n    for x in me:\n        yield x\nme = g()\nreturn list(me)`)).toBe('ValueError: generator already executing');
  });

  it('huge values and many generators cost what they build', () => {
    expect(run(`def g():\n    yield 'x' * 10**9\nreturn next(g())`)).toMatch(/^MemoryError/);
    expect(run(`def g():\n    yield 1\ngens = [g() for i in range(10**6)]`, { maxSteps: 10_000 })).toMatch(/^StepLimitError/);
  });
});
