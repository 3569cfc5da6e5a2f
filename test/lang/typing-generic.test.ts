/**
 * typing.Generic, typing.Protocol, runtime_checkable, get_origin and get_args against CPython
 * 3.11: the classes, their aliases (repr, __parameters__, __orig_bases__, __orig_class__,
 * __mro__), their errors in CPython's words, protocol checks by members; then what a hostile
 * condition may try: huge parameter lists, deep protocol orders, the subscription cache, and
 * state left on the shared classes for a later run.
 */
import { describe, expect, it } from 'vitest';
import { compareWithCPython, evaluator } from '../support/cpython.js';
import { Engine } from '../../src/lang/index.js';

/** The step and memory limits alone: a cold first run on a loaded machine may pass the 50 ms clock. */
const unclocked = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
const run = (source: string, engine = unclocked): string => {
  const r = evaluator(engine, { source });
  return r.error ?? r.repr ?? '';
};

const GENERIC: string[] = [
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass Box(Generic[T]):\n    def __init__(self, v): self.v = v\nb = Box[int](3)\nreturn repr(Box[int]), Box.__mro__, Box.__parameters__, Box.__orig_bases__, getattr(b, '__orig_class__'), b.v, Box[int] is Box[int], Box[int] == Box[int], Box[int].__origin__, Box[int].__args__, Box[T].__parameters__",
  "from typing import Generic, TypeVar\nK = TypeVar('K'); V = TypeVar('V'); T = TypeVar('T')\nclass Pair(Generic[K, V]):\n    pass\nclass Sub(Pair[str, T]):\n    pass\nreturn Sub.__parameters__, Sub.__orig_bases__, Sub.__mro__, repr(Sub[int]), repr(Pair[int, T][str]), Pair[int, str].__name__, Pair[int, T].__module__",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass A(Generic): pass",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nreturn Generic[int]",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nreturn Generic[T, T]",
  "from typing import Generic, TypeVar\nreturn Generic[()]",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nB[int, str]",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nclass C(B[int]): pass\nC[int]",
  "from typing import Generic, TypeVar\nT = TypeVar('T'); S = TypeVar('S')\nclass B(Generic[T]): pass\nclass C(B[S], Generic[T]): pass",
  "from typing import Generic, TypeVar\nT = TypeVar('T'); S = TypeVar('S')\nclass C(Generic[T], Generic[S]): pass",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nreturn Generic[T][int]",
  "from typing import Generic, TypeVar, List\nT = TypeVar('T')\nclass C(List[T]): pass\nreturn C.__mro__, C.__parameters__, repr(C[int]), C[int]()",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]):\n    x = 5\n    def m(self): return 1\nreturn B[int].x, B[int].m, B[int].foo",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]):\n    __slots__ = ('a',)\nb = B[int]()\nreturn hasattr(b, '__orig_class__')",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn B[None], B['x'], B[1], B[int, ][0] if False else 0",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nclass C(B): pass\nreturn C.__parameters__, C.__mro__, B.__parameters__",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]):\n    def __init_subclass__(cls, **kw):\n        super().__init_subclass__()\n        cls.kw = kw\nclass C(B[int], x=1): pass\nreturn C.kw, C.__parameters__",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass C(Generic[T], x=1): pass",
  "from typing import Generic, TypeVar, Union, List\nT = TypeVar('T')\nclass A: pass\nreturn repr(Union[A, int]), repr(List[A]), repr(Union[A, None])",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn B[int] == B[int], B[int] == B[str], hash(B[int]) == hash(B[int]), B[int] | None, {B[int]: 1}[B[int]], isinstance(B(), B)",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nisinstance(B(), B[int])",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nissubclass(B, Generic), issubclass(B, Generic[T])",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn issubclass(B, Generic), isinstance(B(), Generic), [getattr(B[int](), '__orig_class__')]",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn B[1] is B[True], B[1].__args__, B[True].__args__",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\ncalls = []\nclass H:\n    def __hash__(self):\n        calls.append(1)\n        raise TypeError('no hash')\nx = B[H()]\nreturn len(calls), x.__args__[0].__class__.__name__",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nxs = [B[i] for i in range(200)]\nreturn B[0] is xs[0], B[199] is xs[199], B[150] is xs[150]",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nclass C(B[T]): pass\nreturn C[int].__origin__ is C, C.__parameters__, C.__orig_bases__, get(0) if False else 0",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn B[[int]]",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nx = B[int]\nx.y = 5\nreturn B.y, getattr(x, 'y')",
  "from typing import Generic, TypeVar, Optional, Union\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn Optional[B[int]], Union[B[T], int][str], B[Optional[T]][int], B[B[T]][int]",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nclass C(B[int]): pass\nclass D(B[T], B[int]): pass",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nclass C(B, Generic[T]): pass\nreturn C.__mro__, C.__parameters__",
  "from typing import Generic, TypeVar, List, Dict\nT = TypeVar('T'); S = TypeVar('S')\nclass B(Dict[T, S]): pass\nclass C(List[int], Generic[T]): pass\nreturn B.__mro__, B.__parameters__, C.__mro__, C.__parameters__, B[int, str]",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nx = B[int]\nx.y = 5\nreturn B.y, getattr(x, 'y')",
  "from typing import List\nList[int].y = 5",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn B[[int]], B[[int]] is B[[int]]",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\ncalls = []\nclass H:\n    def __hash__(self):\n        calls.append(1)\n        raise TypeError('no hash')\nx = B[H()]\nreturn len(calls), x.__args__[0].__class__.__name__",
  "from dataclasses import dataclass\nfrom typing import Generic, TypeVar\nT = TypeVar('T')\n@dataclass\nclass Box(Generic[T]):\n    item: T\n    def get(self) -> T: return self.item\nb = Box[int](3)\nreturn b, b.get(), Box(4), Box.__parameters__, getattr(b, '__orig_class__'), Box.__mro__",
  "from dataclasses import dataclass\nfrom typing import Generic, TypeVar\nT = TypeVar('T')\n@dataclass(frozen=True)\nclass Box(Generic[T]):\n    item: T\nb = Box[int](3)\nreturn b, hasattr(b, '__orig_class__')",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass Stack(Generic[T]):\n    def __init__(self):\n        self.items: list[T] = []\n    def push(self, x: T) -> None:\n        self.items.append(x)\n    def pop(self) -> T:\n        return self.items.pop()\ns = Stack[int]()\ns.push(1); s.push(2)\nreturn s.pop(), s.items, type(s).__name__, dir(Stack[int])[:5] if False else 0, str(Stack[int])",
  "from typing import Generic, TypeVar\nimport copy\nT = TypeVar('T')\nclass B(Generic[T]):\n    def __init__(self, v): self.v = v\nb = B[int](1)\nc = copy.copy(b)\nd = copy.deepcopy(b)\nreturn c.v, d.v, getattr(c, '__orig_class__'), getattr(d, '__orig_class__')",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn repr(B[int]), str(B[int]), f'{B[int]}', [B[int]], {B[int]: 1}, B[int] != B[str], B[int] in [B[int]]",
  "from typing import Generic, TypeVar\nT = TypeVar('T', bound=int)\nclass B(Generic[T]): pass\nreturn B[bool], B[str]",
  "from typing import Generic, TypeVar, Any, ClassVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn B[Any], B[ClassVar[int]] if False else 0",
  "from typing import Generic, TypeVar, ClassVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn B[ClassVar[int]]",
  "from typing import Generic, TypeVar, List\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn B[List], B[List[T]][int], B[(int, str)] if False else 0",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nB[int](1, 2)",
  "from typing import Generic, TypeVar\nimport copy\nT = TypeVar('T')\nclass B(Generic[T]):\n    def __init__(self, v): self.v = v\nb = B[int](1)\nc = copy.copy(b)\nd = copy.deepcopy(b)\nreturn c.v, d.v, getattr(c, '__orig_class__'), getattr(d, '__orig_class__'), getattr(d, '__orig_class__') is B[int], copy.deepcopy(B[int, ]) is B[int]",
  "from typing import List\nList[int]()",
  "from typing import Dict\nDict[str, int](a=1)",
  "from typing import Tuple\nTuple[int, ...]()",
  "from typing import Set, FrozenSet\nFrozenSet[int]()",
  "from typing import Type\nreturn Type[int](5)",
  "from typing import Union\nUnion[int, str]()",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn B[T][int] is B[T][int], B[T][int] == B[int]",
  "from typing import List, Dict, TypeVar, Optional\nT = TypeVar('T')\nreturn List[T][int] is List[T][int], Dict[str, T][int] is Dict[str, T][int], Optional[T][int] is Optional[T][int], List[T][int]",
];

const PROTOCOL: string[] = [
  "from typing import *\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn get_origin(B[int]), get_args(B[int]), get_origin(B), get_args(B), get_origin(Generic), get_origin(Generic[T]), get_args(Generic[T]), get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Optional[int]), get_origin(int | None), get_args(int | None), get_origin(list[int]), get_args(list[int]), get_args(Callable[[int], str]), get_args(Callable[..., str]), get_origin(ClassVar[int]), get_origin(Literal[1]), get_args(Literal[1, 2]), get_origin(List), get_args(List), get_origin(Protocol), get_origin(5), get_args(5)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def m(self): ...\nclass X:\n    @property\n    def m(self): raise ValueError('boom')\nisinstance(X(), P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def __len__(self): ...\nreturn isinstance([], P), isinstance({}, P), isinstance(3, P), issubclass(str, P), issubclass(int, P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def __hash__(self): ...\nreturn issubclass(list, P), issubclass(int, P), issubclass(object, P), isinstance([], P), isinstance(1, P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def append(self, x): ...\nreturn isinstance([], P), isinstance((), P), issubclass(list, P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def close(self): ...\nclass Q(P, Protocol):\n    pass\nclass R(Q):\n    def close(self): pass\nreturn isinstance(R(), P), isinstance(R(), R), issubclass(R, Q), Q._is_protocol, R._is_protocol",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    a: int\n    def m(self): ...\nclass X:\n    a = 1\n    m = None\nclass Y:\n    a = None\n    def m(self): pass\nreturn isinstance(X(), P), isinstance(Y(), P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def m(self): ...\nclass X:\n    def m(self): pass\nX.m = None\nissubclass(X, P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def m(self): ...\nclass X:\n    m = None\nreturn issubclass(X, P), isinstance(X(), P)",
  "from typing import Protocol\nclass P(Protocol):\n    x: int\nclass C(P):\n    pass\nreturn isinstance(C(), C), isinstance(C(), P) if False else 1, C._is_protocol",
  "from typing import Protocol\nclass P(Protocol):\n    x: int\nclass C(P):\n    pass\nisinstance(C(), P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    x: int\nclass C(P):\n    pass\nreturn isinstance(C(), P), isinstance(object(), P)",
  "from typing import Protocol\nclass P(Protocol):\n    def __init__(self, v): self.v = v\nclass C(P): pass\nc = C(4)\nreturn c.v, C.__init__ is P.__init__",
  "from typing import Protocol, TypeVar, Generic\nT = TypeVar('T')\nclass P(Protocol[T]):\n    def get(self) -> T: ...\nclass Q(P[int], Protocol): pass\nclass R(Protocol, Generic[T]): pass\nreturn P.__parameters__, Q.__parameters__, Q.__orig_bases__, R.__parameters__, R.__mro__, Q.__mro__",
  "from typing import Protocol, TypeVar\nT = TypeVar('T')\nclass P(Protocol[T, T]): pass",
  "from typing import Protocol\nclass P(Protocol, int): pass",
  "from typing import Protocol, runtime_checkable\nruntime_checkable(5)",
  "from typing import Protocol, Generic, TypeVar\nT = TypeVar('T')\nreturn Protocol[int]",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass Closable(Protocol):\n    def close(self): ...\nclass F:\n    def close(self): return 1\nclass G: pass\nclass H:\n    close = None\nreturn isinstance(F(), Closable), isinstance(G(), Closable), isinstance(H(), Closable), issubclass(F, Closable), issubclass(G, Closable), issubclass(H, Closable), Closable.__mro__, type(Closable)",
  "from typing import Protocol\nclass P(Protocol):\n    def f(self): ...\nisinstance(1, P)",
  "from typing import Protocol\nclass P(Protocol):\n    def f(self): ...\nissubclass(int, P)",
  "from typing import Protocol\nclass P(Protocol):\n    def f(self): ...\nP()",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    x: int\nclass A:\n    x = 1\nclass B:\n    def __init__(self): self.x = 2\nreturn isinstance(A(), P), isinstance(B(), P), isinstance(1, P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    x: int\nissubclass(int, P)",
  "from typing import Protocol, runtime_checkable\nclass A: pass\nruntime_checkable(A)",
  "from typing import Protocol\nclass A: pass\nclass P(Protocol, A): pass",
  "from typing import Protocol, runtime_checkable, TypeVar\nT = TypeVar('T')\n@runtime_checkable\nclass SupportsLen(Protocol[T]):\n    def __len__(self) -> int: ...\nreturn isinstance([], SupportsLen), isinstance(3, SupportsLen), issubclass(dict, SupportsLen), SupportsLen.__parameters__, repr(SupportsLen[int]), SupportsLen.__orig_bases__",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P1(Protocol):\n    def a(self): ...\nclass P2(P1, Protocol):\n    def b(self): ...\nclass X:\n    def a(self): pass\nreturn isinstance(X(), P1), P2._is_protocol, P1._is_protocol, P2.__mro__",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P1(Protocol):\n    def a(self): ...\nclass P2(P1, Protocol):\n    def b(self): ...\nclass X:\n    def a(self): pass\nisinstance(X(), P2)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def a(self): ...\nclass C(P): pass\nclass D: pass\nreturn isinstance(C(), P), isinstance(D(), C), issubclass(C, P), C._is_protocol",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    y: int\n    def a(self): ...\n    @property\n    def z(self): return 1\nclass Q:\n    y = 0\n    z = 0\n    def a(self): pass\nreturn isinstance(Q(), P), isinstance(object(), P)",
  "from typing import Protocol, runtime_checkable, Iterable\n@runtime_checkable\nclass HasName(Protocol):\n    name: str\nclass Dog:\n    def __init__(self): self.name = 'rex'\ndef names(xs):\n    return [x.name for x in xs if isinstance(x, HasName)]\nreturn names([Dog(), 1, 'a'])",
  "from typing import Generic, TypeVar, Protocol\nT = TypeVar('T')\nclass B(Generic[T]): pass\nreturn B.__class__, Protocol.__class__, type(B[int]).__name__, B._is_protocol",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def __call__(self): ...\nreturn isinstance(len, P), isinstance(lambda: 1, P), isinstance(1, P), issubclass(int, P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass SupportsAdd(Protocol):\n    def __add__(self, other): ...\nreturn isinstance(1, SupportsAdd), isinstance('a', SupportsAdd), isinstance(None, SupportsAdd), isinstance([], SupportsAdd), isinstance({}, SupportsAdd)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def __iter__(self): ...\n    def __len__(self): ...\nreturn [isinstance(x, P) for x in ([], (), {}, set(), '', b'', 1, range(3), iter([]))]",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def keys(self): ...\n    def __getitem__(self, k): ...\nreturn [isinstance(x, P) for x in ([], {}, '')], issubclass(dict, P), issubclass(list, P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def m(self): ...\nclass A: pass\nclass B(A):\n    def m(self): pass\nP.register(A) if False else 0\nreturn isinstance(B(), P), issubclass(B, P), issubclass(A, P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def m(self): ...\nclass A: pass\nP.register(A)\nreturn isinstance(A(), P), issubclass(A, P)",
  "from typing import Protocol, runtime_checkable\nfrom abc import abstractmethod\nclass P(Protocol):\n    @abstractmethod\n    def m(self): ...\nclass C(P): pass\nC()",
  "from typing import Protocol, runtime_checkable\nfrom abc import abstractmethod\nclass P(Protocol):\n    @abstractmethod\n    def m(self): ...\nclass C(P):\n    def m(self): return 5\nreturn C().m(), P.__abstractmethods__, C.__abstractmethods__",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def m(self): ...\nclass Q(P, Protocol):\n    def n(self): ...\nclass X:\n    def m(self): pass\n    def n(self): pass\nisinstance(X(), Q)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def m(self): ...\nclass Q(P, Protocol):\n    def n(self): ...\nclass X:\n    def n(self): pass\nreturn isinstance(X(), P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    x: int\nissubclass(int, P)",
  "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    def m(self): ...\nissubclass(1, P)",
  "from typing import Protocol, runtime_checkable\nclass P(Protocol):\n    def m(self): ...\n@runtime_checkable\nclass Q(P, Protocol):\n    pass\nclass X:\n    def m(self): pass\nreturn isinstance(X(), Q)",
  "from typing import Protocol, Generic, TypeVar\nT = TypeVar('T')\nclass P(Protocol, Generic[T]):\n    pass\nclass Q(Generic[T], Protocol):\n    pass\nreturn P.__parameters__, Q.__mro__, Q._is_protocol",
  "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]):\n    def __init_subclass__(cls, flag=False, **kw):\n        super().__init_subclass__(**kw)\n        cls.flag = flag\nclass C(B[int], flag=True): pass\nclass D(B): pass\nreturn C.flag, D.flag, C.__parameters__, D.__parameters__",
];

const ORIGIN_AND_TYPED_DICT: string[] = [
  "from typing import TypedDict, Generic, TypeVar\nT = TypeVar('T')\nclass TD(TypedDict, Generic[T]):\n    a: T\nclass TD2(TD[int]):\n    c: str\nreturn TD2.__mro__, TD2.__annotations__, TD2.__orig_bases__",
  "from typing import TypedDict, Generic, TypeVar\nT = TypeVar('T')\nclass TD(TypedDict, Generic[T]):\n    a: T\n    b: int\nreturn TD.__mro__, TD.__parameters__, repr(TD[int]), TD[int](a=1, b=2), TD(a=1, b=2), TD.__annotations__, TD.__required_keys__",
  "from typing import TypedDict, Generic, TypeVar\nT = TypeVar('T')\nclass TD(TypedDict, Generic):\n    a: int",
  "from typing import TypedDict, Generic, TypeVar\nT = TypeVar('T')\nclass TD(TypedDict, Generic[T], total=False):\n    a: T\nreturn TD.__optional_keys__, TD.__total__, TD[str].__origin__ is TD, TD[str].__args__",
  "from typing import Generic, Protocol, TypeVar, get_origin, get_args\nT = TypeVar('T')\nclass P(Protocol[T]): pass\nreturn get_origin(P[int]) is P, get_args(P[int]), get_origin(Protocol[T]) is Protocol, get_origin(Protocol), get_args(Generic)",
  "from typing import get_origin\nget_origin()",
  "from typing import get_args\nget_args(1, 2)",
];


/** typing.NamedTuple's class form with Generic among its bases (NamedTupleMeta: bases tuple and Generic), and a namedtuple's type subscripted (tuple's __class_getitem__). */
const GENERIC_NAMED_TUPLE: string[] = [
  "import typing\nT = typing.TypeVar('T')\nclass P(typing.NamedTuple, typing.Generic[T]):\n    x: T\nreturn repr(P[int]), repr(P(1)), P.__mro__, P.__orig_bases__[1:], repr(P[int](x=2)), P.__parameters__, P.__bases__",
  "import typing\nT = typing.TypeVar('T')\nclass P(typing.Generic[T], typing.NamedTuple):\n    x: T\nreturn repr(P[int]), P.__mro__, P.__orig_bases__[:1], P.__bases__",
  "import typing\nT = typing.TypeVar('T'); S = typing.TypeVar('S')\nclass P(typing.NamedTuple, typing.Generic[T, S]):\n    x: T\n    y: S = 0\n    def m(self): return self.x\na = P[int, str]\nreturn repr(a), a.__origin__ is P, a.__args__, P[int, str](1).m(), isinstance(P(1), typing.Generic), issubclass(P, typing.Generic), issubclass(P, tuple), P._fields, P.__annotations__, hasattr(P[int, str](1), '__orig_class__'), repr(typing.List[P]), P[int, str] is P[int, str], P._is_protocol",
  "import typing\nT = typing.TypeVar('T')\nclass P(typing.NamedTuple, typing.Generic[T]):\n    x: T\nreturn P[int, str]",
  "import typing\nT = typing.TypeVar('T'); S = typing.TypeVar('S')\nclass P(typing.NamedTuple, typing.Generic[T]):\n    x: typing.List[S]",
  "import typing\nT = typing.TypeVar('T')\nclass P(typing.NamedTuple, typing.Generic[T]):\n    x: T\nclass Q(P):\n    pass\nreturn Q.__mro__, Q(2), Q.__parameters__, isinstance(Q(2), typing.Generic), P[T][int], P[typing.List[T]][str]",
  "import typing, copy\nT = typing.TypeVar('T')\nclass P(typing.NamedTuple, typing.Generic[T]):\n    x: T\np = P[int](5)\nreturn copy.copy(p), copy.deepcopy(p), p == (5,), p._replace(x=3), p._asdict(), P._make([1]), typing.get_type_hints(P), typing.get_origin(P[int]), typing.get_args(P[int])",
  "import typing, abc\nT = typing.TypeVar('T')\nclass A(abc.ABC): pass\nclass B: pass\nout = []\nfor bs in [(typing.NamedTuple, A), (typing.NamedTuple, B), (typing.NamedTuple, typing.Protocol), (typing.NamedTuple, typing.List[int]), (typing.NamedTuple, int), (typing.NamedTuple, typing.Protocol[T]), (typing.NamedTuple, typing.Generic), (typing.NamedTuple, typing.Generic[T], typing.Generic), (typing.NamedTuple, typing.Generic[T], typing.Generic[T]), (typing.NamedTuple, typing.NamedTuple), (typing.NamedTuple, B, A)]:\n    try:\n        class P(*bs):\n            x: T\n        out.append(P.__mro__)\n    except TypeError as e:\n        out.append(str(e))\nreturn out",
  "import collections, typing\nP = collections.namedtuple('P', 'x')\nQ = collections.namedtuple('Q', 'x', module='m')\nclass R(typing.NamedTuple):\n    x: int\nreturn repr(P[int]), repr(typing.List[P]), repr(Q[int, str]), repr(typing.Dict[Q, R]), P[int](3), Q[int](x=4), repr(R[int]), R[int](1)",
];

describe('typing.Generic, Protocol, get_origin and get_args', () => {
  it('makes generic classes and their aliases as CPython does', () => {
    expect(compareWithCPython(GENERIC, unclocked)).toEqual([]);
  });
  it('checks protocols as CPython does', () => {
    expect(compareWithCPython(PROTOCOL, unclocked)).toEqual([]);
  });
  it('answers get_origin and get_args, and makes generic TypedDicts, as CPython does', () => {
    expect(compareWithCPython(ORIGIN_AND_TYPED_DICT, unclocked)).toEqual([]);
  });
  it('makes a generic NamedTuple, and subscripts a namedtuple, as CPython does', () => {
    expect(compareWithCPython(GENERIC_NAMED_TUPLE, unclocked)).toEqual([]);
  });
  it('refuses what it does not build', () => {
    // an alias made by its class's call would hold none of what its methods read
    expect(run('from typing import List\ntype(List[int])()')).toMatch(/^UnsupportedError: making a typing._GenericAlias/);
    // the shared classes take nothing a later run would see
    for (const store of ['runtime_checkable(Protocol)', 'Protocol._is_runtime_protocol = True', 'Generic._is_protocol = True', 'setattr(Generic, "x", 1)']) {
      expect(run(`from typing import Generic, Protocol, runtime_checkable\n${store}\nreturn 1`)).toMatch(/^UnsupportedError: cannot set 'typing\./);
    }
  });
});

describe('a hostile condition with Generic and Protocol ends within its budget and leaves nothing', () => {
  it.each([
    // a million type variables: each made and each checked is paid for
    ["from typing import Generic, TypeVar\nts = tuple(TypeVar('T') for i in range(10**6))\nreturn Generic[ts]", /^StepLimitError: condition exceeded its budget of 100000 steps$/],
    ["from typing import Generic, TypeVar\nts = tuple(TypeVar('T') for i in range(3000))\nclass B(Generic[ts]): pass\nreturn len(B[(int,) * 3000].__args__), len(B.__parameters__)", /^\(3000, 3000\)$/],
    // a subclass naming 50,000 type variables, all missing from its Generic[...]
    ["from typing import Generic, TypeVar\nts = tuple(TypeVar('T') for i in range(50000))\nclass B(Generic[ts]): pass\nT = TypeVar('T')\nclass C(B[ts], Generic[T]): pass", /^StepLimitError: condition exceeded its budget of 100000 steps$/],
    // a protocol 300 classes deep, each adding a member: each check walks them all, paid per member
    ["from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P0(Protocol):\n    def m0(self): ...\nps = [P0]\nfor i in range(1, 300):\n    ps.append(runtime_checkable(type(ps[-1])(f'P{i}', (ps[-1], Protocol), {f'm{i}': lambda self: 1})))\nclass X:\n    pass\nfor i in range(300):\n    setattr(X, f'm{i}', lambda self: 1)\nreturn isinstance(X(), ps[-1]), isinstance(1, ps[-1])", /^\(True, False\)$/],
    // diamonds of protocols: abc's walk of the subclasses doubles at each layer, but the run's negative cache (as CPython's) answers each class once
    ["from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass A(Protocol):\n    def m(self): ...\nlayer = [A]\nfor i in range(40):\n    l1 = type(A)(f'L{i}x', (layer[0], Protocol), {})\n    l2 = type(A)(f'L{i}y', (layer[0], Protocol), {})\n    layer = [type(A)(f'L{i}z', (l1, l2, Protocol), {})]\nreturn isinstance(1, A)", /^False$/],
    // a __class_getitem__ that subscripts itself
    ["from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]):\n    def __class_getitem__(cls, item):\n        return B[item]\nreturn B[int]", /^RecursionError/],
    // 2,000 subscriptions of 300 keys: the cache (128 of them) answers the second of each pair
    ["from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nn = 0\nfor i in range(2000):\n    n += B[i % 300] is B[i % 300]\nreturn n", /^2000$/],
  ])('%s', (source, expected) => {
    expect(run(source)).toMatch(expected);
  });

  it('answers the same in a later run: the subscription cache and the shared classes keep nothing', () => {
    const source = "from typing import Generic, Protocol, TypeVar, runtime_checkable\nT = TypeVar('T')\nclass E:\n    def __eq__(self, o): return True\n    def __hash__(self): return 0\nclass B(Generic[T]): pass\nfirst = E()\na = B[first]\nb = B[E()]\n@runtime_checkable\nclass P(Protocol):\n    def m(self): ...\nxs = [B[i] for i in range(200)]\nreturn a is b, b.__args__[0] is first, Generic[T] is Generic[T], Protocol.__parameters__, Protocol._is_runtime_protocol, B[0] is xs[0], B[199] is xs[199]";
    expect(compareWithCPython([source], unclocked)).toEqual([]);
    const once = run(source);
    expect(run(source)).toBe(once);
  });
});
