"""glibc's libm on arguments read from stdin, for bench/libm-diff.ts and test/lang/libm.test.ts.

argv: a function's C name and its arity; stdin: the arguments as little-endian doubles
(arity per call); stdout: the results as little-endian doubles. ctypes calls the same
libm.so.6 (and so the same ifunc variant) that CPython's math module and float ** call.
A name `math.NAME` is CPython's own function instead (math.gamma and math.lgamma are not
libm's), with nan for an argument it raises on.
"""
import ctypes
import math
import sys
from array import array

name, arity = sys.argv[1], int(sys.argv[2])
if name.startswith('math.'):
    own = getattr(math, name[5:])

    def f(*xs):
        try:
            return own(*xs)
        except (ValueError, OverflowError):
            return math.nan
else:
    f = getattr(ctypes.CDLL('libm.so.6'), name)
    f.restype = ctypes.c_double
    f.argtypes = [ctypes.c_double] * arity
args = array('d')
args.frombytes(sys.stdin.buffer.read())
out = array('d', [0.0]) * (len(args) // arity)
if arity == 1:
    for i, x in enumerate(args):
        out[i] = f(x)
else:
    for i in range(len(out)):
        out[i] = f(*args[arity * i:arity * (i + 1)])
sys.stdout.buffer.write(out.tobytes())
