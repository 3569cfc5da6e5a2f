/** copy against CPython 3.11's Lib/copy.py: shallow and deep copies of the builtin values, of a condition's classes (their __copy__ and __deepcopy__, or as __reduce_ex__(4) rebuilds them), memo and cycles, errors, and the depth where RecursionError comes. */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { original } from '../support/original.js';

const CASES = [
  `import copy
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(9)
a[2]['k'].append(8)
return b, c, b is a, b[1] is a[1], c[1] is a[1], c[2] is a[2]`,
  `import copy
xs = [None, 1, 2**70, 1.5, True, 'str', b'by', (1, 2), frozenset({1}), range(3), slice(1, 2), 1j, ..., NotImplemented, len, int, str]
return [copy.copy(x) is x for x in xs], [copy.deepcopy(x) is x for x in xs]`,
  `import copy
t = (1, [2])
u = (1, (2, 'x'))
return copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.deepcopy(u) is u, copy.copy(t) is t`,
  `import copy
d = {'a': [1], 'b': {'c': 2}}
e = copy.copy(d)
f = copy.deepcopy(d)
return e == d, e is d, e['a'] is d['a'], f['a'] is d['a'], f == d, list(f)`,
  `import copy
s = {1, 2, 3}
fs = frozenset({(1, 2)})
ba = bytearray(b'xy')
return copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy(s) == s, copy.deepcopy(fs) == fs, copy.deepcopy(fs) is fs, copy.copy(ba), copy.copy(ba) is ba, copy.deepcopy(ba), copy.deepcopy(ba) is ba`,
  `import copy
a = [1]
a.append(a)
b = copy.deepcopy(a)
return b[1] is b, b is not a, len(b)`,
  `import copy
d = {}
d['self'] = d
l = [d, d]
m = copy.deepcopy(l)
return m[0] is m[1], m[0]['self'] is m[0], m[0] is not d`,
  `import copy
shared = [1]
x = [shared, shared, (shared,)]
y = copy.deepcopy(x)
return y[0] is y[1], y[2][0] is y[0], y[0] is not shared`,
  `import copy
class P:
    def __init__(self, x):
        self.x = x
        self.calls = ['init']
    def __repr__(self):
        return 'P(%r, %r)' % (self.x, self.calls)
p = P([1, 2])
q = copy.copy(p)
r = copy.deepcopy(p)
p.x.append(3)
return q, r, q.x is p.x, r.x is p.x, type(q).__name__, q is p`,
  `import copy
class E:
    pass
e = E()
f = copy.copy(e)
g = copy.deepcopy(e)
return type(f) is E, f is e, type(g) is E, g is e`,
  `import copy
class C:
    def __init__(self):
        self.v = 1
    def __copy__(self):
        return 'copied'
    def __deepcopy__(self, memo):
        return ('deep', type(memo).__name__)
return copy.copy(C()), copy.deepcopy(C()), copy.deepcopy([C(), C()])`,
  `import copy
class Node:
    def __init__(self, v):
        self.v = v
        self.next = None
a = Node(1)
b = Node(2)
a.next = b
b.next = a
c = copy.deepcopy(a)
return c.v, c.next.v, c.next.next is c, c is not a`,
  `import copy
class L(list):
    def append(self, x):
        super().append(('appended', x))
l = L([1, 2])
l.tag = 'x'
m = copy.copy(l)
n = copy.deepcopy(l)
return m, n, type(m).__name__, m.tag, n.tag`,
  `import copy
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, ('set', v))
d = D(a=1)
d.tag = [1]
e = copy.copy(d)
f = copy.deepcopy(d)
return e, f, type(e).__name__, e.tag, f.tag, f.tag is d.tag`,
  `import copy
class S(set):
    def __init__(self, *a):
        print('init')
        super().__init__(*a)
        self.inits = getattr(self, 'inits', 0) + 1
s = S([1, 2])
t = copy.copy(s)
return sorted(t), type(t).__name__, t.inits`,
  `import copy
class T(tuple):
    pass
class I(int):
    pass
class St(str):
    pass
class F(float):
    pass
t = T((1, [2]))
i = I(5)
i.a = 1
return copy.copy(t), type(copy.copy(t)).__name__, copy.copy(t) is t, copy.deepcopy(t)[1] is t[1], copy.copy(i), type(copy.copy(i)).__name__, copy.copy(i).a, copy.deepcopy(St('ab')), type(copy.deepcopy(St('ab'))).__name__, copy.copy(F(1.5)), type(copy.copy(F(2.0))).__name__`,
  `import copy
class MyErr(Exception):
    def __init__(self, a, b=2):
        super().__init__(a, b)
        self.extra = [a]
e = MyErr(1)
f = copy.copy(e)
g = copy.deepcopy(e)
return f.args, g.args, f.extra, g.extra is e.extra, f.extra is e.extra, type(f).__name__, str(copy.copy(KeyError('k'))), copy.deepcopy(ValueError('v', [1])).args`,
  `import copy
def g():
    yield 1
return copy.copy(g())`,
  `import copy
return copy.deepcopy(g for g in [1])`,
  `import copy, math
return copy.copy(math)`,
  `import copy
return copy.copy({}.keys())`,
  `import copy
return copy.copy(memoryview(b'x'))`,
  `import copy
return copy.copy()`,
  `import copy
return copy.copy(1, 2)`,
  `import copy
return copy.deepcopy(1, {}, [], 4)`,
  `import copy
return copy.deepcopy([1], [])`,
  `import copy
return copy.deepcopy(x=[1], memo=None), copy.copy(x=[2])`,
  `import copy
memo = {}
a = [1]
b = copy.deepcopy(a, memo)
c = copy.deepcopy(a, memo)
return b is c, len(memo)`,
  `import copy
try:
    raise copy.Error('x')
except copy.error as e:
    return str(e), type(e).__name__, issubclass(copy.Error, Exception), copy.Error is copy.error`,
  `import copy, collections
c = collections.Counter('abca')
od = collections.OrderedDict([('b', 1), ('a', [2])])
dd = collections.defaultdict(list, {'x': [1]})
dq = collections.deque([1, [2]], maxlen=5)
return copy.copy(c), copy.deepcopy(c), copy.copy(od), copy.deepcopy(od), copy.copy(dd), copy.deepcopy(dd), copy.copy(dq), copy.deepcopy(dq), copy.deepcopy(dd)['x'] is dd['x'], copy.copy(dd)['x'] is dd['x'], copy.deepcopy(dq)[1] is dq[1]`,
  `import copy, collections
P = collections.namedtuple('P', 'x y')
p = P(1, [2])
return copy.copy(p), copy.deepcopy(p), copy.deepcopy(p).y is p.y, copy.copy(p).y is p.y, type(copy.copy(p)).__name__`,
  `import copy, re, datetime
pat = re.compile('a')
m = pat.match('a')
d = datetime.date(2024, 1, 2)
return copy.copy(pat) is pat, copy.deepcopy(pat) is pat, copy.copy(m) is m, copy.deepcopy(re.I) is re.I, copy.copy(d) == d, copy.deepcopy(datetime.timedelta(1)) == datetime.timedelta(1)`,
  `import copy
def nest(n):
    x = []
    for i in range(n):
        x = [x]
    return x
return copy.deepcopy(nest(400)) == nest(400)`,
  `import copy
def nest(n):
    x = []
    for i in range(n):
        x = [x]
    return x
return copy.deepcopy(nest(600)) == 1`,
  `import copy
def nest(n):
    x = ()
    for i in range(n):
        x = (x, [])
    return x
return copy.deepcopy(nest(300))[1] is not None`,
  `import copy
def nest(n):
    x = ()
    for i in range(n):
        x = (x, [])
    return x
return copy.deepcopy(nest(400))`,
  `import copy
class N:
    pass
def chain(n):
    x = None
    for i in range(n):
        y = N()
        y.next = x
        x = y
    return x
return copy.deepcopy(chain(300)) is None`,
  `import copy
class R:
    def __copy__(self):
        return copy.copy(self)
return copy.copy(R())`,
  `import copy
class Node:
    def __init__(self, v):
        self.v = v
        self.next = None
    def __deepcopy__(self, memo):
        n = Node(self.v * 10)
        n.next = copy.deepcopy(self.next, memo)
        return n
a = Node(1)
a.next = Node(2)
b = copy.deepcopy([a, a])
return b[0].v, b[0].next.v, b[0] is b[1]`,
  `import copy
class C:
    def __init__(self):
        self.items = [1]
    def __copy__(self):
        c = C()
        c.items = self.items + ['copied']
        return c
x = C()
return copy.copy(x).items, copy.deepcopy(x).items is x.items, copy.copy([x])[0] is x`,
  `import copy
class C:
    @staticmethod
    def __copy__():
        return 'static'
return copy.copy(C())`,
  `import copy
class C:
    def __deepcopy__(self, memo, extra):
        return 1
return copy.deepcopy(C())`,
  `import copy
class C:
    def __copy__(self):
        raise ValueError('no copies')
try:
    copy.copy(C())
except ValueError as e:
    return str(e)`,
  `import copy
class B:
    def __deepcopy__(self, memo):
        return 'B'
class C(B):
    pass
return copy.deepcopy(C()), copy.deepcopy({'k': C()}), copy.copy(C()) is not None`,
  `import copy
a = [1, 2]
d = {'x': a, 'y': (a, [a])}
e = copy.deepcopy(d)
return e['x'] is e['y'][0], e['y'][1][0] is e['x'], e == d`,
  `import copy
return copy.deepcopy(slice(1, [2])), copy.deepcopy(slice(1, [2])) == slice(1, [2]), copy.copy(slice(1, 2)) is not None`,
  `import copy
class L(list):
    def __len__(self):
        return 7
class T(tuple):
    def __len__(self):
        return 9
l = L([1, [2]])
t = T((1, [2]))
a, b, c, d = copy.copy(l), copy.deepcopy(l), copy.copy(t), copy.deepcopy(t)
return list(a), list(b), type(a).__name__, len(b), tuple(c), tuple(d), type(d).__name__, d[1] is t[1], c is t`,
  `import copy
class D(dict):
    def items(self):
        return [('fake', 1)]
d = D(a=1)
return copy.copy(d), copy.deepcopy(d)`,
  `import copy
class P:
    pass
p = P()
p.me = p
q = copy.deepcopy(p)
return q.me is q, q is not p`,
  `import copy
e = ValueError('x')
e.note = [1]
f = copy.deepcopy(e)
return f.args, f.note, f.note is e.note, type(f).__name__`,
  `import copy
class K(KeyError):
    pass
return repr(copy.copy(K('a', 'b'))), repr(copy.deepcopy(K()))`,
  `import copy
class A:
    def __init__(self):
        raise ValueError('init must not run')
a = 1
class B:
    def __init__(self, x):
        self.x = x
        print('init')
b = B(5)
c = copy.copy(b)
return c.x`,
  `import copy, hashlib
return copy.copy(hashlib.md5())`,
  `import copy, hashlib
return copy.deepcopy(hashlib.blake2b())`,
  `import copy
return copy.deepcopy({1: 2}.items())`,
  `import copy
return copy.deepcopy(memoryview(b''))`,
  // a class of a metaclass (ABCMeta's, EnumType's) is a class: copied as itself, as issubclass(cls, type) finds it
  `import copy, abc, enum, numbers, collections.abc
class A(abc.ABC): pass
class E(enum.Enum):
    a = 1
return [copy.copy(c) is c and copy.deepcopy(c) is c for c in (A, E, numbers.Real, collections.abc.Mapping)], copy.deepcopy([numbers.Integral, A])[1] is A`,
  // a mappingproxy (types.MappingProxyType's, a class's __dict__) has no reduction: "cannot pickle"
  `import copy, types
class C: pass
out = []
for f in [lambda: copy.copy(types.MappingProxyType({'a': [1]})), lambda: copy.deepcopy(types.MappingProxyType({})), lambda: copy.copy(C.__dict__), lambda: copy.deepcopy([C.__dict__])]:
    try:
        out.append(f())
    except TypeError as e:
        out.append(str(e))
return out`,
  // a subclass of OrderedDict, defaultdict or deque: its own reduce or __copy__ calls the subclass, whose __init__ may want arguments
  `import copy
from collections import OrderedDict
class O2(OrderedDict):
    def __init__(self, a, b): super().__init__()
class O(OrderedDict):
    pass
o = O(b=1, a=2); o.move_to_end('b'); o.t = 1
r = [copy.copy(o), copy.deepcopy(o), vars(copy.copy(o))]
for f in [lambda: copy.copy(O2(1, 2)), lambda: copy.deepcopy(O2(1, 2))]:
    try:
        r.append(f())
    except TypeError as e:
        r.append(str(e))
return r`,
  `import copy
from collections import deque, defaultdict
class Q(deque):
    def __init__(self, *a):
        log.append(a)
        super().__init__(*a)
log = []
r = [copy.deepcopy(Q([1])), copy.copy(Q([1])), Q([1]).copy(), copy.deepcopy(Q([1], 2)), copy.copy(Q([1], 2))]
return r, log`,
  `import copy
from collections import deque, defaultdict
class Q(deque):
    def __init__(self, a, b): super().__init__()
class D2(defaultdict):
    def __init__(self, a, b): super().__init__()
r = []
for f in [lambda: copy.copy(Q(1, 2)), lambda: copy.deepcopy(Q(1, 2)), lambda: Q(1,2).copy(), lambda: copy.copy(D2(1,2)), lambda: copy.deepcopy(D2(1,2)), lambda: D2(1, 2).copy()]:
    try:
        x = f()
        r.append((type(x).__name__, x))
    except Exception as e:
        r.append((type(e).__name__, str(e)))
return r`,
  `import copy
from collections import defaultdict
class D(defaultdict):
    def __init__(self, *a):
        log.append(a)
        super().__init__(*a)
log = []
d = D(list, {'a': [1]})
r = [copy.copy(d), copy.deepcopy(d), d.copy()]
return r, log, r[1]['a'] is d['a'], r[0]['a'] is d['a']`,
];

it('copies and deep-copies as CPython does', () => {
  expect(compareWithCPython(CASES, new Engine({ maxMillis: 10_000 }))).toEqual([]);
});

/**
 * A nested value: each level is Lib/copy.py's frames (deepcopy and _deepcopy_list, a tuple's
 * comprehension too, an instance's _reconstruct, deepcopy of its state and _deepcopy_dict),
 * counted against CPython's recursion limit with the run's frames: RecursionError at the depth
 * and in the words of the original's `python3 -c`, at the envelope's level and a call deeper.
 */
it("raises RecursionError at CPython's depth, in its words", () => {
  const scan = (build: string, from: number, to: number) =>
    `import copy\n${build}\nfor n in range(${from}, ${to}):\n    try:\n        copy.deepcopy(nest(n))\n    except RecursionError as e:\n        return n, str(e)\nreturn 'none'`;
  const builds: [string, number, number][] = [
    ['def nest(n):\n    x = []\n    for i in range(n):\n        x = [x]\n    return x', 490, 505],
    ["def nest(n):\n    x = {}\n    for i in range(n):\n        x = {'k': x}\n    return x", 490, 505],
    ['def nest(n):\n    x = ()\n    for i in range(n):\n        x = (x, [])\n    return x', 325, 340],
    ['class N:\n    pass\ndef nest(n):\n    x = None\n    for i in range(n):\n        y = N()\n        y.next = x\n        x = y\n    return x', 240, 255],
  ];
  const engine = new Engine({ maxMillis: 60_000, maxSteps: 10_000_000 });
  const wrong: string[] = [];
  for (const [build, from, to] of builds) {
    for (const source of [scan(build, from, to), `def outer():\n${scan(build, from - 5, to).split('\n').map((l) => '    ' + l).join('\n')}\nreturn outer()`]) {
      const got = evaluator(engine, { source });
      const want = original(source);
      if ((got.error ?? got.repr) !== want) wrong.push(`${source}: got ${got.error ?? got.repr}, CPython ${want}`);
    }
  }
  expect(wrong).toEqual([]);
}, 120_000);

/** A hook that recurses is a call of its own each time: RecursionError at the limit of calls; one that loops, the step budget. */
it.each([
  ['import copy\nclass R:\n    def __deepcopy__(self, memo):\n        return copy.deepcopy(self, memo)\nreturn copy.deepcopy(R())', /^RecursionError/],
  ['import copy\nclass R:\n    def __copy__(self):\n        return copy.copy(self)\nreturn copy.copy(R())', /^RecursionError/],
  ['import copy\nclass R:\n    def __copy__(self):\n        while True:\n            pass\nreturn copy.copy(R())', /^StepLimitError/],
  ['import copy\nx = [list(range(1000)) for i in range(1000)]\nreturn copy.deepcopy(x)', /^StepLimitError/],
  ['import copy\nx = [0] * 900000\ny = [x, x]\nreturn copy.copy(x), copy.deepcopy(y)', /^(StepLimitError|MemoryError)/],
])('ends %j at the limits', (source, error) => {
  const started = performance.now();
  // the clock given room (a cold run on a loaded machine may pass 50 ms): the steps and the recursion limit are what ends these
  expect(evaluator(new Engine({ maxMillis: 10_000 }), { source }).error).toMatch(error);
  expect(performance.now() - started).toBeLessThan(3000);
});
