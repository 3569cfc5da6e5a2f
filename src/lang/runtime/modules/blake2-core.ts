/**
 * BLAKE2b and BLAKE2s as RFC 7693 gives them, with the whole parameter block of the BLAKE2
 * paper (section 2.5: fanout, depth, leaf length, node offset, node depth, inner length) and
 * the last-node flag f1 that a tree's last node sets on its final block, which no library
 * on npm lets one set. A 64-bit word of BLAKE2b is a pair of 32-bit halves (low, high).
 */

export interface Blake2Params {
  readonly digestSize: number;
  readonly key: Uint8Array;
  /** Zero-padded to the variant's size by the caller, as CPython does. */
  readonly salt: Uint8Array;
  readonly person: Uint8Array;
  readonly fanout: number;
  readonly depth: number;
  readonly leafSize: number;
  readonly nodeOffset: bigint;
  readonly nodeDepth: number;
  readonly innerSize: number;
  readonly lastNode: boolean;
}

/** The message word order of each round (RFC 7693 section 2.7); BLAKE2b's rounds 10 and 11 repeat rows 0 and 1. */
const SIGMA = Uint8Array.from([
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
  11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
  7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
  9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
  2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
  12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
  13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
  6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
  10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
]);

/** BLAKE2s's IV (SHA-256's); BLAKE2b's is SHA-512's, here as (low, high) halves. */
const IV_S = Uint32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const IV_B = Uint32Array.from([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
  0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

const TWO32 = 0x100000000;

/** The message block's words and the work vector: scratch that each compression fills before use, so one pair serves every state. */
const m = new Uint32Array(32);
const v = new Uint32Array(32);

/** A running BLAKE2 state: the chain value, the block held back (the last one is compressed with f0 set), and the byte count. */
export abstract class Blake2 {
  /** Bytes of the block held back; a full block is compressed only once more input follows. */
  protected pos = 0;
  /** Bytes compressed so far, the counter t (below 2**53: far past what a run may hash). */
  protected count = 0;

  constructor(
    readonly digestSize: number,
    protected readonly lastNode: boolean,
    protected readonly h: Uint32Array,
    protected readonly block: Uint8Array,
  ) {}

  protected abstract compress(data: Uint8Array, at: number, last: boolean): void;
  protected abstract make(): Blake2;

  /** The key, zero-padded to a block, is the first block (RFC 7693 section 3.3). */
  protected start(key: Uint8Array): void {
    if (key.length === 0) return;
    this.block.set(key);
    this.pos = this.block.length;
  }

  update(data: Uint8Array): void {
    const size = this.block.length;
    let at = 0;
    while (at < data.length) {
      if (this.pos === size) {
        this.count += size;
        this.compress(this.block, 0, false);
        this.pos = 0;
      }
      // whole blocks straight from the input, all but one that may be the last
      if (this.pos === 0) {
        while (data.length - at > size) {
          this.count += size;
          this.compress(data, at, false);
          at += size;
        }
      }
      const take = Math.min(size - this.pos, data.length - at);
      this.block.set(data.subarray(at, at + take), this.pos);
      this.pos += take;
      at += take;
    }
  }

  /** The digest of what was fed so far; the state goes on unchanged. */
  digest(): Uint8Array {
    const c = this.copy();
    c.count += c.pos;
    c.block.fill(0, c.pos);
    c.compress(c.block, 0, true);
    const out = new Uint8Array(this.digestSize);
    for (let i = 0; i < out.length; i++) out[i] = c.h[i >> 2] >>> (8 * (i & 3));
    return out;
  }

  copy(): Blake2 {
    const c = this.make();
    c.h.set(this.h);
    c.block.set(this.block);
    c.pos = this.pos;
    c.count = this.count;
    return c;
  }
}

/** The little-endian words of the parameter block, XORed into the IV as the initial chain value. */
function initial(iv: Uint32Array, block: Uint8Array): Uint32Array {
  const h = Uint32Array.from(iv);
  for (let i = 0; i < h.length; i++) h[i] ^= block[4 * i] | (block[4 * i + 1] << 8) | (block[4 * i + 2] << 16) | (block[4 * i + 3] << 24);
  return h;
}

function readWords(m: Uint32Array, n: number, data: Uint8Array, at: number): void {
  for (let i = 0; i < n; i++, at += 4) m[i] = data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24);
}

/** Little-endian bytes of n (below 2**64), from byte `at` of the parameter block, `bytes` long. */
function putLE(p: Uint8Array, at: number, n: bigint, bytes: number): void {
  const lo = Number(n & 0xffffffffn);
  const hi = Number(n >> 32n);
  for (let i = 0; i < bytes; i++) p[at + i] = (i < 4 ? lo >>> (8 * i) : hi >>> (8 * (i - 4))) & 0xff;
}

/** BLAKE2b: 12 rounds over 64-bit words, as (low, high) pairs of 32-bit ones. */
export class Blake2b extends Blake2 {
  static create(p: Blake2Params): Blake2b {
    const block = new Uint8Array(64);
    block[0] = p.digestSize;
    block[1] = p.key.length;
    block[2] = p.fanout;
    block[3] = p.depth;
    putLE(block, 4, BigInt(p.leafSize), 4);
    putLE(block, 8, p.nodeOffset, 8);
    block[16] = p.nodeDepth;
    block[17] = p.innerSize;
    block.set(p.salt, 32);
    block.set(p.person, 48);
    const b = new Blake2b(p.digestSize, p.lastNode, initial(IV_B, block), new Uint8Array(128));
    b.start(p.key);
    return b;
  }

  protected make(): Blake2 {
    return new Blake2b(this.digestSize, this.lastNode, new Uint32Array(16), new Uint8Array(128));
  }

  protected compress(data: Uint8Array, at: number, last: boolean): void {
    const h = this.h;
    readWords(m, 32, data, at);
    v.set(h);
    v.set(IV_B, 16);
    v[24] ^= this.count % TWO32;
    v[25] ^= this.count / TWO32;
    if (last) {
      v[28] = ~v[28];
      v[29] = ~v[29];
      if (this.lastNode) {
        v[30] = ~v[30];
        v[31] = ~v[31];
      }
    }
    for (let r = 0; r < 12; r++) {
      const s = r * 16;
      g64(v, m, 0, 8, 16, 24, SIGMA[s], SIGMA[s + 1]);
      g64(v, m, 2, 10, 18, 26, SIGMA[s + 2], SIGMA[s + 3]);
      g64(v, m, 4, 12, 20, 28, SIGMA[s + 4], SIGMA[s + 5]);
      g64(v, m, 6, 14, 22, 30, SIGMA[s + 6], SIGMA[s + 7]);
      g64(v, m, 0, 10, 20, 30, SIGMA[s + 8], SIGMA[s + 9]);
      g64(v, m, 2, 12, 22, 24, SIGMA[s + 10], SIGMA[s + 11]);
      g64(v, m, 4, 14, 16, 26, SIGMA[s + 12], SIGMA[s + 13]);
      g64(v, m, 6, 8, 18, 28, SIGMA[s + 14], SIGMA[s + 15]);
    }
    for (let i = 0; i < 16; i++) h[i] ^= v[i] ^ v[i + 16];
  }
}

/**
 * The mixing function G on words a, b, c, d (indexes of their low halves) with message words
 * x and y; a Uint32Array keeps each sum modulo 2**32, the carry goes to the high half.
 */
function g64(v: Uint32Array, m: Uint32Array, a: number, b: number, c: number, d: number, x: number, y: number): void {
  let lo = v[a] + v[b] + m[2 * x];
  v[a + 1] = v[a + 1] + v[b + 1] + m[2 * x + 1] + ((lo / TWO32) | 0);
  v[a] = lo;
  // d = (d ^ a) >>> 32: the halves swap
  let dl = v[d] ^ v[a];
  v[d] = v[d + 1] ^ v[a + 1];
  v[d + 1] = dl;
  lo = v[c] + v[d];
  v[c + 1] = v[c + 1] + v[d + 1] + ((lo / TWO32) | 0);
  v[c] = lo;
  // b = (b ^ c) >>> 24
  let bl = v[b] ^ v[c];
  let bh = v[b + 1] ^ v[c + 1];
  v[b] = (bl >>> 24) | (bh << 8);
  v[b + 1] = (bh >>> 24) | (bl << 8);
  lo = v[a] + v[b] + m[2 * y];
  v[a + 1] = v[a + 1] + v[b + 1] + m[2 * y + 1] + ((lo / TWO32) | 0);
  v[a] = lo;
  // d = (d ^ a) >>> 16
  dl = v[d] ^ v[a];
  const dh = v[d + 1] ^ v[a + 1];
  v[d] = (dl >>> 16) | (dh << 16);
  v[d + 1] = (dh >>> 16) | (dl << 16);
  lo = v[c] + v[d];
  v[c + 1] = v[c + 1] + v[d + 1] + ((lo / TWO32) | 0);
  v[c] = lo;
  // b = (b ^ c) >>> 63, that is a rotation left by 1
  bl = v[b] ^ v[c];
  bh = v[b + 1] ^ v[c + 1];
  v[b] = (bl << 1) | (bh >>> 31);
  v[b + 1] = (bh << 1) | (bl >>> 31);
}

/** BLAKE2s: 10 rounds over 32-bit words; its node offset has 48 bits. */
export class Blake2s extends Blake2 {
  static create(p: Blake2Params): Blake2s {
    const block = new Uint8Array(32);
    block[0] = p.digestSize;
    block[1] = p.key.length;
    block[2] = p.fanout;
    block[3] = p.depth;
    putLE(block, 4, BigInt(p.leafSize), 4);
    putLE(block, 8, p.nodeOffset, 6);
    block[14] = p.nodeDepth;
    block[15] = p.innerSize;
    block.set(p.salt, 16);
    block.set(p.person, 24);
    const s = new Blake2s(p.digestSize, p.lastNode, initial(IV_S, block), new Uint8Array(64));
    s.start(p.key);
    return s;
  }

  protected make(): Blake2 {
    return new Blake2s(this.digestSize, this.lastNode, new Uint32Array(8), new Uint8Array(64));
  }

  protected compress(data: Uint8Array, at: number, last: boolean): void {
    const h = this.h;
    readWords(m, 16, data, at);
    v.set(h);
    v.set(IV_S, 8);
    v[12] ^= this.count % TWO32;
    v[13] ^= this.count / TWO32;
    if (last) {
      v[14] = ~v[14];
      if (this.lastNode) v[15] = ~v[15];
    }
    for (let r = 0; r < 10; r++) {
      const s = r * 16;
      g32(v, m, 0, 4, 8, 12, SIGMA[s], SIGMA[s + 1]);
      g32(v, m, 1, 5, 9, 13, SIGMA[s + 2], SIGMA[s + 3]);
      g32(v, m, 2, 6, 10, 14, SIGMA[s + 4], SIGMA[s + 5]);
      g32(v, m, 3, 7, 11, 15, SIGMA[s + 6], SIGMA[s + 7]);
      g32(v, m, 0, 5, 10, 15, SIGMA[s + 8], SIGMA[s + 9]);
      g32(v, m, 1, 6, 11, 12, SIGMA[s + 10], SIGMA[s + 11]);
      g32(v, m, 2, 7, 8, 13, SIGMA[s + 12], SIGMA[s + 13]);
      g32(v, m, 3, 4, 9, 14, SIGMA[s + 14], SIGMA[s + 15]);
    }
    for (let i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
  }
}

/** G over 32-bit words, rotating right by 16, 12, 8 and 7. */
function g32(v: Uint32Array, m: Uint32Array, a: number, b: number, c: number, d: number, x: number, y: number): void {
  v[a] = v[a] + v[b] + m[x];
  let t = v[d] ^ v[a];
  v[d] = (t >>> 16) | (t << 16);
  v[c] = v[c] + v[d];
  t = v[b] ^ v[c];
  v[b] = (t >>> 12) | (t << 20);
  v[a] = v[a] + v[b] + m[y];
  t = v[d] ^ v[a];
  v[d] = (t >>> 8) | (t << 24);
  v[c] = v[c] + v[d];
  t = v[b] ^ v[c];
  v[b] = (t >>> 7) | (t << 25);
}
