import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** id(): stable for an object during a run, distinct between objects alive together, an int; CPython's words for a wrong call. */
it('answers id() as CPython does where its numbers do not show', () => {
  expect(compareWithCPython([
    'a = [1]\nreturn id(a) == id(a), type(id(a)), id(a) > 0',
    'a = [1]; b = [1]\nreturn id(a) != id(b), a == b',
    'xs = [object() for _ in range(100)]\nreturn len({id(x) for x in xs})',
    'return id()', 'return id(1, 2)', 'return id(x=1)',
    'return id(None) == id(None), id(True) == id(True), id(True) != id(1), id(()) == id(())',
    'class C: pass\nc = C()\nd = {id(c): c}\nreturn d[id(c)] is c, id(C) == id(C), id(c) != id(C)',
    'a = (1, 2)\nb = a\nreturn id(a) == id(b)',
  ])).toEqual([]);
});
