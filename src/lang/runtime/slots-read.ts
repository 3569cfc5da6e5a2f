/**
 * Reading `__slots__` (`P.__slots__`, `p.__slots__`, getattr): a condition's classes keep what
 * their body or dataclass(slots=True) gave, and builtin types have none, so those answer as
 * CPython does; the modules' classes and types do not carry the `__slots__` CPython's library
 * gives them (`uuid.UUID`, `fractions.Fraction`, `dataclasses.Field`, a namedtuple's `()`), and a
 * read that would reach one of them is refused, where it would be answered wrongly.
 */
import { MODULE_TYPES } from './module-types.js';
import { PyClass } from './class-values.js';
import { fatalErr, UnsupportedError } from './exceptions.js';
import { PyClassType, PyRunClassType } from './modules/class-type.js';
import { mroOf, OBJECT_CLASS } from './object-class.js';
import { isRunClass } from './subclasses.js';
import { typeOf } from './types/table.js';
import { PyType, typeName, type Py } from './values.js';

/** Refuses a read of `__slots__` that would meet a module's class before a condition's class naming it. */
export function checkSlotsRead(obj: Py): void {
  let cls: PyType | undefined;
  // an instance of a class (a plain one, a dict's, a value type's, an exception): its class, duck-typed (classes.ts imports this module)
  const own = typeof obj === 'object' && obj !== null ? ((obj as { cls?: unknown }).cls ?? (obj as { type?: unknown }).type) : undefined;
  if (obj instanceof PyType) cls = obj;
  else if (own instanceof PyClass) cls = own;
  else {
    const slots = typeOf(obj);
    cls = slots.classOf?.(obj) ?? slots.type;
    if (cls === undefined) {
      if (typeName(obj).includes('.')) throw refusal(typeName(obj));
      return;
    }
  }
  for (const t of mroOf(cls)) {
    if (t === OBJECT_CLASS) continue;
    if (t instanceof PyClass && isRunClass(t)) {
      if (t.attrs.has('__slots__')) return;
      continue;
    }
    // a module's class or type that CPython gives no __slots__ (and the evaluator none either), else a refusal
    const qualified = t instanceof PyClass ? `${t.module ?? ''}.${t.name}` : t.name.includes('.') ? t.name : `${moduleOf(t)}.${t.name}`;
    if (qualified.startsWith('builtins.') && !(t instanceof PyClass) && !(t instanceof PyClassType)) continue;
    if (t instanceof PyRunClassType || !NO_SLOTS.has(qualified) || ((t instanceof PyClass || t instanceof PyClassType) && t.attrs.has('__slots__'))) throw refusal(t.name);
  }
}

/** A type's module, where its name does not say it: builtins' (exceptions, int, ...) but the few module types named bare. */
const moduleOf = (t: PyType): string => MODULE_TYPES.get(t.name) ?? 'builtins';

/** The modules' types and classes CPython 3.11 gives no `__slots__` (inherited or own), by module and name: generated from CPython, for each module a condition may import. */
const NO_SLOTS = new Set(
  [
    '_blake2.blake2b _blake2.blake2s _collections._tuplegetter _io.StringIO _struct.Struct ',
    '_thread.RLock abc.ABCMeta abc.abstractclassmethod abc.abstractproperty abc.abstractstaticmethod ',
    'binascii.Error binascii.Incomplete calendar.Calendar calendar.HTMLCalendar ',
    'calendar.IllegalMonthError calendar.IllegalWeekdayError calendar.LocaleHTMLCalendar ',
    'calendar.LocaleTextCalendar calendar.TextCalendar calendar._localized_day ',
    'calendar._localized_month calendar.different_locale calendar.error calendar.repeat ',
    'collections.Counter collections.OrderedDict collections._chain collections._itemgetter ',
    'collections._repeat collections._starmap collections._tuplegetter collections.defaultdict ',
    'collections.deque contextlib.AsyncContextDecorator contextlib.ContextDecorator ',
    'contextlib.GenericAlias contextlib.MethodType contextlib._BaseExitStack ',
    'contextlib._GeneratorContextManagerBase contextlib.deque copy.Error copy.error ',
    'dataclasses.FrozenInstanceError dataclasses.FunctionType dataclasses.GenericAlias ',
    'dataclasses._FIELD_BASE dataclasses._HAS_DEFAULT_FACTORY_CLASS dataclasses._KW_ONLY_TYPE ',
    'dataclasses._MISSING_TYPE datetime.date datetime.datetime datetime.time datetime.timedelta ',
    'datetime.timezone datetime.tzinfo decimal.Clamped decimal.Context decimal.ConversionSyntax ',
    'decimal.Decimal decimal.DecimalException decimal.DivisionByZero decimal.DivisionImpossible ',
    'decimal.DivisionUndefined decimal.FloatOperation decimal.Inexact decimal.InvalidContext ',
    'decimal.InvalidOperation decimal.Overflow decimal.Rounded decimal.Subnormal decimal.Underflow ',
    'difflib.Differ difflib.GenericAlias difflib.HtmlDiff difflib.SequenceMatcher ',
    'enum.DynamicClassAttribute enum.Enum enum.EnumCheck enum.EnumMeta enum.EnumType enum.Flag ',
    'enum.FlagBoundary enum.IntEnum enum.IntFlag enum.MappingProxyType enum.ReprEnum enum.StrEnum ',
    'enum._EnumDict enum._proto_member enum.auto enum.member enum.nonmember enum.property enum.verify ',
    'fractions.Decimal functools.GenericAlias functools.RLock functools._lru_cache_wrapper ',
    'functools.cached_property functools.partial functools.partialmethod ',
    'functools.singledispatchmethod hashlib.blake2b hashlib.blake2s itertools._grouper itertools._tee ',
    'itertools._tee_dataobject itertools.accumulate itertools.chain itertools.combinations ',
    'itertools.combinations_with_replacement itertools.compress itertools.count itertools.cycle ',
    'itertools.dropwhile itertools.filterfalse itertools.groupby itertools.islice itertools.pairwise ',
    'itertools.permutations itertools.product itertools.repeat itertools.starmap itertools.takewhile ',
    'itertools.zip_longest json.JSONDecodeError json.JSONDecoder json.JSONEncoder ',
    'json.decoder.JSONDecodeError json.decoder.JSONDecoder json.encoder.JSONEncoder ',
    'operator.attrgetter operator.itemgetter operator.methodcaller pprint.PrettyPrinter ',
    'pprint._StringIO re.Match re.Pattern re.RegexFlag re.Scanner re.error shlex.StringIO shlex.deque ',
    'shlex.shlex statistics.Counter statistics.Decimal statistics.StatisticsError ',
    'statistics.defaultdict statistics.groupby statistics.repeat string.Formatter string.Template ',
    'struct.Struct struct.error textwrap.TextWrapper time.struct_time types.DynamicClassAttribute ',
    'types.GenericAlias typing.ABCMeta typing.Any typing.GenericAlias typing.MethodDescriptorType ',
    'typing.MethodWrapperType typing.NamedTuple typing.NamedTupleMeta typing.NewType typing.Text ',
    'typing.TypedDict typing.WrapperDescriptorType typing._AnyMeta typing._BoundVarianceMixin ',
    'typing._DeprecatedType typing._NamedTuple typing._PickleUsingNameMixin typing._ProtocolMeta ',
    'typing._TypedDict typing._TypedDictMeta typing._TypingEllipsis typing.defaultdict typing.io ',
    'typing.re unicodedata.UCD urllib.parse._Quoter uuid.Enum uuid.SafeUUID uuid.bytes_ uuid.int_ ',
    'zlib.error ',
  ].join('').split(' '),
);

const refusal = (name: string) => fatalErr(UnsupportedError, `'${name}.__slots__' is not available in conditions: the evaluator does not carry the __slots__ of the modules' classes`);
