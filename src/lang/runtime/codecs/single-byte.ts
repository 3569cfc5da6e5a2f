import type { Codec } from './codec.js';
import { BYTE_ENCODERS_INLINE, DecodeFailures, encodeWith, type CharEncoder, type Handler } from './errors.js';
import { ByteSink, codePoints, StrSink } from './sinks.js';
import { CHARMAPS } from './tables.js';

// The codecs of a byte a character: ASCII and Latin-1, which CPython writes in C, and the
// charmap codecs (cp1252, iso8859_15, koi8_r, ...), which it drives by a 256-character table.

function belowEncoder(name: 'ascii' | 'latin-1', limit: number): CharEncoder {
  return { name, reason: `ordinal not in range(${limit})`, can: (cp) => cp < limit, put: (cp, out) => out.push(cp), runs: true, unit: 1, inline: BYTE_ENCODERS_INLINE };
}

/** `byteOf` a code unit's byte, or -1: no single-byte codec encodes a surrogate, so a str that is all bytes is written straight. */
function encodeBy(enc: CharEncoder, byteOf: (unit: number) => number): Codec['encode'] {
  return (s: string, how: () => Handler) => {
    const straight = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const b = byteOf(s.charCodeAt(i));
      if (b < 0) {
        // something to hand to the error handler: character by character
        const out = new ByteSink();
        encodeWith(enc, s, codePoints(s), how, out);
        return out.bytes();
      }
      straight[i] = b;
    }
    return straight;
  };
}

export function allAscii(d: Uint8Array): boolean {
  for (let i = 0; i < d.length; i++) if (d[i] >= 0x80) return false;
  return true;
}

/** Bytes as the code points of their values, in one call for a short run (Buffer's costs half a microsecond to make). */
export const latin1 = (d: Uint8Array) => (d.length < 1024 ? String.fromCharCode.apply(null, d as unknown as number[]) : Buffer.from(d.buffer, d.byteOffset, d.length).toString('latin1'));

/** What CPython's ASCII decoder does itself. */
const ASCII_DECODER_INLINE: ReadonlySet<Handler> = new Set(['ignore', 'replace', 'surrogateescape']);

export const ASCII: Codec = {
  encode: encodeBy(belowEncoder('ascii', 128), (u) => (u < 0x80 ? u : -1)),
  decode: (d, how, object) => {
    // nearly all bytes are ASCII: read as Latin-1, which is the same there
    if (allAscii(d)) return latin1(d);
    const failures = new DecodeFailures('ascii', d, how, object, ASCII_DECODER_INLINE);
    const out = new StrSink();
    for (let i = 0; i < d.length; ) {
      if (d[i] < 0x80) out.push(d[i++]);
      else i = failures.fail(out, i, i + 1, 'ordinal not in range(128)');
    }
    return out.str();
  },
};

export const LATIN_1: Codec = {
  encode: encodeBy(belowEncoder('latin-1', 256), (u) => (u < 0x100 ? u : -1)),
  // every byte is the code point of its value
  decode: latin1,
};

/** A charmap codec (errors name it 'charmap', as CPython's codecs.charmap_encode and charmap_decode do). */
function charmap(table: string): Codec {
  const inverse = new Map<number, number>();
  // where two bytes decode to one character, the later one encodes it, as charmap_build makes it
  for (let b = 0; b < 256; b++) if (table.charCodeAt(b) !== 0xfffe) inverse.set(table.charCodeAt(b), b);
  const enc: CharEncoder = {
    name: 'charmap',
    reason: 'character maps to <undefined>',
    can: (cp) => inverse.has(cp),
    put: (cp, out) => out.push(inverse.get(cp)!),
    runs: true,
    unit: 1,
    // charmap_encoding_error's own; surrogateescape is the handler's, over the whole span
    inline: new Set(['ignore', 'replace', 'xmlcharrefreplace']),
  };
  return {
    encode: encodeBy(enc, (u) => inverse.get(u) ?? -1),
    decode: (d, how, object) => {
      const failures = new DecodeFailures('charmap', d, how, object);
      const out = new StrSink();
      for (let i = 0; i < d.length; ) {
        const c = table.charCodeAt(d[i]);
        if (c !== 0xfffe) {
          out.push(c);
          i++;
        } else i = failures.fail(out, i, i + 1, 'character maps to <undefined>');
      }
      return out.str();
    },
  };
}

const ASCII_HALF = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
const made = new Map<string, Codec>();

/** The charmap codec of a module (cp1252, ...), its tables built on first use; undefined for another module. */
export function charmapCodec(module: string): Codec | undefined {
  const text = Object.hasOwn(CHARMAPS, module) ? CHARMAPS[module] : undefined;
  if (text === undefined) return undefined;
  let codec = made.get(module);
  if (codec === undefined) made.set(module, (codec = charmap(text.length === 128 ? ASCII_HALF + text : text)));
  return codec;
}
