/** pako 2's port of zlib (installed as pako2, beside hdr-histogram-js's pako 1): the low-level calls zlibmodule.c makes. */
declare module 'pako2/lib/zlib/zstream.js' {
  class ZStream {
    input: Uint8Array | null;
    next_in: number;
    avail_in: number;
    total_in: number;
    output: Uint8Array | null;
    next_out: number;
    avail_out: number;
    total_out: number;
    msg: string;
    state: unknown;
    data_type: number;
    adler: number;
  }
  export = ZStream;
}
declare module 'pako2/lib/zlib/deflate.js' {
  import type ZStream from 'pako2/lib/zlib/zstream.js';
  export function deflateInit2(strm: ZStream, level: number, method: number, windowBits: number, memLevel: number, strategy: number): number;
  export function deflate(strm: ZStream, flush: number): number;
  export function deflateEnd(strm: ZStream): number;
  export function deflateSetDictionary(strm: ZStream, dictionary: Uint8Array): number;
}
declare module 'pako2/lib/zlib/inflate.js' {
  import type ZStream from 'pako2/lib/zlib/zstream.js';
  export function inflateInit2(strm: ZStream, windowBits: number): number;
  export function inflate(strm: ZStream, flush: number): number;
  export function inflateEnd(strm: ZStream): number;
  export function inflateSetDictionary(strm: ZStream, dictionary: Uint8Array): number;
}
declare module 'pako2/lib/zlib/crc32.js' {
  function crc32(crc: number, buf: Uint8Array, len: number, pos: number): number;
  export = crc32;
}
declare module 'pako2/lib/zlib/adler32.js' {
  function adler32(adler: number, buf: Uint8Array, len: number, pos: number): number;
  export = adler32;
}
