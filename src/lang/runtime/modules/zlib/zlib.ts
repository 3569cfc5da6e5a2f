/**
 * The zlib module, as CPython 3.11's Modules/zlibmodule.c has it over zlib 1.2.13: compress,
 * decompress (every wbits: zlib, raw, gzip, automatic), crc32, adler32, compressobj and
 * decompressobj (zlib.Compress and zlib.Decompress, with unused_data, unconsumed_tail and eof),
 * the constants and zlib.error, in CPython's words. pako (v2, a port of zlib) does the work,
 * driven call for call as CPython drives zlib (streams.ts), so the compressed bytes are
 * zlib's.
 */
import type ZStream from 'pako2/lib/zlib/zstream.js';
import adler32 from 'pako2/lib/zlib/adler32.js';
import crc32 from 'pako2/lib/zlib/crc32.js';
import { deflateEnd, deflateInit2, deflateSetDictionary } from 'pako2/lib/zlib/deflate.js';
import { inflateEnd, inflateInit2, inflateSetDictionary } from 'pako2/lib/zlib/inflate.js';
import { bind, cIntArg, clinic, indexArg, intArg } from '../../args.js';
import { checkedMethods } from '../../arity.js';
import { chargeSteps, work } from '../../budget.js';
import { bufferOf } from '../../bytes-like.js';
import { MemoryError, pyErr, typeErr, valueErr } from '../../exceptions.js';
import type { Method, PyTypeSlots } from '../../types/protocol.js';
import { registerType } from '../../types/table.js';
import { EMPTY_BYTES, PyBytes, PyFunc, PyModule, PyType, typeName, type Py } from '../../values.js';
import { deflateRun, inflateRun, Output, streamOf, Z_BUF_ERROR, Z_FINISH, Z_MEM_ERROR, Z_NEED_DICT, Z_NO_FLUSH, Z_OK, Z_STREAM_END, Z_STREAM_ERROR, Z_SYNC_FLUSH, zlibError, ZLIB_ERROR } from './streams.js';

const DEF_BUF_SIZE = 16384;
/** The first block inflate writes into: its size changes nothing of the output, so a huge bufsize is not allocated. */
const INFLATE_FIRST = 1 << 18;

/** A Py_buffer argument. */
function bufferArg(v: Py): Uint8Array {
  const octets = bufferOf(v);
  if (octets === null) throw typeErr(`a bytes-like object is required, not '${typeName(v)}'`);
  return octets;
}

const bytesOf = (octets: Uint8Array): PyBytes => (octets.length === 0 ? EMPTY_BYTES : new PyBytes(octets));

/**
 * The steps a stream's state is charged, for the memory it holds and the time its zeroed arrays
 * take (deflateInit2 some 100 µs for its 256 KiB at the defaults): a step for every 512 octets
 * of zlib's window, hash chains and pending buffer (inflate's window, made at its first output).
 * A loop that makes or copies streams ends at the budget, not at the worker's memory.
 */
function stateSteps(wbits: number, memLevel: number | null): number {
  const w = Math.min(15, Math.max(9, wbits < 0 ? -wbits : wbits & 15));
  const octets = memLevel === null ? 2 ** w + 8192 : 2 ** (w + 2) + 2 ** (Math.min(9, Math.max(1, memLevel)) + 9);
  return octets / 512;
}

const noMemory = (what: string) => pyErr(MemoryError, `Out of memory while ${what}`);

/** zlib.compress(data, /, level=-1, wbits=15). */
function compress(a: Py[], k: Map<string, Py> | null): PyBytes {
  if (a.length === 0) throw typeErr('compress() takes at least 1 positional argument (0 given)');
  const [data, level, wbits] = bind('compress', a, k, ['data', 'level', 'wbits'], 1, undefined, { posOnly: 1, kwOnly: 0 });
  const input = bufferArg(data);
  const lvl = level === undefined ? -1 : cIntArg(level);
  const wb = wbits === undefined ? 15 : cIntArg(wbits);
  const strm = streamOf(input);
  chargeSteps(stateSteps(wb, 8));
  const err = deflateInit2(strm, lvl, 8, wb, 8, 0);
  if (err === Z_MEM_ERROR) throw noMemory('compressing data');
  if (err !== Z_OK) {
    deflateEnd(strm);
    throw pyErr(ZLIB_ERROR, 'Bad compression level');
  }
  const out = new Output(strm, -1, lvl === 0);
  // all the input at once (arrange_input_buffer's UINT_MAX is past any limit here), so Z_FINISH from the first call
  do {
    if (strm.avail_out === 0) out.grow();
    const e = deflateRun(strm, Z_FINISH, lvl);
    if (e === Z_STREAM_ERROR) {
      deflateEnd(strm);
      throw zlibError(strm, e, 'while compressing data');
    }
  } while (strm.avail_out === 0);
  deflateEnd(strm);
  return bytesOf(out.finish());
}

/** zlib.decompress(data, /, wbits=15, bufsize=16384). */
function decompress(a: Py[], k: Map<string, Py> | null): PyBytes {
  if (a.length === 0) throw typeErr('decompress() takes at least 1 positional argument (0 given)');
  const [data, wbits, bufsize] = bind('decompress', a, k, ['data', 'wbits', 'bufsize'], 1, undefined, { posOnly: 1, kwOnly: 0 });
  const input = bufferArg(data);
  const wb = wbits === undefined ? 15 : cIntArg(wbits);
  let size = bufsize === undefined ? DEF_BUF_SIZE : indexArg(bufsize);
  if (size < 0) throw valueErr('bufsize must be non-negative');
  if (size === 0) size = 1;
  // CPython allocates the first block at once: past what any machine gives, its MemoryError
  if (size >= 2 ** 36) throw pyErr(MemoryError, 'Unable to allocate output buffer.');
  const strm = streamOf(input);
  chargeSteps(stateSteps(wb, null));
  let err = inflateInit2(strm, wb);
  if (err === Z_MEM_ERROR) throw noMemory('decompressing data');
  if (err !== Z_OK) {
    inflateEnd(strm);
    throw zlibError(strm, err, 'while preparing to decompress data');
  }
  const out = new Output(strm, -1, false, Math.min(size, INFLATE_FIRST));
  // all the input at once, so Z_FINISH, and one turn of CPython's outer loop
  do {
    if (strm.avail_out === 0) out.grow();
    err = inflateRun(strm, Z_FINISH);
    if (err !== Z_OK && err !== Z_BUF_ERROR && err !== Z_STREAM_END) {
      inflateEnd(strm);
      throw zlibError(strm, err, 'while decompressing data');
    }
  } while (strm.avail_out === 0);
  if (err !== Z_STREAM_END) {
    inflateEnd(strm);
    throw zlibError(strm, err, 'while decompressing data');
  }
  inflateEnd(strm);
  return bytesOf(out.finish());
}

/** A zlib.Compress: its deflate stream, until flush(Z_FINISH) ends it. */
export class PyCompress {
  initialised = true;
  /** Its level (0's stored blocks are made from the input whole: streams.ts), and what its state is charged (stateSteps). */
  constructor(readonly strm: ZStream, readonly level: number, readonly steps: number) {}
}

/** A zlib.Decompress: its inflate stream, the dictionary it may ask for, and what CPython keeps of the input. */
export class PyDecompress {
  initialised = true;
  eof = false;
  unusedData: PyBytes = EMPTY_BYTES;
  unconsumedTail: PyBytes = EMPTY_BYTES;
  constructor(readonly strm: ZStream, readonly zdict: Uint8Array | null, readonly steps: number) {}
}

const COMPRESSOBJ = ['level', 'method', 'wbits', 'memLevel', 'strategy', 'zdict'];

/** zlib.compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None). */
function compressobj(a: Py[], k: Map<string, Py> | null): PyCompress {
  const [level, method, wbits, memLevel, strategy, zdict] = bind('compressobj', a, k, COMPRESSOBJ);
  const ints = [level, method, wbits, memLevel, strategy].map((v, i) => (v === undefined ? [-1, 8, 15, 8, 0][i] : cIntArg(v)));
  const dict = zdict === undefined || zdict === null ? null : bufferArg(zdict);
  const strm = streamOf(new Uint8Array(0));
  const steps = stateSteps(ints[2], ints[3]);
  chargeSteps(steps);
  const err = deflateInit2(strm, ints[0], ints[1], ints[2], ints[3], ints[4]);
  if (err === Z_MEM_ERROR) throw pyErr(MemoryError, 'Can\'t allocate memory for compression object');
  if (err === Z_STREAM_ERROR) throw valueErr('Invalid initialization option');
  if (err !== Z_OK) throw zlibError(strm, err, 'while creating compression object');
  if (dict !== null) {
    work(dict.length);
    const e = deflateSetDictionary(strm, dict);
    if (e === Z_STREAM_ERROR) throw valueErr('Invalid dictionary');
    if (e !== Z_OK) throw valueErr('deflateSetDictionary()');
  }
  return new PyCompress(strm, ints[0], steps);
}

/** zlib.decompressobj(wbits=MAX_WBITS, zdict=b''). */
function decompressobj(a: Py[], k: Map<string, Py> | null): PyDecompress {
  const [wbits, zdict] = bind('decompressobj', a, k, ['wbits', 'zdict']);
  const wb = wbits === undefined ? 15 : cIntArg(wbits);
  let dict: Uint8Array | null = null;
  if (zdict !== undefined) {
    dict = bufferOf(zdict);
    if (dict === null) throw typeErr('zdict argument must support the buffer protocol');
  }
  const strm = streamOf(new Uint8Array(0));
  const steps = stateSteps(wb, null);
  chargeSteps(steps);
  const err = inflateInit2(strm, wb);
  if (err === Z_STREAM_ERROR) throw valueErr('Invalid initialization option');
  if (err === Z_MEM_ERROR) throw pyErr(MemoryError, 'Can\'t allocate memory for decompression object');
  if (err !== Z_OK) throw zlibError(strm, err, 'while creating decompression object');
  const d = new PyDecompress(strm, dict, steps);
  // a raw stream asks for no dictionary: it is set at once
  if (dict !== null && wb < 0) setInflateDict(d);
  return d;
}

function setInflateDict(d: PyDecompress): void {
  work(d.zdict!.length);
  const err = inflateSetDictionary(d.strm, d.zdict!);
  if (err !== Z_OK) throw zlibError(d.strm, err, 'while setting zdict');
}

/** Compress.compress(data, /). */
function compressMore(c: PyCompress, data: Py): PyBytes {
  const input = bufferArg(data);
  const strm = c.strm;
  if (!c.initialised) throw zlibError(strm, Z_STREAM_ERROR, 'while compressing data');
  strm.input = input;
  strm.next_in = 0;
  strm.avail_in = input.length;
  const out = new Output(strm, -1, c.level === 0);
  do {
    if (strm.avail_out === 0) out.grow();
    const err = deflateRun(strm, Z_NO_FLUSH, c.level);
    if (err === Z_STREAM_ERROR) throw zlibError(strm, err, 'while compressing data');
  } while (strm.avail_out === 0);
  return bytesOf(out.finish());
}

/** Compress.flush(mode=Z_FINISH, /). */
function compressFlush(c: PyCompress, modeArg: Py): PyBytes {
  const mode = modeArg === undefined ? Z_FINISH : cIntArg(modeArg);
  if (mode === Z_NO_FLUSH) return EMPTY_BYTES;
  const strm = c.strm;
  // zlib refuses a mode past Z_BLOCK, and an ended stream, without a message of its own (pako words one)
  if (!c.initialised || mode < 0 || mode > 5) throw zlibError(strm, Z_STREAM_ERROR, 'while flushing');
  strm.avail_in = 0;
  const out = new Output(strm, -1, c.level === 0);
  let err: number;
  do {
    if (strm.avail_out === 0) out.grow();
    err = deflateRun(strm, mode, c.level);
    if (err === Z_STREAM_ERROR) throw zlibError(strm, err, 'while flushing');
  } while (strm.avail_out === 0);
  if (err === Z_STREAM_END && mode === Z_FINISH) {
    deflateEnd(strm);
    c.initialised = false;
  } else if (err !== Z_OK && err !== Z_BUF_ERROR) throw zlibError(strm, err, 'while flushing');
  return bytesOf(out.finish());
}

/** save_unconsumed_input: past the stream's end the rest is unused_data; input left when the output was capped is unconsumed_tail. */
function saveUnconsumed(d: PyDecompress, input: Uint8Array, err: number): void {
  const strm = d.strm;
  if (err === Z_STREAM_END && strm.avail_in > 0) {
    const rest = input.subarray(strm.next_in);
    const joined = new Uint8Array(d.unusedData.data.length + rest.length);
    work(joined.length);
    joined.set(d.unusedData.data);
    joined.set(rest, d.unusedData.data.length);
    d.unusedData = new PyBytes(joined);
    strm.avail_in = 0;
  }
  if (strm.avail_in > 0 || d.unconsumedTail.data.length > 0) {
    const rest = input.slice(strm.next_in);
    work(rest.length);
    d.unconsumedTail = bytesOf(rest);
  }
}

/** The loop Decompress.decompress and Decompress.flush share: inflate until the input or the room runs out. */
function inflateAll(d: PyDecompress, input: Uint8Array, out: Output, max: number, flushing: boolean): number {
  const strm = d.strm;
  strm.input = input;
  strm.next_in = 0;
  strm.avail_in = input.length;
  let err = Z_OK;
  const flush = flushing ? Z_FINISH : Z_SYNC_FLUSH;
  save: do {
    if (strm.avail_out === 0) {
      if (max >= 0 && out.size() === max) break save;
      if (!out.grow()) break save;
    }
    err = inflateRun(strm, flush);
    if (err === Z_NEED_DICT && d.zdict !== null) {
      setInflateDict(d);
      continue;
    }
    if (err !== Z_OK && err !== Z_BUF_ERROR && err !== Z_STREAM_END) break save;
  } while (strm.avail_out === 0 || err === Z_NEED_DICT);
  saveUnconsumed(d, input, err);
  return err;
}

/** Decompress.decompress(data, /, max_length=0). */
function decompressMore(d: PyDecompress, a: Py[], k: Map<string, Py> | null): PyBytes {
  if (a.length === 0) throw typeErr('decompress() takes at least 1 positional argument (0 given)');
  const [data, maxLength] = bind('decompress', a, k, ['data', 'max_length'], 1, undefined, { posOnly: 1, kwOnly: 0 });
  const input = bufferArg(data);
  let max = maxLength === undefined ? 0 : indexArg(maxLength);
  if (max < 0) throw valueErr('max_length must be non-negative');
  if (max === 0) max = -1;
  if (!d.initialised) throw zlibError(d.strm, Z_STREAM_ERROR, 'while decompressing data');
  const out = new Output(d.strm, max, false);
  const err = inflateAll(d, input, out, max, false);
  if (err === Z_STREAM_END) d.eof = true;
  else if (err !== Z_OK && err !== Z_BUF_ERROR) throw zlibError(d.strm, err, 'while decompressing data');
  return bytesOf(out.finish());
}

/** Decompress.flush(length=16384, /): the unconsumed tail inflated, with Z_FINISH; a truncated stream is no error. */
function decompressFlush(d: PyDecompress, lengthArg: Py): PyBytes {
  const length = lengthArg === undefined ? DEF_BUF_SIZE : indexArg(lengthArg);
  if (length <= 0) throw valueErr('length must be greater than zero');
  if (!d.initialised) return EMPTY_BYTES;
  const out = new Output(d.strm, -1, false, Math.min(length, INFLATE_FIRST));
  const err = inflateAll(d, d.unconsumedTail.data, out, -1, true);
  if (err === Z_STREAM_END) {
    d.eof = true;
    d.initialised = false;
    inflateEnd(d.strm);
  }
  return bytesOf(out.finish());
}

/**
 * deflateCopy and inflateCopy, which pako lacks: its stream and state hold nothing but numbers,
 * typed arrays and each other, which structuredClone copies whole, their cycle kept (the
 * state's strm is the copy's), charged as a new state is.
 */
function copyStream(strm: ZStream, steps: number): ZStream {
  chargeSteps(steps);
  // the buffers of the last call are no part of the state: each call sets its own
  strm.input = null;
  strm.output = null;
  return structuredClone(strm);
}

const inconsistent = () => valueErr('Inconsistent stream state');

function copyCompress(c: PyCompress): PyCompress {
  if (!c.initialised) throw inconsistent();
  return new PyCompress(copyStream(c.strm, c.steps), c.level, c.steps);
}

function copyDecompress(d: PyDecompress): PyDecompress {
  if (!d.initialised) throw inconsistent();
  const copy = new PyDecompress(copyStream(d.strm, d.steps), d.zdict, d.steps);
  copy.eof = d.eof;
  copy.unusedData = d.unusedData;
  copy.unconsumedTail = d.unconsumedTail;
  return copy;
}

export const COMPRESS_TYPE = new PyType('zlib.Compress', () => {
  throw typeErr("cannot create 'zlib.Compress' instances");
});
export const DECOMPRESS_TYPE = new PyType('zlib.Decompress', () => {
  throw typeErr("cannot create 'zlib.Decompress' instances");
});

registerType(PyCompress, {
  name: () => 'zlib.Compress',
  type: COMPRESS_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  repr: () => '<zlib.Compress object>',
  methods: checkedMethods(
    'Compress',
    new Map<string, Method>([
      ['compress', (c: PyCompress, a, k) => {
        // Argument Clinic with the defining class: its own words
        if (a.length === 0 || (k !== null && k.size > 0 && a.length < 1)) throw typeErr(`compress() takes exactly 1 positional argument (${a.length} given)`);
        if (a.length > 1) throw typeErr(`compress() takes at most 1 argument (${a.length} given)`);
        if (k !== null && k.size > 0) throw typeErr(`'${[...k.keys()][0]}' is an invalid keyword argument for compress()`);
        return compressMore(c, a[0]);
      }],
      ['flush', (c: PyCompress, [mode]) => compressFlush(c, mode)],
      ['copy', (c: PyCompress) => copyCompress(c)],
    ]),
    { compress: 'own', flush: ['parse', 0, 1], copy: 'none' },
  ),
} satisfies PyTypeSlots<PyCompress>);

registerType(PyDecompress, {
  name: () => 'zlib.Decompress',
  type: DECOMPRESS_TYPE,
  truthy: () => true,
  len: null,
  iter: null,
  repr: () => '<zlib.Decompress object>',
  getattr: (d, attr) => (attr === 'unused_data' ? d.unusedData : attr === 'unconsumed_tail' ? d.unconsumedTail : attr === 'eof' ? d.eof : undefined),
  methods: checkedMethods(
    'Decompress',
    new Map<string, Method>([
      ['decompress', (d: PyDecompress, a, k) => decompressMore(d, a, k)],
      ['flush', (d: PyDecompress, [length]) => decompressFlush(d, length)],
      ['copy', (d: PyDecompress) => copyDecompress(d)],
    ]),
    { decompress: 'own', flush: ['parse', 0, 1], copy: 'none' },
  ),
} satisfies PyTypeSlots<PyDecompress>);

/** Argument Clinic's `unsigned_int(bitwise=True)`: an int's low 32 bits. */
function checkValue(v: Py, initial: number): number {
  if (v === undefined) return initial;
  const n = intArg(v);
  return typeof n === 'bigint' ? Number(BigInt.asUintN(32, n)) : n >>> 0;
}

const checksum = (name: string, initial: number, f: (value: number, data: Uint8Array) => number): [string, PyFunc] => [
  name,
  new PyFunc(name, (a, k) => {
    const [data, value] = clinic(name, a, k, 1, 2, 'zlib');
    const octets = bufferArg(data);
    const v = checkValue(value, initial);
    work(octets.length);
    return f(v, octets) >>> 0;
  }),
];

const fn = (name: string, f: (a: Py[], k: Map<string, Py> | null) => Py): [string, PyFunc] => [name, new PyFunc(name, f)];

export const ZLIB_MODULE = new PyModule(
  'zlib',
  new Map<string, Py>([
    fn('compress', compress),
    fn('decompress', decompress),
    fn('compressobj', compressobj),
    fn('decompressobj', decompressobj),
    checksum('crc32', 0, (v, d) => crc32(v, d, d.length, 0)),
    checksum('adler32', 1, (v, d) => adler32(v, d, d.length, 0)),
    ['error', ZLIB_ERROR],
    ['MAX_WBITS', 15],
    ['DEFLATED', 8],
    ['DEF_MEM_LEVEL', 8],
    ['DEF_BUF_SIZE', DEF_BUF_SIZE],
    ['Z_NO_COMPRESSION', 0],
    ['Z_BEST_SPEED', 1],
    ['Z_BEST_COMPRESSION', 9],
    ['Z_DEFAULT_COMPRESSION', -1],
    ['Z_FILTERED', 1],
    ['Z_HUFFMAN_ONLY', 2],
    ['Z_RLE', 3],
    ['Z_FIXED', 4],
    ['Z_DEFAULT_STRATEGY', 0],
    ['Z_NO_FLUSH', 0],
    ['Z_PARTIAL_FLUSH', 1],
    ['Z_SYNC_FLUSH', 2],
    ['Z_FULL_FLUSH', 3],
    ['Z_FINISH', 4],
    ['Z_BLOCK', 5],
    ['Z_TREES', 6],
    ['ZLIB_VERSION', '1.2.13'],
    ['ZLIB_RUNTIME_VERSION', '1.2.13'],
  ]),
);
