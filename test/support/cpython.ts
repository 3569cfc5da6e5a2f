import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConditionError, Engine, PyException, describeException, parseJson, PyDict, singleHighs, type Py } from '../../src/lang/index.js';
import { repr } from '../../src/lang/runtime/repr.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/cpython-cases.py', import.meta.url));

export interface Case {
  source: string;
  log?: Record<string, unknown>;
  data?: Record<string, unknown>;
}

export interface Outcome {
  repr?: string;
  data?: unknown;
  error?: string;
}

const DEFAULT_LOG = { Text: "Waiting up to 2.430 seconds for the ACD's to finish moving.", Thread: 'Thread-221855', Line: '306', Array: 'Array16-ACA' };

/**
 * CPython's answers for a table of condition bodies, all in one python3 process, with
 * PYTHONHASHSEED=0: the evaluator lays sets out as CPython does with that seed.
 */
export function cpython(cases: Case[]): Outcome[] {
  const out = execFileSync('python3', PYTHON_ARGS, { input: casesInput(cases), encoding: 'utf8', maxBuffer: 1 << 28, env: PYTHON_ENV });
  return out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

// -W ignore: CPython's SyntaxWarnings about the tables' deliberate mistakes are noise here
const PYTHON_ARGS = ['-W', 'ignore', SCRIPT];
const PYTHON_ENV = { ...process.env, PYTHONHASHSEED: '0' };
const casesInput = (cases: Case[]): string => cases.map((c) => JSON.stringify({ source: c.source, log: c.log ?? DEFAULT_LOG, data: c.data ?? {} })).join('\n') + '\n';

/**
 * cpython() in the background: one python3 process, started now, answers the cases one after
 * another while the caller goes on (the evaluator's side of a slow test runs meanwhile); each
 * promise settles when its case's line arrives.
 */
export function cpythonInBackground(cases: Case[]): Promise<Outcome>[] {
  const settle: [(o: Outcome) => void, (e: Error) => void][] = [];
  const answers = cases.map(() => new Promise<Outcome>((resolve, reject) => settle.push([resolve, reject])));
  // -u: each line as it is written, not when the process ends
  const child = spawn('python3', ['-u', ...PYTHON_ARGS], { env: PYTHON_ENV, stdio: ['pipe', 'pipe', 'inherit'] });
  let pending = '';
  let next = 0;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const l of lines) if (l !== '') settle[next++][0](JSON.parse(l));
  });
  child.on('close', (code) => {
    for (; next < settle.length; next++) settle[next][1](new Error(`python3 ended (${code}) before answering case ${next}`));
  });
  child.stdin.end(casesInput(cases));
  return answers;
}

/** The evaluator's answer for the same case, in the same shape. */
export function evaluator(engine: Engine, c: Case): Outcome {
  const program = engine.compile(c.source, 'standard');
  if (program instanceof ConditionError) return { error: `${['IndentationError', 'RecursionError', 'MemoryError'].includes(program.type) ? program.type : 'SyntaxError'}: ${program.message}` };
  const log = parseJson(JSON.stringify(c.log ?? DEFAULT_LOG)) as PyDict;
  const text = (log.m.get('Text') as string).replace(/\n/g, ' ');
  log.m.set('Text', text);
  try {
    const r = engine.runStandard(program, log, text, parseJson(JSON.stringify(c.data ?? {})) as Py);
    const out: Outcome = { repr: repr(r.value) };
    if (r.truthy) out.data = JSON.parse(JSON.stringify(toPlain(r.data)));
    return out;
  } catch (e) {
    if (e instanceof PyException) return { error: describeException(e) };
    throw e;
  }
}

function toPlain(v: Py): unknown {
  // the keys as put (v.key): a long str is filed under its digest (keys.ts longKey)
  if (v instanceof PyDict) return Object.fromEntries([...v.m].map(([k, x]) => [toPlain(v.key(k)), toPlain(x)]));
  // a lone high surrogate is held as its unit twice (codepoints.ts): one unit in JSON, as the service writes it
  if (typeof v === 'string') return singleHighs(v);
  if (Array.isArray(v)) return v.map(toPlain);
  if (v !== null && typeof v === 'object' && 'v' in v) return v.v;
  // CPython's side is read by JSON.parse too, which rounds a big int the same way
  if (typeof v === 'bigint') return Number(v);
  return v;
}

/** The documented deviation: values have a size limit. */
export const DEVIATIONS = /^MemoryError: condition built a value of/;

/** An engine with the clock lifted (the steps still bound a run), where an answer, not a time, is checked. */
export const clockLifted = (): Engine => new Engine({ maxMillis: 60_000, requestMillis: 60_000 });

/**
 * Both answers for every case, with the mismatches listed: the test expects none.
 * `excuseDeviations` passes the cases where the evaluator raised one of its documented DEVIATIONS.
 * The clock is lifted (the steps still bound a run): an answer does not depend on the machine's
 * speed, and a condition that took 20 ms here ran out of the 50 ms clock on one 2.5 times slower.
 */
export function compareWithCPython(sources: (string | Case)[], engine = clockLifted(), excuseDeviations = false): string[] {
  const cases = sources.map((s) => (typeof s === 'string' ? { source: s } : s));
  const expected = cpython(cases);
  return cases.flatMap((c, i) => {
    const got = evaluator(engine, c);
    const want = expected[i];
    if (excuseDeviations && DEVIATIONS.test(got.error ?? '')) return [];
    // syntax errors: same class; CPython's wording differs from the evaluator's position-first messages
    if (want.error?.startsWith('SyntaxError') || want.error?.startsWith('IndentationError')) {
      return got.error?.split(':')[0] === want.error.split(':')[0] ? [] : [`${JSON.stringify(c.source)}: got ${JSON.stringify(got)}, CPython ${JSON.stringify(want)}`];
    }
    return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${JSON.stringify(c.source)}: got ${JSON.stringify(got)}, CPython ${JSON.stringify(want)}`];
  });
}
