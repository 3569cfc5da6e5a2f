import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** Found by hunt-mods: reversed is a type, which isinstance and issubclass take; type(reversed(s)) is it. */
it('takes reversed as a type, as CPython does', () => {
  expect(compareWithCPython([
    "return isinstance(reversed('ab'), reversed), type(reversed('ab')) is reversed, issubclass(type(reversed('ab')), reversed), isinstance(reversed, type)",
    "return isinstance(reversed([1]), reversed), isinstance(reversed(range(3)), reversed), isinstance(reversed({}), reversed), isinstance(iter([]), reversed), repr(reversed)",
    "import functools\nreturn functools.reduce(lambda a, b: a + b, reversed('abc')), list(reversed(b'ab'))",
  ])).toEqual([]);
});

/** deque's and memoryview's iterators have types of their own, _collections' named with their module. */
it('names the iterators of a deque and a memoryview as CPython does', () => {
  expect(compareWithCPython([
    "from collections import deque\nreturn type(iter(deque())).__name__, type(reversed(deque())).__name__, repr(type(iter(deque()))), repr(type(reversed(deque([1])))), type(iter(deque())).__module__",
    "return type(iter(memoryview(b'a'))).__name__, repr(type(iter(memoryview(b'a')))), list(iter(memoryview(b'ab')))",
  ])).toEqual([]);
});

/** date's and datetime's "iii" formats convert each argument before the next is found missing: date('a') is about the 'a'. */
it('converts a date\'s fields in order before finding one missing, as vgetargskeywords does', () => {
  expect(compareWithCPython([
    "import datetime\nr = []\nfor a in [('a',), ('a', 1, 1), (2000, 'a'), (1.5,), (2000,), (), (2000, 1, 1, 1), (0, 1, 1), (2000, 13, 1), (2000, 1)]:\n  try:\n    r.append(datetime.date(*a))\n  except Exception as e:\n    r.append((type(e).__name__, str(e)))\nreturn r",
    "import datetime\nr = []\nfor a in [('a',), (1.5,), (1,), ('a', 1), (1, 1, 'a'), (None, None, None), (2000, 1, 1, 'x')]:\n  try:\n    r.append(datetime.datetime(*a))\n  except Exception as e:\n    r.append((type(e).__name__, str(e)))\nreturn r",
    "import datetime\nr = []\nfor k in [dict(year='a'), dict(year=1, month='a'), dict(month=1, day=1), dict(year=2000, month=1), dict(year=2000, month=1, day=2, foo=1)]:\n  for t in (datetime.date, datetime.datetime):\n    try:\n      r.append(t(**k))\n    except Exception as e:\n      r.append((type(e).__name__, str(e)))\nreturn r",
  ])).toEqual([]);
});

/** pattern_subx reads the template before the subject: p.sub(5, 2) is about the 5, as _compile_template's str(5, 'latin1') says. */
it('reads sub\'s template before its subject, as pattern_subx does', () => {
  expect(compareWithCPython([
    "import re\nr = []\nfor f in [lambda: re.compile('a').sub(5, 2, 1), lambda: re.compile('a').sub(5, 'abc'), lambda: re.sub('a', 5, 'abc'), lambda: re.compile('a').sub(None, 2), lambda: re.compile('a').subn(5.5, 2), lambda: re.compile(b'a').sub(5, b'a'), lambda: re.compile('a').sub([1], 2), lambda: re.compile('a').sub('x', 2), lambda: re.compile('a').sub(memoryview(b'x'), 2), lambda: re.compile('a').sub(lambda m: '', 2), lambda: re.compile('a').sub('\\\\1', 2), lambda: re.compile('a').sub(bytearray(b'x'), 2)]:\n  try:\n    r.append(f())\n  except Exception as e:\n    r.append((type(e).__name__, str(e)))\nreturn r",
  ])).toEqual([]);
});

/** vgetargskeywords converts every field before it finds an unknown keyword: date(zz=1) is about the year; range checks come after both. */
it("finds an unknown keyword to date and datetime after their fields, as CPython does", () => {
  expect(compareWithCPython([
    "import datetime\nr = []\nfor f in [lambda: datetime.date(zz=1), lambda: datetime.date(1, zz=1), lambda: datetime.date(2020, 1, 1, zz=1), lambda: datetime.date(2020, 13, 1, zz=1), lambda: datetime.date('a', zz=1), lambda: datetime.datetime(zz=1), lambda: datetime.datetime(2020, 1, 1, zz=1), lambda: datetime.datetime(2020, 1, 1, tzinfo=5, zz=1), lambda: datetime.datetime(2020, 1, 1, 25, zz=1), lambda: datetime.datetime(2020, 1, 1, 'x', zz=1), lambda: datetime.date(2020, 1, day=2), lambda: datetime.datetime(2020, 1, 1, fold=1)]:\n    try: r.append(repr(f()))\n    except Exception as e: r.append(f'{type(e).__name__}: {e}')\nreturn r\n",
  ])).toEqual([]);
});
