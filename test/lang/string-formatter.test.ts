import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/** The default steps, a clock that a cold start on a loaded machine does not run out of. */
const roomy = () => new Engine({ maxMillis: 5_000, requestMillis: 10_000 });

/** string.Formatter: parse as _string reads a format string (every malformed field in CPython's words), and a subclass's overrides heard. */
it('formats, parses and splits fields as CPython does', () => {
  expect(compareWithCPython([
    "import string\nf = string.Formatter()\nout = []\nfor s in ['', 'abc', '{}', '{0}', '{a}', 'x{0!r:>10}y', '{{}}', '{{', '}}', '}', '{', 'a{', 'a}b', '{0[}]}', '{0[a]b}', '{!}', '{!r', '{!rx}', '{!r:}', '{:{}}', '{a:{b:{c}}}', '{0.a.b[1][x]}', '{x!}', '{x{y}}', '{[}', '{:', 'ab{c!s:d{e}}f{{g}}', '{0!ss}', '{\\u0661}', '{a}}', '{{a}', '}{']:\n    try:\n        out.append(list(f.parse(s)))\n    except Exception as e:\n        out.append((s, type(e).__name__, str(e)))\nreturn out",
    "import string\nf = string.Formatter()\nout = []\nfor s in ['', 'a', '0', '12', 'a.b', 'a[0]', 'a[x].y[1]', 'a.', 'a[', 'a[0]x', 'a..b', 'a[]', '\\u0661\\u0662', '99999999999999999999', 'a[99999999999999999999]', '[0]', '.x']:\n    try:\n        r = f.get_field(s, [[10, 20]] * 3, {'a': {'0': 5, 0: 6, 'x': [1, 2]}, '': 7})\n        out.append(r)\n    except Exception as e:\n        out.append((s, type(e).__name__, str(e)))\nreturn out",
    "import string\nf = string.Formatter()\nreturn f.format('{} and {}', 1, 'b'), f.format('{0:>{1}}|{x!r}', 'ab', 6, x='q'), f.format('{a[k]:.2f}', a={'k': 3.14159}), f.vformat('{0}{1}', (1, 2), {})",
    "import string\nf = string.Formatter()\nout = []\nfor args in [('{}{0}', 1), ('{0}{}', 1), ('{', ), ('{2}', 1), ('{x}',), ('{!z}', 1), ('{:{:{:{}}}}', 1, 2, 3, 4), ('{0:{1}}', 'a', 'bad'), ('{0.real}', 3), ('{0.nope}', 3)]:\n    try:\n        out.append(f.format(*args))\n    except Exception as e:\n        out.append((type(e).__name__, str(e)))\nreturn out",
    "import string\nclass F(string.Formatter):\n    def get_value(self, key, args, kwargs):\n        if isinstance(key, str):\n            return kwargs.get(key, '<' + key + '>')\n        return super().get_value(key, args, kwargs)\n    def check_unused_args(self, used, args, kwargs):\n        self.used = sorted(map(str, used))\n    def format_field(self, value, spec):\n        return '[' + super().format_field(value, spec) + ']'\n    def convert_field(self, value, conversion):\n        if conversion == 'u':\n            return str(value).upper()\n        return super().convert_field(value, conversion)\nf = F()\nr = f.format('{a} {b!u} {0:>3}', 7, a=1)\nreturn r, f.used",
    "import string\nclass P(string.Formatter):\n    def parse(self, s):\n        return [('lit', 'x', '', None), ('', None, None, None)]\nreturn P().format('ignored', x=5)",
    "import string\nclass P(string.Formatter):\n    def parse(self, s):\n        return [('lit', 'x', '')]\nreturn P().format('ignored', x=5)",
    "import string\nclass P(string.Formatter):\n    def format_field(self, value, spec):\n        return value\nreturn P().format('{}', 5)",
    "import string\nf = string.Formatter()\nreturn f.format(), ",
    "import string\nf = string.Formatter()\nreturn f.format(format_string='{}')",
    "import string\nf = string.Formatter()\nreturn f.format('{self}', self=1), f.format('{format_string}', format_string=2), f.convert_field(1, 'x')",
    "import string\nreturn string.Formatter().format(1)",
    "import string\nreturn string.Formatter().format('{:{}}', 'x', '>{}'), string.Formatter()._vformat('{}', (1,), {}, set(), 1)",
    "import string\nreturn string.Formatter().format('{0[0]}', 'abc'), string.Formatter().format('{0[-1]}', {'-1': 'neg'})",
    "import string\nreturn string.Formatter().format('{0.__class__}', 1)",
    "import string\nclass R(string.Formatter):\n    def format_field(self, value, spec):\n        return self.format('{}', value)\nreturn R().format('{}', 1)",
    "import string\nf = string.Formatter()\nreturn list(f.parse('a{b}c' * 3)), f.get_field('0', ('x',), {}), f.get_value(True, ['t', 'u'], {}), f.get_value('k', [], {'k': 1})",
    "import string\nf = string.Formatter()\ntry:\n    f.get_value('k', [], {})\nexcept KeyError as e:\n    return repr(e)",
    "import string\nreturn string.Formatter().vformat('{a}', [], {'a': 1}), string.Formatter().vformat('{0}', 'xy', {})",
    "import string\nclass S(str): pass\nreturn string.Formatter().format(S('{}!'), S('v')), list(string.Formatter().parse(S('{a}')))\n",
    "import string\nclass V(string.Formatter):\n    def _vformat(self, fs, args, kwargs, used, depth, auto_arg_index=0):\n        r, a = super()._vformat(fs, args, kwargs, used, depth, auto_arg_index=auto_arg_index)\n        return '<' + r + '>', a\nreturn V().format('{0:>{1}} {x}', 'a', 4, x=1), V().vformat('a{}', (1,), {})",
    "import string\nclass V(string.Formatter):\n    def _vformat(self, *a, **k):\n        return 'x'\nreturn V().format('{}', 1)",
    "import string\nclass V(string.Formatter):\n    def _vformat(self, fs, args, kwargs, used, depth):\n        return fs.upper(), 0\nreturn V().format('{}abc', 1)\n",
  ], roomy())).toEqual([]);
});

const engine = new Engine();
const run = (source: string) => evaluator(engine, { source });

/** Huge and hostile inputs end within the budget. */
it('bounds huge inputs', () => {
  for (const source of [
    "import string\nreturn string.Formatter().format('{}' * 10**5, *range(10**5))",
    "import string\nreturn list(string.Formatter().parse('{a}' * 10**6))",
    "import string\nreturn string.Formatter().format('{0:>{1}}', 'x', 10**7)",
    "import string\nclass R(string.Formatter):\n    def get_value(self, key, args, kwargs):\n        return self.format('{x}')\nreturn R().format('{x}')",
  ]) {
    const t = Date.now();
    expect(run(source).error).toMatch(/^(StepLimitError|MemoryError|RecursionError)/);
    expect(Date.now() - t).toBeLessThan(1500);
  }
});

/** str.format's `{0.name}` reads as getattr() does: the dunders a condition may read (__class__, __name__), and a refusal past any except for those it may not. */
it('reads dunder attributes in str.format fields as getattr() does', () => {
  expect(compareWithCPython([
    "return '{0.__class__}'.format(1), '{0.__class__.__name__}'.format(1), '{.__class__}'.format('a'), '{a.__class__}'.format_map({'a': 1.5}), '{0.real.__class__}'.format(2)",
    "return '{0.__class__.__mro__}'.format(True), '{0.__dict__}'.format(1)",
    "import string\nreturn string.Formatter().format('{0.__class__}', 1)",
    "class A:\n  x = 1\nreturn '{0.__class__.__name__} {0.x} {0.__dict__}'.format(A())",
  ])).toEqual([]);
  const engine = new Engine();
  for (const source of ["try:\n  return '{0.__globals__}'.format(lambda: 0)\nexcept Exception:\n  return 'caught'", "try:\n  return '{0.__code__}'.format(lambda: 0)\nexcept Exception:\n  return 'caught'"]) {
    expect(evaluator(engine, { source }).error).toMatch(/^UnsupportedError: '__(globals|code)__' is not available in conditions/);
  }
});
