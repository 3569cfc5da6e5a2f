/**
 * Dunders and defaults a condition sets after the class or function was made, and the
 * __qualname__ of builtin methods, each against CPython 3.11.
 */
import { describe, expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

describe('an __eq__ set on a class after it was made', () => {
  it('leaves its instances hashable, as type_new fixed __hash__ only for an __eq__ in the body', () => {
    expect(
      compareWithCPython([
        'class A: pass\nA.__eq__ = lambda s, o: True\na = A()\nreturn hash(a) == hash(a), A.__hash__ is object.__hash__, len({a, A()}), a == A()',
        'class A: pass\nA.__eq__ = lambda s, o: True\nreturn len({A(): 1, A(): 2}), A() in {A()}',
        'class A: pass\na, b = A(), A()\ns = {a}\nA.__eq__ = lambda s, o: True\nreturn a == b, b in s, a in s, len({a, b})',
        'class A: pass\nx = A() == A()\nA.__eq__ = lambda s, o: True\nreturn x, A() == A(), A() != A()',
        'class A:\n    def __eq__(self, o): return True\nreturn A.__hash__, "__hash__" in A.__dict__, list(vars(A))',
        'class A:\n    def __eq__(self, o): return True\ntry:\n    hash(A())\nexcept TypeError as e:\n    return str(e)',
        'class A:\n    def __eq__(self, o): return True\nA.__hash__ = lambda s: 3\nreturn hash(A()), len({A(), A()})',
        'class A:\n    def __eq__(self, o): return True\nclass B(A): pass\nreturn B.__hash__, "__hash__" in B.__dict__, list(vars(B))',
        'class A:\n    def __eq__(self, o): return True\nclass B(A):\n    __eq__ = A.__eq__\nreturn B.__hash__, "__hash__" in B.__dict__, list(vars(B))',
        'class A:\n    def __eq__(self, o): return True\n    def __hash__(self): return 1\nclass B(A):\n    __eq__ = A.__eq__\ntry:\n    return hash(B())\nexcept TypeError as e:\n    return str(e)',
        'class A:\n    def __eq__(self, o): return True\n    def __hash__(self): return 1\nclass B(A): pass\nreturn hash(B()), "__hash__" in B.__dict__',
        'class A:\n    def __eq__(self, o): return True\n    __hash__ = object.__hash__\nreturn list(vars(A)), len({A(), A()})',
        'class A: pass\nA.__hash__ = None\ntry:\n    return hash(A())\nexcept TypeError as e:\n    return str(e)',
        'class A: pass\nA.__hash__ = lambda s: 5\nreturn hash(A()), len({A(), A()})',
        'class A: pass\nA.__eq__ = lambda s, o: True\nA.__hash__ = lambda s: 5\nreturn hash(A()), len({A(), A()})',
        'class A:\n    def __eq__(self, o): return True\ndel A.__hash__\na = A()\nreturn hash(a) == hash(a), len({a, A()}), A.__hash__ is object.__hash__',
        'class A:\n    def __eq__(self, o): return NotImplemented\nd = dict(vars(A))\nreturn sorted(k for k in d if not k.startswith("__d") and k != "__module__" and k != "__qualname__"), d["__hash__"]',
        'class A:\n    __eq__ = None\nreturn A.__hash__',
        'class A:\n    def __eq__(self, o): return True\nclass B(A):\n    def __hash__(self): return 7\nreturn hash(B()), len({B(), B()})',
        'class A: pass\nclass B(A): pass\nA.__eq__ = lambda s, o: True\nreturn len({B(), B()}), B() == B()',
        'A = type("A", (), {"__eq__": lambda s, o: True})\nreturn A.__hash__',
        'A = type("A", (), {})\nA.__eq__ = lambda s, o: True\nreturn len({A(), A()}), A() == A()',
        'class M(type): pass\nclass A(metaclass=M):\n    def __eq__(self, o): return True\nreturn A.__hash__',
        'class A:\n    def __eq__(self, o): return True\nreturn [k for k in A.__dict__]',
        'class A:\n    def __eq__(self, o): return True\nreturn (A(), 1) == (A(), 1), [A()] == [A()]',
        'class A: pass\nA.__eq__ = lambda s, o: True\nreturn (A(), 1) == (A(), 2), [A()] == [A()], A() in [A()], [A()].count(A())',
        'class A: pass\na = A()\nd = {(a, 1): "x", a: "y"}\nA.__eq__ = lambda s, o: True\nreturn d[(a, 1)], d[a], (A(), 1) in d, A() in d, len(d)',
        'class A: pass\nA.__eq__ = lambda s, o: isinstance(o, A)\nA.__ne__ = lambda s, o: False\na = A()\nreturn {a: 1}[a], a != A(), len({(a,), (a,)}), len({(a,), (A(),)})',
        'class A:\n    def __hash__(self): return 1\nA.__eq__ = lambda s, o: True\nreturn len({A(), A()}), {A(): 5}[A()], A.__hash__.__name__',
        'class A:\n    def __eq__(self, o): return True\nA.__eq__ = lambda s, o: False\nreturn A.__hash__, A() == A()',
        'class A:\n    def __eq__(self, o): return True\ndel A.__eq__\ntry:\n    hash(A())\nexcept TypeError as e:\n    return str(e), A() == A()',
        'class A:\n    def __eq__(self, o): return True\n    x = 1\nA.y = 2\nreturn list(vars(A))',
        'class A:\n    "doc"\n    def __eq__(self, o): return True\nA.y = 2\nreturn list(A.__dict__)',
        'class A:\n    __slots__ = ("a",)\n    def __eq__(self, o): return True\nreturn list(vars(A))',
        'class A:\n    def __init_subclass__(cls): cls.seen = list(vars(cls))\nclass B(A):\n    def __eq__(self, o): return True\nreturn B.seen',
        'class D:\n    def __set_name__(self, owner, name): owner.names = "__hash__" in vars(owner)\nclass A:\n    d = D()\n    def __eq__(self, o): return True\nreturn A.names',
      ]),
    ).toEqual([]);
  });

  it('on a subclass of a builtin, as CPython', () => {
    expect(
      compareWithCPython([
        'class L(list):\n    def __eq__(self, o): return True\nreturn L.__hash__, list(vars(L))',
        'class T(tuple):\n    def __eq__(self, o): return True\ntry:\n    return hash(T())\nexcept TypeError as e:\n    return str(e), T.__hash__',
        'class T(tuple): pass\nT.__eq__ = lambda s, o: True\nreturn hash(T((1,))) == hash((1,)), T.__hash__ is tuple.__hash__',
        'class S(str):\n    def __eq__(self, o): return True\nreturn S.__hash__, "__hash__" in S.__dict__',
        'class S(str):\n    def __eq__(self, o): return True\n    __hash__ = str.__hash__\nreturn hash(S("a")) == hash("a"), {S("a"): 1}[S("b")]',
        'class I(int):\n    def __eq__(self, o): return True\ntry:\n    return hash(I(1))\nexcept TypeError as e:\n    return str(e)',
        'class D(dict):\n    def __eq__(self, o): return True\nreturn D.__hash__, list(vars(D))',
        'class F(frozenset):\n    def __eq__(self, o): return True\nreturn F.__hash__',
        'class F(frozenset): pass\nF.__eq__ = lambda s, o: True\nreturn hash(F()) == hash(frozenset()), len({F(), F()})',
        'class B(bytearray):\n    def __eq__(self, o): return True\nreturn B.__hash__',
        'class E(Exception):\n    def __eq__(self, o): return True\nreturn E.__hash__, list(vars(E))',
        'class E(Exception): pass\nE.__eq__ = lambda s, o: True\ne = E()\nreturn hash(e) == hash(e), len({e, E()}), E() == E()',
        'import collections\nP = collections.namedtuple("P", "x y")\nclass Q(P): pass\nQ.__eq__ = lambda s, o: True\nreturn hash(Q(1, 2)) == hash((1, 2)), len({Q(1, 2), Q(3, 4)})',
      ]),
    ).toEqual([]);
  });

  it('and dataclasses, whose __hash__ follows eq, frozen and unsafe_hash', () => {
    expect(
      compareWithCPython([
        'from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int\nreturn A.__hash__, "__hash__" in A.__dict__',
        'from dataclasses import dataclass\n@dataclass(frozen=True)\nclass A:\n    x: int\nreturn hash(A(1)) == hash((1,)), len({A(1), A(1)})',
        'from dataclasses import dataclass\n@dataclass(unsafe_hash=True)\nclass A:\n    x: int\nreturn hash(A(1)) == hash((1,))',
        'from dataclasses import dataclass\n@dataclass(eq=False)\nclass A:\n    x: int\nreturn A.__hash__ is object.__hash__, len({A(1), A(1)})',
        'from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int\n    def __hash__(self): return 9\nreturn hash(A(1))',
        'from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int\n    def __eq__(self, o): return True\nreturn A.__hash__',
        'from dataclasses import dataclass\n@dataclass(frozen=True)\nclass A:\n    x: int\n    def __eq__(self, o): return True\nreturn A.__hash__.__qualname__, hash(A(1)) == hash((1,))',
        'from dataclasses import dataclass\n@dataclass(frozen=True)\nclass A:\n    x: int\n    def __eq__(self, o): return True\n    def __hash__(self): return 4\nreturn hash(A(1))',
        'from dataclasses import dataclass\n@dataclass(unsafe_hash=True)\nclass A:\n    x: int\n    def __eq__(self, o): return True\nreturn hash(A(1)) == hash((1,))',
        'from dataclasses import dataclass\n@dataclass(eq=True, frozen=False)\nclass A:\n    x: int\n    __hash__ = None\nreturn A.__hash__',
        'from dataclasses import dataclass\nclass B:\n    def __eq__(self, o): return True\n@dataclass\nclass A(B):\n    x: int\nreturn A.__hash__, "__hash__" in A.__dict__',
        'from dataclasses import dataclass\n@dataclass(eq=False)\nclass A:\n    x: int\n    def __eq__(self, o): return True\nreturn A.__hash__',
        'from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int\nreturn list(vars(A))',
        'from dataclasses import dataclass\n@dataclass(frozen=True)\nclass A:\n    x: int\nreturn list(vars(A))',
        'from dataclasses import dataclass\n@dataclass(eq=False)\nclass A:\n    x: int\nA.__eq__ = lambda s, o: True\nreturn len({A(1), A(2)}), A(1) == A(2)',
      ]),
    ).toEqual([]);
  });
});

describe("a def's __defaults__ and __kwdefaults__", () => {
  it('are the tuple and the dict later calls take, as CPython keeps them on the function', () => {
    expect(
      compareWithCPython([
        "def f(*, k=1): return k\nf.__kwdefaults__['k'] = 5\nreturn f()",
        "def f(*, k=1): return k\nd = f.__kwdefaults__\nd['k'] = 5\nreturn f(), f(k=2), f.__kwdefaults__ is d, f.__kwdefaults__",
        "def f(*, k=1): return k\nf.__kwdefaults__ = {'k': 7}\nreturn f(), f.__kwdefaults__",
        "def f(*, k=1): return k\nd = {'k': 7}\nf.__kwdefaults__ = d\nd['k'] = 8\nreturn f(), f.__kwdefaults__ is d",
        "def f(*, k): return k\nf.__kwdefaults__ = {'k': 3}\nreturn f()",
        "def f(*, k=1): return k\ndel f.__kwdefaults__['k']\ntry:\n    f()\nexcept TypeError as e:\n    return str(e), f.__kwdefaults__",
        "def f(*, k=1): return k\nf.__kwdefaults__ = None\ntry:\n    f()\nexcept TypeError as e:\n    return str(e), f.__kwdefaults__",
        "def f(*, k=1): return k\ndel f.__kwdefaults__\ntry:\n    f()\nexcept TypeError as e:\n    return str(e), f.__kwdefaults__",
        "def f(*, k=1): return k\ntry:\n    f.__kwdefaults__ = 5\nexcept TypeError as e:\n    return str(e), f()",
        "def f(*, k=1): return k\nf.__kwdefaults__.clear()\nf.__kwdefaults__.update(k=9, z=3)\nreturn f(), f.__kwdefaults__",
        "def f(a, *args, k=1, j=2, **kw): return a, k, j\nf.__kwdefaults__['j'] = 'J'\nreturn f(0), f(0, j=1)",
        "f = lambda *, k=1: k\nf.__kwdefaults__['k'] = 4\nreturn f()",
        "def f(a, b=2): return a, b\nf.__defaults__ = (10,)\nreturn f(1), f.__defaults__",
        "def f(a, b=2): return a, b\nf.__defaults__ = (10, 20)\nreturn f(), f.__defaults__",
        "def f(a, b=2): return a, b\nf.__defaults__ = None\ntry:\n    f(1)\nexcept TypeError as e:\n    return str(e), f.__defaults__",
        "def f(a, b=2): return a, b\ntry:\n    f.__defaults__ = [1]\nexcept TypeError as e:\n    return str(e), f(1)",
        "def f(a, b=2): return a, b\ndel f.__defaults__\nreturn f.__defaults__",
        "def f(a, b=2): return a, b\nreturn f.__defaults__ is f.__defaults__, f.__kwdefaults__",
        "def f(a, b=2, *, c=3): return a, b, c\nf.__defaults__ = (7,)\nf.__kwdefaults__['c'] = 8\nreturn f(1), f.__defaults__, f.__kwdefaults__",
        "class A:\n    def m(self, *, k=1): return k\nA.m.__kwdefaults__['k'] = 6\nreturn A().m(), A().m.__kwdefaults__",
        "def g(*, k=[]):\n    k.append(1)\n    return k\ng()\nreturn g.__kwdefaults__, g()",
        "def f(a, b=2, *args, c, d=4, **kw):\n    return a\ndef g():\n    pass\ndef h(*, k=1):\n    pass\nreturn f.__defaults__, f.__kwdefaults__, g.__defaults__, g.__kwdefaults__, h.__defaults__, h.__kwdefaults__",
        "return (lambda x=1, y=[2]: x).__defaults__, (lambda *, z=3: z).__kwdefaults__, (lambda: 0).__defaults__",
        "def f(x=[]):\n    x.append(1)\n    return x\nf()\nf.__defaults__[0].append(2)\nreturn f(), f.__defaults__",
        "class A:\n    def m(self, x=1):\n        pass\nreturn A.m.__defaults__, A().m.__defaults__",
        "def f(a, *, k=1):\n    return a, k\nf.__kwdefaults__['k'] = 2\nimport functools\np = functools.partial(f, 0)\nreturn p(), list(map(f, [1]))",
        "def f(*, k=1): return k\nx = f.__kwdefaults__\nf.__kwdefaults__ = {'k': 2}\nx['k'] = 3\nreturn f(), x",
      ]),
    ).toEqual([]);
  });
});

describe("a builtin method's __qualname__", () => {
  it("is its type's name and its own, bound or not, as CPython's method descriptors answer it", () => {
    expect(
      compareWithCPython([
        "return [].append.__qualname__, 'a'.upper.__qualname__, {}.get.__qualname__, len.__qualname__",
        'return list.append.__qualname__, str.upper.__qualname__, dict.get.__qualname__, dict.fromkeys.__qualname__, int.from_bytes.__qualname__',
        'return (1).bit_length.__qualname__, (1.5).is_integer.__qualname__, (1, 2).count.__qualname__, b"".hex.__qualname__, bytearray().append.__qualname__',
        'return set().add.__qualname__, frozenset().union.__qualname__, set.add.__qualname__, [].__len__.__qualname__, list.__len__.__qualname__',
        "return 'a'.upper.__name__, [].append.__name__, list.append.__name__, {}.items.__qualname__, {}.keys.__qualname__, dict.items.__qualname__",
        'return (1j).conjugate.__qualname__, str.maketrans.__qualname__, bytes.fromhex.__qualname__, float.fromhex.__qualname__',
        'class L(list): pass\nreturn L().append.__qualname__, L.append.__qualname__',
        'class S(str): pass\nreturn S("a").upper.__qualname__, S.upper.__qualname__',
        'class D(dict): pass\nreturn D().get.__qualname__, D.fromkeys.__qualname__',
        'import datetime\nreturn datetime.date(2020, 1, 1).isoformat.__qualname__',
        'import datetime\nreturn datetime.date.isoformat.__qualname__',
        'import datetime\nreturn datetime.date.today.__qualname__, datetime.datetime.now.__qualname__',
        'import datetime\nreturn datetime.timedelta(1).total_seconds.__qualname__, datetime.datetime.now().date.__qualname__',
        'import collections\nreturn collections.deque().append.__qualname__, collections.OrderedDict().move_to_end.__qualname__',
        "import re\np = re.compile('a')\nreturn p.match.__qualname__, p.match('a').group.__qualname__",
        'return print.__qualname__, sorted.__qualname__, max.__qualname__, iter([]).__next__.__qualname__',
        "x = [].append\nreturn x.__qualname__ == x.__qualname__, type(x).__name__, str.join.__qualname__, ''.join.__qualname__",
        'class S(str): pass\nclass F(float): pass\nclass B(bytes): pass\nreturn S.maketrans.__qualname__, F.fromhex.__qualname__, B.fromhex.__qualname__, B.maketrans.__qualname__',
        'return object.__init__.__qualname__, object().__str__.__qualname__, int.__add__.__qualname__, (1).__add__.__qualname__',
      ]),
    ).toEqual([]);
  });
});
