/**
 * The cost model's calibration: for each bulk operation, the wall time of a run against
 * the steps it was charged. The limits assume about 0.5 µs a step (100,000 steps in
 * 50 ms); an operation far above that is undercharged, and only the clock (read every
 * 1,024 items of a native loop) stops it in time. Sorted worst first.
 *   npm run bench:costs
 */
import { Engine, PyDict } from '../src/lang/index.js';
import { stepsTaken } from '../src/lang/runtime/budget.js';
const e = new Engine({ maxSteps: 1e9, maxMillis: 100000 });
const ops = [
 "('a\\n' * 500000).format_map({'k': 1})", "('{}' * 100000).format(*range(100000))", "('ab c' * 250000).expandtabs(-1)", "('ab c' * 250000).casefold()",
 "set(range(10**5))", "{1, 2, 3} - set(range(10**5))", "dict.fromkeys(range(10**5))", "sorted(range(10**5), reverse=True)", "str(list(range(10**5)))",
 "repr('é' * 10**5)", "json.dumps(list(range(10**5)))", "json.loads(json.dumps(list(range(10**5))))", "[0] * 10**6", "list(range(10**6))", "'x' * 10**6",
 "('a ' * 500000).split()", "' '.join(['ab'] * 300000)", "('ab' * 500000).replace('a', 'xy')", "('ab' * 500000).upper()", "('ab' * 500000).title()",
 "int('1' * 4000)", "str(2 ** 52)", "{(i, i) for i in range(10**4)}", "[i for i in range(10**5)]", "sum(range(10**6))", "max(range(10**6))",
 "list(zip(range(10**5), range(10**5)))", "list(enumerate(range(10**5)))", "list(map(str, range(10**5)))", "sorted(map(str, range(10**5)))", "'%s' * 100000 % tuple(range(100000))",
 "f'{1:>500000}'", "'{:,}'.format(10**15) * 10000", "('abc' * 300000).count('b')", "('abc' * 300000).find('x')", "'x' in ('abc' * 300000)", "list(range(10**5)) == list(range(10**5))",
 "list(range(10**5)).index(10**5 - 1)", "set(map(str, range(10**5)))", "{str(i): i for i in range(10**5)}", "list(reversed(range(10**6)))", "len(re.findall(r'\\w', 'ab ' * 100000))",
 "re.sub(r'a', 'bb', 'ab' * 200000)", "re.split(r' ', 'ab ' * 100000)", "('ab ' * 100000).splitlines()", "('a\\n' * 100000).splitlines()", "math.fsum(range(10**5))", "tuple(range(10**6))",
 "hashlib.sha256(b'x' * 10**6).hexdigest()", "hashlib.sha3_512(b'x' * 10**6).digest()", "[hashlib.md5(b'ab').hexdigest() for i in range(10**4)]", "[hashlib.sha512().copy() for i in range(10**4)]",
 "[[0] * 10] * 10**5 == [[0] * 10] * 10**5", "str([[0] * 10] * 10**5)", "list(filter(None, range(10**6)))", "any(x > 10**7 for x in range(10**5))", "dict(zip(map(str, range(10**5)), range(10**5)))",
];
const rows: [number, string, number, number][] = [];
for (const op of ops) {
  const src = `import re, math, hashlib\nx = ${op}\nreturn 1`;
  const p = e.compile(src, 'standard') as any;
  let best = Infinity, st = 0, err = '';
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    try { e.runStandard(p, new PyDict(), 'x', new PyDict()); } catch (x: any) { err = x.type.name + ': ' + x.text; }
    const ms = performance.now() - t;
    if (ms < best) best = ms;
  }
  // the counter keeps the last run's steps until the next run begins
  st = stepsTaken();
  rows.push([best * 1000 / Math.max(st, 1), op, best, st]);
  if (err) console.log(`(${op}: ${err.slice(0, 80)})`);
}
rows.sort((a, b) => b[0] - a[0]);
console.log('| µs a step | ms | steps | operation |\n|---:|---:|---:|---|');
for (const [r, op, ms, st] of rows) console.log(`| ${r.toFixed(2)} | ${ms.toFixed(1)} | ${st} | \`${op}\` |`);
