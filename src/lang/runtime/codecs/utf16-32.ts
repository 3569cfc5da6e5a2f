import type { Codec } from './codec.js';
import { wellFormed } from './codec.js';
import { DecodeFailures, encodeWith, NONE, type CharEncoder, type Handler } from './errors.js';
import { ByteSink, codePoints, StrSink } from './sinks.js';

// UTF-16 and UTF-32 as CPython's codecs: 'utf-16' and 'utf-32' write a BOM in the machine's
// order (little-endian, as on every machine CPython's answers here come from) and read either
// BOM, or none as little-endian; '-le' and '-be' write and read none.

const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;

/** The encoder of one width and order; errors name the codec as asked ('utf-16' for the one with a BOM). */
function encoder(name: string, size: 2 | 4, big: boolean): CharEncoder {
  const unit = (u: number, out: ByteSink) => {
    for (let k = 0; k < size; k++) out.push((u >>> (8 * (big ? size - 1 - k : k))) & 0xff);
  };
  return {
    name,
    reason: 'surrogates not allowed',
    can: (cp) => !isSurrogate(cp),
    put:
      size === 4
        ? unit
        : (cp, out) => {
            if (cp < 0x10000) unit(cp, out);
            else (unit(0xd800 + ((cp - 0x10000) >> 10), out), unit(0xdc00 + ((cp - 0x10000) & 0x3ff), out));
          },
    // each lone surrogate is an error of its own
    runs: false,
    unit: size,
    inline: NONE,
  };
}

function encode(name: string, size: 2 | 4, big: boolean, bom: boolean): Codec['encode'] {
  const enc = encoder(name, size, big);
  return (s: string, how: () => Handler) => {
    // UTF-16-LE is JavaScript's own string, when it has no lone surrogate
    if (size === 2 && !big && !bom && wellFormed(s)) return Uint8Array.from(Buffer.from(s, 'utf16le'));
    const out = new ByteSink();
    if (bom) enc.put(0xfeff, out);
    encodeWith(enc, s, codePoints(s), how, out);
    return out.bytes();
  };
}

/** A unit of `size` bytes at i in the given order. */
function readUnit(d: Uint8Array, i: number, size: number, big: boolean): number {
  let u = 0;
  for (let k = 0; k < size; k++) u = u * 256 + d[i + (big ? k : size - 1 - k)];
  return u;
}

/** The byte order a BOM at the start says, and where the text starts; no BOM is little-endian. */
function byteOrder(d: Uint8Array, size: number, order: 'le' | 'be' | 'bom'): { big: boolean; from: number } {
  if (order !== 'bom') return { big: order === 'be', from: 0 };
  if (d.length >= size) {
    if (readUnit(d, 0, size, false) === 0xfeff) return { big: false, from: size };
    if (readUnit(d, 0, size, true) === 0xfeff) return { big: true, from: size };
  }
  return { big: false, from: 0 };
}

/** PyUnicode_DecodeUTF16Stateful, final: its reasons and spans. */
function decode16(order: 'le' | 'be' | 'bom'): Codec['decode'] {
  return (d, how, object) => {
    const { big, from } = byteOrder(d, 2, order);
    const failures = new DecodeFailures(big ? 'utf-16-be' : 'utf-16-le', d, how, object);
    const out = new StrSink();
    for (let i = from; i < d.length; ) {
      if (d.length - i < 2) {
        i = failures.fail(out, i, d.length, 'truncated data');
        continue;
      }
      const u = readUnit(d, i, 2, big);
      if (!isSurrogate(u)) {
        out.push(u);
        i += 2;
      } else if (u >= 0xdc00) i = failures.fail(out, i, i + 2, 'illegal encoding');
      else if (d.length - i < 4) i = failures.fail(out, i, d.length, 'unexpected end of data');
      else {
        const low = readUnit(d, i + 2, 2, big);
        if (low < 0xdc00 || low > 0xdfff) i = failures.fail(out, i, i + 2, 'illegal UTF-16 surrogate');
        else {
          out.push(0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00));
          i += 4;
        }
      }
    }
    return out.str();
  };
}

/** PyUnicode_DecodeUTF32Stateful, final: its reasons and spans. */
function decode32(order: 'le' | 'be' | 'bom'): Codec['decode'] {
  return (d, how, object) => {
    const { big, from } = byteOrder(d, 4, order);
    const failures = new DecodeFailures(big ? 'utf-32-be' : 'utf-32-le', d, how, object);
    const out = new StrSink();
    for (let i = from; i < d.length; ) {
      if (d.length - i < 4) {
        i = failures.fail(out, i, d.length, 'truncated data');
        continue;
      }
      const cp = readUnit(d, i, 4, big);
      if (isSurrogate(cp)) i = failures.fail(out, i, i + 4, 'code point in surrogate code point range(0xd800, 0xe000)');
      else if (cp > 0x10ffff) i = failures.fail(out, i, i + 4, 'code point not in range(0x110000)');
      else {
        out.push(cp);
        i += 4;
      }
    }
    return out.str();
  };
}

export const UTF_16: Codec = { encode: encode('utf-16', 2, false, true), decode: decode16('bom') };
export const UTF_16_LE: Codec = { encode: encode('utf-16-le', 2, false, false), decode: decode16('le') };
export const UTF_16_BE: Codec = { encode: encode('utf-16-be', 2, true, false), decode: decode16('be') };
export const UTF_32: Codec = { encode: encode('utf-32', 4, false, true), decode: decode32('bom') };
export const UTF_32_LE: Codec = { encode: encode('utf-32-le', 4, false, false), decode: decode32('le') };
export const UTF_32_BE: Codec = { encode: encode('utf-32-be', 4, true, false), decode: decode32('be') };
