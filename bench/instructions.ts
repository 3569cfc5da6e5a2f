/**
 * Instructions a run of a condition, and a request of the whole /eval path, counted by
 * callgrind: far steadier than time on a shared machine, but not free of it (V8's collector
 * paces itself by the clock): 'context counter' counted 3,858 a run alone and 4,143 with a
 * second count running beside it, where the two builds so counted side by side agreed to the
 * instruction. Compare two builds row by row, each pair counted at once.
 *   node scripts/run-ts.mjs bench/instructions.ts [--rounds R] [--n N] [ROW...]
 * ROW: 'eval' (answerPost over ../shared/fixtures/original's /eval bodies) or a
 * condition below; all of them when none is named. --n: N runs instead of the row's own, for
 * a row whose count still falls as N grows (its warm-up left optimising compilation in the
 * counted runs: 'non-BMP text: Unicode \w+' counts 55,000 a run at N 3,000 and 39,000 at 40,000). Each row runs in one process (`node
 * --single-threaded` under valgrind --tool=callgrind: the JIT and the collector on the main thread,
 * so that no helper thread's work is counted): N runs to warm up, a full collection, then N runs
 * counted alone. Two calls of os.getPriority (a libuv function nothing else here calls) bound them,
 * and callgrind dumps its counts on entering it (--dump-before): the second dump is the N warm runs
 * and nothing else. Start-up is left out exactly, where the count of N runs subtracted from the
 * count of 3N runs left it to cancel: start-up's own count moved by up to 230 million instructions
 * between two starts of one build on a loaded machine (the JIT's work at start-up, which follows
 * the clock), so six counts of `return True` read from 2,795 to 17,397 a run (now 1,254 each
 * time). The hash and random seeds are fixed (V8's string hashes, which every Map of strings
 * uses, and its random numbers).
 * Needs valgrind.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine, parseJson, type PyDict, type Program } from '../src/lang/index.js';
import { answerPost, POST_ROUTES } from '../src/server/routes.js';

const LOG_JSON = JSON.stringify({
  File: 'LocalOscillatorThread.java', SourceObject: 'CONTROL/Array16-ACA', LogId: '8310895', Thread: 'Thread-221855', Line: '306',
  Text: "Waiting up to 2.405 seconds for the ACD's to finish moving.", Process: 'CONTROL/ACC/javaContainer', Routine: 'waitForACD',
  Audience: 'Developer', Host: 'gas01', LogLevel: 'Debug', Array: 'Array16-ACA', Origin: 'APE2', '@timestamp': '2019-10-13T14:22:50.836Z',
});

/** Text outside the BMP and accented (bench:conditions' WIDE). */
const WIDE = 'Antenna 🚀 DV01 moved to 𝛼=12.5° in élévation mode: waiting up to 2.405 seconds';

/** bench:conditions' rows, their N, and the log's Text where it is not LOG_JSON's. */
const ROWS: Record<string, [source: string, n: number, text?: string]> = {
  'substring test': [`return "Waiting up to 2.405 seconds" in text`, 50_000],
  'dict lookup': [`return log['Thread'] == "Thread-221855" and log.get('LogLevel') == 'Debug'`, 50_000],
  'regex search with a capture': [`import re\nm = re.search(r"up to (\\d+\\.\\d+) seconds", text)\nreturn m is not None and float(m.group(1)) > 2.4`, 30_000],
  'context counter': [`data['count'] = data.get('count', 0) + 1\nreturn data['count'] >= 2`, 50_000],
  'membership in a constant set': [`return log['Thread'] in {'Thread-1', 'Thread-2', 'Thread-221855', 'Thread-9'}`, 50_000],
  'slices': [`return text[:7] == "Waiting" and log['Thread'][-6:] == "221855" and text.split()[1:3] == ['up', 'to']`, 50_000],
  // a condition's classes (issue 11's class dialect): a class statement, instantiation, __init__'s stores, attribute reads, method calls, a class attribute; then the numeric and in-place dunders' routes
  'class attributes': [`class P:\n    scale = 2\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n    def norm(self):\n        return (self.x + self.y) * self.scale\nt = 0\nfor i in range(10):\n    p = P(i, 1)\n    t += p.x + p.norm()\nreturn t > 0`, 5_000],
  'regex search, atomic group (own engine)': [`import re\nm = re.search(r"up to (?>(\\d+)\\.)(\\d+) seconds", text)\nreturn m is not None and float(m.group(1) + '.' + m.group(2)) > 2.4`, 10_000],
  'a set of words': [`return len(set(text.split())) > 5`, 30_000],
  'datetime.strptime of @timestamp': [`from datetime import datetime\nt = datetime.strptime(log['@timestamp'], '%Y-%m-%dT%H:%M:%S.%fZ')\nreturn t.hour == 14 and t.microsecond > 0`, 10_000],
  'Counter update': [`from collections import Counter\nc = Counter(text.split())\nc.update([log['Thread']])\nreturn c['up'] == 1 and c.most_common(1)[0][1] == 1`, 10_000],
  // issue 11's rows (bench:conditions): a def, big ints, text outside the BMP
  'def call': [`def seconds(t, start='up to '):\n    i = t.find(start) + len(start)\n    return float(t[i:t.index(' ', i)])\nreturn seconds(text) > 2.4`, 30_000],
  'big ints: a nanosecond timestamp': [`t = 1653097992898123456 + int(log['LogId'])\nreturn t // 1000000 % 1000 == 906 and t > 2**60`, 30_000],
  'big ints: FNV-1a of the text, 64-bit': [`h = 14695981039346656037\nfor c in text:\n    h = ((h ^ ord(c)) * 1099511628211) & 0xffffffffffffffff\nreturn h % 7 != 0`, 3_000],
  'big ints: grouped digits': [`return f"{2**64 + int(log['LogId']):,}".startswith('18,446')`, 30_000],
  'non-BMP text: len, index, slice': [`return len(text) > 20 and text[8] == '🚀' and text[10:14] == 'DV01'`, 30_000, WIDE],
  'non-BMP text: find and max': [`return text.find('DV01') == 10 and max(text.split()) == '🚀'`, 10_000, WIDE],
  'str.format and an f-string': [`return '{} at {:>8} ({:.2f})'.format(log['Thread'], log['Line'], 2.405) == f"{log['Thread']} at {log['Line']:>8} ({2.405:.2f})"`, 30_000],
  'case mappings and tests': [`return text.lower().startswith('waiting') and text.upper().endswith('.') and not text.isalpha() and text.split()[0].istitle()`, 30_000],
  'non-BMP text: Unicode \\w+': [`import re\nreturn len(re.findall(r'\\w+', text)) == 16`, 10_000, WIDE],
  'json.dumps and json.loads': [`import json\ndata['last'] = json.loads(json.dumps({'thread': log['Thread'], 'line': int(log['Line']), 'wait': 2.43, 'tags': ['a', None]}))\nreturn data['last']['line'] > 0`, 30_000],
  'class and in-place operators': [`import math\nclass C:\n    def __init__(self, n):\n        self.n = n\nc = C(1)\nc.n += 2\nx = 5\nx += c.n\nreturn float(x) > 1 and int(2.5) == 2 and round(2.5) == 2 and math.floor(2.5) == 2`, 30_000],
};
const EVAL_N = 3_000;
const HOUR = 3_600_000;

// run from dist/bench/ (scripts/run-ts.mjs), beside which the project's ../shared lies
const FIXTURE = fileURLToPath(new URL('../../../shared/fixtures/original/eval.ndjson', import.meta.url));

/** Inside valgrind: runs ROW n times to warm up, then n times between the two marks callgrind dumps at. */
function inner(row: string, n: number): void {
  // no wall-clock budget: under valgrind, on a loaded machine, a run descheduled past 50 ms would take the error path
  const engine = new Engine({ maxMillis: HOUR, requestMillis: HOUR });
  let run: () => void;
  if (row === 'eval') {
    const route = POST_ROUTES.get('/eval')!;
    const bodies = readFileSync(FIXTURE, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => Buffer.from(l));
    let i = 0;
    run = () => void answerPost(engine, route, bodies[i++ % bodies.length]);
  } else {
    const wide = ROWS[row][2];
    const log = parseJson(wide === undefined ? LOG_JSON : JSON.stringify({ ...JSON.parse(LOG_JSON), Text: wide })) as PyDict;
    const text = log.m.get('Text') as string;
    const data = parseJson('{"count": 1}');
    const program = engine.compile(ROWS[row][0], 'standard') as Program;
    // a row that raised would count the error's path: the first run throws it here
    engine.runStandard(program, log, text, data);
    run = () => void engine.runStandard(program, log, text, data);
  }
  for (let i = 0; i < n; i++) run();
  // a full collection first: an incremental marking begun before would go on in steps during the count
  (globalThis as { gc?: () => void }).gc?.();
  getPriority();
  for (let i = 0; i < n; i++) run();
  getPriority();
}

/** Instructions a warm run: callgrind's second dump (the n counted runs) over n. */
function perRun(row: string, n: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'instructions-'));
  try {
    const r = spawnSync('valgrind', ['--tool=callgrind', '--dump-before=uv_os_getpriority', `--callgrind-out-file=${join(dir, 'out')}`, process.execPath, '--single-threaded', '--hash-seed=7', '--random-seed=7', '--expose-gc',
      fileURLToPath(import.meta.url), '--inner', row, String(n)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`valgrind failed on ${row}: ${r.stderr.slice(-2000)}`);
    const m = /^(?:summary|totals): (\d+)/m.exec(readFileSync(join(dir, 'out.2'), 'utf8'));
    if (m === null) throw new Error(`no count in callgrind's second dump for ${row}`);
    return Number(m[1]) / n;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--inner') inner(args[1], Number(args[2]));
else {
  const roundsAt = args.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 1;
  const nAt = args.indexOf('--n');
  const nGiven = nAt >= 0 ? Number(args.splice(nAt, 2)[1]) : undefined;
  if (nGiven !== undefined && !(Number.isSafeInteger(nGiven) && nGiven > 0)) throw new Error('--n takes a count of runs');
  const rows = args.length > 0 ? args : [...Object.keys(ROWS), 'eval'];
  console.log('| row | N | instructions a run, by round |\n|---|---:|---|');
  for (const row of rows) {
    if (row !== 'eval' && !(row in ROWS)) throw new Error(`unknown row ${row}: ${Object.keys(ROWS).join(', ')}, eval`);
    const n = nGiven ?? (row === 'eval' ? EVAL_N : ROWS[row][1]);
    const counts: string[] = [];
    for (let r = 0; r < rounds; r++) counts.push(Math.round(perRun(row, n)).toLocaleString('en-US'));
    console.log(`| ${row} | ${n.toLocaleString('en-US')} | ${counts.join('; ')} |`);
  }
}
