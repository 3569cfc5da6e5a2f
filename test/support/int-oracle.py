#!/usr/bin/env python3
"""CPython's answers for the integer kernel's functions (test/lang/int-kernel.test.ts).

Each input line is {"op": name, "args": [...]}; an int argument is {"i": hex}, a float
{"f": repr}, anything else as JSON has it. Each output line is {"ok": value} in the
same encoding (bytes as {"b": hex}), or {"error": "ExceptionName: message"}. Ints travel
in hex: decimal conversion of 4,300 digits and more is what the limit refuses.
"""
import json
import math
import sys


def decode(v):
    if isinstance(v, dict):
        return int(v["i"], 16) if "i" in v else float(v["f"])
    return v


def encode(v):
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int):
        return {"i": hex(v)}
    if isinstance(v, float):
        return {"f": repr(v)}
    if isinstance(v, bytes):
        return {"b": v.hex()}
    return [encode(x) for x in v]


def compare_float(n, x):
    return [n < x, n == x, n > x]


OPS = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "floordiv": lambda a, b: a // b,
    "mod": lambda a, b: a % b,
    "divmod": divmod,
    "neg": lambda a: -a,
    "abs": abs,
    "pow": lambda a, b: a ** b,
    "powMod": pow,
    "lshift": lambda a, b: a << b,
    "rshift": lambda a, b: a >> b,
    "and": lambda a, b: a & b,
    "or": lambda a, b: a | b,
    "xor": lambda a, b: a ^ b,
    "invert": lambda a: ~a,
    "bit_length": lambda a: a.bit_length(),
    "bit_count": lambda a: a.bit_count(),
    "to_bytes": lambda a, n, order, signed: a.to_bytes(n, order, signed=signed),
    "from_bytes": lambda h, order, signed: int.from_bytes(bytes.fromhex(h), order, signed=signed),
    "round": round,
    "gcd": math.gcd,
    "lcm": math.lcm,
    "isqrt": math.isqrt,
    "comb": math.comb,
    "perm": math.perm,
    "factorial": math.factorial,
    "truediv": lambda a, b: a / b,
    "toFloat": float,
    "fromFloat": int,
    "compareFloat": compare_float,
    "hashInt": hash,
    "toDecimal": str,
    "toBase": lambda a, base: {2: bin, 8: oct, 16: hex}[base](a),
    "parseInt": lambda s, base: int(s, base),
    "formatInt": format,
    "percentInt": lambda n, conv, flags, width, prec: ("%" + flags + (str(width) if width else "") + ("." + str(prec) if prec >= 0 else "") + conv) % n,
    "scanJson": json.loads,
}

for line in sys.stdin:
    case = json.loads(line)
    try:
        out = {"ok": encode(OPS[case["op"]](*map(decode, case["args"])))}
    except Exception as e:
        out = {"error": f"{type(e).__name__}: {e}"}
    print(json.dumps(out))
