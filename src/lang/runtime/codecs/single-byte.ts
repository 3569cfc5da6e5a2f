import type { Codec } from './codec.js';
import { BYTE_ENCODERS_INLINE, DecodeFailures, encodeWith, type CharEncoder, type Handler } from './errors.js';
import { ByteSink, codePoints, StrSink } from './sinks.js';
import { CHARMAPS } from './tables.js';

// The codecs of a byte a character: ASCII and Latin-1, which CPython writes in C, and the
// charmap codecs (cp1252, iso8859_15, koi8_r, ...), which it drives by a 256-character table.

function belowEncoder(name: 'ascii' | 'latin-1', limit: number): CharEncoder {
  return { name, reason: `ordinal not in range(${limit})`, can: (cp) => cp < limit, put: (cp, out) => out.push(cp), runs: true, unit: 1, inline: BYTE_ENCODERS_INLINE };
}

function encodeBy(enc: CharEncoder): Codec['encode'] {
  return (s: string, how: () => Handler) => {
    const out = new ByteSink();
    encodeWith(enc, s, codePoints(s), how, out);
    return out.bytes();
  };
}

/** What CPython's ASCII decoder does itself. */
const ASCII_DECODER_INLINE: ReadonlySet<Handler> = new Set(['ignore', 'replace', 'surrogateescape']);

export const ASCII: Codec = {
  encode: encodeBy(belowEncoder('ascii', 128)),
  decode: (d, how, object) => {
    // nearly all bytes are ASCII: read as Latin-1, which is the same there
    if (d.every((b) => b < 0x80)) return Buffer.from(d.buffer, d.byteOffset, d.length).toString('latin1');
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
  encode: encodeBy(belowEncoder('latin-1', 256)),
  // every byte is the code point of its value
  decode: (d) => Buffer.from(d.buffer, d.byteOffset, d.length).toString('latin1'),
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
    encode: encodeBy(enc),
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
