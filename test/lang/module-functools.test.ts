import { expect, it } from 'vitest';
import { ConditionError, Engine, parseJson, PyException, type PyDict } from '../../src/lang/index.js';
import { compareWithCPython } from '../support/cpython.js';

/** functools.reduce and partial, and the operator module. */
it('answers functools and operator as CPython does', () => {
  expect(compareWithCPython([
    'from functools import reduce\nreturn reduce(lambda a, b: a * b, [1, 2, 3, 4])',
    'from functools import reduce\nreturn reduce(lambda a, b: a + b, [], 10)',
    'from functools import reduce\nreturn reduce(lambda a, b: a + b, [])',
    'from functools import reduce\nreturn reduce(lambda a, b: a + b)',
    'from functools import reduce\nreturn reduce(lambda a, b: a + b, 5)',
    "import functools\nreturn functools.reduce(lambda acc, w: acc + len(w), text.split(), 0)",
    'import functools, operator\nreturn functools.reduce(operator.mul, range(1, 8))',
    "from functools import partial\nf = partial(int, base=16)\nreturn f('ff'), f('10', base=2)",
    'from functools import partial\nadd = partial(lambda a, b, c=0: a + b + c, 1)\nreturn add(2), add(2, c=3), add(2, 3)',
    'from functools import partial\nreturn partial(5)',
    'from functools import cmp_to_key\nreturn sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a))',
    "from functools import cmp_to_key\nwords = text.split()\nreturn sorted(words, key=cmp_to_key(lambda a, b: (len(a) > len(b)) - (len(a) < len(b))))",
    'from functools import cmp_to_key\nk = cmp_to_key(lambda a, b: a - b)\nreturn k(1) < k(2), k(2) == k(2), max([5, 9, 1], key=k), min([5, 9, 1], key=k)',
    'from functools import cmp_to_key\nreturn sorted([1, 2], key=cmp_to_key(lambda a, b: "x"))', 'from functools import cmp_to_key\nreturn sorted([1, 2], key=cmp_to_key(lambda a: 0))',
    'from functools import cmp_to_key\nk = cmp_to_key(lambda a, b: 0)\nreturn k(1) < 5',
    'import operator\nreturn operator.add(1, 2), operator.sub(5, 7), operator.mul("ab", 2), operator.truediv(1, 2), operator.floordiv(-7, 2), operator.mod(-7, 2), operator.pow(2, 10)',
    'import operator\nreturn operator.neg(3), operator.pos(-2.5), operator.abs(-4), operator.invert(5), operator.not_([]), operator.truth("x")',
    'import operator\nreturn operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.rshift(64, 2)',
    'import operator\nreturn operator.eq(1, 1.0), operator.ne("a", "b"), operator.lt(1, 2), operator.le(2, 2), operator.gt("b", "a"), operator.ge(1, 2)',
    'import operator\nreturn operator.contains([1, 2], 2), operator.getitem({"a": 1}, "a"), operator.concat([1], [2]), operator.is_(None, None)',
    'import operator\nreturn operator.add(1, "a")', 'import operator\nreturn operator.concat(1, 2)', 'import operator\nreturn operator.add(1)', 'import operator\nreturn operator.truediv(1, 0)',
    "from operator import itemgetter\nrows = [('b', 2), ('a', 3), ('c', 1)]\nreturn sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]), itemgetter('Thread')(log)",
    'from operator import itemgetter\nreturn itemgetter(5)([1])', 'from operator import itemgetter\nreturn itemgetter()',
    "from operator import attrgetter\nreturn attrgetter('real')(3), attrgetter('real', 'imag')(2.5)",
    "from operator import attrgetter\nimport re\nm = re.search(r'(\\d+)', text)\nreturn attrgetter('lastindex')(m)",
    "from operator import attrgetter\nreturn attrgetter('nope')(1)", 'from operator import attrgetter\nreturn attrgetter(1)',
  ])).toEqual([]);
});

/** A partial is functools.partial: named so, shown with what it holds, a partial of a partial flattened. */
it('makes functools.partial objects as CPython does', () => {
  expect(compareWithCPython([
    "import functools\np = functools.partial(int, base=2)\nreturn type(p).__name__, repr(type(p)), p('11'), isinstance(p, functools.partial), callable(p), functools.partial",
    "import functools\nreturn repr(functools.partial(int, '1', base=2)), str(functools.partial(max, 1)), repr(functools.partial(len))",
    "import functools\np = functools.partial(functools.partial(int, '11'), base=2)\nq = functools.partial(p, base=3)\nreturn repr(p), p(), repr(q), q(), q.args, q.keywords, q.func, type(q) is functools.partial",
    'import functools\nreturn functools.partial(int) + 1', 'import functools\nreturn functools.partial(int).x', 'import functools\nreturn functools.partial(int)[0]',
  ])).toEqual([]);
});

/** Attributes set on a partial, kept in its own dict; func, args and keywords read-only, keywords the dict its calls read; one with attributes is not flattened. */
it('keeps attributes set on a functools.partial as CPython does', () => {
  expect(compareWithCPython([
    `from functools import partial
def f(a, b=2):
    return a + b
p = partial(f, 1, b=3)
p.x = 5
return p.x, p(), p.keywords is p.keywords, p.args is p.args, p.args, p.keywords, getattr(p, 'x'), hasattr(p, 'y')`,
    `from functools import partial
def f(a, b=2):
    return a + b
p = partial(f, 1, b=3)
p.keywords['b'] = 10
return p(), p.keywords, repr(p)[:30]`,
    `from functools import partial
p = partial(max, 1)
p.func = 1`,
    `from functools import partial
p = partial(max, 1)
p.args = 1`,
    `from functools import partial
p = partial(max, 1)
p.keywords = 1`,
    `from functools import partial
p = partial(max, 1)
del p.func`,
    `from functools import partial
p = partial(max, 1)
p.x = 1
del p.x
return p.x`,
    `from functools import partial
p = partial(max, 1)
del p.y`,
    `from functools import partial
p = partial(max, 1)
return p.y`,
    `from functools import partial
def f(*a, **k):
    return a, k
p = partial(f, 1, z=0)
q = partial(p, 2, y=1)
p.tag = 'x'
r = partial(p, 3)
return q.func is f, q.args, q.keywords, r.func is p, r.args, r.keywords, r(4, w=5), repr(partial(max, 1, key=len))`,
    `from functools import partial
p = partial(max, 1)
p.x = 1
del p.x
q = partial(p, 2)
return q.func is p`,
    `from functools import partial
p = partial(max, 1)
p.keywords[1] = 2
return p(2)`,
    `from functools import partial
p = partial(sorted, key=len)
p.keywords['reverse'] = True
del p.keywords['key']
return p(['aa', 'b', 'ccc']), repr(p)`,
    `from functools import partial
p = partial(max, 1)
p.x = p
return p.x is p, p(5)`,
    `from functools import partial
partial.x = 1`,
  ])).toEqual([]);
});

/** attrgetter walks the sandbox's getattr: what `x.__class__` cannot reach, a string cannot either. */
it('reaches no attribute through attrgetter that the sandbox hides', () => {
  const engine = new Engine();
  const log = parseJson('{"Text": "x"}') as PyDict;
  for (const name of ['__init__', '__dict__', '__class__.__dict__', '__globals__', 'fn.__code__', '__code__']) {
    const program = engine.compile(`from operator import attrgetter\nreturn attrgetter('${name}')(lambda: 1)`, 'standard');
    if (program instanceof ConditionError) throw new Error(program.message);
    expect(() => engine.runStandard(program, log, 'x', null as never), name).toThrow(PyException);
  }
});
