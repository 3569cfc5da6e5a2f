/**
 * BLAKE2b and BLAKE2s: the own compression (src/lang/runtime/modules/blake2-core.ts) beside
 * @noble/hashes' on the same input, in turns in the same run (mitata's measure; ns per byte,
 * the least of three medians, one digest per sample).
 *   node scripts/run-ts.mjs bench/blake2.ts
 */
import { BLAKE2b, BLAKE2s } from '@noble/hashes/blake2';
import { do_not_optimize, measure } from 'mitata';
import { Blake2b, Blake2s, type Blake2Params } from '../src/lang/runtime/modules/blake2-core.js';

const params = (digestSize: number, pad: number): Blake2Params => ({
  digestSize, key: new Uint8Array(0), salt: new Uint8Array(pad), person: new Uint8Array(pad),
  fanout: 1, depth: 1, leafSize: 0, nodeOffset: 0n, nodeDepth: 0, innerSize: 0, lastNode: false,
});

/** ns per byte of each, the least of three medians taken in turns, so that a busy moment of the shared machine falls on both alike. */
async function perByte(own: () => Uint8Array, noble: () => Uint8Array, bytes: number): Promise<[number, number]> {
  // both optimised before either is timed: the first rows otherwise time V8's tiers as they change
  for (let i = 0; i < 2000; i++) do_not_optimize([own(), noble()]);
  let [a, b] = [Infinity, Infinity];
  for (let round = 0; round < 3; round++) {
    a = Math.min(a, (await measure(() => do_not_optimize(own()))).p50);
    b = Math.min(b, (await measure(() => do_not_optimize(noble()))).p50);
  }
  return [a / bytes, b / bytes];
}

const rows: [string, number, number][] = [];
for (const size of [64, 1024, 65_536]) {
  const data = new Uint8Array(size).map((_, i) => i * 31);
  rows.push([`blake2b, ${size.toLocaleString('en')} bytes`, ...(await perByte(() => {
    const h = Blake2b.create(params(64, 16));
    h.update(data);
    return h.digest();
  }, () => new BLAKE2b({ dkLen: 64 }).update(data).digest(), size))]);
  rows.push([`blake2s, ${size.toLocaleString('en')} bytes`, ...(await perByte(() => {
    const h = Blake2s.create(params(32, 8));
    h.update(data);
    return h.digest();
  }, () => new BLAKE2s({ dkLen: 32 }).update(data).digest(), size))]);
}
console.log(`node ${process.version}, ${process.arch}; medians in ns per byte\n`);
console.log('| hash | own ns/byte | noble ns/byte | own / noble |');
console.log('|---|---:|---:|---:|');
for (const [name, own, noble] of rows) console.log(`| ${name} | ${own.toFixed(2)} | ${noble.toFixed(2)} | ${(own / noble).toFixed(2)}x |`);
