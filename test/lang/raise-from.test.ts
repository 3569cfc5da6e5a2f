import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/** `raise X from cause` and `assert test, message`: the cause is read as `__cause__` and shows nowhere else. */
const CASES = [
  `raise KeyError('a') from ValueError('b')`, `raise KeyError from ValueError`, `raise KeyError('a') from None`, `raise KeyError('a') from 5`, `raise 5 from ValueError()`,
  `try:\n    raise KeyError('a') from ValueError('b')\nexcept KeyError as e:\n    return repr(e.__cause__), str(e), e.args`,
  `try:\n    raise KeyError('a') from ValueError\nexcept KeyError as e:\n    return type(e.__cause__).__name__, e.__cause__.args`,
  `try:\n    raise KeyError('a') from None\nexcept KeyError as e:\n    return e.__cause__`, `try:\n    raise KeyError('a')\nexcept KeyError as e:\n    return e.__cause__`,
  `try:\n    int('x')\nexcept ValueError as e:\n    try:\n        raise RuntimeError('wrapped') from e\n    except RuntimeError as r:\n        return str(r.__cause__), repr(r)`,
  `try:\n    raise ValueError('inner')\nexcept ValueError as e:\n    raise TypeError('outer') from e`, `c = ValueError('c')\ntry:\n    raise KeyError('k') from c\nexcept KeyError as e:\n    return e.__cause__ is c`,
  `raise KeyError('a') from undefined_name`, `raise undefined_name from KeyError()`, `raise from KeyError()`,
  `assert False, 'why'`, `assert 0, ('a', 1)`, `assert [], 42`, `assert text == '', f'text was {len(text)} long'`, `assert True, undefined_name\nreturn 1`,
  `try:\n    assert 1 > 2, 'no'\nexcept AssertionError as e:\n    return e.args, str(e)`, `try:\n    assert False\nexcept AssertionError as e:\n    return e.args, str(e)`,
];

it('raises with a cause and words assertions as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});
