import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** types.DynamicClassAttribute: a property through an instance, a bare AttributeError through the class (unless abstract), its getter, setter and deleter as types.py's. */
const CASES = [
  "import types\nclass C:\n    @types.DynamicClassAttribute\n    def x(self):\n        \"the x\"\n        return 5\nr = [C().x, hasattr(C, 'x'), getattr(C, 'x', 7)]\ntry:\n    C.x\nexcept AttributeError as e:\n    r.append((repr(e), e.args))\nd = C.__dict__['x']\nr += [type(d).__name__, type(d).__module__, repr(type(d)), d.__doc__, d.overwrite_doc, d.__isabstractmethod__, d.fset, d.fdel, d.fget is not None]\ntry:\n    C().x = 3\nexcept AttributeError as e:\n    r.append(str(e))\ntry:\n    del C().x\nexcept AttributeError as e:\n    r.append(str(e))\nreturn r\n",
  "import types\nclass C:\n    def __init__(self):\n        self._v = 1\n    @types.DynamicClassAttribute\n    def v(self):\n        return self._v\n    @v.setter\n    def v(self, val):\n        self._v = val * 10\n    @v.deleter\n    def v(self):\n        self._v = 'gone'\nc = C()\nc.v = 2\nr = [c.v]\ndel c.v\nr.append(c.v)\np = C.__dict__['v']\nr += [p.__doc__, p.overwrite_doc, type(p).__name__]\nreturn r\n",
  "import types\ndef g(self):\n    \"doc g\"\n    return 1\ndef h(self):\n    \"doc h\"\n    return 2\na = types.DynamicClassAttribute(g)\nb = types.DynamicClassAttribute(g, doc='given')\nc = types.DynamicClassAttribute()\nreturn [a.__doc__, a.getter(h).__doc__, b.__doc__, b.getter(h).__doc__, b.getter(h).overwrite_doc, a.setter(h).__doc__, c.__doc__, c.fget, c.overwrite_doc, c.getter(h).__doc__]\n",
  "import types\nclass C:\n    x = types.DynamicClassAttribute()\ntry:\n    C().x\nexcept AttributeError as e:\n    return str(e)\n",
  "import types, abc\nclass C:\n    @types.DynamicClassAttribute\n    @abc.abstractmethod\n    def x(self):\n        return 1\nreturn C.x is C.__dict__['x'], C.__dict__['x'].__isabstractmethod__\n",
  "import types\nclass D(types.DynamicClassAttribute):\n    pass\nclass C:\n    @D\n    def x(self):\n        return 3\np = C.__dict__['x']\nq = p.setter(lambda s, v: None)\nreturn C().x, type(q).__name__, isinstance(q, types.DynamicClassAttribute), D.__mro__\n",
  "import types\ntry:\n    types.DynamicClassAttribute(1, 2, 3, 4, 5)\nexcept TypeError as e:\n    return str(e)\n",
  "import types\nD = types.DynamicClassAttribute\nreturn D.__module__, D.__qualname__, repr(D), [hasattr(D, n) for n in ('getter', 'setter', 'deleter', 'fget')], D.__mro__\n",
  "import types\nclass C:\n    x = types.DynamicClassAttribute()\n    @types.DynamicClassAttribute\n    def y(self):\n        raise AttributeError('inner')\n    def __getattr__(self, name):\n        return 'getattr ' + name\nreturn C().x, C().y, getattr(C, 'x', 'no'), 'x' in dir(C)\n",
];

it('answers types.DynamicClassAttribute as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

it("keeps types.DynamicClassAttribute shared, and refuses what it cannot answer", () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source });
  expect(run(`import types\ntypes.DynamicClassAttribute.zz = 1`).error).toMatch(/^UnsupportedError/);
  expect(run(`import types\nreturn hasattr(types.DynamicClassAttribute, 'zz')`).repr).toBe('False');
  // a metaclass's __getattr__, where CPython routes the class's read, is not built
  expect(run(`import types\nclass M(type):\n    def __getattr__(cls, name):\n        return name\nclass C(metaclass=M):\n    x = types.DynamicClassAttribute(lambda self: 1)\nreturn C.x`).error).toMatch(/^UnsupportedError: a subclass of type in a condition may define only/);
  // its class's docstring is CPython's, which the evaluator does not carry
  expect(run(`import types\nreturn types.DynamicClassAttribute.__doc__`).error).toMatch(/^UnsupportedError/);
});
