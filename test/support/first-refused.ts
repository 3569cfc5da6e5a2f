import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConditionError, type Engine } from '../../src/lang/index.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/cpython-first-refused.py', import.meta.url));

/** A condition that grows with n: head + open*n + core + close*n + tail. */
export interface Growing {
  parts: [head: string, open: string, core: string, close: string, tail: string];
  /** A size past every limit, where the search starts. */
  hi: number;
}

export interface Refusal {
  /** The least n that does not compile, or null. */
  n: number | null;
  error?: string;
}

export function grown({ parts: [head, open, core, close, tail] }: Growing, n: number): string {
  return head + open.repeat(n) + core + close.repeat(n) + tail;
}

/** Where CPython (as the original compiled conditions) first refuses each condition, all in one python3 process. */
export function cpythonFirstRefused(cases: Growing[]): Refusal[] {
  const input = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
  const out = execFileSync('python3', ['-W', 'ignore', SCRIPT], { input, encoding: 'utf8', maxBuffer: 1 << 26 });
  return out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** Why the evaluator refuses a condition, in CPython's words (`MemoryError: ` for a bare one), or null if it compiles. */
export function evaluatorRefusal(engine: Engine, body: string): string | null {
  const program = engine.compile(body, 'standard');
  return program instanceof ConditionError ? `${program.type}: ${program.message}` : null;
}

/** The same search as scripts/cpython-first-refused.py's, on the evaluator. */
export function evaluatorFirstRefused(engine: Engine, c: Growing): Refusal {
  let hi = c.hi;
  if (evaluatorRefusal(engine, grown(c, hi)) === null) return { n: null };
  let lo = 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (evaluatorRefusal(engine, grown(c, mid)) === null) lo = mid;
    else hi = mid;
  }
  return { n: hi, error: evaluatorRefusal(engine, grown(c, hi))! };
}
