#!/usr/bin/env python3
"""The first size at which CPython refuses a condition that grows with n, and with what.

Each input line is {"parts": [head, open, core, close, tail], "hi": N}: the condition
head + open*n + core + close*n + tail, inside the original's envelope. Each output line is
{"n": the least n in 1..hi whose compile raises, "error": "ExceptionName: message"}, or
{"n": null} if none does (a binary search: larger n are assumed to fail too).

It compiles as the original's `python3 -c` did, with no frame below: CPython's compiler
measures its recursion limit from the frames under it, so the limit is raised by the frames
this script runs in (its parser's MAXSTACK counts no frames).
"""
import json
import sys


def envelope(body):
    lines = ["def envelope():", "    global data", "    log = __log__", "    text = __text__"]
    return "\n".join(lines + ["    " + line for line in body.split("\n")]) + "\n"


def depth():
    n, f = 0, sys._getframe()
    while f is not None:
        n, f = n + 1, f.f_back
    return n


def refusal(source):
    # the frames of this script, but refusal's own, are taken off the limit: that leaves
    # the original's (tested: test/lang/parser-stack.test.ts checks its answers at N and N-1)
    sys.setrecursionlimit(1000 + depth() - 1)
    try:
        compile(source, "<string>", "exec")
        return None
    except (SyntaxError, MemoryError, RecursionError) as e:
        msg = e.msg if isinstance(e, SyntaxError) else str(e)
        return "%s: %s" % (type(e).__name__, msg)
    finally:
        sys.setrecursionlimit(1000)


def first_refused(parts, hi):
    head, open_, core, close, tail = parts
    make = lambda n: envelope(head + open_ * n + core + close * n + tail)
    if refusal(make(hi)) is None:
        return {"n": None}
    lo = 0  # compiles (checked by the caller's n = 0 case being a plain condition)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if refusal(make(mid)) is None:
            lo = mid
        else:
            hi = mid
    return {"n": hi, "error": refusal(make(hi))}


def main():
    for line in sys.stdin:
        if line.strip():
            case = json.loads(line)
            sys.stdout.write(json.dumps(first_refused(case["parts"], case["hi"])) + "\n")


if __name__ == "__main__":
    main()
