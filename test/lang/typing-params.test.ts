/**
 * typing.ParamSpec (P.args, P.kwargs), Concatenate and TypeVarTuple (`*Ts`, Unpack[Ts]) against
 * CPython 3.11: their reprs and attributes, their use in Callable[...], Generic[...] and
 * tuple[...], substitution (`C[int, str]` of a ParamSpec's class, `D[int, *Tuple[str, ...]]`),
 * get_origin and get_args, and CPython's errors for misuse; `A[*x]` as 3.11 parses it; then
 * the small differences left (no_type_check, Annotated's repr of a builtin, Callable.__origin__);
 * then what a hostile condition may try: long argument lists, deep nesting, and state left for a
 * later run.
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

const PARAM_SPEC: string[] = [
  "import typing\nP = typing.ParamSpec('P')\nreturn repr(P), repr(P.args), repr(P.kwargs), P.args.__origin__ is P, P.args == P.args, P.kwargs == P.kwargs, P.args == P.kwargs, P.__name__",
  "import typing\nP = typing.ParamSpec('P', covariant=True)\nQ = typing.ParamSpec('Q', contravariant=True, bound=int)\nreturn repr(P), repr(Q), Q.__bound__, P.__covariant__, Q.__contravariant__, P.__bound__",
  "import typing\nP = typing.ParamSpec('P')\ntry:\n    hash(P.args)\nexcept TypeError as e:\n    return str(e)",
  "import typing\nP = typing.ParamSpec('P')\nT = typing.TypeVar('T')\nc = typing.Callable[P, T]\nreturn repr(c), c.__args__, c.__parameters__, repr(c[[int, str], float]), repr(c[..., int]), typing.get_args(c), typing.get_args(c[[int], str])",
  "import typing\nP = typing.ParamSpec('P')\nc = typing.Callable[typing.Concatenate[int, P], int]\nreturn repr(c), c.__parameters__, repr(c[[str]]), repr(c[...]), repr(typing.Concatenate[int, P]), typing.get_origin(typing.Concatenate[int, P]), typing.get_args(c)",
  "import typing\nP = typing.ParamSpec('P')\nclass C(typing.Generic[P]): pass\nreturn repr(C[int, str]), repr(C[[int, str]]), repr(C[...]), C[int, str].__args__, C.__parameters__, repr(typing.Generic[P])",
  "import typing\nP = typing.ParamSpec('P')\ntry:\n    typing.Concatenate[int, str]\nexcept TypeError as e:\n    return str(e)",
  "import typing\ntry:\n    typing.Concatenate[()]\nexcept TypeError as e:\n    return str(e)",
  "import typing\nP = typing.ParamSpec('P')\nclass C(typing.Generic[P]): pass\ntry:\n    C[1]\nexcept TypeError as e:\n    return str(e)",
  "import typing\nP = typing.ParamSpec('P')\nT = typing.TypeVar('T')\nclass C(typing.Generic[T, P]): pass\nreturn repr(C[int, [str, bytes]]), repr(C[int, ...]), repr(C[int, P]), C[int, [str]].__args__",
  "import typing\nP = typing.ParamSpec('P')\nT = typing.TypeVar('T')\nclass C(typing.Generic[T, P]): pass\ntry:\n    C[int]\nexcept TypeError as e:\n    return str(e)",
  "import typing\nP = typing.ParamSpec('P')\nreturn isinstance(P, typing.ParamSpec), type(P.args).__name__, type(P.kwargs).__name__, isinstance(P.args, typing.ParamSpecArgs), repr(typing.Callable[..., int])",
  "import typing\nreturn repr(typing.Callable[[int], str]), repr(typing.Callable[[], str]), typing.get_args(typing.Callable[[int], str]), typing.Callable[[int], str].__args__, repr(typing.Callable[int, str])",
  "import typing\nP = typing.ParamSpec('P')\nT = typing.TypeVar('T')\nclass C(typing.Generic[P]): pass\nreturn repr(C[[int, T]]), C[[int, T]].__parameters__, repr(C[[int, T]][str]), repr(C[P][[int]]), repr(C[typing.Concatenate[int, P]]), repr(C[typing.Concatenate[int, P]][[str]])",
  "import typing\nP = typing.ParamSpec('P')\nT = typing.TypeVar('T')\ntry:\n    typing.Callable[P, T][int, 3]\nexcept TypeError as e:\n    return str(e)",
  "import typing\nP = typing.ParamSpec('P')\nT = typing.TypeVar('T')\nreturn repr(typing.Callable[P, T][int, str]), repr(typing.List[typing.Callable[P, T]][[int], str])",
  "import typing\ntry:\n    typing.ParamSpec('P', covariant=True, contravariant=True)\nexcept ValueError as e:\n    return str(e)",
  "import typing\ntry:\n    typing.ParamSpec('P', int)\nexcept TypeError as e:\n    return str(e)",
  "import typing, copy\nP = typing.ParamSpec('P')\nTs = typing.TypeVarTuple('Ts')\nreturn copy.copy(P) is P, copy.deepcopy(Ts) is Ts, repr(P | int), typing.get_origin(P.args), typing.get_args(P)",
  "import typing\nP = typing.ParamSpec('P')\ntry:\n    return repr(list[P]), list[P].__parameters__, repr(list[P][[int]])\nexcept TypeError as e:\n    return str(e)",
  "import typing\nP = typing.ParamSpec('P')\nreturn [type(x).__name__ for x in type(P).__mro__], [type(x).__name__ for x in typing.TypeVarTuple.__mro__]",
];
const TYPE_VAR_TUPLE: string[] = [
  "import typing\nTs = typing.TypeVarTuple('Ts')\nclass D(typing.Generic[*Ts]): pass\nreturn repr(D[int, str]), repr(D[()]), D[int].__args__, D.__parameters__, repr(typing.Generic[*Ts]), repr(typing.Generic[typing.Unpack[Ts]])",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nreturn repr(tuple[int, *Ts]), tuple[int, *Ts].__parameters__, repr(tuple[int, *Ts][str, float]), repr(typing.Tuple[int, *Ts]), repr(typing.Tuple[int, *Ts][str, float])",
  "import typing\nT = typing.TypeVar('T')\nTs = typing.TypeVarTuple('Ts')\nclass D(typing.Generic[T, *Ts]): pass\nreturn repr(D[int]), repr(D[int, str, float]), D.__parameters__, repr(D[T, *Ts][int, str]), typing.get_args(D[int, str])",
  "import typing\nTs = typing.TypeVarTuple('Ts')\ntry:\n    typing.Generic[Ts]\nexcept TypeError as e:\n    return str(e)",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nT = typing.TypeVar('T')\nclass D(typing.Generic[T, *Ts]): pass\ntry:\n    D[()]\nexcept TypeError as e:\n    return str(e)",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nreturn repr(Ts), Ts.__name__, repr(typing.Unpack[Ts]), repr([*Ts]), typing.get_args(typing.Unpack[Ts]), typing.get_origin(typing.Unpack[Ts])",
  "import typing\nTs = typing.TypeVarTuple('Ts')\ntry:\n    typing.List[Ts]\nexcept TypeError as e:\n    return str(e)",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nT = typing.TypeVar('T')\ntry:\n    return repr(typing.List[T][typing.Unpack[Ts]])\nexcept TypeError as e:\n    return str(e)",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nT = typing.TypeVar('T')\nreturn repr(typing.Tuple[T, *Ts][int, *typing.Tuple[str, ...]]), repr(typing.Tuple[T, *Ts][*typing.Tuple[int, str]])",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nUs = typing.TypeVarTuple('Us')\ntry:\n    typing.Tuple[*Ts, *Us][int]\nexcept TypeError as e:\n    return str(e)",
  "import typing\nTs = typing.TypeVarTuple('Ts')\ntry:\n    class X(typing.Generic[*Ts, *Ts]): pass\nexcept TypeError as e:\n    return str(e)",
  "import typing\ntry:\n    typing.TypeVarTuple()\nexcept TypeError as e:\n    return str(e)",
  "import typing\nTs = typing.TypeVarTuple('Ts')\ntry:\n    Ts | int\nexcept TypeError as e:\n    return str(e)",
  "import typing\nT = typing.TypeVar('T')\nTs = typing.TypeVarTuple('Ts')\nclass D(typing.Generic[T, *Ts]): pass\nreturn repr(D[int, *typing.Tuple[str, ...]]), repr(D[*typing.Tuple[int, ...]])",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nreturn typing.Tuple[*Ts] == typing.Tuple[typing.Unpack[Ts]], hash(typing.Unpack[Ts]) == hash(typing.Unpack[Ts])",
];
const IN_USE: string[] = [
  "import typing, copy\nP = typing.ParamSpec('P')\na = P.args\nreturn copy.copy(a) is a, copy.deepcopy(a) is a, copy.deepcopy([P, P.kwargs])",
  "import typing\nP = typing.ParamSpec('P')\nT = typing.TypeVar('T')\nclass Pr(typing.Protocol[P, T]):\n    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> T: ...\nreturn Pr.__parameters__, repr(Pr[[int], str]), repr(Pr[int, str]) if False else 0",
  "import typing\nP = typing.ParamSpec('P')\nreturn repr(typing.Callable[P, int] | None), repr(typing.Optional[typing.Callable[P, int]][[str]])",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nreturn repr(typing.Union[int, *Ts]) if False else repr(typing.Tuple[*Ts] | None)",
  "import typing\nTs = typing.TypeVarTuple('Ts')\ntry:\n    typing.Union[Ts, int]\nexcept TypeError as e:\n    return str(e)\nreturn repr(typing.Union[Ts, int])",
  "import typing\nP = typing.ParamSpec('P')\nreturn typing.get_args(typing.Callable[P, int][...]), typing.get_args(typing.Callable[typing.Concatenate[int, P], int][...])",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nT = typing.TypeVar('T')\ntry:\n    typing.List[T][*Ts]\nexcept TypeError as e:\n    return str(e)",
  "import typing\nP = typing.ParamSpec('P')\nT = typing.TypeVar('T')\ntry:\n    typing.List[T][P]\nexcept TypeError as e:\n    return str(e)\nreturn repr(typing.List[T][P])",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nout = []\nfor f in [lambda: Ts[int], lambda: isinstance(1, Ts), lambda: typing.Unpack[int, str], lambda: typing.Unpack[Ts][int], lambda: hash(Ts) == hash(Ts), lambda: Ts == Ts, lambda: typing.Tuple[*Ts][int, *typing.Tuple[str, ...], *typing.Tuple[int, ...]]]:\n    try:\n        out.append(repr(f()))\n    except Exception as e:\n        out.append(f'{type(e).__name__}: {e}')\nreturn out",
  "import typing\nP = typing.ParamSpec('P')\nout = []\nfor f in [lambda: P[int], lambda: isinstance(1, P), lambda: typing.Concatenate[P], lambda: typing.Concatenate[P, int], lambda: typing.Concatenate[int, ...], lambda: P.foo, lambda: typing.ParamSpecArgs(P) == P.args, lambda: typing.Callable[typing.Concatenate[int, P], int][int]]:\n    try:\n        out.append(repr(f()))\n    except Exception as e:\n        out.append(f'{type(e).__name__}: {e}')\nreturn out",
  "import typing\nP = typing.ParamSpec('P')\nT = typing.TypeVar('T')\nTs = typing.TypeVarTuple('Ts')\nreturn P.__module__, T.__module__, Ts.__module__",
  "import typing\nP = typing.ParamSpec('P')\nreturn sorted(x for x in dir(P) if not x.startswith('__'))",
  "import typing\nP = typing.ParamSpec('P')\ntry:\n    isinstance(1, P)\nexcept TypeError as e:\n    return str(e)",
  "import typing\nP = typing.ParamSpec('P')\ndef f(*args: P.args, **kwargs: P.kwargs) -> int: pass\nreturn f.__annotations__",
  "import typing\nP = typing.ParamSpec('P')\nT = typing.TypeVar('T')\ndef deco(f: typing.Callable[P, T]) -> typing.Callable[P, T]:\n    return f\nreturn typing.get_type_hints(deco)",
  "import typing\nTs = typing.TypeVarTuple('Ts')\ndef f(*args: typing.Unpack[Ts]): pass\nreturn f.__annotations__",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nclass A(typing.Generic[*Ts]): pass\nclass B(A[int, *Ts]): pass\nreturn B.__parameters__, repr(B[str, bytes]), B.__orig_bases__",
  "import typing\nP = typing.ParamSpec('P')\nclass A(typing.Generic[P]): pass\nclass B(A[[int, str]]): pass\nreturn B.__orig_bases__, B.__parameters__, B.__mro__",
  "import typing\nP = typing.ParamSpec('P')\ntry:\n    typing.List[P]\nexcept TypeError as e:\n    return str(e)",
  "import typing\nP = typing.ParamSpec('P')\ntry:\n    typing.ParamSpec('Q', bound=3)\nexcept TypeError as e:\n    return str(e)",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nreturn repr(typing.Tuple[*Ts][()]), repr(typing.Tuple[*Ts][int]), repr(tuple[*Ts][()])",
  "import typing\nreturn typing.AnyStr.__module__, typing.SupportsAbs.__parameters__[0].__module__, repr(typing.AnyStr)",
  "import typing, copy\nT = typing.TypeVar('T')\nreturn copy.deepcopy(T) is T, repr(T), T.__name__",
];
const FORM_CACHE: string[] = [
  "import typing\nP = typing.ParamSpec('P')\nreturn typing.Callable[[int], str] is typing.Callable[[int], str], typing.List[int] is typing.List[int], typing.Callable[P, int] is typing.Callable[P, int], typing.Concatenate[int, P] is typing.Concatenate[int, P], typing.Optional[int] is typing.Optional[int], typing.Tuple[int] is typing.Tuple[int]",
  "import typing\nreturn typing.Literal[1] is typing.Literal[1], typing.Literal[1] is typing.Literal[True], typing.Literal[1, 2] is typing.Literal[1, 2], repr(typing.Literal[True]), repr(typing.Literal[1]), typing.Callable[[int], str] is typing.Callable[(int,), str], typing.ClassVar[int] is typing.ClassVar[int], typing.Dict[str, int] is typing.Dict[str, int]",
  "import typing\ntry:\n    typing.Union[()]\nexcept TypeError as e:\n    return str(e), typing.Literal[[1]] == typing.Literal[[1]], typing.Literal[[1]] is typing.Literal[[1]]",
  "import typing\nxs = [typing.List[i] for i in range(200)]\nreturn typing.List[0] is xs[0], typing.List[199] is xs[199], typing.Union[int, str] is typing.Union[str, int], typing.Optional[int] is typing.Union[int, None]",
];
const UNPACKED_TUPLE: string[] = [
  "a = [*tuple[int, str]][0]\nreturn repr(a), a.__unpacked__, a == tuple[int, str], a == [*tuple[int, str]][0], len({a, tuple[int, str]}), repr([*list[int]][0]), a.__args__, a.__origin__",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nT = typing.TypeVar('T')\nreturn repr(tuple[int, *tuple[str, ...]]), repr(tuple[T, *Ts][int, *tuple[str, ...]]), repr(tuple[*Ts][*tuple[int, str]]), typing.get_args([*tuple[int, str]][0]), typing.get_origin([*tuple[int, str]][0])",
  "import typing\nTs = typing.TypeVarTuple('Ts')\nT = typing.TypeVar('T')\nclass D(typing.Generic[T, *Ts]): pass\nreturn repr(D[int, *tuple[str, ...]]), repr(typing.Tuple[T, *Ts][int, *tuple[str, ...]]), repr(D[*tuple[int, ...]])",
  "import typing\nT = typing.TypeVar('T')\nout = []\nfor f in [lambda: typing.List[T][*tuple[int, str]], lambda: typing.List[T][*tuple[int]], lambda: list[T][*tuple[int]], lambda: tuple[T][[*tuple[int, ...]][0]]]:\n    try:\n        out.append(repr(f()))\n    except Exception as e:\n        out.append(f'{type(e).__name__}: {e}')\nreturn out",
  "T = 1\nx = [*tuple[int, str]][0]\nreturn repr(x[()]) if False else repr(list[int] == [*list[int]][0]), [*dict[str, int]]",
];
const STARRED_SUBSCRIPT: string[] = [
  "class A:\n    def __getitem__(self, k): return k\n    def __setitem__(self, k, v): self.k = (k, v)\na = A()\na[*[1, 2]] = 3\nreturn a.k, a[*[1], 2:3], a[*()]",
  "class A:\n    def __getitem__(self, k): return k\nreturn A()[*[1]:2]",
  "class A:\n    def __iter__(self): return iter([1, 2])\n    def __class_getitem__(cls, k): return k\nreturn A[int, *A()]",
  "class A:\n    def __iter__(self): return iter([1, 2])\n    def __class_getitem__(cls, k): return k\nreturn A[*A()]",
  // slices' starred_expression is '*' expression: a conditional, or, not, lambda after the star
  "b = [1]\nc = {}\ntry:\n    c[*b or b]\nexcept KeyError as e:\n    k = e.args\nreturn k, {(1,): 2}[*b if b else 0], {(1, 2): 3}[1, *not b or [2]]",
  "try:\n    {}[*not 1]\nexcept TypeError as e:\n    return str(e)",
  "try:\n    {}[1, *lambda: 1]\nexcept TypeError as e:\n    return str(e)",
  "c = {}\nb = [0]\nc[*b or b] = 1\ndel c[*b or b]\nreturn c",
];
const SMALL: string[] = [
  "import typing\n@typing.no_type_check\ndef f(): pass\nreturn getattr(f, '__no_type_check__'), f.__no_type_check__",
  "import typing\n@typing.no_type_check\nclass C:\n    def m(self): pass\n    x = 1\n    class D:\n        def n(self): pass\nreturn getattr(C, '__no_type_check__'), getattr(C.m, '__no_type_check__', None), getattr(C.D, '__no_type_check__', None)",
  "import typing\nreturn typing.no_type_check(int) is int",
  "import typing\ntry:\n    typing.no_type_check(3)\nexcept AttributeError as e:\n    return str(e)",
  "import typing\nreturn repr(typing.Annotated[len, 1]), repr(typing.Annotated[int, len])",
  "import typing\nreturn typing.Callable.__origin__, typing.Callable[[int], str].__origin__, typing.get_origin(typing.Callable[[int], str]), typing.get_origin(typing.Callable)",
  "import typing\ntry:\n    typing.Callable()\nexcept TypeError as e:\n    return str(e)",
  "import typing\nreturn isinstance(len, typing.Callable), issubclass(int, typing.Callable)",
  "import typing\nclass A(typing.Callable[[int], str]):\n    def __call__(self, x): return str(x)\nreturn A()(3), A.__mro__ , A.__orig_bases__",
  "import typing\ntry:\n    list(typing.Union[int, str])\nexcept TypeError as e:\n    return str(e)",
  "import typing\ntry:\n    [*typing.Callable[[int], str]]\nexcept TypeError as e:\n    return str(e)",
  "import typing\nreturn [*typing.List[int]], [*typing.Literal[1]], list(typing.Dict[str, int])",
  "import typing\ntry:\n    list(typing.List)\nexcept TypeError as e:\n    return str(e)",
  "import typing\ntry:\n    list(typing.Annotated[int, 1])\nexcept TypeError as e:\n    return str(e)",
  "import typing, copy\nP = typing.ParamSpec('P')\nc = typing.Callable[P, int]\nreturn copy.copy(c) == c, copy.deepcopy(typing.Callable[[int], str]) == typing.Callable[[int], str], copy.copy(typing.Concatenate[int, P])",
];

describe('typing.ParamSpec, Concatenate and TypeVarTuple', () => {
  it('makes ParamSpecs, their args and kwargs, and Concatenate, and substitutes them as CPython does', () => {
    expect(compareWithCPython(PARAM_SPEC, unclocked)).toEqual([]);
  });
  it('makes TypeVarTuples and their unpacking, and substitutes them as CPython does', () => {
    expect(compareWithCPython(TYPE_VAR_TUPLE, unclocked)).toEqual([]);
  });
  it('gives them their module, annotations, bases and errors as CPython does', () => {
    expect(compareWithCPython(IN_USE, unclocked)).toEqual([]);
  });
  it("unpacks a types.GenericAlias (`*tuple[int, str]`) and reads it as a TypeVarTuple's argument, as CPython does", () => {
    expect(compareWithCPython(UNPACKED_TUPLE, unclocked)).toEqual([]);
  });
  it('parses a starred item in a subscript, as 3.11 does', () => {
    expect(compareWithCPython(STARRED_SUBSCRIPT, unclocked)).toEqual([]);
  });
});

describe("an alias's attributes", () => {
  it("reads and stores a Concatenate's as _GenericAlias's (__name__, another name its origin's)", () => {
    expect(compareWithCPython([
      "import typing\nP = typing.ParamSpec('P')\nC = typing.Concatenate[int, P]\ntry:\n    C.foo\nexcept AttributeError as e:\n    return str(e), C.__name__, C.__origin__ is typing.Concatenate",
    ], unclocked)).toEqual([]);
    // its origin, the special form, is not built: a store there refused, where it was kept on the alias unseen
    expect(run("import typing\nP = typing.ParamSpec('P')\nC = typing.Concatenate[int, P]\nC.foo = 1\nreturn 1")).toMatch(/^UnsupportedError: /);
  });
  it('refuses a store of what its repr, ==, call and subscript read (CPython follows it; the record here would not)', () => {
    for (const store of ['typing.Literal[1].__args__ = (2,)', "typing.List[int]._name = 'Zzz'", 'typing.Optional[int].__origin__ = int', "typing.Concatenate[int, typing.ParamSpec('P')].__args__ = ()"]) {
      expect(run(`import typing\n${store}\nreturn 1`), store).toMatch(/^UnsupportedError: setting /);
    }
  });
});

describe("a special form's slots", () => {
  // _SpecialForm's __slots__ are _name, __doc__ and _getitem: CPython stores there (typing.Unpack.__doc__ = 'x'),
  // where the evaluator answered every name with the catchable "has no attribute" a condition could go on from
  it('refuses a store of a slot fatally, and answers another name in CPython\'s words', () => {
    for (const store of ["typing.Unpack.__doc__ = 'x'", "typing.Union._name = 'U'", 'typing.ClassVar._getitem = None']) {
      expect(run(`import typing\ntry:\n    ${store}\nexcept Exception as e:\n    return repr(e)\nreturn 1`), store).toMatch(/^UnsupportedError: cannot set /);
    }
    expect(compareWithCPython(["import typing\ntry:\n    typing.Union.foo = 1\nexcept AttributeError as e:\n    return str(e)"], unclocked)).toEqual([]);
  });
});

describe('typing: no_type_check, Annotated of a builtin, Callable.__origin__, what is not iterable', () => {
  it('answers as CPython does', () => {
    expect(compareWithCPython(SMALL, unclocked)).toEqual([]);
  });
});

describe("the forms' subscription cache (typing._tp_cache)", () => {
  it('gives back the same alias for equal arguments, as CPython does', () => {
    expect(compareWithCPython(FORM_CACHE, unclocked)).toEqual([]);
  });
  it('keeps nothing for a later run, and pays for a long Literal key', () => {
    const source = "import typing\nclass E:\n    def __eq__(self, o): return True\n    def __hash__(self): return 0\nfirst = E()\na = typing.List[first]\nreturn a is typing.List[E()], typing.List[E()].__args__[0] is first, typing.Literal[1] is typing.Literal[1]";
    expect(compareWithCPython([source], unclocked)).toEqual([]);
    const once = run(source);
    expect(run(source)).toBe(once);
    expect(run('import typing\nreturn len(typing.Literal[tuple(range(3 * 10**5))].__args__)')).toMatch(/^StepLimitError/);
  });
});

describe('a hostile condition with ParamSpec and TypeVarTuple ends within its budget and leaves nothing', () => {
  it.each([
    // a million arguments for one ParamSpec or TypeVarTuple: each read, prepared and checked is paid for
    ["import typing\nP = typing.ParamSpec('P')\nclass C(typing.Generic[P]): pass\nreturn len(C[(int,) * 10**6].__args__)", /^StepLimitError: condition exceeded its budget of 100000 steps$/],
    ["import typing\nTs = typing.TypeVarTuple('Ts')\nclass D(typing.Generic[*Ts]): pass\nreturn len(D[(int,) * 10**6].__args__)", /^StepLimitError: condition exceeded its budget of 100000 steps$/],
    ["import typing\nT = typing.TypeVar('T')\nTs = typing.TypeVarTuple('Ts')\nreturn len(typing.Tuple[T, *Ts][(int,) * 10**6].__args__)", /^StepLimitError: condition exceeded its budget of 100000 steps$/],
    ["import typing\nTs = typing.TypeVarTuple('Ts')\nreturn len(tuple[int, *Ts][(int,) * 10**6].__args__)", /^StepLimitError: condition exceeded its budget of 100000 steps$/],
    ["import typing\nP = typing.ParamSpec('P')\nreturn len(typing.Callable[P, int][[int] * 10**6].__args__)", /^StepLimitError: condition exceeded its budget of 100000 steps$/],
    // 3,000 of them are answered
    ["import typing\nP = typing.ParamSpec('P')\nT = typing.TypeVar('T')\nclass C(typing.Generic[P, T]): pass\nreturn len(C[[int] * 3000, str].__args__[0]), len(typing.Callable[P, T][[int] * 3000, str].__args__)", /^\(3000, 3001\)$/],
    // a ParamSpec's Callable 400 aliases deep, substituted: CPython's RecursionError, or the steps of the hashes of its cache
    ["import typing\nP = typing.ParamSpec('P')\nt = typing.Callable[P, int]\nfor i in range(400):\n    t = typing.List[t]\nreturn t[[int]]", /^(StepLimitError: condition exceeded its budget of 100000 steps|RecursionError)/],
  ])('%s', (source, expected) => {
    expect(run(source)).toMatch(expected);
  });

  it('answers the same in a later run of the same engine: the subscription cache keeps nothing', () => {
    const source = "import typing\nP = typing.ParamSpec('P')\nTs = typing.TypeVarTuple('Ts')\nT = typing.TypeVar('T')\nclass C(typing.Generic[P]): pass\nclass D(typing.Generic[T, *Ts]): pass\na = C[int, str]\nb = D[int, str, bytes]\nreturn a is C[int, str], a.__args__, b is D[int, str, bytes], b.__args__, repr(typing.Callable[P, T][[int], str]), P.args == P.args, repr(typing.Concatenate[int, P]), D.__parameters__";
    expect(compareWithCPython([source], unclocked)).toEqual([]);
    const once = run(source);
    expect(run(source)).toBe(once);
  });
});
