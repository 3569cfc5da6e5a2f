import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

const IMPORT = 'from datetime import datetime, date, time, timedelta, timezone, tzinfo';

/** A time budget far past what these take: the machine is shared, and each case makes many Python calls; the step limit stays. */
const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });

/** A zone that logs each question it is asked (with the fold of the datetime it is given), and a fixed one of any answers. */
const ZONES = `${IMPORT}
L = []
class Z(tzinfo):
    def __init__(self, o, n=None):
        self.o = o
        self.n = n
    def utcoffset(self, dt):
        L.append(('utc', type(dt).__name__, None if dt is None else dt.fold))
        return self.o
    def dst(self, dt):
        L.append('dst')
        return timedelta(0)
    def tzname(self, dt):
        L.append('name')
        return self.n
    def __repr__(self):
        return 'Z(%r)' % (self.o,)
class Odd(tzinfo):
    def __init__(self, v):
        self.v = v
    def utcoffset(self, dt):
        return self.v
    def dst(self, dt):
        return self.v
    def tzname(self, dt):
        return self.v
    def __repr__(self):
        return 'Odd(%r)' % (self.v,)
class TD(timedelta):
    pass
class S(str):
    pass
H = timedelta(hours=1)
`;

/** Each expression after ZONES, with the questions the zones were asked: CPython's answers, and its order of asking. */
const logged = (expr: string) => `${ZONES}try:\n    r = ${expr}\nexcept Exception as e:\n    r = repr(e)\nreturn r, L`;

it('answers a tzinfo subclass as the tzinfo of datetime and time as CPython does', () => {
  const exprs = [
    // made, printed, asked
    'datetime(2024, 1, 1, 8, tzinfo=Z(H))', 'repr(datetime(2024, 1, 1, tzinfo=Z(H), fold=1))', 'str(datetime(2024, 1, 1, tzinfo=Z(H)))', "datetime(2024, 1, 1, tzinfo=Z(H)).isoformat(timespec='minutes')",
    'datetime(2024, 1, 1, tzinfo=Z(H, "X")).utcoffset(), datetime(2024, 1, 1, tzinfo=Z(H, "X")).dst(), datetime(2024, 1, 1, tzinfo=Z(H, "X")).tzname()',
    "datetime(2024, 1, 1, tzinfo=Z(-H, 'A%')).strftime('%z %Z %z %Z %%Z')", "f'{datetime(2024, 1, 1, tzinfo=Z(H)):%H%z}'", "datetime(2024, 1, 1, tzinfo=Z(None, 'N')).strftime('[%z][%Z]')",
    'datetime(2024, 1, 1, tzinfo=Z(H)).timetuple()', 'datetime(2024, 1, 1, tzinfo=Z(H)).utctimetuple()', 'datetime(2024, 1, 1).utctimetuple()', 'datetime(2024, 1, 1, tzinfo=timezone(-H)).utctimetuple()',
    'datetime(2024, 1, 1, tzinfo=Z(H)).timestamp()', 'datetime(2024, 1, 1, tzinfo=Z(H)).timetz()', 'datetime(2024, 1, 1, tzinfo=Z(H)).time()', 'datetime(2024, 1, 1, tzinfo=Z(H)).replace(tzinfo=None)',
    'datetime(2024, 1, 1).replace(tzinfo=Z(H))', 'datetime.combine(date(2024, 1, 1), time(1), Z(H))', 'datetime.combine(date(2024, 1, 1), time(1, tzinfo=Z(H)))', 'datetime(2024, 1, 1, tzinfo=Z(H)) + timedelta(days=1)',
    // compared, subtracted, hashed: the same tzinfo asks nothing; == asks the other fold too
    'datetime(2024, 1, 1, tzinfo=Z(H)) == datetime(2024, 1, 1, 1, tzinfo=Z(2 * H))', 'datetime(2024, 1, 1, tzinfo=Z(H)) != datetime(2024, 1, 1, tzinfo=Z(H))', 'datetime(2024, 1, 1, tzinfo=Z(H)) < datetime(2024, 1, 1, tzinfo=Z(2 * H))',
    'datetime(2024, 1, 1, tzinfo=Z(H)) == datetime(2024, 1, 1)', 'datetime(2024, 1, 1, tzinfo=Z(H)) >= datetime(2024, 1, 1)', 'datetime(2024, 1, 1, tzinfo=Z(None)) == datetime(2024, 1, 1)', 'datetime(2024, 1, 1, tzinfo=Z(None)) < datetime(2024, 1, 2)',
    'datetime(2024, 1, 1, 2, tzinfo=Z(H)) - datetime(2024, 1, 1, tzinfo=timezone.utc)', 'datetime(2024, 1, 1, tzinfo=Z(H)) - datetime(2024, 1, 1)', 'datetime(2024, 1, 1, tzinfo=Z(None)) - datetime(2024, 1, 1)',
    '(lambda z: datetime(2024, 1, 1, 5, tzinfo=z) - datetime(2024, 1, 1, tzinfo=z))(Z(H))', '(lambda z: datetime(2024, 1, 1, tzinfo=z) < datetime(2024, 1, 2, tzinfo=z))(Z(H))',
    // (a dict or set asks the offsets of keys of one hash again to compare them, which the evaluator's keys need not: Odd logs nothing)
    'sorted([datetime(2024, 1, 1, h, tzinfo=Z(2 * h * H / 3)) for h in range(5)])', 'len({datetime(2024, 1, 1, h, tzinfo=Odd(h * H)) for h in range(4)})',
    '(lambda d: (hash(d) == hash(d), hash(d) == hash(datetime(2023, 12, 31, 23, tzinfo=timezone.utc))))(datetime(2024, 1, 1, tzinfo=Z(H), fold=1))',
    '{datetime(2024, 1, 1, tzinfo=Odd(H)): 1}.get(datetime(2023, 12, 31, 23, tzinfo=timezone.utc))', 'list({datetime(2024, 1, 1, h, tzinfo=Odd(h * H / 2)): h for h in range(6)}.values())', 'hash(datetime(2024, 1, 1, tzinfo=Z(None))) == hash(datetime(2024, 1, 1))',
    // to and from UTC: fromutc, the default's and a timezone's
    'datetime(2024, 1, 1, tzinfo=Z(H)).astimezone(timezone.utc)', 'datetime(2024, 1, 1, tzinfo=timezone.utc).astimezone(Z(H))', 'datetime(2024, 1, 1, tzinfo=Z(H)).astimezone(Z(2 * H))',
    '(lambda z: datetime(2024, 1, 1, tzinfo=z).astimezone(z))(Z(H))', 'datetime(2024, 1, 1, tzinfo=Z(None)).astimezone(timezone.utc)', 'datetime(2024, 1, 1, tzinfo=Z(H)).astimezone()', 'datetime(2024, 1, 1).astimezone(Z(H))',
    'datetime.fromtimestamp(1700000000.5, Z(H))', 'datetime.fromtimestamp(0, tz=Z(-H)).strftime("%Y %H %z")', 'type(datetime.now(Z(H))).__name__', 'datetime.now(Z(H)).utcoffset()',
    // time: its tzinfo is given None
    'time(1, 2, tzinfo=Z(H, "T"))', 'str(time(1, 2, tzinfo=Z(H)))', 'time(1, tzinfo=Z(H, "T")).utcoffset(), time(1, tzinfo=Z(H, "T")).dst(), time(1, tzinfo=Z(H, "T")).tzname()', "time(1, tzinfo=Z(H, 'T')).strftime('%H %z %Z')",
    'time(2, tzinfo=Z(H)) == time(1, tzinfo=timezone.utc)', 'time(1, tzinfo=Z(H)) < time(1, tzinfo=Z(2 * H))', 'time(1, tzinfo=Z(None)) == time(1)', 'time(1, tzinfo=Z(H)) < time(1)', 'hash(time(1, tzinfo=Z(H))) == hash(time(0, tzinfo=timezone.utc))',
    'time(1, tzinfo=Z(timedelta(seconds=1, microseconds=5))) == time(1, tzinfo=Z(timedelta(seconds=1)))', 'time(1).replace(tzinfo=Z(H))',
  ];
  expect(compareWithCPython(exprs.map(logged), engine)).toEqual([]);
});

it("checks a tzinfo's answers with CPython's words", () => {
  const exprs = [
    'datetime(2024, 1, 1, tzinfo=Odd(5)).utcoffset()', "datetime(2024, 1, 1, tzinfo=Odd('x')).dst()", 'datetime(2024, 1, 1, tzinfo=Odd(5)).tzname()', 'time(1, tzinfo=Odd(1.5)).utcoffset()',
    'datetime(2024, 1, 1, tzinfo=Odd(timedelta(hours=24))).utcoffset()', 'datetime(2024, 1, 1, tzinfo=Odd(-timedelta(hours=24))).isoformat()', 'datetime(2024, 1, 1, tzinfo=Odd(timedelta(microseconds=1) - timedelta(hours=24))).utcoffset()',
    'datetime(2024, 1, 1, tzinfo=Odd(timedelta(seconds=1, microseconds=7))).isoformat()', 'datetime(2024, 1, 1, tzinfo=Odd(timedelta(hours=2))).timetuple().tm_isdst',
    // a subclass's instance is answered as it is
    'type(datetime(2024, 1, 1, tzinfo=Odd(TD(hours=3))).utcoffset()).__name__', 'type(time(tzinfo=Odd(TD(hours=3))).dst()).__name__',
    'type(datetime(2024, 1, 1, tzinfo=Odd(S("n%"))).tzname()).__name__', 'datetime(2024, 1, 1, tzinfo=Odd(S("n%"))).strftime("%Z")',
    // None: naive, for every question
    'datetime(2024, 1, 1, tzinfo=Odd(None)) - datetime(2024, 1, 1, tzinfo=timezone.utc)', 'datetime(2024, 1, 1, tzinfo=Odd(None)) < datetime(2024, 1, 1, tzinfo=timezone.utc)',
    'datetime(2024, 1, 1, tzinfo=Odd(None)).timestamp()', 'datetime(2024, 1, 1, tzinfo=Odd(None)).utctimetuple()', 'datetime(2024, 1, 1, tzinfo=Odd(None)).timetuple().tm_isdst', 'time(1, tzinfo=Odd(None)) < time(1, tzinfo=timezone.utc)',
    'datetime(2024, 1, 1, tzinfo=timezone.utc).astimezone(Odd(None))', 'datetime(2024, 1, 1, tzinfo=Odd(None)).astimezone(Odd(H))',
    // out of range on the way to or from UTC
    'datetime(1, 1, 1, tzinfo=Odd(H)).utctimetuple()', 'datetime(1, 1, 1, tzinfo=Odd(H)).astimezone(timezone.utc)', 'datetime(9999, 12, 31, 23, tzinfo=timezone.utc).astimezone(Odd(H))', 'datetime.fromtimestamp(253402300799, Odd(H))',
    // what the arguments may be
    'datetime.now(5)', 'datetime.fromtimestamp(1, tz=5)', 'datetime(2024, 1, 1).astimezone(5)', "time(tzinfo='UTC')", 'datetime(2024, 1, 1, tzinfo=tzinfo).utcoffset()',
  ];
  expect(compareWithCPython(exprs.map(logged), engine)).toEqual([]);
});

it("builds tzinfo's own methods and the default fromutc as CPython does", () => {
  const cases = [
    // a zone with summer time: fromutc's default algorithm across the change
    `${IMPORT}
ZERO = timedelta(0)
class Eastern(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)
    def dst(self, dt):
        if dt is None:
            return ZERO
        start = datetime(dt.year, 3, 10, 2)
        end = datetime(dt.year, 11, 3, 1)
        return timedelta(hours=1) if start <= dt.replace(tzinfo=None) < end else ZERO
    def tzname(self, dt):
        return 'EDT' if self.dst(dt) else 'EST'
    def __repr__(self):
        return 'Eastern()'
E = Eastern()
out = []
for h in list(range(4, 9)) + [238 * 24 + h for h in range(4, 9)]:
    u = datetime(2024, 3, 10, tzinfo=timezone.utc) + timedelta(hours=h)
    x = u.astimezone(E)
    out.append((x, x.tzname(), x.dst(), x.astimezone(timezone.utc) == u, x.timetuple().tm_isdst, str(x)))
return out, datetime.fromtimestamp(1710054000, E), E.fromutc(datetime(2024, 7, 1, tzinfo=E)), datetime(2024, 11, 3, 1, 30, tzinfo=E) == datetime(2024, 11, 3, 1, 30, tzinfo=E).astimezone(timezone.utc)`,
    // tzinfo() itself, and a subclass that defines nothing
    `${IMPORT}
t = tzinfo()
class U(tzinfo):
    pass
class V(tzinfo):
    def __init__(self, a):
        super().__init__()
        self.a = a
out = [isinstance(t, tzinfo), isinstance(U(), tzinfo), isinstance(timezone.utc, tzinfo), issubclass(U, tzinfo), type(tzinfo(1, x=2)).__name__, type(U(1, 2)).__name__, V(3).a, isinstance(U(), timezone)]
for f in [lambda: t.utcoffset(None), lambda: t.dst(None), lambda: t.tzname(None), lambda: t.utcoffset(), lambda: t.fromutc(1), lambda: t.fromutc(datetime(2024, 1, 1)), lambda: t.fromutc(datetime(2024, 1, 1, tzinfo=t)),
          lambda: datetime(2024, 1, 1, tzinfo=U()).utcoffset(), lambda: str(datetime(2024, 1, 1, tzinfo=U())), lambda: time(tzinfo=t).tzname(), lambda: datetime(2024, 1, 1, tzinfo=U()) == datetime(2024, 1, 1, tzinfo=U()),
          lambda: datetime(2024, 1, 1, tzinfo=t).astimezone(timezone.utc), lambda: datetime.fromtimestamp(0, U()), lambda: U().fromutc(datetime(2024, 1, 1, tzinfo=timezone.utc))]:
    try:
        out.append(f())
    except Exception as e:
        out.append(repr(e))
return out`,
    // fromutc's checks, and a fromutc of the class's own, whose answer is returned whatever it is
    `${IMPORT}
class NoDst(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=1)
    def dst(self, dt):
        return None
class Flaky(tzinfo):
    n = 0
    def utcoffset(self, dt):
        return timedelta(hours=1)
    def dst(self, dt):
        Flaky.n += 1
        return timedelta(0) if Flaky.n == 1 else None
class Own(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=3)
    def fromutc(self, dt):
        return ('fromutc', dt.tzinfo is self, dt.replace(tzinfo=None))
class Super(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=3)
    def dst(self, dt):
        return timedelta(hours=1)
    def fromutc(self, dt):
        return super().fromutc(dt).replace(microsecond=1)
    def tzname(self, dt):
        return super().tzname(dt)
    def __repr__(self):
        return 'Super()'
u = datetime(2024, 1, 1, tzinfo=timezone.utc)
out = []
for f in [lambda: u.astimezone(NoDst()), lambda: u.astimezone(Flaky()), lambda: u.astimezone(Own()), lambda: datetime.fromtimestamp(0, Own()), lambda: datetime.now(Own())[0], lambda: u.astimezone(Super()), lambda: datetime(2024, 1, 1, tzinfo=Super()).tzname()]:
    try:
        out.append(f())
    except Exception as e:
        out.append(repr(e))
return out`,
    // timezone stays final; a tzinfo subclass may have subclasses and mixins of its own
    `${IMPORT}
class T(timezone):
    pass`,
    `${IMPORT}
class Base(tzinfo):
    def utcoffset(self, dt):
        return timedelta(minutes=self.m)
class Named:
    def tzname(self, dt):
        return 'N' + str(self.m)
class Zone(Named, Base):
    def __init__(self, m):
        self.m = m
    def __repr__(self):
        return 'Zone(%d)' % self.m
d = datetime(2024, 1, 1, tzinfo=Zone(90))
return d, d.tzname(), d.isoformat(), d.astimezone(Zone(-30)), [c.__name__ for c in Zone.__mro__]`,
  ];
  expect(compareWithCPython(cases, engine)).toEqual([]);
});

it("gives a datetime subclass's instances to a tzinfo, and keeps their class from it to a timezone", () => {
  const source = `${ZONES}
class DT(datetime):
    pass
d = DT(2024, 1, 1, tzinfo=Z(H, 'N'))
u = d.astimezone(timezone.utc)
return d, type(u).__name__, u, d.astimezone(d.tzinfo) is d, d.utcoffset(), d.tzname(), str(d), d - DT(2024, 1, 1, tzinfo=timezone.utc), d == d.replace(tzinfo=timezone.utc), hash(d) == hash(u), d.timestamp(), L`;
  expect(compareWithCPython([source], engine)).toEqual([]);
});

it('holds a hostile tzinfo to the limits', () => {
  // on a loaded machine each ends at the limit it meets, not the clock
  const error = (source: string) => evaluator(engine, { source: `${IMPORT}\n${source}` }).error;
  // a question that asks itself, through each way of asking
  for (const call of ['dt.utcoffset()', 'dt.dst()', 'str(dt)', 'dt.strftime("%z")', 'hash(dt)', 'dt < datetime(2024, 1, 1, tzinfo=timezone.utc)', 'repr(dt)']) {
    expect(error(`class R(tzinfo):\n    def utcoffset(self, dt):\n        return ${call}\n    def dst(self, dt):\n        return ${call}\n    def __repr__(self):\n        return repr(datetime(2024, 1, 1, tzinfo=self))\nreturn datetime(2024, 1, 1, tzinfo=R()).utcoffset()`)).toBe('RecursionError: maximum recursion depth exceeded');
  }
  expect(error(`class R(tzinfo):\n    def utcoffset(self, dt):\n        return None\n    def fromutc(self, dt):\n        return datetime.fromtimestamp(0, self)\nreturn datetime(2024, 1, 1, tzinfo=timezone.utc).astimezone(R())`)).toBe('RecursionError: maximum recursion depth exceeded');
  // a slow answer is paid from the run's budget, asked once per comparison of a sort
  expect(error(`class S(tzinfo):\n    def utcoffset(self, dt):\n        while True:\n            pass\nreturn datetime(2024, 1, 1, tzinfo=S()).isoformat()`)).toMatch(/^StepLimitError/);
  expect(error(`class S(tzinfo):\n    def utcoffset(self, dt):\n        for i in range(1000):\n            pass\n        return timedelta(0)\nreturn sorted(datetime(2024, 1, 1, i % 24, tzinfo=S()) for i in range(2000))`)).toMatch(/^StepLimitError/);
  // an answer the size of memory is refused when made, as any value
  expect(error(`class B(tzinfo):\n    def tzname(self, dt):\n        return 'x' * 10**12\nreturn datetime(2024, 1, 1, tzinfo=B()).tzname()`)).toMatch(/^MemoryError/);
}, 120_000);

it('keeps a changing tzinfo as CPython does: a hash is asked once', () => {
  const source = `${IMPORT}
class M(tzinfo):
    def __init__(self):
        self.h = 0
    def utcoffset(self, dt):
        self.h += 1
        return timedelta(hours=self.h)
z = M()
d = datetime(2024, 1, 1, tzinfo=z)
s = {d}
h = hash(d)
t = time(1, tzinfo=z)
return hash(d) == h, d in s, z.h, d.utcoffset(), z.h, d == d, z.h, hash(t) == hash(t), z.h`;
  expect(compareWithCPython([source], engine)).toEqual([]);
});
