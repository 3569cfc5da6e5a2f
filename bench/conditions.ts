/**
 * Compile and run times of typical conditions, each against a hand-written JS function
 * doing the same work, measured first in the same run (mitata's measure; medians).
 *   npm run bench:conditions
 */
import { do_not_optimize, measure } from 'mitata';
import { compileProgram } from '../src/lang/compiler.js';
import { Engine, parseJson, PyDict, type Program } from '../src/lang/index.js';
import { ENVELOPES } from '../src/lang/engine.js';
import { DEFAULT_LIMITS } from '../src/lang/limits.js';
import { parse } from '../src/lang/parser.js';

const LOG_JSON = JSON.stringify({
  File: 'LocalOscillatorThread.java', SourceObject: 'CONTROL/Array16-ACA', LogId: '8310895', Thread: 'Thread-221855', Line: '306',
  Text: "Waiting up to 2.405 seconds for the ACD's to finish moving.", Process: 'CONTROL/ACC/javaContainer', Routine: 'waitForACD',
  Audience: 'Developer', Host: 'gas01', LogLevel: 'Debug', Array: 'Array16-ACA', Origin: 'APE2', '@timestamp': '2019-10-13T14:22:50.836Z',
});

interface Case {
  name: string;
  source: string;
  /** The log's Text, when not the usual one. */
  text?: string;
  /** The same work, written by hand in JS on plain objects. */
  baseline: (log: Record<string, string>, text: string, data: Record<string, number>) => unknown;
}

const SECONDS = /up to (\d+\.\d+) seconds/;
const SECONDS_PARTS = /up to (\d+)\.(\d+) seconds/;

/** A log text beyond the BMP (an emoji and a mathematical letter) and accented: code points count. */
const WIDE = 'Antenna 🚀 DV01 moved to 𝛼=12.5° in élévation mode: waiting up to 2.405 seconds';
const WORD = /[\p{L}\p{N}_]+/gu;

/** Two strings' order by code points, as Python orders them. */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

const CASES: Case[] = [
  {
    name: 'substring test',
    source: `return "Waiting up to 2.405 seconds" in text`,
    baseline: (_log, text) => text.includes('Waiting up to 2.405 seconds'),
  },
  {
    name: 'dict lookup',
    source: `return log['Thread'] == "Thread-221855" and log.get('LogLevel') == 'Debug'`,
    baseline: (log) => {
      if (!('Thread' in log)) throw new Error("KeyError: 'Thread'");
      return log.Thread === 'Thread-221855' && (log.LogLevel ?? null) === 'Debug';
    },
  },
  {
    name: 'regex search with a capture',
    source: `import re\nm = re.search(r"up to (\\d+\\.\\d+) seconds", text)\nreturn m is not None and float(m.group(1)) > 2.4`,
    baseline: (_log, text) => {
      const m = SECONDS.exec(text);
      return m !== null && Number(m[1]) > 2.4;
    },
  },
  {
    // an atomic group: the own engine's (re/), charged per step, where V8 has none
    name: 'regex search, atomic group (own engine)',
    source: `import re\nm = re.search(r"up to (?>(\\d+)\\.)(\\d+) seconds", text)\nreturn m is not None and float(m.group(1) + '.' + m.group(2)) > 2.4`,
    baseline: (_log, text) => {
      const m = SECONDS_PARTS.exec(text);
      return m !== null && Number(m[1] + '.' + m[2]) > 2.4;
    },
  },
  {
    name: 'context counter',
    source: `data['count'] = data.get('count', 0) + 1\nreturn data['count'] >= 2`,
    baseline: (_log, _text, data) => {
      // the condition may change data only if it is true: the hand-written one copies too
      const copy = { ...data };
      copy.count = (copy.count ?? 0) + 1;
      return copy.count >= 2;
    },
  },
  {
    name: 'membership in a constant set',
    source: `return log['Thread'] in {'Thread-1', 'Thread-2', 'Thread-221855', 'Thread-9'}`,
    baseline: (log) => THREADS.has(log.Thread),
  },
  {
    name: 'a set of words',
    source: `return len(set(text.split())) > 5`,
    baseline: (_log, text) => new Set(text.split(' ')).size > 5,
  },
  {
    name: 'def call',
    source: `def seconds(t, start='up to '):\n    i = t.find(start) + len(start)\n    return float(t[i:t.index(' ', i)])\nreturn seconds(text) > 2.4`,
    baseline: (_log, text) => {
      const i = text.indexOf('up to ') + 6;
      return Number(text.slice(i, text.indexOf(' ', i))) > 2.4;
    },
  },
  {
    name: 'big ints: a nanosecond timestamp',
    source: `t = 1653097992898123456 + int(log['LogId'])\nreturn t // 1000000 % 1000 == 906 and t > 2**60`,
    baseline: (log) => {
      const t = 1653097992898123456n + BigInt(log.LogId);
      return (t / 1000000n) % 1000n === 906n && t > 2n ** 60n;
    },
  },
  {
    name: 'big ints: FNV-1a of the text, 64-bit',
    source: `h = 14695981039346656037\nfor c in text:\n    h = ((h ^ ord(c)) * 1099511628211) & 0xffffffffffffffff\nreturn h % 7 != 0`,
    baseline: (_log, text) => {
      let h = 14695981039346656037n;
      for (const c of text) h = ((h ^ BigInt(c.codePointAt(0)!)) * 1099511628211n) & 0xffffffffffffffffn;
      return h % 7n !== 0n;
    },
  },
  {
    name: 'big ints: grouped digits',
    source: `return f"{2**64 + int(log['LogId']):,}".startswith('18,446')`,
    baseline: (log) => (2n ** 64n + BigInt(log.LogId)).toLocaleString('en-US').startsWith('18,446'),
  },
  {
    name: 'non-BMP text: len, index, slice',
    source: `return len(text) > 20 and text[8] == '🚀' and text[10:14] == 'DV01'`,
    text: WIDE,
    baseline: (_log, text) => {
      const chars = Array.from(text);
      return chars.length > 20 && chars[8] === '🚀' && chars.slice(10, 14).join('') === 'DV01';
    },
  },
  {
    name: 'non-BMP text: find and max',
    source: `return text.find('DV01') == 10 and max(text.split()) == '🚀'`,
    text: WIDE,
    baseline: (_log, text) => Array.from(text.slice(0, text.indexOf('DV01'))).length === 10 && text.split(' ').reduce((a, b) => (byCodePoint(b, a) > 0 ? b : a)) === '🚀',
  },
  {
    name: 'non-BMP text: Unicode \\w+',
    source: `import re\nreturn len(re.findall(r'\\w+', text)) == 16`,
    text: WIDE,
    baseline: (_log, text) => (text.match(WORD) ?? []).length === 16,
  },
  {
    name: 'datetime.strptime of @timestamp',
    source: `from datetime import datetime\nt = datetime.strptime(log['@timestamp'], '%Y-%m-%dT%H:%M:%S.%fZ')\nreturn t.hour == 14 and t.microsecond > 0`,
    baseline: (log) => {
      const m = TIMESTAMP.exec(log['@timestamp']);
      if (m === null) throw new Error(`ValueError: time data does not match format`);
      const t = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
      return t.getUTCHours() === 14 && Number(m[7].padEnd(6, '0')) > 0;
    },
  },
  {
    name: 'Counter update',
    source: `from collections import Counter\nc = Counter(text.split())\nc.update([log['Thread']])\nreturn c['up'] == 1 and c.most_common(1)[0][1] == 1`,
    baseline: (log, text) => {
      const c = new Map<string, number>();
      for (const w of text.split(' ')) c.set(w, (c.get(w) ?? 0) + 1);
      c.set(log.Thread, (c.get(log.Thread) ?? 0) + 1);
      return c.get('up') === 1 && Math.max(...c.values()) === 1;
    },
  },
];

const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})T(\d{1,2}):(\d{1,2}):(\d{1,2})\.(\d{1,6})Z$/;

const THREADS = new Set(['Thread-1', 'Thread-2', 'Thread-221855', 'Thread-9']);

export interface Row {
  name: string;
  compile_us: number;
  run_us: number;
  baseline_us: number;
  ratio: number;
}

async function median(fn: () => unknown): Promise<number> {
  const stats = await measure(() => do_not_optimize(fn()));
  return stats.p50 / 1000;
}

async function main(): Promise<void> {
  const engine = new Engine();
  const rows: Row[] = [];
  for (const c of CASES) {
    const logJson = c.text === undefined ? LOG_JSON : JSON.stringify({ ...JSON.parse(LOG_JSON), Text: c.text });
    const plainLog = JSON.parse(logJson) as Record<string, string>;
    const plainData = { count: 1 };
    const baseline_us = await median(() => c.baseline(plainLog, plainLog.Text, plainData));
    const log = parseJson(logJson) as PyDict;
    const text = log.m.get('Text') as string;
    const data = parseJson('{"count": 1}');
    const program = engine.compile(c.source, 'standard') as Program;
    const check = engine.runStandard(program, log, text, data);
    if (check.truthy !== Boolean(c.baseline(plainLog, plainLog.Text, { count: 1 }))) throw new Error(`${c.name}: the baseline disagrees`);
    const run_us = await median(() => engine.runStandard(program, log, text, data));
    // compile without the cache: parse and closure generation every time
    const compile_us = await median(() => compileProgram(parse(c.source, DEFAULT_LIMITS), c.source, ENVELOPES.standard));
    rows.push({ name: c.name, compile_us, run_us, baseline_us, ratio: run_us / baseline_us });
  }
  report(rows);
}

function report(rows: Row[]): void {
  const fmt = (n: number) => (n < 1 ? n.toFixed(3) : n.toFixed(2));
  console.log(`node ${process.version}, ${process.arch}; medians in µs; targets: compile <= 50, run <= 1, run <= 3x baseline\n`);
  console.log('| condition | compile µs | run µs | hand-written JS µs | run / JS |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${fmt(r.compile_us)} | ${fmt(r.run_us)} | ${fmt(r.baseline_us)} | ${r.ratio.toFixed(1)}x |`);
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
}

await main();
