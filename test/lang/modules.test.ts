import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** The json and math modules. */
const CASES = [
  `return json.dumps({'b': [1, 2.0, None, True], 'a': 'é"\\n'})`, `return json.dumps({'b': 1, 'a': 2}, sort_keys=True)`, `return json.dumps([1, {'x': 1}], indent=2)`,
  `return json.dumps({'a': 1}, separators=(',', ':'))`, `return json.dumps('é', ensure_ascii=False)`, `return json.dumps({1: 2, 2.5: 3, True: 4, None: 5})`, `return json.dumps({(1,): 2})`,
  `return json.dumps({1, 2})`, `l = []\nl.append(l)\nreturn json.dumps(l)`, `return json.dumps(float('nan')), json.dumps(float('inf')), json.dumps(1e100), json.dumps(0.1)`,
  `return json.dumps((1, 2))`, `return json.dumps('\\x00\\x1f\\x7f\\u2028')`, `return json.dumps({'s': {1}}, default=list)`, `return json.loads('{"a": [1, 2.0, "x", null, true]}')`,
  `return json.loads('{"10": 1, "2": 2}')`, `return json.loads('[1, 2')`, `return json.loads('{"a" 1}')`, `return json.loads('')`, `return json.loads('1e3'), json.loads('-0'), json.loads('NaN')`,
  `return json.loads('"\\\\u00e9\\\\n"')`, `return json.loads('{"a": 1, "a": 2}')`, `return json.loads('[1] x')`, `return json.loads(5)`, `import json\nreturn json.loads(json.dumps({'k': [1.5]}))`,
  `try:\n    json.loads('{')\nexcept json.JSONDecodeError as e:\n    return 'decode error'`, `try:\n    json.loads('{')\nexcept ValueError:\n    return 'value error'`,
  `import math\nreturn math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.floor(3)`, `import math\nreturn math.sqrt(16), math.pow(2, 3), math.exp(0)`, `import math\nreturn math.sqrt(-1)`,
  `import math\nreturn math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(8)`, `import math\nreturn math.log(0)`, `import math\nreturn math.pi, math.e, math.inf, math.tau`,
  `import math\nreturn math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1.0)`, `import math\nreturn math.fabs(-2), math.gcd(12, 18), math.factorial(5)`,
  `import math\nreturn math.isclose(0.1 + 0.2, 0.3), math.copysign(1, -0.0), math.hypot(3, 4)`, `import math\nreturn math.fsum([0.1] * 10), math.prod([2, 3])`,
  `import math\nreturn round(math.sin(math.pi / 2), 6), round(math.degrees(math.pi), 6), math.atan2(0, -1)`, `import math\nreturn math.floor(float('inf'))`, `import math\nreturn math.nope`,
];

it('provides json and math as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/** math at its edges: domain and range errors as math_1 and math_pow raise them, C99's infinities and NaNs, integral results. */
it('raises and answers at the edges of math as CPython does', () => {
  const exprs = ["math.floor(-2.5)", "math.floor(3)", "math.floor(1e300)", "math.ceil(float('inf'))", "math.trunc(float('nan'))", "math.sqrt(-1)", "math.sqrt(2)", "math.log(0)", "math.log(-1)", "math.log(8, 2)",
    "math.log(100, 10)", "math.log10(1000)", "math.log2(1024)", "math.log(1, 1)", "math.exp(1000)", "math.exp(-1000)", "math.pow(10.0, 400)", "math.pow(0, -1)", "math.pow(-8, 1/3)", "math.pow(2, 3)",
    "math.fmod(5, 0)", "math.fmod(-7, 3)", "math.fmod(float('inf'), 1)", "math.factorial(5)", "math.factorial(-1)", "math.factorial(2.0)", "math.gcd()", "math.gcd(12, 18, 8)", "math.gcd(-4, 6)",
    "math.isclose(1.0, 1.0000000001)", "math.isclose(1, 2, rel_tol=-1)", "math.isclose(0, 1e-10)", "math.fsum([0.1] * 10)", "math.fsum([1e100, 1.0, -1e100])", "math.prod([2, 3.5])", "math.prod([])",
    "math.hypot(3, 4)", "math.hypot()", "math.hypot(3, 4, 12)", "math.atan2(0, -1)", "math.atan2(-0.0, -1)", "math.degrees(math.pi)", "math.radians(180)", "math.copysign(3, -0.0)", "math.isnan(float('nan'))",
    "math.isinf(-1e309)", "math.isfinite(1e308 * 10)", "math.fabs(-3)", "math.cos(0)", "math.sin(math.pi)", "math.asin(2)", "math.acos(1)", "math.atan(float('inf'))", "math.inf - math.inf",
    "math.e ** 2", "math.tau", "math.sqrt(float('inf'))", "math.log(float('inf'))", "math.floor('1')", "math.sqrt('4')", "math.log(10, 0)", "math.log(10, 1)", "math.ceil(-0.5)", "math.floor(-0.0)",
    "math.trunc(-0.5)", "math.sqrt(1e-320)", "math.exp(710)", "math.exp(709)", "math.pow(float('nan'), 0)", "math.pow(1, float('nan'))", "math.pow(-1, 0.5)", "math.pow(0.0, -float('inf'))"];
  expect(compareWithCPython(exprs.map((e) => `import math\nreturn ${e}`))).toEqual([]);
});

/** math's inverse trigonometry is glibc's to the last digit: arguments where V8's Math answers one ulp off, and the special values. */
it('answers math.asin, acos, atan and atan2 to the last digit as CPython does', () => {
  const exprs = ['math.asin(-0.9610685807833297)', 'math.acos(-0.8760834848508239)', 'math.atan(0.999999171470012)', 'math.atan2(-7.334134797565639, -4.1211751843055773e-13)',
    'math.asin(-0.0)', 'math.asin(1.0000000000000002)', 'math.acos(-1)', "math.acos(float('nan'))", 'math.atan(-0.0)', 'math.atan(-1e300)', 'math.atan2(-0.0, -0.0)', 'math.atan2(0.0, -0.0)',
    "math.atan2(float('inf'), float('-inf'))", "math.atan2(-5e-324, float('inf'))", "math.atan2(float('nan'), 1)", 'math.atan2(1e-300, -1e300)', 'math.atan2(-1e300, 1e-300)'];
  expect(compareWithCPython(exprs.map((e) => `import math\nreturn ${e}`))).toEqual([]);
});

/** sin, cos and tan to the last digit (glibc's, which V8's Math misses for each of these arguments), and at their edges. */
it('answers math.sin, math.cos and math.tan as CPython does, to the last digit', () => {
  const exprs = ["math.sin(2.5)", "math.cos(0.1)", "math.cos(6)", "math.cos(1000)", "math.tan(4)", "math.tan(7)", "math.tan(1e22)", "math.sin(1e300)", "math.cos(-1e300)",
    "math.tan(math.pi / 2)", "math.sin(-0.0)", "math.tan(-0.0)", "math.cos(-0.0)", "math.sin(5e-324)", "math.sin(float('inf'))", "math.cos(-float('inf'))", "math.tan(float('inf'))",
    "math.sin(float('nan'))", "math.tan(10 ** 300)", "math.sin(True)", "math.cos('1')"];
  expect(compareWithCPython(exprs.map((e) => `import math\nreturn ${e}`))).toEqual([]);
});

/** The parser refuses any module the runtime does not hold, and admits every one it holds. */
it('lists the same importable modules in the parser and the runtime', async () => {
  const { MODULES } = await import('../../src/lang/runtime/modules.js');
  const { MODULE_NAMES } = await import('../../src/lang/runtime/module-names.js');
  expect([...MODULES.keys()].sort()).toEqual([...MODULE_NAMES].sort());
});

/** math's functions refuse a wrong call in CPython's words, by how each is written (METH_O, Argument Clinic, FASTCALL without keywords, log's optional group): none ignores a keyword. */
it("refuses math's wrong calls as CPython does", () => {
  const calls = ['math.atan2(1)', 'math.atan2()', 'math.atan2(1, 2, 3)', 'math.atan2(y=1, x=2)', 'math.atan2(1, x=2)', 'math.copysign(1)', 'math.copysign(x=1, y=2)', 'math.fmod(1)', 'math.fmod(x=1, y=2)',
    'math.pow(1)', 'math.pow(2, y=3)', 'math.log()', 'math.log(1, 2, 3)', 'math.log(8, base=2)', 'math.log(x=8)', 'math.hypot(1, x=2)', 'math.hypot(x=2)', 'math.hypot(*[], **{"a": 1})',
    'math.gcd(x=1)', 'math.lcm(1, x=2)', 'math.dist(p=(1,), q=(2,))', 'math.dist((1,), q=(2,))', 'math.dist(1)', 'math.comb(5, k=2)', 'math.perm(5, k=2)', 'math.perm()', 'math.perm(1, 2, 3)',
    'math.nextafter(1, y=2)', 'math.floor()', 'math.floor(x=1.5)', 'math.ceil(1, 2)', 'math.trunc()', 'math.sqrt()', 'math.sqrt(x=4)', 'math.factorial()', 'math.factorial(n=4)', 'math.isqrt()',
    'math.isnan()', 'math.isinf()', 'math.isfinite(1, 2)', 'math.ulp()', 'math.ulp(x=1)', 'math.log2()', 'math.log10(1, 2)', 'math.fsum()', 'math.fsum([1], x=1)', 'math.fsum([1], [2])',
    'math.atan2(1, 2)', 'math.pow(2, 3)', 'math.log(8, 2)', 'math.hypot(3, 4)', 'math.gcd(4, 6)', 'math.perm(5)', 'math.perm(5, 2)', 'math.floor(1.5)', 'math.fsum([0.1] * 10)'];
  expect(compareWithCPython(calls.map((c) => `import math\nreturn ${c}`))).toEqual([]);
});

it("sorts json.dumps's keys as sorted(dct.items()) does: by Python's <, strs by code point, before they are made strs", () => {
  expect(compareWithCPython([
    "import json\nr = []\nfor d in [{1: 1, 'a': 2}, {None: 1, 'a': 2}, {2: 1, 1: 2}, {True: 1, 2: 2}, {2.5: 1, 1: 2, False: 3}, {'\\uff01': 1, '😀': 2, 'a': 3}]:\n    try:\n        r.append(json.dumps(d, sort_keys=True))\n    except TypeError as e:\n        r.append(str(e))\nreturn r",
    "import json\nreturn json.dumps({'b': 1, 'a': {'d': 1, 'c': 2}}, sort_keys=True, indent=1)",
  ])).toEqual([]);
});

it("gives json.JSONDecodeError its msg, doc, pos, lineno and colno, by code point, as CPython does", () => {
  expect(compareWithCPython([
    "import json\ntry:\n    json.loads('{\"a\": 1,\\n \"b\" 2}')\nexcept json.JSONDecodeError as e:\n    return e.msg, e.pos, e.lineno, e.colno, e.doc, str(e), e.args",
    "import json\ntry:\n    json.loads('[\"😀😀\", \\n x]')\nexcept ValueError as e:\n    return e.msg, e.pos, e.lineno, e.colno, str(e)",
    "import json\ne = json.JSONDecodeError('Bad', 'ab\\ncd', 4)\nreturn str(e), e.msg, e.doc, e.pos, e.lineno, e.colno, e.args",
  ])).toEqual([]);
});

it('json.loads reads bytes and bytearrays by the encoding detect_encoding finds, and refuses a str with a BOM, as CPython does', () => {
  expect(compareWithCPython([
    "import json\nr = []\nfor a in [b'[1, \"\\xc3\\xa9\"]', bytearray(b'{}'), b'\\xef\\xbb\\xbf[2]', b'\\xff', b'\\xff\\xfe[\\x001\\x00]\\x00', '[1]'.encode('utf-16-le'), '[1]'.encode('utf-32-be'), b'\\x00\\x001', '\\ufeff[1]', b'\"\\xed\\xa0\\x80\"', 5]:\n    try:\n        r.append(json.loads(a))\n    except Exception as e:\n        r.append((type(e).__name__, str(e)))\nreturn r",
  ])).toEqual([]);
});
