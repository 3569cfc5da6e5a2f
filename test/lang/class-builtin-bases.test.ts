import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** bytes subclasses: bytes to every builtin, operator, module and key; the class's methods first; the base's results bytes. */
const BYTES = [
  `class B(bytes):\n    def hexed(self):\n        return self.hex()\nb = B(b'ab')\nreturn b, repr(b), str(b), b.hexed(), len(b), b[0], b[1:], type(b[1:]).__name__, b + b'c', type(b + b'c').__name__, b'c' + b, type(b'c' + b).__name__, b * 2, type(b * 2).__name__, b == b'ab', b'ab' == b, hash(b) == hash(b'ab'), {b'ab': 1}[b], {b: 2}[b'ab'], isinstance(b, bytes), isinstance(b, B), type(b).__name__, b'a' in b, list(b), b.upper(), type(b.upper()).__name__, type(b.strip()).__name__, b.decode(), bytes(b), type(bytes(b)).__name__`,
  `class B(bytes):\n    pass\nreturn B(), B(3), B([65, 66]), B('\u00e9', 'utf-8'), B('x', encoding='ascii'), B(b'x') < b'y', sorted([B(b'b'), b'a']), bytearray(B(b'q')), B(b'ab').split(b'a'), [type(x).__name__ for x in B(b'a b').split()], B(b'a').join([b'x', b'y']), type(B(b'a').join([b'x', b'y'])).__name__, b'-'.join([B(b'x')]), f'{B(b"z")}', '%s' % B(b'z'), B(b'%d') % 5, type(B(b'%d') % 5).__name__, B(b'x') % ()`,
  `class B(bytes):\n    pass\nreturn B('x')`,
  `class B(bytes):\n    pass\nreturn B(-1)`,
  `class B(bytes):\n    pass\nreturn json.dumps(B(b'x'))`,
  `class B(bytes):\n    def __new__(cls, n):\n        return super().__new__(cls, b'x' * n)\n    def __init__(self, n):\n        self.n = n\nb = B(3)\nreturn b, b.n, type(b).__name__, B.fromhex('41'), type(B.fromhex('41')).__name__, B.maketrans(b'a', b'b')`,
  `class B(bytes):\n    def __repr__(self):\n        return 'B!' + super().__repr__()\n    def __str__(self):\n        return 'str!'\nreturn repr(B(b'a')), str(B(b'a')), [B(b'q')], f'{B(b"z")}'`,
  `class B(bytes):\n    pass\nb = B(b'x')\nb.tag = 1\nreturn b.tag, b.missing`,
  `class B(bytes):\n    pass\nmatch B(b'ab'):\n    case B(x):\n        return x, type(x).__name__`,
  `class B(bytes):\n    pass\nmatch B(b'ab'):\n    case bytes(x):\n        return x`,
  `class B(bytes):\n    pass\nclass A(bytearray):\n    pass\nreturn type(B.fromhex('41')).__name__, type(A.fromhex('41')).__name__, B.maketrans(b'a', b'b') == bytes.maketrans(b'a', b'b')`,
  `class B(bytes):\n    def __init__(self, *a):\n        print(a)\nreturn type(B.fromhex('41')).__name__`,
  `class B(bytes):\n    def __new__(cls, x, y):\n        return super().__new__(cls, x)\nreturn B.fromhex('41')`,
  `class B(bytes):\n    pass\nreturn len(B(x % 256 for x in range(1000))), B(range(3))`,
  `class B(bytes):\n    pass\nclass BB(B):\n    def twice(self):\n        return self + self\nreturn BB(b'x').twice(), isinstance(BB(b'x'), B), [c.__name__ for c in BB.__mro__]`,
  `class B(bytes, int):\n    pass`,
  `class B(bytes, str):\n    pass`,
  `class B(bytes, bytearray):\n    pass`,
  `class M:\n    def show(self):\n        return 'M' + repr(self)\nclass B(M, bytes):\n    pass\nreturn B(b'x').show()`,
  `import hashlib, re\nclass B(bytes):\n    pass\nb = B(b'abc')\nreturn hashlib.sha256(b).hexdigest()[:8], re.findall(rb'.', b), re.sub(rb'a', b'z', b), type(re.sub(rb'q', b'z', b)).__name__, int.from_bytes(b, 'big'), memoryview(b)[0], b.center(7, b'*'), b.zfill(5), b.translate(None, b'a')`,
  `class B(bytes):\n    pass\nx = B(b'a')\nx += b'b'\nreturn x, type(x).__name__`,
  `class B(bytes):\n    def __repr__(self):\n        return 5\nreturn repr(B())`,
  `class B(bytes):\n    def __str__(self):\n        return super().__str__() + '!'\nreturn str(B(b'q'))`,
];

it('subclasses bytes as CPython does', () => {
  expect(compareWithCPython(BYTES)).toEqual([]);
});

/** bytearray subclasses: filled by bytearray.__init__, changed in place, their repr naming the class, unhashable. */
const BYTEARRAYS = [
  `class A(bytearray):\n    pass\na = A(b'ab')\na.append(99)\na += b'd'\na[0] = 65\na.extend([101])\nreturn a, repr(a), str(a), len(a), type(a).__name__, a[0], a[:2], type(a[:2]).__name__, a + b'!', type(a + b'!').__name__, a == b'Abcde', bytes(a), isinstance(a, bytearray), a.upper(), type(a.upper()).__name__, type(a.copy()).__name__, A(), A(2), a.pop(), a`,
  `class A(bytearray):\n    pass\nreturn hash(A())`,
  `class A(bytearray):\n    pass\nreturn {A(): 1}`,
  `class A(bytearray):\n    def __init__(self, x, tag):\n        super().__init__(x)\n        self.tag = tag\na = A(b'qq', 't')\nreturn a, a.tag, A.__mro__[1] is bytearray, A.fromhex('4142'), type(A.fromhex('4142')).__name__`,
  `class A(bytearray):\n    pass\na = A(b'it\\'s')\nreturn repr(a), memoryview(a).tobytes(), a.decode(), a.find(b's'), 's' in a.decode()`,
  `class A(bytearray):\n    pass\nreturn A('x')`,
  `class A(bytearray):\n    pass\nreturn A(b'x', b'y')`,
  `class A(bytearray):\n    pass\na = A(b'xy')\nm = memoryview(a)\ntry:\n    a.append(1)\nexcept BufferError as e:\n    r = str(e)\nm.release()\na.append(1)\nreturn r, a`,
  `class A(bytearray):\n    pass\nreturn A(b'a') == A(b'a'), A(b'a') + A(b'b'), A(b'a') * 3, 3 * A(b'a'), A(b'a') < b'b', A(b'ab')[::-1], type(A(b'ab')[::-1]).__name__, A(b'x') in [b'x'], bytes(A(b'q')) , str(A(b'q')), A(b'ab').hex(':')`,
  `class A(bytearray):\n    pass\nx = A(b'a')\ny = x\nx += b'b'\nx *= 2\nreturn x is y, x, type(x).__name__`,
];

it('subclasses bytearray as CPython does', () => {
  expect(compareWithCPython(BYTEARRAYS)).toEqual([]);
});

/** complex subclasses: complex to the operators, cmath, hashing and keys; results complex. */
const COMPLEXES = [
  `class C(complex):\n    def mag(self):\n        return abs(self)\nc = C(3, 4)\nreturn c, repr(c), str(c), c.mag(), c.real, c.imag, c.conjugate(), type(c.conjugate()).__name__, c + 1, type(c + 1).__name__, 1 + c, c * c, c == 3+4j, 3+4j == c, hash(c) == hash(3+4j), {3+4j: 'x'}[c], isinstance(c, complex), type(c).__name__, -c, type(-c).__name__, abs(c), c ** 2, bool(C()), f'{c}', f'{c:.1f}', '%s' % (c,), C('1+2j'), C(1.5), complex(c), type(complex(c)).__name__`,
  `class C(complex):\n    pass\nreturn C('x')`,
  `class C(complex):\n    pass\nreturn C(1, 'x')`,
  `class C(complex):\n    pass\nreturn json.dumps(C(1))`,
  `class C(complex):\n    pass\nmatch C(1):\n    case C(x):\n        return x`,
  `class C(complex):\n    def __new__(cls, r):\n        return super().__new__(cls, r, r)\nc = C(2)\nimport cmath\nreturn c, type(c).__name__, cmath.sqrt(c), cmath.phase(C(1))`,
  `class C(complex):\n    pass\nreturn C(1) < C(2)`,
  `import cmath\nclass C(complex):\n    __match_args__ = ('real',)\nmatch C(4):\n    case C(r):\n        return r`,
  `class C(complex, float):\n    pass`,
  `class C(complex):\n    pass\nreturn C(1, 2) == C(1, 2), {C(1, 0): 'a'}, {1: 'x'}[C(1)], C(1) in {1, 2}, C(0) == 0, C(1) != 1, C(float('nan')), C(1e308) * 10, abs(C(3, 4)), C(2) ** 0.5, divmod(3, 1)`,
  `class C(complex):\n    pass\nreturn C(1) // 2`,
  `class C(complex):\n    pass\nreturn round(C(1))`,
  `class C(complex):\n    pass\nreturn int(C(1))`,
  `class C(complex):\n    def __init__(self, *a):\n        self.a = a\nreturn C(1, 2).a, C().a`,
  `class C(complex):\n    pass\nreturn type(C(1).real), C(2).real`,
];

it('subclasses complex as CPython does', () => {
  expect(compareWithCPython(COMPLEXES)).toEqual([]);
});

it('refuses, in clear words, the dunders the fast paths of bytes, bytearray and complex would pass by', () => {
  const engine = new Engine();
  const error = (source: string) => evaluator(engine, { source }).error;
  const only = (base: string, name: string) => `TypeError: a subclass of ${base} in a condition may define only __new__, __init__, __repr__, __str__, __match_args__: '${name}' is not supported`;
  expect(error(`class B(bytes):\n    def __len__(self):\n        return 5`)).toBe(only('bytes', '__len__'));
  expect(error(`class A(bytearray):\n    def __iter__(self):\n        return iter([])`)).toBe(only('bytearray', '__iter__'));
  expect(error(`class M:\n    def __add__(self, o):\n        return 1\nclass C(M, complex):\n    pass`)).toBe(only('complex', '__add__'));
});

/** The runtime's types CPython lets no class subclass, in its words. */
const FINAL = [
  `class X(memoryview):\n    pass`,
  `class X(slice):\n    pass`,
  `import datetime\nclass X(datetime.timezone):\n    pass`,
  `import time\nclass X(time.struct_time):\n    pass`,
  `import hashlib\nclass X(hashlib.blake2b):\n    pass`,
  `import hashlib\nclass X(hashlib.blake2s):\n    pass`,
  `return type('X', (slice,), {})`,
  `return type('X', (memoryview,), {})`,
  `class X(bool):\n    pass`,
  `import re\nclass X(re.RegexFlag):\n    pass`,
  `class X(int, slice):\n    pass`,
];

it('refuses the bases CPython refuses, in its words', () => {
  expect(compareWithCPython(FINAL)).toEqual([]);
});
