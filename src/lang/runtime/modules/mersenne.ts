/**
 * random.Random(seed)'s generator, as _randommodule.c and Lib/random.py make it: MT19937 seeded
 * by init_by_array with the seed's 32-bit words, random() its 53-bit double, gauss() the
 * Box-Muller pair of random.py, so that NormalDist.samples(n, seed=S) draws CPython's floats
 * bit for bit. Only a seeded generator: an unseeded one draws from the OS, which a condition
 * must not depend on.
 */
import { createHash } from 'node:crypto';
import { work } from '../budget.js';
import { fatalErr, typeErr, UnsupportedError } from '../exceptions.js';
import { pyHashBig } from '../hash.js';
import { intOf } from '../numbers.js';
import { PyByteArray } from '../bytearray.js';
import { PyBytes, PyFloat, PyStrBox, type Py } from '../values.js';
import * as libm from '../libm.js';

const N = 624;
const M = 397;

export class MersenneTwister {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;
  /** gauss()'s second value of the pair, kept for the next call (random.py's gauss_next). */
  private gaussNext: number | null = null;

  constructor(seed: Py) {
    this.initByArray(seedWords(seed));
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, p) + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: Uint32Array): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(p, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(p, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  private next32(): number {
    const mt = this.mt;
    if (this.index >= N) {
      let kk = 0;
      for (; kk < N - M; kk++) {
        const y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < N - 1; kk++) {
        const y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      const y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** genrand_res53. */
  random(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** random.py's gauss(mu, sigma), on floats. */
  gauss(mu: number, sigma: number): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * (2 * Math.PI);
      const g2rad = Math.sqrt(-2.0 * libm.log(1.0 - this.random()));
      z = libm.cos(x2pi) * g2rad;
      this.gaussNext = libm.sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }
}

/**
 * Random.seed(a) (version 2): a str, bytes or bytearray is int.from_bytes(a + sha512(a).digest());
 * then random_seed takes an int's absolute value, any other's hash as a size_t, and cuts it into
 * 32-bit words, least significant first (one 0 for 0).
 */
function seedWords(a: Py): Uint32Array {
  let n: bigint;
  const text = typeof a === 'string' ? a : a instanceof PyStrBox ? a.value : null;
  // str.encode()'s UnicodeEncodeError for a lone surrogate is not built here
  if (text !== null && /\p{Cs}/u.test(text)) throw fatalErr(UnsupportedError, 'a str seed holding a lone surrogate is not supported by the evaluator');
  const octets = text !== null ? new TextEncoder().encode(text) : a instanceof PyBytes || a instanceof PyByteArray ? a.data : null;
  const whole = intOf(a);
  if (octets !== null) {
    work(octets.length);
    const digest = createHash('sha512').update(octets).digest();
    n = BigInt('0x' + Buffer.from(octets).toString('hex') + digest.toString('hex'));
  } else if (whole !== undefined && !(a instanceof PyFloat)) {
    n = BigInt(whole);
    if (n < 0n) n = -n;
  } else if (a instanceof PyFloat) {
    // a NaN's hash is its address since 3.10 (_Py_HashPointer): CPython's draws differ from run to run
    if (Number.isNaN(a.v)) throw fatalErr(UnsupportedError, 'a NaN seed is not supported by the evaluator: its hash, and so the draws, depend on the object\'s address in CPython');
    n = BigInt.asUintN(64, pyHashBig(a));
  }
  else throw typeErr('The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
  // its hex digits, eight a word from the end: linear in the seed's size
  const hex = n.toString(16);
  work(hex.length);
  const words = new Uint32Array(Math.max(1, Math.ceil(hex.length / 8)));
  for (let i = 0, end = hex.length; end > 0; i++, end -= 8) words[i] = parseInt(hex.slice(Math.max(0, end - 8), end), 16);
  return words;
}
