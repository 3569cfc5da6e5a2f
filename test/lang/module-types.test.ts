import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

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
];

it('resolves bases by their __mro_entries__ as types.resolve_bases does', () => {
  expect(compareWithCPython(RESOLVED)).toEqual([]);
});

it('refuses what the evaluator does not build of types', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source });
  expect(run(`import types\nreturn types.CodeType`).error).toBe("UnsupportedError: 'types.CodeType' is not available in conditions: the evaluator does not build it");
  expect(run(`import types\nreturn types.new_class('A')`).error).toBe("UnsupportedError: 'types.new_class' is not available in conditions: the evaluator does not build it");
  // a dict's subclass reads through its own __getitem__, __missing__ or copy in CPython: refused, not read as a plain dict
  expect(run(`import types\nclass M(dict):\n    def __getitem__(self, k): return 42\nreturn types.MappingProxyType(M(a=1))['zz']`).error).toBe("UnsupportedError: types.MappingProxyType() of a 'M' is not available in conditions: the evaluator's mappingproxy is a view of a dict only");
  expect(run(`import types, collections\nreturn types.MappingProxyType(collections.Counter('ab'))['zz']`).error).toMatch(/^UnsupportedError: /);
  expect(run(`import types\nreturn types.MappingProxyType('abc')`).error).toBe("UnsupportedError: types.MappingProxyType() of a 'str' is not available in conditions: the evaluator's mappingproxy is a view of a dict only");
  // read again in a second run: the same type objects
  expect(run(`import types\ndef g():\n    yield\nreturn type(g()) is types.GeneratorType, types.ModuleType is type(types)`).repr).toBe('(True, True)');
});
