import { Engine, PyDict } from '../src/lang/index.js';
import { hostilePrograms } from '../test/support/hostile-fuzz.js';
const progs = hostilePrograms(20260901, 318);
for (const i of [20, 72]) {
  console.log('---', i); console.log(progs[i]);
  const e = new Engine();
  for (let k = 0; k < 3; k++) {
    const p = e.compile(progs[i], 'standard') as any; const t = performance.now();
    let r; try { r = e.runStandard(p, new PyDict(), 'x', new PyDict()).value; } catch (x: any) { r = x.type.name + ': ' + x.text; }
    console.log(JSON.stringify(r).slice(0, 100), (performance.now() - t).toFixed(1), 'ms');
  }
}
