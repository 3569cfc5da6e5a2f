import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** Statements: if/elif/else, loops with break/continue/else, try/except/else/finally, del, global, assert, raise. */
const CASES = [
  `if "Waiting up to" in text:\n    secs = float(text.split()[3])\n    data['wait'] = secs\n    return secs > 2.45\nreturn False`,
  `for w in text.split():\n    if w.startswith('ACD'):\n        data['word'] = w\n        break\nelse:\n    return False\nreturn True`,
  `i = 0\nwhile i < 3:\n    i += 1\nreturn i == 3`, `i = 0\nwhile True:\n    i += 1\n    if i > 5:\n        break\nelse:\n    return 'no'\nreturn i`,
  `n = 0\nfor i in range(10):\n    if i % 2:\n        continue\n    n += i\nreturn n`, `for i in []:\n    pass\nelse:\n    return 'else ran'`,
  `x = 5\nif x > 10:\n    return 'a'\nelif x > 3:\n    return 'b'\nelse:\n    return 'c'`, `if 0: return 1\nelif '': return 2\nelse: return 3`, `x = 1; y = 2; return x + y`,
  `try:\n    v = float(text.split()[3])\nexcept (ValueError, IndexError):\n    return False\nreturn v > 2.4`,
  `try:\n    {}['k']\nexcept KeyError as e:\n    return str(e), repr(e), e.args`, `try:\n    1 / 0\nexcept ArithmeticError:\n    return 'caught by base'`,
  `try:\n    [][0]\nexcept LookupError as e:\n    return str(e)`, `try:\n    x = 1\nexcept Exception:\n    return 'no'\nelse:\n    return 'else'`,
  `r = []\ntry:\n    r.append(1)\n    return r\nfinally:\n    r.append(2)`, `try:\n    return 1\nfinally:\n    return 2`, `try:\n    1 / 0\nfinally:\n    data['f'] = 1`,
  `try:\n    1 / 0\nexcept ValueError:\n    return 'wrong'`, `try:\n    int('x')\nexcept Exception as e:\n    return str(e)`, `try:\n    raise ValueError('boom')\nexcept ValueError as e:\n    return e.args`,
  `raise KeyError('k')`, `raise ValueError`, `raise TypeError('a', 1)`, `try:\n    1 / 0\nexcept ZeroDivisionError:\n    raise`, `raise 5`,
  `try:\n    try:\n        1 / 0\n    except KeyError:\n        return 'inner'\nexcept ZeroDivisionError:\n    return 'outer'`, `try:\n    pass\nexcept:\n    pass\nreturn e`,
  `try:\n    1/0\nexcept Exception as e:\n    pass\nreturn e`, `try:\n    x = undefined_name\nexcept NameError as e:\n    return str(e)`, `assert 1 == 1\nreturn 'ok'`,
  `assert 1 == 2, 'mismatch'`, `assert False`, `x = 1\ndel x\nreturn x`, `def_ = 3\nreturn def_`, `return undefined_name`, `x = x + 1`,
  `global counter\ncounter = 1\nreturn counter`, `data = {'new': 1}\nreturn True`, `global data\ndata['g'] = 1\nreturn True`, `return`, `pass`, `return None`,
  `return 1 if True else 2`, `return 0 or '' or [] or 'last'`, `return 1 and 2 and 0 and 3`, `return not []`, `return not 1 == 2`, `x = 5\nreturn 1 < x < 10 != 11`,
  `return None is None, 1 is not None, [] is []`, `x = []\nreturn x is x`, `return 'a' not in 'abc'`, `if log['Thread'] == data.get('Thread'):\n    return True`,
  `return log['Missing'] == 1`, `return log.get('LogLevel') in ('Error', 'Critical') or text.lower().startswith('waiting')`, `return int(log['Line']) % 2 == 0`,
  `parts = log['Array'].split('-')\ndata['array'] = parts[-1]\nreturn len(parts) == 2`, `data['count'] = data.get('count', 0) + 1\nreturn data['count'] >= 2`,
  `data.setdefault('threads', []).append(log['Thread'])\nreturn len(data['threads']) > 1`, `data['kind'] = 'op' if log.get('Audience') == 'Operator' else 'dev'\nreturn True`,
  `log['Text'] = 'changed'\ntext = 'x'\nreturn log['Text'] + text`, `while False:\n    pass\nelse:\n    return 'while-else'`, `for i, c in enumerate('ab'):\n    data[c] = i\nreturn True`,
  `for k, v in {'a': 1}.items():\n    return k, v`, `for a, b in [(1, 2), (3, 4)]:\n    pass\nreturn a + b`, `x = 0\nfor i in range(3):\n    for j in range(3):\n        if j == 1:\n            break\n        x += 1\nreturn x`,
  `import re\nimport json, math\nfrom re import search as s\nreturn s('a', 'cat').span()`, `import math as m\nreturn m.pi`, `from math import floor, ceil\nreturn floor(2.5), ceil(2.5)`,
  `print('hello')\nreturn True`, `x = print\nreturn x is print`, `return len`, `if True:\n  return 'two spaces'`, `if True:\n\treturn 'tab'`,
];

it('runs statements as CPython does', () => {
  expect(compareWithCPython(CASES.map((source) => ({ source, data: { Thread: 'Thread-221855' } })))).toEqual([]);
});

/** Augmented assignment: what changes in place, and errors that name the augmented operator (`+=`), as CPython's do. */
const AUGMENTED = [
  `x = 1\nx += 'a'`, `x = 1\nx -= 'a'`, `x = 'a'\nx -= 1`, `x = [1]\nx += 1`, `x = [1]\nx -= [1]`, `x = {}\nx |= 1`, `x = 2\nx **= 'a'`, `x = 2\nx <<= 1.5`,
  `x = None\nx *= 2`, `x = (1,)\nx += [2]`, `x = 1.5\nx //= 'a'`, `x = 1\nx %= []`, `x = 1\nx /= None`, `x = 'a'\nx += 1`, `x = [1]\nx *= 'a'`,
  `x = [1]\ny = x\nx += (2, 3)\nreturn y`, `x = [1]\ny = x\nx *= 2\nreturn y`, `x = (1,)\ny = x\nx += (2,)\nreturn x, y`, `x = 'ab'\nx *= 2\nreturn x`,
  `x = []\nx += (1 + 'a' for _ in [1])`, `x = {'k': 1}\nx['k'] += 'a'`, `x = [1]\nx[0] -= None`, `x = None\nx &= {1}`, `x = None\nx -= {1}`, `return None | {1}`, `return {1} ^ None`, `return None - frozenset()`,
  // no value has a matrix product: CPython compiles @ and raises when it runs
  `return 1 @ 2`, `return [1] @ 'a'`, `x = 2\nx @= 1`, `return 1 @ undefined_name`, `return False and 1 @ 2`,
];

it('runs augmented assignment as CPython does', () => {
  expect(compareWithCPython(AUGMENTED)).toEqual([]);
});

/** A for's or a comprehension's target list with a starred item, bare (`for a, *b in x`): the list is the target, where its starred item was checked alone and refused. */
const STARRED_TARGETS = [
  'for m, *a in [(1, 2, 3)]:\n    return m, a', 'for *a, m in [(1, 2, 3)]:\n    return m, a', 'for a, *b, in [(1, 2)]:\n    return a, b', 'for a, *(b, c) in [(1, 2, 3)]:\n    return a, b, c',
  'return [(m, a, z) for m, *a, z in ["abcd", "xy"]]', 'return {m: a for *m, a, in ["abc"]}', 'for a, *b in [(1,), 5]:\n    pass',
  'for *a in [(1, 2)]:\n    return a', 'for a, *b, *c in [(1, 2)]:\n    return a', 'for a, f() in [(1, 2)]:\n    return a', 'return [a for a, *b, 1 in []]',
];

it('takes a starred item in a bare target list as CPython does', () => {
  expect(compareWithCPython(STARRED_TARGETS)).toEqual([]);
});
