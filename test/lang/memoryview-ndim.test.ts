import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { cpuTimed } from '../support/cpu-timed.js';
import { compareWithCPython } from '../support/cpython.js';
import { repr } from '../../src/lang/runtime/repr.js';

/** Views of none, one, two, three and 64 dimensions: cast, sliced along the first (negative strides, none left), of every kind of format. */
const VIEWS = [
  "memoryview(bytes(range(24))).cast('i', (2, 3))",
  "memoryview(bytearray(range(24))).cast('B', [2, 3, 4])",
  "memoryview(bytes(range(24))).cast('h', (3, 2, 2))[::-1]",
  "memoryview(bytes(range(24))).cast('B', (4, 6))[::2]",
  "memoryview(bytes(range(24))).cast('B', (4, 6))[5:]",
  "memoryview(bytes(range(24))).cast('B', (4, 6))[1:2]",
  "memoryview(bytes(range(24))).cast('b', (6, 4))[::-2]",
  "memoryview(b'abcd').cast('i', ())",
  "memoryview(bytearray(b'abcdefgh')).cast('d', [])",
  "memoryview(b'abc').cast('B', [3, 1])[::-1]",
  "memoryview(bytes(range(8))).cast('B', [1] * 63 + [8])",
  "memoryview(bytes(range(24))).cast('c', (2, 12))",
  "memoryview(bytes(range(16))).cast('f', (2, 2))",
  "memoryview(bytes(range(48))).cast('q', (3, 2))[::-1]",
  "memoryview(bytes(range(24))).cast('?', (2, 12))",
  "memoryview(b'abcdef')[::-1]",
  "memoryview(b'abcd')[::-1][4:]",
  "memoryview(b'abcd')[::2][2:]",
];

/** What is asked of each view; one that answers a view answers what can be printed of it (its repr holds an address). */
const ASKS = [
  'm.shape, m.strides, m.ndim, m.suboffsets', 'm.c_contiguous, m.f_contiguous, m.contiguous', 'm.nbytes, m.itemsize, m.format, m.readonly', 'len(m)', 'bool(m)',
  'm.tolist()', 'm.tobytes()', "m.tobytes('F')", "m.tobytes('A')", 'm.tobytes(order=None)', 'm[:0].tolist(), m[:0].shape, m[:0].c_contiguous', 'm.hex()', "m.hex(':', 2)", 'bytes(m)', 'bytearray(m)', 'list(m)', 'next(iter(m))', "b'' + m", 'm.obj == bytes(m)', '97 in m', 'sorted(m)', '[*m]', 'list(reversed(m))', 'type(reversed(m)).__name__', 'int.from_bytes(m, "big")', "b'-'.join([m, m])", 'str(m, "latin-1")', 'm in [m]',
  'a, b = m\nreturn a', 'match m:\n    case [a, b]:\n        return a\n    case _:\n        return 0', 'import hashlib\nreturn hashlib.md5(m).hexdigest()', "import re\nreturn re.search(b'\\x05', m)",
  'm[0]', 'm[-1]', 'm[0, 0]', 'm[1, 2]', 'm[-1, -1]', 'm[0, 0, 0]', 'm[0, -1, 1]', 'm[()]', 'm[...] is m', 'm[0,]', 'm[(0,) * 64]', 'm[(0,) * 65]', 'm[True, False]', 'm[2**70]', 'm[0, 2**70]', 'm[0, -2**63]',
  'm[1:].tolist()', 'm[::-1].tolist()', 'm[1:].shape', 'm[::-1].strides', 'm[::-1][::-1] == m', 'm[slice(1, None)].shape', 'm[:, 1]', 'm[1:, :]', 'm[0:1, 0:1]', 'm[:,]', "m['a']", 'm[1.0]', 'm[0, 1.0]', 'm[0, None]',
  'hash(m)', 'hash(m.toreadonly())', 'hash(m) == hash(bytes(m))', 'm == m', 'm != m', 'm == m.tolist()', 'm == bytes(m)', 'm == memoryview(bytes(m))', 'm == memoryview(m)', 'm == m.toreadonly()', 'm < m',
  "m.cast('B').tolist()", "m.cast('B').shape", "m.cast('c', (m.nbytes,)).shape", "m.cast('B', [1, m.nbytes]).shape", "m.cast('B', [m.nbytes // 2, 2]).tolist()", "m.cast('B', [2, -1])", "m.cast('B', ())", "m.cast('H').shape", "m.cast('i', [1])", "m.cast('é')", "m.cast('B', [1.0])",
  'memoryview(m).shape', 'm.toreadonly().tolist()', 'str(m)[:7]', 'type(m).__name__',
  'v = m\nwith m as w:\n    s = w.shape\nreturn s, str(m)[:9]', 'm.release()\nreturn m.shape', 'm.release()\nreturn m.ndim', 'm.release()\nreturn m.tolist()', 'm.release()\nreturn m[()]', 'm.release()\nreturn m == m',
];

/** Writes through a view of a bytearray's octets. */
const WRITES = [
  'm[1, 2] = 5', 'm[1, 2, 3] = 99', 'm[-1, -1, -1] = 7', 'm[0] = 5', 'm[0, 0] = 5', 'm[()] = 5', 'm[...] = 5', 'm[1:] = b"x"', 'm[:, 1] = 5', 'm[1:, :] = 5', "m['a'] = 5", 'm[0, 0, 0, 0] = 5',
  'm[0, 0, 9] = 5', 'm[0, 0, 0] = 300', "m[0, 0, 0] = 'a'", 'del m[0, 0, 0]', 'del m[0]', 'del m[1:]', 'm[0, 0, 0] = True',
];

it('answers of views of any number of dimensions as CPython does', () => {
  const cases = VIEWS.flatMap((v) => ASKS.map((ask) => `m = ${v}\n${ask.includes('\n') ? ask : `return ${ask}`}`));
  expect(cases.length).toBeGreaterThan(1000);
  expect(compareWithCPython(cases)).toEqual([]);
});

it('writes through views of any number of dimensions as CPython does', () => {
  const views = ["bytearray(range(24))).cast('B', [2, 3, 4])", "bytearray(range(24))).cast('B', [2, 3, 4])[::-1]", "bytearray(8)).cast('q', ())", "bytearray(8)).cast('d', [])", "bytes(range(24))).cast('B', [2, 3, 4])", "bytearray(24)).cast('c', [2, 3, 4])"];
  const cases = views.flatMap((v) => WRITES.map((w) => `b = ${v.startsWith('bytearray') ? 'bytearray' : 'bytes'}(${v.slice(v.indexOf('(') + 1, v.indexOf(')') + 1)})\nm = memoryview(b${v.slice(v.indexOf(')') + 1)}\n${w}\nreturn b, m.tolist()`));
  expect(compareWithCPython(cases)).toEqual([]);
});

it('compares views of different shapes and formats, and casts them back, as CPython does', () => {
  const b = 'bytes(range(24))';
  const shapes = ['(24,)', '(2, 12)', '(12, 2)', '(2, 3, 4)', '(4, 3, 2)', '[24]', '[1, 24]'];
  const pairs = shapes.flatMap((s) => shapes.map((t) => `return memoryview(${b}).cast('B', ${s}) == memoryview(${b}).cast('B', ${t})`));
  expect(compareWithCPython([
    ...pairs,
    `return memoryview(${b}).cast('i', (2, 3)) == memoryview(${b}).cast('I', (2, 3)), memoryview(${b}).cast('B', (2, 12)) == memoryview(${b}).cast('c', (2, 12)), memoryview(${b}).cast('B', (2, 12)) == memoryview(${b}).cast('b', (2, 12))`,
    `return memoryview(${b}).cast('B', (4, 6))[5:] == memoryview(${b}).cast('B', (2, 12))[5:], memoryview(${b}).cast('B', (4, 6))[5:] == memoryview(${b}).cast('B', (4, 5))`,
    `m = memoryview(${b}).cast('i', (2, 3))\nreturn m[1:] == m[::-1][:1], m[::-1] == m, m == m.cast('B').cast('i', (2, 3)), m.cast('B').cast('i', [6]).tolist()`,
    "x = memoryview(b'\\x00\\x00\\xc0\\x7f' * 4).cast('f', (2, 2))\nreturn x == x, x.tolist() == x.tolist(), x == memoryview(b'\\x00\\x00\\xc0\\x7f' * 4).cast('i', (2, 2))",
    "m = memoryview(b'abcd').cast('i', ())\nreturn m == memoryview(b'abcd').cast('i', ()), m == memoryview(b'abcd').cast('i'), m == b'abcd', m.cast('B') == b'abcd', m.cast('b', (4,)).tolist()",
    "m = memoryview(b'abcd').cast('B', (2, 2))\nreturn m.cast('H').tolist(), m.cast('H', [2]).tolist(), m.cast('c').tolist()",
    "return memoryview(b'abcd').cast('B', (2, 2)).cast('H', [1, 1])", "return memoryview(b'abcd').cast('i', ()).cast('i', ())", "return memoryview(b'abcd').cast('i', ()).cast('B', [2, 2])",
    "return memoryview(b'abcd').cast('i', (1,)).cast('B', ()).tolist()", "return hash(memoryview(b'abcd').cast('B', (2, 2))) == hash(b'abcd'), hash(memoryview(b'abcd').cast('c', (2, 2))[::-1]) == hash(b'cdab')",
    "return {memoryview(b'ab').cast('B', (1, 2)): 1}[b'ab']", "return {memoryview(b'ab').cast('B', (1, 2)): 1}[memoryview(b'ab').cast('B', [1, 2])]", "return {memoryview(b'ab').cast('B', (1, 2)): 1}.get(memoryview(b'ab').cast('B', [2, 1]), 'missing')",
    "return {memoryview(b'ab').cast('B', (2, 1))[5:]: 1}[memoryview(b'abcd').cast('B', [2, 2])[5:]]", "return {memoryview(b'ab').cast('c', (2,)): 1}.get(memoryview(b'ab').cast('c', [1, 2]), 'missing')", "return hash(memoryview(b'abcd').cast('H', (1, 2)))", "return hash(memoryview(bytearray(b'ab')).cast('B', (1, 2)))",
  ])).toEqual([]);
});

it('checks a cast\'s shape as CPython does, past ssize_t and at 64 dimensions', () => {
  const shapes = ['[2**31, 2**31, 2**31]', '[2**62, 4]', '[2**63]', '[-2**63 - 1]', '[2**63 - 1, 2]', '[2**32, 2**31]', 'list(range(1, 66))', '[1] * 64', '[1] * 65', '[1] * 63 + [8]', '[8] + [1] * 63',
    '[0, 8]', '[8, 0]', '[-8]', '[2, 2, 2]', '(2, 2, 2, 1, 1)', '[True] * 8', '[2**60, 8]', '[2**59, 16]', '{8}', "'8'", '[8.0]', '[None]', '[]', '()', 'None', 'range(8)'];
  const cases = shapes.flatMap((s) => ['B', 'Q', 'H'].map((f) => `return memoryview(bytes(8)).cast('${f}', ${s}).shape`));
  cases.push("return memoryview(b'x').cast('B', [1] * 64).tolist()", "m = memoryview(b'x').cast('B', [1] * 64)\nreturn m[(0,) * 64], m[(-1,) * 64], m.strides == (1,) * 64, m.tobytes('F')", "m = memoryview(b'x').cast('B', [1] * 64)\nreturn m[(1,) * 64]");
  cases.push("return memoryview(bytes(24)).cast('B', (4, 6))[5:].cast('B')", "return memoryview(bytes(24)).cast('B', (4, 6))[::-1].cast('B')", "return memoryview(bytes(24)).cast('B', (4, 6))[::2].cast('B')", "return memoryview(bytes(24)).cast('B', (4, 6))[::5].cast('B').shape");
  expect(compareWithCPython(cases)).toEqual([]);
});

it('takes keys, arguments and routes of every kind into views of many dimensions as CPython does', () => {
  const cls = 'class I:\n    def __index__(self):\n        return 1\n';
  expect(compareWithCPython([
    `${cls}m = memoryview(bytes(range(6))).cast('B', (2, 3))\nreturn m[I(), I()], m[0, I()]`, `${cls}m = memoryview(bytes(range(6))).cast('B', (2, 3))\nreturn m[I()]`, `${cls}m = memoryview(bytes(range(6)))\nreturn m[I(),], m[I()]`,
    "b = bytearray(1)\nm = memoryview(b).cast('B', [1] * 64)\nm[(0,) * 64] = 5\nreturn b, m[(-1,) * 64]",
    "m = memoryview(bytes(6)).cast('B', (2, 3))[5:]\nreturn hash(m) == hash(b''), {m: 1}.get(memoryview(bytes(4)).cast('B', (2, 2))[3:], 'x'), {m: 1}.get(b'', 'x')",
    "m = memoryview(bytes(6)).cast('B', (2, 3))\nh = hash(m)\nm.release()\nreturn hash(m) == h",
    "import re\nm = memoryview(b'abcdef').cast('B', (2, 3))\nreturn re.search(b'c', m[::-1])", "import re\nm = memoryview(b'abcdef').cast('B', (2, 3))\nreturn re.search(b'cd', m).span()",
    "import hashlib\nreturn hashlib.md5(memoryview(b'abcdef').cast('B', (2, 3))[::-1])",
    "return bytes(memoryview(b'abcdef').cast('B', (2, 3))[::-1]), bytearray(memoryview(b'abcdef').cast('B', (2, 3))[::-1])",
    "return b'x'.join([memoryview(b'abcdef').cast('B', (2, 3))[::-1]])", "return b'abcdef' == memoryview(b'abcdef').cast('B', (2, 3))",
    "return memoryview(b'abcdef').cast('B', (2, 3)).cast('B', (6,), 1)", "return memoryview(b'abcdef').cast(format='B', shape=[3, 2]).shape", "return memoryview(b'abcdef').cast('B', shape=(3, 2)).tolist()",
    "b = bytearray(6)\nm = memoryview(b)\nc = m.cast('B', (2, 3))\nm.release()\ntry:\n    b.append(1)\nexcept BufferError as e:\n    r = str(e)\nc.release()\nb.append(1)\nreturn r, b, type(c).__name__",
    "return memoryview(b'ab').cast('B', (2,)).cast('B', (1, 2)).shape",
    "return memoryview(b'abcd').cast('i', ()).tobytes('F'), memoryview(b'abcd').cast('i', ()).hex(':'), memoryview(b'abcd').cast('i', ())[()]",
    "m = memoryview(bytearray(b'abcd')).cast('i', ())\nm[()] = -1\nreturn m.obj, m[...][()]",
    // a step past the safe integers: the stride CPython's Py_ssize_t product gives, wrapped as it wraps
    "return memoryview(bytes(24)).cast('B', (2, 12))[::2**62].strides, memoryview(bytes(24)).cast('B', (2, 12))[::-2**62].strides, memoryview(bytes(24)).cast('B', (2, 12))[::2**53 + 1].strides",
    "return memoryview(bytes(24)).cast('q', (3,))[::2**61].strides, memoryview(bytes(24))[::2**62].strides, memoryview(bytes(24))[::-2**63].strides, memoryview(bytes(24))[::2**62][::3].strides, memoryview(bytes(24))[::2**62][::-2**62].strides",
    "m = memoryview(bytes(range(24))).cast('B', (2, 12))[::2**62]\nreturn m.tolist(), m.c_contiguous, m[0, 11], m.tobytes('F')[:3], memoryview(m).strides, m.toreadonly().strides, memoryview(b'abcd')[3:][::2**62].contiguous",
    "m = memoryview(bytes(range(24))).cast('B', (2, 3, 4))\nr = reversed(m)\nreturn type(r).__name__, next(r)", "m = memoryview(bytes(24)).cast('B', (2, 3, 4))[5:]\nreturn list(reversed(m)), list(reversed(memoryview(b'ab')))",
  ])).toEqual([]);
});

it('walks a large view of many dimensions in time, and stops one past the budget', () => {
  // the clock's budget out of the way (the machine is shared): the CPU time is what is bounded, and the steps
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  // some 50,000 to 90,000 items in either order, within the step budget, and a million octets copied (charged as a value's size, as one dimension's): about as long as one dimension's
  for (const body of ["len(memoryview(bytes(10**6)).cast('B', [10] * 6)[::-1].tobytes('F'))", "memoryview(bytes(range(250)) * 360).cast('B', [300, 300])[::-1].tobytes('F')[-3:]", "len(memoryview(bytes(6**6)).cast('B', [6] * 6).tolist())", "memoryview(bytes(6**6)).cast('B', [6] * 6)[::-1].hex()[:4]", "memoryview(bytes(6**6)).cast('B', [6] * 6)[::-1] == memoryview(bytes(6**6)).cast('B', [6] * 6)"]) {
    const [answer, ms] = cpuTimed(engine, `return ${body}`, (v) => repr(v));
    expect(answer).not.toMatch(/Error/);
    expect(ms).toBeLessThan(1000);
  }
  for (const body of ["memoryview(bytes(10**6)).cast('B', [10] * 6).tolist()", "memoryview(bytes(10**6)).cast('B', [1] * 58 + [10] * 6).tolist()"]) {
    const [answer, ms] = cpuTimed(engine, `return ${body}`, (v) => repr(v));
    expect(answer).toMatch(/^StepLimitError: condition exceeded its budget of 100000 steps/);
    expect(ms).toBeLessThan(1000);
  }
});
