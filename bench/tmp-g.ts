import { Engine, PyDict } from '../src/lang/index.js';
const e = new Engine({ maxSteps: 1e9, maxMillis: 100000 });
const srcs = [
 "deep = 0\nfor i in range(10000):\n    deep = [[[[[[[[[[deep]]]]]]]]]]\nreturn 1",
 "x = ('a\\n' * 500000).format_map(({'k': [1, 2]}))\nreturn 1",
 "x = ('a\\n' * 500000).lstrip('{}')\nreturn 1",
 "import re\nx = re.search(r'\\w+', 'a\\n' * 500000)\nreturn 1",
 "x = ('ab c' * 250000).expandtabs(-1).casefold()\nreturn 1",
 "x = ('é' * 500000).join(map(str, ([[0] * 1000] * 1000)))\nreturn 1",
 "x = list({1, 2, 3} - set(range(10**5)))\nreturn 1",
 "x = ('é' * 500000).rindex('{}')\nreturn 1",
];
for (let k = 0; k < 2; k++) for (const src of srcs) {
  const p = e.compile(src, 'standard') as any; const t = performance.now();
  let r; try { r = e.runStandard(p, new PyDict(), 'x', new PyDict()).value; } catch (x: any) { r = x.type.name + ': ' + x.text; }
  // steps used: read via a second run with a small budget is awkward; print time only
  console.log(JSON.stringify(r).slice(0, 80).padEnd(82), (performance.now() - t).toFixed(1), 'ms', src.split('\n')[0].slice(0, 60));
}
