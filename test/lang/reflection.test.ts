import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** getattr, hasattr and hash over what a condition can already reach. */
const CASES = [
  `return getattr(text, 'upper')()[:7]`, `return getattr(log, 'get')('Thread')`, `return getattr(5, 'real'), getattr(1.5, 'imag')`, `return getattr(text, 'nope')`,
  `return getattr(text, 'nope', 'dflt')`, `return getattr(text, 5)`, `return getattr(text)`, `return getattr(text, 'a', 'b', 'c')`, `return hasattr(text, 'split'), hasattr(text, 'nope')`,
  `return hasattr(5, 5)`, `return hasattr(5)`, `return getattr(5, 'real', kw=1)`, `return hash(x=1)`, `import re\nreturn getattr(re, 'I') == re.I, hasattr(re, 'search'), hasattr(re, 'nope')`, `return getattr(len, '__name__'), getattr(KeyError('k'), 'args')`,
  `def f():\n    pass\nreturn getattr(f, '__qualname__')`, `try:\n    raise KeyError('a') from ValueError('b')\nexcept KeyError as e:\n    return repr(getattr(e, '__cause__'))`,
  `return getattr(None, 'x', 0)`, `return [getattr(w, 'isdigit')() for w in text.split()]`,
  `return hash(1), hash(-1), hash(0), hash(True), hash(False), hash(2**52), hash(-2**52)`, `return hash(1) == hash(1.0) == hash(True)`, `return hash('abc') == hash('abc'), hash('') == 0, hash('abc'), hash(1.5), hash(2**64), hash((1, 'a')), hash(-1.5) % 97`,
  `return hash([])`, `return hash({})`, `return hash(set())`, `return hash((1, [2]))`, `return hash()`, `return hash(1, 2)`, `return hash(None) == hash(None)`, `return hash(len) == hash(len)`,
  `return {hash(x) for x in range(5)}`, `return hash(range(3)) == hash(range(3)), hash(...) == hash(Ellipsis)`,
  // tuplehash's xxHash in uint32 halves: items of every kind, nesting, lengths past a chunk
  `return hash(()), hash((0,)), hash((-1,)), hash((-2,)), hash(((),)), hash((1, 2.5, 'é😀', None is None, -2**63, 2**64 + 7, 1e300, -0.0))`,
  `return hash((1, (2, (3, (4, ()))), ('a', ('b',)))), hash(range(-5, 10**20, 3)), hash(tuple(range(1100))), hash(tuple(map(str, range(1030))))`,
  `x = ()\nfor i in range(300):\n    x = (x, i)\nreturn hash(x), hash(frozenset({(1, 2), (3,)})), sorted({(i, -i) for i in range(40)}, key=hash)[:5], [hash((i, j)) % 1000 for i in range(-3, 3) for j in (-1, 0, 1)]`,
];

it('reflects as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

it('opens no new reach: getattr takes the names a dot takes, and no other dunder', () => {
  const engine = new Engine();
  const run = (source: string) => evaluator(engine, { source }).error ?? evaluator(engine, { source }).repr;
  // a str has no __weakref__ (CPython's AttributeError too); it has __reduce__ and __dir__, refused past any except
  for (const name of ['__weakref__', '__proto__', '__reduce__', '__dir__'])
    expect(run(`return getattr(text, '${name}')`)).toBe(`${name === '__reduce__' || name === '__dir__' ? 'Unsupported' : 'Attribute'}Error: names with double underscores ('${name}') are not allowed in conditions`);
  // so hasattr and getattr's default answer no name CPython has as missing: they are refused
  for (const source of [`return hasattr([], '__sizeof__')`, `return getattr([], '__reduce_ex__', None)`, `return hasattr(property(), '__set_name__')`, `import re\nreturn hasattr(re, '__file__')`, `class A:\n    x = 1\nreturn hasattr(A(), '__reduce__')`])
    expect(run(source)).toMatch(/^UnsupportedError: names with double underscores \('__\w+__'\) are not allowed in conditions$/);
  expect(run(`return hasattr([], '__nope__'), getattr(5, '__weakref__', 'd'), hasattr(len, '__dict__')`)).toBe("(False, 'd', False)");
  // the introspection dunders that are not built say why (introspection.test.ts reads the others)
  for (const name of ['__globals__', '__builtins__', '__code__', '__closure__', '__import__', '__loader__', '__spec__'])
    expect(run(`return getattr(text, '${name}')`)).toMatch(new RegExp(`^AttributeError: '${name}' is not available in conditions: `));
  for (const name of ['constructor', 'prototype', 'toString', 'valueOf', 'call', 'apply', 'bind', 'fn', 'm', 'items'])
    expect(run(`return getattr(len, '${name}')`)).toMatch(/^AttributeError: 'builtin_function_or_method' object has no attribute/);
  expect(run(`return hasattr(text, '__weakref__'), hasattr(len, 'constructor'), hasattr(log, 'm')`)).toBe('(False, False, False)');
  expect(run(`def f():\n    pass\nreturn getattr(f, 'fn', 'none'), getattr(f, 'name', 'none')`)).toBe("('none', 'none')");
});

/** type() of three arguments makes a class through a class statement's checks (type-new.test.ts), refusing what one refuses; its other arities as CPython. */
it("refuses in type()'s three arguments what a class statement refuses", () => {
  expect(evaluator(new Engine(), { source: "return type('X', (), {'__del__': len})" }).error).toMatch(/^UnsupportedError: a class in a condition may define only .*'__del__' is not supported$/);
  expect(compareWithCPython(['return type()', 'return type(1, 2)', "return type(1, x=2)", 'return type(1, 2, 3, 4)', 'return type(1).__name__'])).toEqual([]);
});
