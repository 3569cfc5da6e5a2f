import { charge, untimed } from '../budget.js';
import { LookupError, pyErr, UnicodeError } from '../exceptions.js';
import { cjkCodec, CJK_MODULES } from './cjk.js';
import { statefulCodec, STATEFUL_MODULES } from './cjk-stateful.js';
import type { Codec } from './codec.js';
import { RAW_UNICODE_ESCAPE, UNICODE_ESCAPE } from './escapes.js';
import { IDNA } from './idna.js';
import { PUNYCODE } from './punycode.js';
import { ASCII, charmapCodec, LATIN_1 } from './single-byte.js';
import { ALIASES, NOT_TEXT } from './tables.js';
import { UTF_16, UTF_16_BE, UTF_16_LE, UTF_32, UTF_32_BE, UTF_32_LE } from './utf16-32.js';
import { UTF_7 } from './utf7.js';
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
  utf_7: UTF_7,
  utf_8: UTF_8,
  utf_8_sig: UTF_8_SIG,
  utf_16: UTF_16,
  utf_16_le: UTF_16_LE,
  utf_16_be: UTF_16_BE,
  utf_32: UTF_32,
  utf_32_le: UTF_32_LE,
  utf_32_be: UTF_32_BE,
  idna: IDNA,
  punycode: PUNYCODE,
  unicode_escape: UNICODE_ESCAPE,
  raw_unicode_escape: RAW_UNICODE_ESCAPE,
  ...Object.fromEntries(CJK_MODULES.map((m) => [m, cjkCodec(m)])),
  ...Object.fromEntries(STATEFUL_MODULES.map((m) => [m, statefulCodec(m)])),
};

/** Whether each BMP character is a letter, a digit or '.' (str.isalnum's letters and numbers), made on first use. */
let bmpWordChars: Uint8Array | null = null;

function isWordChar(name: string, i: number): boolean {
  const c = name.charCodeAt(i);
  if (c < 0xd800 || (c > 0xdfff && c <= 0xffff)) {
    // tens of milliseconds, once a process: not the condition's work
    bmpWordChars ??= untimed(() => Uint8Array.from({ length: 0x10000 }, (_, k) => (k === 0x2e || /[\p{L}\p{N}]/u.test(String.fromCharCode(k)) ? 1 : 0)));
    return bmpWordChars[c] === 1;
  }
  return /^[\p{L}\p{N}]/u.test(name.slice(i, i + 2));
}

/**
 * encodings.normalize_encoding, after codecs.lookup lowers ASCII letters and makes spaces
 * hyphens: each run of characters other than letters, digits and '.' becomes one '_' before
 * the next letter or digit once an ASCII one is kept, and non-ASCII letters and digits are
 * dropped. A character at a time into bytes (never longer than the name): a name may be a
 * million characters long, and a regular expression's replace of half a million runs took 370 ms.
 */
function normalize(name: string): string {
  const out = new Uint8Array(name.length);
  let n = 0;
  let punct = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const word = isWordChar(name, i);
    // the rest of a pair
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < name.length) i++;
    if (!word) {
      punct = true;
      continue;
    }
    if (punct && n > 0) out[n++] = 0x5f;
    punct = false;
    if (c < 0x80) out[n++] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
  }
  return Buffer.from(out.buffer, 0, n).toString('latin1');
}

/** The module encodings.search_function imports for a name (an alias's, else the name itself), or undefined. */
function moduleOf(name: string): string | undefined {
  const norm = normalize(name);
  const alias = Object.hasOwn(ALIASES, norm) ? ALIASES[norm] : Object.hasOwn(ALIASES, norm.replace(/\./g, '_')) ? ALIASES[norm.replace(/\./g, '_')] : undefined;
  return [alias, norm].find((m) => m !== undefined && m !== '' && !m.includes('.') && isModule(m));
}

const isModule = (m: string) => Object.hasOwn(BUILT, m) || charmapCodec(m) !== undefined || NOT_TEXT.includes(m);

/** codecs.lookup for str.encode ('encode') or bytes.decode ('decode'), with CPython's errors for a name it has no text codec by. */
export function lookupCodec(name: string, use: 'encode' | 'decode'): Codec {
  // as CPython's codec cache: a condition names a few codecs, over and over
  const known = FOUND.get(name);
  if (known !== undefined) return known;
  const codec = findCodec(name, use);
  // kept across runs, so only short names, and only so many: a million-character name that finds UTF-8 is not held
  if (name.length <= 64) {
    if (FOUND.size >= 256) FOUND.clear();
    FOUND.set(name, codec);
  }
  return codec;
}

const FOUND = new Map<string, Codec>();

function findCodec(name: string, use: 'encode' | 'decode'): Codec {
  // normalised as CPython does, a character at a time
  charge(name.length);
  const fast = fastCodec(name);
  if (fast !== undefined) return fast;
  const module = moduleOf(name);
  if (module === undefined) throw pyErr(LookupError, `unknown encoding: ${name}`);
  if (NOT_TEXT.includes(module)) throw pyErr(LookupError, `'${name}' is not a text encoding; use codecs.${use}() to handle arbitrary codecs`);
  return BUILT[module] ?? charmapCodec(module)!;
}

/** The names PyUnicode_Decode and PyUnicode_AsEncodedString take straight to their C codec, as _Py_normalize_encoding writes them (ASCII letters and digits, at most 10). */
const FAST: Record<string, Codec> = {
  utf8: UTF_8, utf_8: UTF_8, utf16: UTF_16, utf_16: UTF_16, utf32: UTF_32, utf_32: UTF_32, ascii: ASCII, us_ascii: ASCII,
  latin1: LATIN_1, latin_1: LATIN_1, iso_8859_1: LATIN_1, iso8859_1: LATIN_1,
};

/** The C codec a name goes straight to, before and whatever the registry would find ('utf-é-8' is UTF-8: é is punctuation here). */
function fastCodec(name: string): Codec | undefined {
  let norm = '';
  let punct = false;
  for (let i = 0; i < name.length && norm.length <= 10; i++) {
    const c = name.charCodeAt(i);
    const lower = c >= 0x41 && c <= 0x5a ? c + 32 : c;
    if (!((lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2e)) punct = true;
    else {
      if (punct && norm !== '') norm += '_';
      norm += String.fromCharCode(lower);
      punct = false;
    }
  }
  return norm.length <= 10 && Object.hasOwn(FAST, norm) ? FAST[norm] : undefined;
}

/** Whether CPython reaches the codec through its registry, which rewords what the codec raises (wrapCodecError). */
export const throughRegistry = (name: string): boolean => fastCodec(name) === undefined;
