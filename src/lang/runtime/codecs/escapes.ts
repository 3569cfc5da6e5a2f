import { lookupName } from '../unicode-names.js';
import type { Codec } from './codec.js';
import { DecodeFailures } from './errors.js';
import { ByteSink, codePoints, StrSink } from './sinks.js';

// unicode_escape and raw_unicode_escape, as CPython's C codecs: Latin-1 text with backslash
// escapes. Neither fails to encode; decoding fails on a bad escape, in the codec's C name
// ('unicodeescape', 'rawunicodeescape').

const hex = (cp: number, width: number) => cp.toString(16).padStart(width, '0');

/** The value of a hex digit's byte, or -1. */
function hexValue(c: number): number {
  return c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
}

/** PyUnicode_AsUnicodeEscapeString: printable ASCII as itself, \\, \t, \n, \r, and \xhh, \uhhhh, \Uhhhhhhhh for the rest. */
function encodeUnicodeEscape(s: string): Uint8Array {
  const out = new ByteSink();
  for (const cp of codePoints(s)) {
    if (cp >= 0x20 && cp < 0x7f) {
      if (cp === 0x5c) out.push(0x5c);
      out.push(cp);
    } else if (cp === 0x09) out.ascii('\\t');
    else if (cp === 0x0a) out.ascii('\\n');
    else if (cp === 0x0d) out.ascii('\\r');
    else out.ascii(cp < 0x100 ? `\\x${hex(cp, 2)}` : cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`);
  }
  return out.bytes();
}

const SIMPLE: Record<number, number> = { 0x5c: 0x5c, 0x27: 0x27, 0x22: 0x22, 0x62: 0x08, 0x66: 0x0c, 0x74: 0x09, 0x6e: 0x0a, 0x72: 0x0d, 0x76: 0x0b, 0x61: 0x07 };

/** _PyUnicode_DecodeUnicodeEscapeInternal: each escape of a Python literal; an unknown one stays as written (CPython only warns). */
const decodeUnicodeEscape: Codec['decode'] = (d, how, object) => {
  const failures = new DecodeFailures('unicodeescape', d, how, object);
  const out = new StrSink();
  for (let s = 0; s < d.length; ) {
    const c = d[s++];
    if (c !== 0x5c) {
      out.push(c);
      continue;
    }
    const start = s - 1;
    if (s >= d.length) {
      s = failures.fail(out, start, s, '\\ at end of string');
      continue;
    }
    const e = d[s++];
    if (e === 0x0a) continue;
    if (Object.hasOwn(SIMPLE, e)) {
      out.push(SIMPLE[e]);
      continue;
    }
    if (e >= 0x30 && e <= 0x37) {
      // up to three octal digits, to 0o777
      let cp = e - 0x30;
      for (let k = 0; k < 2 && s < d.length && d[s] >= 0x30 && d[s] <= 0x37; k++) cp = cp * 8 + d[s++] - 0x30;
      out.push(cp);
      continue;
    }
    if (e === 0x78 || e === 0x75 || e === 0x55) {
      const count = e === 0x78 ? 2 : e === 0x75 ? 4 : 8;
      const [cp, at] = hexDigits(d, s, count);
      s = at;
      if (cp < 0) s = failures.fail(out, start, s, e === 0x78 ? 'truncated \\xXX escape' : e === 0x75 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape');
      else if (cp > 0x10ffff) s = failures.fail(out, start, s, 'illegal Unicode character');
      else out.push(cp);
      continue;
    }
    if (e === 0x4e) {
      s = namedEscape(d, s, start, out, failures);
      continue;
    }
    out.push(0x5c);
    out.push(e);
  }
  return out.str();
};

/** `count` hex digits from s: the value and where they end, or -1 and where the first bad one (or the end) is. */
function hexDigits(d: Uint8Array, s: number, count: number): [number, number] {
  let cp = 0;
  for (let k = 0; k < count; k++, s++) {
    const v = s < d.length ? hexValue(d[s]) : -1;
    if (v < 0) return [-1, s];
    cp = cp * 16 + v;
  }
  return [cp, s];
}

/** \N{name} after its N at s: the character the name names, or CPython's failure and span. */
function namedEscape(d: Uint8Array, s: number, start: number, out: StrSink, failures: DecodeFailures): number {
  const malformed = 'malformed \\N character escape';
  if (s >= d.length || d[s] !== 0x7b) return failures.fail(out, start, s, malformed);
  const from = ++s;
  while (s < d.length && d[s] !== 0x7d) s++;
  if (s >= d.length || s === from) return failures.fail(out, start, s, malformed);
  const cp = lookupName(Buffer.from(d.buffer, d.byteOffset + from, s - from).toString('latin1'), false);
  s++;
  if (typeof cp !== 'number') return failures.fail(out, start, s, 'unknown Unicode character name');
  out.push(cp);
  return s;
}

export const UNICODE_ESCAPE: Codec = { encode: encodeUnicodeEscape, decode: decodeUnicodeEscape };

/** PyUnicode_AsRawUnicodeEscapeString: Latin-1 as itself, \uhhhh and \Uhhhhhhhh for the rest. */
function encodeRaw(s: string): Uint8Array {
  const out = new ByteSink();
  for (const cp of codePoints(s)) {
    if (cp < 0x100) out.push(cp);
    else out.ascii(cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`);
  }
  return out.bytes();
}

/** _PyUnicode_DecodeRawUnicodeEscapeStateful: only \u and \U escape, and a backslash before another is kept with it. */
const decodeRaw: Codec['decode'] = (d, how, object) => {
  const failures = new DecodeFailures('rawunicodeescape', d, how, object);
  const out = new StrSink();
  for (let s = 0; s < d.length; ) {
    const c = d[s++];
    if (c !== 0x5c || s >= d.length) {
      out.push(c);
      continue;
    }
    const start = s - 1;
    const e = d[s++];
    if (e !== 0x75 && e !== 0x55) {
      out.push(0x5c);
      out.push(e);
      continue;
    }
    const [cp, at] = hexDigits(d, s, e === 0x75 ? 4 : 8);
    s = at;
    if (cp < 0) s = failures.fail(out, start, s, e === 0x75 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape');
    else if (cp > 0x10ffff) s = failures.fail(out, start, s, '\\Uxxxxxxxx out of range');
    else out.push(cp);
  }
  return out.str();
};

export const RAW_UNICODE_ESCAPE: Codec = { encode: encodeRaw, decode: decodeRaw };
