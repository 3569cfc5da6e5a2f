import { setFlagsFromString } from 'node:v8';
import { bmpSets } from './unicode-classes.js';
import { codePoints, OwnPattern } from './re/engine.js';
import { fillCaseTables } from './re/case.js';

// A pattern that backtracks too much switches to V8's linear-time engine instead of
// hanging the worker: `(a+)+$` on 'aaaa…b' answers in milliseconds. The 'l' flag asks
// for that engine from the start, and tells whether it can run a pattern at all. Patterns
// known to be ambiguous start there (re-safety.ts), so the switch is a safety net, made
// late: V8's 50,000 backtracks are soon reached by an ordinary pattern on a long text
// (up to (\d+\.\d+) s on 'up to 1' * 100000: 140 ms on the linear engine, 1 ms without).
export const FALLBACK_BACKTRACKS = 20_000_000;

let enabled = false;

/**
 * Sets V8's process-wide regexp flags; the Engine's constructor calls it, before any pattern
 * compiles (re.ts's linear-engine test needs them), makes Python's Unicode classes and warms
 * the own engine up. Idempotent.
 */
export function enableRegexEngines(): void {
  if (enabled) return;
  enabled = true;
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  setFlagsFromString(`--regexp-backtracks-before-fallback=${FALLBACK_BACKTRACKS}`);
  setFlagsFromString('--enable-experimental-regexp-engine');
  bmpSets();
  // the own engine's code compiled by V8 before a run needs it (some 10-50 ms the first time), and its case tables
  fillCaseTables();
  new OwnPattern('(?i:(a)|[b-z\\w])*+(?>c)(?(1)d|e)(?<=e)', 0).exec('g', codePoints('ſac de'), 0);
}
