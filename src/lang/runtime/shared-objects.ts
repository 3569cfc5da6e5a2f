/**
 * The objects of the modules and builtins, which every condition a worker runs shares, and
 * what storing an attribute on one of them answers. None takes the store: each would carry
 * state from one condition into the next. Where CPython refuses too (a builtin or C type,
 * a builtin function) the condition gets CPython's error; where CPython would have stored it
 * (a class or function written in Python in CPython's library, an enum member) it is refused
 * as a module's attribute is, with an UnsupportedError that no `except` catches, since
 * CPython's answer cannot be given.
 */
import { fatalErr, typeErr, UnsupportedError } from './exceptions.js';
import { repr } from './repr.js';
import { PyClass } from './class-values.js';
import { PyFunc, PyIntFlag, PyModule, type Py, type PyException, type RunDef } from './values.js';

/**
 * Per module, its attributes that CPython 3.11 defines in Python: their attributes can be
 * set there (test/lang/shared-objects.test.ts checks every attribute of every module against CPython).
 */
const DEFINED_IN_PYTHON: Record<string, readonly string[]> = {
  re: ['search', 'match', 'fullmatch', 'findall', 'finditer', 'sub', 'subn', 'split', 'compile', 'escape', 'purge', 'error', 'RegexFlag'],
  json: ['dumps', 'loads', 'JSONDecodeError', 'JSONDecoder', 'JSONEncoder'],
  collections: ['namedtuple', 'Counter', 'ChainMap', 'UserDict', 'UserList', 'UserString'],
  'collections.abc': [
    'Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator', 'Hashable', 'Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized', 'Container', 'Callable',
    'Collection', 'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView', 'Sequence', 'MutableSequence', 'ByteString',
  ],
  numbers: ['Number', 'Complex', 'Real', 'Rational', 'Integral'],
  graphlib: ['TopologicalSorter', 'CycleError', '_NodeInfo'],
  hashlib: ['new'],
  string: ['capwords', 'Template', 'Formatter'],
  functools: ['lru_cache', 'cache', 'update_wrapper', 'wraps', 'total_ordering', 'cached_property', 'partialmethod', 'singledispatch', 'singledispatchmethod'],
  contextlib: ['contextmanager', 'suppress', 'nullcontext', 'ExitStack', 'closing', 'AbstractContextManager', 'AbstractAsyncContextManager', 'redirect_stdout', 'redirect_stderr', 'chdir'],
  statistics: [
    'mean', 'fmean', 'median', 'median_low', 'median_high', 'median_grouped', 'mode', 'multimode', 'variance', 'pvariance', 'stdev', 'pstdev', 'quantiles', 'StatisticsError',
    'harmonic_mean', 'geometric_mean', 'covariance', 'correlation', 'linear_regression', 'NormalDist',
  ],
  calendar: [
    'IllegalMonthError', 'IllegalWeekdayError', 'month_name', 'month_abbr', 'day_name', 'day_abbr', 'isleap', 'leapdays', 'weekday', 'monthrange', 'Calendar', 'TextCalendar',
    'HTMLCalendar', 'LocaleTextCalendar', 'LocaleHTMLCalendar', 'setfirstweekday', 'format', 'formatstring', 'timegm', 'main',
  ],
  // a struct sequence's type takes attributes in 3.11 (it is not flagged immutable)
  time: ['struct_time'],
  heapq: ['nlargest', 'nsmallest', 'merge'],
  fnmatch: ['fnmatch', 'fnmatchcase', 'filter', 'translate'],
  base64: [
    'b64encode', 'b64decode', 'standard_b64encode', 'standard_b64decode', 'urlsafe_b64encode', 'urlsafe_b64decode', 'b32encode', 'b32decode', 'b32hexencode', 'b32hexdecode',
    'b16encode', 'b16decode', 'a85encode', 'a85decode', 'b85encode', 'b85decode', 'encodebytes', 'decodebytes',
  ],
  // PyErr_NewException's heap types take attributes
  binascii: ['Error', 'Incomplete'],
  struct: ['error'],
  zlib: ['error'],
  // copy.error is copy.Error: filed second, so a refusal names it as Error
  copy: ['copy', 'deepcopy', 'error', 'Error'],
  pprint: ['pprint', 'pformat', 'pp', 'saferepr', 'isreadable', 'isrecursive', 'PrettyPrinter'],
  difflib: ['SequenceMatcher', 'Match', 'Differ', 'ndiff', 'restore', 'get_close_matches', 'unified_diff', 'context_diff', 'IS_LINE_JUNK', 'IS_CHARACTER_JUNK'],
  textwrap: ['TextWrapper', 'wrap', 'fill', 'shorten', 'dedent', 'indent'],
  shlex: ['shlex', 'split', 'quote', 'join'],
  html: ['escape', 'unescape'],
  'urllib.parse': [
    'urlparse', 'urlunparse', 'urljoin', 'urldefrag', 'urlsplit', 'urlunsplit', 'urlencode', 'parse_qs', 'parse_qsl', 'quote', 'quote_plus', 'quote_from_bytes', 'unquote', 'unquote_plus', 'unquote_to_bytes',
    'DefragResult', 'ParseResult', 'SplitResult', 'DefragResultBytes', 'ParseResultBytes', 'SplitResultBytes',
  ],
  dataclasses: ['dataclass', 'field', 'Field', 'fields', 'asdict', 'astuple', 'replace', 'is_dataclass', 'FrozenInstanceError', 'InitVar', 'KW_ONLY', 'MISSING', 'make_dataclass'],
  typing: ['Any', 'Union', 'Optional', 'ClassVar', 'Final', 'Literal', 'List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Type', 'Callable', 'Iterable', 'Iterator', 'Sequence', 'Mapping', 'TypeVar', 'cast', 'overload', 'no_type_check', 'final', 'NamedTuple', 'get_type_hints',
    'ParamSpec', 'ParamSpecArgs', 'ParamSpecKwargs', 'TypeVarTuple'],
  // _decimal makes its signals with PyErr_NewException: heap types, which take attributes
  decimal: [
    'DecimalException', 'Clamped', 'InvalidOperation', 'ConversionSyntax', 'DivisionByZero', 'DivisionImpossible', 'DivisionUndefined', 'Inexact', 'InvalidContext', 'Rounded',
    'Subnormal', 'Overflow', 'Underflow', 'FloatOperation',
  ],
  uuid: ['SafeUUID', 'UUID', 'getnode', 'uuid1', 'uuid3', 'uuid4', 'uuid5', 'Enum'],
  // Lib/fractions.py's class; its Decimal is decimal's (an immutable type)
  fractions: ['Fraction'],
  types: ['resolve_bases', 'new_class', 'prepare_class', '_calculate_meta', 'DynamicClassAttribute'],
  abc: ['ABCMeta', 'ABC', 'abstractmethod', 'abstractclassmethod', 'abstractstaticmethod', 'abstractproperty', 'update_abstractmethods'],
  enum: ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'ReprEnum', 'Flag', 'IntFlag', 'auto', 'unique', 'member', 'nonmember', 'show_flag_values', 'bin', 'verify'],
  ipaddress: [
    'ip_address', 'ip_network', 'ip_interface', 'v4_int_to_packed', 'v6_int_to_packed', 'summarize_address_range', 'collapse_addresses', 'get_mixed_type_key',
    'AddressValueError', 'NetmaskValueError', 'IPv4Address', 'IPv4Interface', 'IPv4Network', 'IPv6Address', 'IPv6Interface', 'IPv6Network',
  ],
};

/** Types in CPython that are functions here (zip, functools.partial): CPython's TypeError names them as types. */
const TYPES_IN_CPYTHON: Record<string, readonly string[]> = {
  builtins: ['enumerate', 'zip', 'map', 'filter'],
  functools: ['partial'],
};

/** Each shared object CPython would let a condition change, by its qualified name. */
const refused = new WeakMap<object, string>();
/** Each function here that is an immutable type in CPython, by CPython's name for it. */
const immutableTypes = new WeakMap<object, string>();

/** Files the modules' and the builtins' objects in the tables above, once, when the modules are made. */
export function fileSharedObjects(modules: ReadonlyMap<string, PyModule>, builtins: ReadonlyMap<string, Py>): void {
  const look = (module: string, name: string): object => {
    const v = module === 'builtins' ? builtins.get(name) : modules.get(module)?.attrs.get(name);
    // a name in the tables that is gone from its module is a table to correct, at start-up
    if (typeof v !== 'object' || v === null) throw new Error(`shared-objects.ts: ${module}.${name} is not an object of the evaluator`);
    return v;
  };
  for (const [module, names] of Object.entries(DEFINED_IN_PYTHON)) for (const name of names) refused.set(look(module, name), `${module}.${name}`);
  // the methods of a module's class written as one (calendar's, string.Template's): functions every condition reads, which functools.update_wrapper would rename
  for (const [module, m] of modules) {
    for (const [name, cls] of m.attrs) {
      if (!(cls instanceof PyClass)) continue;
      for (const [method, f] of cls.attrs) if (f instanceof PyFunc) refused.set(f, `${module}.${name}.${method}`);
    }
  }
  for (const [module, names] of Object.entries(TYPES_IN_CPYTHON)) for (const name of names) immutableTypes.set(look(module, name), module === 'builtins' ? name : `${module}.${name}`);
}

/** Whether obj is one of the modules' objects CPython writes in Python (a function there, of type 'function'). */
export const definedInPython = (obj: object): boolean => refused.has(obj);

/** CPython's name for obj where it is a type there but a function here (zip, functools.partial), else undefined. */
export const typeInCPython = (obj: object): string | undefined => immutableTypes.get(obj);

/**
 * The defs and lambdas a condition's code made (compile/functions.ts), each anew in its run: the
 * only functions of kind 'function' that take attributes (`__wrapped__`, `__doc__`, a rename by
 * functools.wraps). Any other is a module's (a method of enum's classes, a property's getter,
 * a classmethod's function), made once and shared by every condition, filed in no table above.
 */
export const noteRunDef = (f: PyFunc, made: RunDef): void => void (f.runDef = made);
export const isRunDef = (f: Py): f is PyFunc => f instanceof PyFunc && f.runDef !== null;

/** Files one more shared object a module made (a module's class or sentinel not among its attributes, as `type(dataclasses.MISSING)`). */
export const fileSharedObject = (obj: object, qualified: string): void => void refused.set(obj, qualified);

/** Why `obj.name = v` (or `del obj.name`) on a shared object is refused, or undefined when obj is no shared object of these. */
export function sharedObjectRefusal(obj: Py, name: string): PyException | undefined {
  if (obj instanceof PyModule) return fatalErr(UnsupportedError, `cannot set '${obj.name}.${name}': modules are read-only in the evaluator (they are shared by every condition)`);
  // re's flags are members of an enum, whose instances take attributes in CPython; re.I | re.M is kept as a member too
  if (obj instanceof PyIntFlag) return fatalErr(UnsupportedError, `cannot set '${repr(obj)}.${name}': re's flags are read-only in the evaluator (they are shared by every condition)`);
  if (typeof obj !== 'object' || obj === null) return undefined;
  const qualified = refused.get(obj);
  if (qualified !== undefined) return fatalErr(UnsupportedError, `cannot set '${qualified}.${name}': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)`);
  // a C type written as a class (types.SimpleNamespace) is immutable, as CPython's static types are
  if (obj instanceof PyClass && obj.cType) return typeErr(`cannot set '${name}' attribute of immutable type '${obj.name}'`);
  const typeName = immutableTypes.get(obj);
  if (typeName !== undefined) return typeErr(`cannot set '${name}' attribute of immutable type '${typeName}'`);
  // a function in CPython (kind 'function', of no subclass: not a partial or lru_cache's wrapper) that no condition's def made
  if (obj instanceof PyFunc && obj.constructor === PyFunc && obj.kind === 'function' && obj.runDef === null) {
    return fatalErr(UnsupportedError, `cannot set '${obj.name}.${name}': the modules' classes and functions are read-only in the evaluator (they are shared by every condition)`);
  }
  return undefined;
}
