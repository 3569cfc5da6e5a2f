import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const NAMES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512'];

/** Digests, sizes and names of every algorithm, against CPython's OpenSSL. */
it('hashes as CPython does', () => {
  expect(compareWithCPython([
    ...NAMES.map((n) => `import hashlib\nh = hashlib.${n}(text.encode())\nreturn h.hexdigest(), h.digest(), h.name, h.digest_size, h.block_size, type(h).__name__`),
    ...NAMES.map((n) => `import hashlib\nreturn hashlib.new('${n}', b'').hexdigest(), hashlib.new('${n.toUpperCase().replace('_', '-')}').name`),
    `import hashlib\nreturn hashlib.md5(b'abc').hexdigest() == '900150983cd24fb0d6963f7d28e17f72'`,
    `from hashlib import sha256\nreturn sha256(log['Thread'].encode('utf-8')).hexdigest()[:8]`,
    `import hashlib as h\nreturn int(h.md5(text.encode()).hexdigest(), 16) % 10`,
    // update and copy: the digest so far, and a copy that goes its own way
    `import hashlib\nh = hashlib.sha1()\nh.update(b'a')\nd1 = h.hexdigest()\nc = h.copy()\nh.update(b'b')\nc.update(b'c')\nreturn d1, h.hexdigest(), c.hexdigest(), hashlib.sha1(b'ab').hexdigest(), c.name, h.update(b'')`,
    `import hashlib\nh = hashlib.md5()\nfor part in text.split():\n    h.update(part.encode())\nreturn h.hexdigest(), h.hexdigest() == h.hexdigest()`,
    `import hashlib\nreturn hashlib.sha256(b'\\x00\\xff' * 1000).hexdigest(), hashlib.sha512('é😀'.encode()).hexdigest()`,
    `import hashlib\nreturn hashlib.md5(string=b'x').hexdigest(), hashlib.md5(b'x', usedforsecurity=False).hexdigest(), hashlib.new(name='md5', data=b'x').hexdigest(), hashlib.new('md5', b'x', usedforsecurity=True).hexdigest()`,
    `import hashlib\nreturn bool(hashlib.md5()), type(hashlib.md5()) is type(hashlib.sha256()), isinstance(hashlib.md5(), type(hashlib.sha1())), hashlib.md5() == hashlib.md5()`,
    `import hashlib\nreturn type(hashlib.md5())`,
    `import hashlib\nreturn hashlib.new('Md5').name, hashlib.new('SHA256').name, hashlib.new('sha3-256').name`,
    // CPython's errors
    `import hashlib\nreturn hashlib.md5('abc')`, `import hashlib\nreturn hashlib.sha256(text)`, `import hashlib\nreturn hashlib.md5(1)`, `import hashlib\nreturn hashlib.md5(None)`,
    `import hashlib\nreturn hashlib.md5(True)`, `import hashlib\nreturn hashlib.md5([1])`, `import hashlib\nreturn hashlib.md5(b'a', b'b')`, `import hashlib\nreturn hashlib.md5(data=b'x')`,
    `import hashlib\nreturn hashlib.md5(b'x', string=b'y')`, `import hashlib\nreturn hashlib.md5('x', foo=1)`,
    `import hashlib\nh = hashlib.md5()\nh.update('x')`, `import hashlib\nh = hashlib.md5()\nh.update(None)`, `import hashlib\nh = hashlib.md5()\nh.update()`,
    `import hashlib\nh = hashlib.md5()\nh.update(b'a', b'b')`, `import hashlib\nreturn hashlib.md5().hexdigest(1)`, `import hashlib\nreturn hashlib.md5().digest(1)`,
    `import hashlib\nreturn hashlib.md5().copy(1)`, `import hashlib\nreturn hashlib.md5().update(data=b'x')`, `import hashlib\nreturn hashlib.md5().x`, `import hashlib\nreturn hashlib.md5().name.upper()`,
    `import hashlib\nreturn hashlib.new('foo')`, `import hashlib\nreturn hashlib.new('')`, `import hashlib\nreturn hashlib.new('SHA3_256')`, `import hashlib\nreturn hashlib.new(1)`,
    `import hashlib\nreturn hashlib.new(1, 'x')`, `import hashlib\nreturn hashlib.new('foo', 'x')`, `import hashlib\nreturn hashlib.new('md5', 'x')`, `import hashlib\nreturn hashlib.new('md5', None)`,
    `import hashlib\nreturn hashlib.new()`, `import hashlib\nreturn hashlib.new('md5', b'', 2)`, `import hashlib\nreturn hashlib.new('md5', string=b'x')`, `import hashlib\nreturn hashlib.new('md5', foo=1)`,
    `import hashlib\nreturn type(hashlib.md5())()`, `import hashlib\nreturn hashlib.md5() < hashlib.md5()`, `import hashlib\nreturn len(hashlib.md5())`, `import hashlib\nreturn list(hashlib.md5())`,
    `import hashlib\nreturn hashlib.md5() + 1`, `import hashlib\nreturn hashlib.foo`,
    { source: `import hashlib\ndata['h'] = hashlib.md5()\nreturn True` },
  ])).toEqual([]);
});

/** CPython adds ' @ 0x7f...' to the repr, an address that differs in every process: the evaluator leaves it out, as for functions. */
it('shows a hash object without its address', () => {
  const engine = new Engine();
  expect(evaluator(engine, { source: 'import hashlib\nreturn hashlib.md5(), str(hashlib.sha3_256()), [hashlib.new("SHA1")]' }).repr)
    .toBe("(<md5 _hashlib.HASH object>, '<sha3_256 _hashlib.HASH object>', [<sha1 _hashlib.HASH object>])");
});

/** What CPython has but the evaluator does not build is refused in words that say what there is. */
it('names what it has for the algorithms it leaves out', () => {
  const engine = new Engine();
  expect(evaluator(engine, { source: 'import hashlib\nreturn hashlib.new("blake2b")' }).error)
    .toBe('ValueError: unsupported hash type blake2b (the evaluator has md5, sha1, sha224, sha256, sha384, sha512, sha3_224, sha3_256, sha3_384 and sha3_512)');
  expect(evaluator(engine, { source: 'import hashlib\nreturn hashlib.blake2b' }).error).toBe("AttributeError: module 'hashlib' has no attribute 'blake2b'");
});

/**
 * Hashing is paid for by the byte, and each state node:crypto makes by a few steps: with the
 * clock out of the way, each of these loops ends at the step budget, soon.
 */
const ATTACKS = [
  "b = b'x' * 10**6\nh = hashlib.sha3_512()\nwhile True:\n    h.update(b)",
  "b = b'x' * 10**6\nwhile True:\n    hashlib.sha256(b)",
  "b = b'x' * 10**6\nwhile True:\n    hashlib.new('md5', b)",
  "h = hashlib.sha3_512(b'x' * 10**6)\nwhile True:\n    h.hexdigest()",
  "h = hashlib.sha512()\nwhile True:\n    h = h.copy()",
  "return [hashlib.md5() for i in range(10**6)]",
  "return [hashlib.sha1(b'x' * 1000).digest() for i in range(10**6)]",
];

it('stops hostile hashing at the step budget', () => {
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  for (const body of ATTACKS) {
    const t0 = performance.now();
    expect(evaluator(engine, { source: `import hashlib\n${body}` }).error, body).toBe('StepLimitError: condition exceeded its budget of 100000 steps');
    // some 20 ms alone; the machine is shared and busy
    expect(performance.now() - t0, body).toBeLessThan(2000);
  }
});
