import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** memoryview over bytes and bytearray: its attributes, items, slices, casts, writes, equality, hash and release, against CPython (its repr holds an address, so no case returns a view). */
it('views, slices and casts as CPython does', () => {
  expect(compareWithCPython([
    "m = memoryview(b'abcd')\nreturn len(m), m[0], m[-1], m.tobytes(), m.tolist(), m.hex(), m.hex(':', 2), m.nbytes, m.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.suboffsets, m.contiguous, m.c_contiguous, m.f_contiguous, m.obj, list(m), bytes(m), bytearray(m)",
    "m = memoryview(bytearray(b'abcd'))\nreturn m.readonly, m.obj, m[1:3].tobytes(), m[::-1].tolist(), m[::2].strides, m[::-2].contiguous, m[1:][1:].tobytes(), m[10:].tobytes(), m[1:5][1:3].obj",
    "m = memoryview(b'abcdefgh')\nreturn m.cast('H').tolist(), m.cast('h').tolist(), m.cast('I').tolist(), m.cast('i').tolist(), m.cast('Q').tolist(), m.cast('q').tolist(), m.cast('d').tolist(), m.cast('f').tolist(), m.cast('@B').tolist(), m.cast('c').tolist(), m.cast('b').tolist(), m.cast('?').tolist(), m.cast('L').tolist(), m.cast('n').tolist(), m.cast('N').tolist(), m.cast('P').tolist()",
    "m = memoryview(bytes(range(250, 256)) * 4).cast('q')\nreturn m.tolist(), m.cast('B').cast('Q').tolist(), m.itemsize, m.nbytes, m.shape, m.strides, m.format, len(m), m[::-1].tolist(), m[0], m.hex()",
    "m = memoryview(b'\\xff\\x01')\nreturn m.cast('b').tolist(), m.cast('c')[0], m.cast('c')[0:1].tolist(), m.cast('B', [2]).tolist(), m.cast('H').cast('b').tolist(), memoryview(b'').cast('H').tolist()",
    "return memoryview(b'abc').cast('H')", "return memoryview(b'abcd')[::2].cast('H')", "return memoryview(b'abcd').cast('x')", "return memoryview(b'abcd').cast('<H')", "return memoryview(b'abcd').cast('e')",
    // a cast's shape is checked as memoryview_cast_impl and copy_shape check it
    "m = memoryview(b'abcd')\nout = []\nfor args in [('B', None), ('H', [3]), ('B', [-1]), ('B', [0]), ('B', [1.5]), ('B', [2**70]), ('B', list(range(1, 66))), ('B', [2**62, 2**62]), ('B', [2**60]), ('Q', [-2**70]), ('x', [0]), ('B', 5), ('B', (4,))]:\n    try:\n        out.append(m.cast(*args).shape)\n    except Exception as e:\n        out.append(repr(e))\nfor b in (b'', bytearray()):\n    try:\n        memoryview(b).cast('B', [1])\n    except TypeError as e:\n        out.append(str(e))\nreturn out, memoryview(b'a').cast('B', [True]).shape",
    "return memoryview(b'abcd').cast('H').cast('I')", "return memoryview(b'ab').cast()", "return memoryview(b'ab').cast(1)", "return memoryview(b'ab').tolist(1)", "return memoryview(b'ab').tobytes('X')",
    "return memoryview(b'ab').tobytes('C'), memoryview(b'ab').tobytes(None), memoryview(b'ab').tobytes(order='A')",
    "return memoryview('abc')", "return memoryview(1)", "return memoryview()", "return memoryview(b'x', b'y')", "return memoryview(object=b'x').tobytes()",
    "return memoryview(b'ab')[2]", "return memoryview(b'ab')[-3]", "return memoryview(b'ab')['a']", "return memoryview(b'ab')[1.0]", "return memoryview(b'')[0]", "return memoryview(b'abcdef')[10**30]",
    "return memoryview(b'ab').decode()", "return memoryview(b'ab') < memoryview(b'ac')", "return b'a' < memoryview(b'b')", "return memoryview(b'a') + b'b'", "return json.dumps(memoryview(b''))",
    "return type(memoryview(b'')).__name__, isinstance(memoryview(b''), memoryview), isinstance(memoryview(b''), bytes), bool(memoryview(b''))",
  ])).toEqual([]);
});

it('writes through a view of a bytearray, and fixes its size while exported, as CPython does', () => {
  expect(compareWithCPython([
    "b = bytearray(b'abcd')\nm = memoryview(b)\nm[0] = 65\nm[1:3] = b'XY'\nm[::-3] = bytearray(b'12')\nm[-1:] = memoryview(b'!')\nb[1] = 0\nreturn b, m.tobytes(), m[1]",
    "b = bytearray(8)\nm = memoryview(b).cast('H')\nm[0] = 65535\nm[1] = True\nm[2:4] = memoryview(bytearray(b'abcd')).cast('H')\nd = memoryview(b).cast('d')\nreturn b, m.tolist(), d.tolist()",
    "b = bytearray(8)\nd = memoryview(b).cast('d')\nd[0] = 1\nreturn b, d.tolist()", "b = bytearray(8)\nf = memoryview(b).cast('f')\nf[0] = 1.5\nf[1] = 2**200\nreturn b",
    "b = bytearray(4)\nm = memoryview(b).cast('?')\nm[0] = []\nm[1] = 'x'\nm[2] = 2\nreturn b, m.tolist()",
    "b = bytearray(2)\nm = memoryview(b).cast('c')\nm[0] = b'z'\nm[1] = bytearray(b'y')\nreturn b",
    "m = memoryview(b'abc')\nm[0] = 1", "m = memoryview(bytearray(b'abc'))\nm[0] = 256", "m = memoryview(bytearray(b'abc'))\nm[0] = -1", "m = memoryview(bytearray(b'abc'))\nm[0] = 2**70", "m = memoryview(bytearray(b'abc'))\nm[0] = 'a'",
    "m = memoryview(bytearray(b'abc'))\nm[0:2] = b'x'", "m = memoryview(bytearray(b'abc'))\nm[0:1] = 5", "m = memoryview(bytearray(b'abc'))\nm['a'] = 5", "m = memoryview(bytearray(b'abc'))\nm[5] = 5",
    "m = memoryview(bytearray(b'abc'))\ndel m[0]", "m = memoryview(bytearray(b'abc'))\ndel m[0:1]", "m = memoryview(bytearray(4)).cast('H')\nm[0] = 65537", "m = memoryview(bytearray(4)).cast('H')\nm[0] = 1.0",
    "m = memoryview(bytearray(8)).cast('d')\nm[0] = 'a'", "m = memoryview(bytearray(2)).cast('c')\nm[0] = b'ab'", "m = memoryview(bytearray(2)).cast('c')\nm[0] = 1", "m = memoryview(bytearray(2)).cast('b')\nm[0] = 200",
    "m = memoryview(bytearray(4)).cast('H')\nm[0:1] = b'xy'", "m = memoryview(bytearray(b'ab'))\nm.toreadonly()[0] = 1",
    "b = bytearray(b'abc')\nm = memoryview(b)\nb.append(1)", "b = bytearray(b'abc')\nm = memoryview(b)\nb[0:1] = b'xy'", "b = bytearray(b'abc')\nm = memoryview(b)\nb += b'x'",
    "b = bytearray(b'abc')\nm = memoryview(b)\nb *= 2", "b = bytearray(b'abc')\nm = memoryview(b)\nb.clear()", "b = bytearray(b'abc')\nm = memoryview(b)\nb.pop()", "b = bytearray(b'abc')\nm = memoryview(b)\nb.remove(97)",
    "b = bytearray(b'abc')\nm = memoryview(b)\ndel b[0]", "b = bytearray(b'abc')\nm = memoryview(b)\ndel b[::2]", "b = bytearray(b'abc')\nm = memoryview(b)\nb.extend(b'x')", "b = bytearray(b'abc')\nm = memoryview(b)\nb.insert(0, 1)",
    "b = bytearray(b'abc')\nm = memoryview(b)\nb[0:2] = b'xy'\nb[0] = 1\nb *= 1\nb += b''\nb.reverse()\nreturn b, m.tolist()",
    "b = bytearray(b'abc')\nm = memoryview(b)\nm2 = m[1:]\nm.release()\ntry:\n    b.append(1)\nexcept BufferError as e:\n    r = str(e)\nm2.release()\nb.append(1)\nreturn r, b",
    "b = bytearray(b'abc')\nwith memoryview(b) as m:\n    m[0] = 120\n    try:\n        b.append(1)\n    except BufferError as e:\n        r = str(e)\nb.append(2)\nreturn r, b",
    "b = bytearray(b'abc')\nb += b", "b = bytearray()\nb += b\nreturn b", "b = bytearray(b'ab')\nb.extend(memoryview(b))",
    "b = bytearray(b'abcdef')\nm = memoryview(b)\nout = []\ntry:\n    for x in m:\n        out.append(x)\n        if x == 99:\n            m.release()\nexcept ValueError as e:\n    out.append(str(e))\nreturn out",
    "b = bytearray(12)\nm = memoryview(b).cast('H')\nm[::-2] = memoryview(bytearray(b'abcdef')).cast('H')\nm[:1] = memoryview(b'zz').cast('H')\nreturn b, m.tolist()",
    "try:\n    bytearray(b'a\\xff').decode()\nexcept UnicodeDecodeError as e:\n    return e.args, type(e.args[1]).__name__",
    "b = bytearray(b'\\xff')\ntry:\n    str(memoryview(b), 'utf-8')\nexcept UnicodeDecodeError as e:\n    err = e\nm = memoryview(b)\nm[0] = 0x41\nm.release()\nreturn err.args, b",
    "b = bytearray(b'ab')\nr = memoryview(b'ab') == b\nb.append(1)\nreturn r, b",
  ])).toEqual([]);
});

it('compares, hashes and releases views as CPython does', () => {
  expect(compareWithCPython([
    "a = memoryview(b'abcd')\nreturn a == b'abcd', b'abcd' == a, a == bytearray(b'abcd'), a == memoryview(bytearray(b'abcd')), a[::2] == b'ac', a == [97, 98, 99, 100], a == 'abcd', a.cast('H') == a, a.cast('H') == a.cast('h'), a.cast('H') == b'abcd', a.cast('c') == b'abcd', a.cast('b') == a",
    "x = memoryview(b'\\x01\\x00\\x00\\x00\\x00\\x00\\xf0\\x3f').cast('d')\ny = memoryview(b'\\x01\\x00\\x00\\x00').cast('i')\nreturn x == memoryview(b'\\x01\\x00\\x00\\x00\\x00\\x00\\xf0\\x3f').cast('Q'), memoryview(b'\\x01\\x00').cast('?') == memoryview(b'\\x01\\x00')",
    "m = memoryview(b'ab')\nreturn hash(m) == hash(b'ab'), hash(m[::-1]) == hash(b'ba'), hash(m.cast('c')) == hash(b'ab'), {m: 1}[b'ab'], {b'ab': 2}[m], m in {b'ab'}, hash(memoryview(bytearray(b'ab')).toreadonly()) == hash(b'ab')",
    "return hash(memoryview(bytearray(b'abc')))", "return {memoryview(bytearray(b'x')): 1}", "return hash(memoryview(b'abcd').cast('H'))",
    "m = memoryview(b'abc')\nm.release()\nm.release()\nreturn m == m, m == b'abc', m == memoryview(b'abc')",
    // a view is itself only once released: a live one compares its items, and a NaN is not a NaN
    "m = memoryview(b'\\x00\\x00\\x00\\x00\\x00\\x00\\xf8\\x7f').cast('d')\nf = memoryview(b'\\x00\\x00\\xc0\\x7f').cast('f')\nreturn m == m, m != m, f == f, [m] == [m], m in [m], m[::-1] == m",
    "m = memoryview(b'x')\nh = hash(m)\nm.release()\nreturn hash(m) == h",
    "m = memoryview(b'abc')\nm.release()\nreturn m[0]", "m = memoryview(b'abc')\nm.release()\nreturn len(m)", "m = memoryview(b'abc')\nm.release()\nreturn m.obj", "m = memoryview(b'abc')\nm.release()\nreturn m.tobytes()",
    "m = memoryview(b'abc')\nm.release()\nreturn hash(m)", "m = memoryview(b'abc')\nm.release()\nreturn bytes(m)", "m = memoryview(b'abc')\nm.release()\nreturn m[0:1]", "m = memoryview(b'abc')\nm.release()\nreturn memoryview(m)",
    "m = memoryview(b'abc')\nm.release()\nwith m:\n    pass", "m = memoryview(b'abc')\nm.release()\nreturn list(m)", "m = memoryview(b'abc')\nm.release()\nreturn m.cast('c')", "m = memoryview(b'abc')\nm.release()\nreturn b'x' + m",
    "with memoryview(b'ab') as m:\n    r = m.tolist()\nreturn r, str(m).startswith('<released memory')",
    "return hashlib.sha256(bytearray(b'a')).hexdigest(), hashlib.sha256(memoryview(b'ab')[:1]).hexdigest(), hashlib.md5(memoryview(b'abcd').cast('H')).hexdigest(), hashlib.blake2b(bytearray(b'x'), key=memoryview(b'k')).hexdigest()",
    "return hashlib.sha256(memoryview(b'abcd')[::2])",
  ].map((s) => (s.includes('hashlib') ? `import hashlib\n${s}` : s)))).toEqual([]);
});

it('sizes bytearrays against the limits and CPython\'s words past memory', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  // past any machine's memory or ssize_t: CPython's own answers, bytearray's words, not bytes'
  expect(compareWithCPython([
    "return bytearray(b'ab').ljust(2**62)",
    "return bytearray(b'ab').ljust(2**63 - 1)",
    "return bytearray(b'ab').center(2**63 - 20)",
    "return bytearray(b'ab').zfill(2**62)",
    "return bytearray(b'ab').rjust(2**47)",
    "return bytearray(b'ab').ljust(2**63)",
    "return b'ab'.ljust(2**63 - 1)",
    "return bytearray(b'a\\tb').expandtabs(2**62)",
    "return bytearray(2**47)",
    "b = bytearray(b'ab')\nb *= 2**62",
    "b = bytearray(b'ab')\nb *= 2**63",
    "return bytearray(b'ab') * (2**62 - 1)",
    "return bytearray(2**63 - 1)",
  ], engine)).toEqual([]);
  // within any machine's memory, the sandbox's size limit: nothing of a gigabyte is made
  for (const body of ['bytearray(10**9)', "bytearray(b'ab') * 10**9", "bytearray(b'ab').replace(b'', b'x' * 10**6)", "bytearray(b'x') * 10**6 + bytearray(10**6)"]) {
    expect(error(`return ${body}`)).toMatch(/^MemoryError: condition built a value of/);
  }
});

// memory_subscript and memory_ass_sub: _PyIndex_Check only looks for nb_index, then PyNumber_AsSsize_t calls a class's __index__ once, in its type's name past ssize_t
it("calls a key's __index__ once, as CPython does", () => {
  expect(compareWithCPython([
    "n = []\nclass I:\n    def __index__(self):\n        n.append(1)\n        return 1\nm = memoryview(b'abc')\nreturn m[I()], len(n)",
    "n = []\nclass I:\n    def __index__(self):\n        n.append(1)\n        return 1\nm = memoryview(bytearray(b'abc'))\nm[I()] = 5\nreturn m.tobytes(), len(n)",
    "n = []\nclass I:\n    def __index__(self):\n        n.append(1)\n        return 1\nm = memoryview(b'abcdef')\nreturn m[I():I()].tobytes(), len(n)",
    "n = []\nclass I:\n    def __index__(self):\n        n.append(1)\n        return 9\nm = memoryview(b'abc')\ntry:\n    m[I()]\nexcept IndexError as e:\n    return str(e), len(n)",
    "n = []\nclass I:\n    def __index__(self):\n        n.append(1)\n        return 1\nreturn b'abc'[I()], bytearray(b'abc')[I()], [1,2,3][I()], 'abc'[I()], (1,2,3)[I()], range(5)[I()], len(n)",
    "n = []\nclass I:\n    def __index__(self):\n        n.append(1)\n        return 1\nm = memoryview(bytes(range(12))).cast('B', (3, 4))\nreturn m[I(), I()], len(n)",
    "n = []\nclass I:\n    def __index__(self):\n        n.append(1)\n        return 1\nm = memoryview(bytes(range(12))).cast('B', (3, 4))\ntry:\n    m[I()]\nexcept NotImplementedError as e:\n    return str(e), len(n)",
    "n = []\nclass I:\n    def __index__(self):\n        n.append(1)\n        return 1\nm = memoryview(bytearray(range(12))).cast('B', (3, 4))\ntry:\n    m[I()] = 1\nexcept NotImplementedError as e:\n    return str(e), len(n)",
    "n = []\nclass I:\n    def __index__(self):\n        n.append(1)\n        return 1\nm = memoryview(bytes(range(12))).cast('B', (3, 4))\ntry:\n    m[I(), I(), I()]\nexcept TypeError as e:\n    return str(e), len(n)",
    "class I:\n    def __index__(self):\n        return 2**70\nm = memoryview(b'abc')\ntry:\n    m[I()]\nexcept IndexError as e:\n    return str(e)",
    "class I:\n    def __index__(self):\n        return 'x'\nm = memoryview(b'abc')\ntry:\n    m[I()]\nexcept TypeError as e:\n    return str(e)",
    "import enum\nclass E(enum.IntEnum):\n    A = 1\nclass J(int): pass\nm = memoryview(b'abc')\nreturn m[E.A], m[J(2)], m[True]",
    "class I:\n    def __index__(self):\n        return 2**70\nm = memoryview(bytes(range(12))).cast('B', (3, 4))\ntry:\n    m[1, I()]\nexcept IndexError as e:\n    return str(e)",
    "m = memoryview(b'abc')\ntry:\n    m[2**70]\nexcept IndexError as e:\n    return str(e)",
    "m = memoryview(b'abc')\ntry:\n    m[True, 2**70]\nexcept TypeError as e:\n    return str(e)",
  ])).toEqual([]);
});
