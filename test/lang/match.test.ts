import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

const m = (subject: string, ...cases: string[]) => `match ${subject}:\n` + cases.map((c) => `    case ${c.replace(/\n/g, '\n        ')}`).join('\n') + `\nreturn 'no case'`;

/** match/case (PEP 634): every kind of pattern, guards, bindings, and CPython's refusals. */
const CASES = [
  m(`log['LogLevel'] if 'LogLevel' in log else 'Info'`, `'Error':\nreturn 'e'`, `'Info' | 'Debug':\nreturn 'quiet'`),
  m(`1`, `0:\nreturn 0`, `1:\nreturn 'one'`), m(`True`, `1:\nreturn 'int 1 matches True'`), m(`1.0`, `1:\nreturn 'eq'`), m(`-2`, `-2:\nreturn 'neg'`), m(`'a'`, `'a' 'b':\nreturn 1`, `'a':\nreturn 2`),
  m(`None`, `None:\nreturn 'none'`), m(`0`, `False:\nreturn 'False is a singleton'`, `_:\nreturn 'wild'`), m(`False`, `False:\nreturn 'f'`),
  m(`5`, `x:\nreturn x * 2`), m(`5`, `_:\nreturn 'wild'`), m(`5`, `x if x > 9:\nreturn 'big'`, `x if x > 3:\nreturn 'mid', x`),
  m(`[1, 2, 3]`, `[a, b]:\nreturn 2`, `[a, b, c]:\nreturn a + b + c`), m(`(1, 2, 3)`, `[1, *rest]:\nreturn rest`), m(`[1, 2, 3, 4]`, `[first, *mid, last]:\nreturn first, mid, last`),
  m(`[1]`, `[*_, x]:\nreturn x`), m(`'ab'`, `[a, b]:\nreturn 'str is no sequence'`), m(`range(3)`, `[0, 1, x]:\nreturn x`), m(`range(10**6)`, `[a, b]:\nreturn 'x'`),
  m(`{'a': 1}`, `[a]:\nreturn 'dict is no sequence'`), m(`[]`, `[]:\nreturn 'empty'`), m(`()`, `():\nreturn 'empty tuple'`), m(`[1, [2, 3]]`, `[1, [x, y]]:\nreturn x + y`),
  m(`1, 2`, `(a, b):\nreturn a, b`), m(`[1, 2]`, `a, b:\nreturn b`), m(`[1, 2]`, `a, *b:\nreturn b`), m(`[1, 2]`, `(1 | 2) as x, y:\nreturn x, y`),
  m(`{'k': 1, 'v': 2}`, `{'k': x}:\nreturn x`), m(`{'k': 1, 'v': 2}`, `{'k': 1, **rest}:\nreturn rest`), m(`{'k': 1}`, `{'z': _}:\nreturn 1`), m(`{1: 'a'}`, `{1: 'a'}:\nreturn 'int key'`),
  m(`log`, `{'Thread': t, 'Text': str() as s}:\nreturn t, s[:7]`), m(`[]`, `{}:\nreturn 'list is no mapping'`), m(`{}`, `{}:\nreturn 'empty dict matches'`),
  m(`5`, `int(x):\nreturn x`), m(`5`, `str():\nreturn 's'`, `int():\nreturn 'i'`), m(`True`, `int():\nreturn 'bool is an int'`), m(`[1]`, `list([x]):\nreturn x`),
  m(`'s'`, `str(x) if x:\nreturn x`), m(`5`, `float():\nreturn 'f'`, `bool():\nreturn 'b'`), m(`1.5`, `float(real=r):\nreturn r`), m(`1.5`, `float(foo=r):\nreturn r`),
  m(`5`, `int(1, 2):\nreturn 1`), m(`KeyError('x')`, `KeyError(args=a):\nreturn a`), m(`KeyError('x')`, `KeyError(a):\nreturn a`), m(`ValueError('v')`, `LookupError():\nreturn 1`, `Exception():\nreturn 2`),
  m(`5`, `len():\nreturn 1`), m(`5`, `(int() | str()) as v:\nreturn v`), m(`{'a': [1, {'b': 2}]}`, `{'a': [1, {'b': int(x)}]}:\nreturn x`),
  `import re\nmatch re.I:\n    case re.I:\n        return 'dotted value'\nreturn 0`, `import math\nmatch 3.141592653589793:\n    case math.pi:\n        return 'pi'`,
  `import math\nk = 'a'\nmatch {'a': 1}:\n    case {math.pi: 1}:\n        return 1\nreturn 0`,
  `for i in range(5):\n    match i:\n        case 1:\n            continue\n        case 3:\n            break\n    data[str(i)] = i\nreturn True`,
  `x = 'before'\nmatch 5:\n    case 4:\n        x = 'no'\nreturn x`, `match [1, 2]:\n    case [a, 3]:\n        pass\nreturn a`, `match 5:\n    case x if x > 10:\n        pass\nreturn x`,
  `match = 5\nreturn match`, `def match(x):\n    return x\nreturn match(2)`, `match = [1]\nmatch[0] = 3\nreturn match`, `case = 1\nreturn case`,
  `match (1, 2):\n    case (x, y):\n        return y`, `match -1:\n    case -1:\n        return 'minus one'`, `def f(v):\n    match v:\n        case [x]:\n            return x\n    return None\nreturn f([9]), f(9)`,
  `match 1:\n    case 1 if (y := 'walrus'):\n        return y`, `match {'a': 1, 'b': 2}:\n    case {'a': 1, **kw} if kw:\n        return kw`,
  // what CPython refuses
  m(`1`, `x:\npass`, `1:\npass`), m(`1`, `_:\npass`, `1:\npass`), m(`1`, `x | 1:\npass`), m(`1`, `[x, x]:\npass`), m(`1`, `[*a, *b]:\npass`), m(`1`, `1 | x | 2:\npass`),
  m(`1`, `int(x=1, 2):\npass`), m(`1`, `int(x=1, x=2):\npass`), m(`1`, `{'a': 1, 'a': 2}:\npass`), m(`1`, `{x: 1}:\npass`), m(`1`, `x as _:\npass`), m(`1`, `[a] | [b]:\npass`),
  m(`1`, `{**r, 'a': 1}:\npass`), m(`1`, `f'x':\npass`), m(`1`, `1 + 2:\npass`), `match 1:\n    pass`, m(`1`, `*x:\npass`),
];

it('matches as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
