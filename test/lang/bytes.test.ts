import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** bytes, str.encode and bytes.decode for UTF-8 and ASCII, int.to_bytes and int.from_bytes. */
const CASES = [
  `return text.encode(), text.encode('ascii'), 'é€😀'.encode(), 'é€😀'.encode('utf-8'), 'x'.encode('UTF8'), 'x'.encode(encoding='us-ascii')`,
  `return 'é'.encode('ascii')`, `return 'aéé'.encode('ascii')`, `return 'a€b'.encode('ascii')`, `return '\\ud800'.encode()`, `return 'é'.encode('ascii', 'ignore'), 'é'.encode('ascii', 'replace')`,
  `return 'a'.encode(errors='bogus')`, `return 'a'.encode(5)`, `return 'a'.encode('utf-8', 'strict', 1)`,
  `return b'caf\\xc3\\xa9'.decode(), b'abc'.decode('ascii'), 'é€😀'.encode().decode('utf-8')`, `return b'\\xff'.decode()`, `return b'\\xc3'.decode()`, `return b'\\xc3('.decode()`,
  `return b'a\\xe9b'.decode()`, `return b'\\xed\\xa0\\x80'.decode()`, `return b'\\xf4\\x90\\x80\\x80'.decode()`, `return b'\\xc0\\xaf'.decode()`, `return b'\\xe2\\x82'.decode()`, `return b'\\xe2\\x82(x'.decode()`, `return b'\\xf0\\x9f\\x98'.decode()`, `return b'\\x80'.decode('ascii')`,
  `return b'\\xffa\\xc3'.decode('utf-8', 'replace'), b'\\xffa'.decode('ascii', 'ignore')`, `try:\n    b'\\xff'.decode()\nexcept UnicodeDecodeError as e:\n    return e.args, isinstance(e, ValueError)`,
  `try:\n    'é'.encode('ascii')\nexcept UnicodeError as e:\n    return e.args, type(e).__name__`,
  `return repr(b'\\x00a\\'"\\\\\\n\\x7f\\x80'), repr(b"it's"), str(b'a'), b'', bytes(), bytes(3), bytes([65, 66]), bytes('hé', 'utf-8'), bytes(b'x')`,
  `return bytes('x')`, `return bytes([256])`, `return bytes([-1])`, `return bytes(-1)`, `return bytes(['a'])`, `return bytes(1, 'utf-8')`, `return bytes('x', 'utf-8', 'strict', 1)`,
  `b = 'hello'.encode()\nreturn len(b), list(b), b + b'!', b * 2, 3 * b'ab', b'ell' in b, 108 in b, b == b'hello', b != 'hello', b < b'help', bool(b''), b.hex(), b.startswith(b'he'), b.endswith((b'x', b'lo'))`,
  `return 'x' in b'x'`, `return 300 in b'x'`, `return b'a' + 'b'`, `return hash(b'abc') == hash('abc'), {b'k': 1}[b'k'], len({b'a', b'a', b'b'})`, `return sorted([b'b', b'a', b'ab'])`,
  `return type(b'').__name__, isinstance(b'', bytes), json.dumps(b'x')`, `data['b'] = b'x'\nreturn True`,
  `return (1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (-1).to_bytes(2, 'big', signed=True), (5).to_bytes(), (0).to_bytes(0, 'big')`,
  `return (256).to_bytes(1, 'big')`, `return (-1).to_bytes(1, 'big')`, `return (1).to_bytes(1, 'middle')`, `return (1).to_bytes(-1, 'big')`,
  `return int.from_bytes(b'\\x04\\x00', 'big'), int.from_bytes(b'\\x04\\x00', 'little'), int.from_bytes(b'\\xff\\xff', 'big', signed=True), int.from_bytes(b'')`, `return int.from_bytes('ab', 'big')`,
  `match b'ab':\n    case bytes(x):\n        return x`,
];

it('encodes, decodes and handles bytes as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

it('names the encodings it has when asked for another', () => {
  const engine = new Engine();
  expect(evaluator(engine, { source: `return 'a'.encode('latin-1')` }).error).toBe('LookupError: unknown encoding: latin-1 (the evaluator encodes UTF-8 and ASCII only)');
  expect(evaluator(engine, { source: `return bytes(10**9)` }).error).toMatch(/^MemoryError/);
  expect(evaluator(engine, { source: `return b'ab' * 10**9` }).error).toMatch(/^MemoryError/);
});
