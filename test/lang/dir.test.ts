import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** dir() of builtin types, values and modules: CPython's sorted lists, written out by scripts/dir-tables.py. */
it('lists the names of builtin types, values and modules as CPython does', () => {
  const values = ['1', "'s'", '1.5', '1j', 'True', 'None', '[]', '()', '{}', 'set()', 'frozenset()', "b''", 'bytearray()', 'range(3)', 'slice(1)', 'Ellipsis', 'NotImplemented',
    'len', 'print', 'lambda: 0', 'iter([])', 'iter(())', "iter('')", 'iter({})', '{}.keys()', '{}.values()', '{}.items()', 'zip()', 'map(len, [])', 'enumerate([])', 'reversed([])',
    '(x for x in ())', 'int', 'str', 'object', 'type', 'ValueError', 'KeyError()', 'memoryview(b"")', 'property()'];
  const mods = ['math', 're', 'json', 'collections', 'datetime', 'itertools', 'functools', 'string', 'copy', 'heapq', 'struct', 'zlib'];
  expect(compareWithCPython([
    ...values.map((v) => `return dir(${v})`),
    ...mods.map((m) => `import ${m}\nreturn dir(${m})`),
    'import collections\nreturn dir(collections.Counter), dir(collections.OrderedDict()), dir(collections.deque)',
    'import datetime\nreturn dir(datetime.date(2020, 1, 1)), dir(datetime.timedelta)',
    'import re\nreturn dir(re.compile("a")), dir(re.match("a", "a"))',
    'import struct, zlib\nreturn dir(struct.Struct("b")), dir(zlib.compressobj()), dir(zlib.decompressobj()), dir(struct.iter_unpack("b", b"a"))',
    'e = ValueError(1)\ne.note = 2\nreturn dir(e)',
    'def f(): pass\nreturn dir(f)',
    'return dir(1, 2)', 'return dir(x=1)', 'return dir(object=1)',
  ])).toEqual([]);
});

/** dir() of a condition's classes and instances: their namespaces, through the order of their bases. */
it("lists a condition's classes and instances as CPython does", () => {
  expect(compareWithCPython([
    'class A:\n    x = 1\n    def f(self): pass\nreturn dir(A)',
    'class A:\n    x = 1\nclass B(A):\n    y = 2\nb = B()\nb.z = 3\nb.a = 4\nreturn dir(b)',
    'class A:\n    """doc"""\n    __slots__ = ("p", "q")\nreturn dir(A), dir(A())',
    'class A(int):\n    k = 1\nreturn dir(A), dir(A(3))',
    'class A(dict):\n    pass\nreturn dir(A())',
    'class A(list):\n    pass\nclass B(A, object):\n    pass\nreturn dir(B)',
    'class E(ValueError):\n    code = 1\nreturn dir(E), dir(E("x"))',
    'class A:\n    pass\na = A()\na.__dict__["zz"] = 1\na.__dict__["__x__"] = 1\nreturn dir(a)',
    'class A:\n    pass\na = A()\nsetattr(a, "é", 1)\nsetattr(a, "Z", 1)\nsetattr(a, "\\U0001F600", 1)\nsetattr(a, "\uff21", 1)\nsetattr(a, "\ufffd", 1)\nreturn dir(a)[-5:]',
    'class A:\n    pass\na = A()\na.__dict__[1] = 2\nreturn dir(a)',
    'import collections\nclass C(collections.Counter):\n    pass\nreturn dir(C) == sorted(set(dir(collections.Counter)) | {"__dict__", "__module__", "__doc__", "__weakref__"}), dir(C())[:3]',
  ])).toEqual([]);
});

/** dir() of the other values a condition meets: bound methods, generators, super, the library's classes and their subclasses. */
it('lists the other values a condition meets as CPython does, or refuses', () => {
  expect(compareWithCPython([
    'def g():\n    yield 1\nreturn dir(g())',
    'class A:\n    pass\nreturn dir(super(A, A()))',
    'import datetime\nclass D(datetime.date):\n    pass\nreturn dir(D(2020, 1, 1))[-5:]',
    'import calendar\nreturn dir(calendar.Calendar)[-5:], dir(calendar.Calendar())[-3:]',
    'import calendar\nclass C(calendar.TextCalendar):\n    x = 1\nreturn dir(C)[-5:]',
    'class H:\n    def __getattribute__(self, n):\n        if n == "__dict__":\n            return {"fake": 1}\n        return object.__getattribute__(self, n)\nreturn dir(H())[-2:]',
    'class H:\n    def __getattribute__(self, n):\n        if n == "__dict__":\n            return 5\n        return object.__getattribute__(self, n)\nreturn dir(H())[-2:]',
    'class H:\n    def __getattribute__(self, n):\n        if n == "__dict__":\n            raise AttributeError(n)\n        return object.__getattribute__(self, n)\nreturn dir(H())[-2:]',
    'class H:\n    def __getattribute__(self, n):\n        if n == "__dict__":\n            raise KeyError(n)\n        return object.__getattribute__(self, n)\nreturn dir(H())[-2:]',
    'class H:\n    def __getattr__(self, n):\n        return 1\nreturn "__dict__" in dir(H())',
    'return dir(print), dir(lambda: 0)[-3:], dir(iter(range(2**70)))[:2]',
    'import collections\nP = collections.namedtuple("P", "x y")\nreturn dir(P(1, 2)), dir(P) == dir(P(1, 2))',
    'import collections\nP = collections.namedtuple("P", "x y", defaults=[1])\nP.z = 1\ndel P.x\nreturn dir(P(1, 2)) == dir(P), dir(P)[-8:]',
    'import calendar\ntry:\n    calendar.monthrange(2020, 13)\nexcept Exception as e:\n    return dir(e)[-3:]',
    'return dir(None), dir(...), dir(NotImplemented)',
    // a def method's: the method type's names and its function's __dict__ (method_getattro reads it there)
    'class A:\n    def m(self): pass\n    @classmethod\n    def c(cls): pass\nreturn dir(A().m), dir(A.c) == dir(A().m)',
    'class A:\n    def m(self): pass\nA.m.tag = 1\na = A()\na.m.__func__.w = 2\nreturn dir(a.m)[-3:], sorted(set(dir(a.m)) - set(dir(A.m)))',
    'class C:\n    def __call__(self, x): return x\nclass A:\n    def m(self): pass\nc = C()\nc.z = 3\nreturn dir(type(A().m)(c, 5))[-3:]',
    // json's and re's errors, with the fields their Python __init__ sets
    'import json\ntry:\n    json.loads("[")\nexcept Exception as e:\n    return dir(e)',
    'import re\ntry:\n    re.compile("(")\nexcept Exception as e:\n    return dir(e)',
  ])).toEqual([]);
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  // an enum's members answer by Enum.__dir__, which differs between them
  // a builtin method's are builtin_function_or_method's (method-introspection.test.ts); a method the evaluator made without its instance is refused
  expect(error('import datetime\nreturn dir(datetime.date.today)')).toMatch(/^UnsupportedError: dir\(\) of a bound method/);
  expect(error('import re\nreturn dir(re.I)')).toMatch(/^UnsupportedError: dir\(\) of a 're.RegexFlag' object/);
});

/** A class's __dir__: its answer, any iterable, listed and sorted; its errors CPython's. */
it("honours a class's __dir__", () => {
  expect(compareWithCPython([
    'class A:\n    def __dir__(self):\n        return ["b", "a", "c"]\nreturn dir(A())',
    'class A:\n    def __dir__(self):\n        return (x for x in "zyx")\nreturn dir(A())',
    'class A:\n    def __dir__(self):\n        return {"k": 1, "j": 2}\nreturn dir(A())',
    'class A:\n    def __dir__(self):\n        return 5\nreturn dir(A())',
    'class A:\n    def __dir__(self):\n        return [1, "a"]\nreturn dir(A())',
    'class A:\n    def __dir__(self):\n        return [3, 1, 2]\nreturn dir(A())',
    'class A:\n    def __dir__(self):\n        return ["\\U0001F600", "\uffff", "\ue000", "\ud7ff", "a", "", "ab", "\\U00010000"]\nreturn [hex(ord(c[0])) if c else c for c in dir(A())]',
    'class A:\n    def __dir__(self):\n        return ("b", "a", 1.5)\nreturn dir(A())',
    'class A:\n    def __dir__(self):\n        raise KeyError("no")\nreturn dir(A())',
    'class A:\n    def __dir__(self, extra):\n        return []\nreturn dir(A())',
    'class A:\n    def __dir__(self):\n        return ["q"]\nreturn dir(A), "__dir__" in dir(A)',
    'class A:\n    def __dir__(self):\n        return ["q"]\nclass B(A):\n    pass\nreturn dir(B())',

  ])).toEqual([]);
});

/** Hostile dirs end within the run's limits, where CPython takes seconds or its memory. */
it('bounds hostile dirs', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  const started = Date.now();
  expect(error('class A:\n    def __dir__(self):\n        return (i for i in range(10**7))\nreturn dir(A())')).toMatch(/^(StepLimitError|MemoryError)/);
  expect(error('class A:\n    def __dir__(self):\n        return range(10**8)\nreturn dir(A())')).toMatch(/^(StepLimitError|MemoryError)/);
  expect(error('class A:\n    def __dir__(self):\n        return dir(self)\nreturn dir(A())')).toMatch(/^RecursionError/);
  // a class of 200,000 attributes, listed again and again
  expect(error('A = type("A", (), {f"a{i}": i for i in range(200_000)})\nwhile True:\n    dir(A)')).toMatch(/^(StepLimitError|MemoryError)/);
  // a tower of 150 classes, each listed through all its bases
  expect(error('C = object\nfor i in range(150):\n    C = type(f"C{i}", (C,), {f"a{j}": j for j in range(100)})\nwhile True:\n    dir(C())')).toMatch(/^(StepLimitError|MemoryError)/);
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(compareWithCPython([
    'class A:\n    pass\nfor i in range(20_000):\n    setattr(A, f"a{i}", i)\nreturn len(dir(A)), dir(A)[:3], dir(A())[-3:]',
    'class C:\n    pass\nfor i in range(40):\n    class C(C):\n        pass\n    setattr(C, f"a{i}", i)\nreturn len(dir(C())), dir(C)[-2:]',
  ], new Engine({ maxSteps: 10_000_000, maxMillis: 10_000, requestMillis: 10_000 }))).toEqual([]);
});
