import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { MODULE_NAMES } from '../../src/lang/runtime/module-names.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** Modules whose classes are functions here (itertools.chain, operator.itemgetter): they have no order to compare. */
const NOT_TYPES = new Set(['itertools', 'operator']);

/** Classes whose bases are of modules a condition cannot import (enum's, abc's): README's "Classes, for now" names them. */
const OTHER_BASES = new Set(['re.RegexFlag', 'contextlib.nullcontext', 'contextlib.suppress']);

/** Every class CPython's modules export that the condition's modules have, by module, as CPython lists them at test time. */
function moduleClasses(): [module: string, name: string][] {
  const script = `import importlib, json\nprint(json.dumps([[m, n] for m in ${JSON.stringify(MODULE_NAMES)} for n in dir(importlib.import_module(m)) if not n.startswith('_') and isinstance(getattr(importlib.import_module(m), n), type)]))`;
  const all: [string, string][] = JSON.parse(execFileSync('python3', ['-c', script], { encoding: 'utf8' }));
  const engine = new Engine();
  // a class the runtime does not have is an AttributeError (or the evaluator's refusal), not a wrong order
  return all.filter(([m, n]) => !NOT_TYPES.has(m) && !OTHER_BASES.has(`${m}.${n}`) && evaluator(engine, { source: `import ${m}\nreturn ${m}.${n}` }).error === undefined);
}

it('orders the bases of every module class as CPython does, and isinstance and issubclass follow them', () => {
  const classes = moduleClasses();
  // most of each module's classes are here: a runtime that lost them all would pass the comparisons below
  expect(classes.length).toBeGreaterThan(20);
  const cases = classes.flatMap(([m, n]) => [
    `import ${m}\nreturn [t.__name__ for t in ${m}.${n}.__mro__]`,
    `import ${m}\nreturn [issubclass(${m}.${n}, t) for t in (dict, tuple, list, Exception, BaseException, object, ${m}.${n})]`,
  ]);
  expect(compareWithCPython([
    ...cases,
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
