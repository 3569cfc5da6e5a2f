import { PyException, PyType, setUnhashable, typeName, type Py } from './values.js';

function exceptionType(name: string, base: PyType | null): PyType {
  // its text is worded from args when read (repr.ts's str)
  const type: PyType = new PyType(name, (args) => new PyException(type, args), base, true);
  return type;
}

export const BaseException = exceptionType('BaseException', null);
export const Exception = exceptionType('Exception', BaseException);
export const ArithmeticError = exceptionType('ArithmeticError', Exception);
export const ZeroDivisionError = exceptionType('ZeroDivisionError', ArithmeticError);
export const OverflowError = exceptionType('OverflowError', ArithmeticError);
export const LookupError = exceptionType('LookupError', Exception);
export const KeyError = exceptionType('KeyError', LookupError);
export const IndexError = exceptionType('IndexError', LookupError);
export const TypeError_ = exceptionType('TypeError', Exception);
export const ValueError = exceptionType('ValueError', Exception);
export const UnicodeError = exceptionType('UnicodeError', ValueError);
export const AttributeError = exceptionType('AttributeError', Exception);
export const NameError = exceptionType('NameError', Exception);
export const UnboundLocalError = exceptionType('UnboundLocalError', NameError);
export const RuntimeError = exceptionType('RuntimeError', Exception);
export const RecursionError = exceptionType('RecursionError', RuntimeError);
export const NotImplementedError = exceptionType('NotImplementedError', RuntimeError);
export const AssertionError_ = exceptionType('AssertionError', Exception);
export const StopIteration = exceptionType('StopIteration', Exception);
export const ImportError = exceptionType('ImportError', Exception);
export const MemoryError = exceptionType('MemoryError', Exception);
/** re.error, as raised for a bad pattern. */
export const ReError = exceptionType('error', Exception);
/** The evaluator's own: a run took more steps or time than its budget. */
export const StepLimitError = exceptionType('StepLimitError', BaseException);

/** The exception types a condition can name (in `except` or `raise`). */
export const EXCEPTION_TYPES: ReadonlyMap<string, PyType> = new Map(
  [
    BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, LookupError, KeyError,
    IndexError, TypeError_, ValueError, UnicodeError, AttributeError, NameError, UnboundLocalError,
    RuntimeError, RecursionError, NotImplementedError, AssertionError_, StopIteration, ImportError, MemoryError,
  ].map((t) => [t.name, t]),
);

export function pyErr(type: PyType, message?: string): PyException {
  return message === undefined ? new PyException(type, [], '') : new PyException(type, [message], message);
}

/** An error that enforces a limit: it ends the run, whatever `except` clauses say. */
export function fatalErr(type: PyType, message: string): PyException {
  const e = pyErr(type, message);
  e.fatal = true;
  return e;
}

export const typeErr = (m: string) => pyErr(TypeError_, m);
export const valueErr = (m: string) => pyErr(ValueError, m);
export const keyErr = (key: Py) => new PyException(KeyError, [key]);
export const indexErr = (m: string) => pyErr(IndexError, m);
export const attrErr = (v: Py, name: string) => pyErr(AttributeError, `'${typeName(v)}' object has no attribute '${name}'`);
export const zeroDiv = (m = 'division by zero') => pyErr(ZeroDivisionError, m);

setUnhashable((v) => typeErr(`unhashable type: '${typeName(v)}'`), () => pyErr(RecursionError, 'maximum recursion depth exceeded while hashing a tuple'));
