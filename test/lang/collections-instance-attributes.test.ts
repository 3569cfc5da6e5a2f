import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const C = 'import collections\n';

/** Counter, OrderedDict and ChainMap are Python classes in CPython: their instances have a __dict__; defaultdict and deque are C types without one. */
it('keeps attributes on Counter, OrderedDict and ChainMap instances as CPython does', () => {
  expect(compareWithCPython([
    `${C}c = collections.Counter('ab')\nc.x = 1\nreturn c.x, vars(c), c.__dict__, 'x' in dir(c), c`,
    `${C}c = collections.OrderedDict(a=1)\nc.x = 1\nreturn c.x, vars(c), 'x' in dir(c), c, c.copy().__dict__`,
    `${C}c = collections.Counter()\nc.x = 1\ndel c.x\ntry:\n    del c.x\nexcept AttributeError as e:\n    return str(e), vars(c)`,
    `${C}c = collections.OrderedDict()\ntry:\n    del c.y\nexcept AttributeError as e:\n    return str(e), vars(c)`,
    `${C}c = collections.Counter()\nc.__dict__ = {'a': 5}\nreturn c.a, vars(c)`,
    `${C}import copy\nc = collections.OrderedDict(a=1)\nc.x = [1]\nd = copy.copy(c)\ne = copy.deepcopy(c)\nreturn d, vars(d), vars(e), vars(e)['x'] is c.x`,
    `${C}import copy\nc = collections.Counter(a=1)\nc.x = [1]\nreturn copy.copy(c), vars(copy.copy(c)), vars(copy.deepcopy(c))`,
    `${C}c = collections.Counter(a=1)\nc.__orig_class__ = 4\nreturn c == collections.Counter(a=1), c.__orig_class__`,
    `${C}c = collections.ChainMap({'a': 1})\nc.x = 1\nreturn c.x, vars(c), c.__dict__, 'x' in dir(c), c`,
    `${C}c = collections.ChainMap({'a': 1})\ndel c.maps\ntry:\n    c['a']\nexcept AttributeError as e:\n    return str(e), vars(c)`,
    `${C}c = collections.ChainMap({'a': 1})\nc.__dict__ = {'maps': [{'b': 2}], 'y': 3}\nreturn c['b'], c.y, vars(c)`,
    `${C}import copy\nc = collections.ChainMap({'a': 1})\nc.x = [1]\nd = copy.copy(c)\ne = copy.deepcopy(c)\nreturn d, vars(d), vars(e), e.x is c.x`,
    `${C}c = collections.ChainMap()\ntry:\n    del c.zz\nexcept AttributeError as e:\n    return str(e)`,
    `${C}c = collections.ChainMap({'a': 1})\nc.maps = [{'q': 1}]\nreturn c['q'], vars(c), c.parents, c.new_child().maps`,
    `${C}c = collections.ChainMap({'a': 1})\nc.x = 1\nreturn c.new_child().__dict__, (c | {'z': 1}).__dict__`,
    `${C}d = collections.defaultdict(int)\ntry:\n    d.x = 1\nexcept AttributeError as e:\n    return str(e)`,
    `${C}d = collections.deque()\ntry:\n    d.x = 1\nexcept AttributeError as e:\n    return str(e)`,
  ])).toEqual([]);
});

/** typing's _BaseGenericAlias.__call__ sets __orig_class__ where the instance takes it, and passes an AttributeError by. */
it("keeps typing's alias as __orig_class__ as CPython does", () => {
  expect(compareWithCPython([
    'import typing\nreturn typing.Counter[str]().__orig_class__',
    'import typing\nreturn typing.OrderedDict[str, int]().__orig_class__',
    'import typing\nreturn typing.ChainMap[str, int]().__orig_class__',
    'import typing\nreturn typing.Counter().__orig_class__, typing.OrderedDict(a=1).__orig_class__, typing.ChainMap().__orig_class__',
    "import typing\nreturn typing.Counter[int]('ab'), vars(typing.Counter[int]('ab'))",
    "import typing\nd = typing.DefaultDict[str, int](int)\nreturn d, hasattr(d, '__orig_class__')",
    "import typing\nd = typing.DefaultDict(int)\nreturn d, hasattr(d, '__orig_class__')",
    "import typing\nd = typing.Deque[int]([1])\nreturn d, hasattr(d, '__orig_class__')",
    "import typing\nd = typing.Deque([1])\nreturn d, hasattr(d, '__orig_class__')",
  ])).toEqual([]);
});

/** A name the class answers (a method, a property) would shadow it in CPython: refused, not stored unread. */
it("refuses an instance attribute named as the class's own", () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`${C}c = collections.Counter()\nc.update = 1`)).toMatch(/^UnsupportedError/);
  expect(error(`${C}c = collections.OrderedDict()\nc.__len__ = 1`)).toMatch(/^UnsupportedError/);
  expect(error(`${C}c = collections.ChainMap()\nc.parents = 1`)).toMatch(/^UnsupportedError/);
  expect(error(`${C}c = collections.Counter()\nwhile True:\n    c.x = 1`)).toMatch(/^StepLimitError/);
});
