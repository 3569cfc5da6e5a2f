import { expect, it } from 'vitest';
import { clockLifted, compareWithCPython, evaluator } from '../support/cpython.js';

/**
 * collections.UserDict, UserList and UserString as Lib/collections writes them: `data`, each
 * method reaching self's others (a subclass's __setitem__ honoured by update(), setdefault(),
 * fromkeys() and the constructor; its __getitem__ by get(), pop() and iteration), repr, ==,
 * |, +, copy (a subclass's copy() through copy.copy), the mixins of MutableMapping and Sequence,
 * pprint's tables, a match statement's mapping and sequence patterns, and cycles in repr.
 */
const USERDICT = [
  // the mixins are collections.abc's own functions
  "from collections import UserDict\nfrom collections.abc import Mapping, MutableMapping\nreturn UserDict.get is Mapping.get, UserDict.pop is MutableMapping.pop, UserDict.update.__qualname__, UserDict.setdefault.__qualname__\n",
  "from collections import UserDict\nd = UserDict({'a': 1}, b=2)\nreturn d, d.data, len(d), d['a'], 'b' in d, list(d), d.get('z'), d.get('a', 5), repr(d), str(d), type(d), type(d).__name__, type(d).__module__, type(d).__qualname__",
  "from collections import UserDict\nd = UserDict(a=1)\nd['x'] = 2\ndel d['a']\nr = []\ntry:\n    d['nope']\nexcept KeyError as e:\n    r.append(repr(e))\nreturn d, r, d == {'x': 2}, {'x': 2} == d, d == UserDict(x=2), d != {'x': 3}, d == 5",
  "from collections import UserDict\nclass D(UserDict):\n    def __setitem__(self, k, v):\n        super().__setitem__(k, v * 2)\nd = D({'a': 1}, b=2)\nd.update({'c': 3}, e=4)\nd.update([('f', 5)])\nd.setdefault('g', 6)\nd |= {'h': 7}\nreturn d, type(d).__name__, d.copy(), type(d.copy()).__name__, D.fromkeys('ab', 1), d | {'z': 1}, {'z': 1} | d, type({'z': 1} | d).__name__",
  "from collections import UserDict\nclass D(UserDict):\n    def __missing__(self, key):\n        return key * 2\nd = D()\nreturn d['ab'], d.get('ab'), 'ab' in d, d.setdefault('q', 5), d",
  "from collections import UserDict\nd = UserDict(a=1, b=2, c=3)\nr = [d.pop('a'), d.pop('zz', 'dflt'), d.popitem()]\ntry:\n    d.pop('zz')\nexcept KeyError as e:\n    r.append(repr(e))\nd.clear()\ntry:\n    d.popitem()\nexcept KeyError as e:\n    r.append((repr(e), e.__suppress_context__))\nreturn r, d",
  "from collections import UserDict\nd = UserDict(a=1)\nreturn d.keys(), d.items(), d.values(), list(d.items()), 'a' in d.keys(), ('a', 1) in d.items(), 1 in d.values(), d.keys() | {'z'}",
  "from collections import UserDict\nimport copy\nd = UserDict(a=[1])\nc = copy.copy(d)\ne = copy.deepcopy(d)\ne['a'].append(2)\nc['b'] = 1\nreturn d, c, e, c.data is d.data, c['a'] is d['a']",
  "from collections import UserDict\nclass D(UserDict):\n    pass\nd = D(a=1)\nd.extra = 5\nc = d.copy()\nimport copy\nc2 = copy.copy(d)\nreturn c, c.extra, c2.extra, c.data is d.data, type(c).__name__, d.__dict__",
  "from collections import UserDict\nd = UserDict()\nd['self'] = d\nreturn repr(d), str(d)",
  "from collections import UserDict\nr = []\nfor f in (lambda: hash(UserDict()), lambda: reversed(UserDict()), lambda: UserDict(1), lambda: UserDict([(1,)]), lambda: UserDict({}, {}), lambda: UserDict().get(), lambda: UserDict() | 5, lambda: 5 | UserDict(), lambda: UserDict().update({}, {})):\n    try:\n        f()\n    except (TypeError, ValueError) as e:\n        r.append((type(e).__name__, str(e)))\nreturn r",
  "from collections import UserDict\nreturn UserDict(dict={'a': 1}), UserDict(self=1), UserDict([('a', 1)]), UserDict(UserDict(x=1)), UserDict.fromkeys([1, 2]), UserDict(a=1) == UserDict(a=1.0)",
  "from collections import UserDict, ChainMap, OrderedDict\nreturn ChainMap({'a': 1}) == UserDict(a=1), UserDict(a=1) == ChainMap({'a': 1}), UserDict(a=1) == OrderedDict(a=1), dict(UserDict(a=1)), {**UserDict(a=1)}, sorted(UserDict(b=1, a=2))",
  "from collections import UserDict\nimport json\ntry:\n    return json.dumps(UserDict(a=1))\nexcept TypeError as e:\n    return str(e)",
  "from collections import UserDict\nreturn UserDict[str, int], isinstance(UserDict(), UserDict), issubclass(UserDict, object), UserDict.__name__, UserDict.__module__, UserDict.update.__qualname__, UserDict.keys.__qualname__, UserDict.__init__.__qualname__",
  "from collections import UserDict\nclass D(UserDict):\n    def __getitem__(self, k):\n        return 42\n    def __iter__(self):\n        return iter(['x', 'y'])\nd = D(a=1)\nreturn d.get('zzz'), d.pop('zzz'), d.setdefault('q'), list(d.items()), d == {'x': 42, 'y': 42}, dict(d)",
  "from collections import UserDict\nd = UserDict(a=1)\nd.data = {'z': 9}\nreturn d, len(d), d.copy()",
  "from collections import UserDict\nd = UserDict({i: i for i in range(50)})\nd.clear()\nreturn len(d), d",
  "from collections import UserDict\nd = UserDict(a=1, b=2)\nd.update(d)\nd.update(d.items())\nreturn d, d.keys() == {'a', 'b'}, d.items() | {1}, d.values() == d.values()",
  "from collections import UserDict\nimport pprint\nd = UserDict({'a' * 30: 1, 'b' * 30: [1] * 30})\nreturn pprint.pformat(d), pprint.pformat(UserDict()), pprint.pformat([UserDict(a=1)])",
  "from collections import UserDict\nmatch UserDict(a=1, b=2):\n    case {'a': x, **rest}:\n        return 'map', x, rest\n    case _:\n        return 'no'",
  "from collections import UserDict\nclass D(UserDict):\n    pass\nreturn D.__bases__, D.__name__, type(D()), D.__qualname__, isinstance(D(), UserDict), issubclass(D, UserDict), UserDict in D.__bases__",
  "from collections import UserDict\nd = UserDict(a=1)\nreturn vars(d), d.__dict__, sorted(k for k in dir(d) if not k.startswith('_')), hasattr(d, 'data')",
  "from collections import UserDict\nd = UserDict(a=1)\nd2 = UserDict(d)\nd2['b'] = 2\nreturn d, d2, d2.data is d.data",
  "from collections import UserDict\nclass D(UserDict):\n    def __init__(self, *a, **k):\n        self.log = []\n        super().__init__(*a, **k)\n    def __setitem__(self, k, v):\n        self.log.append(k)\n        super().__setitem__(k, v)\nd = D({'x': 1}, y=2)\nd.update(z=3)\nd['w'] = 4\nd.setdefault('v', 5)\nD.fromkeys('ab')\nc = d.copy()\nreturn d.log, c.log, d | {'q': 1}, (d | {'q': 1}).log, c",
  "from collections import UserDict\nd = UserDict(a=1)\nr = []\nfor f in (lambda: d.pop(), lambda: d.popitem(1), lambda: d.setdefault(), lambda: d.keys(1), lambda: UserDict.fromkeys(), lambda: d.copy(1), lambda: d.update(1), lambda: d.clear(1)):\n    try:\n        f()\n    except TypeError as e:\n        r.append(str(e))\nreturn r",
  "from collections import UserDict\nd = UserDict(a=1)\nd |= [('b', 2)]\ntry:\n    d |= 5\nexcept TypeError as e:\n    return d, str(e)",
  "from collections import UserDict\nimport copy\nclass D(UserDict):\n    def __init__(self, n):\n        super().__init__()\n        self.n = n\nd = D(5)\nd['a'] = [1]\ne = copy.deepcopy(d)\nc = copy.copy(d)\nreturn e, e.n, c.n, c.data is d.data, type(e).__name__, d.copy(), d.copy().n",
  "from collections import UserDict\nd = UserDict()\nd['a'] = d\ne = UserDict(x=d)\nreturn str(e), repr([d, e]), f'{d}'",
  "from collections import UserDict\nmatch UserDict(a=1, b=2):\n    case {'a': x, **rest}:\n        return 'map', x, rest\n    case _:\n        return 'no'",
  "from collections import UserDict\nclass D(UserDict):\n    def __missing__(self, k):\n        return 0\nr = []\nfor pat in range(3):\n    match D(a=1):\n        case {'zz': 0} if pat == 0:\n            r.append('zz')\n        case {'a': 1, 'q': 0, **rest} if pat == 1:\n            r.append(rest)\n        case [*_]:\n            r.append('seq')\n        case _:\n            r.append('none')\nreturn r",
  "from collections import UserDict, ChainMap\nr = []\nfor s in (UserDict(), ChainMap({'k': 1}), UserDict(k=2)):\n    match s:\n        case {'k': v}:\n            r.append(v)\n        case {}:\n            r.append('empty')\nreturn r",
  "from collections import UserDict\nclass D(UserDict):\n    def __missing__(self, k):\n        return 0\ntry:\n    match D(a=1):\n        case {'q': 0, **rest}:\n            return rest\nexcept KeyError as e:\n    return repr(e)",
];

const USERLIST = [
  "from collections import UserList\nl = UserList([3, 1, 2])\nreturn l, l.data, len(l), l[0], l[1:], type(l[1:]).__name__, 2 in l, list(l), repr(l), str(l), l == [3, 1, 2], l < [4], l >= UserList([3]), l != [1]",
  "from collections import UserList\nl = UserList([3, 1, 2])\nl.append(5); l.insert(0, 9); l.extend([7]); l.extend(UserList([8]))\nr = [l.pop(), l.pop(0), l.count(1), l.index(2)]\nl.remove(1)\nl.reverse()\nl.sort()\nl.sort(key=lambda x: -x, reverse=True)\nr.append(l.copy())\nl[0] = 'x'\ndel l[1]\nr.append(l)\nl.clear()\nreturn r, l",
  "from collections import UserList\nl = UserList([1, 2])\na = l + [3]\nb = [0] + l\nc = l + UserList([4])\nd = l + (5,)\ne = (6,) + l\nf = l * 2\ng = 2 * l\nl2 = l\nl += [3]\nl += (4,)\nl *= 2\nreturn a, b, c, d, e, f, g, l, l2 is l, type(b).__name__, type(e).__name__",
  "from collections import UserList\nclass L(UserList):\n    def __getitem__(self, i):\n        return super().__getitem__(i) * 10\nl = L([1, 2, 3])\nreturn list(l), list(reversed(l)), [x for x in l], l[1:], 2 in l, type(iter(l)).__name__, l.index(2)",
  "from collections import UserList\nl = UserList()\nl.append(l)\nreturn repr(l), str([l])",
  "from collections import UserList\nimport copy\nl = UserList([[1], 2])\nc = copy.copy(l)\nd = copy.deepcopy(l)\nd[0].append(5)\nc.append(3)\nreturn l, c, d, c.data is l.data, c[0] is l[0]",
  "from collections import UserList\nr = []\nfor f in (lambda: hash(UserList()), lambda: UserList(5), lambda: UserList([1]).pop(5), lambda: UserList([1]).remove(2), lambda: UserList([1]).index(2), lambda: UserList([1]) < 5, lambda: UserList([1])[5], lambda: UserList().sort(1), lambda: UserList() + 5, lambda: 5 + UserList(), lambda: UserList(1, 2)):\n    try:\n        r.append(f())\n    except (TypeError, ValueError, IndexError) as e:\n        r.append((type(e).__name__, str(e)))\nreturn r",
  "from collections import UserList\nmatch UserList([1, 2, 3]):\n    case [a, *rest]:\n        return a, rest",
  "from collections import UserList\nimport pprint\nreturn pprint.pformat(UserList([list(range(30)), 'x' * 50])), UserList[int], UserList('abc'), UserList(range(3)), UserList(UserList([1]))",
  "from collections import UserList\nclass L(UserList):\n    pass\nl = L([1])\nl.tag = 't'\nc = l.copy()\nreturn type(c).__name__, c, type(l + [2]).__name__, type(l * 2).__name__, type(l[:]).__name__, L.__bases__",
  "from collections import UserList\nl = UserList('abc')\nreturn list(reversed(l)), sorted(l, reverse=True), max(l), ''.join(l), l.__dict__, UserList.__rmul__ is UserList.__mul__, UserList.__iter__.__qualname__",
  "from collections import UserList\nl = UserList([1, 2])\nl.data = (3, 4)\nreturn l, l + [1] if False else l[0], len(l), list(l)",
];

const USERSTRING = [
  "from collections import UserString\ns = UserString('Hello World')\nreturn s, s.data, repr(s), str(s), len(s), s[0], type(s[0]).__name__, s[1:3], 'ell' in s, UserString('ell') in s, s == 'Hello World', s < 'Z', s == UserString('Hello World'), hash(s) == hash('Hello World')",
  "from collections import UserString\ns = UserString('  Hello World  ')\nr = [s.capitalize(), s.casefold(), s.center(20, '*'), s.count('l'), s.count(UserString('l')), s.removeprefix('  He'), s.removesuffix(UserString('  ')), s.encode(), s.encode(None, None), s.endswith('  '), s.expandtabs(), s.find('W'), s.find(UserString('W')), s.index('o'), s.isalpha(), s.isspace(), s.join(['a', 'b']), s.ljust(18, '.'), s.lower(), s.lstrip(), s.partition('o'), s.replace('l', 'L', 2), s.replace(UserString('l'), UserString('_')), s.rfind('o'), s.rindex('o'), s.rjust(17), s.rpartition('o'), s.rstrip(), s.split(), s.rsplit('o', 1), s.splitlines(True), s.startswith('  H'), s.strip(), s.swapcase(), s.title(), s.translate({72: 'h'}), s.upper(), s.zfill(20)]\nreturn r, [type(x).__name__ for x in r]",
  "from collections import UserString\ns = UserString('{} {x}')\nreturn s.format(1, x=2), s.format_map({'x': 3}) if False else s.format(0, x=s), UserString('%s-%d') % ('a', 1), '%s!' % UserString('q'), s.maketrans('a', 'b'), UserString.maketrans('ab', 'cd'), type(UserString('%s') % 1).__name__",
  "from collections import UserString\ns = UserString('ab')\nreturn s + 'c', s + UserString('d'), s + 5, 'x' + s, 5 + s if False else None, s * 3, 3 * s, type('x' + s).__name__, list(s), list(reversed(s)), [type(c).__name__ for c in s], int(UserString('12')), float(UserString('1.5')), complex(UserString('1j')), UserString(5), UserString(UserString('z')), UserString(['a'])",
  "from collections import UserString\nr = []\nfor f in (lambda: UserString(), lambda: UserString('a').index('z'), lambda: int(UserString('x')), lambda: UserString('a') + None, lambda: UserString('a') < 5, lambda: UserString('a').center(), lambda: UserString('a')[5], lambda: UserString('a').removeprefix(prefix='a'), lambda: None + UserString('a'), lambda: UserString('a') % 5):\n    try:\n        r.append(f())\n    except (TypeError, ValueError, IndexError) as e:\n        r.append((type(e).__name__, str(e)))\nreturn r",
  "from collections import UserString\nimport copy, pprint\ns = UserString('x' * 100)\nreturn copy.copy(s), copy.deepcopy(s), pprint.pformat(s, width=40), pprint.pformat([UserString('ab')]), UserString[int]",
  "from collections import UserString\nmatch UserString('ab'):\n    case [a, b]:\n        return 'seq', a, b, type(a).__name__\n    case _:\n        return 'no'",
  "from collections import UserString\nclass S(UserString):\n    def upper(self):\n        return 'own'\ns = S('abc')\nreturn s.upper(), type(s.lower()).__name__, type(s[0]).__name__, type(s + 'x').__name__, {s: 1}, sorted([S('b'), S('a')])",
  "from collections import UserString, UserList\nreturn UserString.__iter__.__qualname__, UserString.upper.__qualname__, UserList.sort.__qualname__, UserList.__iter__.__qualname__, UserString.index.__qualname__",
];

it('answers UserDict as CPython does', () => {
  expect(compareWithCPython(USERDICT)).toEqual([]);
});

it('answers UserList as CPython does', () => {
  expect(compareWithCPython(USERLIST)).toEqual([]);
});

it('answers UserString as CPython does', () => {
  expect(compareWithCPython(USERSTRING)).toEqual([]);
});

// the clock lifted (the steps are not): a shared machine's wall time is often another process's
const unclocked = clockLifted();
const run = (source: string): string => {
  const out = evaluator(unclocked, { source, data: {} });
  return out.repr ?? out.error!;
};

/** Their bases are collections.abc's, which the evaluator does not build: their order (and a subclass's) is refused, not given short. */
it('refuses their order and bases, and a store on them', () => {
  for (const [name, bases] of [['UserDict', 'MutableMapping'], ['UserList', 'MutableSequence'], ['UserString', 'Sequence']]) {
    for (const what of ['__mro__', '__bases__', '__base__', 'mro()']) {
      expect(run(`import collections\nreturn collections.${name}.${what}`)).toMatch(new RegExp(`^UnsupportedError: 'collections\\.${name}\\.__(mro|bases|base)__' is not available in conditions: its bases are collections\\.abc's ${bases}, `));
    }
    expect(run(`import collections\nclass D(collections.${name}):\n    pass\nreturn D.__mro__`)).toMatch(new RegExp(`^UnsupportedError: 'D\\.__mro__' is not available in conditions: it holds collections\\.${name}, whose bases are collections\\.abc's ${bases}, `));
    expect(run(`import collections\nclass D(collections.${name}):\n    pass\nreturn D.__bases__ == (collections.${name},)`)).toBe('True');
    expect(run(`import collections\ncollections.${name}.x = 1`)).toMatch(new RegExp(`^UnsupportedError: cannot set 'collections\\.${name}\\.x'`));
    expect(run(`import collections\ncollections.${name}.__init__.__doc__ = 'x'`)).toMatch(/^UnsupportedError: cannot set /);
  }
});

/** A subclass's methods that call each other for ever, and a nesting too deep to print, end in the RecursionError. */
it('ends in the RecursionError where CPython does', () => {
  expect(run("from collections import UserDict\nclass D(UserDict):\n    def __getitem__(self, k):\n        return self[k]\nreturn D(a=1).get('a')")).toBe('RecursionError: maximum recursion depth exceeded');
  expect(run("from collections import UserDict\nclass D(UserDict):\n    def __setitem__(self, k, v):\n        self.update({k: v})\nD(a=1)")).toBe('RecursionError: maximum recursion depth exceeded');
  expect(run('from collections import UserList\nu = UserList()\nfor i in range(1500):\n    u = UserList([u])\nreturn repr(u)')).toBe('RecursionError: maximum recursion depth exceeded');
});

/** super(UserDict, self) goes on, in CPython, through collections.abc's classes, where the mixins are: refused rather than answered from object. */
it("refuses super() past UserDict's and UserList's class to their mixins", () => {
  expect(run('from collections import UserDict\nclass D(UserDict):\n    def update(self, *a):\n        return super(UserDict, self).update(*a)\nreturn D(a=1)')).toMatch(/^UnsupportedError: super\(UserDict, \.\.\.\)\.update is not available in conditions: it is looked up in collections\.abc's MutableMapping/);
  expect(run('from collections import UserList\nclass L(UserList):\n    def __iter__(self):\n        return super(UserList, self).__iter__()\nreturn list(L([1]))')).toMatch(/^UnsupportedError: super\(UserList, \.\.\.\)\.__iter__ is not available/);
  expect(run('from collections import UserDict\nclass D(UserDict):\n    def f(self):\n        return super(UserDict, self).nothing\nreturn D().f()')).toMatch(/^UnsupportedError: super\(UserDict, \.\.\.\)\.nothing is not available/);
  // the class's own methods, through super() of the subclass, are reached
  expect(run("from collections import UserDict\nclass D(UserDict):\n    def __setitem__(self, k, v):\n        super().__setitem__(k, v + 1)\n    def update(self, *a, **k):\n        super().update(*a, **k)\nd = D(a=1)\nd.update(b=2)\nreturn d")).toBe("{'a': 2, 'b': 3}");
});
