import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/engine.js';
import { compareWithCPython, cpython, evaluator } from '../support/cpython.js';
import { MODULES } from '../../src/lang/runtime/modules.js';

const S = 'import struct\n';
/** The clock loosened for the comparisons (steps still count): a loaded CI machine is no test of the answers. */
const roomy = () => new Engine({ maxMillis: 10_000, requestMillis: 10_000 });

/** Every integer code in every byte order, at the edges of every range: the bytes, or the error in _struct.c's words for the routine that mode gives the code. */
it('packs integers as CPython does, with its range errors', () => {
  const values = ['-2**64', '-2**63-1', '-2**63', '-2**31-1', '-2**31', '-32769', '-32768', '-129', '-128', '-1', '0', '127', '255', '256', '32767', '65535', '65536', '2**31-1', '2**31', '2**32-1', '2**32', '2**53+1', '2**63-1', '2**63', '2**64-1', '2**64', 'True', '1.0', "'1'", 'None'];
  const cases: string[] = [];
  for (const order of ['@', '=', '<', '>', '!']) {
    for (const c of 'bBhHiIlLqQnNP') {
      cases.push(`${S}out = []\nfor v in [${values.join(', ')}]:\n    try:\n        b = struct.pack('${order}${c}', v)\n        out.append((b, struct.unpack('${order}${c}', b)))\n    except Exception as e:\n        out.append((type(e).__name__, str(e)))\nreturn out`);
    }
  }
  expect(compareWithCPython(cases, roomy())).toEqual([]);
});

it('packs floats, halves and bools as CPython does', () => {
  const values = ['0', '-0.0', '1', '1.5', '0.1', '-2.5', '1e300', '-1e-300', 'float("nan")', "float('inf')", "float('-inf')", '65504.0', '65519.0', '65519.99', '65520.0', '5.960464477539063e-08', '2.9802322387695312e-08', '2.980232238769532e-08', '8.940696716308594e-08', '6.103515625e-05', '6.1e-05',
    '3.4e38', '3.4028235e38', '3.4028235677973366e38', '3.5e38', '1e-46', '2**1024', '10**400', 'True', "'x'", 'None', '[]', '2**53+1'];
  const cases: string[] = [];
  for (const order of ['@', '<', '>', '=']) {
    for (const c of 'efd?') {
      cases.push(`${S}out = []\nfor v in [${values.join(', ')}]:\n    try:\n        b = struct.pack('${order}${c}', v)\n        out.append((b, struct.unpack('${order}${c}', b)))\n    except Exception as e:\n        out.append((type(e).__name__, str(e)))\nreturn out`);
    }
  }
  // every half-precision bit pattern reads back as CPython's
  // in chunks, so that a cold start on a loaded machine stays within a run's 50 ms
  for (let h = 0; h < 65536; h += 8192) cases.push(`${S}return [struct.unpack('<e', struct.pack('<H', h))[0] for h in range(${h}, ${h + 8192}, 67)]`);
  for (let x = -3000; x < 3000; x += 1000) cases.push(`${S}return [struct.pack('>e', x / 4096) for x in range(${x}, ${x + 1000}, 11)]`);
  cases.push(`${S}return [struct.pack('<e', 2.0 ** -k * 1.3) for k in range(0, 30)]`);
  expect(compareWithCPython(cases, roomy())).toEqual([]);
});

it('reads formats as CPython does: sizes, alignment, counts and their errors', () => {
  const formats = ['', 'x', '3x', 'i', '3s', '0s', '0i', '0p', 'ci', 'bi', 'bq', 'bhi', 'hd', 'b x i', ' i ', '3 i', '2', '<3', 'Z', '@n', '<n', '<P', '>N', '\\0', 'i\\0', '999999999999999999999i', '9223372036854775807x',
    '9223372036854775808x', '9223372036854775807i', '4611686018427387904h', '1152921504606846975q', '=?', '2?e', 'be', 'bf', '<bf', '!bd', '@bP', 'b\\ti', '=bq', '5s3pxh', 'i@', 'ii<', '\\n', '10c2h', ' ', '@', '<', '3 ', '12 ', 'é', 'iq'];
  const cases = formats.map((f) => `${S}try:\n    return struct.calcsize('${f}')\nexcept Exception as e:\n    return type(e).__name__, str(e)`);
  cases.push(`${S}return struct.calcsize(b'<iq'), struct.Struct(b'>h').format, struct.Struct('<h').format`);
  for (const bad of ['3', 'None', 'bytearray(b"i")', '[1]', 'memoryview(b"i")']) cases.push(`${S}try:\n    return struct.calcsize(${bad})\nexcept Exception as e:\n    return type(e).__name__, str(e)`);
  for (const bad of ['3', 'bytearray(b"i")']) cases.push(`${S}try:\n    return struct.Struct(${bad})\nexcept Exception as e:\n    return type(e).__name__, str(e)`);
  expect(compareWithCPython(cases, roomy())).toEqual([]);
});

const PROBES = `struct.pack('0p')
struct.pack('0p', b'abc')
struct.unpack('0p', b'')
struct.pack('1p', b'abc')
struct.pack('3p', b'abcdef')
struct.unpack('3p', b'\\xffab')
struct.pack('300p', b'a'*299)[:3]
struct.unpack('300p', b'\\xff' + b'a'*299)[0][:3]
struct.pack('c', bytearray(b'a'))
struct.pack('c', 'a')
struct.pack('c', b'ab')
struct.pack('s', 'a')
struct.pack('3s', bytearray(b'ab'))
struct.pack('3s', memoryview(b'ab'))
struct.pack('p', 'a')
struct.pack('i')
struct.pack('i', 1, 2)
struct.pack('3s', b'a', 1)
struct.pack('2s3x', b'a')
struct.pack()
struct.pack(1)
struct.pack(b'i', 1)
struct.pack('\\u00e9', 1)
struct.pack(bytearray(b'i'), 1)
struct.pack(fmt='i')
struct.pack('i', x=1)
struct.unpack('i', b'abc')
struct.unpack('i', b'abcde')
struct.unpack('i', 'abcd')
struct.unpack('i', bytearray(b'abcd'))
struct.unpack('i', memoryview(b'abcdabcd')[::2])
struct.unpack('i')
struct.unpack('i', b'abcd', 1)
struct.unpack(format='i', buffer=b'abcd')
struct.unpack_from('i', b'abcdef', 1)
struct.unpack_from('i', b'abcdef', 3)
struct.unpack_from('i', b'abcdef', -2)
struct.unpack_from('i', b'abcdef', -6)
struct.unpack_from('i', b'abcdef', -7)
struct.unpack_from('i', b'abcdef', 7)
struct.unpack_from('i', buffer=b'abcdef', offset=2)
struct.unpack_from('i', b'abcdef', offset=2.0)
struct.unpack_from('i', b'abcdef', 2**70)
struct.unpack_from('i', b'ab')
struct.unpack_from(format='i', buffer=b'abcdef')
struct.unpack_from('i', b'abcdef', offset=-1)
struct.unpack_from('i')
struct.unpack_from('i', b'abcdef', 0, 1)
struct.unpack_from('i', b'abcdef', bogus=1)
struct.calcsize()
struct.calcsize('i', 'i')
struct.calcsize(3)
list(struct.iter_unpack('h', b'abcd'))
struct.iter_unpack('h', b'abc')
struct.iter_unpack('', b'abc')
struct.iter_unpack('0i', b'')
type(struct.iter_unpack('h', b'abcd'))
struct.iter_unpack('h', 'ab')
struct.pack_into('i', b'abcd', 0, 1)
struct.pack_into('i', bytearray(4), 0, 1)
struct.pack_into('i', bytearray(4), 1, 1)
struct.pack_into('i', bytearray(4), -4, 1)
struct.pack_into('i', bytearray(4), -5, 1)
struct.pack_into('i', bytearray(4), -3, 1)
struct.pack_into('i', bytearray(4), 5, 1)
struct.pack_into('i', bytearray(4), 4, 1)
struct.pack_into('i', bytearray(4))
struct.pack_into('i', bytearray(4), 0)
struct.pack_into('i')
struct.pack_into()
struct.pack_into('i', bytearray(4), 0, 1, 2)
struct.pack_into('i', memoryview(b'abcd'), 0, 1)
struct.pack_into('i', memoryview(bytearray(8))[::2], 0, 1)
struct.pack_into('i', 'abcd', 0, 1)
struct.pack_into('i', bytearray(4), 'a', 1)
struct.pack_into('i', bytearray(4), 0, 1.0)
struct.Struct('i').format
struct.Struct(b'<i').format
struct.Struct('i').size
struct.Struct(format='i').size
struct.Struct()
struct.Struct(1)
struct.Struct('i', 'h')
struct.Struct(fmt='i')
struct.Struct('i').pack(1)
struct.Struct('i').pack(x=1)
struct.Struct('i').unpack(b'abcd')
struct.Struct('i').unpack(buffer=b'abcd')
struct.Struct('i').unpack()
struct.Struct('i').unpack_from(b'abcdef', offset=1)
struct.Struct('i').unpack_from(b'abcdef', 1)
struct.Struct('i').unpack_from()
struct.Struct('ii').pack_into(bytearray(8), 0, 1, 2)
struct.Struct('ii').pack_into(bytearray(8), 0, 1)
struct.Struct('i').calcsize
type(struct.Struct('i'))
struct.Struct
struct.error
struct.error.__mro__
struct.error('x')
struct.Struct('i') == struct.Struct('i')
struct.Struct.__name__
struct.Struct.__mro__
(isinstance(struct.Struct('i'), struct.Struct), issubclass(struct.error, Exception), isinstance(struct.error('x'), struct.error), type(struct.Struct('i')) is struct.Struct)
(struct.Struct.__module__, struct.error.__module__, struct.Struct.__qualname__)
struct.unpack('>q', b'\\x80' + b'\\0'*7)
struct.unpack('<Q', b'\\xff'*8)
struct.unpack('P', b'\\xff'*8)
struct.unpack('@n', b'\\xff'*8)
struct.unpack('?', b'\\x02')
struct.unpack('e', b'\\x01\\x7c')
struct.unpack('>e', b'\\x00\\x01')
struct.pack('?', 2)
struct.pack('5s', b'abcdefgh')
struct.pack('3x')
struct.pack('2xi', 3)
struct.pack('ci', b'a', 1)
struct.pack('<ci', b'a', 1)
struct.pack('<5xq', 1)
struct.unpack('x', b'a')
struct.unpack('3s2p', b'abc\\x01d')
struct.unpack('@bhiqd', struct.pack('@bhiqd', -1, -2, -3, -4, 0.5))
struct.unpack('>3H2s', b'\\x00\\x01\\x00\\x02\\x00\\x03ab')
struct.pack('>10B', *range(10))
struct.unpack('<4?', b'\\x00\\x01\\x02\\xff')
struct.pack('i', 2**1000)
struct.pack('<h', 2.5)
struct.pack('1000000i')
struct.unpack('1000000000i', b'')`.split('\n');

it('answers the module functions and Struct objects in CPython\'s words', () => {
  const cases = PROBES.map((p) => `${S}try:\n    return ${p}\nexcept Exception as e:\n    return type(e).__module__, type(e).__name__, str(e)`);
  cases.push(`${S}b = bytearray(b'\\xff' * 10)\nstruct.pack_into('<xhx', b, 2, 5)\nreturn b`);
  cases.push(`${S}b = bytearray(b'\\xff' * 10)\ntry:\n    struct.pack_into('<hhh', b, 1, 1, 2, 'x')\nexcept struct.error as e:\n    return b, str(e)`);
  cases.push(`${S}b = bytearray(8)\nm = memoryview(b)\nstruct.pack_into('>I', m, 2, 0xdeadbeef)\nreturn b, m.tobytes()`);
  cases.push(`${S}b = bytearray(8)\nstruct.pack_into('>I', memoryview(b)[4:], 0, 7)\nreturn b`);
  cases.push(`${S}it = struct.iter_unpack('<hb', bytes(range(9)))\nx = next(it)\nreturn x, list(it), list(it), type(it).__name__`);
  cases.push(`${S}struct.pack('i', 'x')`);
  cases.push(`${S}return repr(struct.error('x')), struct.error, struct.error.__name__, struct.Struct.__name__`);
  cases.push(`${S}return [struct.pack('<e', 2**k) for k in range(14, 18)]`);
  cases.push(`${S}b = bytearray(4)\nfor x in struct.iter_unpack('h', b):\n    break\nb.append(1)\nreturn x, b, [y for y in struct.iter_unpack('<h', bytearray(b'\\x01\\x00\\x02\\x00'))]`);
  cases.push(`${S}s = struct.Struct('<2h')\nreturn s.pack(1, 2), s.unpack(b'\\x01\\x00\\x02\\x00'), s.unpack_from(b'xx\\x01\\x00\\x02\\x00', 2), list(s.iter_unpack(bytes(8))), s.size, s.format`);
  cases.push(`${S}class I:\n    def __index__(self):\n        return 7\nclass F:\n    def __float__(self):\n        return 2.5\nreturn struct.pack('<iHd', I(), I(), F()), struct.pack('<d', I())`);
  cases.push(`${S}class B:\n    def __float__(self):\n        raise ValueError('no')\ntry:\n    struct.pack('d', B())\nexcept Exception as e:\n    return type(e).__name__, str(e)`);
  cases.push(`${S}class N(int):\n    pass\nclass Bs(bytes):\n    pass\nreturn struct.pack('<h3s', N(5), Bs(b'ab'))`);
  cases.push(`${S}try:\n    struct.pack('i', 'x')\nexcept struct.error as e:\n    return isinstance(e, Exception), e.args`);
  expect(compareWithCPython(cases, roomy())).toEqual([]);
});

/** Hostile sizes end within the limits, and quickly: refused by the size or step limits where CPython would build them. */
it('holds huge and hostile formats to the limits', () => {
  // the steps and the size limit decide, not a loaded machine's clock; the time each takes is asserted below
  const engine = new Engine({ maxMillis: 5_000, requestMillis: 5_000 });
  const cases = [
    `${S}return struct.pack('100000000x')`,
    `${S}return struct.unpack('999999999i', b'')`,
    `${S}return len(struct.pack('9999x' * 1000))`,
    `${S}return struct.pack('1000000h', *range(1000000))`,
    `${S}n = 0\nfor i in range(100000):\n    n += struct.calcsize('i' * 1000)\nreturn n`,
    `${S}return struct.calcsize('bh' * 350000)`,
    `${S}return struct.calcsize('b' * 60000)`,
    `${S}return list(struct.iter_unpack('b', bytes(10**6)))`,
    `${S}return struct.unpack('500000s500000s', bytes(10**6))[0][:3]`,
  ];
  const answers = cases.map((source) => {
    const t = performance.now();
    const got = evaluator(engine, { source });
    expect(performance.now() - t, source).toBeLessThan(3000);
    return got.error?.split(':')[0] ?? got.repr?.slice(0, 20);
  });
  expect(answers).toEqual(['MemoryError', 'error', 'MemoryError', 'MemoryError', 'StepLimitError', 'StepLimitError', '60000', 'StepLimitError', "b'\\x00\\x00\\x00'"]);
});

/** Stores on the module's shared objects: CPython's error where it refuses them, the evaluator's refusal where CPython would make them (test/lang/shared-objects.test.ts's rule). */
it('refuses stores on struct and zlib objects as CPython does, or as shared objects are', () => {
  const REFUSAL = /^UnsupportedError: cannot set '[^']+': (the modules' classes and functions|re's flags) are read-only in the evaluator \(they are shared by every condition\)$/;
  const sources = [...MODULES].filter(([m]) => m === 'struct' || m === 'zlib').flatMap(([m, mod]) => [...mod.attrs.keys()].flatMap((a) => [`import ${m}\n${m}.${a}.x = 1\nreturn 1`, `import ${m}\ndel ${m}.${a}.x\nreturn 1`]));
  const expected = cpython(sources.map((source) => ({ source })));
  const engine = new Engine();
  const wrong = sources.flatMap((source, i) => {
    const got = evaluator(engine, { source });
    const want = expected[i];
    const madeByCPython = want.repr === '1' || (source.includes('\ndel ') && /^AttributeError: type object '\w+' has no attribute 'x'$/.test(want.error ?? ''));
    if (madeByCPython) return REFUSAL.test(got.error ?? '') ? [] : [`${JSON.stringify(source)}: got ${JSON.stringify(got)}, CPython stored it`];
    return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${JSON.stringify(source)}: got ${JSON.stringify(got)}, CPython ${JSON.stringify(want)}`];
  });
  expect(wrong).toEqual([]);
});

/** PyFloat_Unpack2 keeps a half NaN's sign bit. */
it("unpacks a negative half NaN with its sign, as CPython does", () => {
  const exprs = ["struct.unpack('>e', struct.pack('>e', -math.nan))[0]", "struct.unpack('<e', b'\\x00\\xfe')[0]", "struct.unpack('<e', b'\\x00\\x7e')[0]", "struct.unpack('<e', b'\\x00\\xfc')[0]"];
  expect(compareWithCPython(exprs.map((e) => `import math, struct\nx = ${e}\nreturn struct.pack('>d', x).hex(), repr(x)`))).toEqual([]);
});
