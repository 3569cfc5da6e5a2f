import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/**
 * Py_ReprEnter's list of the containers being printed is the thread's, not one repr()'s: a
 * class's __repr__ that calls repr() on a container holding the instance (UserDict's
 * `repr(self.data)`) meets that container as '{...}' or '[...]', not a RecursionError.
 */
const CASES = [
  "class U:\n    def __init__(self): self.d = {}\n    def __repr__(self): return repr(self.d)\nu = U()\nu.d['x'] = u\nreturn repr(u), str([u])",
  "class U:\n    def __init__(self): self.d = []\n    def __repr__(self): return 'U' + repr(self.d)\nu = U()\nu.d.append(u)\nu.d.append([u])\nreturn repr(u), repr([u, u])",
  "class U:\n    def __init__(self): self.d = {}\n    def __repr__(self): return f'U({self.d!r})'\nu = U()\nu.d[1] = (u, [u])\nreturn repr(u), str(u), f'{u!r}', repr({0: u})",
  // a repr that fails ends the walk: the next one starts with nothing printed
  "class U:\n    def __init__(self): self.d = []\n    def __repr__(self):\n        if len(self.d) > 1: raise ValueError('no')\n        return repr(self.d)\nu = U()\nu.d.append(u)\nu.d.append(u)\ntry:\n    repr([u])\nexcept ValueError:\n    pass\nu.d.pop()\nreturn repr([u]), repr(u)",
];

it('meets a container being printed as CPython does, through a class\'s __repr__', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
