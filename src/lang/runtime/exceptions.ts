import { argTypeName, PyException, PyTuple, PyType, setUnhashable, typeName, type NativeFn, type Py } from './values.js';

/**
 * How OSError's and the codec errors' instances are made from a call's arguments (their C
 * fields parsed: exception-fields.ts), set by that module as it loads: it reads ints and
 * buffers, which sit above this module.
 */
type Make = (type: PyType, args: Py[], kw: Map<string, Py> | null) => PyException;
let fielded: Make = () => {
  throw new Error('exception-fields.ts not loaded');
};
export function setFielded(make: Make): void {
  fielded = make;
}

/**
 * `make` builds an instance from a call's arguments: most types keep them all, their text
 * worded from them when read (repr.ts's str). Only the types whose __init__ reads keywords
 * (NameError's name, ImportError's name and path, ...) are given them.
 */
function exceptionType(name: string, base: PyType | null, make: Make = plain, keywords = false): PyType {
  // BaseException.__init__ takes no keywords (a class's own __init__ has taken them before its base is made)
  const type: PyType = new PyType(name, (args, kw) => {
    if (!keywords && kw !== null && kw.size !== 0) throw typeErr(`${name}() takes no keyword arguments`);
    return make(type, args, kw);
  }, base, true);
  return type;
}

function plain(type: PyType, args: Py[]): PyException {
  return new PyException(type, args);
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
export const BufferError = exceptionType('BufferError', Exception);
export const UnicodeError = exceptionType('UnicodeError', ValueError);
export const AttributeError = exceptionType('AttributeError', Exception, madeWithFields, true);
export const NameError = exceptionType('NameError', Exception, madeWithFields, true);
export const UnboundLocalError = exceptionType('UnboundLocalError', NameError, madeWithFields, true);
export const RuntimeError = exceptionType('RuntimeError', Exception);
export const RecursionError = exceptionType('RecursionError', RuntimeError);
export const NotImplementedError = exceptionType('NotImplementedError', RuntimeError);
export const AssertionError_ = exceptionType('AssertionError', Exception);
export const StopIteration = exceptionType('StopIteration', Exception, madeWithFields);
export const ImportError = exceptionType('ImportError', Exception, madeWithFields, true);
export const MemoryError = exceptionType('MemoryError', Exception);
/** The evaluator's own: a run took more steps or time than its budget. */
export const StepLimitError = exceptionType('StepLimitError', BaseException);
/** The evaluator's own: something a condition may not do, found only as it runs (a module's attribute set). */
export const UnsupportedError = exceptionType('UnsupportedError', BaseException);

/** Made by exception-fields.ts, which reads their fields from the arguments (OSError_new, UnicodeDecodeError_init, ...). */
function madeWithFields(type: PyType, args: Py[], kw: Map<string, Py> | null): PyException {
  return fielded(type, args, kw);
}

export const OSError = exceptionType('OSError', Exception, madeWithFields);
export const PermissionError = exceptionType('PermissionError', OSError, madeWithFields);
export const TimeoutError = exceptionType('TimeoutError', OSError, madeWithFields);
export const FileNotFoundError = exceptionType('FileNotFoundError', OSError, madeWithFields);
export const Warning = exceptionType('Warning', Exception);
export const SystemExit = exceptionType('SystemExit', BaseException, madeWithFields);
export const SyntaxError_ = exceptionType('SyntaxError', Exception, madeWithFields);
const IndentationError = exceptionType('IndentationError', SyntaxError_, madeWithFields);
export const ConnectionError = exceptionType('ConnectionError', OSError, madeWithFields);
export const BlockingIOError = exceptionType('BlockingIOError', OSError, madeWithFields);
export const ChildProcessError = exceptionType('ChildProcessError', OSError, madeWithFields);
export const BrokenPipeError = exceptionType('BrokenPipeError', ConnectionError, madeWithFields);
export const ConnectionAbortedError = exceptionType('ConnectionAbortedError', ConnectionError, madeWithFields);
export const ConnectionRefusedError = exceptionType('ConnectionRefusedError', ConnectionError, madeWithFields);
export const ConnectionResetError = exceptionType('ConnectionResetError', ConnectionError, madeWithFields);
export const FileExistsError = exceptionType('FileExistsError', OSError, madeWithFields);
export const InterruptedError = exceptionType('InterruptedError', OSError, madeWithFields);
export const IsADirectoryError = exceptionType('IsADirectoryError', OSError, madeWithFields);
export const NotADirectoryError = exceptionType('NotADirectoryError', OSError, madeWithFields);
export const ProcessLookupError = exceptionType('ProcessLookupError', OSError, madeWithFields);

/** UnicodeDecodeError and friends: made as exception-fields.ts parses their fields. */
const unicodeError = (name: string): PyType => exceptionType(name, UnicodeError, madeWithFields);

export const UnicodeDecodeError = unicodeError('UnicodeDecodeError');
export const UnicodeEncodeError = unicodeError('UnicodeEncodeError');
export const UnicodeTranslateError = unicodeError('UnicodeTranslateError');

/**
 * A builtin type of several bases, ExceptionGroup(BaseExceptionGroup, Exception) or
 * enum.IntFlag(int, ReprEnum, Flag): a subclass of each, its method resolution order (C3's,
 * after itself, before object) given, which names every class it is a subclass of.
 */
export class PyTypeOfBases extends PyType {
  constructor(name: string, fn: NativeFn, base: PyType | null, readonly order: readonly PyType[], isException = true) {
    super(name, fn, base, isException);
  }
  override isSubclassOf(other: PyType): boolean {
    return this === other || this.order.includes(other);
  }
}

export const BaseExceptionGroup = exceptionType('BaseExceptionGroup', BaseException, exceptionGroup);
export const ExceptionGroup: PyType = new PyTypeOfBases('ExceptionGroup', (args, kw) => {
  if (kw !== null && kw.size !== 0) throw typeErr('ExceptionGroup() takes no keyword arguments');
  return exceptionGroup(ExceptionGroup, args);
}, BaseExceptionGroup, [BaseExceptionGroup, Exception, BaseException]);

/** BaseExceptionGroup.__new__: a message and a non-empty sequence of exceptions; of Exceptions only, it is an ExceptionGroup. */
function exceptionGroup(type: PyType, args: Py[]): PyException {
  if (args.length !== 2) throw typeErr(`BaseExceptionGroup.__new__() takes exactly 2 arguments (${args.length} given)`);
  const [message, excs] = args;
  if (typeof message !== 'string') throw typeErr(`BaseExceptionGroup.__new__() argument 1 must be str, not ${argTypeName(message)}`);
  const items: Py[] | null = Array.isArray(excs) ? excs : excs instanceof PyTuple ? excs.items : null;
  if (items === null) throw typeErr('second argument (exceptions) must be a sequence');
  if (items.length === 0) throw valueErr('second argument (exceptions) must be a non-empty sequence');
  items.forEach((x, i) => {
    if (!(x instanceof PyException)) throw valueErr(`Item ${i} of second argument (exceptions) is not an exception`);
  });
  const allExceptions = items.every((x: PyException) => x.type.isSubclassOf(Exception));
  if (type === ExceptionGroup && !allExceptions) throw typeErr('Cannot nest BaseExceptions in an ExceptionGroup');
  if (type === BaseExceptionGroup && allExceptions) type = ExceptionGroup;
  // the message and the exceptions, as a tuple, are kept apart from args
  return withFields(new PyException(type, args, `${message} (${items.length} sub-exception${items.length === 1 ? '' : 's'})`), [['message', message], ['exceptions', new PyTuple(items.slice())]]);
}

/** The exception types a condition can name (in `except` or `raise`): the builtins module's, all of them. */
export const EXCEPTION_TYPES: ReadonlyMap<string, PyType> = new Map([
  ...[
    BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, LookupError, KeyError,
    IndexError, TypeError_, ValueError, UnicodeError, AttributeError, NameError, UnboundLocalError,
    RuntimeError, RecursionError, NotImplementedError, AssertionError_, StopIteration, ImportError, MemoryError,
    OSError, ConnectionError, BlockingIOError, ChildProcessError, BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError,
    ConnectionResetError, FileExistsError, FileNotFoundError, InterruptedError, IsADirectoryError, NotADirectoryError, PermissionError,
    ProcessLookupError, TimeoutError, Warning, SyntaxError_, IndentationError, BaseExceptionGroup, ExceptionGroup,
    exceptionType('TabError', IndentationError, madeWithFields), exceptionType('FloatingPointError', ArithmeticError), exceptionType('ModuleNotFoundError', ImportError, madeWithFields, true),
    exceptionType('EOFError', Exception), BufferError, exceptionType('ReferenceError', Exception),
    exceptionType('SystemError', Exception), exceptionType('StopAsyncIteration', Exception),
    SystemExit, exceptionType('KeyboardInterrupt', BaseException), exceptionType('GeneratorExit', BaseException),
    UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError,
    ...['BytesWarning', 'DeprecationWarning', 'EncodingWarning', 'FutureWarning', 'ImportWarning', 'PendingDeprecationWarning', 'ResourceWarning',
      'RuntimeWarning', 'SyntaxWarning', 'UnicodeWarning', 'UserWarning'].map((name) => exceptionType(name, Warning)),
  ].map((t): [string, PyType] => [t.name, t]),
  // the old names of OSError are the same class
  ['EnvironmentError', OSError],
  ['IOError', OSError],
]);

export function pyErr(type: PyType, message?: string): PyException {
  return message === undefined ? new PyException(type, [], '') : new PyException(type, [message], message);
}

/** An error that enforces a limit: it ends the run, whatever `except` clauses say. */
export function fatalErr(type: PyType, message: string): PyException {
  const e = pyErr(type, message);
  e.fatal = true;
  return e;
}

/** What next() raises when a generator returns `value`: StopIteration(value), or bare for None (and for other iterators). */
export const stopIteration = (value: Py | undefined): PyException =>
  value === undefined || value === null ? pyErr(StopIteration) : new PyException(StopIteration, [value]);
export const typeErr = (m: string) => pyErr(TypeError_, m);
export const valueErr = (m: string) => pyErr(ValueError, m);
export const keyErr = (key: Py) => new PyException(KeyError, [key]);
export const indexErr = (m: string) => pyErr(IndexError, m);
/** obj.name missing: PyObject_GetAttr's AttributeError, with its name and obj (set by exception-fields.ts). */
export const attrErr = (v: Py, name: string) => missingAttr(`'${typeName(v)}' object has no attribute '${name}'`, name, v);
/** A lookup of obj.name failed, in the words given (a module's, a type's). */
export const missingAttr = (message: string, name: string, obj: Py) => withFields(pyErr(AttributeError, message), [['name', name], ['obj', obj]]);
/** A global name missing: its NameError, with its name. */
export const nameErr = (name: string) => withFields(pyErr(NameError, `name '${name}' is not defined`), [['name', name]]);
/** The modules compiled into CPython 3.11 (sys.builtin_module_names) a condition may import: they have no file, "unknown location". */
const BUILT_IN_MODULES: ReadonlySet<string> = new Set(['itertools', 'time']);
/**
 * `from m import x` where m has no x: ImportError with m as its name (_bltin.c import_from). Of a
 * module with a file, CPython names the file, a path of the host's install: that is left out.
 */
export function importNameErr(name: string, module: string): PyException {
  const message = `cannot import name '${name}' from '${module}'${BUILT_IN_MODULES.has(module) ? ' (unknown location)' : ''}`;
  return withFields(pyErr(ImportError, message), [['msg', message], ['name', module]]);
}
/** Sets fields of an exception the runtime made (exception-fields.ts's), set by that module as it loads. */
let withFields = (e: PyException, _fields: [string, Py][]): PyException => e;
export function setWithFields(set: (e: PyException, fields: [string, Py][]) => PyException): void {
  withFields = set;
}
export const zeroDiv = (m = 'division by zero') => pyErr(ZeroDivisionError, m);

setUnhashable((v) => typeErr(`unhashable type: '${typeName(v)}'`));

/** What `raise` and `from` take: an exception, or an exception class called without arguments. */
export function toException(v: Py, message: string): PyException {
  if (v instanceof PyException) return v;
  if (v instanceof PyType && v.isException) {
    // a class's __new__ may answer anything (_PyErr_CreateException's check)
    const made = v.fn([], null);
    if (!(made instanceof PyException)) throw typeErr(`calling <class '${v.name}'> should have returned an instance of BaseException, not <class '${typeName(made)}'>`);
    return made;
  }
  throw typeErr(message);
}
