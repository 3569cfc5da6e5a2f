/**
 * types.SimpleNamespace (modules/simple-namespace.ts) against CPython 3.11's namespaceobject.c:
 * construction by keywords only, a live __dict__, repr (a subclass's name, a cycle, keys that are
 * no identifiers), the comparisons, hash, copy, pickle's reduce through copy, dir, json, pprint,
 * match, a condition's subclasses and their lay-out rules, and the nesting CPython's recursion
 * limit allows; then what a big namespace costs.
 */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython } from '../support/cpython.js';
import { endsOnSteps, expectCpuWithin } from '../support/cpu-budget.js';
import { nestedUnlikeOriginal } from '../support/original.js';

const BASICS: string[] = [
  "import types\nns = types.SimpleNamespace(a=1, b=2)\nreturn repr(ns), str(ns), ns.a, ns.b, vars(ns), ns.__dict__",
  "import types\ntry:\n    types.SimpleNamespace(1)\nexcept TypeError as e:\n    return str(e)",
  "import types\nns = types.SimpleNamespace()\ntry:\n    ns.x\nexcept AttributeError as e:\n    return str(e), e.name",
  "import types\nns = types.SimpleNamespace(a=1)\nns.__dict__['x'] = 5\nsetattr(ns, 'y', 6)\ndel ns.a\ndelattr(ns, 'y')\nreturn repr(ns), getattr(ns, 'x'), hasattr(ns, 'a')",
  "import types\nns = types.SimpleNamespace(a=1)\ntry:\n    del ns.zz\nexcept AttributeError as e:\n    return str(e)",
  "import types\nns = types.SimpleNamespace(a=1)\ntry:\n    hash(ns)\nexcept TypeError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\nreturn SN(a=1) == SN(a=1), SN(a=1) != SN(a=1), SN(a=1) == {'a': 1}, SN(a=1) != SN(a=2), SN() == SN()",
  "import types\nSN = types.SimpleNamespace\ntry:\n    SN(a=1) < SN(a=2)\nexcept TypeError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\nreturn type(SN()).__name__, SN.__qualname__, SN.__module__, repr(SN), SN.__mro__, SN.__bases__, SN.__base__",
  "import types\nSN = types.SimpleNamespace\nn = SN(); n.__dict__[1] = 2; n.__dict__[''] = 3; n.__dict__['a b'] = 4; n.z = n\nreturn repr(n), getattr(n, 'a b')",
  "import types\nSN = types.SimpleNamespace\nreturn repr(SN(**{'a b': 1, '': 2}))",
  "import types, json\ntry:\n    json.dumps(types.SimpleNamespace(a=1))\nexcept TypeError as e:\n    return str(e)",
  "import types, copy\nSN = types.SimpleNamespace\nx = SN(a=[1], b=SN(c=2))\ny = copy.copy(x); z = copy.deepcopy(x)\nreturn repr(y), repr(z), y.a is x.a, z.a is x.a, z.b is x.b, y == x, type(y) is SN",
  "import types\nSN = types.SimpleNamespace\nreturn dir(SN(a=1, b=2))",
  "import types\nSN = types.SimpleNamespace\nreturn dir(SN)",
  "import types\nSN = types.SimpleNamespace\nns = SN(a=1)\ntry:\n    ns.__dict__ = {}\nexcept AttributeError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\nns = SN(a=1)\ntry:\n    del ns.__dict__\nexcept AttributeError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\ntry:\n    SN.x = 1\nexcept TypeError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\nmatch SN(x=1, y=2):\n    case SN(x=1, y=yy):\n        return 'matched', yy\nreturn 'no'",
  "import types\nSN = types.SimpleNamespace\ntry:\n    match SN(x=1):\n        case SN(1):\n            return 'matched'\nexcept TypeError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\nns = SN()\nSN.__init__(ns, z=1)\nns.__init__(y=2)\nreturn repr(ns)",
  "import types\nSN = types.SimpleNamespace\ntry:\n    SN.__init__(5)\nexcept TypeError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\nreturn bool(SN()), f'{SN(a=1)!r} {SN(a=1)} {SN(a=1):}', format(SN(a=[1]), '')",
  "import types\nSN = types.SimpleNamespace\nout = []\nfor f in (lambda: len(SN()), lambda: SN()[0], lambda: SN[int], lambda: iter(SN()), lambda: SN() + 1):\n    try:\n        out.append(f())\n    except TypeError as e:\n        out.append(str(e))\nreturn out",
  "import types\nSN = types.SimpleNamespace\nreturn SN.__new__(SN, 1, 2, x=3), type(SN.__new__(SN)) is SN",
  "import types\nSN = types.SimpleNamespace\nx = SN(a=float('nan'))\nreturn x == x, [x] == [x], x in [SN(a=1), x]\n",
  "import types, pprint\nSN = types.SimpleNamespace\nn = SN(aaaaaaaaaaaaa=list(range(30)), b=SN(c=1))\nreturn pprint.pformat(n)",
  "import types, pprint\nn = types.SimpleNamespace(aaaaaaaaaaaaaaaaaaaaaaaaaa=1, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb=2, ccccccccccccccccccccccc=3)\nn.__dict__[5] = 1\ntry:\n    return pprint.pformat(n)\nexcept TypeError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\nout = []\nfor f in (lambda: delattr(SN, '__eq__'), lambda: delattr(SN, '__repr__'), lambda: type.__setattr__(SN, 'x', 1), lambda: setattr(SN, '__hash__', lambda s: 1), lambda: type.__delattr__(SN, '__init__')):\n    try:\n        f()\n        out.append('ok')\n    except (TypeError, AttributeError) as e:\n        out.append(type(e).__name__ + ': ' + str(e))\nreturn out, repr(SN(a=1)), SN(a=1) == SN(a=1)",
  "import types\nSN = types.SimpleNamespace\nns = SN(a=1, b=2, c=3)\nclass V:\n    def __repr__(self):\n        ns.__dict__.pop('c', None)\n        ns.d = 4\n        return 'v'\nns.a = V()\nreturn repr(ns), repr(ns)",
  "import types\nSN = types.SimpleNamespace\na = SN(x=1, y=2)\nb = SN(x=1, y=2)\nclass E:\n    def __eq__(self, o):\n        b.__dict__.clear()\n        return True\na.x = E()\nb.x = E()\ntry:\n    return a == b\nexcept Exception as e:\n    return type(e).__name__, str(e)",
  "import types\nSN = types.SimpleNamespace\nclass N(SN):\n    def __init__(self):\n        pass\nn = N()\nn.q = 1\nreturn repr(n), n == SN(q=1), vars(n)"
];

it("makes, prints, compares, copies and refuses SimpleNamespace's instances as CPython does", () => {
  expect(compareWithCPython(BASICS)).toEqual([]);
});

const SUBCLASS: string[] = [
  "import types\nSN = types.SimpleNamespace\nclass N(SN): pass\nclass M(SN):\n    def __init__(self, a, **kw):\n        super().__init__(a=a, **kw)\n        self.extra = 1\n    def total(self): return self.a + self.extra\nreturn repr(N(a=1)), repr(M(5)), M(5).total(), N(a=1) == SN(a=1), SN(a=1) == N(a=1), isinstance(N(), SN), issubclass(M, SN), N.__mro__",
  "import types\nSN = types.SimpleNamespace\nclass N(SN): pass\ntry:\n    N().x\nexcept AttributeError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\nclass N(SN): pass\ntry:\n    hash(N())\nexcept TypeError as e:\n    return str(e)",
  "import types, copy\nSN = types.SimpleNamespace\nclass M(SN):\n    def __init__(self, a, **kw):\n        super().__init__(a=a, **kw)\ntry:\n    copy.copy(M(5))\nexcept TypeError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\nclass N(SN): pass\nreturn dir(N(q=1))",
  "import types\nSN = types.SimpleNamespace\nclass S(SN):\n    __slots__ = ('q',)\ns = S(a=1); s.q = 5\nreturn repr(s), s.q, s.__dict__",
  "import types\nSN = types.SimpleNamespace\ntry:\n    class X(SN):\n        __slots__ = ('__dict__',)\nexcept TypeError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\nclass X(SN):\n    __slots__ = ('__weakref__',)\nreturn repr(X(a=1))",
  "import types\nSN = types.SimpleNamespace\nout = []\nfor b in (int, Exception, dict, list, str):\n    try:\n        class X(SN, b): pass\n        out.append('ok')\n    except TypeError as e:\n        out.append(str(e))\nreturn out",
  "import types\nSN = types.SimpleNamespace\nclass P: pass\nclass X(SN, P): pass\nclass Y(P, SN): pass\nreturn repr(X(a=1)), Y.__mro__, X.__base__, Y.__base__",
  "import types\nSN = types.SimpleNamespace\nclass R(SN):\n    def __repr__(self): return 'R!'\nclass E(SN):\n    def __eq__(self, o): return 'eq'\nreturn repr(R()), str(R()), repr(SN(r=R())), E() == SN(), SN() == E(), SN() != E()",
  "import types\nSN = types.SimpleNamespace\nclass N(SN): pass\nns = SN(a=1)\ntry:\n    ns.__class__ = N\nexcept TypeError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\nclass N(SN): pass\nreturn SN.__repr__(N(a=2)), SN.__eq__(N(a=2), 5), super(N, N(a=1)).__repr__()",
  "import types, pprint\nSN = types.SimpleNamespace\nclass N(SN): pass\nclass R(SN):\n    def __repr__(self): return 'R!'\nn = N(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=list(range(12)), r=R(), bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb='x' * 20)\nn.me = n\nreturn pprint.pformat(n), pprint.pformat(R(a=list(range(40)))), pprint.saferepr(n), pprint.isreadable(SN(a=1))",
];

it("takes a condition's subclasses of SimpleNamespace, and refuses its lay-out's conflicts, as CPython does", () => {
  expect(compareWithCPython(SUBCLASS)).toEqual([]);
});

const COST: string[] = [
    "import types\nSN = types.SimpleNamespace\ndef nest():\n    x = SN()\n    for i in range(496): x = SN(a=x)\n    return x\nx, y = nest(), nest()\nr = [x == y, x != y]\ntry:\n    SN(a=x) == SN(a=y)\nexcept RecursionError as e:\n    r.append(str(e))\nreturn r",
  "import types\nSN = types.SimpleNamespace\nx = SN()\nfor i in range(1000): x = SN(a=x)\ntry:\n    repr(x)\nexcept RecursionError as e:\n    return str(e)",
  "import types\nSN = types.SimpleNamespace\nd = {f'k{i}': i for i in range(1000)}\nn = SN(**d)\nm = SN(**d)\nreturn len(repr(n)), n == m, n != m, len(vars(n))",
  "import types\nSN = types.SimpleNamespace\nx = SN()\nfor i in range(300): x = SN(a=[x], b=(1,))\nreturn len(repr(x))",
];

it("prints and compares namespaces nested as deep as CPython does, and big ones", () => {
  // the steps bound these, not a loaded machine's clock: each builds a thousand namespaces cold
  expect(compareWithCPython(COST, new Engine({ maxMillis: 10_000, requestMillis: 10_000 }))).toEqual([]);
});


/**
 * Each route that prints a namespace, the last nesting that answers at the envelope's level of the
 * original's `python3 -c` (scripts/cpython-cases.py runs three frames deeper) and the innermost
 * value: every object on the way is a level of CPython's limit, the innermost int or list too;
 * repr(), object.__format__ (format(x), an f-string's field) and str.format a level each besides.
 */
const NESTED_ROUTES: [route: string, last: number, inner: string][] = [
  ["'%r' % (x,)", 998, 'SN()'],
  ['str(x)', 998, 'SN()'],
  ["f'{x!r}'", 998, 'SN()'],
  ["'%s' % x", 998, 'SN()'],
  ['repr(x)', 997, 'SN()'],
  ["f'{x}'", 997, 'SN()'],
  ['format(x)', 997, 'SN()'],
  ["'{}'.format(x)", 996, 'SN()'],
  ["'%r' % (x,)", 998, '1'],
  ["f'{x}'", 996, '[1]'],
];

it("prints namespaces nested as deep as the original's CPython does, at N and N+1, by each route", () => {
  expect(nestedUnlikeOriginal(NESTED_ROUTES.map(([route, last, inner]) => ({
    label: `${route} of ${inner} in ${last} and one more`,
    build: `import types\nSN = types.SimpleNamespace\nx = ${inner}\nfor i in range(${last - 1}): x = SN(a=x)`,
    wrap: 'SN(a=x)',
    walk: route,
  })))).toEqual([]);
}, 60_000);

/**
 * A namespace in a list, tuple or dict in turn, and the last nesting of each that answers at the
 * envelope's level of the original's `python3 -c`: each object two levels (its repr and its item's).
 * JavaScript's stack ran out at some 450 of them (a RecursionError that ended the run, where
 * CPython's is caught), through the frames of the bound __repr__ each namespace was printed by.
 */
const ALTERNATING: [route: string, wrap: string, last: number][] = [
  ["'%r' % (x,)", '[x]', 498],
  ['repr(x)', '(x,)', 498],
  ['str(x)', "{'k': x}", 498],
  ["f'{x}'", '[x]', 498],
  ["'{}'.format(x)", "{'k': x}", 497],
];

it("prints namespaces held in containers in turn as deep as the original's CPython does, at N and N+1", () => {
  expect(nestedUnlikeOriginal(ALTERNATING.map(([route, wrap, last]) => ({
    label: `${route} of SN(a=${wrap}) ${last} deep and one more`,
    build: `import types\nSN = types.SimpleNamespace\nx = SN()\nfor i in range(${last}): x = SN(a=${wrap})`,
    wrap: `SN(a=${wrap})`,
    walk: route,
  })))).toEqual([]);
}, 60_000);

it("prints a namespace by its class's __repr__ called as tp_repr is, and no other class's instance", () => {
  // the namespace's repr is called directly (classes.ts setOwnRepr): a class that took the slot wrapper
  // as its own __repr__ printed itself as a namespace, where CPython's wrapper refuses its instance
  expect(compareWithCPython([
    'import types\nclass A:\n    __repr__ = types.SimpleNamespace.__repr__\ntry:\n    return repr(A())\nexcept TypeError as e:\n    return str(e)',
    'import types\nclass A:\n    __repr__ = types.SimpleNamespace.__repr__\ntry:\n    return repr([A()])\nexcept TypeError as e:\n    return str(e)',
    "import types\nclass N(types.SimpleNamespace):\n    pass\nclass M(N):\n    def __repr__(self):\n        return 'M!'\nreturn repr(N(a=1, b=[N()])), repr([M(), N(x=M())]), str(N(a='x')), f'{N(a=1)!r:>20}'",
  ])).toEqual([]);
});

it('compares namespaces held in containers in turn as deep as CPython does, at N and N+1', () => {
  // each namespace two levels of CPython's limit, each container one: the containers' count and the
  // namespaces' were apart, so that the two in turn ran JavaScript's stack out (a RecursionError that
  // ended the run) where CPython raises its own, to be caught
  const nested = (wrap: string, n: number) => `import types\nSN = types.SimpleNamespace\ndef nest():\n    x = SN()\n    for i in range(${n}): x = SN(a=${wrap})\n    return x\nx, y = nest(), nest()\ntry:\n    return x == y, x != y\nexcept RecursionError as e:\n    return str(e)`;
  expect(compareWithCPython([
    ...['[x]', '(x,)', "{'k': x}"].flatMap((wrap) => [nested(wrap, 331), nested(wrap, 332)]),
    nested('[x]', 2000),
    nested('SN(a=x)', 496),
  ])).toEqual([]);
}, 60_000);

// each key a namespace is made with, prints or compares is paid as a dict's is (a dict's == of 10,000
// keys a thousand times takes 70-86 ms of CPU to its step limit on this machine; these take no more)
it.each([
  ['SimpleNamespace(**d) of 10,000 keys, again and again', "import types\nd = {f'k{i}': i for i in range(10**4)}\nfor i in range(1000):\n    n = types.SimpleNamespace(**d)\nreturn 1"],
  ['== of two namespaces of 10,000 keys, again and again', "import types\nd = {f'k{i}': i for i in range(10**4)}\nn = types.SimpleNamespace(**d)\nm = types.SimpleNamespace(**d)\nfor i in range(1000):\n    n == m\nreturn 1"],
  ['repr() of a namespace of 10,000 keys, again and again', "import types\nd = {f'k{i}': i for i in range(10**4)}\nn = types.SimpleNamespace(**d)\nfor i in range(1000):\n    repr(n)\nreturn 1"],
])('%s ends on the step limit', (_label, source) => {
  expectCpuWithin(source, endsOnSteps, 10);
});
