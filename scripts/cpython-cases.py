#!/usr/bin/env python3
"""What CPython answers for condition bodies: the expected values of the language tests.

Each input line is {"source": ..., "log": {...}, "data": {...}}; each output line is
{"repr": repr(returned value), "data": data after a true condition (JSON round trip)}
or {"error": "ExceptionName: message"}. Run it with PYTHONHASHSEED=0: the evaluator
orders sets as CPython does with that seed (strings hash with a random key otherwise).
The body runs inside the original service's
envelope (a function with log, text and a global data), as ../shared/oracle does.
"""
import contextlib
import copy
import io
import json
import re
import signal
import sys

# CPython lays a constant set of strings out once more when interning replaces one of its
# strings, that is when an equal string was interned before in the process: by an earlier
# case here, but not in the original service (a fresh process per condition). Interning
# the case's identifier-like literals first makes every case alike, as the evaluator assumes.
LITERAL = re.compile(r"""(['"])([A-Za-z0-9_]{2,})\1""")


def too_long(signum, frame):
    # a random case such as (1000 ** 1000) ** 1000 takes CPython seconds (the evaluator
    # refuses it at once: ints past 2**53); it ends here instead of stalling the tests
    raise TimeoutError("the case ran for more than 2 s")


def run(case):
    signal.signal(signal.SIGALRM, too_long)
    signal.setitimer(signal.ITIMER_REAL, 2.0)
    try:
        return run_case(case)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def run_case(case):
    for m in LITERAL.finditer(case["source"]):
        sys.intern(m.group(2))
    log = case.get("log", {"Text": ""})
    text = log["Text"].replace("\n", " ")
    log["Text"] = text
    lines = ["def envelope():", "    global data", "    log = __log__", "    text = __text__"]
    lines += ["    " + line for line in case["source"].splitlines()]
    env = {"json": json, "data": copy.deepcopy(case.get("data", {})), "__log__": log, "__text__": text}
    try:
        exec("\n".join(lines) + "\n", env)
        # print writes nothing; a stream with a buffer, as sys.stdout has (calendar.main writes bytes to it), and argparse's complaints on stderr dropped too
        with contextlib.redirect_stdout(io.TextIOWrapper(io.BytesIO())), contextlib.redirect_stderr(io.StringIO()):
            value = env["envelope"]()
        out = {"repr": repr(value)}
        if value:
            out["data"] = json.loads(json.dumps(env["data"]))
        return out
    except SyntaxError as e:
        return {"error": "SyntaxError: " + e.msg}
    except Exception as e:
        return {"error": "%s: %s" % (type(e).__name__, e)}


def main():
    for line in sys.stdin:
        if line.strip():
            sys.stdout.write(json.dumps(run(json.loads(line))) + "\n")


if __name__ == "__main__":
    main()
