import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/libm-reference.py', import.meta.url));

/** glibc's libm function `name` (its C name) on each argument (`arity` doubles a call, flat), through python3's ctypes. */
export function glibc(name: string, args: Float64Array, arity: 1 | 2 | 3): Float64Array {
  const out = execFileSync('python3', [SCRIPT, name, String(arity)], { input: Buffer.from(args.buffer, args.byteOffset, args.byteLength), maxBuffer: 1 << 28 });
  return new Float64Array(out.buffer, out.byteOffset, out.byteLength / 8).slice();
}

/** A seeded generator of doubles in [0, 1) (mulberry32): the same arguments on every run. */
export function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whether two results are the same double (every NaN one). */
export const same = (a: number, b: number): boolean => Object.is(a, b) || (a !== a && b !== b);
