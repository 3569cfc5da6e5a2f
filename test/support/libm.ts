import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { random } from '../../src/bench/workload.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/libm-reference.py', import.meta.url));

/** glibc's libm function `name` (its C name) on each argument (`arity` doubles a call, flat), through python3's ctypes. */
export function glibc(name: string, args: Float64Array, arity: 1 | 2 | 3): Float64Array {
  const out = execFileSync('python3', [SCRIPT, name, String(arity)], { input: Buffer.from(args.buffer, args.byteOffset, args.byteLength), maxBuffer: 1 << 28 });
  return new Float64Array(out.buffer, out.byteOffset, out.byteLength / 8).slice();
}

/** A seeded generator of doubles in [0, 1): the benchmarks' mulberry32, so the same arguments on every run. */
export const uniform = random;

/** Whether two results are the same double (every NaN one). */
export const same = (a: number, b: number): boolean => Object.is(a, b) || (a !== a && b !== b);
