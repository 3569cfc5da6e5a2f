#!/usr/bin/env python3
"""What CPython answers for the datetime kernel's cases (test/lang/datetime-kernel.test.ts).

Each input line is {"op": ..., "args": [...]}; each output line is the answer as a JSON
string: the repr or str CPython gives, several joined by " | ", or "!Type: message".
Values: {"f": x} is a float (x may be "inf", "-inf", "nan"), {"dt": [y, m, d, H, M, S, us],
"tz": null or [seconds, microseconds, name or null]} a datetime. Run with TZ=UTC and
PYTHONHASHSEED=0, as the server runs.
"""
import datetime as D
import json
import sys
import time


def val(v):
    if isinstance(v, dict) and "f" in v:
        return float(v["f"])
    if isinstance(v, dict) and "dt" in v:
        return D.datetime(*v["dt"], tzinfo=tz(v["tz"]))
    if isinstance(v, dict):
        return {k: val(x) for k, x in v.items()}
    return v


def tz(t):
    if t is None:
        return None
    offset = D.timedelta(seconds=t[0], microseconds=t[1])
    return D.timezone(offset) if t[2] is None else D.timezone(offset, t[2])


def each(*fs):
    out = []
    for f in fs:
        try:
            out.append(f())
        except Exception as e:
            out.append("!%s: %s" % (type(e).__name__, e))
    return " | ".join(out)


def delta_op(a, op, b):
    a = D.timedelta(**a)
    b = D.timedelta(**b) if isinstance(b, dict) else b
    r = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b, "//": lambda: a // b,
         "%": lambda: a % b, "divmod": lambda: divmod(a, b), "cmp": lambda: (a < b, a <= b, a == b, a != b, a > b, a >= b),
         "neg": lambda: (-a, abs(a))}[op]()
    return repr(r)


def cmp(a, b):
    return each(*[(lambda f=f: repr(f())) for f in (lambda: a == b, lambda: a != b, lambda: a < b, lambda: a <= b, lambda: a > b, lambda: a >= b)])


OPS = {
    "date": lambda y, m, d: (lambda x: "%r %s %d %d %d %r %d" % (x, x.isoformat(), x.toordinal(), x.weekday(), x.isoweekday(), tuple(x.isocalendar()), x.timetuple().tm_yday))(D.date(y, m, d)),
    "fromordinal": lambda n: repr(D.date.fromordinal(n)),
    "fromisocalendar": lambda y, w, d: repr(D.date.fromisocalendar(y, w, d)),
    "delta": lambda kw: (lambda t: "%r %s %r" % (t, t, t.total_seconds()))(D.timedelta(**kw)),
    "delta_op": delta_op,
    "dt_add": lambda dt, kw: each(lambda: repr(dt + D.timedelta(**kw)), lambda: repr(dt - D.timedelta(**kw))),
    "dt_sub": lambda a, b: repr(a - b),
    "dt_cmp": cmp,
    "astimezone": lambda dt, t: repr(dt.astimezone(tz(t)) if t is not None else dt.astimezone()),
    "isoformat": lambda dt, sep, spec: each(lambda: dt.isoformat(sep, spec), lambda: str(dt), lambda: repr(dt), lambda: repr(dt.timetz()), lambda: dt.timetz().isoformat(spec), lambda: str(dt.date())),
    "fromiso": lambda kind, s: repr(getattr(D, kind).fromisoformat(s)),
    "strftime": lambda dt, fmt: repr(dt.strftime(fmt)),
    "strptime": lambda s, fmt: each(lambda: repr(D.datetime.strptime(s, fmt)), lambda: repr(time.strptime(s, fmt))),
    "replace": lambda dt, kw: repr(dt.replace(**{k: (tz(v) if k == "tzinfo" else v) for k, v in kw.items()})),
    "replace_date": lambda ymd, kw: repr(D.date(*ymd).replace(**kw)),
    "replace_time": lambda hms, t, kw: repr(D.time(*hms, tzinfo=tz(t)).replace(**{k: (tz(v) if k == "tzinfo" else v) for k, v in kw.items()})),
    "combine": lambda ymd, hms, t: repr(D.datetime.combine(D.date(*ymd), D.time(*hms, tzinfo=tz(t)))),
    "date_add": lambda ymd, days: each(lambda: repr(D.date(*ymd) + D.timedelta(days)), lambda: repr(D.date(*ymd) - D.timedelta(days))),
    "date_sub": lambda a, b: repr(D.date(*a) - D.date(*b)),
    "date_cmp": lambda a, b: cmp(D.date(*a), D.date(*b)),
    "time_cmp": lambda a, b: cmp(D.time(*a[0], tzinfo=tz(a[1])), D.time(*b[0], tzinfo=tz(b[1]))),
    "time_strftime": lambda fmt, s, parse: repr(time.strftime(fmt, time.strptime(s, parse))),
    "strptime_of_strftime": lambda dt, fmt: repr(D.datetime.strptime(dt.strftime(fmt), fmt)),
    "timestamp": lambda dt: repr(dt.timestamp()),
    "fromts": lambda ts, t: each(lambda: repr(D.datetime.fromtimestamp(ts, tz(t))), lambda: repr(D.datetime.utcfromtimestamp(ts))),
    "gmtime": lambda secs: (lambda g: "%r %r" % (g, time.strftime("%c|%Z|%z|%j|%U|%G", g)))(time.gmtime(secs)),
    "timezone": lambda t: (lambda z: "%r %s" % (z, z))(tz(t)),
}


def main():
    for line in sys.stdin:
        case = json.loads(line)
        sys.stdout.write(json.dumps(each(lambda: OPS[case["op"]](*[val(a) for a in case["args"]]))) + "\n")


if __name__ == "__main__":
    main()
