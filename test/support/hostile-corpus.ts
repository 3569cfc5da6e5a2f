/**
 * What an attacker sends: conditions and whole request bodies chosen to be slow, huge,
 * deep or odd (issue 9's table and more of the same kinds). Each must be answered, error
 * or not, without a JS error and without killing a worker: within 100 ms of worker time
 * (CONDITION_BOUND_MS), or for a body of many slow conditions within the request's budget
 * (REQUEST_BOUND_MS: each condition may take its 50 ms, and all of them together --request-budget).
 * Shared by test/lang/hostile-corpus.test.ts (in-process) and bench/hostile.ts (over HTTP).
 * Big sources are generated here, not written out.
 */

export type Path = '/eval' | '/eval-launch' | '/eval/batch' | '/check';

/** One condition, run as /eval (standard) or /eval-launch (launch) would run it. */
export interface HostileCondition {
  label: string;
  kind: 'standard' | 'launch';
  source: string;
  log?: Record<string, unknown>;
  data?: Record<string, unknown>;
}

/** A whole request body, for what no single condition shows (bodies of many conditions, Order). */
export interface HostileBody {
  label: string;
  kind: 'body';
  path: Path;
  body: string;
  /** Many conditions that may each take their time: bounded by the request's budget, not one run's. */
  many?: boolean;
}

/** One condition, or a body whose cost is not its conditions' (Order, parsing, one compile). */
export const CONDITION_BOUND_MS = 100;
/** A body of many slow conditions: the default --request-budget of 1 s, and 100 ms to parse and answer it. */
export const REQUEST_BOUND_MS = 1100;

export const boundOf = (input: HostileInput): number => (input.kind === 'body' && input.many === true ? REQUEST_BOUND_MS : CONDITION_BOUND_MS);

export type HostileInput = HostileCondition | HostileBody;

export const DEFAULT_LOG = { Text: "Waiting up to 2.430 seconds for the ACD's to finish moving.", Thread: 'Thread-221855', Line: '306', Array: 'Array16-ACA' };

/** The HTTP request that carries an input: its route and JSON body. */
export function requestOf(input: HostileInput): { path: Path; body: string } {
  if (input.kind === 'body') return { path: input.path, body: input.body };
  const log = input.log ?? DEFAULT_LOG;
  if (input.kind === 'launch') return { path: '/eval-launch', body: JSON.stringify({ payload: { log, launchCondition: input.source } }) };
  const condition = { type: 'Standard', numeration: 0, text: input.source };
  return { path: '/eval', body: JSON.stringify({ payload: { log, conditions: [condition], context: input.data ?? {}, trueConditions: [], logProcessingTime: 0, stateTime: 0 } }) };
}

const std = (label: string, source: string, extra: Partial<HostileCondition> = {}): HostileCondition => ({ label, kind: 'standard', source, ...extra });
const launch = (label: string, source: string): HostileCondition => ({ label, kind: 'launch', source });
const returns = (label: string, expr: string): HostileCondition => std(label, `return ${expr}`);
const body = (label: string, path: Path, value: unknown): HostileBody => ({ label, kind: 'body', path, body: JSON.stringify(value) });
/** A body of many conditions that may each run up to their own limit. */
const manyBody = (label: string, path: Path, value: unknown): HostileBody => ({ ...body(label, path, value), many: true });

/** The rows of issue 9's table, as filed. */
const ISSUE_ROWS: HostileInput[] = [
  returns('issue: [] * 10**10', '[] * 10**10'),
  returns("issue: int('1' * 300000, 16)", "int('1' * 300000, 16) > 0"),
  returns("issue: 57,000-char f'{1}{1}...'", `f'${'{1}'.repeat(18_997)}'`),
  orderBody('issue: one Order condition in a 235 KiB body', 80_000, 40_000),
  std("issue: re.search('(?:a|a)*(?=b)c', 'a' * 28)", "import re\nreturn re.search('(?:a|a)*(?=b)c', 'a' * 28)"),
  std("issue: re.search('(?:a|a)*$', 'a' * 24 + 'b\\n')", "import re\nreturn re.search('(?:a|a)*$', 'a' * 24 + 'b\\n')"),
  returns("issue: 12 dict keys '%*d' % (400000000, i)", "{'%*d' % (400000000, i): i for i in range(12)}"),
  returns("issue: json.loads('}')", "json.loads('}')"),
];

/** The payload of an Order condition whose run is compared at every offset of trueConditions. */
function orderBody(label: string, seen: number, run: number): HostileBody {
  const order = [...Array(run - 1).fill(1), 2];
  const payload = { log: DEFAULT_LOG, conditions: [{ type: 'Order', numeration: 9, order }], context: {}, trueConditions: Array(seen).fill(1), logProcessingTime: 0, stateTime: 0 };
  return body(label, '/eval', { payload });
}

/** Builtins and methods whose work grows with a big argument. */
const SLOW_BUILTINS: HostileInput[] = [
  returns('[] * 10**12', '[] * 10**12'),
  returns('() * 10**10', '() * 10**10'),
  returns("'' * 10**10", "'' * 10**10"),
  std('x = []; x *= 10**10', 'x = []\nx *= 10**10\nreturn x'),
  std("s = ''; s *= 10**10", "s = ''\ns *= 10**10\nreturn s"),
  returns('[[]] * 0 + [] * 10**10', 'len([[]] * 0 + [] * 10**10)'),
  returns('10**10 * []', '10**10 * []'),
  returns("int('1' * 300000)", "int('1' * 300000)"),
  returns("int('1' * 300000, 7)", "int('1' * 300000, 7)"),
  returns("int('0x' + 'f' * 300000, 0)", "int('0x' + 'f' * 300000, 0)"),
  returns("int('1_' * 150000 + '1', 16)", "int('1_' * 150000 + '1', 16)"),
  returns("int(' ' * 900000 + '1')", "int(' ' * 900000 + '1')"),
  returns("float('1' * 300000)", "float('1' * 300000)"),
  returns("float('0.' + '1' * 900000)", "float('0.' + '1' * 900000)"),
  returns("float('1e' + '0' * 900000)", "float('1e' + '0' * 900000)"),
  returns("'%*d' % (400000000, 1)", "'%*d' % (400000000, 1)"),
  returns("'%400000000d' % 1", "'%400000000d' % 1"),
  returns("'%.400000000f' % 1.0", "'%.400000000f' % 1.0"),
  returns("'%.*f' % (400000000, 1.0)", "'%.*f' % (400000000, 1.0)"),
  returns("'%-*s' % (400000000, 'x')", "'%-*s' % (400000000, 'x')"),
  returns("'%0*x' % (400000000, 255)", "'%0*x' % (400000000, 255)"),
  returns("f'{1:>400000000}'", "f'{1:>400000000}'"),
  returns("f'{1:0400000000}'", "f'{1:0400000000}'"),
  returns("f'{1.5:.400000000f}'", "f'{1.5:.400000000f}'"),
  returns("f'{1.5:.400000000e}'", "f'{1.5:.400000000e}'"),
  returns("f'{1:{10**8}}'", "f'{1:{10**8}}'"),
  returns("'{:1000000000}'.format(1)", "'{:1000000000}'.format(1)"),
  returns("'{:^400000000}'.format('x')", "'{:^400000000}'.format('x')"),
  returns("'{0:{1}}'.format(1, 400000000)", "'{0:{1}}'.format(1, 400000000)"),
  returns("'{:,.400000000f}'.format(1.0)", "'{:,.400000000f}'.format(1.0)"),
  returns("format(1, '400000000')", "format(1, '400000000')"),
  returns("format(2.5, '.400000000g')", "format(2.5, '.400000000g')"),
  returns("'{x:>{w}}'.format_map({'x': 1, 'w': 400000000})", "'{x:>{w}}'.format_map({'x': 1, 'w': 400000000})"),
  returns("'x'.center(10**9)", "'x'.center(10**9)"),
  returns("'x'.ljust(10**9)", "'x'.ljust(10**9)"),
  returns("'x'.rjust(10**9, '*')", "'x'.rjust(10**9, '*')"),
  returns("'1'.zfill(10**9)", "'1'.zfill(10**9)"),
  returns("'\\t'.expandtabs(10**9)", "'\\t'.expandtabs(10**9)"),
  returns("('\\t' * 1000).expandtabs(10**6)", "('\\t' * 1000).expandtabs(10**6)"),
  returns("12 strings 'x'.center(4 * 10**8)", "['x'.center(4 * 10**8) for i in range(12)]"),
  returns("12 f-strings f'{i:>400000000}'", "[f'{i:>400000000}' for i in range(12)]"),
  returns("12 strings '{:400000000}'.format(i)", "{'{:400000000}'.format(i) for i in range(12)}"),
  returns('sorted(range(10**6))', 'sorted(range(10**6))'),
  returns('sorted(range(10**6), reverse=True)', 'sorted(range(10**6), reverse=True)[0]'),
  returns('sorted(range(10**5), key=str)', 'sorted(range(10**5), key=str)[-1]'),
  returns('sorted(str(i) for i in range(10**5))', 'sorted(str(i) for i in range(10**5))[0]'),
  returns("sorted(['a' * 1000] * 1000)", "sorted(['a' * 1000] * 1000)[0] == 'a'"),
  std('l.sort() of 10**6 items', 'l = list(range(10**6, 0, -1))\nl.sort()\nreturn l[0]'),
  returns('list(reversed(range(10**9)))', 'list(reversed(range(10**9)))'),
  returns('sum(range(10**9))', 'sum(range(10**9))'),
  returns('max(range(10**9))', 'max(range(10**9))'),
  returns('any(x < 0 for x in range(10**9))', 'any(x < 0 for x in range(10**9))'),
  returns('set(range(10**6))', 'len(set(range(10**6)))'),
  returns('set(range(10**9))', 'len(set(range(10**9)))'),
  returns('{i for i in range(10**6)}', 'len({i for i in range(10**6)})'),
  returns('set(str(i) for i in range(10**5))', 'len(set(str(i) for i in range(10**5)))'),
  returns('dict.fromkeys(range(10**6))', 'len(dict.fromkeys(range(10**6)))'),
  returns('set(range(10**6)) == set(range(10**6))', 'set(range(10**6)) == set(range(10**6))'),
  returns('set(range(0, 2**40, 2**20))', 'len(set(range(0, 2**40, 2**20)))'),
  returns('str(10**300)', 'str(10**300)'),
  returns('repr(9**99999)', 'repr(9**99999)'),
  returns('10**10**10', '10**10**10'),
  returns('2**10**9', '2**10**9'),
  returns('pow(3, 10**9, 7)', 'pow(3, 10**9, 7)'),
  returns('pow(2, 10**18, 10**9 + 7)', 'pow(2, 10**18, 10**9 + 7)'),
  returns('hex(10**300)', 'hex(10**300)'),
  std('math.factorial(10**6)', 'import math\nreturn math.factorial(10**6)'),
  std('math.prod(range(1, 10**6))', 'import math\nreturn math.prod(range(1, 10**6))'),
  std('math.fsum(range(10**7))', 'import math\nreturn math.fsum(range(10**7))'),
  std('math.gcd(*range(1, 10**5))', 'import math\nreturn math.gcd(*range(1, 10**5))'),
  returns('str(1e308) * 10**5', 'str(1e308) * 10**5'),
  returns("'a' * 10**6 in 'a' * 10**6", "'a' * 500000 + 'b' in 'a' * 10**6"),
  returns("('a' * 10**6).count('a' * 500000 + 'b')", "('a' * 10**6).count('a' * 500000 + 'b')"),
  returns("('a' * 10**6).find('a' * 499999 + 'b')", "('a' * 10**6).find('a' * 499999 + 'b')"),
  returns("('a' * 10**6).rfind('b' + 'a' * 499999)", "('a' * 10**6).rfind('b' + 'a' * 499999)"),
  returns("('ab' * 500000).replace('a', 'x' * 1000)", "('ab' * 500000).replace('a', 'x' * 1000)"),
  returns("('a' * 10**6).replace('', '-')", "('a' * 10**6).replace('', '-')"),
  returns("('a' * 10**6).split('a')", "len(('a' * 10**6).split('a'))"),
  returns("('a ' * 500000).split()", "len(('a ' * 500000).split())"),
  returns("('a\\n' * 500000).splitlines()", "len(('a\\n' * 500000).splitlines())"),
  returns("' '.join(['x'] * 10**6)", "len(' '.join(['x'] * 10**6))"),
  returns("('x' * 1000).join(['y'] * 10**5)", "len(('x' * 1000).join(['y'] * 10**5))"),
  returns("'a' * 10**6 == 'a' * 10**6", "'a' * 10**6 == 'a' * 10**6"),
  returns('list(range(10**6)) == list(range(10**6))', 'list(range(10**6)) == list(range(10**6))'),
  returns('-1 in list(range(10**6))', '-1 in list(range(10**6))'),
  returns('[0] * 10**6 < [0] * 10**6 + [1]', '[0] * 10**6 < [0] * 10**6 + [1]'),
  returns('list(range(10**6)).index(-1)', 'list(range(10**6)).index(-1)'),
  returns('list(range(10**6)).count(-1)', 'list(range(10**6)).count(-1)'),
  returns("('a' * 10**6).title()", "len(('a' * 10**6).title())"),
  returns("('ß' * 10**6).upper()", "len(('ß' * 10**6).upper())"),
  returns("('a' * 10**6)[::-1]", "len(('a' * 10**6)[::-1])"),
  returns("ascii('é' * 10**6)", "len(ascii('é' * 10**6))"),
  returns("repr('\\x00' * 10**6)", "len(repr('\\x00' * 10**6))"),
  returns('str(list(range(10**6)))', 'len(str(list(range(10**6))))'),
  returns('json.dumps(list(range(10**6)))', 'len(json.dumps(list(range(10**6))))'),
  returns('json.dumps(list(range(10**5)), indent=10**4)', 'len(json.dumps(list(range(10**5)), indent=10**4))'),
  returns("json.dumps([[]] * 10**5, indent=' ' * 10**4)", "len(json.dumps([[]] * 10**5, indent=' ' * 10**4))"),
  returns('hash(tuple(range(10**6)))', 'hash(tuple(range(10**6)))'),
  returns('{tuple(range(10**6)): 1}', 'len({tuple(range(10**6)): 1})'),
  returns('list(zip(*[range(10**3)] * 10**3))', 'len(list(zip(*[range(10**3)] * 10**3)))'),
  returns('[x for x in range(10**3) for y in range(10**3)]', 'len([x for x in range(10**3) for y in range(10**3)])'),
  returns('list(map(str, range(10**6)))', 'len(list(map(str, range(10**6))))'),
  returns("'%s' * 10**5 % tuple(range(10**5))", "len('%s' * 10**5 % tuple(range(10**5)))"),
  returns("'{}' * 10**5 .format(*range(10**5))", "len(('{}' * 10**5).format(*range(10**5)))"),
  returns("('{0}' * 10**5).format('x' * 10**5)", "len(('{0}' * 10**5).format('x' * 10**5))"),
  returns("f'{\"x\" * 10**6!r}' * 10", "len(f'{\"x\" * 10**6!r}' * 10)"),
  returns('divmod(10**300, 7)', 'divmod(10**300, 7)'),
  returns('round(1.5, 10**9)', 'round(1.5, 10**9)'),
  returns("'%.1000000000g' % 1.5", "'%.1000000000g' % 1.5"),
  returns('list(range(10**6))[::-1] + list(range(10**6))', 'len(list(range(10**6))[::-1] + list(range(10**6)))'),
  std('l[0:0] = range(10**6) ten times', 'l = []\nfor i in range(10):\n    l[0:0] = range(10**5)\nreturn len(l)'),
  std('l.insert(0, x) 10**5 times', 'l = []\nfor i in range(10**5 - 10):\n    l.insert(0, i)\nreturn len(l)'),
  std('l.pop(0) 10**5 times', 'l = list(range(10**6))\nfor i in range(10**5 - 10):\n    l.pop(0)\nreturn len(l)'),
  std('s = s + x in a loop', "s = ''\nfor i in range(10**5 - 10):\n    s = s + 'abcdefghij'\nreturn len(s)"),
  std('l = l + [x] in a loop', 'l = []\nfor i in range(3000):\n    l = l + [i] * 300\nreturn len(l)'),
  std('d.copy() in a loop', 'd = dict.fromkeys(range(10**5))\nfor i in range(1000):\n    e = d.copy()\nreturn len(e)'),
  std('sorted(l) in a loop', 'l = list(range(10**5))\nfor i in range(1000):\n    m = sorted(l)\nreturn len(m)'),
  std("'x' in s in a loop", "s = 'a' * 10**6\nfor i in range(10**4):\n    r = 'b' in s\nreturn r"),
  std('set(l) in a loop', 'l = list(range(10**5))\nfor i in range(1000):\n    m = set(l)\nreturn len(m)'),
  std('l == m in a loop', 'l = list(range(10**5))\nm = list(range(10**5))\nfor i in range(1000):\n    r = l == m\nreturn r'),
  std('str(l) in a loop', 'l = list(range(10**5))\nfor i in range(1000):\n    r = str(l)\nreturn len(r)'),
  std('s.split() in a loop', "s = 'a ' * 10**5\nfor i in range(1000):\n    r = s.split()\nreturn len(r)"),
  std('s.replace in a loop', "s = 'a' * 10**5\nfor i in range(1000):\n    r = s.replace('a', 'b')\nreturn len(r)"),
  std('l[:] in a loop', 'l = list(range(10**5))\nfor i in range(3000):\n    r = l[:]\nreturn len(r)'),
  std('l.copy() in a loop', 'l = list(range(10**5))\nfor i in range(3000):\n    r = l.copy()\nreturn len(r)'),
  std('x in l in a loop', 'l = list(range(10**5))\nfor i in range(3000):\n    r = -1 in l\nreturn r'),
  std('max(l) in a loop', 'l = list(range(10**5))\nfor i in range(3000):\n    r = max(l)\nreturn r'),
  std('json.dumps(l) in a loop', 'l = list(range(10**5))\nfor i in range(1000):\n    r = json.dumps(l)\nreturn len(r)'),
  std('re.findall on 10**5 in a loop', "import re\ns = 'a' * 10**4\nfor i in range(1000):\n    r = re.findall('a', s)\nreturn len(r)"),
  std('hash(t) in a loop', 't = tuple(range(10**5))\nfor i in range(1000):\n    r = hash(t)\nreturn r'),
  std('{t} in a loop', 't = tuple(range(10**4))\nfor i in range(10**4):\n    r = {t}\nreturn len(r)'),
  std("int(s) in a loop", "s = '1' * 4000\nfor i in range(1000):\n    r = int(s)\nreturn r"),
  std("float(s) in a loop", "s = '1' * 10**5\nfor i in range(1000):\n    r = float(s)\nreturn r"),
];

/** x = [[...[x]...]] (10 levels a step) or a dict or tuple of x, `depth` deep. */
function nest(open: string, close: string, name = 'x', depth = 100_000): string {
  return `${name} = 0\nfor i in range(${depth / 10}):\n    ${name} = ${open.repeat(10)}${name}${close.repeat(10)}`;
}

const DEEP_LIST = nest('[', ']');
const DEEP_TUPLE = nest('(', ',)');
const DEEP_DICT = nest("{'a': ", '}');
const DEEP_TWO = `${nest('[', ']')}\n${nest('[', ']', 'y')}`;

/** Values nested 100,000 deep by a loop, then walked by every operation that walks. */
const DEEP_NESTING: HostileInput[] = [
  std('deep list: repr', `${DEEP_LIST}\nreturn repr(x)`),
  std('deep list: str', `${DEEP_LIST}\nreturn str(x)`),
  std("deep list: f'{x}'", `${DEEP_LIST}\nreturn f'{x}'`),
  std("deep list: '%s' % (x,)", `${DEEP_LIST}\nreturn '%s' % (x,)`),
  std("deep list: '{}'.format(x)", `${DEEP_LIST}\nreturn '{}'.format(x)`),
  std('deep list: ascii', `${DEEP_LIST}\nreturn ascii(x)`),
  std('deep list: print', `${DEEP_LIST}\nprint(x)\nreturn 1`),
  std('deep list: == itself', `${DEEP_LIST}\nreturn x == x`),
  std('deep lists: == each other', `${DEEP_TWO}\nreturn x == y`),
  std('deep lists: < each other', `${DEEP_TWO}\nreturn x < y`),
  std('deep lists: sorted', `${DEEP_TWO}\nreturn sorted([x, y])`),
  std('deep lists: max', `${DEEP_TWO}\nreturn max(x, y)`),
  std('deep lists: y in [x]', `${DEEP_TWO}\nreturn y in [x]`),
  std('deep lists: [x].count(y)', `${DEEP_TWO}\nreturn [x].count(y)`),
  std('deep lists: [x].index(y)', `${DEEP_TWO}\nreturn [x].index(y)`),
  std('deep lists: [x].remove(y)', `${DEEP_TWO}\nl = [x]\nl.remove(y)\nreturn l`),
  std('deep list: json.dumps', `${DEEP_LIST}\nreturn json.dumps(x)`),
  std('deep list: json.dumps indent', `${DEEP_LIST}\nreturn json.dumps(x, indent=1)`),
  std('deep list: copy into data', `${DEEP_LIST}\ndata['x'] = x\nreturn True`),
  std('deep list: bound to data', `${DEEP_LIST}\nglobal data\ndata = {'x': x}\nreturn True`),
  std('deep list: set into log', `${DEEP_LIST}\nlog['x'] = x\nreturn False`),
  std('deep list: x.copy()', `${DEEP_LIST}\nreturn x.copy() == [x[0]]`),
  std('deep list: list(x)', `${DEEP_LIST}\nreturn len(list(x))`),
  std('deep list: hash', `${DEEP_LIST}\nreturn hash(x)`),
  std('deep list: set([x])', `${DEEP_LIST}\nreturn set([x])`),
  std('deep list: bool and len', `${DEEP_LIST}\nreturn bool(x) and len(x)`),
  std('deep tuple: hash', `${DEEP_TUPLE}\nreturn hash(x)`),
  std('deep tuple: dict key', `${DEEP_TUPLE}\nreturn {x: 1}`),
  std('deep tuple: set member', `${DEEP_TUPLE}\nreturn len({x})`),
  std('deep tuple: in a set', `${DEEP_TUPLE}\nreturn x in {1, 2}`),
  std('deep tuple: repr', `${DEEP_TUPLE}\nreturn repr(x)`),
  std('deep tuple: ==', `${DEEP_TUPLE}\nreturn x == (x[0],)`),
  std('deep tuples: ==', `${nest('(', ',)')}\n${nest('(', ',)', 'y')}\nreturn x == y`),
  std('deep tuple: json.dumps', `${DEEP_TUPLE}\nreturn json.dumps(x)`),
  std('deep dict: repr', `${DEEP_DICT}\nreturn repr(x)`),
  std('deep dict: ==', `${DEEP_DICT}\n${nest("{'a': ", '}', 'y')}\nreturn x == y`),
  std('deep dict: json.dumps', `${DEEP_DICT}\nreturn json.dumps(x)`),
  std('deep dict: json.dumps sort_keys', `${DEEP_DICT}\nreturn json.dumps(x, sort_keys=True)`),
  std('deep dict: into data', `${DEEP_DICT}\ndata['x'] = x\nreturn True`),
  std('deep dict: data.update', `${DEEP_DICT}\ndata.update(x)\nreturn True`),
  std('deep dict: x.copy()', `${DEEP_DICT}\nreturn len(x.copy())`),
  std('deep dict: in values()', `${DEEP_DICT}\nreturn x in x.values()`),
  std('deep dict: items() == items()', `${DEEP_DICT}\nreturn x.items() == x.items()`),
  std('deep mixed: list of dict of tuple', `x = 0\nfor i in range(10000):\n    x = [{'a': ((((((((x,),),),),),),),)}]\nreturn repr(x) + json.dumps(x)`),
  std('deep list: returned as the value', `${DEEP_LIST}\nreturn x`),
  std('deep list: str of its own cycle', 'x = []\nx.append(x)\nfor i in range(10000):\n    x = [x] * 10\nreturn len(str(x))'),
  std('wide and deep: [x] * 1000 levels of 10', 'x = 0\nfor i in range(10):\n    x = [x] * 1000\nreturn len(str(x))'),
  std('shared subtrees: x = [x, x] 60 times', 'x = 0\nfor i in range(60):\n    x = [x, x]\nreturn x == x[:]'),
  std('shared subtrees: json.dumps of [x, x] 60 times', 'x = 0\nfor i in range(60):\n    x = [x, x]\nreturn json.dumps(x)'),
  std('shared subtrees: hash of (x, x) 60 times', 'x = 0\nfor i in range(60):\n    x = (x, x)\nreturn hash(x)'),
  std('shared subtrees: into data', "x = 0\nfor i in range(60):\n    x = [x, x]\ndata['x'] = x\nreturn True"),
  std('shared subtrees: {k: x, ...} into data', "x = 0\nfor i in range(60):\n    x = {'a': x, 'b': x}\ndata['x'] = x\nreturn True"),
  launch('deep list: launch(x)', `${DEEP_LIST}\nlaunch(x)`),
  launch('deep dict: launch(x)', `${DEEP_DICT}\nlaunch(x)`),
  launch('shared subtrees: launch(x)', "x = 0\nfor i in range(60):\n    x = [x, x]\nlaunch({'x': x})"),
];

/** Regular expressions that backtrack catastrophically, with anchors, lookarounds and backreferences, on long subjects. */
const re = (label: string, call: string): HostileCondition => std(label, `import re\nreturn ${call}`);
const A30 = "'a' * 30";
const REGEX: HostileInput[] = [
  re('re: (a|a)*c', `re.search(r'(a|a)*c', ${A30})`),
  re('re: (?:a|a)*(?=b)c', `re.search(r'(?:a|a)*(?=b)c', ${A30})`),
  re('re: (?:a|a)*$ on a final newline', `re.search(r'(?:a|a)*$', 'a' * 30 + 'b\\n')`),
  re('re: (a|aa)*b', `re.search(r'(a|aa)*b', 'a' * 40)`),
  re('re: (a|ab)*c', `re.search(r'(a|ab)*c', 'ab' * 30)`),
  re('re: (\\w|\\d)*!', `re.search(r'(\\w|\\d)*!', '1' * 30)`),
  re('re: (a|b|ab)*c', `re.search(r'(a|b|ab)*c', 'ab' * 30)`),
  re('re: (.*a){20}', `re.search(r'(.*a){20}', 'a' * 30)`),
  re('re: ^(a?){25}a{25}$', `re.search(r'^(a?){25}a{25}$', 'a' * 25)`),
  re('re: (a?){30}a{30}', `re.match(r'(a?){30}a{30}', 'a' * 30)`),
  re('re: (x+x+)+y', `re.search(r'(x+x+)+y', 'x' * 5000)`),
  re('re: (a+)+$ on a final newline', `re.search(r'(a+)+$', 'a' * 30 + 'b\\n')`),
  re('re: (a+)+(?=b)', `re.search(r'(a+)+(?=b)', ${A30})`),
  re('re: (a*)*\\1b backreference', `re.search(r'(a*)*\\1b', ${A30})`),
  re('re: (?:(a)|a)*\\1c', `re.match(r'(?:(a)|a)*\\1c', ${A30})`),
  re('re: ((a)|a)*(?P=x) named', `re.search(r'(?P<x>a)(a|a)*(?P=x)c', ${A30})`),
  re('re: ^(a|a)*$', `re.search(r'^(a|a)*$', 'a' * 30 + 'b')`),
  re('re: (a|a)*\\Z', `re.search(r'(a|a)*\\Z', 'a' * 30 + 'b')`),
  re('re: \\A(a|a)*\\Z', `re.search(r'\\A(a|a)*\\Z', 'a' * 30 + 'b')`),
  re('re: (?m)^(a|a)*$ over lines', `re.search(r'(?m)^(a|a)*$', ('a' * 30 + 'b\\n') * 10)`),
  re('re: (?=(a|a)*c)', `re.search(r'(?=(a|a)*c)', ${A30})`),
  re('re: (?!(a|a)*c)x', `re.search(r'(?!(a|a)*c)x', ${A30})`),
  re('re: (?<=(a|a)*)c lookbehind', `re.search(r'(?<=(a|a)*)c', ${A30})`),
  re('re: (?<!(a|a)*b)c', `re.search(r'(?<!(a|a)*b)c', ${A30})`),
  re('re: \\b(a|a)*\\b!', `re.search(r'\\b(a|a)*\\b!', ${A30})`),
  re('re: (?i)(a|A)*c', `re.search(r'(?i)(a|A)*c', ${A30})`),
  re('re: (a|A)*c with re.I', `re.search(r'(a|A)*c', ${A30}, re.I)`),
  re('re: (?s)(.|\\n)*c', `re.search(r'(?s)(.|\\n)*c', 'a\\n' * 20)`),
  re('re: (.|\\s)*c with re.S', `re.search(r'(.|\\s)*c', 'a ' * 20, re.S)`),
  re('re: findall (a|a)*?c', `re.findall(r'(a|a)*?c', ${A30})`),
  re('re: finditer (a|a)*c', `list(re.finditer(r'(a|a)*c', ${A30}))`),
  re('re: sub (a|a)*c', `re.sub(r'(a|a)*c', '', ${A30})`),
  re('re: subn (a|a)*c', `re.subn(r'(a|a)*c', 'x', ${A30})`),
  re('re: split (a|a)*c', `re.split(r'(a|a)*c', ${A30})`),
  re('re: fullmatch (a|a)*', `re.fullmatch(r'(a|a)*', 'a' * 30 + 'b')`),
  re('re: compile then search (a|a)*c', `re.compile(r'(a|a)*c').search(${A30})`),
  re('re: compile then match (a|aa)*$', `re.compile(r'(a|aa)*$').match('a' * 40 + '!')`),
  re('re: sub with a backref template', `re.sub(r'(a|a)*(c)', r'\\2\\1', ${A30})`),
  re('re: ReDoS classic ^(([a-z])+.)+[A-Z]([a-z])+$', `re.search(r'^(([a-z])+.)+[A-Z]([a-z])+$', 'a' * 30 + '!')`),
  re('re: ReDoS email', `re.match(r'^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$', 'a' * 40 + '!')`),
  re('re: ReDoS (\\d+)*\\1', `re.search(r'(\\d+)*\\1x', '1' * 30)`),
  re('re: ReDoS (\\s*,\\s*)*x', `re.search(r'(?:\\s*,\\s*)*x', ' ,' * 30)`),
  re('re: ReDoS (a|a?)+b', `re.search(r'(a|a?)+b', ${A30})`),
  re('re: ReDoS (?:a+){2,}$', `re.search(r'(?:a+){2,}$', 'a' * 30 + 'b\\n')`),
  re('re: ReDoS (?:[a-z]|[a-c])*1', `re.search(r'(?:[a-z]|[a-c])*1', 'abc' * 12)`),
  re('re: ReDoS (?:\\w+\\s?)*$ on a final newline', `re.match(r'(?:\\w+\\s?)*$', 'word ' * 20 + '!\\n')`),
  re('re: ReDoS (?:a{1,3}){1,30}b', `re.search(r'(?:a{1,3}){1,30}b', ${A30})`),
  re('re: a*b on 600 KB', "re.search(r'a*b', 'a' * 600000)"),
  re('re: \\s*x on 600 KB', "re.findall(r'\\s*x', ' ' * 600000)"),
  re('re: (a+)+$ on 600 KB', "re.search(r'(a+)+$', 'a' * 600000 + 'b')"),
  re('re: (a|a)*c on 600 KB', "re.search(r'(a|a)*c', 'a' * 600000)"),
  re('re: .*.*=.* on 600 KB', "re.search(r'.*.*=.*;', 'x=' * 300000)"),
  re('re: (\\w+)\\1 on 600 KB', "re.search(r'(\\w+)\\1x', 'ab' * 300000)"),
  re('re: ^(?=.*x).*y on 600 KB', "re.search(r'^(?=.*x).*y', 'a' * 600000)"),
  re('re: sub \\s+ on 600 KB', "len(re.sub(r'\\s+$', '', ' ' * 600000 + 'a'))"),
  re('re: split , on 600 KB', "len(re.split(r'\\s*,\\s*', ' ' * 600000))"),
  re('re: findall \\d* on 10**6', "len(re.findall(r'\\d*', 'a' * 10**6))"),
  re('re: findall (a|a)*?b on 600 KB', "re.findall(r'(?:a|a)*?b', 'a' * 600000)"),
  re('re: escape of 10**6', "len(re.escape('.' * 10**6))"),
  std('re: search (a|a)*c in a loop', "import re\nfor i in range(1000):\n    r = re.search(r'(a|a)*c', 'a' * 25)\nreturn r"),
  std('re: 1000 distinct patterns compiled', "import re\nfor i in range(1000):\n    r = re.search('(a|a)*c' + str(i), 'a' * 25)\nreturn r"),
  std('re: a*b on a 32 KiB string 100 times', "import re\ns = 'a' * 32768\nfor i in range(100):\n    r = re.search(r'a*b', s)\nreturn r"),
  std('re: (a+)+$ on the 600 KB log text', "import re\nreturn re.search(r'(a+)+$', text)", { log: { ...DEFAULT_LOG, Text: 'a'.repeat(600_000) + 'b' } }),
  std('re: a*b on the 600 KB log text', "import re\nreturn re.search(r'a*b', log['Text'])", { log: { ...DEFAULT_LOG, Text: 'a'.repeat(600_000) } }),
  std('re: findall \\w+ on the 600 KB log text', "import re\nreturn len(re.findall(r'\\w+', text))", { log: { ...DEFAULT_LOG, Text: 'ab '.repeat(200_000) } }),
  re('re: pattern of 10**5 alternatives', "re.search('|'.join(str(i) for i in range(10**5)), 'x')"),
  re('re: pattern (a?){5000}a{5000}', "re.match('(a?){5000}a{5000}', 'a' * 5000)"),
  re('re: pattern a{1000}{1000}', "re.search('(?:a{1000}){1000}', 'a' * 30000)"),
  re('re: pattern of 10**5 groups', "re.search('(a)' * 10**5, 'a')"),
  re('re: pattern nested 10**4 groups', "re.search('(' * 10**4 + 'a' + ')' * 10**4, 'a')"),
];

/** 100,000-character sources of many shapes (the limit), and the issue's long f-string. */
const sized = (unit: string, prefix = 'return ', suffix = '', size = 99_990): string => prefix + unit.repeat(Math.floor((size - prefix.length - suffix.length) / unit.length)) + suffix;
const HUGE_SOURCES: HostileInput[] = [
  std("source: f'{1}' x 25,000 (100,000 chars)", sized('{1}', "return f'", "'")),
  std("source: f'{x!r:>{w}}' fields", sized('{x!r:>{w}}', "x = 1\nw = 3\nreturn f'", "'")),
  std("source: f'{1:{1}}' fields", sized('{1:{1}}', "return f'", "'")),
  std("source: f'{1=}' fields", sized('{1=}', "return f'", "'")),
  std("source: f-strings f'{1}' + f'{1}' + ...", sized("f'{1}'+", 'return ', "''")),
  std('source: 1 + 1 + ... (100,000 chars)', sized('1+', 'return ', '1')),
  std('source: 1 < 1 < ... chain', sized('1<', 'return ', '1')),
  std('source: x and x and ... chain', sized('x and ', 'x = 1\nreturn ', 'x')),
  std('source: x if x else ... chain', sized('x if x else ', 'x = 1\nreturn ', 'x')),
  std('source: list display of 50,000 items', sized('1,', 'return [', ']')),
  std('source: dict display', sized("'a':1,", 'return {', '}')),
  std('source: set display', sized('1,', 'return {', '}')),
  std('source: set display of distinct strings', 'return {' + Array.from({ length: 9000 }, (_, i) => `'s${i}'`).join(',') + '}'),
  std('source: string literal', sized('a', 'return "', '"')),
  std('source: string of escapes', sized('\\x41', 'return "', '"')),
  std('source: adjacent string literals', sized("'a' ", 'return ', '')),
  std('source: triple-quoted lines', sized('a\n', 'return """', '"""')),
  std('source: comment', sized('#', '', '\nreturn 1')),
  std('source: blank lines', sized('\n', '', 'return 1')),
  std('source: x = 1 lines', sized('x = 1\n', '', 'return x')),
  std('source: distinct names', Array.from({ length: 9000 }, (_, i) => `v${i} = ${i}`).join('\n') + '\nreturn v1'),
  std('source: if statements', sized('if x:\n    x = 1\n', 'x = 1\n', 'return x')),
  std('source: elif chain', sized('elif x == 2:\n    pass\n', 'x = 1\nif x == 1:\n    pass\n', 'return x')),
  std('source: try blocks', sized('try:\n    pass\nexcept:\n    pass\n', '', 'return 1')),
  std('source: method chain .upper()', sized('.upper()', 'return text', '')),
  std('source: subscripts [0]', sized('[0]', 'return [[1]]', '')),
  std('source: calls str(...) within depth', sized('str(str(str(1)))+', 'return ', "''")),
  std('source: lambdas', sized('(lambda: 1)()+', 'return ', '1')),
  std('source: comprehensions', sized('[x for x in []]+', 'return ', '[]')),
  std('source: %-formatting chain', sized("'%s' % ", 'return ', '1')),
  std('source: nested brackets 99 deep repeated', sized('[' .repeat(99) + ']'.repeat(99) + ',', 'return [', ']')),
  std('source: parentheses 99 deep repeated', sized('('.repeat(99) + '1' + ')'.repeat(99) + '+', 'return ', '1')),
  std('source: nots within depth', sized('not not not not 1 or ', 'return ', '1')),
  std('source: unary minus chain', sized('- - - - 1 + ', 'return ', '1')),
  std('source: indentation 99 deep', Array.from({ length: 99 }, (_, i) => ' '.repeat(i) + 'if 1:').join('\n') + '\n' + ' '.repeat(99) + 'return 1'),
  std('source: long identifier', `${'a'.repeat(99_980)} = 1\nreturn 1`),
  std('source: long number', sized('1', 'return ', '')),
  std('source: long float', sized('1', 'return 0.', '')),
  std('source: unicode letters', sized('é', 'return "', '"')),
  std('source: astral characters', sized('😀', 'return "', '"')),
  std('source: syntax error at the end', sized('1+', 'return ', '')),
  std('source: unterminated f-string', sized('{1}', "return f'", '')),
  std('source: 100,001 characters', 'return ' + '1'.repeat(99_994)),
  std('source: 10**6 characters', 'return ' + '1+'.repeat(500_000) + '1'),
  launch("source: launch f'{1}' x 25,000", sized('{1}', "launch(f'", "')")),
  launch('source: launch of a list display', sized('1,', 'launch([', '])')),
];

/** json.loads of malformed and deeply nested text. */
const JSON_LOADS: HostileInput[] = [
  ...["'}'", "']'", "''", "' '", "'-'", "'['", "'{'", "'{\"a\" 1}'", "'[1,]'", "'\"\\\\ud800'", "'tru'", "'nul'", "'01'", "'1.'", "'.5'", "'1e'", "'\"a'", "'[\"\\\\x\"]'", "'{1: 2}'", "'\\x00'", "'[1] x'", "'NaN1'", "'-Infinity2'", "'\"\\t\"'", "'\\ufeff1'"].map((s) => returns(`json.loads(${s})`, `json.loads(${s})`)),
  returns("json.loads('[' * 100000)", "json.loads('[' * 100000)"),
  returns("json.loads('[' * 100000 + ']' * 100000)", "json.loads('[' * 100000 + ']' * 100000)"),
  returns("json.loads('{\"a\":' * 50000 + '1' + '}' * 50000)", "json.loads('{\"a\":' * 50000 + '1' + '}' * 50000)"),
  returns("json.loads('[' * 100000 + '1')", "json.loads('[' * 100000 + '1')"),
  returns("json.loads('[1,' * 100000)", "json.loads('[1,' * 100000)"),
  returns("json.loads('[' + '1,' * 400000 + '1]')", "len(json.loads('[' + '1,' * 400000 + '1]'))"),
  returns("json.loads('1' * 300000)", "json.loads('1' * 300000)"),
  returns("json.loads('-' + '1' * 300000)", "json.loads('-' + '1' * 300000)"),
  returns("json.loads('1e' + '9' * 300000)", "json.loads('1e' + '9' * 300000)"),
  returns("json.loads('0.' + '1' * 900000)", "json.loads('0.' + '1' * 900000)"),
  returns("json.loads('\"' + 'a' * 10**6)", "json.loads('\"' + 'a' * 10**6)"),
  returns("json.loads('\"' + '\\\\u0041' * 150000 + '\"')", "len(json.loads('\"' + '\\\\u0041' * 150000 + '\"'))"),
  returns("json.loads('{' + '\"a\":1,' * 150000 + '\"a\":1}')", "json.loads('{' + '\"a\":1,' * 150000 + '\"a\":1}')"),
  returns("json.loads('{' + distinct keys 10**5 + '}')", "len(json.loads('{' + ','.join('\"%d\":1' % i for i in range(10**5)) + '}'))"),
  returns("json.loads(' ' * 10**6 + '1')", "json.loads(' ' * 10**6 + '1')"),
  returns("json.loads('[' * 511 + ']' * 511)", "json.loads('[' * 511 + ']' * 511)"),
  std('json.loads then dumps 100,000 deep', "x = json.loads('[' * 100000 + ']' * 100000)\nreturn json.dumps(x)"),
  std('json.loads error caught as ValueError', "try:\n    json.loads('}')\nexcept ValueError as e:\n    return str(e)"),
  std('json.loads in a loop on 10**5', "s = '[' + '1,' * 50000 + '1]'\nfor i in range(1000):\n    r = json.loads(s)\nreturn len(r)"),
];

const evalPayload = (conditions: unknown[], extra: Record<string, unknown> = {}) => ({ log: DEFAULT_LOG, conditions, context: {}, trueConditions: [], logProcessingTime: 0, stateTime: 0, ...extra });

/** make(0), make(1), ... for as many as a JSON array of `bytes` holds. */
function fill(bytes: number, make: (i: number) => unknown): unknown[] {
  const out: unknown[] = [];
  for (let size = 2; ; ) {
    const item = make(out.length);
    size += JSON.stringify(item).length + 1;
    if (size >= bytes) return out;
    out.push(item);
  }
}
/** Just under the default --max-body of 1 MiB, with room for a payload's other fields. */
const MIB = 1024 * 1024 - 4096;
const standard = (text: string, numeration = 0) => ({ type: 'Standard', numeration, text });

/** Whole request bodies: many conditions, Order runs, many payloads, up to the 1 MiB body limit. */
const BODIES: HostileInput[] = [
  orderBody('Order: trueConditions 100,000 and order 50,000', 100_000, 50_000),
  body('Order: 1 MiB of Order conditions', '/eval', { payload: evalPayload(fill(MIB - 300_000, (i) => ({ type: 'Order', numeration: i, order: Array(30).fill(1).concat([2]) })), { trueConditions: Array(60_000).fill(1) }) }),
  manyBody('1 MiB: one slow loop repeated', '/eval', { payload: evalPayload(fill(MIB, () => standard('for i in range(90000): pass'))) }),
  manyBody('1 MiB: distinct slow loops', '/eval', { payload: evalPayload(fill(MIB, (i) => standard(`for i in range(${90000 + i}): pass`))) }),
  manyBody('1 MiB: distinct conditions to compile', '/eval', { payload: evalPayload(fill(MIB, (i) => standard(`x${i} = [a for a in range(3) if a > ${i}]\nreturn {'k': x${i}}.get('z', None) is not None and ${i}`))) }),
  manyBody("1 MiB: 'a' * 10**6 in text repeated", '/eval', { payload: evalPayload(fill(MIB, (i) => standard(`return 'a' * ${10 ** 6 - i} in text`))) }),
  manyBody('1 MiB: regex (a|a)*c repeated', '/eval', { payload: evalPayload(fill(MIB, (i) => standard(`import re\nreturn re.search('(a|a)*c', 'a' * ${20 + (i % 8)})`))) }),
  manyBody('1 MiB: sorted(range(10**5)) repeated', '/eval', { payload: evalPayload(fill(MIB, (i) => standard(`return sorted(range(${10 ** 5 - i}))[0] < 0`))) }),
  manyBody('1 MiB: true conditions that grow data', '/eval', { payload: evalPayload(fill(MIB, (i) => standard(`data['k${i % 50}'] = list(range(2000))\nreturn True`, i))) }),
  manyBody('1 MiB: a context of 30,000 keys copied by each condition', '/eval', { payload: evalPayload(fill(MIB - 500_000, () => standard("data['n'] = 1\nreturn True")), { context: Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`k${i}`, i])) }) }),
  manyBody('1 MiB: 100,000-char f-string condition repeated', '/eval', { payload: evalPayload(Array.from({ length: 10 }, (_, i) => standard(sized('{1}', `return ${i} and f'`, "'")))) }),
  manyBody('1 MiB: distinct 57,000-char f-strings', '/eval', { payload: evalPayload(Array.from({ length: 17 }, (_, i) => standard(`return ${i} and f'${'{1}'.repeat(19_000)}'`))) }),
  manyBody('1 MiB batch: payloads of one slow loop', '/eval/batch', { payloads: fill(MIB, () => evalPayload([standard('for i in range(90000): pass')])) }),
  manyBody('1 MiB batch: payloads of a regex', '/eval/batch', { payloads: fill(MIB, (i) => evalPayload([standard(`import re\nreturn re.search('(a|a)*c', 'a' * ${20 + (i % 8)})`)])) }),
  manyBody('1 MiB batch: payloads of distinct conditions', '/eval/batch', { payloads: fill(MIB, (i) => evalPayload([standard(`return sorted(range(${10 ** 5 + i}))[0] < 0`)])) }),
  body('1 MiB batch: payloads of Order', '/eval/batch', { payloads: fill(MIB, () => evalPayload([{ type: 'Order', numeration: 1, order: Array(300).fill(1).concat([2]) }], { trueConditions: Array(600).fill(1) })) }),
  manyBody('1 MiB: a 600 KB log text searched by 10 conditions', '/eval', { payload: { ...evalPayload(Array.from({ length: 10 }, (_, i) => standard(`import re\nreturn re.search(r'a*b${i}', text)`))), log: { ...DEFAULT_LOG, Text: 'a'.repeat(600_000) } } }),
  // a body the service must refuse (400) at once, not with a stack overflow
  {
    label: 'body: JSON nested 100,000 deep',
    kind: 'body',
    path: '/eval',
    body: '{"payload": {"log": {"Text": "x"}, "conditions": [], "context": ' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) + ', "trueConditions": [], "logProcessingTime": 0, "stateTime": 0}}',
  },
  body('/check: 100,000-char f-string', '/check', { condition: sized('{1}', "return f'", "'"), kind: 'standard' }),
  body('/check: 1 MiB of + chain', '/check', { condition: 'return ' + '1+'.repeat(500_000) + '1', kind: 'standard' }),
  body('/eval-launch: 1 MiB launch condition', '/eval-launch', { payload: { log: DEFAULT_LOG, launchCondition: 'launch(' + '1+'.repeat(500_000) + '1)' } }),
  body('/eval-launch: 600 KB log text, (a+)+$', '/eval-launch', { payload: { log: { ...DEFAULT_LOG, Text: 'a'.repeat(600_000) + 'b' }, launchCondition: "import re\nif re.search(r'(a+)+$', text): launch()" } }),
];
export const HOSTILE_CORPUS: readonly HostileInput[] = [...ISSUE_ROWS, ...SLOW_BUILTINS, ...DEEP_NESTING, ...REGEX, ...HUGE_SOURCES, ...JSON_LOADS, ...BODIES];
