import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

const NAMES = `ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError BufferError BytesWarning
  ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError EncodingWarning
  EnvironmentError Exception ExceptionGroup FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError
  ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError
  NameError NotADirectoryError NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError
  ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError
  TimeoutError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError
  Warning ZeroDivisionError`.split(/\s+/);

/** The builtins module's exception classes: names, bases, what their calls make, and how they are caught. */
const CASES = [
  // each class's name and its chain of bases, as isinstance of an instance sees it
  ...NAMES.filter((n) => !n.startsWith('Unicode') || n === 'UnicodeError' || n === 'UnicodeWarning').filter((n) => !n.includes('Group')).map(
    (n) => `e = ${n}('m')\nreturn type(e).__name__, [b.__name__ for b in (${NAMES.filter((b) => !b.includes('Group')).join(', ')}) if isinstance(e, b)], str(e)`,
  ),
  `raise OSError('disk')`, `raise PermissionError('denied')`, `raise TimeoutError`, `raise OSError(2, 'No such file or directory', 'x.log')`,
  `return OSError is IOError is EnvironmentError`, `e = OSError(2, 'gone')\nreturn type(e).__name__, str(e), e.args`, `e = OSError(13, 'no', 'f', None, 'g')\nreturn type(e).__name__, str(e), e.args`,
  `e = OSError(2, 'a', 'b', 'c', 'd')\nreturn str(e)`, `e = OSError(1, 2, 3, 4, 5, 6)\nreturn type(e).__name__, str(e)`, `return str(OSError('x', 2)), type(OSError('x', 'y')).__name__, type(PermissionError(2, 'x')).__name__`,
  `e = OSError(110, 'timed out')\nreturn type(e).__name__, isinstance(e, TimeoutError)`, `e = OSError(999, 'odd')\nreturn type(e).__name__, str(e)`, `return repr(OSError(2, 'x'))`, `return str(OSError(2))`,
  `try:\n    raise FileNotFoundError(2, 'gone', 'a.txt')\nexcept OSError as e:\n    return str(e)`, `try:\n    raise ConnectionResetError('peer')\nexcept ConnectionError as e:\n    return repr(e)`,
  `try:\n    raise UserWarning('careful')\nexcept Warning as w:\n    return repr(w)`, `try:\n    raise SystemExit(3)\nexcept BaseException as e:\n    return repr(e), str(e)`,
  `try:\n    raise KeyboardInterrupt\nexcept Exception:\n    return 'not here'\nexcept BaseException:\n    return 'base'`, `try:\n    raise SystemExit(3)\nexcept Exception:\n    return 'wrong'\nexcept SystemExit as e:\n    return e.args`,
  `raise UnicodeDecodeError('x')`, `raise UnicodeTranslateError('a', 'b')`, `return isinstance(ModuleNotFoundError('m'), ImportError)`,
  `return str(ExceptionGroup('m', [ValueError(1), KeyError(2)])), repr(ExceptionGroup('m', [ValueError(1)]))`, `return type(BaseExceptionGroup('m', [ValueError(1)])).__name__`,
  `return ExceptionGroup('m')`, `return ExceptionGroup(1, [ValueError()])`, `return ExceptionGroup('m', [])`, `return ExceptionGroup('m', 5)`, `return ExceptionGroup('m', [1])`,
  `return ExceptionGroup('m', [KeyboardInterrupt()])`, `return type(BaseExceptionGroup('m', (KeyboardInterrupt(),))).__name__`,
  `try:\n    raise SyntaxError('bad')\nexcept SyntaxError as e:\n    return e.args`, `try:\n    raise TabError('t')\nexcept IndentationError as e:\n    return repr(e)`,
  // SystemExit's code: none, the one argument, or all of them
  `try:\n    raise SystemExit\nexcept SystemExit as e:\n    return e.code`, `return SystemExit(2).code, SystemExit('bye').code, SystemExit(1, 2).code, SystemExit(None).code, SystemExit([]).code`,
  `class Quit(SystemExit):\n    pass\ntry:\n    raise Quit(4)\nexcept SystemExit as e:\n    return e.code, str(e), repr(e)`, `return ValueError(1).code`,
];

it('defines every exception class of the builtins module as CPython does', () => {
  expect(compareWithCPython(CASES)).toEqual([]);
});

/** BaseExceptionGroup's split, subgroup and derive: the constructor's checks, matching by type, tuple or predicate (the groups asked first), parts made by derive(), a subclass's own too, with the group's __cause__. */
const GROUP_METHODS = [
  "eg = ExceptionGroup('msg', [ValueError(1), TypeError(2), ExceptionGroup('inner', [KeyError(3), ValueError(4)])])\nm, r = eg.split(ValueError)\nreturn eg.message, eg.exceptions, repr(m), repr(r), repr(eg.subgroup(KeyError)), repr(eg.subgroup(lambda e: isinstance(e, TypeError)))",
  "eg = ExceptionGroup('msg', [ValueError(1)])\nreturn repr(eg.derive([KeyError(2)])), str(eg), repr(eg)",
  "ExceptionGroup('msg', [])",
  "ExceptionGroup('msg', [KeyboardInterrupt()])",
  "ExceptionGroup(1, [ValueError()])",
  "ExceptionGroup('m', 5)",
  "ExceptionGroup('m', [5])",
  "return type(BaseExceptionGroup('m', [ValueError()])).__name__, type(BaseExceptionGroup('m', [KeyboardInterrupt()])).__name__",
  "ExceptionGroup('m')",
  "eg = ExceptionGroup('msg', [ValueError(1), TypeError(2)])\nreturn eg.split((ValueError, TypeError)), eg.subgroup(OSError)",
  "eg = ExceptionGroup('msg', [ValueError(1)])\neg.split(5)",
  "eg = ExceptionGroup('msg', [ValueError(1)])\nreturn eg.args, len(eg.exceptions), type(eg.exceptions).__name__, eg.exceptions[0].args",
  "class E(ExceptionGroup):\n    pass\ne = E('m', [ValueError()])\nreturn repr(e.derive([KeyError()])), type(e.split(ValueError)[0]).__name__",
  "eg = ExceptionGroup('msg', (ValueError(1),))\nreturn repr(eg), str(eg)",
  "eg = ExceptionGroup('msg', [ValueError(1), ValueError(2)])\nm, r = eg.split(ValueError)\nreturn m is eg, r",
  "eg = ExceptionGroup('m', [ValueError(1), ExceptionGroup('i', [ValueError(2)])])\nseen = []\ndef p(e):\n    seen.append(type(e).__name__)\n    return isinstance(e, ValueError)\nm, r = eg.split(p)\nreturn repr(m), r, seen",
  "eg = ExceptionGroup('m', [ValueError(1)])\nreturn eg.split(ExceptionGroup)[0] is eg, eg.subgroup(lambda e: True) is eg, eg.split(BaseException)",
  "eg = ExceptionGroup('m', [ValueError(1)])\neg.split()",
  "eg = ExceptionGroup('m', [ValueError(1)])\neg.split(ValueError, KeyError)",
  "eg = ExceptionGroup('m', [ValueError(1)])\neg.split((ValueError, 5))",
  "eg = ExceptionGroup('m', [ValueError(1)])\neg.split(int)",
  "eg = ExceptionGroup('m', [ValueError(1)])\neg.derive(5)",
  "eg = ExceptionGroup('m', [ValueError(1)])\nreturn repr(eg.derive([KeyboardInterrupt()]))",
  "class E(ExceptionGroup):\n    def derive(self, excs):\n        return E(self.message + '!', excs)\ne = E('m', [ValueError(1), KeyError(2)])\nm, r = e.split(ValueError)\nreturn repr(m), repr(r), type(m).__name__",
  "class E(ExceptionGroup):\n    def derive(self, excs):\n        return 5\ne = E('m', [ValueError(1), KeyError(2)])\ne.split(ValueError)",
  "try:\n    raise ExceptionGroup('m', [ValueError(1), KeyError(2)]) from OSError('c')\nexcept ExceptionGroup as eg:\n    m, r = eg.split(ValueError)\n    return repr(m.__cause__), repr(r.__cause__)",
  "eg = ExceptionGroup('m', [ValueError(1)])\neg.split(x=ValueError)",
  "eg = ExceptionGroup('m', [ValueError(1)])\neg.derive()",
  "eg = ExceptionGroup('m', [ValueError(1)])\neg.derive(excs=[])",
  "eg = ExceptionGroup('m', [ValueError(1)])\neg.subgroup(1, 2)",
];

it("splits exception groups as CPython does", () => {
  expect(compareWithCPython(GROUP_METHODS)).toEqual([]);
});
