/** base64 and binascii against CPython 3.11 (Lib/base64.py over Modules/binascii.c): every encoding both ways, strict and lenient base64, the errors word for word, and the budget. */
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const CASES = [
  `import base64
data = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\\xff\\xfe\\xfd']
return [base64.b64encode(d) for d in data], [base64.b32encode(d) for d in data], [base64.b32hexencode(d) for d in data], [base64.b16encode(d) for d in data], [base64.b85encode(d) for d in data], [base64.a85encode(d) for d in data]`,
  `import base64
data = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\\xff\\xfe\\xfd']
ok = []
for d in data:
    ok.append(base64.b64decode(base64.b64encode(d)) == d and base64.b32decode(base64.b32encode(d)) == d and base64.b32hexdecode(base64.b32hexencode(d)) == d and base64.b16decode(base64.b16encode(d)) == d and base64.b85decode(base64.b85encode(d)) == d and base64.a85decode(base64.a85encode(d)) == d and base64.urlsafe_b64decode(base64.urlsafe_b64encode(d)) == d)
return ok`,
  `import base64
return base64.b64decode('YWJj'), base64.b64decode(b'YW Jj\\n'), base64.b64decode(bytearray(b'YWJj')), base64.b64decode(memoryview(b'YWJj')), base64.b64decode('YQ=='), base64.b64decode('YQ==YQ==')`,
  `import base64
return base64.b64decode('YWJjZ')`,
  `import base64
return base64.b64decode('YQ')`,
  `import base64
return base64.b64decode('YQ=')`,
  `import base64
return base64.b64decode('abcde'), 1`,
  `import base64
return base64.b64decode('a')`,
  `import base64
return base64.b64decode('é')`,
  `import base64
return base64.b64decode(5)`,
  `import base64
return base64.b64decode('YW!Jj', validate=True)`,
  `import base64
return base64.b64decode('=YWJj', validate=True)`,
  `import base64
return base64.b64decode('YQ===', validate=True)`,
  `import base64
return base64.b64decode('YQ==YQ', validate=True)`,
  `import base64
return base64.b64decode('YQ=a=', validate=True)`,
  `import base64
return base64.b64decode('YWJj', validate=True), base64.b64decode('YQ==', validate=1), base64.b64decode('', validate=True)`,
  `import base64
return base64.b64decode('YWJj====', validate=True)`,
  `import base64
return base64.b64encode(b'\\xfb\\xff', altchars=b'-_'), base64.b64encode(b'\\xfb\\xff', b'ab'), base64.b64decode(b'-_8=', altchars=b'-_'), base64.b64decode('-_8=', '-_'), base64.b64decode(b'+/8=', altchars=b'-_')`,
  `import base64
return base64.b64encode(b'x', altchars=b'abc')`,
  `import base64
return base64.b64encode(b'x', altchars='ab')`,
  `import base64
return base64.b64decode(b'x', altchars=b'a')`,
  `import base64
return base64.b64encode('abc')`,
  `import base64
return base64.b64encode(5)`,
  `import base64
return base64.b64encode()`,
  `import base64
return base64.b64encode(b'', b'', b'')`,
  `import base64
return base64.b64encode(s=b'hi'), base64.b64decode(s='aGk=', validate=False), base64.b64encode(b'hi', x=1)`,
  `import base64
return base64.standard_b64encode(b'\\xfb\\xff'), base64.standard_b64decode('+/8='), base64.urlsafe_b64encode(b'\\xfb\\xff\\xbf'), base64.urlsafe_b64decode('-_-_'), base64.urlsafe_b64decode(b'+/+/'), base64.urlsafe_b64decode('-_8')`,
  `import base64
return base64.urlsafe_b64encode('x')`,
  `import base64
return base64.b32decode('MZXW6==='), base64.b32decode(b'mzxw6===', casefold=True), base64.b32decode('MZXW6YQ='), base64.b32decode('0O======', map01=b'L'), base64.b32decode('ME======'), base64.b32decode('')`,
  `import base64
return base64.b32decode('mzxw6===')`,
  `import base64
return base64.b32decode('MZXW6')`,
  `import base64
return base64.b32decode('MZXW6YQ======')`,
  `import base64
return base64.b32decode('M=======')`,
  `import base64
return base64.b32decode('MZ=W6===')`,
  `import base64
return base64.b32decode('M1======')`,
  `import base64
return base64.b32decode('========')`,
  `import base64
return base64.b32decode('MZXW6===', map01=b'LL')`,
  `import base64
return base64.b32decode('MZXW6===', map01='I'), base64.b32hexdecode('CPNMU==='), base64.b32hexdecode('cpnmu===', True)`,
  `import base64
return base64.b32hexdecode('CPNMU===', map01='I')`,
  `import base64
return base64.b32encode('x')`,
  `import base64
return base64.b16decode('666F6F'), base64.b16decode(b'666f6f', casefold=True), base64.b16decode('')`,
  `import base64
return base64.b16decode('666f6f')`,
  `import base64
return base64.b16decode('666F6')`,
  `import base64
return base64.b16decode('66 6F')`,
  `import base64
return base64.b16encode('x')`,
  `import base64
return base64.a85encode(b'\\0\\0\\0\\0' * 2 + b'    ' + b'hi', foldspaces=True), base64.a85encode(b'\\0\\0\\0\\0xyz\\0', pad=True), base64.a85encode(b'\\0', pad=False), base64.a85encode(b'hello world' * 3, wrapcol=10), base64.a85encode(b'hello world', adobe=True), base64.a85encode(b'hello world' * 3, wrapcol=7, adobe=True), base64.a85encode(b'', adobe=True, wrapcol=1), base64.a85encode(b'abcdefgh', wrapcol=-3), base64.a85encode(b'abcd', adobe=True, wrapcol=6)`,
  `import base64
return base64.a85encode(b'x', 5)`,
  `import base64
return base64.a85encode(b'x', wrapcol=2.5)`,
  `import base64
return base64.a85decode(b'<~BOu!rD]j7BEbo7~>', adobe=True), base64.a85decode(b'BOu!rD]j7BEbo7~>', adobe=True), base64.a85decode('z'), base64.a85decode('y', foldspaces=True), base64.a85decode('87cURD]i,"Ebo80'), base64.a85decode('87c URD\\n]i,"Ebo80'), base64.a85decode(b'', adobe=False)`,
  `import base64
return base64.a85decode(b'BOu!r', adobe=True)`,
  `import base64
return base64.a85decode(b'~>', adobe=True), base64.a85decode(b'<~~>', adobe=True)`,
  `import base64
return base64.a85decode('s8W-"')`,
  `import base64
return base64.a85decode('ab z')`,
  `import base64
return base64.a85decode('aby', foldspaces=True)`,
  `import base64
return base64.a85decode('y')`,
  `import base64
return base64.a85decode('ab{')`,
  `import base64
return base64.a85decode('a b', ignorechars=b'')`,
  `import base64
return base64.a85decode('a b', ignorechars=' ')`,
  `import base64
return base64.a85decode('87cURD]i,"Ebo80', ignorechars=[32])`,
  `import base64
return base64.b85encode(b'hello world'), base64.b85encode(b'hello', pad=True), base64.b85encode(b'\\0\\0\\0\\0'), base64.b85decode('Xk~0{Zy<MXa%^NF'), base64.b85decode(b'Xk~0{'), base64.b85decode('')`,
  `import base64
return base64.b85decode('Xk~0{Z"')`,
  `import base64
return base64.b85decode('|NsC0~')`,
  `import base64
return base64.b85decode('~~~~~')`,
  `import base64
return base64.b85encode('x')`,
  `import base64
data = bytes(range(200))
return base64.encodebytes(data), base64.encodebytes(b''), base64.encodebytes(b'x' * 57), base64.encodebytes(b'x' * 58), base64.decodebytes(base64.encodebytes(data)) == data, base64.encodebytes(bytearray(b'ab')), base64.encodebytes(memoryview(b'ab'))`,
  `import base64
return base64.encodebytes('x')`,
  `import base64
return base64.decodebytes('YQ==')`,
  `import base64
return base64.encodebytes(memoryview(b'abcd').cast('I'))`,
  `import base64
return base64.decodebytes(memoryview(b'abcdef').cast('B', (2, 3)))`,
  `import base64
return base64.decodebytes(b'YQ'), 1`,
  `import base64
return base64.decodebytes(5)`,
  `import binascii
return binascii.hexlify(b'\\x01\\xab'), binascii.b2a_hex(b'\\x01\\xab\\xcd', '-'), binascii.hexlify(b'\\x01\\xab\\xcd', b':', 2), binascii.hexlify(b'\\x01\\xab\\xcd', '-', -2), binascii.hexlify(data=b'ab', sep='.', bytes_per_sep=1), binascii.hexlify(b'ab', bytes_per_sep=1), binascii.hexlify(bytearray(b'\\xff'))`,
  `import binascii
return binascii.hexlify('ab')`,
  `import binascii
return binascii.hexlify(b'ab', 'xy')`,
  `import binascii
return binascii.hexlify()`,
  `import binascii
return binascii.hexlify(b'a', x=1)`,
  `import binascii
return binascii.unhexlify('01aB'), binascii.a2b_hex(b'ff00'), binascii.unhexlify(''), binascii.unhexlify(bytearray(b'41'))`,
  `import binascii
return binascii.unhexlify('abc')`,
  `import binascii
return binascii.unhexlify('zz')`,
  `import binascii
return binascii.unhexlify('é0')`,
  `import binascii
return binascii.unhexlify(5)`,
  `import binascii
return binascii.unhexlify(hexstr='00')`,
  `import binascii
return binascii.unhexlify()`,
  `import binascii
return binascii.b2a_base64(b'abc'), binascii.b2a_base64(b'abc', newline=False), binascii.b2a_base64(b''), binascii.a2b_base64('YWJj\\n'), binascii.a2b_base64(b'YW=Jj'), binascii.a2b_base64('YWJj', strict_mode=True)`,
  `import binascii
return binascii.b2a_base64(b'abc', False)`,
  `import binascii
return binascii.b2a_base64(data=b'abc')`,
  `import binascii
return binascii.a2b_base64('YWJj', True)`,
  `import binascii
return binascii.a2b_base64('YQ', strict_mode=True)`,
  `import binascii
return binascii.a2b_base64()`,
  `import binascii
return binascii.crc32(b'hello'), binascii.crc32(b''), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(b'hello world'), binascii.crc32(b'x', -1), binascii.crc32(b'x', 2**40 + 5), binascii.crc32(bytes(range(256)) * 3), binascii.crc32(b'a', True)`,
  `import binascii
return binascii.crc_hqx(b'hello', 0), binascii.crc_hqx(b'', 0xffff), binascii.crc_hqx(b'123456789', 0xffff), binascii.crc_hqx(b'x', -1), binascii.crc_hqx(b'x', 2**40), binascii.crc_hqx(bytes(range(256)), 7)`,
  `import binascii
return binascii.crc32(b'a', 1.0)`,
  `import binascii
return binascii.crc32('a')`,
  `import binascii
return binascii.crc32()`,
  `import binascii
return binascii.crc32(b'a', 0, 1)`,
  `import binascii
return binascii.crc32(b'a', crc=1)`,
  `import binascii
return binascii.crc_hqx(b'a')`,
  `import binascii
return binascii.crc_hqx(b'a', None)`,
  `import binascii
try:
    binascii.unhexlify('0')
except ValueError as e:
    return type(e).__name__, str(e), isinstance(e, binascii.Error), issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception), issubclass(binascii.Incomplete, ValueError)`,
  `import base64, binascii
try:
    base64.b64decode('abc')
except binascii.Error as e:
    return 'caught', str(e), e.args`,
  `import binascii
e = binascii.Error('x', 1)
i = binascii.Incomplete()
return e.args, str(e), i.args, binascii.Error.__name__, binascii.Incomplete.__name__`,
  `import binascii
s = ['YWJj=', 'YWJj====', 'YQ===', 'YQ=', 'Y===', '=', '====', 'YWJj=YQ==', 'YQ==YQ', 'YQ=a=', 'YWJ=j', 'YW==j', 'YW=', 'YWJ==', 'YWJj\\n=', '\\n=YWJj', 'YQ==\\n', 'Y', 'YWJjZ', 'YWJjZA', 'YWJjZA=', 'YWJjZA==', 'YWJjZGV=', '=YWJj', 'YW Jj', 'Y=Q', 'Y==Q==', 'YQ=\\n=', '']
out = []
for strict in (False, True):
    for x in s:
        try:
            out.append(binascii.a2b_base64(x, strict_mode=strict))
        except binascii.Error as e:
            out.append(str(e))
return out`,
  `import binascii
return binascii.a2b_hex(), 1`,
  `import binascii
return binascii.crc_hqx(b'a', 2.0)`,
  `import binascii
class I:
    def __index__(self):
        return -2
return binascii.crc32(b'abc', I()), binascii.crc_hqx(b'abc', I())`,
  `import base64
xs = [b'', b'\\0', b'\\0\\0', b'\\0\\0\\0', b'\\0\\0\\0\\0', b'\\0\\0\\0\\0\\0', b'    ', b'     ', b'   ', b'\\xff\\xff\\xff\\xff', b'\\xff', b'ab\\0\\0\\0\\0cd']
return [(base64.a85encode(x), base64.a85encode(x, pad=True), base64.a85encode(x, foldspaces=True), base64.b85encode(x), base64.b85encode(x, pad=True)) for x in xs]`,
  `import base64
xs = [b'', b'\\0', b'\\0\\0', b'\\0\\0\\0', b'\\0\\0\\0\\0', b'\\0\\0\\0\\0\\0', b'    ', b'     ', b'   ', b'\\xff\\xff\\xff\\xff', b'\\xff', b'ab\\0\\0\\0\\0cd']
return [(base64.a85decode(base64.a85encode(x)), base64.a85decode(base64.a85encode(x, foldspaces=True), foldspaces=True), base64.b85decode(base64.b85encode(x))) for x in xs]`,
  `import base64
return [base64.a85encode(b'0123456789abcdef', wrapcol=w, adobe=a) for w in range(0, 12) for a in (False, True)]`,
  `import base64
return base64.a85decode('s8W-!'), base64.a85decode('s8W'), base64.a85decode('s'), base64.a85decode('zz'), base64.a85decode('yy', foldspaces=True)`,
  `import base64
return base64.b85decode('|NsC0'), base64.b85decode('|Ns'), base64.b85decode('0'), base64.b85decode('00'), base64.b85decode(b'{{{{{')`,
  `import base64
return base64.b85decode('|NsC1')`,
  `import base64
return base64.a85decode('s8W-"s8W-!')`,
  `import base64
return [base64.b32encode(b'x' * n) for n in range(12)], [base64.b32decode(base64.b32encode(bytes(range(n)))) for n in range(12)]`,
  `import base64
return base64.b32decode('MZXW6YTB'), base64.b32decode('MZXW6YQ=MZXW6YQ=')`,
  `import base64
return base64.b32decode(b'MZXW6YTBOI======'), base64.b32decode(bytearray(b'MY======')), base64.b32decode(memoryview(b'MZXQ====')), base64.b32decode('MZXW6YTBOI=====A')`,
];

it('encodes and decodes as CPython does', () => {
  // a loaded machine's clock is no measure here: the step budget still holds
  expect(compareWithCPython(CASES, new Engine({ maxMillis: 10_000 }))).toEqual([]);
});

/** An output is charged and held to the size limit before it is made; a loop of big ones ends at the budget, quickly. */
it.each([
  ['import base64\nreturn base64.b64encode(b"x" * 900000)', /^MemoryError: condition built a value of 1200000 items/],
  ['import base64\nreturn base64.b85encode(b"x" * 900000)', /^MemoryError: condition built a value of 1125000 items/],
  ['import binascii\nreturn binascii.hexlify(b"x" * 600000)', /^MemoryError: condition built a value of 1200000 items/],
  ['import base64\nfor i in range(10**6):\n    base64.b64encode(b"x" * 700000)', /^StepLimitError/],
  ['import base64\ns = base64.b64encode(b"x" * 700000)\nfor i in range(10**6):\n    base64.b64decode(s)', /^StepLimitError/],
  ['import base64\ns = base64.a85encode(b"x" * 700000)\nfor i in range(10**6):\n    base64.a85decode(s)', /^StepLimitError/],
  ['import binascii\nfor i in range(10**6):\n    binascii.crc32(b"x" * 900000)', /^StepLimitError/],
])('ends %j at the limits', (source, error) => {
  const started = performance.now();
  expect(evaluator(new Engine(), { source }).error).toMatch(error);
  expect(performance.now() - started).toBeLessThan(3000);
});

// _Py_strhex_impl: a str made (bytes.hex) takes an ASCII separator, binascii's bytes any latin-1 character or octet
it("takes binascii.hexlify's separators past ASCII as CPython does", () => {
  const cases = ["'é'", "b'\\xff'", "'ÿ'", "'Ā'", "'€'", "b'\\x80'"].flatMap((s) =>
    [`binascii.hexlify(b'abc', ${s})`, `binascii.b2a_hex(b'abc', ${s}, 2)`, `b'abc'.hex(${s})`].map(
      (call) => `import binascii\ntry:\n    return ${call}\nexcept ValueError as e:\n    return str(e)`,
    ),
  );
  expect(compareWithCPython(cases)).toEqual([]);
});
