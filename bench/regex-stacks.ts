/**
 * The own regular expression engine on 10**6-character subjects, where a search keeps some
 * 125,000 contexts on its stack before the budget stops it: the run's wall time, which the
 * garbage collector's work on that stack decides (the budget itself stops them at the same step).
 *   node scripts/run-ts.mjs bench/regex-stacks.ts [rounds]
 */
import { Engine, PyDict } from '../src/lang/index.js';
import { stepsTaken } from '../src/lang/runtime/budget.js';

const SEARCHES = [
  // a group an iteration may leave unset sends these to the own engine (README, Safety)
  "re.search(r'(?:(a)|b)*c', 'ab' * 500000)",
  "re.search(r'(?:(a)|b)*?c', 'ab' * 500000)",
  "re.search(r'(?:(?:(a)|b)+)*c', 'ab' * 500000)",
  "re.search(r'(?:(a)|b)*(?=c)', 'ab' * 500000)",
  "re.search(r'(?:(a)|b){2,}?c', 'ab' * 500000)",
  "re.fullmatch(r'(?:(a)|b)*(?>c?)', 'a' * 500000)",
];
const rounds = Number(process.argv[2] ?? 20);
const engine = new Engine();
console.log('| search | steps | answer | median ms | max ms |\n|---|---:|---|---:|---:|');
for (const search of SEARCHES) {
  const program = engine.compile(`import re\nreturn ${search}`, 'standard') as Parameters<Engine['runStandard']>[0];
  const ms: number[] = [];
  let answer = '';
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    try {
      engine.runStandard(program, new PyDict(), 'x', new PyDict());
      answer = 'answered';
    } catch (e) {
      answer = String((e as { type?: { name: string } }).type?.name ?? e);
    }
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`| \`${search}\` | ${stepsTaken()} | ${answer} | ${ms[Math.floor(rounds / 2)].toFixed(1)} | ${ms[rounds - 1].toFixed(1)} |`);
}
