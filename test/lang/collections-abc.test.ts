import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** isinstance and issubclass: the one-trick hooks over builtin types and a condition's classes, the module's registrations, register(). */
const CHECKS = [
  `import collections.abc\nreturn repr(collections.abc.Mapping), collections.abc.Mapping.__mro__, type(collections.abc.Mapping)`,
  `from collections.abc import Iterable, Hashable, Sized, Container, Collection, Iterator, Reversible, Callable, Generator\nvals = [1, 'a', [1], (1,), {1:2}, {1}, frozenset(), None, 1.5, b'x', bytearray(), range(3), iter([]), iter(()), (x for x in []), len, lambda: 1, object(), type, {}.keys(), {}.values(), {}.items(), reversed([]), map(len, []), zip(), enumerate([])]\nreturn [[isinstance(v, A) for A in (Iterable, Hashable, Sized, Container, Collection, Iterator, Reversible, Callable, Generator)] for v in vals]`,
  `import collections.abc as c\nvals = [1, 'a', [1], (1,), {1:2}, {1}, frozenset(), None, b'x', bytearray(), range(3), {}.keys(), {}.values(), {}.items(), memoryview(b'')]\nnames = ['Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView', 'Sequence', 'MutableSequence', 'ByteString']\nreturn [[n for n in names if isinstance(v, getattr(c, n))] for v in vals]`,
  `import collections, collections.abc as c\nvals = [collections.OrderedDict(), collections.Counter(), collections.defaultdict(), collections.deque(), collections.ChainMap(), collections.UserDict(), collections.UserList(), collections.UserString('')]\nnames = ['Set', 'MutableSet', 'Mapping', 'MutableMapping', 'Sequence', 'MutableSequence', 'Reversible', 'Hashable', 'Iterable', 'Sized', 'Collection']\nreturn [[n for n in names if isinstance(v, getattr(c, n))] for v in vals]`,
  `from collections.abc import Hashable, Iterable, Sized, Callable, Iterator, Reversible, Container, Collection\nclass A: pass\nclass B:\n    def __eq__(self, o): return True\nclass C:\n    def __iter__(self): return iter([])\n    def __len__(self): return 0\n    def __contains__(self, x): return False\nclass D(C):\n    __iter__ = None\nclass E:\n    def __call__(self): pass\n    def __next__(self): pass\n    def __iter__(self): pass\n    def __reversed__(self): pass\nclass F(list): pass\nclass G(dict): pass\nts = [A, B, C, D, E, F, G, int, type, object]\nreturn [[issubclass(t, X) for X in (Hashable, Iterable, Sized, Callable, Iterator, Reversible, Container, Collection)] for t in ts]`,
  `import collections.abc as c\nclass T: pass\nc.Mapping.register(T)\nr = [isinstance(T(), c.Mapping), issubclass(T, c.Collection), issubclass(T, c.MutableMapping), c.Sequence.register(T) is T]\nr.append(issubclass(T, c.Reversible))\ntry:\n    c.Sized.register(3)\nexcept TypeError as e:\n    r.append(str(e))\nreturn r`,
  `import collections.abc as c\nreturn [issubclass(dict, c.Mapping), issubclass(list, c.Sequence), issubclass(str, c.MutableSequence), issubclass(bytes, c.ByteString), issubclass(c.MutableMapping, c.Mapping), issubclass(c.KeysView, c.Set), repr(c.Mapping[str, int]), repr(c.Iterable[int]), c.Sequence[int].__origin__ is c.Sequence, c.Hashable.__module__, c.Mapping.__qualname__, c.Mapping.__name__]`,
  `import collections.abc as c\nclass D(dict): pass\nclass L(list): pass\nclass T(tuple): pass\nclass S(str): pass\nclass FS(frozenset): pass\nclass B(bytes): pass\nts = [D, L, T, S, FS, B, bool, float, complex, type(None)]\nnames = ['Hashable', 'Iterable', 'Reversible', 'Sized', 'Container', 'Collection', 'Sequence', 'MutableSequence', 'Mapping', 'MutableMapping', 'Set', 'MutableSet', 'ByteString', 'Callable']\nreturn [[n for n in names if issubclass(t, getattr(c, n))] for t in ts]`,
  `import collections.abc as c\nimport functools, itertools, operator, datetime, re\nvals = [functools.partial(len), itertools.count(), itertools.chain(), operator.itemgetter(1), datetime.date(2020, 1, 1), datetime.timedelta(1), re.compile('a'), re.match('a', 'a'), slice(1), property(), print, str.lower, [].append, iter(range(10**20)), reversed({}), iter(b''), iter(bytearray()), reversed(range(3))]\nnames = ['Hashable', 'Iterable', 'Iterator', 'Reversible', 'Sized', 'Container', 'Collection', 'Callable', 'Generator']\nreturn [[n for n in names if isinstance(v, getattr(c, n))] for v in vals]`,
  `import collections.abc as c\ndef g():\n    yield 1\nclass It:\n    def __iter__(self): return self\n    def __next__(self): raise StopIteration\nclass Gen(It):\n    def send(self, v): pass\n    def throw(self, *a): pass\n    def close(self): pass\nreturn isinstance(g(), c.Generator), isinstance(g(), c.Iterator), isinstance(It(), c.Iterator), isinstance(It(), c.Generator), isinstance(Gen(), c.Generator), isinstance(g, c.Callable), isinstance(It, c.Callable)`,
  `import collections.abc as c\nclass A: pass\nc.Sized.register(A)\nc.Iterable.register(A)\nreturn issubclass(A, c.Sized), issubclass(A, c.Collection), issubclass(A, c.Iterable), isinstance(A(), c.Hashable)`,
  `import collections.abc as c\nclass Mine(c.Mapping): pass\nclass Other: pass\nMine.register(Other)\nreturn issubclass(Other, c.Mapping), issubclass(Other, c.Collection), issubclass(Other, c.MutableMapping), issubclass(Other, Mine)`,
  `import collections.abc as c\ntry:\n    c.Mapping.register(c.Sized)\nexcept RuntimeError as e:\n    r = str(e)\nreturn r, c.Sized.register(dict) is dict`,
  `import collections.abc as c\nclass A(c.Iterable):\n    def __iter__(self): return iter([1])\nclass B(A): pass\nreturn issubclass(B, c.Iterable), list(B()), B.__mro__ == (B, A, c.Iterable, object), A.__abstractmethods__ == frozenset()`,
  `import collections.abc as c\nmatch {'a': 1}:\n    case {'a': x}:\n        r = x\nreturn r, isinstance({}, c.Mapping), isinstance([], c.Sequence)`,
  `import collections.abc as c\nclass Sub(c.Sized):\n    def __len__(self): return super().__len__() + 1\nclass H(c.Hashable):\n    def __hash__(self): return super().__hash__()\nreturn len(Sub()), hash(H()), c.Container.__contains__(None, 1), c.Sized.__len__(None)\n`,
];

/** A condition's subclasses: the mixins run through its own methods, abstract methods refused as object.__new__ words it. */
const MIXINS = [
  `import collections\nreturn collections.abc.Sequence.__abstractmethods__, collections.abc.Mapping.__abstractmethods__, collections.abc.MutableSequence.__abstractmethods__, collections.abc.Set.__abstractmethods__`,
  `from collections.abc import Mapping\nclass M(Mapping):\n    pass\ntry:\n    M()\nexcept TypeError as e:\n    return str(e)\n`,
  `from collections.abc import Mapping\nclass M(Mapping):\n    def __init__(self, d): self.d = d\n    def __getitem__(self, k): return self.d[k]\n    def __iter__(self): return iter(self.d)\n    def __len__(self): return len(self.d)\n    def __repr__(self): return 'M()'\nm = M({'a': 1, 'b': 2})\nreturn list(m.keys()), list(m.items()), list(m.values()), m.get('a'), m.get('z', 5), 'a' in m, m == {'a': 1, 'b': 2}, repr(m.keys()), repr(m.items()), m.keys() & {'a'}, m.items() | {('c', 3)}, isinstance(m, dict), type(m).__mro__, ('a', 1) in m.items(), 2 in m.values(), len(m.keys()), m.keys() == {'a', 'b'}, m.keys() < {'a', 'b', 'c'}, m.keys() - {'a'}, {'a', 'q'} - m.keys(), m.keys() ^ {'a', 'q'}, m.keys().isdisjoint({'z'})`,
  `from collections.abc import MutableMapping\nclass D(MutableMapping):\n    def __init__(self): self.d = {}\n    def __getitem__(self, k): return self.d[k]\n    def __setitem__(self, k, v): self.d[k] = v\n    def __delitem__(self, k): del self.d[k]\n    def __iter__(self): return iter(self.d)\n    def __len__(self): return len(self.d)\nd = D()\nd['x'] = 1\nd.update({'y': 2}, z=3)\nd.update([('w', 4)])\nr = [d.pop('x'), d.pop('nope', 9), d.setdefault('y', 7), d.setdefault('n', 8), d.popitem(), dict(d)]\nd.clear()\nr.append(len(d))\ntry:\n    d.popitem()\nexcept KeyError as e:\n    r.append(repr(e))\ntry:\n    d.pop('q')\nexcept KeyError as e:\n    r.append(repr(e))\nreturn r`,
  `from collections.abc import Sequence, MutableSequence\nclass S(Sequence):\n    def __init__(self, *a): self.a = list(a)\n    def __getitem__(self, i): return self.a[i]\n    def __len__(self): return len(self.a)\ns = S(1, 2, 3, 2)\nr = [list(s), 2 in s, 5 in s, list(reversed(s)), s.index(2), s.index(2, 2), s.index(2, -2), s.count(2)]\ntry:\n    s.index(9)\nexcept ValueError as e:\n    r.append(repr(e))\nclass L(MutableSequence):\n    def __init__(self): self.a = []\n    def __getitem__(self, i): return self.a[i]\n    def __setitem__(self, i, v): self.a[i] = v\n    def __delitem__(self, i): del self.a[i]\n    def insert(self, i, v): self.a.insert(i, v)\n    def __len__(self): return len(self.a)\nl = L()\nl.append(1); l.extend([2, 3, 4]); l += [5]\nl.reverse()\nr.append(l.a[:])\nr.append(l.pop()); r.append(l.pop(0)); l.remove(3); r.append(l.a[:])\nl.extend(l)\nr.append(l.a[:])\nl.clear(); r.append(l.a)\nr.append(isinstance(l, Sequence))\nreturn r`,
  `from collections.abc import MutableSet, Set\nclass S(MutableSet):\n    def __init__(self, it=()): self.s = set(it)\n    def __contains__(self, x): return x in self.s\n    def __iter__(self): return iter(sorted(self.s))\n    def __len__(self): return len(self.s)\n    def add(self, x): self.s.add(x)\n    def discard(self, x): self.s.discard(x)\na = S([1, 2, 3]); b = S([2, 3, 4])\nr = [sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= b, a < S([1,2,3,4]), a == S([3,2,1]), a != b, type(a & b).__name__, sorted([1, 5] - a), sorted({1, 9} & a), a._hash() == frozenset([1,2,3]).__hash__()]\na |= [7]; a -= [1]; a ^= [2, 8]; a &= [3, 7, 8, 10]\nr.append(sorted(a.s))\nr.append(a.pop()); a.remove(7)\ntry:\n    a.remove(100)\nexcept KeyError as e:\n    r.append(repr(e))\na.clear(); r.append(len(a))\nreturn r`,
  `import collections.abc as c\ntry:\n    c.Hashable[int]\nexcept TypeError as e:\n    return str(e)`,
  `from collections.abc import Sequence\nclass S(Sequence):\n    pass\ntry:\n    S()\nexcept TypeError as e:\n    return str(e)\n`,
  `from collections.abc import Iterator, Iterable\nclass Count(Iterator):\n    def __init__(self, n): self.n = n\n    def __next__(self):\n        if self.n == 0: raise StopIteration\n        self.n -= 1\n        return self.n\nc = Count(3)\nreturn list(c), iter(c) is c, isinstance(c, Iterable), Iterator.__iter__(c) is c`,
  `from collections.abc import Sequence\nclass S(Sequence):\n    def __getitem__(self, i):\n        if i >= 3: raise IndexError(i)\n        return i * 10\n    def __len__(self): return 3\ns = S()\nit = iter(s)\nreturn next(it), type(it).__name__, list(it), list(reversed(s)), s.index(20), 30 in s, s.count(10)`,
  `from collections.abc import MutableMapping\nclass M(MutableMapping):\n    def __getitem__(self, k): return 1\ntry:\n    M()\nexcept TypeError as e:\n    return str(e)`,
  `from collections.abc import MutableSet\ntry:\n    MutableSet()\nexcept TypeError as e:\n    return str(e)`,
  `import collections.abc as c\nreturn [c.Mapping[str, int].__args__, c.Iterable[int] == c.Iterable[int], c.Sequence[int] | None, c.MutableMapping[str, list[int]], c.KeysView[str]]`,
  `import collections.abc as c\nclass M(c.Mapping):\n    def __init__(self, d): self.d = d\n    def __getitem__(self, k): return self.d[k]\n    def __iter__(self): return iter(self.d)\n    def __len__(self): return len(self.d)\nreturn M[int], M({1: 2}) == M({1: 2}), M({1: 2}) != {1: 3}, M({}) == [], reversed.__name__ if True else 0`,
  `import collections.abc as c\nclass M(c.Mapping):\n    def __getitem__(self, k): raise KeyError(k)\n    def __iter__(self): return iter([])\n    def __len__(self): return 0\ntry:\n    reversed(M())\nexcept TypeError as e:\n    r = str(e)\ntry:\n    hash(M())\nexcept TypeError as e:\n    return r, str(e)`,
  `import collections.abc as c\nkv = c.KeysView({'a': 1, 'b': 2})\niv = c.ItemsView({'a': 1})\nvv = c.ValuesView({'a': 1})\nreturn repr(kv), len(kv), sorted(kv), 'a' in kv, repr(iv), ('a', 1) in iv, ('a', 2) in iv, 1 in vv, list(vv), kv == {'a', 'b'}, type(kv | {'z'}).__name__`,
  `import collections.abc as c\nclass A(c.Sized):\n    def __len__(self): return 4\nclass B(c.Hashable):\n    def __hash__(self): return 5\nclass C(c.Container):\n    def __contains__(self, x): return x == 1\nclass D(c.Callable):\n    def __call__(self): return 'called'\nreturn len(A()), hash(B()), 1 in C(), 2 in C(), D()(), isinstance(D(), c.Callable)`,
  `import collections\nfrom collections.abc import Mapping\nclass M(Mapping):\n    def __init__(self, d): self.d = d\n    def __getitem__(self, k): return self.d[k]\n    def __iter__(self): return iter(self.d)\n    def __len__(self): return len(self.d)\nu = collections.UserDict()\nu.update(M({'a': 1}))\nreturn u == M({'a': 1}), dict(u), collections.ChainMap({'a': 1}) == M({'a': 1})`,
];

/** The classes themselves: imports, order, abstract names, reprs. */
const CLASSES = [
  `import collections.abc\nfrom collections.abc import Sized\nimport collections\nreturn collections.abc is collections.abc, Sized is collections.abc.Sized, collections.abc.__name__, [getattr(collections.abc, n).__name__ for n in ['Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator', 'Hashable', 'Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized', 'Container', 'Callable', 'Collection', 'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView', 'Sequence', 'MutableSequence', 'ByteString']]`,
  `import collections.abc as c\nreturn [(n, [b.__name__ for b in getattr(c, n).__mro__]) for n in ['Set', 'MutableSet', 'KeysView', 'ItemsView', 'ValuesView', 'MutableMapping', 'MutableSequence', 'ByteString', 'Generator', 'Coroutine', 'AsyncGenerator', 'Callable']]`,
  `import collections.abc as c\nNAMES = ['Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator', 'Hashable', 'Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized', 'Container', 'Callable', 'Collection', 'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView', 'Sequence', 'MutableSequence', 'ByteString']\nreturn [(n, sorted(getattr(c, n).__abstractmethods__)) for n in sorted(NAMES)]`,
  `import collections.abc as c\nNAMES = ['Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator', 'Hashable', 'Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized', 'Container', 'Callable', 'Collection', 'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView', 'Sequence', 'MutableSequence', 'ByteString']\nreturn [repr(getattr(c, n)) for n in NAMES], type(c.Sized).__name__`,
];

it('answers isinstance and issubclass as CPython does', () => {
  expect(compareWithCPython(CHECKS)).toEqual([]);
});

it('gives a subclass the mixins as CPython does', () => {
  expect(compareWithCPython(MIXINS)).toEqual([]);
});

it('makes the classes as CPython does', () => {
  expect(compareWithCPython(CLASSES)).toEqual([]);
});

/** Where the classes are asked beyond isinstance: typing's aliases of them, match statements' patterns (Py_TPFLAGS_MAPPING and _SEQUENCE, set on a subclass and by register()), UserDict's update. */
const ELSEWHERE = [
  `import typing\nreturn isinstance([], typing.Iterable), isinstance(1, typing.Iterable), issubclass(dict, typing.Mapping), isinstance((1,), typing.Sequence), isinstance(len, typing.Callable), isinstance(iter([]), typing.Iterator), issubclass(set, typing.Sequence)`,
  `import collections.abc as c\nfrom collections.abc import Mapping, Sequence\nclass M(Mapping):\n    def __init__(self, d): self.d = d\n    def __getitem__(self, k): return self.d[k]\n    def __iter__(self): return iter(self.d)\n    def __len__(self): return len(self.d)\nclass S(Sequence):\n    def __getitem__(self, i): return [1, 2][i]\n    def __len__(self): return 2\nr = []\nfor v in (M({'a': 1}), S()):\n    match v:\n        case {'a': x}:\n            r.append(('map', x))\n        case [a, b]:\n            r.append(('seq', a, b))\n        case _:\n            r.append('none')\nreturn r`,
  `import collections.abc as c\nclass P:\n    def __init__(self): self.d = {'a': 1}\n    def __getitem__(self, k): return self.d[k]\n    def __iter__(self): return iter(self.d)\n    def __len__(self): return len(self.d)\n    def keys(self): return self.d.keys()\nc.Mapping.register(P)\nmatch P():\n    case {'a': x}:\n        return x\n    case _:\n        return 'no'`,
  `from collections.abc import Mapping, Sequence\nclass Foo: pass\nclass X(Foo, Mapping):\n    def __getitem__(s, k): return 1\n    def __iter__(s): return iter(['a'])\n    def __len__(s): return 1\nclass Q:\n    def __getitem__(s, i): return [7, 8][i]\n    def __len__(s): return 2\nclass Q2(Q): pass\nSequence.register(Q)\nclass Q3(Q): pass\nr = []\nfor v in (X(), Q(), Q2(), Q3(), Foo()):\n    match v:\n        case {'a': x}: r.append(('map', x))\n        case [a, b]: r.append(('seq', a, b))\n        case _: r.append('no')\nreturn r`,
  // a class that is a Mapping by a hook only: Lib/collections' isinstance() finds it, a mapping pattern (no flag) does not
  `import collections, collections.abc as c\nclass Hooked(c.Mapping):\n    @classmethod\n    def __subclasshook__(cls, C):\n        return True if C.__name__ == 'P2' else NotImplemented\nclass P2:\n    def __init__(self): self.d = {'a': 1, 'b': 2}\n    def __getitem__(self, k): return self.d[k]\n    def __iter__(self): return iter(self.d)\n    def __len__(self): return len(self.d)\nu = collections.UserDict()\nu.update(P2())\nm = collections.ChainMap({})\nm.update(P2())\nmatch P2():\n    case {'a': x}:\n        r = 'mapping'\n    case _:\n        r = 'no'\nreturn dict(u), dict(m), r, isinstance(P2(), c.Mapping)`,
];

it('answers typing\'s aliases and match patterns as CPython does', () => {
  expect(compareWithCPython(ELSEWHERE)).toEqual([]);
});

/** A condition's hooks that raise or ask again, on its subclass of a shared class: CPython's error, reached through the module's classes. */
const HOOKS = [
  `import collections.abc as c\nclass A(c.Iterable):\n    @classmethod\n    def __subclasshook__(cls, C):\n        raise KeyError('k')\nclass Z: pass\ntry:\n    isinstance(Z(), c.Iterable)\nexcept KeyError as e:\n    return repr(e), isinstance([], c.Iterable)`,
  `import collections.abc as c\nclass A(c.Sized):\n    @classmethod\n    def __subclasshook__(cls, C):\n        return C.__name__ == 'Z'\nclass Z: pass\nclass Y: pass\nreturn issubclass(Z, c.Sized), issubclass(Y, c.Sized), issubclass(Z, c.Collection), isinstance(Z(), A)`,
  // last: CPython's cases share one process, where this class stays among Sized's subclasses
  `import collections.abc as c\nclass A(c.Sized):\n    @classmethod\n    def __subclasshook__(cls, C):\n        return 1\nclass W: pass\ntry:\n    issubclass(W, c.Sized)\nexcept AssertionError as e:\n    return str(e)`,
];

it('asks a condition\'s hooks on its subclasses as CPython does', () => {
  expect(compareWithCPython(HOOKS)).toEqual([]);
});

it('keeps each run\'s registrations to itself, and holds hostile checks to the limits', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source });
  // a registration on a shared class, and a subclass of one, last for their run only
  expect(run(`import collections.abc as c\nc.Mapping.register(int)\nclass S(c.Sized): pass\nS.register(float)\nreturn isinstance(1, c.Mapping), issubclass(int, c.Collection), issubclass(float, c.Sized)`).repr).toBe('(True, True, True)');
  expect(run(`import collections.abc as c\nreturn isinstance(1, c.Mapping), issubclass(int, c.Collection), issubclass(float, c.Sized), issubclass(dict, c.Mapping)`).repr).toBe('(False, False, False, True)');
  // nor does a run's cache of answers outlive it
  expect(run(`import collections.abc as c\nclass Z: pass\nreturn issubclass(Z, c.Iterable), issubclass(list, c.Sequence)`).repr).toBe('(False, True)');
  expect(run(`import collections.abc as c\nc.Iterable.register(int)\nreturn issubclass(int, c.Iterable)`).repr).toBe('True');
  expect(run(`import collections.abc as c\nreturn issubclass(int, c.Iterable)`).repr).toBe('False');
  // a hook that asks the same question again: each level a frame
  expect(run(`import collections.abc as c\nclass A(c.Sized):\n    @classmethod\n    def __subclasshook__(cls, C):\n        return issubclass(C, c.Sized)\nclass Z: pass\nissubclass(Z, c.Sized)`).error).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  // a chain of subclasses, each registered on the next: register() asks down the chain (CPython's RecursionError at some hundreds), paid a step a level
  expect(run(`import collections.abc as c\nprev = int\nfor i in range(1500):\n    class A(c.Mapping): pass\n    A.register(prev)\n    prev = A\nreturn issubclass(float, c.Mapping)`).error).toMatch(/^(RecursionError: maximum recursion depth exceeded|StepLimitError: condition exceeded its budget of 100000 steps)$/);
  // a deep line of subclasses of a shared class, each asked in turn
  expect(run(`import collections.abc as c\nprev = c.Mapping\nfor i in range(150):\n    class A(prev): pass\n    prev = A\nclass Z: pass\nreturn issubclass(Z, c.Mapping), issubclass(A, c.Collection), isinstance({}, A)`).repr).toBe('(False, True, False)');
  // many registrations, and many subclasses, each asked in turn: paid for a step each
  expect(run(`import collections.abc as c\nfor i in range(40000):\n    class T: pass\n    c.Sized.register(T)\nfor i in range(10):\n    class Z: pass\n    issubclass(Z, c.Sized)`).error).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
  expect(run(`import collections.abc as c\nfor i in range(20000):\n    class T(c.Sized): pass\nfor i in range(20):\n    class Z: pass\n    issubclass(Z, c.Sized)`).error).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
});
