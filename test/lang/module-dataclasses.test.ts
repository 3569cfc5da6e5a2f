import { expect, it } from 'vitest';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { Engine } from '../../src/lang/index.js';

/** The step and memory limits alone: a cold first run on a loaded machine may pass the 50 ms clock. */
const unclocked = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
const run = (source: string): string => {
  const r = evaluator(unclocked, { source });
  return r.error ?? r.repr ?? '';
};

/** dataclasses: the generated methods, fields and helpers, word for word with CPython 3.11. */
it('makes dataclasses as CPython does', () => {
  expect(compareWithCPython([
    "from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass\n@dataclass\nclass P:\n    x: int\n    y: int = 0\np = P(1)\nreturn repr(p), p == P(1, 0), p != P(2), P.__doc__, P.__match_args__, is_dataclass(p), is_dataclass(P), is_dataclass(3)",
    "from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\n    y: int = 0\nr = []\nfor a in [(), (1, 2, 3)]:\n    try:\n        P(*a)\n    except TypeError as e:\n        r.append(str(e))\ntry:\n    P(1, z=3)\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    P(1, x=3)\nexcept TypeError as e:\n    r.append(str(e))\nreturn r",
    "from dataclasses import dataclass, FrozenInstanceError\n@dataclass(order=True, frozen=True)\nclass Q:\n    a: int\n    b: str = 'x'\nq = Q(1)\nr = [q < Q(2), q <= Q(1, 'a'), q > Q(0), q >= Q(1), hash(q) == hash((1, 'x')), sorted([Q(3), Q(1), Q(2)])]\ntry:\n    q < 3\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    q.a = 5\nexcept FrozenInstanceError as e:\n    r.append((type(e).__name__, str(e), isinstance(e, AttributeError)))\ntry:\n    del q.b\nexcept AttributeError as e:\n    r.append(str(e))\nreturn r",
    "from dataclasses import dataclass, field\ntry:\n    @dataclass\n    class R:\n        a: list = []\nexcept ValueError as e:\n    return str(e)",
    "from dataclasses import dataclass, field\nr = []\nfor default in [{}, set(), bytearray()]:\n    try:\n        @dataclass\n        class R:\n            a: object = default\n    except ValueError as e:\n        r.append(str(e))\n@dataclass\nclass Ok:\n    a: tuple = ([],)\nreturn r, Ok()",
    "from dataclasses import dataclass, field, fields, asdict, astuple\n@dataclass\nclass In:\n    v: int\n    tags: list = field(default_factory=list)\n@dataclass\nclass Out:\n    name: str\n    items: list\n    d: dict = field(default_factory=dict, repr=False)\no = Out('n', [In(1), In(2, ['a'])], {'k': In(3)})\nreturn repr(o), asdict(o), astuple(o), [f.name for f in fields(o)], fields(In)[1].default_factory is list",
    "from dataclasses import dataclass, field, replace, KW_ONLY, InitVar\n@dataclass\nclass A:\n    x: int\n    _: KW_ONLY\n    y: int = 1\n    z: InitVar[int] = 5\n    def __post_init__(self, z):\n        self.w = self.x + z\na = A(1, y=2, z=10)\nb = replace(a, x=5, z=1)\nreturn repr(a), a.w, repr(b), b.w, A.__match_args__, A.__doc__, repr(InitVar[int]), repr(InitVar[list])",
    "from dataclasses import dataclass\nfrom typing import ClassVar\n@dataclass\nclass C:\n    n: ClassVar[int] = 3\n    m: ClassVar = 4\n    x: int = 1\nreturn repr(C()), C.n, C.m, C.__doc__",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int = 1\n@dataclass\nclass B(A):\n    y: int = 2\n    x: int = 5\nreturn repr(B()), B(3, 4) == B(3, 4), B(3) == A(3), B.__match_args__",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int\ntry:\n    hash(A(1))\nexcept TypeError as e:\n    return str(e)",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: object = None\na = A()\na.x = a\nb = A([a, A(a)])\nreturn repr(a), repr(b)",
    "from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\n    y: int = 0\np = P(1)\nreturn P.__doc__",
    "from dataclasses import dataclass, field\nr = []\nfor src in range(8):\n    try:\n        if src == 0:\n            @dataclass(order=True, eq=False)\n            class A:\n                x: int\n        elif src == 1:\n            @dataclass\n            class A:\n                x: int = 1\n                y: int\n        elif src == 2:\n            field(default=1, default_factory=list)\n        elif src == 3:\n            @dataclass\n            class A:\n                x = field()\n        elif src == 4:\n            @dataclass(order=True)\n            class A:\n                x: int\n                def __lt__(self, o):\n                    return 1\n        elif src == 5:\n            @dataclass(frozen=True)\n            class A:\n                x: int\n            @dataclass\n            class B(A):\n                y: int\n        elif src == 6:\n            @dataclass\n            class A:\n                x: int\n            @dataclass(frozen=True)\n            class B(A):\n                y: int\n        elif src == 7:\n            @dataclass(unsafe_hash=True)\n            class A:\n                x: int\n                def __hash__(self):\n                    return 1\n    except (TypeError, ValueError) as e:\n        r.append((type(e).__name__, str(e)))\nreturn r",
    "from dataclasses import dataclass, field\n@dataclass(eq=False)\nclass A:\n    x: int\n@dataclass(unsafe_hash=True)\nclass B:\n    x: int\n    y: list = field(default_factory=list, hash=False)\n@dataclass(init=False, repr=False)\nclass C:\n    x: int = 3\nreturn A(1) == A(1), hash(B(1)) == hash((1,)), C().x, repr(C()).startswith('<'), C.__doc__",
    "from dataclasses import dataclass, field\n@dataclass\nclass A:\n    x: int\n    y: int = field(default=5, init=False)\n    z: list = field(default_factory=list, init=False)\n    w: int = field(default=0, repr=False, compare=False)\na = A(1)\nreturn repr(a), a.y, a.z, A(1, 2) == A(1, 3), A.y, hasattr(A, 'z'), A.__doc__",
    "from dataclasses import dataclass, field, fields\n@dataclass\nclass A:\n    x: int = field(default=1, metadata={'unit': 'm'})\nf = fields(A)[0]\nreturn f.name, f.type, f.default, f.init, f.repr, f.hash, f.compare, dict(f.metadata), f.kw_only",
    "from dataclasses import dataclass, replace, asdict\n@dataclass\nclass A:\n    x: int\ntry:\n    replace(A(1), y=2)\nexcept TypeError as e:\n    return str(e)",
    "from dataclasses import dataclass, replace, field\n@dataclass\nclass A:\n    x: int\n    y: int = field(default=0, init=False)\ntry:\n    replace(A(1), y=2)\nexcept ValueError as e:\n    return str(e), replace(A(1), x=3)",
    "from dataclasses import dataclass, replace, asdict, astuple, fields\nr = []\nfor f in [lambda: replace(3), lambda: asdict(3), lambda: astuple(3), lambda: fields(3), lambda: asdict(A)]:\n    try:\n        f()\n    except TypeError as e:\n        r.append(str(e))\nreturn r",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int\n    def __repr__(self):\n        return 'mine'\n    def __eq__(self, o):\n        return 'eq'\nreturn repr(A(1)), A(1) == 2",
    "import dataclasses\n@dataclasses.dataclass(kw_only=True)\nclass A:\n    x: int\n    y: int = 2\nr = [repr(A(x=1)), A.__match_args__, A.__doc__]\ntry:\n    A(1)\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    A()\nexcept TypeError as e:\n    r.append(str(e))\nreturn r",
    "from dataclasses import dataclass\n@dataclass\nclass Node:\n    val: int\n    children: list\nmatch Node(1, []):\n    case Node(v, c):\n        return v, c",
    "from dataclasses import dataclass, asdict\nfrom collections import namedtuple\nNT = namedtuple('NT', 'a b')\n@dataclass\nclass A:\n    t: tuple\n    n: NT\na = A((1, [2]), NT(1, 2))\nd = asdict(a)\nreturn d, d['t'][1] is a.t[1], type(d['n']).__name__",
    "from dataclasses import dataclass, asdict\n@dataclass\nclass A:\n    x: object = None\na = A()\nfor i in range(150):\n    a = A(a)\nreturn str(asdict(a))[:30]\n",
  ])).toEqual([]);
});

it('checks and refuses as CPython does', () => {
  expect(compareWithCPython([
    "from dataclasses import dataclass\nr = []\nfor f in [lambda: dataclass(1), lambda: dataclass(foo=1), lambda: dataclass(int), lambda: dataclass()(3)]:\n    try:\n        r.append(repr(f()))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r",
    "from dataclasses import field\ntry:\n    field(1)\nexcept TypeError as e:\n    return str(e)",
    "from dataclasses import dataclass, field, InitVar, replace\n@dataclass\nclass A:\n    x: int\n    k: InitVar[int]\n    def __post_init__(self, k):\n        self.s = k\ntry:\n    replace(A(1, 2))\nexcept ValueError as e:\n    return str(e), A(1, 2).s",
    "from dataclasses import dataclass\n@dataclass(order=True)\nclass A:\n    x: int\nclass B(A):\n    pass\nr = [repr(B(1)), A(1) == B(1)]\ntry:\n    A(1) < B(2)\nexcept TypeError as e:\n    r.append(str(e))\nreturn r",
    "from dataclasses import dataclass\n@dataclass(frozen=True)\nclass P:\n    x: int\n    y: int\nd = {P(1, 2): 'a'}\nreturn d[P(1, 2)], len({P(1, 2), P(1, 2), P(2, 1)}), P(1, 2) in d",
    "from dataclasses import dataclass\n@dataclass(frozen=True)\nclass A:\n    x: int\nclass B(A):\n    pass\nb = B(1)\nb.extra = 3\ntry:\n    b.x = 3\nexcept AttributeError as e:\n    return b.extra, str(e)",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int\n    def __setattr__(self, n, v):\n        object.__setattr__(self, n, v * 2)\nreturn A(2).x",
    "from dataclasses import dataclass\ntry:\n    @dataclass(frozen=True)\n    class A:\n        x: int\n        def __setattr__(self, n, v):\n            pass\nexcept TypeError as e:\n    return str(e)",
    "from dataclasses import dataclass, field\n@dataclass\nclass A:\n    x: int = field(default_factory=lambda: 7)\n    y: list = field(default_factory=list)\na, b = A(), A()\na.y.append(1)\nreturn a.x, b.y, A(1, [2]), A.__init__.__name__ if False else 0",
    "from dataclasses import dataclass, asdict, astuple\n@dataclass\nclass A:\n    x: object\nreturn asdict(A({'a': [1, (2, 3)], 'b': {4}})), astuple(A([A(1)])), asdict(A(1), dict_factory=lambda kv: list(kv))",
    "from dataclasses import dataclass, asdict\nfrom collections import defaultdict\n@dataclass\nclass A:\n    x: object\ntry:\n    asdict(A(defaultdict(list, {'a': [1]})))\nexcept TypeError as e:\n    return str(e)",
    "from dataclasses import dataclass, field\n@dataclass\nclass A:\n    x: int\n    y: int = field(kw_only=True, default=3)\n    z: int = 4\nreturn repr(A(1, 2, y=5)), A.__match_args__, A.__doc__",
    "from dataclasses import dataclass, KW_ONLY\ntry:\n    @dataclass\n    class A:\n        a: int\n        _: KW_ONLY\n        b: int\n        c: KW_ONLY\nexcept TypeError as e:\n    return str(e)",
    "from dataclasses import dataclass, field\nfrom typing import ClassVar\ntry:\n    @dataclass\n    class A:\n        a: ClassVar[list] = field(default_factory=list)\nexcept TypeError as e:\n    return str(e)",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int\na = A(1)\na.x = 5\ndel a.x\nreturn hasattr(a, 'x')",
    "from dataclasses import dataclass, fields, Field, MISSING\n@dataclass\nclass A:\n    x: int\nf = fields(A)[0]\nreturn isinstance(f, Field), f.default is MISSING, f.default_factory is MISSING, type(f).__name__",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: \"int\"\n    y: \"List[int]\" = None\nreturn repr(A(1)), A.__doc__, A.__annotations__",
    "from dataclasses import dataclass\n@dataclass\nclass Empty:\n    pass\nreturn repr(Empty()), Empty() == Empty(), Empty.__doc__, Empty.__match_args__\n",
  ])).toEqual([]);
});

it('answers odd uses as CPython does', () => {
  expect(compareWithCPython([
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int = 1\ntry:\n    @dataclass\n    class B(A):\n        y: int\nexcept TypeError as e:\n    return str(e)",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: float\nn = float('nan')\na = A(n)\nreturn a == a, A(n) == A(n), a == A(n)",
    "from dataclasses import dataclass\nclass Base:\n    q: int = 5\n@dataclass\nclass A(Base):\n    x: int = 1\nreturn repr(A()), A.__doc__, A().q",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int\n    def __init__(self, v):\n        self.x = v * 2\nreturn repr(A(2))",
    "from dataclasses import dataclass\n@dataclass\n@dataclass\nclass A:\n    x: int\nreturn repr(A(1)), A.__doc__",
    "from dataclasses import dataclass, field\n@dataclass\nclass A:\n    x: int\n    y: int = field(init=False)\na = A(1)\ntry:\n    repr(a)\nexcept AttributeError as e:\n    return str(e)",
    "from dataclasses import dataclass, asdict\n@dataclass\nclass P:\n    x: int\n    y: int\npts = [P(i, i * i) for i in range(5)]\nreturn [asdict(p) for p in pts], sorted(pts, key=lambda p: -p.y)[0]",
    "from dataclasses import dataclass, field\nimport json\n@dataclass\nclass Ev:\n    kind: str\n    tags: list = field(default_factory=list)\ne = Ev('x', ['a'])\nfrom dataclasses import asdict\nreturn json.dumps(asdict(e)), str(e), f'{e}', f'{e!r}'",
    "from dataclasses import dataclass\n@dataclass(frozen=True)\nclass A:\n    x: int\na = A(1)\ntry:\n    object.__setattr__(a, 'x', 2)\nexcept Exception as e:\n    return str(e)\nreturn a.x",
    "from dataclasses import dataclass, is_dataclass\n@dataclass\nclass A:\n    x: int\nclass B(A):\n    pass\nreturn is_dataclass(B), is_dataclass(B(1)), repr(B(1))",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int\n@dataclass\nclass B(A):\n    y: int\n    x: str = 'a'\ntry:\n    B(1)\nexcept TypeError as e:\n    return str(e)",
    "from dataclasses import dataclass\n@dataclass\nclass V:\n    a: int\n    b: int\n    def __post_init__(self):\n        if self.a > self.b:\n            raise ValueError('bad')\ntry:\n    V(2, 1)\nexcept ValueError as e:\n    return str(e), V(1, 2)",
    "from dataclasses import dataclass, field\n@dataclass\nclass A:\n    x: int = field(default=3, repr=False, hash=True, compare=False)\n    y: int = 1\n@dataclass(frozen=True)\nclass B:\n    x: int = field(default=3, hash=False)\n    y: int = 1\nreturn repr(A()), A(1) == A(2), hash(B(5, 1)) == hash((1,))\n",
  ])).toEqual([]);
});

it('answers the common patterns as CPython does', () => {
  expect(compareWithCPython([
    "from dataclasses import InitVar\nv = InitVar(int)\nreturn repr(v), v.type, repr(InitVar[str]), InitVar[str].type",
    "from dataclasses import InitVar\ntry:\n    InitVar()\nexcept TypeError as e:\n    return str(e)\n",
    "from dataclasses import dataclass, field, replace\n@dataclass(frozen=True)\nclass A:\n    x: int\n    y: int = field(init=False)\n    def __post_init__(self):\n        object.__setattr__(self, 'y', self.x * 2)\na = A(3)\nreturn a, replace(a, x=5), hash(a) == hash((3, 6))",
    "from dataclasses import dataclass\nfrom typing import Optional, List\n@dataclass\nclass Node:\n    value: int\n    next: Optional['Node'] = None\n    kids: List['Node'] = None\nn = Node(1, Node(2))\nreturn n, Node.__annotations__",
    "from dataclasses import dataclass, field\n@dataclass(order=True)\nclass Task:\n    priority: int\n    name: str = field(compare=False)\nimport heapq\nh = []\nfor t in [Task(3, 'c'), Task(1, 'a'), Task(2, 'b')]:\n    heapq.heappush(h, t)\nreturn [heapq.heappop(h).name for _ in range(3)]",
  ])).toEqual([]);
});

it('stays within the limits for hostile dataclasses', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `    f${i}: int = 0`).join('\n');
  const big = (n: number) => `from dataclasses import dataclass, fields, asdict\n@dataclass\nclass A:\n${many(n)}\na = A(f5=-1)\nreturn len(fields(A)), len(asdict(a)), a.f5, a.f${n - 1}, repr(a)[-30:], A.__doc__[-20:], A(*range(${n})) == A(*range(${n}))`;
  // thousands of fields: CPython's answer, or the time budget's error, never a hang
  const t = performance.now();
  expect(run(big(4000))).toMatch(/^(\(4000, 4000, -1, 0,|StepLimitError)/);
  expect(performance.now() - t).toBeLessThan(5000);
  expect(compareWithCPython([
    big(300),
    "from dataclasses import dataclass, asdict\nns = {}\n@dataclass\nclass A:\n    x: object = None\na = A([list(range(10)) for i in range(20)])\nreturn len(asdict(a)['x'])",
    "from dataclasses import dataclass, field\n@dataclass\nclass A:\n    x: int\n    y: int = field(default=1)\nr = []\nfor bad in [lambda: A(), lambda: A(1, 2, 3), lambda: A(x=1, x2=2), lambda: A(*range(10**4))]:\n    try:\n        bad()\n    except TypeError as e:\n        r.append(str(e)[:80])\nreturn r",
    "from dataclasses import dataclass\n@dataclass\nclass A:\n    s: str\nreturn len(repr(A('x' * 100000)))",
    "from dataclasses import dataclass, astuple\n@dataclass\nclass T:\n    v: object\nt = [0]\nfor i in range(100):\n    t = [t]\nreturn str(astuple(T(t)))[:20]\n",
  ], unclocked)).toEqual([]);
  // the module's own instances and classes are shared by every condition: no store reaches them
  for (const store of ['object.__setattr__(dataclasses.MISSING, "x", 1)', 'type(dataclasses.MISSING).x = 1', 'dataclasses.KW_ONLY.x = 1', 'dataclasses.fields(A)[0]._field_type.name = "q"', 'del dataclasses.fields(A)[0]._field_type.name', 'type(dataclasses.fields(A)[0]._field_type).x = 1', 'type(A.__dataclass_params__).x = 1']) {
    expect(run(`import dataclasses\n@dataclasses.dataclass\nclass A:\n    x: int\n${store}\nreturn 1`)).toMatch(/^UnsupportedError: cannot set 'dataclasses\./);
  }
  expect(run('import dataclasses\n@dataclasses.dataclass\nclass A:\n    x: int\nf = dataclasses.fields(A)[0]\nf.name = "y"\nreturn f.name, repr(A(1))')).toBe("('y', 'envelope.<locals>.A(x=1)')");
  // a cycle: CPython's RecursionError (which a condition cannot catch here: a limit's error passes except)
  expect(run('from dataclasses import dataclass, asdict\n@dataclass\nclass A:\n    x: object = None\na = A()\na.x = [a]\nreturn asdict(a)')).toMatch(/^RecursionError/);
  expect(run('from dataclasses import dataclass, astuple\n@dataclass\nclass A:\n    x: object = None\na = A()\na.x = {1: a}\nreturn astuple(a)')).toMatch(/^RecursionError/);
  // a chain 10,000 deep: each generated method recurses as a frame, to the recursion limit
  const chain = 'from dataclasses import dataclass, asdict, astuple\n@dataclass(frozen=True, order=True)\nclass A:\n    x: object = None\na = A()\nb = A()\nfor i in range(10000):\n    a = A(a)\n    b = A(b)\nreturn ';
  for (const op of ['repr(a)', 'asdict(a)', 'astuple(a)', 'a == b', 'a < b', 'hash(a)', 'str([a])']) expect(run(chain + op)).toMatch(/^(RecursionError|StepLimitError)/);
  // a default_factory that never ends, a __post_init__ that recurses
  expect(run('from dataclasses import dataclass, field\ndef forever():\n    while True:\n        pass\n@dataclass\nclass A:\n    x: int = field(default_factory=forever)\nreturn A()')).toMatch(/^StepLimitError/);
  expect(run('from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int\n    def __post_init__(self):\n        A(self.x)\nreturn A(1)')).toMatch(/^RecursionError/);
  // a huge field list: a repr of a million items is paid for
  expect(run('from dataclasses import dataclass, asdict\n@dataclass\nclass A:\n    x: list\nreturn len(asdict(A([[0] * 1000] * 100000)))')).toMatch(/^(StepLimitError|MemoryError)/);
});

// the generated __init__'s defaults, as its def keeps them: positional, keyword-only, and <factory> for a default_factory
const INIT_DEFAULTS = [
  "import dataclasses\n@dataclasses.dataclass\nclass D:\n    a: int = 1\n    b: str = 'x'\nreturn D.__init__.__defaults__, D.__init__.__kwdefaults__, D.__init__.__qualname__",
  "import dataclasses\n@dataclasses.dataclass\nclass D:\n    z: int\n    a: int = 1\n    _: dataclasses.KW_ONLY\n    k: int = 5\n    m: int\nreturn D.__init__.__defaults__, D.__init__.__kwdefaults__",
  "import dataclasses\n@dataclasses.dataclass\nclass D:\n    z: int\nreturn D.__init__.__defaults__, D.__init__.__kwdefaults__",
  "import dataclasses\n@dataclasses.dataclass(kw_only=True)\nclass D:\n    z: int = 3\n    y: list = None\nreturn D.__init__.__defaults__, D.__init__.__kwdefaults__",
  "import dataclasses\n@dataclasses.dataclass\nclass D:\n    a: int = 1\n    b: int = dataclasses.field(default=2, init=False)\n    c: int = dataclasses.field(default=3)\nreturn D.__init__.__defaults__, D(5)",
  "import dataclasses\n@dataclasses.dataclass\nclass D:\n    a: list = dataclasses.field(default_factory=list)\nreturn len(D.__init__.__defaults__), D()",
  "import dataclasses\n@dataclasses.dataclass\nclass D:\n    a: list = dataclasses.field(default_factory=list)\nreturn repr(D.__init__.__defaults__)",
  "import dataclasses\n@dataclasses.dataclass\nclass D:\n    a: list = dataclasses.field(default_factory=list)\n    b: int = 0\nd = D()\nd.a.append(1)\nreturn D(), d, D([5]), D(b=2)",
];

it("answers a dataclass __init__'s __defaults__ and __kwdefaults__ as CPython does", () => {
  expect(compareWithCPython(INIT_DEFAULTS)).toEqual([]);
});
