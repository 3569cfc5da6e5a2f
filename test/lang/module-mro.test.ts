import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { MODULE_NAMES } from '../../src/lang/runtime/module-names.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** Every class CPython's modules export that the condition's modules have, by module, as CPython lists them at test time. */
function moduleClasses(): [module: string, name: string][] {
  const script = `import importlib, json\nprint(json.dumps([[m, n] for m in ${JSON.stringify(MODULE_NAMES)} for n in dir(importlib.import_module(m)) if not n.startswith('_') and isinstance(getattr(importlib.import_module(m), n), type)]))`;
  const all: [string, string][] = JSON.parse(execFileSync('python3', ['-c', script], { encoding: 'utf8' }));
  const engine = new Engine();
  // a class the runtime does not have is an AttributeError (or the evaluator's refusal), not a wrong order;
  // nor is one whose order the evaluator refuses (ChainMap's, whose bases are collections.abc's)
  return all.filter(([m, n]) => evaluator(engine, { source: `import ${m}\nreturn ${m}.${n}.__mro__` }).error === undefined);
}

/** Instances of the modules' classes, each asked of every class of its module (and a few builtins). */
const INSTANCES: Record<string, string[]> = {
  re: ["re.compile('a')", "re.match('a', 'a')", 're.I', 're.I | re.M', "re.error('x')"],
  json: ["json.JSONDecodeError('m', 'd', 0)"],
  functools: ['functools.partial(int)'],
  operator: ['operator.itemgetter(1)', "operator.attrgetter('a')"],
  itertools: [
    'itertools.count()', 'itertools.chain()', "itertools.chain.from_iterable('')", "itertools.islice('a', 1)", "itertools.groupby('')", "next(itertools.groupby('a'))[1]",
    "itertools.pairwise('')", "itertools.accumulate('')", "itertools.combinations('', 1)", "itertools.permutations('')", 'itertools.product()', 'itertools.repeat(1)',
    "itertools.takewhile(bool, '')", "itertools.dropwhile(bool, '')", 'itertools.zip_longest()', 'itertools.starmap(pow, [])', 'iter([])',
  ],
  statistics: ["statistics.StatisticsError('x')"],
  datetime: ['datetime.date(2020, 1, 1)', 'datetime.datetime(2020, 1, 1)', 'datetime.time()', 'datetime.timedelta()', 'datetime.timezone.utc'],
  collections: ['collections.Counter()', 'collections.OrderedDict()', 'collections.defaultdict()', 'collections.deque()'],
  time: ['time.gmtime(0)'],
  hashlib: ['hashlib.blake2b()', 'hashlib.blake2s()'],
  contextlib: ['contextlib.suppress()', 'contextlib.nullcontext()'],
  fractions: ['fractions.Fraction(1, 2)'],
  calendar: ['calendar.Calendar()', 'calendar.TextCalendar()', 'calendar.HTMLCalendar()', 'calendar.IllegalMonthError(13)'],
};

it('orders the bases of every module class as CPython does, and isinstance and issubclass follow them', () => {
  const classes = moduleClasses();
  // most of each module's classes are here: a runtime that lost them all would pass the comparisons below
  expect(classes.length).toBeGreaterThan(20);
  const cases = classes.flatMap(([m, n]) => [
    `import ${m}\nreturn [t.__name__ for t in ${m}.${n}.__mro__], [t.__qualname__ for t in ${m}.${n}.__mro__]`,
    `import ${m}\nreturn [issubclass(${m}.${n}, t) for t in (dict, tuple, list, int, Exception, BaseException, object, ${m}.${n})], [issubclass(${m}.${n}, t) for t in ${m}.${n}.__mro__]`,
  ]);
  const instances = Object.entries(INSTANCES).flatMap(([m, made]) => {
    const types = ['dict', 'tuple', 'int', 'Exception', 'object', ...classes.filter(([cm]) => cm === m).map(([, n]) => `${m}.${n}`)].join(', ');
    return made.map((x) => `import ${m}\nx = ${x}\nreturn [isinstance(x, t) for t in (${types})], [isinstance(x, t) for t in type(x).__mro__], type(x).__name__`);
  });
  expect(compareWithCPython([
    ...cases,
    ...instances,
    'import itertools, operator\nreturn [type(f) is type for f in (itertools.chain, itertools.count, operator.itemgetter)], type(itertools.count()), isinstance(itertools.count(), itertools.count)',
    'import re\nreturn type(re.RegexFlag).__name__, [type(t).__name__ for t in re.RegexFlag.__mro__], re.RegexFlag.__mro__[1](1)',
    'import re\nreturn re.RegexFlag.__mro__[5]()',
    'import contextlib\nreturn type(contextlib.suppress).__name__, [repr(t) for t in contextlib.nullcontext.__mro__], contextlib.suppress.__mro__[1]()',
    'import contextlib\nreturn contextlib.nullcontext.__mro__[2]()',
    'import re, itertools, operator, datetime\nreturn [repr(t) for t in re.RegexFlag.__mro__], itertools.chain, itertools.count, operator.itemgetter, operator.itemgetter(1, "a"), operator.attrgetter("a.b"), datetime.tzinfo',
    'return [t.__name__ for t in ExceptionGroup.__mro__], [t.__name__ for t in BaseExceptionGroup.__mro__], issubclass(ExceptionGroup, BaseExceptionGroup), isinstance(ExceptionGroup("m", [ValueError()]), BaseExceptionGroup)',
    'try:\n    raise ExceptionGroup("m", [ValueError(1)])\nexcept BaseExceptionGroup as g:\n    return type(g).__name__',
    'import collections\nc = collections.Counter("abca")\nreturn isinstance(c, dict), isinstance(collections.OrderedDict(), dict), isinstance(collections.defaultdict(int), dict), type(c).__mro__[1] is dict',
    'import datetime\ntzinfo = datetime.timezone.__mro__[1]\nreturn tzinfo.__name__, isinstance(datetime.timezone.utc, tzinfo), issubclass(datetime.timezone, tzinfo), issubclass(datetime.datetime, datetime.date), isinstance(datetime.datetime(2020, 1, 1), datetime.date)',
    'try:\n    raise ExceptionGroup("m", [ValueError(1)])\nexcept Exception as g:\n    return type(g).__name__, isinstance(g, Exception), isinstance(g, BaseExceptionGroup)',
    'class E(ExceptionGroup):\n    pass\nreturn [t.__name__ for t in E.__mro__], isinstance(E("m", [ValueError()]), BaseExceptionGroup)',
    'import calendar\nreturn issubclass(calendar.LocaleTextCalendar, calendar.Calendar), issubclass(calendar.LocaleHTMLCalendar, calendar.HTMLCalendar)',
    'import json\nreturn issubclass(json.JSONDecodeError, ValueError), [t.__name__ for t in json.JSONDecodeError.__mro__]',
  ])).toEqual([]);
});
