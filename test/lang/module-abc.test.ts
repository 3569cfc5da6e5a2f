import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** Abstract classes: which names stay abstract, and object.__new__'s refusal in CPython 3.11's words. */
const ABSTRACT = [
  `from abc import ABC, abstractmethod\nclass A(ABC):\n    @abstractmethod\n    def f(self): ...\n    @abstractmethod\n    def g(self): ...\nclass B(A):\n    def f(self): return 1\nclass C(B):\n    def g(self): return 2\nr = []\nfor k in (A, B):\n    try:\n        k()\n    except TypeError as e:\n        r.append(str(e))\nreturn r, C().f(), sorted(A.__abstractmethods__), sorted(B.__abstractmethods__), C.__abstractmethods__, type(A).__name__, isinstance(C(), A)`,
  `import abc\nclass M(abc.ABCMeta): pass\nclass A(metaclass=M):\n    @property\n    @abc.abstractmethod\n    def p(self): ...\n    @classmethod\n    @abc.abstractmethod\n    def c(cls): ...\n    @staticmethod\n    @abc.abstractmethod\n    def s(): ...\ntry:\n    A()\nexcept TypeError as e:\n    return str(e), type(A).__name__`,
  `import abc\nclass A(abc.ABC):\n    x = abc.abstractproperty(lambda self: 1)\n    @abc.abstractclassmethod\n    def c(cls): return 5\n    @abc.abstractstaticmethod\n    def s(): return 6\ntry:\n    A()\nexcept TypeError as e:\n    return str(e), type(A.__dict__['x']).__name__, type(A.__dict__['c']).__name__, A.c(), A.s()`,
  `import abc\nX = abc.ABCMeta('X', (), {'f': abc.abstractmethod(lambda self: 1)})\ntry:\n    X()\nexcept TypeError as e:\n    return str(e), type(X).__name__`,
  // a __new__ of the class's own, object.__new__ refusing; the bases that do not ask (int, an exception)
  `import abc\nclass A(abc.ABC):\n    def __new__(cls):\n        return super().__new__(cls)\n    @abc.abstractmethod\n    def f(self): pass\ntry:\n    A()\nexcept TypeError as e:\n    r = str(e)\nclass I(int, abc.ABC):\n    @abc.abstractmethod\n    def f(self): pass\nclass E(Exception, abc.ABC):\n    @abc.abstractmethod\n    def f(self): pass\nreturn r, I(3) + 1, E('m').args`,
  // update_abstractmethods once a method is filled in; __abstractmethods__ set by hand
  `import abc\nclass A(abc.ABC):\n    @abc.abstractmethod\n    def f(self): pass\nclass B(A): pass\nB.f = lambda self: 7\nabc.update_abstractmethods(B)\nA.__abstractmethods__ = frozenset()\nreturn B().f(), type(A()).__name__, abc.update_abstractmethods(5)`,
  `import abc\nclass A(abc.ABC):\n    pass\nA.__abstractmethods__ = ('z', 'a')\ntry:\n    A()\nexcept TypeError as e:\n    return str(e)`,
  `import abc\nclass A(abc.ABC):\n    pass\nA.__abstractmethods__ = (1, 2)\nA()`,
  `import abc\nreturn abc.abstractmethod(5)`,
  `import abc\nclass M(abc.ABCMeta):\n    def __new__(mcls, name, bases, ns, **kw):\n        cls = super().__new__(mcls, name, bases, ns, **kw)\n        cls.tag = name\n        return cls\nclass A(metaclass=M):\n    def __init_subclass__(cls, **kw):\n        cls.kw = kw\nclass B(A, k=1): pass\nreturn B.tag, B.kw, isinstance(B(), A)`,
  `import abc\nreturn abc.ABCMeta.__new__(abc.ABCMeta, 'X')`,
  `import abc\nreturn abc.ABCMeta.__new__(5, 'X', (), {})`,
];

/** Virtual subclasses: register, __subclasshook__, and what isinstance and issubclass answer through them. */
const VIRTUAL = [
  `import abc\nclass A(abc.ABC):\n    pass\nA.register(int)\nclass B(A): pass\nB.register(str)\nreturn isinstance(1, A), issubclass(int, A), issubclass(str, A), issubclass(str, B), issubclass(float, A), isinstance('x', A), A.register(bool), issubclass(int, abc.ABC), issubclass(str, abc.ABC), isinstance(2.0, abc.ABC)`,
  `import abc\nclass A(abc.ABC):\n    @classmethod\n    def __subclasshook__(cls, C):\n        if hasattr(C, 'quack'): return True\n        return NotImplemented\nclass D:\n    quack = 1\nreturn issubclass(D, A), isinstance(D(), A), issubclass(int, A)`,
  `import abc\nclass A(abc.ABC):\n    @classmethod\n    def __subclasshook__(cls, C):\n        return 1\nissubclass(int, A)`,
  `import abc\nclass A(abc.ABC):\n    @classmethod\n    def __subclasshook__(cls, C):\n        raise KeyError('k')\nisinstance(1, A)`,
  `import abc\nclass A(abc.ABC): pass\ntry:\n    A.register(5)\nexcept TypeError as e:\n    r = str(e)\nclass B(A): pass\ntry:\n    B.register(A)\nexcept RuntimeError as e:\n    return r, str(e), A.register(B) is B`,
  `import abc\nclass A(abc.ABC): pass\n@A.register\nclass V: pass\nreturn issubclass(V, A), V.__name__, isinstance(V(), A), A in V.__mro__`,
  `import abc\nclass A(abc.ABC): pass\nt = abc.get_cache_token()\nA.register(int)\nreturn abc.get_cache_token() > t, A.register(int) is int`,
  `import abc\nclass A(abc.ABC): pass\nreturn issubclass(5, A)`,
  `import abc, contextlib\nreturn issubclass(contextlib.suppress, abc.ABC), isinstance(contextlib.nullcontext(), abc.ABC), issubclass(contextlib.ExitStack, abc.ABC)`,
  `import abc\nclass A(abc.ABC): pass\nreturn A.register()`,
  `import abc\nreturn abc.get_cache_token(1)`,
  `import abc\nclass A(metaclass=abc.ABCMeta): pass\nreturn type(A).__name__, A.__mro__ == (A, object), [c.__name__ for c in abc.ABCMeta.__mro__], abc.ABC.__mro__ == (abc.ABC, object)`,
];

it('makes abstract classes as CPython does', () => {
  expect(compareWithCPython(ABSTRACT)).toEqual([]);
});

it('answers for virtual subclasses as CPython does', () => {
  expect(compareWithCPython(VIRTUAL)).toEqual([]);
});

it('keeps abc.ABC itself and each run apart, and holds hostile checks to the limits', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const run = (source: string) => evaluator(engine, { source });
  // abc.ABC is shared by every condition: a registry on it would carry one run's classes into the next
  expect(run(`import abc\nabc.ABC.register(int)`).error).toBe("UnsupportedError: abc.ABC is shared by every condition: a virtual subclass may be registered on a condition's own abstract class only");
  // one run's registrations are not the next run's
  expect(run(`import abc\nclass A(abc.ABC): pass\nA.register(int)\nreturn issubclass(int, A), abc.get_cache_token()`).repr).toBe('(True, 1)');
  expect(run(`import abc\nreturn abc.get_cache_token()`).repr).toBe('0');
  // a chain of registries, each class registered on the next: each level a frame
  expect(run(`import abc\nprev = int\nfor i in range(5000):\n    class A(abc.ABC): pass\n    A.register(prev)\n    prev = A\nreturn issubclass(float, prev)`).error).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  expect(run(`import abc\nclass A(abc.ABC):\n    @classmethod\n    def __subclasshook__(cls, C):\n        return issubclass(C, cls)\nissubclass(int, A)`).error).toMatch(/^RecursionError: maximum recursion depth exceeded/);
  // many abstract names: paid for as they are collected
  expect(run(`import abc\nns = {('f%d' % i): abc.abstractmethod(lambda s: 0) for i in range(100000)}\nX = abc.ABCMeta('X', (), ns)\nfor i in range(1000):\n    X = abc.ABCMeta('X', (X,), {})\nreturn len(X.__abstractmethods__)`).error).toMatch(/^(StepLimitError|MemoryError)/);
});

it('refuses __abstractmethods__ set on a plain class, in clear words', () => {
  const engine = new Engine();
  // CPython flags the class abstract; here only a metaclass's classes are asked at instantiation
  expect(evaluator(engine, { source: `class P:\n    pass\nP.__abstractmethods__ = frozenset({'g', 'f'})` }).error).toBe("UnsupportedError: setting '__abstractmethods__' is built only on a class a metaclass made (abc.ABCMeta's): 'P' is a plain class");
});

it("abstractmethod() stores __isabstractmethod__ as CPython does: refused on a builtin, a descriptor, a module's shared object", () => {
  expect(compareWithCPython([
    `import abc\ntry:\n    abc.abstractmethod(len)\nexcept AttributeError as e:\n    return str(e)`,
    `import abc\ntry:\n    abc.abstractmethod([].append)\nexcept AttributeError as e:\n    return str(e)`,
    `import abc\ntry:\n    abc.abstractmethod(str.join)\nexcept AttributeError as e:\n    return str(e)`,
    `import abc\ntry:\n    abc.abstractmethod(list)\nexcept TypeError as e:\n    return str(e)`,
    `import abc\ntry:\n    abc.abstractmethod(property(lambda s: 1))\nexcept AttributeError as e:\n    return str(e)`,
    `import abc\nabc.abstractmethod(classmethod(lambda s: 1))`,
    `import abc\nabc.abstractmethod(staticmethod(lambda s: 1))`,
    `import abc\nclass A:\n    def f(self): pass\ntry:\n    abc.abstractmethod(A().f)\nexcept AttributeError as e:\n    return str(e)`,
  ])).toEqual([]);
  // the mark outlived the run: the next condition's class holding statistics.mean (or len) was abstract
  const engine = new Engine();
  const run = (source: string) => evaluator(engine, { source });
  for (const [shared, error] of [
    ['statistics.mean', "UnsupportedError: cannot set 'statistics.mean.__isabstractmethod__': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)"],
    ['collections.abc.Mapping.get', "UnsupportedError: cannot set 'collections.abc.Mapping.get.__isabstractmethod__': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)"],
    ['typing.List', "UnsupportedError: cannot set 'typing.List.__isabstractmethod__': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)"],
    ['len', "AttributeError: 'builtin_function_or_method' object has no attribute '__isabstractmethod__'"],
  ]) {
    const imports = 'import abc, statistics, collections.abc, typing\n';
    expect(run(`${imports}abc.abstractmethod(${shared})\nreturn 1`).error).toBe(error);
    expect(run(`${imports}class A(abc.ABC):\n    m = ${shared}\nreturn type(A()).__name__`).repr).toBe("'A'");
  }
});

it("reads __isabstractmethod__ as CPython does: the library's abstract methods, a def's own, the descriptors' of their functions", () => {
  expect(compareWithCPython([
    `import numbers, collections.abc, typing\nreturn numbers.Real.__float__.__isabstractmethod__, collections.abc.Sized.__len__.__isabstractmethod__, typing.SupportsInt.__int__.__isabstractmethod__, getattr(collections.abc.Sequence.index, '__isabstractmethod__', 'm')`,
    `import numbers\nreturn numbers.Complex.real.__isabstractmethod__, hasattr(numbers.Complex.__add__, '__isabstractmethod__'), hasattr(numbers.Complex.__bool__, '__isabstractmethod__')`,
    `import numbers\nclass R(numbers.Real): pass\nreturn R.__float__.__isabstractmethod__, getattr(numbers.Real.__complex__, '__isabstractmethod__', 'm')`,
    `import collections.abc\nreturn [k for k in dir(collections.abc.Sized.__len__) if 'abstract' in k]`,
    `import abc\nclass A(abc.ABC):\n    @abc.abstractmethod\n    def f(self): pass\n    @property\n    @abc.abstractmethod\n    def p(self): pass\nreturn A.f.__isabstractmethod__, A.p.__isabstractmethod__, A.f.__dict__`,
    `import abc\n@abc.abstractmethod\ndef f(): pass\nreturn staticmethod(f).__isabstractmethod__, classmethod(f).__isabstractmethod__, property(None, f).__isabstractmethod__, property().__isabstractmethod__, hasattr(len, '__isabstractmethod__')`,
    // a def's own attribute, as the condition set it, is what ABCMeta asks
    `import abc\ndef f(): pass\nf.__isabstractmethod__ = 1\nclass A(abc.ABC):\n    g = f\n    @abc.abstractmethod\n    def h(self): pass\n    h.__isabstractmethod__ = False\nreturn sorted(A.__abstractmethods__)`,
    `try:\n    return (1).__isabstractmethod__\nexcept AttributeError as e:\n    return str(e)`,
  ])).toEqual([]);
  // the library's are shared: the mark cannot be taken off
  expect(evaluator(new Engine(), { source: `import numbers\nnumbers.Real.__float__.__isabstractmethod__ = False` }).error).toBe("UnsupportedError: cannot set 'numbers.Real.__float__.__isabstractmethod__': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)");
});
