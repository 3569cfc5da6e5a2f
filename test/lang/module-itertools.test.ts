import { expect, it } from 'vitest';
import { ConditionError, Engine, PyException, describeException, parseJson, type PyDict } from '../../src/lang/index.js';
import { compareWithCPython } from '../support/cpython.js';

const IMPORT = 'from itertools import islice, chain, groupby, pairwise, accumulate, combinations, permutations, product, count, repeat, takewhile, dropwhile, zip_longest, starmap';

/** itertools: every function, lazy, at its edges. */
it('answers itertools as CPython does', () => {
  const cases = [
    'list(islice(range(10), 3))', 'list(islice(range(10), 2, 8, 3))', 'list(islice(range(10), 2, None))', 'list(islice("abcdef", None, None, 2))', 'list(islice(count(), 5))',
    'list(islice(range(3), -1))', 'list(islice(range(3), 0, 2, 0))', 'list(islice(range(3), 1.5))', 'list(islice(range(3)))', 'list(islice(range(5), 10))',
    'list(chain([1, 2], "ab", (3,)))', 'list(chain())', 'list(chain.from_iterable([[1], [2, 3], []]))', 'list(chain(1))',
    "[(k, list(g)) for k, g in groupby('aaabbcaa')]", "[(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3])]", "[(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 4)]",
    "[k for k, g in groupby('aabbbc')]", "g = groupby('aabb')\nk1, g1 = next(g)\nk2, g2 = next(g)\nreturn list(g1), list(g2)", "list(groupby([]))",
    'list(pairwise([1, 2, 3, 4]))', 'list(pairwise("a"))', 'list(pairwise([]))',
    'list(accumulate([1, 2, 3, 4]))', 'list(accumulate([1, 2, 3], initial=100))', 'list(accumulate([3, 1, 4, 1, 5], max))', 'list(accumulate([], initial=0))', "list(accumulate(['a', 'b']))", 'list(accumulate([1, "a"]))',
    'list(combinations("ABCD", 2))', 'list(combinations(range(4), 0))', 'list(combinations([1, 2], 3))', 'list(combinations([1, 2], -1))', 'list(combinations(range(5), r=3))', 'list(combinations([1]))',
    'list(permutations("ABC"))', 'list(permutations(range(4), 2))', 'list(permutations([], 0))', 'list(permutations([1, 2], 3))', 'len(list(permutations(range(6))))', 'list(permutations("ab", -1))',
    'list(product("ab", [1, 2]))', 'list(product([0, 1], repeat=3))', 'list(product())', 'list(product([], [1]))', 'list(product([1], repeat=-1))', 'list(product([1], times=2))',
    'list(islice(count(10, 2.5), 3))', 'list(islice(count(start=5), 2))', 'count("a")',
    'list(repeat("x", 3))', 'list(repeat(1, -2))', 'list(islice(repeat(None), 2))', 'list(repeat(1, times=2))',
    'list(takewhile(lambda x: x < 3, [1, 2, 5, 1]))', 'list(dropwhile(lambda x: x < 3, [1, 2, 5, 1]))', 'list(takewhile(lambda x: x, []))',
    'list(zip_longest("ab", [1, 2, 3]))', "list(zip_longest('abc', [], fillvalue='-'))", 'list(zip_longest())', 'list(zip_longest([1], [2], [3, 4]))',
    'list(starmap(pow, [(2, 3), (3, 2)]))', 'list(starmap(lambda a, b: a + b, ["ab", "cd"]))', 'list(starmap(pow, [1]))',
    'it = islice(range(10), 4)\nnext(it)\nreturn list(it)', 'c = count()\nreturn next(c), next(c), next(c)',
    "sum(1 for _ in combinations(range(20), 3))", "next(permutations(range(100)))[:3]", "[w for w, _ in groupby(sorted(text.lower().split()))][:4]",
  ].map((e) => `${IMPORT}\n${e.includes('\n') || e.startsWith('return') ? e : `return ${e}`}`);
  expect(compareWithCPython([...cases, 'import itertools\nreturn list(itertools.islice(itertools.count(3), 3))', 'import itertools as it\nreturn list(it.chain("a", "b"))'])).toEqual([]);
});

/** Their types are itertools' own, named so in messages; count shows where it stands. */
it('names itertools types and shows a count as CPython does', () => {
  expect(compareWithCPython([
    "import itertools as I\nxs = [I.count(), I.islice('a', 1), I.chain(), I.chain.from_iterable([]), I.repeat(1), I.accumulate([1]), I.groupby('a'), I.product('a'), I.permutations('a'), I.combinations('a', 1), I.starmap(int, []), I.takewhile(int, []), I.dropwhile(int, []), I.zip_longest(), I.pairwise('a')]\nreturn [(type(x).__name__, repr(type(x))) for x in xs]",
    "import itertools as I\nreturn type(next(I.groupby('a'))[1]).__name__",
    'import itertools as I\nreturn I.islice("a", 1) + 1', 'import itertools as I\nreturn I.count() + 1', 'import itertools as I\nreturn len(I.count())', 'import itertools as I\nreturn I.count()[0]',
    'import itertools\nreturn repr(itertools.count()), repr(itertools.count(5, 2)), repr(itertools.count(1.5)), repr(itertools.count(2, 1.0)), repr(itertools.count(-1, True)), str(itertools.count(10**20))',
    'import itertools\nc = itertools.count(3, -2)\nnext(c)\nnext(c)\nreturn repr(c), next(c)',
  ])).toEqual([]);
});

/** repeat shows what it repeats and how many times are left; count counts a bool or an int subclass's start as a plain int (count_new's fast mode); the others' reprs are their type's. */
it('shows a repeat, a count and the other iterators as CPython does', () => {
  expect(compareWithCPython([
    `import itertools
return repr(itertools.repeat(1)), repr(itertools.repeat('a', 3)), repr(itertools.repeat(1, 0)), repr(itertools.repeat(1, -5)), repr(itertools.repeat(None, True))`,
    `import itertools
r = itertools.repeat('a', 3)
next(r)
a = repr(r)
list(r)
return a, repr(r), list(r), repr(r)`,
    `import itertools
r = itertools.repeat([1], times=2)
return repr(r), list(r), type(r).__name__, list(itertools.repeat(1, 3)), list(zip(itertools.repeat(0), 'ab'))`,
    `import itertools
r = itertools.repeat(1)
for _ in range(5):
    next(r)
return repr(r)`,
    `import itertools
return itertools.repeat(1, 10**30)`,
    `import itertools
return itertools.repeat(1, 1.5)`,
    `import itertools
return itertools.repeat()`,
    `import itertools
c = itertools.count(5)
next(c)
return repr(itertools.count()), repr(itertools.count(5)), repr(c), repr(itertools.count(1.5, 2)), repr(itertools.count(0, 1)), repr(itertools.count(0, 1.0)), repr(itertools.count(2, -1)), repr(itertools.count(10**20)), repr(itertools.count(step=0))`,
    `import itertools
c = itertools.count(True)
d = itertools.count(True, 2)
e = itertools.count(1.5, True)
return repr(c), next(c), repr(c), repr(itertools.count(1, True)), repr(itertools.count(0.5, 0.5)), repr(d), next(d), next(d), repr(e), next(e), repr(e)`,
    `import itertools
class I(int):
    pass
c = itertools.count(I(3))
d = itertools.count(0, I(1))
return type(next(c)).__name__, repr(c), repr(d), repr(itertools.count(I(3), 2))`,
    `import itertools
c = itertools.count(2**63 - 2)
return next(c), next(c), repr(c), next(c), repr(c)`,
    `import itertools
return repr(itertools.count(-5)), repr(itertools.count(3, 10**30)), repr(itertools.count(1, -1.5))`,
    `import itertools as I
xs = [I.islice('a', 1), I.chain(), I.chain.from_iterable([]), I.accumulate([1]), I.groupby('a'), I.product('a'), I.permutations('a'), I.combinations('a', 1), I.starmap(int, []), I.takewhile(int, []), I.dropwhile(int, []), I.zip_longest(), I.pairwise('a'), next(I.groupby('a'))[1]]
# CPython adds each one's address, which the evaluator leaves out (README)
return [repr(x).split(' at 0x')[0].rstrip('>') for x in xs]`,
  ])).toEqual([]);
});

/** Lazy and charged per item: an infinite or astronomically long iterator stops at the step limit, soon. */
it('stops huge and infinite iterators at the step limit', () => {
  const engine = new Engine();
  const log = parseJson('{"Text": "x"}') as PyDict;
  for (const body of ['list(permutations(range(100)))', 'sum(1 for _ in count())', 'list(product(range(100), repeat=10))', 'for _ in repeat(None): pass', 'list(combinations(range(1000), 500))',
    'list(accumulate(count()))', 'list(zip_longest(count(), []))', 'list(chain.from_iterable(repeat([1, 2])))', 'len(list(takewhile(lambda x: True, count())))', 'list(islice(count(), 10**15))',
    // consumers that charge nothing per item themselves: only itertools' own charge stops them
    'next(islice(count(), 10**15, None))', 'next(islice(repeat(1), 10**15, None))', 'g = groupby(repeat(1))\nnext(g)\nreturn next(g)', 'next(dropwhile(bool, chain.from_iterable(repeat([1]))))',
    'next(islice(pairwise(count()), 10**15, None))', 'next(islice(accumulate(repeat(0)), 10**15, None))']) {
    const program = engine.compile(`${IMPORT}\n${body.startsWith('for') || body.includes('\n') ? body : `return ${body}`}`, 'standard');
    if (program instanceof ConditionError) throw new Error(`${body}: ${program.message}`);
    const t0 = performance.now();
    let error = '';
    try {
      engine.runStandard(program, log, 'x', null as never);
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      error = describeException(e);
    }
    expect(error, body).toMatch(/^StepLimitError|^MemoryError/);
    expect(performance.now() - t0, body).toBeLessThan(3000);
  }
});

/** compress, filterfalse, cycle, combinations_with_replacement and tee (a tee's iterator given to tee is the first of the new ones, as tee_copy has it). */
it('answers the rest of itertools as CPython does', () => {
  expect(compareWithCPython([
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn list(compress('ABCDEF', [1,0,1,0,1,1])), list(compress('AB', [1,1,1,1])), list(compress(data='abc', selectors=[0,1]))",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn list(compress('a'))",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn list(compress('a', 1))",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None]))",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn filterfalse(None)",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn filterfalse(None, [], x=1)",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn list(filterfalse(None, 3))",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn list(islice(cycle('abc'), 8)), list(cycle([])), type(cycle('a')).__name__",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn cycle()",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn cycle(5)",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn cycle('a', 'b')",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement('ab', 0)), len(list(combinations_with_replacement(range(5), 3)))",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn list(combinations_with_replacement('ab', -1))",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn list(combinations_with_replacement('ab'))",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn list(combinations_with_replacement(iterable='ab', r=3))",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\na, b = tee([1, 2, 3])\nreturn next(a), list(b), list(a), type(a).__name__",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn tee('abc', 0), len(tee('abc', 3)), [list(t) for t in tee('abc', 3)]",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn tee('a', -1)",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn tee('a', 'b')",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn tee()",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn tee(1)",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nreturn tee('a', n=2)",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\na, b = tee(iter(range(5)))\nnext(a); next(a)\nc, d = tee(a)\nreturn list(c), list(d), list(a), list(b)",
    "from itertools import compress, filterfalse, cycle, combinations_with_replacement, tee, islice\nseen = []\ndef g():\n    for i in range(4):\n        seen.append(i)\n        yield i\na, b = tee(g())\nnext(a)\nr1 = list(seen)\nnext(b)\nreturn r1, list(seen), list(a), list(b)",
    "import itertools\nreturn [repr(type(x)) for x in [itertools.cycle(''), itertools.compress('', ''), itertools.filterfalse(None, ''), itertools.combinations_with_replacement('', 1)]]",
    "import itertools\nreturn itertools.tee.x",
    "import itertools\nt = itertools.tee('abc')[0]\nreturn repr(type(t)), list(itertools._tee('ab'))",
  ])).toEqual([]);
});

// tee of many, zip_longest and heapq.merge of many inputs, now paid by the iterator (attack-findings.test.ts)
const MANY_INPUTS = [
  "import itertools\na, b, c = itertools.tee('abc', 3)\nreturn list(a), list(b), next(c), itertools.tee([], 0), len(itertools.tee('ab', 20000))",
  "import itertools\nreturn list(itertools.zip_longest('ab', 'xyz', [1], fillvalue=0)), list(itertools.zip_longest()), list(itertools.zip_longest('a'))",
  "import heapq\nreturn list(heapq.merge([1, 4], [2, 5], [], [0, 9])), list(heapq.merge(*[[i] for i in range(1000)]))[-3:], list(heapq.merge([3, 1], [2], key=lambda x: -x, reverse=True))",
];

it('answers tee, zip_longest and heapq.merge over many inputs as CPython does', () => {
  expect(compareWithCPython(MANY_INPUTS)).toEqual([]);
});

// islice reads its stop first (-1 is its error), then start's and stop's range, then the step; combinations' r is an index before the pool is made, permutations' an int after
const ARGUMENT_ORDER = [
  "import itertools as it\nclass X:\n    def __index__(self):\n        return 2\nr = []\nfor a in [(-1,), (-5,), (2**64,), (None, -1), (None, -2), ('x', -1), ('x', -2), ('x', 5, 0), ('x', 'y', 0), (1, 2, 'x'), (-1, -1), (0, 'y', 0), (X(),), (X(), None, X()), (1, None, 2**70), (2**70, 3), (None,), (None, None, None), (1.0,), (True, 3)]:\n    for src in [[1, 2, 3], 5]:\n        try:\n            r.append(list(it.islice(src, *a)))\n        except Exception as e:\n            r.append((type(e).__name__, str(e)))\nreturn r",
  "import itertools as it\nr = []\nfor f in [it.permutations, it.combinations, it.combinations_with_replacement]:\n    for src in ['abc', 1]:\n        for n in ['x', True, -1, 2**70, -2**70, 2.0, None, 2]:\n            try:\n                r.append(list(f(src, n)))\n            except Exception as e:\n                r.append((type(e).__name__, str(e)))\nreturn r\n",
];

it("checks islice's, combinations' and permutations' arguments in CPython's order", () => {
  expect(compareWithCPython(ARGUMENT_ORDER)).toEqual([]);
});

// accumulate's initial is keyword-only: a third positional argument is 'takes at most 2 positional arguments'
it("binds accumulate()'s arguments as CPython does", () => {
  expect(compareWithCPython(["import itertools as it\nr = []\nfor a, k in [(('a', 2, 'b'), {}), (('a',), {'x': 1}), ((), {}), (('ab', None, 0), {}), (('ab',), {'initial': 0, 'func': None}), (([1, 2],), {'initial': 0}), (([1, 2], None), {'initial': 5}), (([1, 2],), {'iterable': [1]}), ((), {'iterable': [3, 4], 'func': max})]:\n    try:\n        r.append(list(it.accumulate(*a, **k)))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r\n"])).toEqual([]);
});

// count() asks PyNumber_Check of its start and step, not float(): a big int was an OverflowError, a Decimal, Fraction or complex a TypeError
it('counts from and by any number, as CPython does', () => {
  expect(compareWithCPython([
    "import itertools\nc = itertools.count(0, 10**4000)\nnext(c)\nreturn next(c) == 10**4000, next(itertools.count(10**4000)) == 10**4000, repr(itertools.count(10**30, 10**30))",
    "import itertools\nc = itertools.count(0.5, 10**400)\nnext(c)\ntry:\n    return next(c)\nexcept OverflowError as e:\n    return str(e)",
    "import itertools, decimal, fractions\nc = itertools.count(decimal.Decimal(1), fractions.Fraction(1, 2))\nnext(c)\nreturn next(c), repr(itertools.count(decimal.Decimal(1))), next(itertools.count(fractions.Fraction(1, 3)))",
    "import itertools\nc = itertools.count(1j, 2j)\nnext(c)\nreturn next(c), repr(c)",
    "import itertools\nout = []\nfor v in ['a', [1], None, b'x']:\n    for a in [(v,), (1, v)]:\n        try:\n            itertools.count(*a)\n        except TypeError as e:\n            out.append(str(e))\nreturn out",
    "import itertools\nclass N:\n    def __index__(self):\n        return 3\n    def __add__(self, o):\n        return 7\nclass F:\n    def __float__(self):\n        return 3.0\nc = itertools.count(N())\nnext(c)\nd = itertools.count(1, F())\nnext(d)\ntry:\n    return next(c), next(d)\nexcept TypeError as e:\n    return str(e)",
  ])).toEqual([]);
});
