import fc from 'fast-check';

/**
 * Random programs built from big constants (10**6-character strings and 10**6-item lists,
 * ints up to 10**18, values nested 100,000 deep by a loop) and every builtin, method and
 * module function of the dialect, composed. Any answer is fine, error or not; what is
 * tested is that it comes within 100 ms of worker time. Shared by
 * test/lang/fuzz-hostile.test.ts (in-process) and bench/hostile.ts (over HTTP).
 */

/** Kinds of values: str, a short str, int, float, list, dict, set, tuple, bool, any, regex pattern, format spec. */
type Kind = 's' | 'c' | 'n' | 'f' | 'l' | 'd' | 'x' | 't' | 'b' | 'a' | 'p' | 'k';

/** Constants: big ones, and small ones so that calls get past their argument checks. */
const LEAVES: Record<Kind, string[]> = {
  s: ["'ab c' * 250000", "'x' * 10**6", 'text', "'a,b' * 300000", "'\\t' * 1000", "'é' * 500000", "'Waiting up to 2.430'", "''", "'1' * 300000", "'a\\n' * 500000", "'{0}' * 10**5"],
  c: ["'a'", "' '", "''", "'ab'", "'\\n'", "','", "'*'", "'{}'"],
  n: ['0', '1', '-1', '3', '7', '10**6', '10**9', '400000000', '2**53', '10**18', '-10**6', '10**5', 'len(text)'],
  f: ['2.5', '1e308', '-0.0', "float('nan')", "float('inf')", '1e-300', '0.1'],
  l: ['list(range(10**6))', "['x'] * 10**6", 'deep', '[[0] * 1000] * 1000', "list('ab' * 500000)", '[3, 1, 2]', '[]', "['b', 'a']", 'list(range(10**5, 0, -1))', '[deep, deep]'],
  d: ["dict.fromkeys(range(10**5), 'v')", 'log', 'data', "{'a': deep}", 'deepd', "{'k': [1, 2]}", '{}', "{str(i): i for i in range(10**4)}"],
  x: ['set(range(10**5))', "set('abc')", 'set()', '{1, 2, 3}', 'set(map(str, range(10**4)))'],
  t: ['tuple(range(10**5))', '(1, 2)', '()', "('a', deep)", 'tuple(deep)'],
  b: ['True', 'False'],
  a: ['None', 'deep', 'deepd'],
  p: ["r'(a|a)*c'", "r'\\w+'", "r'(\\d+)\\s'", "r'a*b'", "r'(a+)+$'", "r'(?P<x>a)(?P=x)'", "r'^(a|ab)*$'", "r'(?=a)a*'", "r'\\s*,\\s*'", "r'.'", "''", "r'(?:a|a)*(?=b)c'", "r'(x+x+)+y'"],
  k: ["'>400000000'", "'^10'", "'.400000000f'", "',d'", "'010.3e'", "''", "'x'", "'_'", "'*<1000000000'", "'.1000000000g'"],
};

/** Every builtin, method and module function, as typed templates: `kind: template` with $-holes of each kind. */
const TEMPLATES: string[] = [
  // str methods
  ...['lower()', 'upper()', 'casefold()', 'strip()', 'lstrip($c)', 'rstrip($c)', 'title()', 'capitalize()', 'swapcase()', 'zfill($n)', 'center($n)', 'center($n, $c)', 'ljust($n, $c)', 'rjust($n)',
    'replace($c, $s)', 'replace($c, $c, $n)', 'expandtabs($n)', 'removeprefix($s)', 'removesuffix($c)', 'format($a)', 'format($a, $a)', 'format_map($d)'].map((m) => `s: $s.${m}`),
  's: $c.join($l)', 's: $s.join(map(str, $l))', 's: $s * $n', 's: $s + $s', 's: $s[$n:$n]', 's: $s[::$n]', 's: $s[$n]',
  ...['split()', 'split($c)', 'split($c, $n)', 'rsplit($c, $n)', 'rsplit()', 'splitlines()', 'splitlines(True)', 'partition($c)', 'rpartition($c)'].map((m) => `l: list($s.${m})`),
  ...['find($s)', 'rfind($c)', 'index($c)', 'rindex($c)', 'count($s)', 'find($c, $n, $n)'].map((m) => `n: $s.${m}`),
  ...['startswith($s)', 'endswith($c)', 'startswith(($c, $s))', 'isdigit()', 'isalpha()', 'isalnum()', 'isspace()', 'isupper()', 'islower()', 'isnumeric()', 'isdecimal()', 'istitle()', 'isidentifier()'].map((m) => `b: $s.${m}`),
  's: str.lower($s)', 'l: list(map(str.upper, $l))',
  // formatting
  's: f"{$a:{$k}}"', 's: f"{$a!r}"', 's: f"{$a!s:>{$n}}"', 's: f"{$a=}"', 's: format($a, $k)', 's: format($n, $k)', "s: '{:{}}'.format($a, $n)", "s: '{0}{0}'.format($s)",
  "s: '%*d' % ($n, $n)", "s: '%s' % ($a,)", "s: '%.*f' % ($n, $f)", "s: '%r|%-*s' % ($a, $n, $s)", "s: '%(k)s' % $d", "s: '%x%o%e%g%c' % ($n, $n, $f, $f, $n)",
  // builtins
  's: str($a)', 's: repr($a)', 's: ascii($a)', 's: hex($n)', 's: oct($n)', 's: bin($n)', 's: chr($n)', 's: type($a).__name__',
  'n: len($a)', 'n: len($s)', 'n: int($s)', 'n: int($s, $n)', 'n: int($f)', 'n: abs($n)', 'n: round($f)', 'n: sum($l)', 'n: min($l)', 'n: max($l, key=str)', 'n: min($n, $n)', 'n: max($l)',
  'n: ord($c)', 'n: hash($a)', 'n: pow($n, $n)', 'n: pow($n, $n, $n)', 'n: $n ** $n', 'n: $n * $n', 'n: divmod($n, $n)[0]', 'n: $n // $n', 'n: $n % $n', 'n: $n << $n', 'n: $n >> $n', 'n: ~$n & $n | $n ^ $n',
  'n: sum(1 for _ in $l)', 'n: next(iter($l))', 'n: next(iter($l), 0)', 'n: (lambda *a, **k: len(a) + len(k))(*$l, **$d)',
  'f: float($s)', 'f: float($n)', 'f: $n / $n', 'f: round($f, $n)', 'f: abs($f)', 'f: $f ** $n', 'f: sum($l, 0.5)',
  'b: bool($a)', 'b: isinstance($a, (list, dict))', 'b: isinstance($a, str)', 'b: callable($a)', 'b: any($l)', 'b: all($l)', 'b: $a in $l', 'b: $a in $d', 'b: $s in $s', 'b: $a not in $x',
  'b: $a == $a', 'b: $a != $a', 'b: $l < $l', 'b: $t >= $t', 'b: $a is None', 'b: $f.is_integer()',
  'l: list($s)', 'l: sorted($l)', 'l: sorted($l, reverse=True)', 'l: sorted($l, key=str)', 'l: sorted($s)', 'l: list(reversed($l))', 'l: list(range($n))', 'l: list(range($n, $n, $n))',
  'l: list(enumerate($l))', 'l: list(zip($l, $s))', 'l: list(map(str, $l))', 'l: list(filter(None, $l))', 'l: list(filter(lambda v: v, $l))', 'l: list($d)', 'l: list($d.keys())', 'l: list($d.values())',
  'l: list($d.items())', 'l: list($x)', 'l: list($t)', 'l: [$a] * $n', 'l: $l + $l', 'l: $l * $n', 'l: $l[$n:$n]', 'l: $l[::$n]', 'l: [v for v in $l if v]', 'l: [(v, w) for v in $l for w in $s]',
  'l: list(iter($l))', 'l: [print($a)]',
  'd: dict(zip($l, $l))', 'd: dict($d, k=$a)', 'd: {v: v for v in $l}', 'd: dict.fromkeys($l)', 'd: dict.fromkeys($s, $a)', 'd: $d.copy()', 'd: $d | $d', "d: {**$d, 'k': $a}",
  'x: set($l)', 'x: set($s)', 'x: {v for v in $l}', 'x: $x | $x', 'x: $x & $x', 'x: $x - $x', 'x: $x ^ $x', 'x: $d.keys() & $x', 'x: $d.items() | $x', 'x: {$a}',
  ...['union($l)', 'intersection($l)', 'difference($l)', 'symmetric_difference($l)', 'copy()'].map((m) => `x: $x.${m}`),
  ...['issubset($l)', 'issuperset($x)', 'isdisjoint($l)'].map((m) => `b: $x.${m}`),
  't: tuple($l)', 't: divmod($n, $n)', 't: $s.partition($c)', 't: $s.rpartition($c)', 't: tuple($x)', 't: ($a, $a)', 't: $t + $t', 't: $t * $n',
  'n: $t.index($a)', 'n: $t.count($a)', 'n: $l.index($a)', 'n: $l.count($a)',
  // exceptions
  's: str(KeyError($a))', 's: repr(ValueError($s, $n))', 't: Exception($a).args',
  // json
  's: json.dumps($a)', 's: json.dumps($a, indent=$n)', "s: json.dumps($a, sort_keys=True, indent=$c)", 's: json.dumps($a, ensure_ascii=False, separators=($c, $c))', 's: json.dumps($a, default=str)',
  'a: json.loads($s)', 'a: json.loads(json.dumps($a))', "a: json.loads('[' * $n + ']' * $n)",
  // re
  ...['search', 'match', 'fullmatch'].map((f) => `b: re.${f}($p, $s) is None`),
  'l: re.findall($p, $s)', 'l: list(re.finditer($p, $s))', 's: re.sub($p, $c, $s)', 's: re.sub($p, lambda m: m.group(), $s)', 't: re.subn($p, $s, $s)', 'l: re.split($p, $s)', 'l: re.split($p, $s, $n)',
  's: re.escape($s)', 'b: re.search($p, $s, re.I | re.M | re.S) is None', 'b: re.match($p, $s, re.X | re.A) is None',
  's: re.compile($p).pattern', 'n: re.compile($p).flags', 'n: re.compile($p).groups', 'd: re.compile($p).groupindex', 'l: re.compile($p).findall($s)', 's: re.compile($p).sub($s, $s)',
  'b: re.compile($p).search($s) is None', 'b: re.compile($p).match($s) is None', 'b: re.compile($p).fullmatch($s) is None', 'l: re.compile($p).split($s)', 'l: list(re.compile($p).finditer($s))', 't: re.compile($p).subn($c, $s)',
  ...['group()', 'groups()', 'groupdict()', 'start()', 'end()', 'span()', '[0]', 'lastindex', 'group(0, 0)', 'groups($c)'].map((m) => `a: (re.search($p, $s) or re.match('', ''))${m.startsWith('[') ? '' : '.'}${m}`),
  // math
  ...['floor', 'ceil', 'trunc', 'sqrt', 'exp', 'log', 'log10', 'log2', 'fabs', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'degrees', 'radians', 'isnan', 'isinf', 'isfinite'].map((f) => `a: math.${f}($f)`),
  ...['pow', 'fmod', 'copysign', 'atan2', 'hypot', 'isclose'].map((f) => `a: math.${f}($f, $f)`),
  'n: math.factorial($n)', 'n: math.gcd($n, $n)', 'f: math.fsum($l)', 'n: math.prod($l)', 'f: math.pi * math.e + math.tau + math.inf - math.nan', 'a: math.log($n, $n)',
];

/** Statements that change a container in place: every mutating method. */
const MUTATIONS: string[] = [
  ...['append($a)', 'extend($l)', 'insert($n, $a)', 'pop()', 'pop($n)', 'remove($a)', 'sort()', 'sort(key=str, reverse=True)', 'reverse()', 'copy()', 'clear()'].map((m) => `v = $l\nv.${m}`),
  ...['get($a)', 'setdefault($a, $a)', 'pop($a, None)', 'popitem()', 'update($d)', 'update(k=$a)', 'clear()', 'keys()', 'values()', 'items()', 'fromkeys($l)'].map((m) => `v = $d\nv.${m}`),
  ...['add($a)', 'discard($a)', 'remove($a)', 'pop()', 'update($l)', 'intersection_update($l)', 'difference_update($l)', 'symmetric_difference_update($l)', 'clear()'].map((m) => `v = $x\nv.${m}`),
  'v = $l\nv[$n:$n] = $l', 'v = $l\nv *= $n', 'v = $l\nv += $l', 'v = $d\nv |= $d', 'v = $x\nv |= $x\nv &= $x\nv -= $x\nv ^= $x', 'v = $s\nv += $s\nv *= $n', 'v = $l\ndel v[$n:$n]',
  'data[$c] = $a', 'log.update($d)', 'for v in $l:\n    r = v', 'v = $n\nwhile v > 0:\n    v //= 2',
];

/** Every template as a statement of its own: a value bound to r, or a mutation. */
const STATEMENTS: string[] = [...TEMPLATES.map((t) => `r = ${t.slice(3)}`), ...MUTATIONS];

/** The names called or read as attributes in the statements, which the programs must all reach (the fuzz test checks). */
export const FUZZED_NAMES: readonly string[] = [...new Set(STATEMENTS.flatMap((t) => t.match(/(?<![\w.])[a-z_]\w*(?=\()|(?<=\.)[a-z_]\w*/g) ?? []))];

/** A template's text with each $-hole filled by an arbitrary of its kind. */
function filled(template: string, of: (k: Kind) => fc.Arbitrary<string>): fc.Arbitrary<string> {
  const parts = template.split(/\$([scnflxdtbapk])/);
  const holes = parts.filter((_, i) => i % 2 === 1).map((k) => of(k as Kind));
  return fc.tuple(...holes).map((values) => parts.map((p, i) => (i % 2 === 0 ? p : `(${values[(i - 1) / 2]})`)).join(''));
}

const KINDS: Kind[] = ['s', 'c', 'n', 'f', 'l', 'd', 'x', 't', 'b', 'a', 'p', 'k'];

const values = fc.letrec<Record<Kind, string>>((tie) => {
  const of = (k: Kind) => tie(k) as fc.Arbitrary<string>;
  const byKind = (k: Kind) => TEMPLATES.filter((t) => t.startsWith(`${k}: `)).map((t) => filled(t.slice(3), of));
  const arbs = {} as Record<Kind, fc.Arbitrary<string>>;
  for (const k of KINDS) {
    const leaves = fc.constantFrom(...LEAVES[k]);
    // any value: a value of any kind, each kind as likely, or one of the templates of no fixed kind
    const composed = k === 'a' ? [fc.oneof(...KINDS.filter((j) => j !== 'a' && j !== 'p' && j !== 'k').map(of)), fc.oneof(...byKind('a'))] : byKind(k);
    arbs[k] = composed.length === 0 ? leaves : fc.oneof({ depthSize: 'small', maxDepth: 3, depthIdentifier: 'value', withCrossShrink: true }, leaves, ...composed);
  }
  return arbs;
});

const step = fc.oneof(
  { weight: 3, arbitrary: values.a.map((e) => `r = ${e}`) },
  { weight: 1, arbitrary: fc.constantFrom(...MUTATIONS).chain((m) => filled(m, (k) => values[k])) },
);

/** The loops that build the 100,000-deep list and the 10,000-deep dict, only when a program uses them. */
const DEEP = 'deep = 0\nfor i in range(10000):\n    deep = [[[[[[[[[[deep]]]]]]]]]]\n';
const DEEPD = "deepd = {}\nfor i in range(1000):\n    deepd = {'a': {'a': {'a': {'a': {'a': {'a': {'a': {'a': {'a': {'a': deepd}}}}}}}}}}\n";

/** A program that starts with `first` and goes on with up to 3 random steps, each in its own try so that one error does not end it. */
function program(first: string): fc.Arbitrary<string> {
  return fc.tuple(filled(first, (k) => values[k]), fc.array(step, { maxLength: 3 })).map(([head, rest]) => {
    const body = [head, ...rest].map((s) => `try:\n    ${s.replace(/\n/g, '\n    ')}\nexcept Exception as e:\n    r = e`).join('\n');
    const text = `import re, math\nr = None\n${body}\nreturn r`;
    return (/\bdeep\b/.test(text) ? DEEP : '') + (/\bdeepd\b/.test(text) ? DEEPD : '') + text;
  });
}

/**
 * `count` programs from `seed`, the same ones for the same seed. Program i starts with
 * statement i (modulo their number), so that a few hundred programs reach every name.
 */
export const hostilePrograms = (seed: number, count: number): string[] =>
  Array.from({ length: count }, (_, i) => fc.sample(program(STATEMENTS[i % STATEMENTS.length]), { numRuns: 1, seed: seed + i })[0]);

/** How many programs it takes to start once with each statement. */
export const STATEMENT_COUNT = STATEMENTS.length;
