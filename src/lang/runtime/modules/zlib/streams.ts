/**
 * The loops of CPython 3.11's Modules/zlibmodule.c over pako's port of zlib: level 0's output
 * made into blocks of _BlocksOutputBuffer's sizes (32 KiB, 64 KiB, 256 KiB, 1 MiB, ...), which
 * deflate's stored blocks depend on, so that it writes CPython's bytes too; the rest into blocks
 * that start small. Every block is within the size limit and paid for as it is filled: a small
 * input that inflates to gigabytes is a MemoryError after the limit's worth of output, not after
 * the gigabytes; deflate reads in slices and inflate writes in windows, the clock looked at after each.
 */
import ZStream from 'pako2/lib/zlib/zstream.js';
import { deflate } from 'pako2/lib/zlib/deflate.js';
import { inflate } from 'pako2/lib/zlib/inflate.js';
import { charge, checkClock, checkSize, work } from '../../budget.js';
import { Exception, pyErr, typeErr } from '../../exceptions.js';
import { PyException, PyType } from '../../values.js';

export const Z_OK = 0;
export const Z_STREAM_END = 1;
export const Z_NEED_DICT = 2;
export const Z_STREAM_ERROR = -2;
export const Z_DATA_ERROR = -3;
export const Z_MEM_ERROR = -4;
export const Z_BUF_ERROR = -5;
export const Z_NO_FLUSH = 0;
export const Z_SYNC_FLUSH = 2;
export const Z_FINISH = 4;

/** zlib.error: PyErr_NewException's, an Exception. */
export const ZLIB_ERROR: PyType = new PyType('zlib.error', (args, kw) => {
  if (kw !== null && kw.size !== 0) throw typeErr('error() takes no keyword arguments');
  return new PyException(ZLIB_ERROR, args);
}, Exception, true);

/** zlib_error: zlib's message for the stream (or the code's own), in CPython's words. */
export function zlibError(strm: ZStream, err: number, what: string): PyException {
  // pako's "no message" is '' where zlib's is NULL
  let zmsg: string | null = strm.msg === '' ? null : strm.msg;
  if (zmsg === null) zmsg = err === Z_BUF_ERROR ? 'incomplete or truncated stream' : err === Z_STREAM_ERROR ? 'inconsistent stream state' : err === Z_DATA_ERROR ? 'invalid input data' : null;
  return pyErr(ZLIB_ERROR, zmsg === null ? `Error ${err} ${what}` : `Error ${err} ${what}: ${zmsg.slice(0, 200)}`);
}

/** BUFFER_BLOCK_SIZE of pycore_blocks_output_buffer.h: each block's size, the last repeated. */
const BLOCK_SIZES = [32, 64, 256, 1024, 4096, 8192, 16384, 16384, 32768, 32768, 32768, 32768, 65536, 65536, 131072, 131072, 262144].map((k) => k * 1024);

/** Steps for a call's own work: its output buffer, its state's checks, its look at the clock (a loop of empty calls measured some 4 µs each). */
const CALL_STEPS = 8;

/** The first block where CPython's sizes are not needed. */
const SMALL_FIRST = 512;

/** What deflate is charged a byte of input, in steps: some 30 ns a byte at level 6 on text, which a step's 0.5 µs pays twice over. */
const DEFLATE_STEPS = 1 / 16;

/**
 * Input deflate reads in one call at most: zlib's output for levels 1 to 9 does not depend on
 * how the input is cut between calls, and its slowest inputs cost microseconds a byte (level 9
 * on three letters), so the clock is looked at between slices. Level 0's stored blocks do
 * depend on it, and copy at memcpy's speed: they are given the input whole, as CPython gives it.
 */
const DEFLATE_SLICE = 1024;

/** The most output inflate makes in one call: its blocks' sizes change nothing of the output. */
const INFLATE_ROOM = 1 << 16;

/**
 * _BlocksOutputBuffer: the output so far, in blocks, with a cap (max_length) or none (-1).
 * `exact`: CPython's block sizes, which level 0's stored blocks depend on; otherwise blocks
 * that start small and double (inflate's output and deflate's at levels 1 to 9 are the same
 * whatever room each call is given), so a loop of small calls does not allocate 32 KiB each.
 */
export class Output {
  private readonly blocks: Uint8Array[] = [];
  private allocated = 0;
  constructor(private readonly strm: ZStream, private readonly max: number, private readonly exact: boolean, first?: number) {
    // each call that makes output (a compress, a flush, a decompress) does some microseconds of work besides its bytes
    charge(CALL_STEPS);
    this.grow(first);
  }

  /** The output's size so far, the free room of the last block left out. */
  size(): number {
    return this.allocated - this.strm.avail_out;
  }

  /** Another block, as OutputBuffer_Grow makes it; false where max_length is reached. */
  grow(size?: number): boolean {
    const k = this.blocks.length;
    let n = size ?? (this.exact ? BLOCK_SIZES[Math.min(k, BLOCK_SIZES.length - 1)] : Math.min(SMALL_FIRST * 2 ** k, 1 << 20));
    if (this.max >= 0) {
      if (this.allocated >= this.max) return false;
      n = Math.min(n, this.max - this.allocated);
    }
    // the output made so far within the limit; the new block's room is not yet a value, but its allocation is paid for
    checkSize(this.allocated);
    charge(n / 1024);
    const block = new Uint8Array(n);
    this.blocks.push(block);
    this.allocated += n;
    this.strm.output = block;
    this.strm.next_out = 0;
    this.strm.avail_out = n;
    return true;
  }

  /** OutputBuffer_Finish: the blocks' filled octets, as one. */
  finish(): Uint8Array {
    const n = this.size();
    checkSize(n);
    work(n);
    if (this.blocks.length === 1) return this.blocks[0].length === n ? this.blocks[0] : this.blocks[0].slice(0, n);
    const out = new Uint8Array(n);
    let at = 0;
    for (const b of this.blocks) {
      const take = Math.min(b.length, n - at);
      out.set(b.subarray(0, take), at);
      at += take;
    }
    return out;
  }
}

/**
 * deflate(strm, flush) over the input given, as one call of zlib's: in slices (but for level 0),
 * each paid for, with a look at the clock after it. Returns the last call's code.
 */
export function deflateRun(strm: ZStream, flush: number, level: number): number {
  if (level === 0) return paid(strm, () => deflate(strm, flush), strm.avail_in);
  const end = strm.next_in + strm.avail_in;
  for (;;) {
    const left = end - strm.next_in;
    const last = left <= DEFLATE_SLICE;
    strm.avail_in = last ? left : DEFLATE_SLICE;
    const err = paid(strm, () => deflate(strm, last ? flush : Z_NO_FLUSH), strm.avail_in);
    // a slice not read whole: the output is full, and the caller gives room and calls again
    if (last || err !== Z_OK || strm.avail_in !== 0 || strm.avail_out === 0) {
      strm.avail_in = end - strm.next_in;
      return err;
    }
  }
}

function paid(strm: ZStream, call: () => number, input: number): number {
  const before = strm.avail_out;
  const err = call();
  work(input * DEFLATE_STEPS * 32 + before - strm.avail_out);
  checkClock();
  return err;
}

/**
 * inflate(strm, flush) as one call of zlib's, made as calls of at most INFLATE_ROOM output
 * each, paid for by what each read and made, with a look at the clock after each.
 */
export function inflateRun(strm: ZStream, flush: number): number {
  let err = Z_OK;
  for (let first = true; ; first = false) {
    const room = strm.avail_out;
    const cut = Math.max(0, room - INFLATE_ROOM);
    strm.avail_out = room - cut;
    const inBefore = strm.avail_in;
    const code = inflate(strm, flush);
    const made = room - cut - strm.avail_out;
    work(made + inBefore - strm.avail_in);
    strm.avail_out += cut;
    checkClock();
    // a further window that made no progress is not a call the caller made: the code before it stands
    if (!first && code === Z_BUF_ERROR && made === 0 && inBefore === strm.avail_in) return err;
    err = code;
    if (cut === 0 || made < room - cut || (err !== Z_OK && err !== Z_BUF_ERROR)) return err;
  }
}

/** A fresh stream reading `data`. */
export function streamOf(data: Uint8Array): ZStream {
  const strm = new ZStream();
  strm.input = data;
  strm.next_in = 0;
  strm.avail_in = data.length;
  return strm;
}
