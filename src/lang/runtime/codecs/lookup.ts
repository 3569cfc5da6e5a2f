import { LookupError, pyErr, TypeError_, UnicodeError, valueErr } from '../exceptions.js';
import { PyException } from '../values.js';
import type { Codec } from './codec.js';
import { RAW_UNICODE_ESCAPE, UNICODE_ESCAPE } from './escapes.js';
import { ASCII, charmapCodec, LATIN_1 } from './single-byte.js';
import { ALIASES, NOT_BUILT, NOT_TEXT } from './tables.js';
import { UTF_16, UTF_16_BE, UTF_16_LE, UTF_32, UTF_32_BE, UTF_32_LE } from './utf16-32.js';
import { UTF_8, UTF_8_SIG } from './utf8.js';

/** The codecs written here, by the name of CPython's module in its encodings package. */
const BUILT: Record<string, Codec> = {
  ascii: ASCII,
  latin_1: LATIN_1,
  // codecs.charmap_encode without a table is Latin-1's
  charmap: LATIN_1,
  // refuses everything
  undefined: {
    encode: () => {
      throw pyErr(UnicodeError, 'undefined encoding');
    },
    decode: () => {
      throw pyErr(UnicodeError, 'undefined encoding');
    },
  },
  utf_8: UTF_8,
  utf_8_sig: UTF_8_SIG,
  utf_16: UTF_16,
  utf_16_le: UTF_16_LE,
  utf_16_be: UTF_16_BE,
  utf_32: UTF_32,
  utf_32_le: UTF_32_LE,
  utf_32_be: UTF_32_BE,
  unicode_escape: UNICODE_ESCAPE,
  raw_unicode_escape: RAW_UNICODE_ESCAPE,
};

/**
 * encodings.normalize_encoding, after codecs.lookup lowers ASCII letters and makes spaces
 * hyphens: each run of characters other than letters, digits and '.' becomes one '_' (none
 * at either end), and non-ASCII letters and digits are dropped.
 */
function normalize(name: string): string {
  let out = '';
  let punct = false;
  for (const c of name.replace(/[A-Z]/g, (l) => l.toLowerCase())) {
    if (/[\p{L}\p{N}.]/u.test(c)) {
      if (punct && out !== '') out += '_';
      if (c < '\x80') out += c;
      punct = false;
    } else punct = true;
  }
  return out;
}

/** The module encodings.search_function imports for a name (an alias's, else the name itself), or undefined. */
function moduleOf(name: string): string | undefined {
  const norm = normalize(name);
  const alias = Object.hasOwn(ALIASES, norm) ? ALIASES[norm] : Object.hasOwn(ALIASES, norm.replace(/\./g, '_')) ? ALIASES[norm.replace(/\./g, '_')] : undefined;
  return [alias, norm].find((m) => m !== undefined && m !== '' && !m.includes('.') && isModule(m));
}

const isModule = (m: string) => Object.hasOwn(BUILT, m) || charmapCodec(m) !== undefined || NOT_TEXT.includes(m) || NOT_BUILT.includes(m);

/** codecs.lookup for str.encode ('encode') or bytes.decode ('decode'), with CPython's errors for a name it has no text codec by. */
export function lookupCodec(name: string, use: 'encode' | 'decode'): Codec {
  if (name.includes('\0')) throw valueErr('embedded null character');
  const module = moduleOf(name);
  if (module === undefined) throw pyErr(LookupError, `unknown encoding: ${name}`);
  if (NOT_TEXT.includes(module)) throw pyErr(LookupError, `'${name}' is not a text encoding; use codecs.${use}() to handle arbitrary codecs`);
  if (NOT_BUILT.includes(module)) throw pyErr(LookupError, `unknown encoding: ${name} (the evaluator has no ${module} codec: the multibyte CJK ones, idna, punycode and utf-7 are not built)`);
  return BUILT[module] ?? charmapCodec(module)!;
}

/** The names PyUnicode_Decode and PyUnicode_AsEncodedString take straight to their C codec, as _Py_normalize_encoding writes them (ASCII letters and digits, at most 10). */
const FAST = new Set(['utf8', 'utf_8', 'utf16', 'utf_16', 'utf32', 'utf_32', 'ascii', 'us_ascii', 'latin1', 'latin_1', 'iso_8859_1', 'iso8859_1']);

/** Whether CPython reaches the codec through its registry, which rewords what the codec raises (wrapCodecError). */
export function throughRegistry(name: string): boolean {
  const norm = name.replace(/[A-Z]/g, (l) => l.toLowerCase()).replace(/[^a-z0-9.]+/g, '_').replace(/^_|_$/g, '');
  return norm.length > 10 || !FAST.has(norm);
}

/**
 * What a codec reached through the registry raised, as CPython's wrap_codec_error words it:
 * "decoding with 'cp1252' codec failed (TypeError: ...)", of the same type, the original its
 * __cause__. Only exceptions of no more state than their message are reworded (so never a
 * UnicodeDecodeError), and never one that enforces a limit.
 */
export function wrapCodecError(e: unknown, use: 'encode' | 'decode', name: string): unknown {
  if (!(e instanceof PyException) || e.fatal || ![TypeError_, LookupError, UnicodeError].includes(e.type) || e.args.length !== 1 || typeof e.args[0] !== 'string') return e;
  const text = `${use === 'encode' ? 'encoding' : 'decoding'} with '${name}' codec failed (${e.type.name}: ${e.args[0]})`;
  const wrapped = new PyException(e.type, [text], text);
  wrapped.cause = e;
  return wrapped;
}
