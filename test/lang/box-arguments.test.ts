import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/**
 * Instances of int and str subclasses (and re's flags) where a function of a module or a
 * builtin wants an int or a str: taken as their value wherever CPython takes a subclass
 * (PyLong_Check, PyUnicode_Check), refused where CPython refuses (hashlib's str).
 */
const P = `class I(int):\n    pass\nclass S(str):\n    pass\nimport re\n`;
const CALLS = [
  "import hashlib\nreturn hashlib.sha256(b'x').hexdigest()[:8], hashlib.shake_128(b'x').hexdigest(I(4))",
  "import hashlib\nreturn hashlib.sha256(S('x'))",
  "import hashlib\nreturn hashlib.new(S('md5'), b'x').hexdigest()",
  "import hashlib\nreturn hashlib.blake2b(b'x', digest_size=I(8)).hexdigest()",
  "import unicodedata\nreturn unicodedata.name(S('a')), unicodedata.lookup(S('LATIN SMALL LETTER A'))",
  "import datetime\nreturn datetime.date(I(2020), I(1), I(2)), datetime.datetime(I(2020), 1, 2, I(3)), datetime.time(I(1), I(2)), datetime.timedelta(days=I(2))",
  "import datetime\nreturn datetime.date.fromisoformat(S('2020-01-02')), datetime.datetime.fromisoformat(S('2020-01-02T03:04')), datetime.time.fromisoformat(S('03:04'))",
  "import datetime\nreturn datetime.datetime.strptime(S('2020'), S('%Y')), datetime.date(2020, 1, 2).strftime(S('%Y')), format(datetime.date(2020, 1, 2), S('%m'))",
  "import datetime\nreturn datetime.timezone(datetime.timedelta(hours=1), S('X')), datetime.date(2020, 1, 2).isoformat(), datetime.datetime(2020,1,2).isoformat(S('T')), datetime.datetime(2020,1,2).isoformat(sep=S(' '), timespec=S('hours'))",
  "return bytes(I(3)), bytearray(I(2)), bytes(S('ab'), S('ascii')), S('ab').encode(S('utf-8')), b'ab'.decode(S('ascii')), bytes([I(65)]), b'a' * I(2)",
  "import math\nreturn math.factorial(I(5)), math.comb(I(5), I(2)), math.perm(I(5), I(2)), math.isqrt(I(17)), math.gcd(I(4), I(6)), math.lcm(I(4), 6), math.ldexp(1.0, I(3)), math.sqrt(I(4))",
  "import math\nreturn math.log(I(8), I(2)), math.pow(I(2), I(3)), math.floor(I(3)), math.trunc(I(3)), math.prod([I(2), I(3)]), math.fsum([I(1)]), math.isclose(I(1), 1.0), math.dist([I(0)], [I(3)]), math.hypot(I(3), I(4))",
  "import itertools\nreturn list(itertools.islice(itertools.count(I(2), I(3)), I(3))), list(itertools.repeat(1, I(2))), list(itertools.combinations('abc', I(2)))[:2], list(itertools.permutations('ab', I(2))), list(itertools.product('ab', repeat=I(2)))[:2]",
  "import calendar\nreturn calendar.isleap(I(2020)), calendar.monthrange(I(2020), I(2)), calendar.weekday(I(2020), I(1), I(1)), calendar.leapdays(I(2000), I(2020)), calendar.month(I(2020), I(1))[:10], calendar.monthcalendar(I(2020), I(1))[0]",
  "import time\nreturn time.gmtime(I(0)).tm_year, time.strftime(S('%Y'), time.gmtime(0)), time.strptime(S('2020'), S('%Y')).tm_year",
  "import statistics\nreturn statistics.mean([I(1), I(2)]), statistics.median([I(1), I(3)]), statistics.quantiles([1, 2, 3, 4], n=I(2))",
  "import json\nreturn json.dumps([1], indent=I(2)), json.loads(S('[1]')), json.dumps({S('k'): 1})",
  "import functools\nreturn functools.reduce(lambda a, b: a + b, [I(1), 2])",
  "import collections\nreturn collections.deque([1, 2, 3], maxlen=I(2)), collections.Counter('aab').most_common(I(1)), collections.namedtuple(S('P'), [S('x')])(1)",
  "return chr(I(65)), ord(S('a')), hex(I(255)), oct(I(8)), bin(I(3)), round(1.25, I(1)), range(I(3)), [1, 2, 3][I(1)], 'abc'[I(1)], format(5, S('>3')), int(S('5')), float(S('1.5')), S('a%s') % 1, str(S('x'))",
  "return 'abc'.center(I(5)), 'abc'.zfill(I(5)), 'a,b'.split(S(','), I(1)), 'abc'.startswith(S('a')), 'x'.join([S('a'), S('b')]), 'abc'.replace(S('a'), S('z'), I(1)), 'abc'.find(S('b'), I(0)), 'abc'.expandtabs(I(2)), 'ab'.ljust(I(3), S('-'))",
  "return b'abc'.center(I(5)), b'a,b'.split(b',', I(1)), b'abc'.find(b'b', I(0)), b'ab'.ljust(I(3)), b'ab'.hex(S(':')), bytes.fromhex(S('41')), bytearray(b'ab').hex(S('-'), I(1))",
  "return int.from_bytes(b'\\x01', S('big')), (5).to_bytes(I(2), S('big')), (255).to_bytes(2, byteorder=S('little'))",
  "import re\nreturn re.sub(S('a'), S('b'), S('aa'), I(1)), re.split(S(','), S('a,b'), I(1)), re.compile(S('a'), re.I).match(S('A')).group(I(0)), re.findall(S('a'), S('aa'))",
  "import re\nm = re.search('(a)(b)', 'ab')\nreturn m.group(I(1)), m.start(I(2)), m.span(I(1)), m[I(1)], re.compile('a').search('xa', I(1)).start()",
  "import operator\nreturn operator.itemgetter(I(1))([1, 2]), operator.getitem([1, 2], I(0)), operator.attrgetter(S('real'))(5)",
  "return list(enumerate('ab', I(1))), sorted([2, 1])[I(0)], divmod(I(7), I(2)), pow(I(2), I(3), I(5)), sum([I(1)], I(2)), max(I(1), I(2)), [0] * I(3), list(reversed(range(I(3)))), slice(I(1)).indices(I(5))",
  "return 'abc'.encode(S('ascii'), S('strict')), b'abc'.decode(encoding=S('utf-8'), errors=S('replace')), memoryview(b'abcd')[I(1)], bytearray(b'abc').pop(I(0))",
  "import cmath\nreturn cmath.sqrt(I(4)), complex(I(1), I(2)), cmath.rect(I(1), I(0))",
  // re's flags are an int subclass too
  "import datetime, time\nreturn datetime.timedelta(seconds=re.I), time.gmtime(re.M).tm_sec, pow(re.I, re.M, re.S), [1, 2, 3][re.I]",
  "import hashlib\nreturn hashlib.md5(S('x'))",
  "return format(5, 3)",
];

it('takes int and str subclasses\' instances wherever CPython does', () => {
  expect(compareWithCPython(CALLS.map((c) => P + c))).toEqual([]);
});
