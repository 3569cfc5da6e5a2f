#!/usr/bin/env python3
"""What CPython answers for condition bodies: the expected values of the language tests.

Each input line is {"source": ..., "log": {...}, "data": {...}}; each output line is
{"repr": repr(returned value), "data": data after a true condition (JSON round trip)}
or {"error": "ExceptionName: message"}. In "repr", a set's members are in sorted order:
CPython orders a set by hash, and strings hash with a random key per process. The body runs inside the original service's
envelope (a function with log, text and a global data), as ../shared/oracle does.
"""
import contextlib
import copy
import io
import json
import sys


def canonical_repr(value, seen=frozenset()):
    """repr(value), but with each set's members sorted (by UTF-16 code units, as JS sorts)."""
    if not contains_set(value, seen):
        return repr(value)
    if id(value) in seen:
        return "[...]" if isinstance(value, list) else "{...}"
    inner = seen | {id(value)}
    if isinstance(value, set):
        return "{" + ", ".join(sorted((canonical_repr(x, inner) for x in value), key=lambda r: r.encode("utf-16-be"))) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(canonical_repr(x, inner) for x in value) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(canonical_repr(x, inner) for x in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(canonical_repr(k, inner) + ": " + canonical_repr(v, inner) for k, v in value.items()) + "}"
    # dict views
    return "%s([%s])" % (type(value).__name__, ", ".join(canonical_repr(x, inner) for x in value))


def contains_set(value, seen):
    if isinstance(value, set) and value:
        return True
    if id(value) in seen:
        return False
    if isinstance(value, (list, tuple, type({}.values()), type({}.items()))):
        return any(contains_set(x, seen | {id(value)}) for x in value)
    if isinstance(value, dict):
        return any(contains_set(x, seen | {id(value)}) for x in value.values())
    return False


def run(case):
    log = case.get("log", {"Text": ""})
    text = log["Text"].replace("\n", " ")
    log["Text"] = text
    lines = ["def envelope():", "    global data", "    log = __log__", "    text = __text__"]
    lines += ["    " + line for line in case["source"].splitlines()]
    env = {"json": json, "data": copy.deepcopy(case.get("data", {})), "__log__": log, "__text__": text}
    try:
        exec("\n".join(lines) + "\n", env)
        with contextlib.redirect_stdout(io.StringIO()):  # print writes nothing
            value = env["envelope"]()
        out = {"repr": canonical_repr(value)}
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
