import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

// A class statement's bases, as CPython 3.11 takes or refuses them: a type without
// Py_TPFLAGS_BASETYPE in its words (final-types.ts), typing's forms (`Cannot subclass typing.Optional`),
// its _Final classes (`Cannot subclass special typing classes`), its bare aliases (list and Generic)
const BASES = [
  'type(iter([]))',
  'type({}.keys())',
  'type(iter({}.items()))',
  'type((x for x in []))',
  'type(len)',
  'type(str.upper)',
  'type(int.__add__)',
  'type((1).__add__)',
  'type(None)',
  'type(NotImplemented)',
  'type(...)',
  'type(slice(1))',
  'type(memoryview(b\'\'))',
  'type(range(1))',
  'type(iter(range(3)))',
  'bool',
  'type(lambda: 0)',
  'type(iter(lambda: 0, 1))',
  'type(reversed([]))',
  're.Pattern',
  're.Match',
  'operator.itemgetter',
  'operator.attrgetter',
  'operator.methodcaller',
  'unicodedata.UCD',
  'types.UnionType',
  'types.MappingProxyType',
  'datetime.timezone',
  'time.struct_time',
  'uuid.SafeUUID',
  'typing.Optional',
  'typing.Union',
  'typing.ClassVar',
  'typing.Final',
  'typing.Literal',
  'typing.Never',
  'typing.NoReturn',
  'typing.Self',
  'typing.LiteralString',
  'typing.TypeAlias',
  'typing.TypeGuard',
  'typing.Concatenate',
  'typing.Unpack',
  'typing.Required',
  'typing.NotRequired',
  'typing.TypeVar',
  'typing.ParamSpec',
  'typing.ParamSpecArgs',
  'typing.ParamSpecKwargs',
  'typing.TypeVarTuple',
  'typing.ForwardRef',
  'typing.List',
  'typing.Dict',
  'typing.Callable',
  'typing.Tuple',
  'typing.Set',
  'typing.FrozenSet',
  'typing.Type',
  'typing.DefaultDict',
  'typing.OrderedDict',
  'typing.Counter',
  'typing.Deque',
  'typing.Iterable',
  'typing.Sequence',
  'typing.Mapping',
  'typing.Sized',
  'typing.Hashable',
  'typing.Pattern',
  'typing.Match',
  'typing.List[int]',
  'typing.Optional[int]',
];
const MODULES = 'import re, operator, unicodedata, types, datetime, time, uuid, typing, collections';

it('takes or refuses each base as CPython does', () => {
  expect(compareWithCPython(BASES.map((b) => `${MODULES}\ntry:\n    class C(${b}): pass\n    return 'ok', repr(C.__mro__)\nexcept TypeError as e:\n    return 'TE ' + str(e)`))).toEqual([]);
});

it("makes a class of typing's bare aliases, as of their classes and Generic", () => {
  expect(compareWithCPython([
    'import typing\nclass C(typing.List):\n    pass\nc = C([1, 2])\nc.append(3)\nreturn c, C.__parameters__, C.__orig_bases__, isinstance(c, list), issubclass(C, typing.Generic)',
    'import typing\nT = typing.TypeVar("T")\nclass D(typing.Dict, typing.Generic[T]):\n    pass\nreturn D.__mro__, D.__parameters__, D(a=1)',
    'import typing\nclass E(typing.Deque):\n    pass\nreturn E([1]), E.__mro__, E[int]',
    'import typing\nclass F(typing.Callable):\n    def __call__(self):\n        return 1\nreturn F()(), F.__mro__',
    'import typing\ntry:\n    class G(typing.TypeVar, x=1):\n        pass\nexcept TypeError as e:\n    return str(e)',
  ])).toEqual([]);
});

// CPython makes each of these classes; the evaluator does not, and no except may catch the refusal
it('refuses past any except a base CPython subclasses and the evaluator does not', () => {
  const engine = new Engine();
  const refused = [
    'map', 'zip', 'filter', 'enumerate', 'type(map(len, []))', 'reversed', 'super', 'typing.Any', 'itertools.chain', 'decimal.Context',
    'collections.ChainMap', 'contextlib.ExitStack', 'functools.cached_property', 'typing.TypeVar, _root=True',
  ];
  for (const base of refused) {
    const source = `import itertools, decimal, collections, contextlib, functools, typing\ntry:\n    class S(${base}):\n        pass\nexcept BaseException:\n    return 'caught'\nreturn 'made'`;
    expect(evaluator(engine, { source }).error, base).toMatch(/^UnsupportedError: a (class|subclass)/);
  }
  for (const source of [
    'import collections\ntry:\n    class B(collections.deque):\n        def __len__(self):\n            return 1\nexcept BaseException:\n    return "caught"',
    'import contextlib\ntry:\n    class X(contextlib.suppress, contextlib.nullcontext):\n        pass\nexcept BaseException:\n    return "caught"',
  ]) expect(evaluator(engine, { source }).error).toMatch(/^UnsupportedError: a (class|subclass) of/);
});
