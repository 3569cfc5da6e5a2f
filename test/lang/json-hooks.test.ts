import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/**
 * json's hooks as CPython 3.11's Lib/json and Modules/_json.c run them: json.loads's object_hook,
 * object_pairs_hook, parse_float, parse_int, parse_constant, strict and cls; json.dumps's default,
 * cls, skipkeys and check_circular; JSONDecoder's decode, raw_decode and scan_once; JSONEncoder's
 * encode, default and one-shot iterencode, and condition subclasses of both; errors and recursion
 * limits included.
 */
const CASES = [
  "import json\nreturn json.loads('1', parse_int=float)",
  "import json\nreturn json.loads('[1.5, 2, -3, 1e5, 0]', parse_float=str, parse_int=str)",
  "import json\nreturn json.loads('[NaN, Infinity, -Infinity]', parse_constant=str)",
  "import json\nreturn json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda c: c.lower())",
  "import json\nlog = []\ndef h(d):\n    log.append(dict(d))\n    return len(d)\nr = json.loads('{\"a\": {\"b\": {\"c\": 1}, \"d\": {}}, \"e\": [{\"f\": 2}]}', object_hook=h)\nreturn r, log",
  "import json\nlog = []\ndef h(p):\n    log.append(p)\n    return tuple(p)\nreturn json.loads('{\"a\": 1, \"a\": 2, \"b\": {\"x\": []}}', object_pairs_hook=h), log",
  "import json\nreturn json.loads('{\"a\": 1}', object_hook=lambda d: 'hook', object_pairs_hook=lambda p: 'pairs')",
  "import json\nfrom collections import OrderedDict\nreturn json.loads('{\"b\": 1, \"a\": 2}', object_pairs_hook=OrderedDict)",
  "import json\nlog = []\ndef pi(s):\n    log.append(('int', s))\n    return int(s)\ndef pf(s):\n    log.append(('float', s))\n    return float(s)\ndef h(d):\n    log.append(('obj', sorted(d)))\n    return d\njson.loads('{\"x\": [1, 2.5, {\"y\": -0}], \"z\": 1E+2}', parse_int=pi, parse_float=pf, object_hook=h)\nreturn log",
  "import json\nfrom decimal import Decimal\nreturn json.loads('[1.10, 2.000, 1e-3]', parse_float=Decimal)",
  "import json\nreturn json.loads('1', parse_int=5)",
  "import json\nreturn json.loads('1.5', parse_float='x')",
  "import json\nreturn json.loads('NaN', parse_constant=1)",
  "import json\nreturn json.loads('1', parse_int=0)",
  "import json\nreturn json.loads('1.5', parse_float=None)",
  "import json\nreturn json.loads('{}', object_hook=3)",
  "import json\nreturn json.loads('[]', object_hook=3)",
  "import json\ndef bad(s):\n    raise KeyError(s)\ntry:\n    json.loads('[1, 2]', parse_int=bad)\nexcept KeyError as e:\n    return 'caught', e.args",
  "import json\ndef bad(d):\n    raise ValueError('no ' + str(d))\nreturn json.loads('{\"a\": {}}', object_hook=bad)",
  "import json\nreturn json.loads('[1]', parse_int=lambda s: next(iter(())))",
  "import json\nreturn json.loads('1', cls=5)",
  "import json\nreturn json.loads('1', cls=dict)",
  "import json\nreturn json.loads('1', foo=1)",
  "import json\nreturn json.loads('1', object_hook=str, foo=1)",
  "import json\nreturn json.loads('\"a\\nb\"', strict=False)",
  "import json\nreturn json.loads('\"a\\nb\"', strict=True)",
  "import json\nreturn json.loads('\"a\\tb\"', strict=0)",
  "import json\nclass D(json.JSONDecoder):\n    def __init__(self, **kw):\n        kw['parse_int'] = lambda s: int(s) * 10\n        super().__init__(**kw)\nreturn json.loads('[1, 2, {\"a\": 3}]', cls=D)",
  "import json\nclass D(json.JSONDecoder):\n    def decode(self, s):\n        return ('decoded', super().decode(s))\nreturn json.loads('[1]', cls=D), json.loads('[2]', cls=D, object_hook=dict)",
  "import json\nclass D(json.JSONDecoder):\n    pass\nd = D(object_hook=lambda o: sorted(o))\nreturn d.decode('{\"b\": 1, \"a\": 2}'), d.raw_decode('{\"c\": 1} tail'), isinstance(d, json.JSONDecoder)",
  "import json\nd = json.JSONDecoder()\nreturn d.raw_decode('[1, 2] x'), d.raw_decode('x 5', 2), d.raw_decode('😀\"😀\"x', 1)",
  "import json\nd = json.JSONDecoder()\nreturn d.raw_decode('  1')",
  "import json\nd = json.JSONDecoder()\nreturn d.raw_decode('1', 5)",
  "import json\nd = json.JSONDecoder()\nreturn d.raw_decode('1', -1)",
  "import json\nreturn json.JSONDecoder().decode(5)",
  "import json\nreturn json.JSONDecoder().decode(b'1')",
  "import json\nreturn json.JSONDecoder().decode(' [1, 2] ')",
  "import json\nreturn json.JSONDecoder().decode('[1] x')",
  "import json\nreturn json.JSONDecoder().decode('😀')",
  "import json\nreturn json.JSONDecoder().decode('[\"😀\", x]')",
  "import json\nreturn json.JSONDecoder(1)",
  "import json\nd = json.JSONDecoder(parse_int=str)\nreturn d.parse_int, d.parse_float, d.strict, d.object_hook, d.object_pairs_hook, d.memo",
  "import json\nd = json.JSONDecoder()\nd.parse_int = str\nreturn d.decode('[1]')",
  "import json\nd = json.JSONDecoder()\nreturn d.scan_once('[1, 2]', 0), d.scan_once('xx 3', 3)",
  "import json\nd = json.JSONDecoder()\nreturn d.scan_once('x', 0)",
  "import json\nd = json.JSONDecoder()\nreturn d.scan_once(5, 0)",
  "import json\nd = json.JSONDecoder(parse_constant=lambda c: 0)\nreturn d.decode('[NaN, -Infinity, -1, -0.5]')",
  "import json\nreturn json.loads('[1, 2]', parse_int=lambda s: 1/0)",
  "import json\nreturn json.loads('{\"a\": 1}', object_pairs_hook=lambda p: {k: v for k, v in p}), json.loads('{}', object_pairs_hook=list)",
  "import json\nreturn json.loads(b'[1, 2]', parse_int=str)",
  "import json\nreturn json.loads('[1, 2', parse_int=str)",
  "import json\nreturn json.loads('{\"a\" 1}', object_hook=str)",
  "import json\nreturn json.loads('', object_hook=str)",
  "import json\nn = 0\ndef h(s):\n    global n\n    n += 1\n    return n\nreturn json.loads('[' + '1,' * 3000 + '1]', parse_int=h)[-1]",
  "import json\nreturn json.loads('[' * 900 + ']' * 900, object_hook=str) is not None",
  "import json\nreturn json.loads('[' * 2000 + ']' * 2000, object_hook=str)",
  "import json\nreturn json.loads('{\"a\":' * 600 + '1' + '}' * 600, object_hook=lambda d: 1)",
  "import json\nreturn json.loads('1234567890123456789012345678901234567890', parse_int=lambda s: len(s))",
  "import json\nreturn json.loads('1' * 5000, parse_int=len)",
  "import json\nreturn json.loads('1' * 5000, parse_int=int)",
  "import json\nclass F(float):\n    pass\nreturn type(json.loads('1.5', parse_float=F)).__name__, type(json.loads('1', parse_int=bool))",
  "import json\nreturn json.dumps({1, 2}, default=sorted)",
  "import json\nclass E(json.JSONEncoder):\n    def default(self, o):\n        if isinstance(o, set):\n            return sorted(o)\n        return super().default(o)\nreturn json.dumps({'a': {3, 1}}, cls=E), json.dumps([{2}], cls=E, indent=2)",
  "import json\nclass E(json.JSONEncoder):\n    def default(self, o):\n        return super().default(o)\nreturn json.dumps(object(), cls=E)",
  "import json\nclass E(json.JSONEncoder):\n    def default(self, o):\n        return o\nreturn json.dumps([{1}], cls=E)",
  "import json\nreturn json.dumps({1}, default=lambda o: o)",
  "import json\nclass A:\n    pass\nreturn json.dumps(A(), default=lambda o: A())",
  "import json\nclass A:\n    pass\nreturn json.dumps(A(), default=lambda o: A(), check_circular=False)",
  "import json\nl = []\nl.append(l)\nreturn json.dumps(l, check_circular=False)",
  "import json\nl = []\nl.append(l)\nreturn json.dumps(l)",
  "import json\nreturn json.dumps({1}, cls=5)",
  "import json\nreturn json.dumps({1}, cls=dict)",
  "import json\ne = json.JSONEncoder(indent=2, sort_keys=True)\nreturn e.encode({'b': [1, 2], 'a': None}), e.item_separator, e.key_separator, json.JSONEncoder.item_separator",
  "import json\ne = json.JSONEncoder(separators=(';', '='))\nreturn e.encode({'a': [1, 2]}), vars(e)",
  "import json\ne = json.JSONEncoder(default=str)\nreturn e.encode([1j]), vars(e)",
  "import json\nreturn json.JSONEncoder().encode('é'), json.JSONEncoder(ensure_ascii=False).encode('é')",
  "import json\nreturn json.JSONEncoder().iterencode([1, 2], True)",
  "import json\nreturn json.JSONEncoder(separators=(1, 2)).encode([1])",
  "import json\nreturn json.JSONEncoder(separators=(1, 2)).encode('x')",
  "import json\nreturn json.JSONEncoder(separators=1)",
  "import json\nreturn json.JSONEncoder(separators=(1, 2, 3))",
  "import json\nreturn json.dumps({'a': 1, (1,): 2, 'b': 3}, skipkeys=True), json.dumps({(1,): 2}, skipkeys=True), json.dumps({(1,): 2}, skipkeys=True, indent=1)",
  "import json\nreturn json.dumps({'a': 1}, foo=2)",
  "import json\nreturn json.dumps(float('inf'), allow_nan=False)",
  "import json\nreturn json.dumps([float('inf')], allow_nan=False, indent=1)",
  "import json\nclass E(json.JSONEncoder):\n    def __init__(self, *, tag='x', **kw):\n        super().__init__(**kw)\n        self.tag = tag\n    def default(self, o):\n        return self.tag\nreturn json.dumps([object()], cls=E), json.dumps([object()], cls=E, tag='y')",
  "import json\nclass E(json.JSONEncoder):\n    def encode(self, o):\n        return 'mine'\nreturn json.dumps([1], cls=E)",
  "import json\nclass E(json.JSONEncoder):\n    def iterencode(self, o, _one_shot=False):\n        return ['a', 'b']\nreturn json.dumps([1], cls=E)",
  "import json\nclass E(json.JSONEncoder):\n    def iterencode(self, o, _one_shot=False):\n        return iter(['a', 'b'])\nreturn json.dumps([1], cls=E)",
  "import json\nclass E(json.JSONEncoder):\n    item_separator = ' | '\nreturn json.dumps([1, 2], cls=E), json.dumps([1, 2], cls=E, indent=1)",
  "import json\nclass E(json.JSONEncoder):\n    def default(self, o):\n        return [o]\nreturn json.dumps(object(), cls=E)",
  "import json\nn = 0\ndef d(o):\n    global n\n    n += 1\n    return n\nreturn json.dumps([object()] * 200000, default=d)",
  "import json\nreturn json.dumps(object(), default=5)",
  "import json\nreturn isinstance(json.JSONEncoder(), json.JSONEncoder), json.JSONEncoder.__name__, json.JSONEncoder.__module__, json.JSONDecoder.__module__, json.JSONDecoder.__qualname__",
  "import json\nreturn repr(json.JSONEncoder)[:40], repr(json.JSONDecoder)",
  "import json\nclass E(json.JSONEncoder):\n    def default(self, o):\n        if isinstance(o, complex):\n            return [o.real, o.imag]\n        return json.JSONEncoder.default(self, o)\nreturn json.dumps({'z': 1+2j, 'n': [3j]}, cls=E, sort_keys=True)",
  "import json\nclass E(json.JSONEncoder):\n    def default(self, o):\n        raise ValueError('nope')\ntry:\n    json.dumps({1}, cls=E)\nexcept ValueError as e:\n    return str(e)",
  "import json\nreturn json.JSONEncoder(indent=2).encode({'a': [], 'b': {}}), json.JSONEncoder(indent='--').encode([1, [2]])",
  "import json\ne = json.JSONEncoder()\ne.default = lambda o: 'inst'\nreturn e.encode([object()])",
  "import json\nreturn json.JSONEncoder().default(1)",
  "import json\nreturn json.loads('[1.0, 2]', parse_float=lambda s: s, parse_int=None)",
  "import json\nd = json.JSONDecoder(object_pairs_hook=dict, object_hook=list)\nreturn d.decode('{\"a\": [{\"b\": 1}]}')",
  "import json\nreturn json.loads('{\"a\": NaN}', parse_constant=lambda s: None, object_pairs_hook=lambda p: p)",
  "import json\nreturn json.loads('-Infinity', parse_float=str, parse_int=str)",
  "import json\nreturn json.loads('[-Infinity, -1.5e-3, 10]', parse_float=str, parse_int=str, parse_constant=repr)",
  "import json\nclass D(json.JSONDecoder):\n    def raw_decode(self, s, idx=0):\n        return 'x', len(s)\nreturn json.loads('garbage', cls=D)",
  "import json\nclass D(json.JSONDecoder):\n    def raw_decode(self, s, idx=0):\n        return 'x', 1\nreturn json.loads('garbage', cls=D)",
  "import json\nclass D(json.JSONDecoder):\n    def __init__(self, **kw):\n        pass\nreturn json.loads('1', cls=D, strict=True)",
  "import json\nreturn json.loads('[1, 2]', object_hook=None, parse_int=None, cls=None)",
  "import json\nreturn json.loads('[1]', strict=True)",
  "import json\nclass A:\n    pass\nx = A()\nfor _ in range(985):\n    x = [x]\ntry:\n    return len(json.dumps(x, default=lambda o: 1))\nexcept RecursionError as e:\n    return str(e)",
  "import json\nclass A:\n    pass\nx = A()\nfor _ in range(990):\n    x = [x]\ntry:\n    return len(json.dumps(x, default=lambda o: 1))\nexcept RecursionError as e:\n    return str(e)",
  "import json\nclass A:\n    pass\nx = A()\nfor _ in range(992):\n    x = [x]\ntry:\n    return len(json.dumps(x, default=lambda o: 1))\nexcept RecursionError as e:\n    return str(e)",
  "import json\nclass A:\n    pass\nx = A()\nfor _ in range(993):\n    x = [x]\ntry:\n    return len(json.dumps(x, default=lambda o: 1))\nexcept RecursionError as e:\n    return str(e)",
  "import json\nclass A:\n    pass\nx = A()\nfor _ in range(994):\n    x = [x]\ntry:\n    return len(json.dumps(x, default=lambda o: 1))\nexcept RecursionError as e:\n    return str(e)",
  "import json\nclass A:\n    pass\nx = A()\nfor _ in range(995):\n    x = [x]\ntry:\n    return len(json.dumps(x, default=lambda o: 1))\nexcept RecursionError as e:\n    return str(e)",
  "import json\nclass A:\n    pass\nn = 0\ndef d(o):\n    global n\n    n += 1\n    return A()\ntry:\n    json.dumps(A(), default=d)\nexcept RecursionError as e:\n    return n, str(e)",
  "import json\nclass A:\n    pass\nn = 0\ndef d(o):\n    global n\n    n += 1\n    return [A()]\ntry:\n    json.dumps(A(), default=d)\nexcept RecursionError as e:\n    return n, str(e)",
  "import json\nclass A:\n    pass\nn = 0\ndef d(o):\n    global n\n    n += 1\n    return [A()]\ntry:\n    json.dumps(A(), default=d, check_circular=False)\nexcept RecursionError as e:\n    return n, str(e)",
  "import json\nn = 0\ndef h(d):\n    global n\n    n += 1\n    return d\ntry:\n    return len(json.loads('[' * 400 + '{}' + ']' * 400, object_hook=h)), n\nexcept RecursionError as e:\n    return n, str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 800 + '1' + ']' * 800, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\nn = 0\ndef h(d):\n    global n\n    n += 1\n    return d\ntry:\n    return len(json.loads('[' * 490 + '{}' + ']' * 490, object_hook=h)), n\nexcept RecursionError as e:\n    return n, str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 980 + '1' + ']' * 980, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\nn = 0\ndef h(d):\n    global n\n    n += 1\n    return d\ntry:\n    return len(json.loads('[' * 495 + '{}' + ']' * 495, object_hook=h)), n\nexcept RecursionError as e:\n    return n, str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 990 + '1' + ']' * 990, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\nn = 0\ndef h(d):\n    global n\n    n += 1\n    return d\ntry:\n    return len(json.loads('[' * 497 + '{}' + ']' * 497, object_hook=h)), n\nexcept RecursionError as e:\n    return n, str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 994 + '1' + ']' * 994, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\nn = 0\ndef h(d):\n    global n\n    n += 1\n    return d\ntry:\n    return len(json.loads('[' * 498 + '{}' + ']' * 498, object_hook=h)), n\nexcept RecursionError as e:\n    return n, str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 996 + '1' + ']' * 996, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\nn = 0\ndef h(d):\n    global n\n    n += 1\n    return d\ntry:\n    return len(json.loads('[' * 499 + '{}' + ']' * 499, object_hook=h)), n\nexcept RecursionError as e:\n    return n, str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 998 + '1' + ']' * 998, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\nn = 0\ndef h(d):\n    global n\n    n += 1\n    return d\ntry:\n    return len(json.loads('[' * 500 + '{}' + ']' * 500, object_hook=h)), n\nexcept RecursionError as e:\n    return n, str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 1000 + '1' + ']' * 1000, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.JSONDecoder().decode('[' * 988 + ']' * 988))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 989 + '1' + ']' * 989, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.JSONDecoder().decode('[' * 989 + ']' * 989))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 990 + '1' + ']' * 990, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.JSONDecoder().decode('[' * 990 + ']' * 990))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 991 + '1' + ']' * 991, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.JSONDecoder().decode('[' * 991 + ']' * 991))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 992 + '1' + ']' * 992, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.JSONDecoder().decode('[' * 992 + ']' * 992))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 993 + '1' + ']' * 993, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.JSONDecoder().decode('[' * 993 + ']' * 993))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 994 + '1' + ']' * 994, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.JSONDecoder().decode('[' * 994 + ']' * 994))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 995 + '1' + ']' * 995, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.JSONDecoder().decode('[' * 995 + ']' * 995))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 996 + '1' + ']' * 996, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.JSONDecoder().decode('[' * 996 + ']' * 996))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.loads('[' * 997 + '1' + ']' * 997, parse_int=int, object_hook=str))\nexcept RecursionError as e:\n    return str(e)",
  "import json\ntry:\n    return len(json.JSONDecoder().decode('[' * 997 + ']' * 997))\nexcept RecursionError as e:\n    return str(e)",
];

// a dict subclass's own items() that is empty, of a dict that is not: '{}' by the C encoder, '{' and two lines by the Python one (an indent)
const EMPTY_ITEMS = [
  "import json\nclass D(dict):\n    def items(self):\n        return []\nreturn json.dumps(D(a=1), indent=2), json.dumps(D(a=1)), json.dumps(D(), indent=2), json.dumps([D(a=1)], indent=1, sort_keys=True)",
];

it("writes a dict whose own items() is empty as CPython's two encoders do", () => {
  expect(compareWithCPython(EMPTY_ITEMS)).toEqual([]);
});

it('builds json hooks, JSONEncoder and JSONDecoder as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
}, 120_000);

it('charges each hook call: 150,000 of them end at the step limit, not the clock', () => {
  const engine = new Engine({ maxMillis: 10_000 });
  for (const source of [
    "import json\nreturn len(json.loads('[' + '1,' * 149999 + '1]', parse_int=lambda s: 1))",
    "import json\nreturn len(json.loads('[' + '{},' * 149999 + '{}]', object_hook=len))",
    "import json\nreturn len(json.loads('[' + 'NaN,' * 149999 + 'NaN]', parse_constant=str))",
    "import json\nreturn len(json.dumps([{1}] * 150000, default=len))",
    "import json\nclass E(json.JSONEncoder):\n    def default(self, o):\n        return 0\nreturn len(json.dumps([{1}] * 150000, cls=E))",
    // raw_decode over a long text, value by value: each call pays for its pass over the text
    "import json\nd = json.JSONDecoder()\ns = '1 ' * 200000\ni = 0\nn = 0\nwhile i < len(s) - 1:\n    v, i = d.raw_decode(s, i)\n    i += 1\n    n += 1\nreturn n",
  ]) {
    const t = performance.now();
    expect(evaluator(engine, { source }).error).toMatch(/^StepLimitError: condition exceeded its budget of \d+ steps/);
    expect(performance.now() - t).toBeLessThan(3000);
  }
}, 60_000);

it('refuses what it does not build with an UnsupportedError', () => {
  const engine = new Engine();
  for (const source of [
    'import json\nreturn list(json.JSONEncoder().iterencode([1, 2]))',
    'import json\nreturn json.JSONEncoder(indent=1).iterencode([1], True)',
    "import json\nreturn json.JSONDecoder().parse_object(('{}', 1), True, None, None, None)",
  ]) expect(evaluator(engine, { source }).error).toMatch(/^UnsupportedError: /);
});
