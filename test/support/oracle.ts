import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SHARED } from './shared.js';

/** The answers CPython gives, from ../shared/oracle/evaluate.py: `route` is eval or eval-launch. */
export function oracleAnswers(route: 'eval' | 'eval-launch', requestLines: string[]): unknown[] {
  const out = execFileSync('python3', [join(SHARED, 'oracle/evaluate.py'), route], { input: requestLines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
  return out.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
}
