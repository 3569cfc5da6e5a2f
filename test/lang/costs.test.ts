import { describe, expect, it } from 'vitest';
import { Engine, JsonSyntaxError, parseJsonValues } from '../../src/lang/index.js';
import { parseBatchBody } from '../../src/service/batch-body.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/**
 * The runtime's cost model: work is paid for before it is done, where values are built
 * and walked, so that every input ends within the run's limits. Each bound below is
 * measured around one engine call, on a machine shared with other jobs: the figures
 * that matter are seconds before and milliseconds after, so the bounds leave room.
 */
const engine = new Engine();

function timed(source: string, on = engine): { out: string; ms: number } {
  const started = performance.now();
  const out = evaluator(on, { source });
  return { out: out.repr ?? out.error!, ms: performance.now() - started };
}

/**
 * The faster of two runs: a run that is not bounded is slow both times, while a machine
 * shared with other test files and jobs may stall any one run for a few hundred ms, or past its clock.
 */
function timedTwice(source: string, on = engine): { out: string; ms: number } {
  const first = timed(source, on);
  // a stall ends a run on the 50 ms clock as well as past 250 ms: int('١' * 300000), 7-20 ms alone, once met it after 133 other tests
  if (first.ms < 250 && !first.out.includes('time budget')) return first;
  const second = timed(source, on);
  return second.ms < first.ms || first.out.includes('time budget') ? second : first;
}

describe('the measured holes', () => {
  it.each([
    // 31-33 s: ten billion turns of a loop that repeated nothing
    ['return [] * 10**10', /^\[\]$/],
    ['return () * 10**10', /^\(\)$/],
    // 11.8 s: a BigInt grown digit by digit (it overflowed at the end; ints of any size read the hex digits at once)
    ["return int('1' * 300000, 16) > 0", /^True$/],
    // CPython's ValueError past 4,300 digits, or the budget first: reading a million digits costs 80,000 steps
    ["return int('9' * 10**6) > 0", /^(ValueError: Exceeds the limit \(4300 digits\)|StepLimitError)/],
    // V8 out of memory: twelve strings of 400 MB
    ["d = {}\nfor i in range(12):\n    d['%*d' % (400000000, i)] = 1\nreturn len(d)", /^MemoryError: condition built a value of 400000000 items/],
    // 0.5-1.9 s against a 50 ms budget: set insertions paid nothing and never read the clock
    ['return len(set(range(0, 999999 * 8, 8)))', /^StepLimitError/],
  ])('%s ends at once', (source, expected) => {
    const { out, ms } = timed(source);
    expect(out).toMatch(expected);
    expect(ms).toBeLessThan(1000);
  });

  it("json.loads('}') and request bodies with an unmatched } or ] say where, as CPython does", () => {
    expect(compareWithCPython(["return json.loads('}')", "return json.loads(']')", "return json.loads('[1]]')", "return json.loads('{\"a\": [}')", "return json.loads(' ]')"])).toEqual([]);
    for (const body of ['}', ']', '{"payload": {}}}', '[1]]']) {
      expect(() => parseJsonValues(body), body).toThrow(JsonSyntaxError);
      expect(() => parseBatchBody(body), body).toThrow(JsonSyntaxError);
    }
  });
});

describe('values nested deeply', () => {
  // room to build 100,000 levels in a loop; what is measured is what the walks do with them
  const roomy = new Engine({ maxSteps: 1_000_000, maxMillis: 10_000 });
  const deep = (n: number, body: string) => `x = []\ny = []\nfor i in range(${n}):\n    x = [x]\n    y = [y]\n${body}`;
  const WALKS = [
    'return x == y', 'return x != y', 'return x < y', 'return repr(x)[:3]', 'return str(x)[:3]', "return f'{x}'[:3]", "return '%s' % (x,)",
    'return format(x)[:3]', 'return json.dumps(x)[:3]', 'return len(json.dumps(x, indent=1))', 'return 1 in x', 'return [1] in [x]', 'return x in [y]',
    'return [x] == [y]', 'return (x, 1) == (y, 1)', 'return {1: x} == {1: y}', 'return sorted([x, y])[0] is x', 'return max(x, y) is x',
    "data['x'] = x\nreturn True", 'return len(x[:])', 'return x.copy() == y',
  ];

  it.each([100_000, 2_000])('%i levels: CPython RecursionError or answer, quickly', (n) => {
    const sources = WALKS.map((w) => deep(n, w));
    for (const s of sources) expect(timed(s, roomy).ms, s).toBeLessThan(1000);
    expect(compareWithCPython(sources, roomy)).toEqual([]);
  });

  it('500 levels: the same answers as CPython', () => {
    const tuples = 'x = ()\nfor i in range(500):\n    x = (x,)\nreturn x in {x} and {x: 1} == {x: 1}';
    expect(compareWithCPython([...WALKS.map((w) => deep(500, w)), tuples], roomy)).toEqual([]);
  });

  it("tuples nested 20,000 deep hash and are keys as in CPython, whose tuplehash has no depth limit: quickly, without a stack overflow", () => {
    const tuples = (n: number, body: string) => `x = ()\nfor i in range(${n}):\n    x = (x, i)\n${body}`;
    const sources = [990, 991, 2_000, 20_000].flatMap((n) => [
      tuples(n, 'return hash(x)'),
      tuples(n, 'return {x: 1}[x], x in {x}, len({x, (x, 0)}), hash((x, x)) == hash((x, x))'),
      tuples(n, 'return list({(1, x): 1, (0, x): 2, (2, (x,)): 3}.values()), [t[0] for t in {(3, x), (1, x), (2, x), (4, ((x,),))}]'),
    ]);
    for (const s of sources) expect(timed(s, roomy).ms, s).toBeLessThan(1000);
    expect(compareWithCPython(sources, roomy)).toEqual([]);
  });
});

it('rfind, rindex and rpartition with a long needle read the text once, backwards, reversing nothing', () => {
  const roomy = new Engine({ maxSteps: 10_000_000, maxMillis: 60_000 });
  // a reversed copy of the 200,000 units took some 17 ms a call (2 s in all); read backwards, 2
  const { out, ms } = timedTwice("x = '😀' * 100000\ny = 'a' * 99999 + 'b'\nfor i in range(30):\n    x.rfind(y)\n    x.rpartition(y)\n    x.rindex('😀' * 20)\nreturn x.rfind(y)", roomy);
  expect(out).toBe('-1');
  expect(ms).toBeLessThan(1200);
  // a separator that may cut a pair is walked once for all its matches, not from the start for each
  const split = timedTwice("x = ('😀' + 'x\\ude00') * 50000\nreturn len(x.rsplit('\\ude00')), len(x.rsplit('\\ude00', 30000))", roomy);
  expect(split.out).toBe('(50001, 30001)');
  expect(split.ms).toBeLessThan(1000);
});

describe('medium work repeated in a loop', () => {
  // each turn is a millisecond of native work in one step: with no clock to stop it, its charges must
  const stepsOnly = new Engine({ maxMillis: 10_000 });
  const loop = (setup: string, body: string) => `${setup}\nfor i in range(10000):\n    t = ${body}\nreturn 1`;
  it.each([
    ['x = list(range(10**5))', '[*x]'],
    ['x = list(range(10**5))', '(*x,)'],
    ['x = list(range(10**5))', 'max(*x)'],
    ['d = dict.fromkeys(range(10**5))', '{**d}'],
    ["d = {str(i): i for i in range(10**5)}", 'dict(**d)'],
    ['d = dict.fromkeys(range(10**5))', 'd.copy()'],
    ['s = set(range(10**5))', 's.copy()'],
    ['s = set(range(10**5))', 's ^ s'],
    ['s = set(range(10**5))', 's <= s'],
    ['x = list(range(10**5))', 'x.copy()'],
    ['x = list(range(10**5))', 'x == x[:]'],
    ['x = list(range(10**5))', '99999 in x'],
    ["x = 'a' * 10**5", '{x}'],
    ["x = 'a' * 10**5", "x.replace('a', 'b')"],
    ["x = 'a' * 10**5", "x.count('a')"],
    ["x = 'a' * 10**5", 'x[::-1]'],
    ["x = ' ' * 10**5 + '1.5'", 'float(x)'],
    ['x = json.dumps(list(range(20000)))', 'json.loads(x)'],
    ["x = 'A' * 10**5", 'x.isupper()'],
    ["x = 'Ab ' * 30000", 'x.istitle()'],
    ["x = 'a' * 10**5", "x.strip('a')"],
    ["x = ' ' * 10**5", 'x.strip()'],
    ["x = '{}' * 50000", 'x.format(*range(50000))'],
    ["x = 'a' * 10**5\ny = 'a' * 5000 + 'b'", 'x.rfind(y)'],
    ["x = 'a' * 10**5\ny = 'a' * 5000 + 'b'", 'y in x'],
    ["x = 'a' * 10**5", 'json.dumps(x)'],
    ["x = 'a' * 10**5", 'repr(x)'],
  ])('%s, then %s ten thousand times', (setup, body) => {
    const { out, ms } = timedTwice(loop(setup, body), stepsOnly);
    expect(out).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
    // unpaid, the turns ran for seconds; paid, the steps run out in a few dozen
    expect(ms).toBeLessThan(1000);
  });
});

/** Zero padding in groups, found by arithmetic now: CPython's answers, hex and binary in fours. */
const ZERO_GROUPED = [
  "format(1, '08,')", "format(1234, '07,')", "format(1234, '06,')", "format(1234.5, '012,.2f')", "format(1234567.25, '015,.1f')", "format(1234.5, '015,e')",
  "format(1234.5, '015,g')", "format(0.5, '010,%')", "format(255, '010_x')", "format(255, '#010_x')", "format(255, '011_X')", "format(10**6, '020_b')",
  "format(511, '012_o')", "format(-1234, '010,')", "format(1234, '+011,')", "format(123456789, '013_')", "format(-0.0, '010,.1f')", "format(float('inf'), '010,')",
].map((e) => `return ${e}`);

/** rfind and rpartition with needles past 32 characters, searched from the right. */
const RFIND = [
  "x = '😀a' * 1000\ny = 'a😀' * 20\nreturn x.rfind(y), x.rfind(y, 0, 500), x.rindex(y, 3, 900), x.rpartition(y)[2][:4], x.rsplit(y, 2)[-2:], x.rfind(y, 1960)",
  "x = 'ab' * 100\ny = 'b' + 'ab' * 20\nreturn x.rfind(y, 0, 41), x.rfind(y, 0, 42), x.rfind(y, 1, 42), x.rfind(y, 2, 44), x.rfind(y, -50, -2)",
  "x = ('😀' + 'x\\ude00') * 3\nreturn x.rsplit('\\ude00'), x.rsplit('\\ude00', 1), x.rsplit('\\ude00x', 2), ('\\ud83d' * 5).rsplit('\\ud83d\\ud83d', 1), ('\\ud83d' * 5).rsplit('\\ud83d\\ud83d')",
  "return 'aaa'.rsplit('aa'), 'aaaa'.rsplit('aa', 1), 'a,b,,c'.rsplit(','), 'a,b,,c'.rsplit(',', 2), ''.rsplit(','), ',a,'.rsplit(',', 0), 'a😀😀a'.rsplit('😀'), ('ab' * 40).rsplit('b' + 'ab' * 16, 1)",
  "x = 'a' * 10**5\ny = 'a' * 50000\nreturn x.rfind(y), x.rindex(y), x.rpartition(y)[0][:3], x.rfind(y, 10, 60000), x.rfind(y, 0, 49999)",
  "x = 'ab' * 50000\ny = 'ba' * 2000\nreturn x.rfind(y), x.rfind(y, 0, 50000), x.rfind(y, 3), x.rfind(y, 99000), x.rpartition(y)[2]",
  "x = 'q' + 'a' * 40 + 'q' + 'a' * 40\nreturn x.rfind('q' + 'a' * 40), x.rfind('q' + 'a' * 40, 0, 80), x.rfind('a' * 40 + 'q', 5), x.rpartition('a' * 40)[0]",
  "return 'abcabc'.rfind('abc'), 'abcabc'.rfind('abc', 0, 5), 'abc'.rfind(''), 'abc'.rfind('', 1, 2), 'a'.rpartition('b')",
  "return int('\u0661\u0662'), float(' \u0661.\u0665\u2003'), int('\uff11\uff12')",
];

/** Slice assignment past a call's argument limit, the O(n) list methods, and widths and precisions from *. */
const LISTS_AND_STARS = [
  'x = [0] * 10\nx[2:4] = list(range(150000))\nreturn len(x), x[:3], x[-3:]',
  "x = [1, 2, 3, 4, 5]\nx[1:3] = 'ab'\ny = [1, 2, 3]\ny[2:1] = [9]\nz = [1, 2, 3]\nz[5:] = [7]\nw = [1, 2, 3]\nw[-1:0] = [8]\nreturn x, y, z, w",
  'x = [1, 2, 3]\nx.insert(-10, 0)\nx.insert(10, 4)\na = x.pop(0)\nb = x.pop()\ndel x[1]\nx.reverse()\nreturn x, a, b, x.copy()',
  "return '%*d' % ('x', 1)", "return '%.*f' % (1.5, 1)",
  "return '%*d' % (-5, 1), '%.*f' % (-2, 1.5), '%*d' % (True, 1), '%-*d|' % (-4, 1), '%0*d' % (-4, 1), '%*s|' % (-3, 'a')",
];

describe('hostile inputs of the same kinds', () => {
  // refused by the size limit before the value exists, not by V8 failing to make it
  const MEMORY = /^MemoryError: condition built a value of \d+ items/;
  const STEPS = /^StepLimitError/;
  const REFUSED = /^(MemoryError: condition built a value of \d+ items|StepLimitError)/;
  const OVERFLOW = /^OverflowError/;
  it.each([
    // padding, width and precision in the three formatting routes
    ["return 'x'.center(10**9)", MEMORY],
    ["return 'x'.ljust(10**9, '*')", MEMORY],
    ["return 'x'.zfill(10**9)", MEMORY],
    ["return '\\t'.expandtabs(10**8)", MEMORY],
    ["return ('\\t' * 1000).expandtabs(10**6)", MEMORY],
    ["return len('%.1000000f' % 1)", MEMORY],
    ["return len('%.999990f' % 1.5)", /^999992$/],
    ["return format(1, '1000000000')", MEMORY],
    ["return len(format(1, '400000000'))", MEMORY],
    ["return len('{:400000000}'.format(1))", MEMORY],
    ["return len(f'{1:>400000000}')", MEMORY],
    ["return format(1.5, '.1000000000f')", MEMORY],
    ["return '{:1000000000}'.format(1)", MEMORY],
    ["return '{:{}}'.format(1, 10**9)", MEMORY],
    ["return f'{1:1000000000}'", MEMORY],
    ["return f'{1.5:.999999f}'", MEMORY],
    ["return '%1000000000d' % 1", MEMORY],
    ["return '%-*s|' % (10**9, 'x')", MEMORY],
    ["return '%999999d%999999d' % (1, 2)", MEMORY],
    ["return json.dumps([1] * 10, indent=10**6)", MEMORY],
    ["return '{:,}'.format(10**15)", /^'1,000,000,000,000,000'$/],
    // zero padding in groups grew a zero at a time, regrouping each time: quadratic, and unbounded
    ["return len('{:0100000,}'.format(1))", /^100001$/],
    ["return '{:01000000000,}'.format(1)", MEMORY],
    ["return len(format(10**15, '0100000_x'))", /^100001$/],
    // string building
    ["s = 'a' * 10**6\nreturn len(s.replace('', 'x'))", MEMORY],
    ["s = 'a' * 999999\nreturn len(s.replace('a', 'bb'))", MEMORY],
    // half a million words in 10-20 ms, or past the 50 ms on a machine slow to allocate (70-117 ms here, a look at the clock every 1,024 words)
    ["return len(('a ' * 500000).split())", /^(500000$|StepLimitError)/],
    ["return len(('a ' * 500000).rsplit())", /^(500000$|StepLimitError)/],
    ["return len(','.join(['abc'] * 300000))", REFUSED],
    ["return len(('ab' * 500000).title())", STEPS],
    ["return len(('ab' * 500000).swapcase())", STEPS],
    ["return len(('ab' * 500000).casefold())", STEPS],
    ["return len(ascii('\\x00' * 300000))", REFUSED],
    ["return len(str(['abcdefghij'] * 10**6))", REFUSED],
    ["return len(str(set(range(10**6))))", REFUSED],
    ["return len(str(dict.fromkeys(range(10**6))))", REFUSED],
    ["return len(('a' * 10**6)[::-1])", /^1000000$/],
    // lists, tuples, dicts and sets built from big inputs
    ['return len(sorted(range(10**6)))', REFUSED],
    ['return sorted(range(10**6), key=lambda x: -x)[0]', STEPS],
    ['return len(list(range(10**9)))', REFUSED],
    ['return len(dict.fromkeys(range(10**7)))', REFUSED],
    ['return len({*range(10**6)})', REFUSED],
    ['return len(dict(zip(range(10**6), range(10**6))))', REFUSED],
    ['s = set(range(10**6))\nreturn len(s & set(range(10**6)))', REFUSED],
    ['d = dict.fromkeys(range(10**6))\nreturn d == dict(d)', REFUSED],
    ['return {(0,) * 10**6} is not None', REFUSED],
    ['return [[]] * 10**10', MEMORY],
    // walks: comparison, membership, search
    ['return [0] * 10**6 == [0] * 10**6', /^True$|^StepLimitError/],
    ['return [0] * 10**6 < [0] * 10**6', /^False$|^StepLimitError/],
    ['return -1 in [0] * 10**6', /^False$|^StepLimitError/],
    ['return [0] * 10**6 in [[0] * 10**6] * 10', /^True$|^StepLimitError/],
    ['return ([0] * 10**6).count(1)', /^0$|^StepLimitError/],
    ["return ('a' * 500000 + 'b') in ('a' * 10**6)", /^False$/],
    // V8's lastIndexOf compares at every place: 1.5 s for this one call
    ["x = 'a' * 10**5\ny = 'a' * 49999 + 'b'\nreturn x.rfind(y), x.rpartition(y)[0]", /^\(-1, ''\)$/],
    ["return int('\u0661' * 300000)", /^ValueError: Exceeds the limit \(4300 digits\)/],
    // a padding narrower than its digits is a negative count: it pays nothing back
    ["while True:\n    x = format(1.5, '01,.100000f')", STEPS],
    ['x = list(range(10**5))\nwhile True:\n    x.insert(0, 1)\n    x.pop(0)', STEPS],
    ["return float('\u0661' * 300000)", REFUSED],
    // bulk loops over big or endless iterables
    ['return max(range(10**9))', REFUSED],
    ['return sum(range(10**9))', STEPS],
    ['return any(x < 0 for x in range(10**9))', STEPS],
    ['return all(x == x for x in range(10**9))', STEPS],
    ['return len(list(zip(range(10**9), range(10**9))))', REFUSED],
    ['return len(list(enumerate(range(10**9))))', REFUSED],
    ['return len(list(map(abs, range(10**9))))', REFUSED],
    ['return len(list(filter(None, range(10**9))))', REFUSED],
    ['return len(list(reversed(range(10**9))))', REFUSED],
    ['return next(x for x in range(10**9) if x < 0)', STEPS],
    ['return len(json.dumps(list(range(10**6))))', REFUSED],
    // numbers
    ['import math\nreturn math.factorial(10**6)', STEPS],
    ['import math\nreturn math.prod(range(1, 10**9))', REFUSED],
    ['import math\nreturn math.fsum([0.1] * 10**6)', REFUSED],
    ['return pow(2, 10**9)', STEPS],
    ['return pow(3, 10**9, 10**9 + 7)', /^\d+$/],
    ['return 2.0 ** 10**18', OVERFLOW],
    ['return 10**15 << 10**9', STEPS],
    ['return divmod(2**53, -1)', /^\(-9007199254740992, 0\)$/],
    // ints of any size: charged by size before the work, refused when the budget cannot hold it
    ['return 10**10**6', STEPS],
    ['return 1 << 10**9', STEPS],
    ['return pow(7, 10**9)', STEPS],
    ['return (2**60) ** (2**60)', STEPS],
    ['return pow(7, 10**9, 10**9 + 7)', /^312556845$/],
    ['return pow(7, -(10**9), 10**9 + 7) > 0', /^True$/],
    ['return len(hex(10**10**5))', /^\d+$/],
    ['return str(10**10**5)', /^ValueError: Exceeds the limit \(4300 digits\)/],
    ['x = 7**50000\nreturn x * x == x * x and x // 3**10000 > 0', /^True$/],
    ['x = 3**100000\nfor i in range(10**6):\n    x = x * 3 + i\nreturn 1', STEPS],
    ['x = 2**(2**20)\nreturn hash(x), len({x: 1, x + 1: 2}), x == 1.5, x > 1e308', /^\(\d+, 2, False, True\)$/],
    ['import math\nreturn math.isqrt(10**100000) > 0', /^(True|StepLimitError)/],
    ['import math\nreturn math.comb(10**6, 5 * 10**5)', STEPS],
    ["return json.loads('9' * 5000)", /^ValueError: Exceeds the limit \(4300 digits\)/],
    ["return json.dumps([10**4000] * 10**4)[:2]", REFUSED],
    ['return round(1.5, 10**9)', /^1\.5$/],
    ["return float('1' * 999999)", /^inf$/],
  ])('%s is answered or refused at once', (source, expected) => {
    const { out, ms } = timedTwice(source);
    expect(out).toMatch(expected);
    // 100 ms of work at most (50 ms of budget, then one bounded native step); room for a busy machine
    expect(ms).toBeLessThan(400);
  });

  it('answers these as CPython does where it answers', () => {
    expect(compareWithCPython([
      'return [] * 10**10', "return ''.replace('', '.', 2)", "return 'abc'.replace('', '-', 2)", "return 'ab'.replace('', '-')",
      "return len('%.1080f' % 5e-324)", "return ('%.1080f' % 5e-324)[-30:]", "return '%.200e' % 1.5", "return '{:,}'.format(10**15)", "return int('+0009007199254740992')",
      "return int('-' + '0' * 1000 + '12')", "return int('0x' + '0' * 1000 + 'ff', 16)", "return 'a\\tbc\\td'.expandtabs(3)", 'return [1, 2, 3, 4, 5][::-2]', "return 'abcdef'[4:1:-1]",
      'return (1, 2, 3)[::-1]', ...ZERO_GROUPED, ...RFIND, ...LISTS_AND_STARS, 'return len(sorted(range(1000), key=lambda x: -x))', 'return json.dumps([[1, [2]]], indent=3)', "return str([('x', 1.5)] * 3)",
    // the answers are what is compared: time enough for them on a busy machine
    ], new Engine({ maxMillis: 10_000 }))).toEqual([]);
  });
});
