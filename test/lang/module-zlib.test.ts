import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/engine.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const Z = 'import zlib\n';
/** The clock loosened for the comparisons (steps still count, more of them): a loaded CI machine is no test of the answers. */
const roomy = () => new Engine({ maxMillis: 20_000, requestMillis: 20_000, maxSteps: 2_000_000 });

/** Inputs of every kind, made cheaply in the condition: empty, tiny, repetitive, text-like, incompressible (hash chains). */
const INPUTS = [
  "b''", "b'a'", "b'hello world ' * 100", 'bytes(range(256)) * 40', 'bytes(100000)', "b'abc' * 23456",
  "b''.join(hashlib.sha256(str(i).encode()).digest() for i in range(200))",
  "b''.join(hashlib.sha256(str(i).encode()).digest() for i in range(3000))",
  "b' '.join([b'GET /index.html 200', b'POST /api 404', b'warn', b'error: disk'][int(h[0]) % 4] for h in (hashlib.md5(str(i).encode()).digest() for i in range(6000)))",
  "bytes(b % 3 + 97 for b in b''.join(hashlib.sha256(str(i).encode()).digest() for i in range(2200)))",
];

/** compress and compressobj give zlib 1.2.13's bytes, octet for octet, at every level, window, memLevel and strategy. */
it('compresses byte for byte as CPython', () => {
  const cases: string[] = [];
  INPUTS.forEach((input) => {
    const sets: string[] = [];
    for (let level = -1; level <= 9; level++) for (const wbits of [15, 9, 8, -15, 31, -9, 25, 12]) sets.push(`(${level}, ${wbits}, 8, 0)`);
    for (const [mem, strat] of [[9, 1], [1, 2], [8, 3], [8, 4], [1, 0], [5, 1]]) for (const level of [-1, 0, 1, 6, 9]) sets.push(`(${level}, 15, ${mem}, ${strat})`);
    cases.push(`${Z}import hashlib\nd = ${input}\nout = []\nfor level, wbits, mem, strat in [${sets.join(', ')}]:\n    c = zlib.compressobj(level, zlib.DEFLATED, wbits, mem, strat)\n    z = c.compress(d) + c.flush()\n    out.append((len(z), zlib.crc32(z), zlib.decompress(z, wbits) == d))\nreturn len(d), out`);
    cases.push(`${Z}import hashlib\nd = ${input}\nreturn [(len(z), zlib.crc32(z), z[:40]) for z in (zlib.compress(d, level) for level in range(-1, 10))] + [zlib.compress(d, 6, w)[-30:] for w in (9, -15, 31)]`);
  });
  expect(compareWithCPython(cases, roomy())).toEqual([]);
});

/** Streams fed in pieces, flushed in every mode between them: the same bytes as CPython's zlib. */
it('compresses and decompresses in pieces as CPython', () => {
  const cases = [
    `${Z}c = zlib.compressobj()\nreturn [c.compress(b'abc'), c.flush(zlib.Z_SYNC_FLUSH), c.flush(zlib.Z_FULL_FLUSH), c.flush(zlib.Z_NO_FLUSH), c.flush(zlib.Z_BLOCK), c.compress(b'def' * 100), c.flush(zlib.Z_PARTIAL_FLUSH), c.flush()]`,
    `${Z}c = zlib.compressobj(0)\nparts = [c.compress(bytes(range(256)) * k) for k in (1, 100, 300, 2)] + [c.flush(zlib.Z_SYNC_FLUSH), c.compress(b'x' * 70000), c.flush()]\nreturn [(len(p), zlib.crc32(p)) for p in parts]`,
    `${Z}c = zlib.compressobj(9, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)\nout = []\nfor i in range(50):\n    out.append(c.compress(str(i * i).encode() * 30))\n    if i % 7 == 0:\n        out.append(c.flush(zlib.Z_SYNC_FLUSH))\nout.append(c.flush())\nreturn [zlib.crc32(p) for p in out], zlib.decompress(b''.join(out), -12)[-20:]`,
    `${Z}c = zlib.compressobj()\nc.compress(b'abc')\nz = c.flush()\ntry:\n    c.compress(b'x')\nexcept zlib.error as e:\n    r1 = str(e)\ntry:\n    c.flush()\nexcept zlib.error as e:\n    r2 = str(e)\nreturn z, r1, r2, c.flush(zlib.Z_NO_FLUSH)`,
    `${Z}good = zlib.compress(b'hello world' * 10)\nd = zlib.decompressobj()\nr = [d.decompress(good + b'tail', 5), d.unconsumed_tail, d.unused_data, d.eof]\nr += [d.decompress(d.unconsumed_tail), d.unconsumed_tail, d.unused_data, d.eof, d.decompress(b'more'), d.unused_data, d.flush(), d.eof]\nreturn r`,
    `${Z}good = zlib.compress(b'hello world' * 10)\nd = zlib.decompressobj()\nreturn d.decompress(good[:10]), d.flush(), d.eof, d.unconsumed_tail, d.unused_data`,
    `${Z}good = zlib.compress(b'hello world' * 10)\nd = zlib.decompressobj()\nreturn d.decompress(good, 7), d.flush(3), d.eof, d.unconsumed_tail, d.flush()`,
    `${Z}good = zlib.compress(bytes(range(256)) * 400)\nd = zlib.decompressobj()\nout = []\ndata = good\nwhile not d.eof:\n    chunk = d.decompress(data, 10000)\n    out.append(len(chunk))\n    data = d.unconsumed_tail\nreturn out, d.unused_data, len(d.unconsumed_tail)`,
    `${Z}good = zlib.compress(b'abcdef' * 1000, wbits=31)\nd = zlib.decompressobj(47)\nout = [d.decompress(good[i:i + 7]) for i in range(0, len(good), 7)]\nreturn sum(len(o) for o in out), d.eof, d.unused_data`,
    `${Z}zd = b'hello world'\nc = zlib.compressobj(zdict=zd)\nz = c.compress(b'hello world hello') + c.flush()\nd = zlib.decompressobj(zdict=zd)\nr = [z, d.decompress(z), d.eof]\ntry:\n    zlib.decompress(z)\nexcept zlib.error as e:\n    r.append(str(e))\ntry:\n    zlib.decompressobj().decompress(z)\nexcept zlib.error as e:\n    r.append(str(e))\ntry:\n    zlib.decompressobj(zdict=b'other').decompress(z)\nexcept zlib.error as e:\n    r.append(str(e))\nreturn r`,
    `${Z}zd = bytearray(b'hello world')\nc = zlib.compressobj(wbits=-15, zdict=zd)\nz = c.compress(b'hello world hello') + c.flush()\nreturn z, zlib.decompressobj(wbits=-15, zdict=memoryview(zd)).decompress(z)`,
    `${Z}d = zlib.decompressobj()\nz = zlib.compress(b'abc')\nreturn d.decompress(z + z), d.unused_data, d.decompress(b'zz'), d.unused_data, d.eof`,
    `${Z}d = zlib.decompressobj()\nz = zlib.compress(b'abc')\nr = [d.decompress(z), d.flush(), d.eof, d.flush()]\ntry:\n    r.append(d.decompress(b'x'))\nexcept zlib.error as e:\n    r.append(str(e))\nreturn r`,
    `${Z}d = zlib.decompressobj()\ntry:\n    d.decompress(b'xyz')\nexcept zlib.error as e:\n    r = [str(e)]\ntry:\n    d.decompress(zlib.compress(b'a'))\nexcept zlib.error as e:\n    r.append(str(e))\nr.append(d.flush())\nreturn r`,
    `${Z}c = zlib.compressobj()\nr = [c.compress(b''), c.flush(zlib.Z_SYNC_FLUSH), c.flush(zlib.Z_SYNC_FLUSH)]\ntry:\n    c.flush(zlib.Z_TREES)\nexcept zlib.error as e:\n    r.append(str(e))\nr.append(c.flush())\nreturn r`,
    `${Z}c = zlib.compressobj()\ntry:\n    c.compress()\nexcept TypeError as e:\n    r = [str(e)]\ntry:\n    c.compress(b'a', b'b')\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    c.compress(data=b'a')\nexcept TypeError as e:\n    r.append(str(e))\ntry:\n    zlib.decompressobj().flush(1, 2)\nexcept TypeError as e:\n    r.append(str(e))\nreturn r`,
    `${Z}return zlib.decompress(memoryview(zlib.compress(b'xyz' * 9))), zlib.crc32(memoryview(b'abc')), zlib.adler32(bytearray(b'abc')), zlib.decompress(bytearray(zlib.compress(b'q')), bufsize=1)`,
    `${Z}c = zlib.compressobj(9)\nc.compress(b'hello hello hello')\nc2 = c.copy()\nr = [c.compress(b' world' * 50) + c.flush(), c2.compress(b' there') + c2.flush()]\ntry:\n    c.copy()\nexcept ValueError as e:\n    r.append(str(e))\nreturn r`,
    `${Z}c = zlib.compressobj(0)\nc.compress(bytes(range(256)) * 200)\nc2 = c.copy()\nreturn [zlib.crc32(c.flush()), zlib.crc32(c2.compress(b'x' * 5000) + c2.flush())]`,
    `${Z}z = zlib.compress(bytes(range(256)) * 100) + b'zz'\nd = zlib.decompressobj()\na = d.decompress(z[:300])\nd2 = d.copy()\nr = [len(a), len(d.decompress(z[300:])), d.unused_data, d.eof, len(d2.decompress(z[300:], 1000)), len(d2.unconsumed_tail), d2.eof]\nd3 = d2.copy()\nr += [len(d3.decompress(d3.unconsumed_tail)), d3.unused_data, len(d2.flush()), d2.eof]\nd.flush()\ntry:\n    d.copy()\nexcept ValueError as e:\n    r.append(str(e))\nreturn r`,
    `${Z}return type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__, zlib.decompressobj().unused_data, zlib.decompressobj().unconsumed_tail, zlib.decompressobj().eof`,
  ];
  expect(compareWithCPython(cases, roomy())).toEqual([]);
});

const PROBES = `zlib.compress(b'abc', 10)
zlib.compress(b'abc', -2)
zlib.compress(b'abc', wbits=8)
zlib.compress(b'abc', wbits=16)
zlib.compress(b'abc', wbits=7)
zlib.compress(b'abc', wbits=-8)
zlib.compress(b'abc', wbits=32)
zlib.compress(b'abc', wbits=0)
zlib.compress('abc')
zlib.compress()
zlib.compress(data=b'abc')
zlib.compress(b'abc', level=1)
zlib.compress(b'abc', 1, 15, 3)
zlib.compress(b'abc', 2**40)
zlib.compress(b'abc', 1.0)
zlib.compress(bytearray(b'abc'))
zlib.compress(memoryview(b'abcabc')[::2])
zlib.decompress(b'abc')
zlib.decompress(b'')
zlib.decompress(good[:-1])
zlib.decompress(good[:5])
zlib.decompress(good + b'xyz')
zlib.decompress(good, 0)
zlib.decompress(good, 8)
zlib.decompress(good, 9)
zlib.decompress(good, 7)
zlib.decompress(good, 16)
zlib.decompress(good, 31)
zlib.decompress(good, 47)
zlib.decompress(good, 32)
zlib.decompress(good, 48)
zlib.decompress(good, -15)
zlib.decompress(good[2:], -15)
zlib.decompress(good[2:], -7)
zlib.decompress(good[2:], -16)
zlib.decompress(good, bufsize=-1)
zlib.decompress(good, bufsize=0)
zlib.decompress(good, 15, 1)
zlib.decompress(good, 15, 10**12)
zlib.decompress(good, 15, 2**70)
zlib.decompress(bytes([0x78, 0x9c, 0xff]))
zlib.decompress(bytes([0x78, 0x9c, 0x63, 0, 0, 0, 0]))
zlib.decompress(b'x\\x9c\\x03\\x00\\x00\\x00\\x00\\x02')
zlib.decompress(b'x\\xbb\\x03\\x00\\x00\\x00\\x00\\x01')
zlib.decompress(b'x\\x9c\\x03\\x00\\x00\\x00\\x00\\x01')
zlib.decompress(zlib.compress(b'abc', wbits=31))
zlib.decompress(zlib.compress(b'abc', wbits=31), 31)
zlib.decompress(zlib.compress(b'abc', wbits=31), 47)
zlib.decompress(b'\\x1f\\x8b\\x08\\x00\\x00\\x00\\x00\\x00\\x00\\xff', 31)
zlib.decompress(b'x\\x9c\\x4b\\x04\\x00\\xff\\xff', 15)
zlib.decompress(b'\\x78\\x9c\\x05\\xc0\\x81\\x08\\x00\\x00\\x00\\x00\\x20\\x7f\\xeb\\x0b\\x00\\x00', 15)
zlib.crc32(b'abc')
zlib.crc32(b'abc', 5)
zlib.crc32(b'abc', -1)
zlib.crc32(b'abc', 2**40)
zlib.crc32('abc')
zlib.crc32()
zlib.crc32(b'a', value=3)
zlib.crc32(b'a', 1.5)
zlib.adler32(b'abc')
zlib.adler32(b'abc', 0)
zlib.adler32(b'abc', 2**40+7)
zlib.adler32(b'x' * 6000)
zlib.adler32(b'\\xff' * 100000)
zlib.adler32(b'\\xff' * 100000, 0xfff0fff0)
zlib.crc32(bytes(range(256)) * 300, 12345)
zlib.compressobj(10)
zlib.compressobj(1, 7)
zlib.compressobj(1, 8, 7)
zlib.compressobj(1, 8, 15, 10)
zlib.compressobj(1, 8, 15, 0)
zlib.compressobj(1, 8, 15, 8, 5)
zlib.compressobj(1, 8, 15, 8, -1)
zlib.compressobj(zdict='abc')
zlib.compressobj(zdict=3)
zlib.compressobj(bogus=3)
zlib.compressobj(1, 8, 15, 8, 0, b'', 3)
zlib.decompressobj(7)
zlib.decompressobj(zdict='ab')
zlib.decompressobj(zdict=3)
zlib.decompressobj(100)
zlib.decompressobj(-8).eof
zlib.decompressobj().decompress(good, -1)
zlib.decompressobj().flush(0)
zlib.decompressobj().flush(-1)
zlib.decompressobj().decompress(b'xyz')
zlib.decompressobj().decompress()
zlib.decompressobj().decompress('abc')
zlib.decompressobj().decompress(good, max_length=3)
zlib.decompressobj().decompress(good, 2**70)
zlib.compressobj().compress('x')
zlib.compressobj().flush(7)
zlib.compressobj().flush(-1)
zlib.compressobj().flush(0)
zlib.compressobj().flush(5)
zlib.compressobj().flush(6)
zlib.compressobj().flush(1, 2)
(zlib.ZLIB_VERSION, zlib.ZLIB_RUNTIME_VERSION, zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_BLOCK, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_FINISH, zlib.Z_FIXED, zlib.Z_FULL_FLUSH, zlib.Z_HUFFMAN_ONLY, zlib.Z_NO_COMPRESSION, zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_RLE, zlib.Z_SYNC_FLUSH, zlib.Z_TREES)
zlib.error
zlib.error.__mro__
repr(zlib.error('x'))
(isinstance(zlib.compressobj(), type(zlib.compressobj())), type(zlib.decompressobj()).__mro__, zlib.error.__module__, issubclass(zlib.error, Exception))
zlib.Compress`.split('\n');

it('answers errors and odd arguments in CPython\'s words', () => {
  const cases = PROBES.map((p) => `${Z}good = zlib.compress(b'hello world' * 10)\ntry:\n    return ${p}\nexcept Exception as e:\n    return type(e).__module__, type(e).__name__, str(e)`);
  cases.push(`${Z}zlib.decompress(b'abc')`);
  expect(compareWithCPython(cases, roomy())).toEqual([]);
});

/** A decompression bomb ends in MemoryError after the limit's worth of output, quickly; so does a huge compress. */
it('holds bombs and huge inputs to the limits', () => {
  // the steps and the size limit decide, not a loaded machine's clock; the time each takes is asserted below
  const engine = new Engine({ maxMillis: 5_000, requestMillis: 5_000 });
  // a raw stream of 4000 copies of one flushed segment that inflates to 10**5 zeros: 400 MB from some 470 KB
  const bomb = `c = zlib.compressobj(9, zlib.DEFLATED, -15)\npart = c.compress(bytes(10**5)) + c.flush(zlib.Z_FULL_FLUSH)\nbomb = part * 4000 + b'\\x03\\x00'\n`;
  const cases = [
    `${Z}${bomb}return len(zlib.decompress(bomb, -15))`,
    `${Z}${bomb}d = zlib.decompressobj(-15)\nreturn len(d.decompress(bomb))`,
    `${Z}${bomb}d = zlib.decompressobj(-15)\nn = 0\ndata = bomb\nwhile not d.eof:\n    n += len(d.decompress(data, 100000))\n    data = d.unconsumed_tail\nreturn n`,
    `${Z}${bomb}d = zlib.decompressobj(-15)\nd.decompress(bomb, 1)\nreturn len(d.flush())`,
    `${Z}${bomb}return len(zlib.decompressobj(-15).decompress(bomb, 300000))`,
    `${Z}return len(zlib.compress(bytes(3 * 10**5 - 10) + b'x' * 10, 9))`,
    `${Z}c = zlib.compressobj(0)\nreturn sum(len(c.compress(bytes(900000))) for i in range(40))`,
    `${Z}return zlib.crc32(bytes(10**6) * 1)`,
    `${Z}c = zlib.compressobj(0)\nfor i in range(10**6):\n    c.compress(b'a')\nreturn 1`,
    `${Z}d = zlib.decompressobj()\nfor i in range(10**6):\n    d.decompress(b'')\nreturn 1`,
    `${Z}c = zlib.compressobj()\nkeep = [c.copy() for i in range(10**5)]\nreturn 1`,
    `${Z}keep = [zlib.compressobj() for i in range(10**5)]\nreturn 1`,
    `${Z}keep = [zlib.decompressobj() for i in range(10**5)]\nreturn 1`,
    `${Z}for i in range(10**5):\n    zlib.compress(b'a')\nreturn 1`,
    `${Z}return len([zlib.compress(b'line %d' % i) for i in range(100)])`,
  ];
  const answers = cases.map((source) => {
    const t = performance.now();
    const got = evaluator(engine, { source });
    expect(performance.now() - t, source).toBeLessThan(3000);
    return got.error?.split(':')[0] ?? got.repr;
  });
  expect(answers).toEqual(['MemoryError', 'MemoryError', 'StepLimitError', 'MemoryError', '300000', '317', 'StepLimitError', '309971870', 'StepLimitError', 'StepLimitError', 'StepLimitError', 'StepLimitError', 'StepLimitError', 'StepLimitError', '100']);
});

/** Level 9 on three letters costs microseconds a byte: the clock, looked at between deflate's slices, ends it near the run's 50 ms. */
it('ends a slow deflate at the deadline', () => {
  const engine = new Engine();
  // 300 KB of three letters: some 0.4 s of CPython's time, many times the run's budget
  const source = `${Z}import hashlib\nd = hashlib.shake_256(b'x').digest(300000).translate(bytes(97 + i % 3 for i in range(256)))\nreturn len(zlib.compress(d, 9))`;
  const t = performance.now();
  const got = evaluator(engine, { source });
  expect(performance.now() - t).toBeLessThan(1000);
  expect(got.error).toMatch(/^StepLimitError: condition exceeded its time budget/);
});
