import { expect, it } from 'vitest';
import { Engine } from '../../src/lang/index.js';
import { compareWithCPython, evaluator } from '../support/cpython.js';

/**
 * Subclasses of bytes, bytearray, complex and datetime's date, datetime, time and timedelta with
 * dunders of their own: every operator, len, in, iteration, x[i], ==/ordering, hash (dict keys,
 * sets), truth, format, bytes() and calls ask the class as CPython's slots do, in CPython's
 * order, and the base's C code passes it by where CPython's does (a buffer's octets for
 * bytes.join and b'%s', a date's fields for its arithmetic).
 */

/** Hundreds of expressions a case: a time budget far past what they take, so that a loaded machine's clock does not end them. */
const ROOMY = () => new Engine({ maxMillis: 20_000, requestMillis: 20_000 });

/** Each expression's value, or its error's type and words, so that one case holds many. */
const TRY = `import datetime\ndef t(f):\n    try:\n        return f()\n    except Exception as e:\n        return type(e).__name__ + ': ' + str(e)\n`;

const BINARY = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'matmul', 'and', 'or', 'xor', 'lshift', 'rshift', 'divmod'];
const SYMBOL: Record<string, string> = { add: '+', sub: '-', mul: '*', truediv: '/', floordiv: '//', mod: '%', pow: '**', matmul: '@', and: '&', or: '|', xor: '^', lshift: '<<', rshift: '>>' };
const apply = (op: string, a: string, b: string) => (op === 'divmod' ? `divmod(${a}, ${b})` : `${a} ${SYMBOL[op]} ${b}`);

const BASES = ['bytes', 'bytearray', 'complex', 'datetime.date', 'datetime.datetime', 'datetime.time', 'datetime.timedelta'] as const;
type Base = (typeof BASES)[number];
const ARGS: Record<Base, string> = {
  bytes: "b'a%s'",
  bytearray: "b'a%s'",
  complex: '1, 2',
  'datetime.date': '2020, 1, 2',
  'datetime.datetime': '2020, 1, 2, 3, 4',
  'datetime.time': '1, 2',
  'datetime.timedelta': '1, 2',
};
const OTHERS = ['3', '2.5', 'True', "'x%s'", "b'y%s'", "bytearray(b'z')", '1j', 'datetime.timedelta(1)', 'datetime.date(2020, 1, 1)', 'datetime.datetime(2020, 1, 1)', 'datetime.time(1)', 'X(ARGS)', 'S(ARGS)', 'B(ARGS)', 'P()'];

/**
 * For each base, a class defining every __op__, every __rop__, both answering NotImplemented, or
 * only __eq__ (the base's own slots then), against numbers, strs, bytes, the datetime types, the
 * class itself, a subclass, a plain subclass of the base and a plain class's instance.
 */
function binaryCases(base: Base): string[] {
  const methods = (f: (op: string) => string) => BINARY.map(f).join('');
  const bodies = [
    methods((op) => `    def __${op}__(self, o):\n        log.append(('${op}', type(o).__name__))\n        return ('${op}', type(o).__name__)\n`),
    methods((op) => `    def __r${op}__(self, o):\n        log.append(('r${op}', type(o).__name__))\n        return ('r${op}', type(o).__name__)\n`),
    methods((op) => `    def __${op}__(self, o):\n        log.append('${op}')\n        return NotImplemented\n    def __r${op}__(self, o):\n        log.append('r${op}')\n        return NotImplemented\n`),
    `    def __eq__(self, o):\n        return NotImplemented\n    __hash__ = None\n`,
  ];
  const others = OTHERS.map((o) => o.replace('ARGS', ARGS[base]));
  return bodies.map((body) => {
    const exprs = BINARY.flatMap((op) => others.flatMap((o) => [apply(op, `X(${ARGS[base]})`, o), apply(op, o, `X(${ARGS[base]})`)]));
    return `${TRY}log = []\nclass X(${base}):\n${body}class S(X):\n    def __radd__(self, o):\n        log.append('S.radd')\n        return 'S'\n    def __rsub__(self, o):\n        log.append('S.rsub')\n        return 'S'\nclass B(${base}):\n    pass\nclass P:\n    def __add__(self, o):\n        log.append('P')\n        return NotImplemented\n    def __radd__(self, o):\n        log.append('P.r')\n        return NotImplemented\n    def __repr__(self):\n        return 'P'\nreturn [(t(lambda: ${exprs.join('), t(lambda: ')})), log]`;
  });
}

/** ==, !=, <, <=, >, >= by a class defining one of them (answering a value, or NotImplemented), against its base's values, numbers and subclasses. */
function comparisonCases(base: Base): string[] {
  const others = ['3', "b'a%s'", '1j', '(1+2j)', 'datetime.date(2020, 1, 2)', 'datetime.timedelta(1, 2)', 'datetime.time(1, 2)', `X(${ARGS[base]})`, `S(${ARGS[base]})`, `B(${ARGS[base]})`, 'P()'];
  const ops = ['==', '!=', '<', '<=', '>', '>='];
  const names: Record<string, string> = { '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
  return ops.flatMap((own) =>
    ['("' + names[own] + '", type(o).__name__)', 'NotImplemented'].map((answer) => {
      const exprs = others.flatMap((o) => ops.flatMap((op) => [`X(${ARGS[base]}) ${op} ${o}`, `${o} ${op} X(${ARGS[base]})`]));
      return `${TRY}class X(${base}):\n    def __${names[own]}__(self, o):\n        return ${answer}\nclass S(X):\n    pass\nclass B(${base}):\n    pass\nclass P:\n    def __repr__(self):\n        return 'P'\nreturn [t(lambda: ${exprs.join('), t(lambda: ')})]`;
    }),
  );
}

it('asks a subclass\'s every binary operator in binary_op1\'s order, the base\'s own slots and sq_concat/sq_repeat after, as CPython', () => {
  expect(compareWithCPython(BASES.flatMap(binaryCases), ROOMY())).toEqual([]);
});

it('asks a subclass\'s comparisons in do_richcompare\'s order, the base\'s own after, as CPython', () => {
  expect(compareWithCPython(BASES.flatMap(comparisonCases), ROOMY())).toEqual([]);
});

/** The uses of each kind of slot: the builtins, methods and statements that ask it (or, as CPython's C code, pass it by). */
const USES = `return t(lambda: len(x)), t(lambda: bool(x)), t(lambda: 'y' if x else 'n'), t(lambda: list(x)), t(lambda: [a for a in x][:3]), t(lambda: sorted(x)), t(lambda: x[0]), t(lambda: x[1:2]), t(lambda: 1 in x), t(lambda: 97 in x), t(lambda: hash(x) == hash(y)), t(lambda: {x: 1}.get(x)), t(lambda: {y: 1}.get(x)), t(lambda: len({x, y})), t(lambda: format(x, '')), t(lambda: f'{x}'), t(lambda: f'{x!r}'), t(lambda: repr(x)), t(lambda: str(x)), t(lambda: -x), t(lambda: +x), t(lambda: abs(x)), t(lambda: ~x), t(lambda: [0, 1, 2][x]), t(lambda: x()), t(lambda: x == y), t(lambda: [x].index(y)), t(lambda: y in [x]), t(lambda: x in {y}), t(lambda: sorted([x, y])), t(lambda: max([x, y])), t(lambda: min(y, x)), t(lambda: type(x).__name__), t(lambda: isinstance(x, type(y)))`;
const BASE_USES = {
  bytes: `t(lambda: bytes(x)), t(lambda: b'-'.join([x, x])), t(lambda: b'%s|%b' % (x, x)), t(lambda: x.upper()), t(lambda: x.decode()), t(lambda: bytearray(x)), t(lambda: int.from_bytes(x, 'big')), t(lambda: x.split(b'%')), t(lambda: b'a' in x), t(lambda: x.startswith(b'a'))`,
  complex: `t(lambda: complex(x)), t(lambda: x.real), t(lambda: x.conjugate()), t(lambda: x * 1), t(lambda: pow(x, 2)), t(lambda: x == complex(x)), t(lambda: format(x, '.1f'))`,
  date: `t(lambda: x.isoformat()), t(lambda: x + datetime.timedelta(1)), t(lambda: type(x + datetime.timedelta(1)).__name__), t(lambda: x.replace(year=2021)), t(lambda: format(x, '%Y')), t(lambda: str(x))`,
  timedelta: `t(lambda: x.total_seconds()), t(lambda: x * 2), t(lambda: x + x), t(lambda: datetime.datetime(2020, 1, 1) + x), t(lambda: x / 2), t(lambda: x // datetime.timedelta(seconds=1))`,
};
const VALUES: [Base, string, string, string][] = [
  ['bytes', "b'a%s'", "b'a%s'", BASE_USES.bytes],
  ['bytearray', "b'a%s'", "bytearray(b'a%s')", BASE_USES.bytes],
  ['complex', '1, 2', '1+2j', BASE_USES.complex],
  ['datetime.date', '2020, 1, 2', 'datetime.date(2020, 1, 2)', BASE_USES.date],
  ['datetime.datetime', '2020, 1, 2, 3', 'datetime.datetime(2020, 1, 2, 3)', BASE_USES.date],
  ['datetime.time', '1, 2', 'datetime.time(1, 2)', 't(lambda: x.isoformat()), t(lambda: format(x, "%H")), t(lambda: x.replace(hour=3))'],
  ['datetime.timedelta', '1, 2', 'datetime.timedelta(1, 2)', BASE_USES.timedelta],
];

/** Bodies of classes, each defining some of the dunders the uses above ask. */
const BODIES = [
  `    def __len__(self):\n        return 5\n`,
  `    def __bool__(self):\n        return False\n`,
  `    def __len__(self):\n        return 0\n    def __bool__(self):\n        return True\n`,
  `    def __iter__(self):\n        return iter([3, 1, 2])\n`,
  // ending at 2, as an iteration by the old protocol (a date's, a complex's) needs
  `    def __getitem__(self, i):\n        if i == 2:\n            raise IndexError(i)\n        return ('item', i)\n`,
  `    def __contains__(self, o):\n        return o == 1\n`,
  `    def __hash__(self):\n        return 7\n`,
  `    def __eq__(self, o):\n        return True\n    def __hash__(self):\n        return 7\n`,
  `    def __eq__(self, o):\n        return False\n`,
  `    def __lt__(self, o):\n        return True\n    def __gt__(self, o):\n        return False\n`,
  `    def __format__(self, spec):\n        return 'F' + spec\n`,
  `    def __neg__(self):\n        return 'neg'\n    def __pos__(self):\n        return 'pos'\n    def __abs__(self):\n        return 'abs'\n`,
  `    def __index__(self):\n        return 1\n    def __call__(self, *a):\n        return ('called', a)\n`,
  `    def __bytes__(self):\n        return b'own'\n`,
  `    def __setitem__(self, i, v):\n        log.append(('set', i, v))\n    def __delitem__(self, i):\n        log.append(('del', i))\n`,
];

const dunderCases = (): string[] =>
  VALUES.flatMap(([base, args, plain, uses]) =>
    BODIES.map((body) => `${TRY}log = []\nclass X(${base}):\n${body}x = X(${args})\ny = ${plain}\ndef store():\n    x[0] = 98\n    del x[1]\n    return log, x\nreturn (${USES.slice('return '.length)}, ${uses}, t(store))`),
  );

it('asks a subclass\'s len, truth, iteration, items, in, hash, ==, ordering, format, unary operators, __index__, __call__ and __bytes__ where CPython\'s slots do', () => {
  expect(compareWithCPython(dunderCases(), ROOMY())).toEqual([]);
});

const MORE = [
  // a class's __bytes__ beside the buffer bytes' C code reads first; bytes_new asks it before a str's encoding
  `${TRY}class A:\n    def __bytes__(self):\n        return b'A'\nclass Bad:\n    def __bytes__(self):\n        return 'no'\nclass R:\n    def __bytes__(self):\n        return bytearray(b'r')\nclass SB(bytes):\n    pass\nclass Sub:\n    def __bytes__(self):\n        return SB(b's')\nclass St(str):\n    def __bytes__(self):\n        return b'st'\nreturn [t(lambda: bytes(A())), t(lambda: b'%s %b' % (A(), A())), t(lambda: bytes(Bad())), t(lambda: b'%s' % Bad()), t(lambda: bytes(R())), t(lambda: type(bytes(Sub())).__name__), t(lambda: bytes(St('x'))), t(lambda: bytes(A(), 'utf-8')), t(lambda: b''.join([A()])), t(lambda: SB(A())), t(lambda: type(SB(A())).__name__), t(lambda: b'%s' % 1)]`,
  // the class's __add__ leaves no sq_concat, its __mul__ or __rmul__ no sq_repeat: NotImplemented is then the operator's TypeError
  `${TRY}class B(bytes):\n    def __add__(self, o):\n        return NotImplemented\n    def __mul__(self, o):\n        return NotImplemented\nclass C(bytes):\n    def __radd__(self, o):\n        return NotImplemented\n    def __rmul__(self, o):\n        return NotImplemented\nclass P:\n    def __radd__(self, o):\n        return 'P'\nreturn [t(lambda: B(b'a') + b'b'), t(lambda: B(b'a') * 2), t(lambda: 2 * B(b'a')), t(lambda: C(b'a') + b'b'), t(lambda: C(b'a') * 2), t(lambda: 2 * C(b'a')), t(lambda: b'a' + C(b'b')), t(lambda: b'a' + P()), t(lambda: bytearray(b'a') + P()), t(lambda: b'a' + 1), t(lambda: b'a' + [1])]`,
  // += on a bytearray subclass's instance: its class's __iadd__ is not definable; list's way, in place, else __add__
  `${TRY}class A(bytearray):\n    def __len__(self):\n        return 1\nclass D(bytearray):\n    def __add__(self, o):\n        return 'added'\na = A(b'x')\nb = a\na += b'y'\nd = D(b'x')\nd += b'y'\nreturn [a, a is b, d]`,
  // the datetime types' arithmetic keeps its class through the class call; its __sub__ and __rsub__ in binary_op1's order
  `${TRY}class D(datetime.datetime):\n    def __rsub__(self, o):\n        return ('rsub', type(o).__name__)\n    def __sub__(self, o):\n        return ('sub', type(o).__name__)\nclass E(datetime.date):\n    def __eq__(self, o):\n        return 'eq'\n    def __hash__(self):\n        return hash(datetime.date(self.year, self.month, self.day))\nd = D(2020, 1, 2)\ne = E(2020, 1, 2)\nreturn [t(lambda: datetime.datetime(2020, 1, 1) - d), t(lambda: d - datetime.datetime(2020, 1, 1)), t(lambda: datetime.date(2020, 1, 1) - d), t(lambda: d + datetime.timedelta(1)), t(lambda: datetime.timedelta(1) + d), t(lambda: type(e + datetime.timedelta(1)).__name__), t(lambda: e == e), t(lambda: {e: 1}[datetime.date(2020, 1, 2)]), t(lambda: e - datetime.date(2020, 1, 1)), t(lambda: sorted([e, datetime.date(2019, 1, 1)]))]`,
  // super() in each dunder reaches the base's own, on the instance
  "class B(bytes):\n    def __eq__(self, o): return super().__eq__(o)\n    def __hash__(self): return super().__hash__()\n    def __len__(self): return super().__len__() + 1\n    def __add__(self, o): return ('add', super().__add__(o))\n    def __getitem__(self, i): return ('gi', super().__getitem__(i))\n    def __contains__(self, o): return super().__contains__(o)\n    def __iter__(self): return super().__iter__()\n    def __mod__(self, o): return super().__mod__(o)\n    def __mul__(self, o): return super().__mul__(o)\n    def __lt__(self, o): return super().__lt__(o)\nx = B(b'ab%s')\nreturn x == b'ab%s', hash(x) == hash(b'ab%s'), len(x), x + b'c', x[0], x[1:2], 97 in x, list(x), x % 1, x * 2, x < b'b', x < 1",
  "class C(complex):\n    def __add__(self, o): return ('add', super().__add__(o))\n    def __radd__(self, o): return ('radd', super().__radd__(o))\n    def __eq__(self, o): return super().__eq__(o)\n    def __hash__(self): return super().__hash__()\n    def __neg__(self): return ('neg', super().__neg__())\n    def __abs__(self): return super().__abs__()\n    def __bool__(self): return super().__bool__()\n    def __format__(self, s): return super().__format__(s)\nx = C(1, 2)\nreturn x + 1, 1 + x, x + 'a' if False else 0, x == 1+2j, hash(x) == hash(1+2j), -x, abs(C(3, 4)), bool(x), f'{x:.1f}', super(C, x) if False else 0",
  "import datetime\nclass D(datetime.date):\n    def __sub__(self, o): return ('sub', super().__sub__(o))\n    def __rsub__(self, o): return ('rsub', super().__rsub__(o))\n    def __add__(self, o): return ('add', super().__add__(o))\n    def __eq__(self, o): return super().__eq__(o)\n    def __hash__(self): return super().__hash__()\n    def __lt__(self, o): return super().__lt__(o)\n    def __format__(self, s): return super().__format__(s)\nd = D(2020, 1, 2)\nreturn d - datetime.date(2020, 1, 1), datetime.date(2020, 1, 3) - d, d + datetime.timedelta(1), d == datetime.date(2020, 1, 2), hash(d) == hash(datetime.date(2020, 1, 2)), d < datetime.date(2021, 1, 1), f'{d:%Y}', d - 1",
  "import datetime\nclass T(datetime.timedelta):\n    def __mul__(self, o): return ('mul', super().__mul__(o))\n    def __neg__(self): return ('neg', super().__neg__())\n    def __bool__(self): return super().__bool__()\n    def __truediv__(self, o): return super().__truediv__(o)\nt = T(1)\nreturn t * 2, -t, bool(t), bool(T(0)), t / 2, t / t",
];

it('takes __bytes__, concatenation, repeat, in-place, datetime arithmetic and super()\'s dunders of these subclasses as CPython', () => {
  expect(compareWithCPython(MORE, ROOMY())).toEqual([]);
});

it('holds hostile dunders of these subclasses: recursion, errors, answers of the wrong type, sizes', () => {
  // a time budget far past what these take, so that on a loaded machine each ends at the limit it meets, not the clock
  const engine = new Engine({ maxMillis: 10_000, requestMillis: 10_000 });
  const error = (source: string) => evaluator(engine, { source }).error;
  expect(error(`class B(bytes):\n    def __eq__(self, o):\n        return self == o\nreturn B(b'a') == b'a'`)).toBe('RecursionError: maximum recursion depth exceeded');
  expect(error(`class B(bytes):\n    def __len__(self):\n        return len(self)\nreturn len(B(b'a'))`)).toBe('RecursionError: maximum recursion depth exceeded');
  expect(error(`class C(complex):\n    def __add__(self, o):\n        return self + o\nreturn C(1) + 1`)).toBe('RecursionError: maximum recursion depth exceeded');
  expect(error(`import datetime\nclass T(datetime.timedelta):\n    def __hash__(self):\n        return hash(self)\nreturn {T(1): 1}`)).toBe('RecursionError: maximum recursion depth exceeded');
  expect(error(`class A:\n    def __bytes__(self):\n        return bytes(self)\nreturn bytes(A())`)).toBe('RecursionError: maximum recursion depth exceeded');
  expect(error(`class A:\n    def __bytes__(self):\n        return b'%s' % self\nreturn b'%s' % A()`)).toBe('RecursionError: maximum recursion depth exceeded');
  expect(error(`import datetime\nclass D(datetime.date):\n    def __add__(self, o):\n        return self + o\nreturn D(2020, 1, 1) + datetime.timedelta(1)`)).toBe('RecursionError: maximum recursion depth exceeded');
  expect(compareWithCPython([
    `${TRY}class B(bytes):\n    def __len__(self):\n        return 'x'\n    def __bool__(self):\n        return 1\n    def __hash__(self):\n        return 1.5\n    def __index__(self):\n        return 2.0\n    def __format__(self, s):\n        return 3\n    def __iter__(self):\n        return 4\n    def __getitem__(self, i):\n        raise KeyError(i)\n    def __contains__(self, o):\n        raise ValueError('no')\nx = B(b'ab')\nreturn [t(lambda: len(x)), t(lambda: bool(x)), t(lambda: hash(x)), t(lambda: [1][x]), t(lambda: format(x, '')), t(lambda: list(x)), t(lambda: x[0]), t(lambda: 1 in x), t(lambda: b'-'.join([x])), t(lambda: x + b'c')]`,
    `${TRY}import datetime\nclass T(datetime.timedelta):\n    def __len__(self):\n        return -1\n    def __bool__(self):\n        raise ZeroDivisionError('b')\n    def __neg__(self):\n        return NotImplemented\nx = T(1)\nreturn [t(lambda: len(x)), t(lambda: bool(x)), t(lambda: -x), t(lambda: x + x)]`,
    // answers past Py_ssize_t, odd types, an __eq__ that grows the bytearray it is asked of, an __iter__ that recurses
    `${TRY}class A:\n    def __bytes__(self):\n        return b'%s' % self\nclass B(bytes):\n    def __len__(self):\n        return 2 ** 70\n    def __hash__(self):\n        return 2 ** 80\n    def __index__(self):\n        return 2 ** 65\nclass C(complex):\n    def __eq__(self, o):\n        return [1]\n    def __hash__(self):\n        return -1\nimport datetime\nclass D(datetime.date):\n    def __add__(self, o):\n        return self + o\nreturn [t(lambda: len(B(b'a'))), t(lambda: hash(B(b'a'))), t(lambda: b'a' * B(b'x')), t(lambda: C(1) == 1), t(lambda: hash(C(1))), t(lambda: {C(1): 1}[1]), t(lambda: C(1) in [1]), t(lambda: bytearray(B(b'x')))]`,
    "class B(bytearray):\n    def __eq__(self, o):\n        self.extend(b'x' * 1000)\n        return False\n    __hash__ = None\nb = B(b'a')\nl = [B(b'a')] * 10\nreturn l.count(b), len(b)",
    "class B(bytes):\n    def __iter__(self):\n        return iter(self)\nreturn list(B(b'a'))",
    // values of some size read by the base's own code, a class's == asked once
    `class B(bytes):\n    def __eq__(self, o):\n        return len(o) == 20000\n    def __hash__(self):\n        return hash(bytes(self))\nx = B(b'a' * 20000)\nreturn x == x, x.count(b'a'), len(x + x), b'a' * 20000 in {x}`,
  ], engine)).toEqual([]);
});
