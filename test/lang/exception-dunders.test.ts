import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/**
 * An exception class's dunders, each as a plain class's instance has them: comparisons,
 * hashes and keys, containers' protocols, calls and operators, before a raise and after
 * the `except` that caught it.
 */
const E = (body: string, base = 'Exception') => `class E(${base}):\n${body.split('\n').map((l) => '    ' + l).join('\n')}\n`;

const CASES = [
  E(`def __init__(self, n):\n    super().__init__(n)\n    self.n = n\ndef __eq__(self, o):\n    return isinstance(o, E) and self.n == o.n\ndef __hash__(self):\n    return hash(self.n)`) +
    `return E(1) == E(1), E(1) != E(2), E(1) == 1, len({E(1), E(1), E(2)}), {E(3): 'x'}[E(3)], E(2) in [E(1), E(2)]`,
  E(`def __eq__(self, o):\n    return True`) + `e = E()\ntry:\n    hash(e)\nexcept TypeError as t:\n    return str(t), e == 5, e != 5`,
  E(`def __lt__(self, o):\n    return self.args[0] < o.args[0]`) + `return sorted([E(3), E(1), E(2)]), E(1) < E(2), E(2) > E(1), max(E(1), E(5)).args`,
  E(`def __lt__(self, o):\n    return self.args[0] < o.args[0]`) + `return E(1) <= E(2)`,
  E(`def __len__(self):\n    return 3\ndef __getitem__(self, i):\n    if i >= 3:\n        raise IndexError(i)\n    return i * 10`) + `e = E('m')\nreturn len(e), e[1], list(e), bool(e), 20 in e`,
  E(`def __bool__(self):\n    return False`) + `return bool(E()), not E(), 'yes' if E() else 'no'`,
  E(`def __len__(self):\n    return 0`) + `return bool(E()), E() or 'empty'`,
  E(`def __iter__(self):\n    yield from self.args`) + `return list(E(1, 2, 3)), [x for x in E('a', 'b')], tuple(E())`,
  E(`def __iter__(self):\n    return iter([9, 8])\ndef __contains__(self, x):\n    return x == 'c'`) + `return 'c' in E(), 9 in E(), sum(E())`,
  E(`def __call__(self, x):\n    return x + 1`) + `return E()(41), callable(E()), callable(ValueError())`,
  E(`def __add__(self, o):\n    return ('add', o)\ndef __radd__(self, o):\n    return ('radd', o)\ndef __neg__(self):\n    return 'neg'\ndef __mul__(self, o):\n    return NotImplemented`) +
    `return E() + 1, 1 + E(), -E(), E() * 2`,
  E(`def __index__(self):\n    return 2`) + `return [10, 20, 30][E()], 'abcd'[E():], hex(E())`,
  E(`def __format__(self, spec):\n    return 'F' + spec`) + `return f'{E():>5}', format(E(), 'x'), f'{E()}'`,
  E(`pass`) + `return f'{E(1)}', format(E('a', 2)), f'{E(1):>3}'`,
  E(`def __getitem__(self, k):\n    return k\ndef __setitem__(self, k, v):\n    self.last = (k, v)\ndef __delitem__(self, k):\n    self.gone = k`) + `e = E()\ne['a'] = 1\ndel e['b']\nreturn e['x'], e.last, e.gone, e[1:2]`,
  E(`def __next__(self):\n    raise StopIteration\ndef __iter__(self):\n    return self`) + `return list(E()), next(E(), 'dflt')`,
  // raised and caught: the same instance, its dunders kept
  E(`def __init__(self, code):\n    super().__init__(f'code {code}')\n    self.code = code\ndef __eq__(self, o):\n    return isinstance(o, E) and o.code == self.code\n__hash__ = None\ndef __bool__(self):\n    return self.code != 0\ndef __len__(self):\n    return self.code`) +
    `try:\n    raise E(4)\nexcept E as caught:\n    return caught == E(4), caught != E(5), bool(caught), len(caught), str(caught), repr(caught), caught.args`,
  E(`def __lt__(self, o):\n    return True`) + `errs = []\nfor i in range(3):\n    try:\n        raise E(i)\n    except Exception as e:\n        errs.append(e)\nreturn [x.args for x in sorted(errs)], errs[0] < errs[1]`,
  // builtin bases of other layouts, and a mixin's dunders
  E(`def __eq__(self, o):\n    return True\ndef __hash__(self):\n    return len(self.args[0])`, 'KeyError') + `e = E('k')\nreturn e == 1, str(e), hash(e) == hash(e), len({e: 1, E('jj'): 2})`,
  `class M:\n    def __len__(self):\n        return 7\n    def __bool__(self):\n        return False\nclass E(M, OSError):\n    pass\ne = E(2, 'gone')\nreturn len(e), bool(e), str(e), type(e).__name__`,
  E(`def __getitem__(self, k):\n    return k * 2`, 'ExceptionGroup') + `g = E('m', [ValueError(1)])\nreturn g[3], type(g).__name__, str(g)`,
  // hostile: a dunder that raises, recursion, NotImplemented everywhere, a wrong type answered
  E(`def __eq__(self, o):\n    raise RuntimeError('no')`) + `try:\n    return E() == E()\nexcept RuntimeError as r:\n    return 'caught', str(r)`,
  E(`def __len__(self):\n    return len(self)`) + `return len(E())`,
  E(`def __bool__(self):\n    return 1`) + `return bool(E())`,
  E(`def __len__(self):\n    return -1`) + `return len(E())`,
  E(`def __hash__(self):\n    return 'h'`) + `return hash(E())`,
  E(`def __eq__(self, o):\n    return NotImplemented\ndef __lt__(self, o):\n    return NotImplemented`) + `e = E()\nreturn e == e, E() == E(), E() < E()`,
  E(`pass`) + `return E() < E()`,
  E(`pass`) + `return len(E())`,
  E(`pass`) + `return E()[0]`,
  E(`pass`) + `e = E()\nreturn e == e, E() == E(), bool(E()), hash(e) == hash(e), E() in [E()], -E()`,
  E(`def __repr__(self):\n    return 'R'\ndef __str__(self):\n    return 'S'\ndef __eq__(self, o):\n    return True\ndef __hash__(self):\n    return 5`) + `return {E(): 1, E(): 2}, [E()], str(E()), f'{E()!r}', E() in {E()}`,
];

it("gives an exception class's instances every dunder a plain class's may define, as CPython does", () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
