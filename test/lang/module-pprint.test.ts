import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** The default steps, a clock that a cold start on a loaded machine does not run out of. */
const roomy = () => new Engine({ maxMillis: 5_000, requestMillis: 10_000 });

/** pprint: Lib/pprint.py's layout, character for character with CPython. */
it('lays values out as CPython does', () => {
  expect(compareWithCPython([
    "import pprint\nreturn pprint.pformat(list(range(30)))",
    "import pprint\nd = {'b': [1,2,3]*10, 'a': {'x': 'y'*50, 'z': (1,)}, 'c': 'hello world '*12}\nreturn pprint.pformat(d)",
    "import pprint\nd = {'b': [1,2,3]*10, 'a': {'x': 'y'*50, 'z': (1,)}, 'c': 'hello world '*12}\nreturn pprint.pformat(d, indent=4, width=40, compact=True)",
    "import pprint\nd = {'b': [1,2,3]*10, 'a': {'x': 'y'*50, 'z': (1,)}, 'c': ('hello world '*12, b'abcdefgh'*10)}\nreturn pprint.pformat(d, depth=2), pprint.pformat(d, sort_dicts=False, width=30)",
    "import pprint, collections\nc = collections.Counter('abracadabra'*3 + 'xyzzy')\no = collections.OrderedDict((str(i), i*1000) for i in range(20))\ndd = collections.defaultdict(list, {i: [i]*10 for i in range(5)})\nq = collections.deque(range(40), maxlen=50)\nq2 = collections.deque(range(40))\nreturn pprint.pformat([c, o, dd, q, q2], width=50)",
    "import pprint\ns = {frozenset({1,2}), 'a', 3}\nreturn pprint.pformat([set(range(40)), frozenset(range(30)), bytearray(b'xyz'*40), {1: 'a', 'b': 2, 2.5: None}], width=40)",
    "import pprint\nreturn pprint.saferepr([1, {'a': (2,)}]), pprint.isreadable([1, object()]), pprint.isrecursive([1]), pprint.pformat(10**20, underscore_numbers=True), pprint.pformat([10**20]*6, underscore_numbers=True)",
    "import pprint\na = [1, 2]\na.append(a)\nreturn pprint.isrecursive(a), pprint.isreadable(a)",
    "import pprint\nclass P(pprint.PrettyPrinter):\n    def format(self, object, context, maxlevels, level):\n        if isinstance(object, str):\n            return ('S' + object.upper(), True, False)\n        return super().format(object, context, maxlevels, level)\nreturn P(width=20).pformat({'key': ['abc', 'defgh', 'ijkl', 1, 2, 3]})",
    "import pprint\np = pprint.PrettyPrinter(indent=-1)",
    "import pprint\ntry:\n    pprint.PrettyPrinter(depth=0)\nexcept ValueError as e:\n    return str(e)",
    "import pprint\nclass W:\n    def __init__(self): self.out = []\n    def write(self, s): self.out.append(s)\nw = W()\npprint.pprint({'a': list(range(30))}, stream=w, width=30)\npprint.pp({'b': 1, 'a': 2}, w)\nreturn w.out",
    "import pprint\nreturn pprint.pprint([1,2]), pprint.pp([3]), pprint.pformat({}, width=0)\n",
  ], roomy())).toEqual([]);
});

/** Odd and hostile inputs: subclasses, wrong types and keywords, deep nesting, unorderable keys, wide and narrow widths. */
it('answers odd inputs as CPython does', () => {
  expect(compareWithCPython([
    "import pprint\nx = []\nfor i in range(2000):\n    x = [x]\nreturn pprint.pformat(x)",
    "import pprint\nx = []\nfor i in range(2000):\n    x = [x, 'a'*10]\nreturn pprint.pformat(x)",
    "import pprint\nreturn pprint.pformat([1], width='a')",
    "import pprint\nreturn pprint.pformat([1], bogus=1)",
    "import pprint\nreturn pprint.pformat([1], 1, 80, None, True)",
    "import pprint\nreturn pprint.pp([1], sort_dicts=True, stream=None), pprint.pp([1], 1, 2, 3, 4, 5)",
    "import pprint\nclass L(list): pass\nclass R(list):\n    def __repr__(self): return 'R' * 100\nclass D(dict): pass\nclass T(tuple): pass\nclass S(str): pass\nclass I(int): pass\nreturn pprint.pformat([L(range(30)), R([1]), D(a=list(range(30))), T(range(25)), S('ab ' * 40), I(5)], width=40, underscore_numbers=True)",
    "import pprint\nreturn pprint.pformat({1: 'a', 'a': 1, None: 2, (1,): 3, 2.5: 4, b'x': 5})",
    "import pprint\nreturn pprint.pformat({1j: 1})",
    "import pprint\nreturn pprint.pformat('line one\\nline two is longer than the width allows for sure, yes\\n' * 3, width=30)",
    "import pprint\nreturn pprint.pformat(['\u00e9' * 50, 'x\ud835\udd18' * 30], width=40)",
    "import pprint\nreturn pprint.pformat(b'\\x00\\xff' * 30, width=20), pprint.pformat([b'abcdef' * 10], width=20), pprint.pformat(b'abcd', width=1)",
    "import pprint\nreturn pprint.pformat(list(range(40)), width=-5), pprint.pformat(list(range(5)), indent=0, width=1)",
    "import pprint\np = pprint.PrettyPrinter(width=2**70)\nreturn p.pformat(list(range(10)))",
    "import pprint\nreturn pprint.PrettyPrinter(depth=2.5).pformat([[[[1]]]]), pprint.PrettyPrinter(indent=True).pformat([[1]*30]), pprint.PrettyPrinter(indent='3')._indent_per_level",
    "import pprint\np = pprint.PrettyPrinter(width=20)\nreturn p.isreadable([1, 2]), p.isrecursive([]), p.format([1, 'a'], {}, 0, 0), p._width, p._depth, p._compact, p._sort_dicts",
    "import pprint\nclass E:\n    def __repr__(self): raise ValueError('bad repr')\nreturn pprint.pformat([E()])",
    "import pprint\nreturn pprint.pformat([1], indent=-1)",
    "import pprint, collections\nP = collections.namedtuple('P', 'x y')\nreturn pprint.pformat([P(1, 'a' * 80)]), pprint.pformat(collections.OrderedDict()), pprint.pformat(collections.Counter()), pprint.pformat(collections.deque(range(30), maxlen=3), width=5)",
    "import pprint\ns = set(['a', 1])\nreturn pprint.pformat(set(['b', 2, 'a', 1, None, (1, 2)]), width=5)",
    "import pprint\na = {}\na['a'] = a\nreturn pprint.isrecursive(a), pprint.isreadable(a), pprint.isrecursive([a]), pprint.PrettyPrinter().isrecursive(a)",
    "import pprint\nreturn pprint.PrettyPrinter(compact=True, width=20).pformat([list(range(12)), 'abc' * 10, list(range(3))])\n",
  ], roomy())).toEqual([]);
});

/** Nesting: RecursionError at CPython's depth, for the one-line repr and the layout (quadratic in the depth: a budget to reach it). */
it('nests as deep as CPython', () => {
  const nest = (n: number, call: string) => `import pprint\nx = ['a' * 100]\nfor i in range(${n}):\n    x = [x]\ntry:\n    pprint.${call}(x)\n    return 'ok'\nexcept RecursionError as e:\n    return str(e)`;
  expect(compareWithCPython([nest(494, 'saferepr'), nest(495, 'saferepr'), nest(494, 'isrecursive'), nest(495, 'isrecursive'), nest(318, 'pformat'), nest(324, 'pformat'), nest(329, 'pformat')], new Engine({ maxSteps: 10_000_000, maxMillis: 10_000, requestMillis: 10_000 }))).toEqual([]);
});

/** Subclasses that change len, iteration or items; bytes, Counter, deque subclasses; compact and indented layouts. */
it('answers subclasses and settings as CPython does', () => {
  expect(compareWithCPython([
    "import pprint\nclass L(list):\n    def __len__(self): return 0\nclass T(tuple):\n    def __len__(self): return 1\nclass D(dict):\n    def items(self): return [('z', 1), ('a', list(range(30)))]\nclass I(list):\n    def __iter__(self): return iter([9, 8])\nreturn pprint.pformat([L([1, 2]), T((1, 2)), D(q=1), I([1, 2, 3])]), pprint.saferepr([L([1]), T((1, 2)), D(), I([1])]), pprint.pformat(I(range(50)))",
    "import pprint\nreturn pprint.pformat([list(range(30))], indent=50, width=10)",
    "import pprint\nreturn pprint.pformat(list(range(30)), width=10**30, depth=True), pprint.pformat([[1]], depth=1.5)",
    "import pprint\nclass K(str):\n    def __lt__(self, o): raise TypeError('no')\nreturn pprint.pformat({K('b'): 1, 1: 2, 'a': 3})",
    "import pprint\nclass B(bytes): pass\nclass BA(bytearray): pass\nreturn pprint.pformat([B(b'abcdefgh' * 20), BA(b'xy' * 50), bytearray()], width=30)",
    "import pprint, collections\nclass C(collections.Counter): pass\nclass O(collections.OrderedDict): pass\nclass DD(collections.defaultdict): pass\nclass Q(collections.deque): pass\nreturn pprint.pformat([C('abcabcab' * 5), O(a=list(range(20))), DD(None, {1: list(range(30))}), Q(range(30))], width=40)",
    "import pprint\np = pprint.PrettyPrinter(width=30, sort_dicts=False, compact=True, indent=2)\np.pprint\nd = {'b': 'x' * 40, 'a': ['y' * 10] * 6}\nreturn p.pformat(d), p.pformat({(1, 2): {3: [4] * 20}})",
    "import pprint\nreturn pprint.pformat('a\\nb\\n' * 40, width=10), pprint.pformat(['spaces   ' * 20], width=25), pprint.pformat('x' * 200, width=50)\n",
    "import pprint\nclass C:\n    a = list(range(30))\nv = vars(C)\nreturn type(v).__name__",
    "import pprint\nclass E:\n    def __repr__(self): raise ValueError('r')\ntry:\n    pprint.pprint(E(), stream=5)\nexcept Exception as e:\n    return type(e).__name__, str(e)",
    "import pprint\ntry:\n    pprint.pprint([1], stream=5)\nexcept Exception as e:\n    return type(e).__name__, str(e)",
    "import pprint\nclass W:\n    def write(self, s): return 5\npprint.PrettyPrinter(stream=W()).pprint({'a': 1})\nreturn pprint.PrettyPrinter()._safe_repr([1, {2: 3}], {}, None, 0)\n",
    "import pprint\nclass P(pprint.PrettyPrinter):\n    def format(self, o, c, m, l):\n        return super().format(o, c, m, l)\na = [1, 2]\nreturn P().isrecursive(a), P().isreadable([a]), P().pformat([a] * 40)\n",
    "import pprint\nclass P(pprint.PrettyPrinter):\n    def format(self, o, c, m, l):\n        return (5, True, False)\nreturn P().pformat([1])",
    "import pprint\nclass P(pprint.PrettyPrinter):\n    def format(self, o, c, m, l):\n        return ('ab', True)\nreturn P().pformat([1])",
    "import pprint\nclass S(str): pass\nclass P(pprint.PrettyPrinter):\n    def format(self, o, c, m, l):\n        return (S('x' * 100), True, False)\nreturn P().pformat([1, 2])",
    "import pprint\np = pprint.PrettyPrinter()\np.format = lambda o, c, m, l: ('Z', True, False)\nreturn p.pformat([1, 2]), p.isreadable([1])",
    "import pprint\nclass P(pprint.PrettyPrinter):\n    def format(self, o, c, m, l):\n        if isinstance(o, int):\n            return (o, True, False)\n        return super().format(o, c, m, l)\nout = []\nfor v in ([1, 2], {1: 2}, (3,)):\n    try:\n        out.append(P().pformat(v))\n    except TypeError as e:\n        out.append(str(e))\nreturn out\n",
  ], roomy())).toEqual([]);
});

const engine = new Engine();
const run = (source: string) => evaluator(engine, { source });

/** A recursion marker names id(), which a condition does not have: refused in words, where isrecursive answers. */
it('refuses the recursion marker, and ids of unorderable keys', () => {
  expect(run('import pprint\na = [1]\na.append(a)\nreturn pprint.pformat(a)').error).toMatch(/^UnsupportedError: pprint cannot write '<Recursion on list with id=\.\.\.>'/);
  expect(run('import pprint\na = {}\na[1] = a\ntry:\n    return pprint.saferepr(a)\nexcept Exception:\n    return "caught"').error).toMatch(/^UnsupportedError: .*Recursion on dict/);
  expect(run('import pprint\na = [1]\na.append(a)\nreturn pprint.isrecursive(a), pprint.isreadable(a)').repr).toBe('(True, False)');
  // a format of the condition's own would be handed the marker's text: refused there too
  expect(run("import pprint\nseen = []\nclass P(pprint.PrettyPrinter):\n    def format(self, o, c, m, l):\n        r = super().format(o, c, m, l)\n        seen.append(r[0])\n        return r\na = [1]\na.append(a)\nreturn P().isrecursive(a), seen").error).toMatch(/^UnsupportedError: pprint cannot write '<Recursion on list/);
  expect(run('import pprint\nreturn pprint.pformat({1j: 1, 2j: 2})').error).toMatch(/^UnsupportedError: pprint cannot sort two complex values/);
});

/** Huge inputs end within the budget. */
it('bounds huge inputs', () => {
  for (const source of [
    'import pprint\nreturn pprint.pformat(list(range(10**6)))',
    "import pprint\nreturn pprint.pformat(['x' * 10**6] * 100)",
    "import pprint\nreturn pprint.pformat('word ' * 10**6)",
    "import pprint\nreturn pprint.pformat(b'abcd' * 10**6)",
    'import pprint\nx = [1] * 1000\nreturn pprint.pformat([x] * 1000)',
    'import pprint\nreturn pprint.pformat([list(range(30))], indent=10**9)',
    'import pprint\nx = []\nfor i in range(600):\n    x = [x, "a" * 10]\nreturn pprint.pformat(x)',
  ]) {
    const t = Date.now();
    expect(run(source).error).toMatch(/^(StepLimitError|MemoryError|RecursionError)/);
    expect(Date.now() - t).toBeLessThan(1500);
  }
});
