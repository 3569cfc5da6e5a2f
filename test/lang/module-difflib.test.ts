import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** The default steps, a clock that a cold start on a loaded machine does not run out of. */
const roomy = () => new Engine({ maxMillis: 5_000, requestMillis: 10_000 });

/** SequenceMatcher, get_close_matches, unified_diff, context_diff and the junk tests, as CPython answers them. */
it('matches and diffs as CPython does', () => {
  expect(compareWithCPython([
    "import difflib\ns = difflib.SequenceMatcher(None, 'abxcd', 'abcd')\nreturn s.get_matching_blocks(), s.get_opcodes(), s.ratio(), s.quick_ratio(), s.real_quick_ratio(), s.find_longest_match(0, 5, 0, 4), s.find_longest_match()",
    "import difflib\ns = difflib.SequenceMatcher(lambda x: x == ' ', 'private Thread currentThread;', 'private volatile Thread currentThread;')\nreturn round(s.ratio(), 3), s.get_opcodes(), s.bjunk, sorted(s.b2j.items())[:5], s.bpopular",
    "import difflib\na = ['line %d\\n' % i for i in range(20)]\nb = a[:3] + ['new\\n'] + a[5:15] + ['x\\n', 'y\\n'] + a[16:]\nreturn list(difflib.unified_diff(a, b, 'a.txt', 'b.txt', '2020', '2021')), list(difflib.context_diff(a, b, n=1)), list(difflib.unified_diff(a, b, lineterm='', n=0))",
    "import difflib\nreturn difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']), difflib.get_close_matches('wheel', ['while', 'wheat', 'whee', 'wheel'], n=2, cutoff=0.5), difflib.get_close_matches('x', [])",
    "import difflib\nout = []\nfor args in [(1, []), ('a', [], 0), ('a', [], 3, 1.5), ('a', [], 3, -0.1)]:\n    try:\n        out.append(difflib.get_close_matches(*args))\n    except Exception as e:\n        out.append((type(e).__name__, str(e)))\nreturn out",
    "import difflib\ng = difflib.unified_diff([1], ['a'])\nr = [type(g).__name__]\ntry:\n    next(g)\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    list(difflib.context_diff(['a'], ['b'], fromfile=1))\nexcept TypeError as e:\n    r.append(str(e))\nreturn r, list(difflib.unified_diff([], [])), list(difflib.unified_diff(['a'], ['a']))",
    "import difflib\nreturn difflib.IS_LINE_JUNK('\\n'), difflib.IS_LINE_JUNK('  #   \\n'), difflib.IS_LINE_JUNK('hello\\n'), difflib.IS_CHARACTER_JUNK(' '), difflib.IS_CHARACTER_JUNK('x'), difflib.IS_CHARACTER_JUNK('\\t')",
    "import difflib\ns = difflib.SequenceMatcher(None, 'x' * 300 + 'abc', 'y' * 10 + 'x' * 250 + 'abc')\ns2 = difflib.SequenceMatcher(None, 'x' * 300 + 'abc', 'y' * 10 + 'x' * 250 + 'abc', autojunk=False)\nreturn s.get_opcodes(), s2.get_opcodes(), s.bpopular, s.ratio(), s2.ratio()",
    "import difflib\ns = difflib.SequenceMatcher(None, [1, 2, 3, 4, 5], [1, 3, 4, 6])\ngs = list(s.get_grouped_opcodes(1))\nreturn gs, s.get_opcodes(), s.get_matching_blocks()[0].size, s.get_matching_blocks()[0]._asdict()",
    "import difflib\ns = difflib.SequenceMatcher()\ns.set_seqs('abcd', 'bcde')\nr1 = s.ratio()\ns.set_seq1('bcde')\nreturn r1, s.ratio(), s.a, s.b, s.isjunk, s.autojunk",
    "import difflib\ns = difflib.SequenceMatcher(None, [[1]], [[1]])",
    "import difflib\nreturn difflib.SequenceMatcher(None, '', '').ratio(), difflib.SequenceMatcher(None, '', '').get_opcodes(), list(difflib.SequenceMatcher(None, 'a', 'a').get_grouped_opcodes()), repr(difflib.Match(1, 2, 3))\n",
  ], roomy())).toEqual([]);
});

/** Differ and ndiff: the similar pair of a replaced block marked within the line. */
it('writes ndiff deltas as CPython does', () => {
  expect(compareWithCPython([
    "import difflib\na = 'one\\ntwo\\nthree\\n'.splitlines(keepends=True)\nb = 'ore\\ntree\\nemu\\n'.splitlines(keepends=True)\nreturn list(difflib.ndiff(a, b))",
    "import difflib\nd = difflib.Differ()\na = ['  1. Beautiful is better than ugly.\\n', '  2. Explicit is better than implicit.\\n', '  3. Simple is better than complex.\\n', '  4. Complex is better than complicated.\\n']\nb = ['  1. Beautiful is better than ugly.\\n', '  3.   Simple is better than complex.\\n', '  4. Complicated is better than complex.\\n', '  5. Flat is better than nested.\\n']\nreturn list(d.compare(a, b))",
    "import difflib\nreturn list(difflib.ndiff(['\\tabcDefghiJkl\\n'], ['\\tabcdefGhijkl\\n'])), list(difflib.ndiff(['a\\n', 'b\\n'], ['b\\n', 'c\\n'], linejunk=difflib.IS_LINE_JUNK))",
    "import difflib\na = ['x\\n', 'same\\n', 'y\\n']\nb = ['p\\n', 'same\\n', 'q\\n', 'r\\n']\nreturn list(difflib.ndiff(a, b)), list(difflib.ndiff([], ['a'])), list(difflib.ndiff('abc', 'abd'))",
    "import difflib\ng = difflib.ndiff([1], [2])\nreturn type(g).__name__, list(difflib.ndiff([1, 2], [1, 2]))",
    "import difflib\nreturn list(difflib.ndiff([1, 3], [2, 4]))",
    "import difflib\na = ['line number %d is here\\n' % i for i in range(8)]\nb = ['line number %d is there\\n' % i for i in range(8)]\nreturn list(difflib.ndiff(a, b))[:8], len(list(difflib.ndiff(a, b)))",
    "import difflib\nclass D(difflib.Differ):\n    pass\nreturn list(D(charjunk=difflib.IS_CHARACTER_JUNK).compare(['a b\\n'], ['a  b\\n']))\n",
  ], roomy())).toEqual([]);
});

/** Unhashable and junk-raising inputs, a subclass's own matching blocks, keyword misuse, odd n and lineterm. */
it('answers odd inputs as CPython does', () => {
  expect(compareWithCPython([
    "import difflib\ntry:\n    difflib.SequenceMatcher(None, [[1]], [[1]])\nexcept TypeError as e:\n    return str(e)",
    "import difflib\ndef j(x):\n    raise ValueError('junk?')\ntry:\n    difflib.SequenceMatcher(j, 'ab', 'ab')\nexcept ValueError as e:\n    return str(e)",
    "import difflib\nclass S(difflib.SequenceMatcher):\n    def get_matching_blocks(self):\n        return [difflib.Match(0, 0, 1), difflib.Match(len(self.a), len(self.b), 0)]\ns = S(None, 'abc', 'axc')\nreturn s.get_opcodes(), s.ratio()",
    "import difflib\ns = difflib.SequenceMatcher(None, 'abc', 'abd')\nreturn s.find_longest_match(1), s.find_longest_match(0, 3, 2), s.find_longest_match(alo=0, ahi=2, blo=0, bhi=1), s.find_longest_match(2, 1, 0, 3)",
    "import difflib\ns = difflib.SequenceMatcher(None, (1, 2, 3, 2), [2, 3, 2, 1])\nreturn s.get_opcodes(), list(s.get_grouped_opcodes(0)), s.ratio()",
    "import difflib\ns = difflib.SequenceMatcher(isjunk=None, a='abc', b='abc', autojunk=True, x=1)",
    "import difflib\nreturn difflib.SequenceMatcher(None, 'a', 'b').quick_ratio(), difflib.SequenceMatcher(None, 'aab', 'abb').quick_ratio(), difflib.SequenceMatcher(None, [1.0, 1], [1, True]).ratio()",
    "import difflib\nreturn list(difflib.unified_diff(['a\\n'], ['b\\n'], n=-1)), list(difflib.context_diff('abc', 'abd', lineterm='')), list(difflib.unified_diff('abc', 'abd', n=0, lineterm=''))",
    "import difflib\nreturn list(difflib.unified_diff(['a', 1], ['a', 'b']))",
    "import difflib\nreturn difflib.get_close_matches('abc', ['abd', 'abc', 'xbc', 'abcd'], n=10, cutoff=0), difflib.get_close_matches('a', 'abc'), difflib.get_close_matches(['a'], [['a'], ['b']])",
    "import difflib\nreturn list(difflib.ndiff(['a\\n'], ['a\\n'], charjunk=None)), list(difflib.Differ(linejunk=lambda l: l.strip() == '').compare(['\\n', 'x\\n'], ['x\\n', '\\n']))\n",
    "import difflib\ndiff = list(difflib.ndiff('one\\ntwo\\nthree\\n'.splitlines(keepends=True), 'ore\\ntree\\nemu\\n'.splitlines(keepends=True)))\nreturn list(difflib.restore(diff, 1)), list(difflib.restore(diff, '2')), list(difflib.restore(['  a', '- b', '+ c', '? x', 'z'], 2.7))",
    "import difflib\ng = difflib.restore([], 3)\nr = [type(g).__name__]\ntry:\n    next(g)\nexcept ValueError as e:\n    r.append(str(e))\nreturn r",
    "import difflib\nreturn list(difflib.restore([1], 1))\n",
    "import difflib\ncalls = []\nclass S(difflib.SequenceMatcher):\n    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):\n        calls.append((alo, ahi, blo, bhi))\n        return super().find_longest_match(alo, ahi, blo, bhi)\ns = S(None, 'abxcdyef', 'abcdef')\nreturn s.get_matching_blocks(), calls",
    "import difflib\nclass S(difflib.SequenceMatcher):\n    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):\n        return (alo, blo, 0)\ns = S(None, 'ab', 'ab')\nreturn s.get_matching_blocks(), s.get_opcodes()\n",
    "import difflib\ns = difflib.SequenceMatcher(None, 'abc', 'abc')\nout = []\nfor a in [(0.5,), (True,), (0, None, 1), (1, 2, 0, 3)]:\n    try:\n        out.append(s.find_longest_match(*a))\n    except Exception as e:\n        out.append((type(e).__name__, str(e)))\nreturn out\n",
  ], roomy())).toEqual([]);
});

const engine = new Engine();
const run = (source: string) => evaluator(engine, { source });

/** Quadratic (and cubic, for ndiff) inputs CPython takes seconds over end in StepLimitError, quickly. */
it('bounds quadratic inputs', () => {
  for (const source of [
    "import difflib\na = ('x\\n' * 10**5).splitlines()\ns = difflib.SequenceMatcher(None, a, a, autojunk=False)\nreturn s.ratio()",
    "import difflib\na = ('x' * 10**5)\nreturn difflib.SequenceMatcher(None, a, 'y' + a, autojunk=False).get_opcodes()",
    "import difflib\na = ['line %d abc\\n' % i for i in range(400)]\nb = ['line %d abd\\n' % i for i in range(400)]\nreturn len(list(difflib.ndiff(a, b)))",
  ]) {
    const t = Date.now();
    expect(run(source).error).toMatch(/^StepLimitError/);
    expect(Date.now() - t).toBeLessThan(1500);
  }
});
