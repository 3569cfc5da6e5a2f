import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** bytearray: every constructor form, bytes' methods made bytearray, the changes in place, and its errors, against CPython. */
it('makes, reads and changes bytearrays as CPython does', () => {
  expect(compareWithCPython([
    "return bytearray(), bytearray(3), bytearray(b'ab'), bytearray([65, 66]), bytearray('hé', 'utf-8'), bytearray('é', 'ascii', 'ignore'), bytearray(source=b'x'), bytearray(range(3)), bytearray(True)",
    "return bytearray(bytearray(b'x')), bytearray(memoryview(b'abcd')[::2]), bytearray(memoryview(b'abcd').cast('H')), bytearray((x for x in [1, 2]))",
    'return bytearray(-1)', 'return bytearray(1.5)', 'return bytearray([300])', "return bytearray(['a'])", "return bytearray('x')", "return bytearray(b'abc', 'utf-8')",
    "return bytearray('é', 'ascii')", 'return bytearray(x=1)', 'return bytearray(1, 2, 3, 4)', 'return bytearray(None)', 'return bytearray([-1])', 'return bytearray([2**70])',
    'return bytearray(2**63)', 'return bytearray(-2**63 - 1)', "return bytearray(1, errors='strict')",
    "b = bytearray(b'hello')\nreturn len(b), list(b), b[0], b[-1], b[1:3], b[::-1], b[::2], b + b'!', b + bytearray(b'?'), b'<' + b, b * 2, 2 * b, b * 0, b * -1, b'ell' in b, 108 in b, bytearray(b'ell') in b'hello', bool(bytearray()), bool(b)",
    "b = bytearray(b'ab')\nreturn repr(b), str(b), f'{b}', '%s' % b, repr(bytearray(b\"it's\")), repr(bytearray(b'\"\\''))", "return bytearray(b'\\x00\\xff\\n')",
    "return bytearray(b'a') == b'a', b'a' == bytearray(b'a'), bytearray(b'a') != b'b', bytearray(b'a') < b'b', b'a' < bytearray(b'b'), bytearray(b'b') >= bytearray(b'a'), bytearray(b'x') == 'x', bytearray(range(256)) == bytes(range(256))",
    "return bytearray(b'a') == memoryview(b'a'), bytearray(b'a') < memoryview(b'b'), bytearray(b'ac') == memoryview(b'abcd')[::2], bytearray(b'abcd') == memoryview(b'abcd').cast('H'), memoryview(b'abcd').cast('H') == bytearray(b'abcd')",
    "return bytearray(b'x') < 'x'", "return hash(bytearray())", "return {bytearray(): 1}", "return {bytearray()}", "return dict.fromkeys([bytearray()])",
    "return type(bytearray()).__name__, isinstance(bytearray(), bytearray), isinstance(bytearray(), bytes), isinstance(b'', bytearray), type(bytearray(b'a') + b'a').__name__, type(b'a' + bytearray(b'a')).__name__",
    "return bytearray(b'ab')[2]", "return bytearray(b'ab')[-3]", "return bytearray(b'ab')['x']", "return bytearray(b'ab')[2**70]", "return bytearray(b'ab') + 'c'", "return bytearray(b'ab') + [1]", "return bytearray(b'abc') * 'a'",
    "return bytearray(b'a') * 2**62", "return bytearray(b'a') * 2**63", "return bytearray(b'a') * (2**63 - 1)",
    "return bytearray(b'%d-%s') % (5, b'x'), bytearray(b'%s') % bytearray(b'y'), b'%s|%b' % (bytearray(b'x'), memoryview(b'abcd')[::2]), b'%c' % bytearray(b'z')",
    "return json.dumps(bytearray())", "data['b'] = bytearray(b'x')\nreturn True", "return format(bytearray(b'x'), '10')", "return format(bytearray(b'x'), '')",
    "return sum(bytearray(b'\\x01\\x02')), sorted(bytearray(b'ba')), max(bytearray(b'abz')), list(enumerate(bytearray(b'ab'))), [x for x in bytearray(b'ab')]",
    "match bytearray(b'ab'):\n    case bytearray(x):\n        return x",
    "match bytearray(b'ab'):\n    case bytes():\n        return 1\n    case _:\n        return 2",
  ])).toEqual([]);
});

it("has bytes' methods, which make bytearrays", () => {
  expect(compareWithCPython([
    "b = bytearray(b' Hello World ')\nreturn b.strip(), b.lstrip(), b.rstrip(b' d'), b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize(), b.split(), b.rsplit(b'o', 1), b.replace(b'l', b'L'), b.center(20, b'*'), b.ljust(15), b.rjust(15), b.zfill(16)",
    "b = bytearray(b'a-b-c')\nreturn b.partition(b'-'), b.rpartition(bytearray(b'-')), b.partition(b'z'), b.rpartition(b'z'), b.removeprefix(b'a'), b.removesuffix(b'z'), b.join([b'1', bytearray(b'2'), memoryview(b'3')]), b.expandtabs()",
    "b = bytearray(b'abcabc')\nreturn b.find(b'c'), b.rfind(99), b.index(memoryview(b'b')), b.rindex(bytearray(b'a')), b.count(b'bc'), b.startswith(b'ab'), b.endswith((b'x', memoryview(b'bc'))), b.find(b'x', 0, 10**30)",
    "b = bytearray(b'ab1')\nreturn b.isalnum(), b.isalpha(), b.isdigit(), b.isspace(), b.isupper(), b.islower(), b.isascii(), b.hex(), b.hex(':'), b.decode(), bytearray.fromhex('61 62'), bytearray(b'ab').fromhex('63')",
    "return bytearray(b'a').startswith('a')", "return bytearray(b'x').join([1])", "return bytearray(b'a').count(300)", "return bytearray(b'a').upper(1)", "return bytearray.fromhex('zz')",
    "return bytearray(b'\\xff').decode()", "return bytearray(b'ab').split(memoryview(b'abcd')[::2])", "return b'ab'.startswith(memoryview(b'abcd')[::2])",
    "s = bytearray(b'ab')\nt = s.strip()\nu = s.removeprefix(b'z')\nv = s.partition(b'z')[0]\nt.append(1)\nu.append(2)\nv.append(3)\nreturn s, t, u, v, s.copy() is s",
    "return b'x'.join([memoryview(b'a'), bytearray(b'b')]), b''.join([bytearray(b'a')]), b'ab'.center(6, bytearray(b'*')), b'abc'.find(memoryview(b'c')), memoryview(b'a') in b'cab', b'ab' + memoryview(b'c')",
    "return b'x'.join([memoryview(b'abcd')[::2]])", "return b'a' + memoryview(b'abcd')[::2]", "return b'abc'.find(memoryview(b'abcd')[::2])", "return memoryview(b'abcd')[::2] in b'abc'",
    "return str(bytearray(b'a'), 'utf-8'), str(memoryview(b'\\xc3\\xa9'), 'utf-8'), int.from_bytes(bytearray(b'\\x01\\x00'), 'big'), int.from_bytes(memoryview(b'\\x01\\x02\\x03')[::2], 'little')",
    "return str(memoryview(b'abcd')[::2], 'utf-8')", "return 'a'.join([bytearray(b'a')])",
  ])).toEqual([]);
});

it('changes a bytearray in place as CPython does', () => {
  expect(compareWithCPython([
    "b = bytearray(b'abc')\nb.append(100)\nb.extend(b'ef')\nb.extend([103, 104])\nb.extend(bytearray(b'i'))\nb.extend(memoryview(b'j'))\nb.extend(x for x in b'k')\nb.insert(0, 95)\nb.insert(-1, 96)\nb.insert(100, 97)\nb.insert(-100, 98)\nreturn b",
    "b = bytearray(b'abcdef')\nreturn b.pop(), b.pop(0), b.pop(-2), b, b.remove(99), b, b.reverse(), b, b.copy(), b.clear(), b",
    "b = bytearray(b'abc')\nb.extend(b)\nb[:] = b\nb += b\nreturn b",
    "b = bytearray(b'abcdef')\nb[::-1] = b\nc = bytearray(b'abcdef')\nc[1:] = c\nreturn b, c", "c = bytearray(b'abcdef')\nc[:2] = memoryview(c)[3:]",
    "b = bytearray(b'ab')\nc = b\nb += b'c'\nb += bytearray(b'd')\nb += memoryview(b'e')\nb *= 2\nreturn c is b, c",
    "b = bytearray(b'ab')\nb *= -1\nreturn b", "b = bytearray(b'ab')\nb *= 0\nb += b'x'\nb *= True\nreturn b",
    "b = bytearray(b'abcdef')\nb[0] = 65\nb[-1] = True\nb[1:3] = b'XYZ'\nb[0:0] = [1, 2]\nb[len(b):] = bytearray(b'!')\nb[2:1] = b'<'\nreturn b",
    "b = bytearray(b'abcdef')\nb[::2] = b'XYZ'\nb[::-2] = [1, 2, 3]\nb[1:5:3] = memoryview(b'QR')\nb[::2] = b''\nreturn b",
    "b = bytearray(b'abcdef')\ndel b[0]\ndel b[-1]\ndel b[1:2]\nreturn b", "b = bytearray(b'abcdefgh')\ndel b[::2]\nreturn b", "b = bytearray(b'abcdefgh')\ndel b[::-3]\ndel b[5:1:-1]\nreturn b",
    "b = bytearray(b'abcdefghijkl')\ndel b[1:7:2]\nc = bytearray(b'abcdefghijkl')\ndel c[8:1:-3]\nd = bytearray(b'abcdefghijkl')\nd[2:9:3] = b''\nreturn b, c, d",
    "b = bytearray(b'abcdef')\nb[1:3] = b''\nb[:] = bytearray()\nreturn b", "b = bytearray(b'abc')\nb[:2] = (x for x in range(5))\nreturn b",
    "b = bytearray(b'abc')\nb[::2] = b'xyz'", "b = bytearray(b'abcdef')\nb[::-2] = b'xy'", "b = bytearray(b'abcdef')\nb[1:5:2] = [1, 2, 3]",
    "b = bytearray(b'abc')\nb[0] = 256", "b = bytearray(b'abc')\nb[0] = b'a'", "b = bytearray(b'abc')\nb[5] = 1", "b = bytearray(b'abc')\ndel b[5]", "b = bytearray(b'abc')\nb['a'] = 1",
    "b = bytearray(b'abc')\nb[0:1] = 5", "b = bytearray(b'abc')\nb[0:1] = 'x'", "b = bytearray(b'abc')\nb[0:1] = [300]", "b = bytearray(b'abc')\nb[0:1] = None", "b = bytearray(b'abc')\nb[0:1] = 1.5",
    "b = bytearray(b'abc')\nb[0:1:0] = b''", "b = bytearray(b'abc')\nb['a':] = b''",
    "return bytearray(b'abc').append(256)", "return bytearray(b'abc').append('a')", "return bytearray(b'ab').append()", "return bytearray(b'abc').pop(10)", "return bytearray().pop()",
    "return bytearray(b'abc').pop(-4)", "return bytearray(b'abc').remove(120)", "return bytearray(b'ab').remove(300)", "return bytearray(b'ab').insert(0, 300)", "return bytearray(b'ab').insert(0)",
    "b = bytearray(b'abc')\nb.extend(5)", "b = bytearray(b'abc')\nb.extend('ab')", "b = bytearray(b'abc')\nb.extend([1, 'a'])", "b = bytearray(b'abc')\nb.extend(memoryview(b'abcd')[::2])",
    "b = bytearray(b'abc')\nb += 'a'", "b = bytearray(b'abc')\nb += [1]", "b = bytearray(b'abc')\nb *= 'a'", "b = bytearray(b'ab')\nb *= 2**62",
    "b = bytearray(b'ab')\nout = []\nfor x in b:\n    out.append(x)\n    if len(b) < 5:\n        b.append(x + 1)\nreturn out, b",
  ])).toEqual([]);
});

/** bytearray and memoryview where other builtins meet them: int() and float() of bytes-like objects, sequence patterns, containers, unbound methods, augmented items; a slice bound that is not an int, in CPython's words for every sequence. */
it('meets the other builtins as CPython does', () => {
  expect(compareWithCPython([
    "return [1]['a':]",
    "return (1,)[:'b']",
    "return 'ab'[::'c']",
    "return bytearray(b'a')['a':]",
    "return memoryview(b'a')['a':]",
    "return memoryview.tobytes(memoryview(b'ab')), memoryview.hex(memoryview(b'ab'))",
    "match bytearray(b'ab'):\n    case [a, b]:\n        return a, b\n    case _:\n        return 'no'",
    "match memoryview(b'ab'):\n    case [a, b]:\n        return a, b\n    case _:\n        return 'no'",
    "return int(b'12'), int(bytearray(b'12')), float(bytearray(b'1.5'))",
    "return int(memoryview(b'12'))",
    "return float(memoryview(b'1.5'))",
    "return int(bytearray(b'ff'), 16), int(bytearray(b'x'))",
    "return '%d' % bytearray()",
    "return list(reversed(bytearray(b'abc')))",
    "return list(reversed(memoryview(b'abc')))",
    "return tuple(memoryview(b'ab')), set(bytearray(b'aa')), dict(zip(bytearray(b'ab'), memoryview(b'cd')))",
    "return min(memoryview(b'ba')), any(bytearray(2)), bytearray(b'a') or 5, memoryview(b'') or 6",
    "return bytes.upper(bytearray(b'a'))",
    "import collections\nreturn collections.Counter(bytearray(b'aab')), collections.deque(memoryview(b'ab'))",
    "return bytearray(b'abc').split(maxsplit=1), bytearray(b'a b').rsplit(None, 1), bytearray(b'a').hex(sep='-'), bytearray(b'ab').decode(errors='strict')",
    "return str(bytearray(b'\\xff'), 'utf-8', 'replace'), bytearray('\u20ac', 'utf-8').decode()",
    "return bytearray(b'x').join(x for x in [b'a', b'b'])",
    "b = bytearray(b'abc')\nfor i, x in enumerate(b):\n    b[i] = x + 1\nreturn b",
    "b = bytearray(b'abc')\nb[1] += 1\nb[0] -= 1\nreturn b",
    "b = bytearray(b'abc')\nb[1] += 200",
    "b = bytearray(3)\nb[0], b[1] = 1, 2\nreturn b",
    "m = memoryview(bytearray(b'abc'))\nm[1] += 1\nreturn m.obj",
    "return sorted([bytearray(b'b'), b'a', bytearray(b'c')])",
    "return max(bytearray(b'b'), b'a')",
    "return bytearray(b'a') + memoryview(b'abcd')[::2]",
    "return b'' + bytearray(b'x'), bytearray() + bytearray()",
    "return 1 in memoryview(b'\\x01'), b'a' in memoryview(b'a').cast('c')",
    "return (5).to_bytes(2, 'big') + bytearray(b'x')",
    "return bytearray(5).zfill(2), bytearray(b'a\\tb').expandtabs(4)",
    "return int(b' 12 '), int(bytearray(b'-1_000')), int(memoryview(b'7')), int(b'ff', 16), int(bytearray(b'0x1f'), 0), float(b' 1.5 '), float(bytearray(b'1e3')), float(memoryview(b'inf')), float(b'1_0')",
    "return int(b'1\\x002')",
    "return int(b'\\xb2')",
    "return int(bytearray(b'x' * 300))",
    "return int(memoryview(b'12'), 10)",
    "return int(memoryview(b'1234')[::2])",
    "return float(bytearray(b'x'))",
    "return float(b'\\xa01')",
    "return int(b'9' * 5000)",
    "match memoryview(b'abc'):\n    case [a, *rest]:\n        return a, rest",
    "m = memoryview(b'ab')\nm.release()\nmatch m:\n    case [a, b]:\n        return 1",
  ])).toEqual([]);
});

/** Hostile bytearrays and views: each ends at the size limit or the budget, in good time, and nothing of a gigabyte is made. */
it("takes slice objects, re's flags and a class's __index__ where CPython does", () => {
  const I = `class I:\n    def __index__(self):\n        return 1\nimport re\n`;
  expect(compareWithCPython([
    `b = bytearray(b'abcdef')\nreturn b[slice(0, 2)], b[slice(None, None, -2)]`,
    `b = bytearray(b'abcdef')\ndel b[slice(1, None, 2)]\nreturn b`,
    `b = bytearray(b'abcdef')\nb[slice(0, 1)] = b'zz'\nreturn b`,
    `b = bytearray(b'abcdef')\nm = memoryview(b)\nm[slice(0, 2)] = b'XY'\nreturn b, m[slice(1, 3)].tobytes()`,
    `${I}return bytes(I()), bytes([I()]), bytearray(I()), bytearray([I()]), bytearray(re.I), bytes([re.I])`,
    `${I}b = bytearray(b'abc')\nb[I()] = I()\nb.append(I())\nreturn b, b[re.I], memoryview(b)[I()], memoryview(b)[re.I], b'abc'[I()]`,
  ])).toEqual([]);
});

it('stops hostile growth, copies and walks at the limits', () => {
  const engine = new Engine();
  const hostile = [
    "b = bytearray(b'x')\nwhile True:\n    b.extend(b)",
    "b = bytearray()\nwhile True:\n    b += b'x' * 1000",
    "b = bytearray(b'x')\nwhile True:\n    b *= 2",
    "b = bytearray(b'x')\nwhile True:\n    b[:] = b + b",
    "b = bytearray()\nwhile True:\n    b.append(1)",
    "b = bytearray(b'ab')\nfor x in b:\n    b.append(x)",
    "b = bytearray(b'ab')\nfor x in b:\n    b.extend(b)",
    'b = bytearray(999999)\nwhile True:\n    b[1::2] = b[:len(b) // 2]\n    b[::-1] = b\n    del b[::3]\n    b.extend(bytearray(len(b) // 2))',
    'b = bytearray(999999)\nwhile True:\n    b.insert(0, 1)\n    b.pop(0)',
    'b = bytearray(999999)\nwhile True:\n    b.reverse()\n    b.remove(1) if 1 in b else b.append(1)',
    "m = memoryview(bytearray(999992)).cast('q')\nwhile True:\n    m.tolist()",
    "m = memoryview(bytes(999992)).cast('d')\nwhile True:\n    m == m[::1]",
    "m = memoryview(bytes(999999))\nwhile True:\n    m = memoryview(m)[::-1]\n    hash(m.toreadonly())",
    "b = bytearray(999999)\nwhile True:\n    b.hex(':')\n    b.decode()\n    b.split(b'\\x00', 1000)",
    "b = bytearray(999999)\nwhile True:\n    bytearray(b) < b\n    b == bytes(b)",
  ];
  for (const source of hostile) {
    const started = performance.now();
    const error = evaluator(engine, { source }).error ?? '';
    const ms = performance.now() - started;
    expect(error, source).toMatch(/^(MemoryError: condition built a value of|StepLimitError)/);
    // the run's budget is 50 ms of steps; seconds of headroom for a loaded machine
    expect(ms, source).toBeLessThan(3000);
  }
});

// found by a seeded differential fuzz: bytearray_ass_subscript reads the byte before it checks the index's range
it('reads the value of b[i] = v before the index is checked against the length, as CPython does', () => {
  expect(compareWithCPython([
    `x = bytearray(b'')\nx[0] = 300`, `x = bytearray(b'ab')\nx[5] = 'q'`, `x = bytearray(b'ab')\nx[-3] = -1`, `x = bytearray(b'ab')\nx['a'] = 300`,
    `x = bytearray(b'ab')\nx[2**63] = 300`, `x = bytearray(b'ab')\nx[-1] = 65\nreturn x`, `x = bytearray(b'ab')\nx[2] = 65`,
  ])).toEqual([]);
});

it('keeps a bytearray put in the context out of the next condition, as JSON', () => {
  const engine = new Engine();
  expect(evaluator(engine, { source: "data['b'] = bytearray(b'x')\nreturn True" }).error).toBe('TypeError: Object of type bytearray is not JSON serializable');
  expect(evaluator(engine, { source: "data['m'] = memoryview(b'x')\nreturn True" }).error).toBe('TypeError: Object of type memoryview is not JSON serializable');
});
