import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** The walrus (PEP 572): where the grammar takes it, and its scoping in comprehensions. */
const CASES = [
  `import re\nif (m := re.search(r'(\\d+)\\.(\\d+)', text)):\n    return m.group(1)`, `if (n := len(text)) > 10:\n    return n`, `i = 0\nwhile (i := i + 1) < 5:\n    pass\nreturn i`,
  `return (x := 5), x`, `return [y := 1, y + 1]`, `return {(z := 2), z * 2}`, `return f'{(w := 3)}', w`, `return len(s := 'abc'), s`, `return [1, 2][(k := 1)], k`,
  `return [y for x in range(5) if (y := x * 2) > 4], y`, `return [(last := x) for x in 'abc'], last`, `return {x: (t := x) for x in range(3)}, t`, `return sum((acc := x) for x in range(4)), acc`,
  `return [[(q := a * b) for a in range(2)] for b in range(3)], q`, `if any((hit := w).startswith('ACD') for w in text.split()):\n    return hit`,
  `f = lambda: (v := 1)\nreturn f()`, `f = lambda: (v := 1)\nf()\nreturn v`, `def g():\n    [(v := x) for x in range(3)]\n    return v\nreturn g()`,
  `def g():\n    global gv\n    [(gv := x) for x in range(3)]\ng()\nreturn gv`, `def g():\n    n = 0\n    def h():\n        nonlocal n\n        [(n := x) for x in range(4)]\n    h()\n    return n\nreturn g()`,
  `x = 1\nreturn [x := x + 1 for _ in range(3)]`, `return [(j := 1) for j in range(3)]`, `return [x for x in (y := [1, 2])]`, `return [x for x in range(3) for z in (y := [1])]`,
  `x := 5`, `return x := 5`, `(a.b := 1)`, `(a[0] := 1)`, `((a, b) := (1, 2))`, `return (log := 5)`, `def f(x=(d := 3)):\n    return x\nreturn f(), d`,
  `return [i for i in range(3) if (i := 5)]`, `return [[j for j in range(2)] for i in range(2) if (j := i)]`, `return (n := 10) > 5 and n`,
];

it('binds walrus targets as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
