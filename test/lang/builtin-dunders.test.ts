import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { BUILTIN_DUNDERS } from '../../src/lang/runtime/builtin-dunders-table.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/**
 * The builtin types' dunder methods read as attributes (runtime/builtin-dunders.ts): every
 * dunder of the table, bound and unbound, called with no argument, each of a set of operands
 * and two, on values of each type, compared with CPython; reprs, identity, subclasses, a
 * condition's classes, super(), getattr and friends; and hostile calls held to the limits.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// an object's address is host state the evaluator never prints: CPython's is cut from its reprs
const shown = (expr: string) => `re.sub(' at 0x[0-9a-f]+', '', repr(${expr}))`;

const SAMPLES: Record<string, string[]> = {
  object: ['object()'], int: ['5', '-7', '10**20'], bool: ['True', 'False'], float: ['2.5', '-0.0'], str: ["'ab'", "''"], list: ['[1, 2]', '[]'],
  tuple: ['(1, 2)'], dict: ['{1: 2}'], set: ['{1, 2}'], frozenset: ['frozenset({1})'], NoneType: ['None'],
};
const OPERANDS = ['', '0', '3', '-2', 'True', '2.5', "'ab'", '[1]', '(1,)', '{1: 2}', '{1}', 'frozenset({1, 3})', 'None', '10**20', "'%s'", 'slice(1, None)', '1, 2'];
// CPython computes 5 ** 10**20 for minutes, and a shift by 10**20 is refused at the evaluator's limit before its OverflowError (as `5 << 10**20` is)
const SLOW = /^__r?(pow|lshift)__$/;
// object's hash is its address
const ADDRESS = (type: string, name: string) => name === '__hash__' && (type === 'object' || type === 'NoneType');

/** Each type's dunders, called bound (`x.name(args)`) or through the type (`T.name(x, args)`), caught, with the value after (a dunder may change it). */
function calls(bound: boolean): string[] {
  const out: string[] = [];
  for (const [type, names] of Object.entries(BUILTIN_DUNDERS)) {
    if (SAMPLES[type] === undefined) continue;
    for (const name of Object.keys(names)) {
      if (ADDRESS(type, name)) continue;
      for (const sample of SAMPLES[type]) {
        for (const args of OPERANDS) {
          if ((SLOW.test(name) || sample === '10**20') && args.includes('10**20')) continue;
          if (SLOW.test(name) && sample === '10**20') continue;
          const T = type === 'NoneType' ? 'type(None)' : type;
          const call = bound ? `x.${name}(${args})` : `${T}.${name}(x${args === '' ? '' : ', '}${args})`;
          out.push(`import re\nx = ${sample}\ntry:\n    r = ${call}\nexcept Exception as e:\n    r = (type(e).__name__, str(e))\nreturn ${shown('(r, x)')}`);
        }
      }
    }
  }
  return out;
}

it("generates its table from CPython's types", () => {
  const made = execFileSync('python3', ['scripts/builtin-dunders.py'], { cwd: ROOT, encoding: 'utf8' });
  expect(made).toEqual(readFileSync(new URL('../../src/lang/runtime/builtin-dunders-table.ts', import.meta.url), 'utf8'));
  expect(BUILTIN_DUNDERS.int.__add__).toEqual(['slot', 'int']);
  expect(BUILTIN_DUNDERS.bool.__str__).toEqual(['slot', 'object']);
  expect(BUILTIN_DUNDERS.list.__hash__).toEqual(['none', 'list']);
});

it('answers every dunder of every builtin type, bound to a value, as CPython does', () => {
  const cases = calls(true);
  expect(cases.length).toBeGreaterThan(3000);
  expect(compareWithCPython(cases, new Engine({ maxMillis: 10_000 }))).toEqual([]);
}, 300_000);

it('answers every dunder of every builtin type, through the type, as CPython does', () => {
  expect(compareWithCPython(calls(false), new Engine({ maxMillis: 10_000 }))).toEqual([]);
}, 300_000);

const READS = [
  // reprs: slot wrappers, method-wrappers, methods, None
  `import re\nreturn [${['int.__add__', '(5).__add__', 'int.__setattr__', 'bool.__and__', 'True.__and__', 'True.__add__', 'list.__getitem__', '[].__getitem__', 'float.__round__', '(2.5).__round__', 'float.__getformat__', '(1.5).__getformat__', 'None.__bool__', 'type(None).__repr__', 'object.__eq__', 'object().__lt__', '[].__hash__', 'list.__hash__', '{}.__hash__', 'set.__hash__', 'frozenset.__hash__', 'str.__rmod__', 'dict.__reversed__', 'int.__trunc__'].map(shown).join(', ')}]`,
  'return type(int.__add__), type((5).__add__), type([].__getitem__), type(list.__getitem__), type(float.__getformat__), type((5).__round__), type(object.__eq__)',
  'return int.__add__.__name__, int.__add__.__qualname__, (5).__add__.__name__, (5).__add__.__qualname__, list.__getitem__.__qualname__, [].__getitem__.__qualname__, True.__and__.__qualname__, True.__add__.__qualname__',
  'return int.__add__ is int.__add__, int.__add__ == int.__add__, (5).__add__ == (5).__add__, (5).__add__ == (6).__add__, (5).__add__ == (5).__sub__, [].__len__ == [].__len__, bool.__add__ is int.__add__, object.__eq__ is int.__eq__',
  "return hasattr(5, '__add__'), hasattr(5, '__len__'), hasattr(int, '__add__'), hasattr(None, '__bool__'), hasattr(object(), '__lt__'), hasattr([], '__hash__'), hasattr(1.5, '__getformat__'), hasattr('a', '__rmod__'), hasattr('a', '__radd__'), hasattr(True, '__and__'), hasattr({}, '__or__'), hasattr(set(), '__ior__'), hasattr(frozenset(), '__ior__')",
  "return callable((5).__add__), callable(int.__add__), callable([].__hash__), getattr(5, '__add__')(1), getattr(int, '__sub__')(5, 1), getattr(5, '__nope__', 'd'), getattr([], '__hash__')",
  "return getattr(5, '__len__')",
  'return int.__len__',
  'return sorted([3, 1, 2], key=int.__neg__), list(map(str.__len__, ["a", "bb"])), list(map((10).__sub__, [1, 2])), list(map(str.__add__, ["a", "b"], ["c", "d"]))',
  'import functools\nreturn functools.reduce(int.__add__, [1, 2, 3]), functools.reduce(int.__mul__, range(1, 6)), functools.reduce(set.__or__, [{1}, {2}])',
  'return (5).__eq__(5), (5).__eq__(5.0), (5.0).__eq__(5), (5).__ne__(5.0), (5.5).__ne__(5), "a".__eq__(1), [1].__eq__((1,)), {1: 2}.__lt__({}), None.__eq__(None), None.__ne__(None), None.__ne__(1), object.__ne__(1, 1), object.__ne__({}, {})',
  'return (5).__pow__(2, 3), (5).__pow__(2, None), (5).__pow__(2.0, 3), (5).__pow__(2, 3.0), (5).__rpow__(2, 3), (5).__pow__(-1, 7), int.__pow__(5, 2, 7)',
  'return (5).__pow__(2, 0)',
  'return (2.5).__pow__(2, 3)',
  'return (3).__round__(-1), (2.675).__round__(2), (2.5).__round__(), (1e300).__round__(-400), (2.5).__round__(None)',
  "return float('inf').__round__()",
  'return (5).__round__(None)',
  "return (5).__format__('>4'), (5).__format__(''), True.__format__(''), True.__format__('d'), (2.5).__format__('.3f'), 'a'.__format__('^5'), int.__format__(True, '')",
  "return object().__format__('x')",
  'return (5).__hash__(), (2.5).__hash__(), "abc".__hash__(), (1, 2).__hash__(), frozenset({1}).__hash__(), True.__hash__(), int.__hash__(True)',
  'return (5).__bool__(), (0.0).__bool__(), (5).__index__(), (5.7).__int__(), (5).__float__(), (-5).__invert__(), (2.5).__trunc__(), (2.5).__floor__(), (-2.5).__ceil__(), True.__int__(), True.__abs__(), True.__neg__()',
  "return 'abc'.__getitem__(slice(None, None, -1)), 'abc'.__contains__('b'), list('abc'.__iter__()), list([3, 1].__reversed__()), list({1: 2, 3: 4}.__reversed__())",
  "return 'abc'.__contains__(1)",
  'return {1}.__and__([1]), {1}.__or__({2}), frozenset({1}).__rsub__({1, 2}), {1, 2}.__ixor__({2, 3}), {1}.__le__(frozenset({1, 2}))',
  "return {'a': 1}.__or__({'b': 2}), {'a': 1}.__or__(1), {'a': 1}.__ror__({'b': 2}), {}.__ior__([(1, 2)]), {1: 2}.__getitem__(1), {1: 2}.__contains__(3)",
  'return {1: 2}.__getitem__(5)',
  'l = [1, 2, 3]\nl.__setitem__(0, 9)\nl.__delitem__(1)\nl.__iadd__([7])\nl.__imul__(2)\nreturn l',
  'd = {}\nd.__setitem__("a", 1)\nd.__setitem__("b", 2)\nd.__delitem__("a")\nreturn d, d.__len__(), list(d.__iter__())',
  'return True.__and__(True), True.__and__(1), True.__or__(False), True.__xor__(True), False.__rxor__(True), True.__and__(2.5), bool.__and__(True, 0)',
  'return bool.__and__(1, True)',
  'return float.__getformat__("double"), (1.5).__getformat__("float")',
  'return float.__getformat__("x")',
  'return float.__getformat__(None)',
  // wrong instances, counts and keywords, bound and unbound
  "return int.__add__('a', 1)",
  'return int.__add__()',
  'return float.__add__(1, 2.0)',
  'return list.__len__((1, 2))',
  'return dict.__getitem__([1], 0)',
  'return list.__getitem__()',
  'return str.__len__()',
  'return float.__round__(1)',
  'return (5).__add__(x=1)',
  'return int.__add__(5, x=1)',
  'return [].__getitem__(x=1)',
  'return (5).__round__(x=1)',
  'return (5).__round__(1, 2)',
  'return (5).__trunc__(1, 2, 3, 4)',
  'return (5).__pow__()',
  'return (5).__pow__(1, 2, 3)',
  'return [].__setitem__(0)',
  "return 'a'.__mul__()",
  'return [].__imul__(2.5)',
  'l = [1, 2]\ntry:\n    l.__imul__(10**20)\nexcept OverflowError as e:\n    return str(e), l',
  'return (1).__truediv__(0)',
  'return (1.5).__floordiv__(0.0)',
  'return False.__rdivmod__(3)',
  // stores and deletes: a builtin value's dunder is read-only
  'x = 5\nx.__add__ = 3\nreturn x',
  "setattr(5, '__add__', 1)",
  'del (5).__add__',
  "x = []\nx.__hash__ = 1",
  'int.__add__ = 1',
  "setattr(int, '__add__', 1)",
];

it('reads builtin dunders: reprs, identity, reflection and errors, as CPython does', () => {
  expect(compareWithCPython(READS, new Engine({ maxMillis: 10_000 }))).toEqual([]);
});

const CLASSES = [
  // a condition's classes: their own dunders, else their builtin base's, bound and unbound
  `class I(int):
    def __add__(self, o):
        return 'mine'
x = I(5)
return x + 1, x.__add__(1), int.__add__(x, 1), super(I, x).__add__(1), I.__add__(x, 1), x.__sub__(1), I.__sub__(x, 2), x.__neg__(), type(x.__neg__())`,
  `class S(str):
    def __len__(self):
        return 99
s = S('abc')
return len(s), s.__len__(), str.__len__(s), s.__getitem__(0), S.__mul__(s, 2), s.__eq__('abc'), str.__repr__(s), s.__hash__() == hash('abc')`,
  `import re
class L(list):
    def __getitem__(self, i):
        return 'x'
l = L([1, 2])
return l[0], l.__getitem__(0), list.__getitem__(l, 0), l.__len__(), L.__len__(l), ${shown('l.__iter__')}, L.__hash__`,
  `class D(dict):
    def __missing__(self, k):
        return 0
d = D(a=1)
return d.__getitem__('z'), dict.__getitem__(d, 'a'), d.__contains__('a'), d.__len__(), D.__hash__, d.__eq__({'a': 1}), dict.__repr__(d)`,
  `import re
class A:
    pass
a = A()
b = A()
return a.__eq__(a), a.__eq__(b), a.__ne__(b), a.__lt__(b), A.__eq__(a, a), object.__eq__(a, b), a.__repr__() == repr(a), a.__str__() == str(a), hash(a) == a.__hash__(), ${shown('A.__eq__')}, ${shown('a.__ne__')}, type(a.__eq__).__name__`,
  `class A:
    def __eq__(self, o):
        return super().__eq__(o)
    def __ne__(self, o):
        return super().__ne__(o)
a = A()
return a == a, a == 1, a != a, a != 1, a.__eq__(1), A.__eq__(a, a)`,
  `class A:
    def __lt__(self, o):
        return 'lt'
a = A()
return a.__lt__(1), a.__gt__(1), a.__le__(1), a < 1, 1 > a`,
  `class A:
    __hash__ = int.__hash__
    __eq__ = int.__eq__
return A.__hash__ is int.__hash__, A.__eq__ is int.__eq__`,
  `class A:
    pass
A.__eq__ = lambda s, o: True
return A() == A(), A.__eq__(1, 2)`,
  `class A:
    pass
a = A()
a.__eq__ = 3
return a.__eq__, a == a`,
  `class A:
    pass
setattr(A, '__lt__', lambda s, o: 'lt')
return A() < 1`,
  `class E(Exception):
    pass
e = E('x')
return e.__str__(), e.__repr__(), e.__eq__(e), e.__ne__(1), KeyError('k').__str__(), Exception.__str__(e), ValueError.__str__, KeyError.__str__, E.__repr__`,
  // a class with __eq__ and no __hash__ has None for it, as type_new sets it; a subclass that defines __hash__ has its own
  `class A:
    def __eq__(self, o):
        return True
class B(A):
    def __hash__(self):
        return 1
return A.__hash__, A().__hash__, hasattr(A(), '__hash__'), B().__hash__(), type(B.__eq__).__name__`,
  `class B(Exception):
    pass
return B.__eq__ is object.__eq__, B.__str__ is BaseException.__str__, KeyError.__str__ is LookupError.__str__, B.__repr__ is KeyError.__repr__, KeyError('k').__str__()`,
  `x = 5
return x.__class__.__add__(x, 1), type(x).__mul__(x, 3), [m for m in ('__add__', '__len__', '__iter__', '__eq__', '__hash__', '__bool__', '__radd__') if hasattr('', m)]`,
  `class A(list):
    pass
return A.__hash__, A().__hash__, A.__add__([1], [2]), A.__iadd__ is list.__iadd__`,
  `class Q(dict):
    def __len__(self):
        return 7
q = Q(a=1)
return len(q), q.__len__(), dict.__len__(q), Q.__len__(q)`,
  `class N:
    def __index__(self):
        return 2
return (5).__lshift__(N()), 'ab'.__mul__(N()), [1].__mul__(N()), (5).__add__(N())`,
  `class F(float):
    def __round__(self, n=None):
        return 'mine'
f = F(2.5)
return round(f), f.__round__(), float.__round__(f), float.__round__(f, 1)`,
];

const ITERATORS = [
  `import re\nit = iter([1, 2, 3])\nreturn it.__next__(), it.__iter__() is it, list(it), ${shown('it.__next__')}, ${shown('type(it).__next__')}, type(it).__next__(iter('ab'))`,
  'it = iter([])\nreturn it.__next__()',
  'g = (x * 2 for x in range(3))\nreturn g.__next__(), g.__next__(), g.__iter__() is g, list(g)',
  'def gen():\n    yield 1\n    yield 2\ng = gen()\nreturn g.__next__(), next(g), g.__eq__(g), g.__ne__(g)',
  "return map(len, ['a', 'bb']).__next__(), zip([1], [2]).__next__(), enumerate('ab').__next__(), reversed([1, 2]).__next__(), filter(None, [0, 3]).__next__()",
  "return iter('\u00e9').__next__(), iter({1: 2}).__next__(), iter({1: 2}.values()).__next__(), iter({1: 2}.items()).__next__(), iter({5}).__next__(), iter(range(3)).__next__(), iter((7,)).__next__()",
  'it = iter([1])\nreturn it.__next__(1)',
  'return type(iter([])).__next__([])',
  'return type(iter([])).__next__()',
  "return hasattr(iter([]), '__next__'), hasattr([], '__next__'), callable(iter([]).__next__)",
  'return [].__next__',
  'it = iter(lambda: 1, 2)\nreturn it.__next__(), it.__iter__() is it',
];

it("reads an iterator's __next__ and __iter__ as CPython does", () => {
  expect(compareWithCPython(ITERATORS, new Engine({ maxMillis: 10_000 }))).toEqual([]);
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  // a module's iterator's dunders are not built (refused, fatal); a generator's endless __next__ in a loop is a run's steps, as next()'s
  expect(evaluator(engine, { source: 'import itertools\nit = itertools.count()\nwhile True:\n    it.__next__()' }).error).toBe("UnsupportedError: 'itertools.count.__next__' is not available in conditions: the evaluator does not build it");
  expect(evaluator(engine, { source: 'def g():\n    while True:\n        yield 1\nit = g()\nwhile True:\n    it.__next__()' }).error).toMatch(/^StepLimitError/);
  // what is not built says so, and pickle's stays refused when compiled
  expect(evaluator(engine, { source: 'return iter([]).__length_hint__()' }).error).toBe("UnsupportedError: 'list_iterator.__length_hint__' is not available in conditions: the evaluator does not build it");
  expect(evaluator(engine, { source: 'return iter([]).__setstate__(0)' }).error).toMatch(/^SyntaxError: names with double underscores \('__setstate__'\)/);
});

it("reads the dunders of a condition's classes, their builtin bases' and object's, as CPython does", () => {
  expect(compareWithCPython(CLASSES, new Engine({ maxMillis: 10_000 }))).toEqual([]);
});

it('lets the names by where CPython reads them, and refuses what is not built', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  // pickle's and the introspection dunders that lead to the host stay refused when compiled
  expect(error('return (5).__reduce__()')).toMatch(/^SyntaxError: .*'__reduce__'/);
  expect(error('f = lambda: 1\nreturn f.__code__')).toMatch(/^SyntaxError: '__code__' is not available/);
  expect(error("return getattr(5, '__sizeof__')")).toMatch(/^UnsupportedError: names with double underscores \('__sizeof__'\)/);
  // the dunders of a type the table does not hold are not built, and refuse (fatal: CPython answers)
  expect(error('return range(3).__len__()')).toMatch(/^UnsupportedError: 'range\.__len__' is not available in conditions: the evaluator does not build it$/);
  expect(error("return b'a'.__len__()")).toMatch(/^UnsupportedError: 'bytes\.__len__' is not available in conditions: the evaluator does not build it$/);
  expect(error('import json\nreturn json.__eq__')).toMatch(/^UnsupportedError: 'module\.__eq__' is not available in conditions: the evaluator does not build it$/);
  expect(error('return len.__eq__')).toMatch(/^UnsupportedError: 'builtin_function_or_method\.__eq__' is not available in conditions: the evaluator does not build it$/);
  expect(error("return hasattr(range(3), '__len__')")).toMatch(/^UnsupportedError: 'range\.__len__' is not available in conditions: the evaluator does not build it$/);
  // what other parts answer stays theirs
  expect(error('import collections\nreturn collections.deque.__init__')).toBe("UnsupportedError: 'collections.deque.__init__' is not available in conditions: the evaluator does not build it");
  expect(error('return json.nope')).toBe("AttributeError: module 'json' has no attribute 'nope'");
});

it('holds hostile dunder calls to the limits', () => {
  // a time budget far past what these take, so that on a loaded machine each ends at the limit it meets, not the clock
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  for (const [source, error] of <[string, RegExp][]>[
    ["return 'ab'.__mul__(10**9)", /^MemoryError: condition built a value of/],
    ['return [0].__mul__(10**9)', /^MemoryError: condition built a value of/],
    ['return str.__mul__("ab", 10**9)', /^MemoryError: condition built a value of/],
    ['l = [0]\nfor i in range(40):\n    l.__iadd__(l)\nreturn len(l)', /^MemoryError: condition built a value of/],
    ['x = [1]\nwhile True:\n    x.__len__()', /^StepLimitError: condition exceeded its (time )?budget/],
    ['f = int.__add__\nwhile True:\n    f(1, 2)', /^StepLimitError: condition exceeded its (time )?budget/],
    ['return (7).__pow__(10**8)', /^(StepLimitError|MemoryError)/],
    ['class A:\n    def __eq__(self, o):\n        return self.__eq__(o)\nreturn A() == 1', /^RecursionError: maximum recursion depth exceeded/],
    ['class A:\n    def __eq__(self, o):\n        return object.__ne__(self, o)\nreturn A() == 1', /^RecursionError: maximum recursion depth exceeded/],
    ['l = []\nfor i in range(3000):\n    l = [l]\nreturn l.__repr__()', /^RecursionError/],
    ['d = {}\nd[1] = d\nreturn d.__repr__(), d.__eq__(d)', /^$/],
  ]) {
    const t0 = performance.now();
    const got = evaluator(engine, { source });
    expect(got.error ?? '').toMatch(error);
    expect(performance.now() - t0).toBeLessThan(8000);
  }
});
