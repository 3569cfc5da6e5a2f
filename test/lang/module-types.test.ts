import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { clockLifted, compareWithCPython, evaluator } from '../support/cpython.js';

/** types: its type objects the very types of the values here, MappingProxyType a live read-only view of a dict. */
const CASES = [
  "import types\ndef f(): pass\ndef g():\n    yield 1\nclass C:\n    def m(self): pass\nreturn [types.FunctionType is type(f), types.LambdaType is type(lambda: 0), types.GeneratorType is type(g()), types.MethodType is type(C().m), types.BuiltinFunctionType is type(len), types.BuiltinMethodType is type([].append), types.ModuleType is type(types), types.NoneType is type(None), types.NotImplementedType is type(NotImplemented), types.EllipsisType is type(...), types.GenericAlias is type(list[int]), types.UnionType is type(int | str), types.MappingProxyType is type(C.__dict__)]",
  "import types\nreturn [types.WrapperDescriptorType is type(object.__init__), types.MethodWrapperType is type(object().__str__), types.MethodDescriptorType is type(str.join), types.GetSetDescriptorType is type(int.real)]",
  "import types\nreturn [repr(getattr(types, n)) for n in ['FunctionType', 'GeneratorType', 'MethodType', 'BuiltinFunctionType', 'ModuleType', 'NoneType', 'NotImplementedType', 'EllipsisType', 'GenericAlias', 'UnionType', 'MappingProxyType', 'WrapperDescriptorType', 'MethodWrapperType', 'MethodDescriptorType', 'GetSetDescriptorType']]",
  "import types\ndef g():\n    yield 1\nreturn isinstance(g(), types.GeneratorType), isinstance(len, types.FunctionType), isinstance(lambda: 1, types.FunctionType), isinstance(None, types.NoneType), callable(types.FunctionType)",
  "import types\nm = types.MappingProxyType({'a': 1, 'b': 2})\nr = [m['a'], len(m), list(m), m.copy(), m | {'c': 3}, {'z': 0} | m, 'a' in m, m.get('q', 5), list(m.items()), repr(m), m == {'a': 1, 'b': 2}]\ntry:\n    m['a'] = 3\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    del m['a']\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    types.MappingProxyType([1])\nexcept TypeError as e:\n    r.append(str(e))\nreturn r",
  "import types\nx = types.MethodType(lambda self, y: (self, y), 5)\nreturn x(3), types.NoneType(), type(types.GenericAlias(list, int)), types.GenericAlias(list, (int,)), types.ModuleType.__name__",
  "import types\nreturn dir(types)",
  "import types\ntry:\n    types.nosuch\nexcept AttributeError as e:\n    return str(e)",
  "from types import FunctionType, GeneratorType\ndef g():\n    yield\nreturn type(g()) is GeneratorType, FunctionType.__name__, GeneratorType.__qualname__, FunctionType.__module__",
  "import types\nd = {'a': 1}\nm = types.MappingProxyType(d)\nd['b'] = 2\nr = [dict(m), m == types.MappingProxyType({'a': 1, 'b': 2}), type(m) is types.MappingProxyType, isinstance(m, types.MappingProxyType), types.MappingProxyType(mapping={}), bool(m), bool(types.MappingProxyType({}))]\nfor bad in [5, None, (1,), [2]]:\n    try:\n        types.MappingProxyType(bad)\n    except TypeError as e:\n        r.append(str(e))\ntry:\n    types.MappingProxyType()\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    hash(m)\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    m.x = 1\nexcept AttributeError as e:\n    r.append(str(e))\nreturn r",
];

it('answers types as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/** The types called: a singleton's type gives its value and takes no argument; function() needs a code object, which no condition has. */
const CALLED = [
  "r = [type(None)(), type(...)(), type(NotImplemented)()]\nfor f in (lambda: type(None)(1), lambda: type(...)(zz=1), lambda: type(NotImplemented)(1), lambda: type(lambda: 0)(), lambda: type(lambda: 0)(1), lambda: type(lambda: 0)(1, 2), lambda: type(lambda: 0)(1, 2, zz=3), lambda: type(lambda: 0)(code=1)):\n    try:\n        r.append(f())\n    except TypeError as e:\n        r.append(str(e))\nreturn r",
];

it('calls the singletons\' types and the function type as CPython does', () => {
  expect(compareWithCPython(CALLED)).toEqual([]);
});

const RESOLVED = [
  "import types\nclass B:\n    def __mro_entries__(self, bases):\n        return (int, str)\nb = B()\nr = types.resolve_bases((int, b, list[int], str))\nt = (int, str)\nreturn r, types.resolve_bases(t) is t, types.resolve_bases([int]), type(types.resolve_bases).__name__, types.resolve_bases.__module__, types.resolve_bases.__qualname__",
  "import types\nclass B:\n    def __mro_entries__(self, bases):\n        return [int]\ntry:\n    types.resolve_bases((B(),))\nexcept TypeError as e:\n    return str(e)",
  "import types\nout = []\nfor a in ((), 5, None):\n    try:\n        out.append(types.resolve_bases(a))\n    except TypeError as e:\n        out.append(str(e))\nreturn out",
  "import types\ntry:\n    types.resolve_bases(bases=(int,), x=1)\nexcept TypeError as e:\n    return str(e)\n",
  // an iterator is walked once, by list(); entries are put in one pass, each where its base stood
  "import types\ndef g():\n    yield int\n    yield list[int]\nr = types.resolve_bases(g())\nreturn type(r).__name__, types.resolve_bases([int, list[int], str]), types.resolve_bases(iter([list[int]])) is not None\n",
  "import types\nclass B:\n    def __mro_entries__(self, bases):\n        return (int, str)\nreturn types.resolve_bases((B(), list[int], B(), float)), types.resolve_bases((B(),) * 2000)[-3:]\n",
];

it('resolves bases by their __mro_entries__ as types.resolve_bases does', () => {
  expect(compareWithCPython(RESOLVED)).toEqual([]);
});

it('refuses typing.NamedTuple and TypedDict among the bases types.resolve_bases resolves', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  for (const base of ['NamedTuple', 'TypedDict']) {
    expect(evaluator(engine, { source: `import types, typing\nreturn types.resolve_bases((int, typing.${base}))` }).error).toBe(`UnsupportedError: types.resolve_bases() of <function ${base}> is not supported: the evaluator makes its classes in a class statement only`);
  }
});

// mappingproxy_new takes any mapping but a list or a tuple, and reads one other than a dict through its own
// methods: a dict's subclass's __getitem__, a Counter's __missing__, a str's subscript, a proxy in a proxy
const PROXIES = [
  "import types\nclass D(dict):\n    def __getitem__(self, k):\n        return 42\nm = types.MappingProxyType(D(a=1))\nreturn [m['a'], m.get('a'), dict(m), list(m.items()), 'a' in m, len(m), bool(m), list(m), repr(m), str(m), m.copy(), type(m.copy()).__name__, m == {'a': 1}, m == m, {'a': 1} == m, m | {'b': 2}, {'b': 2} | m, list(m.keys()), list(m.values())]",
  "import types\nclass D(dict):\n    def __getitem__(self, k):\n        return 42\nm = types.MappingProxyType(D(a=1))\ndef f(**kw):\n    return kw\nout = [f(**m)]\nd = {}\nd.update(m)\nout.append(d)\nout.append(list(reversed(m)))\ntry:\n    m['b'] = 1\nexcept TypeError as e:\n    out.append(str(e))\ntry:\n    del m['a']\nexcept TypeError as e:\n    out.append(str(e))\ntry:\n    hash(m)\nexcept TypeError as e:\n    out.append(str(e))\ntry:\n    m |= {}\nexcept TypeError as e:\n    out.append(str(e))\nreturn out",
  "import types\nfrom collections import Counter, OrderedDict, defaultdict, UserDict, ChainMap\nout = []\nfor x in [Counter('abca'), OrderedDict(a=1, b=2), defaultdict(int, a=1), UserDict(a=1), ChainMap({'a': 1}, {'b': 2}), 'abc', range(3), b'xy']:\n    try:\n        m = types.MappingProxyType(x)\n        r = [repr(m), len(m), list(m)]\n        try:\n            r.append(m[0] if not hasattr(x, 'keys') else m['a'])\n        except Exception as e:\n            r.append(type(e).__name__ + ': ' + str(e))\n        try:\n            r.append(list(m.keys()))\n        except Exception as e:\n            r.append(type(e).__name__ + ': ' + str(e))\n        out.append(r)\n    except TypeError as e:\n        out.append(str(e))\nreturn out",
  "import types\nfor x in [[1], (1,), 1, None, {1}, types.MappingProxyType({})]:\n    try:\n        types.MappingProxyType(x)\n    except TypeError as e:\n        print(e)\nclass M:\n    def __getitem__(self, k):\n        return k * 2\n    def __len__(self):\n        return 3\n    def __iter__(self):\n        return iter('xyz')\nm = types.MappingProxyType(M())\nout = [m[5], len(m), list(m), 'x' in m]\ntry:\n    m.get('a')\nexcept AttributeError as e:\n    out.append(str(e))\nimport collections\nc = collections.Counter(\"aab\")\nmc = types.MappingProxyType(c)\nout += [mc['z'], mc.get('z'), mc.copy(), type(mc.copy()).__name__, mc | {'q': 1}]\nreturn out",
  "import dataclasses, types\nclass D(dict):\n    pass\nf = dataclasses.field(metadata=D(a=1))\ng = dataclasses.field(metadata=types.MappingProxyType({'b': 2}))\nh = dataclasses.field(metadata={'c': 3})\nreturn [repr(f.metadata), repr(g.metadata), repr(h.metadata), f.metadata['a'], g.metadata['b'], len(g.metadata)]",
  // Field.__init__ wraps metadata in types.MappingProxyType: any mapping, a UserDict as much as a dict's subclass
  "import dataclasses, collections\nclass M:\n    def __getitem__(self, k):\n        return k * 2\n    def __len__(self):\n        return 1\n    def __iter__(self):\n        return iter(['a'])\n    def __repr__(self):\n        return 'M()'\nclass L(list):\n    pass\nout = []\nfor m in [collections.UserDict({'a': 1}), collections.OrderedDict(a=1), collections.Counter('ab'), collections.ChainMap({'a': 1}), collections.defaultdict(int), M(), 'ab', range(3), b'x', [1], (1,), L(), 5, {1}]:\n    try:\n        f = dataclasses.field(metadata=m)\n        out.append([repr(f.metadata), len(f.metadata), list(f.metadata)])\n    except TypeError as e:\n        out.append(str(e))\n@dataclasses.dataclass\nclass C:\n    x: int = dataclasses.field(default=1, metadata=collections.UserDict({'a': 1}))\nf = dataclasses.fields(C)[0]\nout.append([f.metadata['a'], dict(f.metadata), f.metadata.get('a')])\nreturn out",
  "import types\np = types.MappingProxyType(types.MappingProxyType({'a': 1}))\nq = types.MappingProxyType({'a': 1})\nreturn [repr(p), p == q, q == p, p['a'], dict(p), p | q, q | p, p.copy(), list(p.items())]",
  "class A:\n    x = 1\nm = A.__dict__\nreturn [m['x'], 'x' in m, m.get('x'), type(m).__name__, m == dict(m)]\n",
  "import types\nclass L(list):\n    pass\nclass T(tuple):\n    pass\nclass G(list):\n    def __getitem__(self, i):\n        return 7\nout = []\nfor x in [L([1]), T((1,)), G([1]), bytearray(b'a'), {1: 2}.keys(), type, int]:\n    try:\n        m = types.MappingProxyType(x)\n        out.append(repr(m))\n    except TypeError as e:\n        out.append(str(e))\nreturn out\n",
];

it('shows any mapping through types.MappingProxyType as CPython does', () => {
  expect(compareWithCPython(PROXIES)).toEqual([]);
});

// a proxy of a proxy 900 deep answers as CPython; 20,000 deep each level is counted toward the recursion
// limit, where CPython walks some in C: `|` of 3,000 ran the host's stack out ("undefined is not a function")
const OPS = ["len(p)", "repr(p)", "p['a']", "'a' in p", "p.get('a')", "list(p)", "bool(p)", "p.copy()", "p | {}", "dict(p)", "str(p)", "list(reversed(p))", "p == {'a': 1}", "f(**p)", "len(p.keys())"];
const nested = (n: number, op: string) => `import types\ndef f(**k):\n    return k\np = {'a': 1}\nfor i in range(${n}):\n    p = types.MappingProxyType(p)\nreturn ${op}`;

it('answers proxies in proxies as CPython 900 deep, and ends 20,000 deep in RecursionError', () => {
  expect(compareWithCPython(OPS.map((op) => nested(900, op)))).toEqual([]);
  const engine = clockLifted();
  for (const op of OPS) expect(evaluator(engine, { source: nested(20_000, op) }).error, op).toMatch(/^RecursionError: maximum recursion depth exceeded/);
});

it('refuses what the evaluator does not build of types', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source });
  expect(run(`import types\nreturn types.CodeType`).error).toBe("UnsupportedError: 'types.CodeType' is not available in conditions: the evaluator does not build it");
  expect(run(`import types\nreturn types.CellType`).error).toBe("UnsupportedError: 'types.CellType' is not available in conditions: the evaluator does not build it");
  // read again in a second run: the same type objects
  expect(run(`import types\ndef g():\n    yield\nreturn type(g()) is types.GeneratorType, types.ModuleType is type(types)`).repr).toBe('(True, True)');
});
