import { checkSize } from '../budget.js';
import { LookupError, pyErr, typeErr, UnicodeDecodeError, UnicodeEncodeError } from '../exceptions.js';
import { setCodecFields } from '../exception-fields.js';
import { nameOf } from '../unicode-names.js';
import { PyException, type Py, type PyBytes, type PyType } from '../values.js';
import type { ByteSink, StrSink } from './sinks.js';

// What a codec does with what it cannot encode or decode, as CPython's error handlers and the
// C codecs' inline copies of them do. Each codec finds the failing span and its reason; this
// file raises, skips or replaces it.

export type Handler = 'strict' | 'ignore' | 'replace' | 'backslashreplace' | 'xmlcharrefreplace' | 'namereplace' | 'surrogateescape' | 'surrogatepass';
const HANDLERS = new Set<string>(['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape', 'surrogatepass']);

/** The error handler, looked up only when an error needs it, as CPython does. */
export function handlerOf(errors: string): () => Handler {
  return () => {
    if (HANDLERS.has(errors)) return errors as Handler;
    throw pyErr(LookupError, `unknown error handler name '${errors}'`);
  };
}

/** CPython's escape of a character in an encoding error: \xe9, \u20ac, \U0001f600. */
function charEscape(cp: number): string {
  const hex = cp.toString(16);
  return cp < 0x100 ? `\\x${hex.padStart(2, '0')}` : cp < 0x10000 ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
}

const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;

/** A codec that runs no handler itself: every failure makes or moves the exception object. */
export const NONE: ReadonlySet<Handler> = new Set();
/** What CPython's UTF-8, ASCII and Latin-1 encoders do themselves. */
export const BYTE_ENCODERS_INLINE: ReadonlySet<Handler> = new Set(['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape']);

/**
 * A surrogate's bytes in the UTF codec the exception names, as surrogatepass writes and reads
 * them (CPython's get_standard_encoding: 'utf-16' and 'utf-32' are the machine's order, little-endian);
 * null for any other codec, where surrogatepass raises the error it was given.
 */
function surrogateForm(encoding: string): SurrogateForm | null {
  let form = FORMS.get(encoding);
  if (form === undefined) FORMS.set(encoding, (form = makeSurrogateForm(encoding)));
  return form;
}

interface SurrogateForm {
  size: number;
  write: (cp: number, out: ByteSink) => void;
  read: (d: Uint8Array, i: number) => number;
}
const FORMS = new Map<string, SurrogateForm | null>();

function makeSurrogateForm(encoding: string): SurrogateForm | null {
  if (encoding === 'utf-8') {
    return {
      size: 3,
      write: (cp, out) => (out.push(0xe0 | (cp >> 12)), out.push(0x80 | ((cp >> 6) & 0x3f)), out.push(0x80 | (cp & 0x3f))),
      read: (d, i) => ((d[i] & 0xf0) === 0xe0 && (d[i + 1] & 0xc0) === 0x80 && (d[i + 2] & 0xc0) === 0x80 ? ((d[i] & 0x0f) << 12) | ((d[i + 1] & 0x3f) << 6) | (d[i + 2] & 0x3f) : 0),
    };
  }
  const m = /^utf-(16|32)(-le|-be)?$/.exec(encoding);
  if (m === null) return null;
  const size = m[1] === '16' ? 2 : 4;
  const big = m[2] === '-be';
  return {
    size,
    write: (cp, out) => {
      for (let k = 0; k < size; k++) out.push((cp >>> (8 * (big ? size - 1 - k : k))) & 0xff);
    },
    read: (d, i) => {
      let cp = 0;
      for (let k = 0; k < size; k++) cp = cp * 256 + d[i + (big ? k : size - 1 - k)];
      return cp;
    },
  };
}

/** One codec's encoder, character by character, for encodeWith. */
export interface CharEncoder {
  /** the name its errors give (the module's C codec: 'latin-1', 'charmap', 'utf-16') */
  readonly name: string;
  readonly reason: string;
  can(cp: number): boolean;
  put(cp: number, out: ByteSink): void;
  /** whether a failing span runs on over every unencodable character after the first (UTF-16 and UTF-32 fail one at a time) */
  readonly runs: boolean;
  /** what surrogateescape's bytes must be a multiple of (UTF-16: 2, so a single escaped byte fails) */
  readonly unit: number;
  /**
   * the handlers the C codec runs itself, making no exception object (see Failures); its own
   * surrogateescape (UTF-8, ASCII, Latin-1) writes the escapable characters before the first that is not
   */
  readonly inline: ReadonlySet<Handler>;
  /** the bytes of a character and the next written together (JIS X 0213's pairs), if so */
  readonly pair?: (cp: number, next: number) => readonly number[] | undefined;
}

/**
 * The UnicodeError a codec makes at its first failure that it hands to an error handler, and
 * raises at a later one: CPython moves its start, end and reason to the later failure, and
 * leaves its args as they were.
 */
class Failures {
  private first: Py[] | null = null;

  constructor(private readonly inline: ReadonlySet<Handler>) {}

  /** The failure (encoding, object, start, end, reason) is handed to `how`. */
  seen(how: Handler, fields: () => Py[]): void {
    if (this.first === null && !this.inline.has(how)) this.first = fields();
  }

  /** The exception raised for the failure: args the first one's, its fields its own. */
  raise(type: PyType, fields: Py[], text: string): PyException {
    const e = new PyException(type, this.first ?? fields, text);
    setCodecFields(e, fields);
    return e;
  }
}

/** Encodes s's code points, each span the codec cannot encode given to the handler. */
export function encodeWith(enc: CharEncoder, s: string, cps: Uint32Array, how: () => Handler, out: ByteSink): void {
  const failures = new Failures(enc.inline);
  const pair = enc.pair;
  for (let i = 0; i < cps.length; ) {
    const cp = cps[i];
    const both = pair !== undefined && i + 1 < cps.length ? pair(cp, cps[i + 1]) : undefined;
    if (both !== undefined) {
      for (const b of both) out.push(b);
      i += 2;
      continue;
    }
    if (enc.can(cp)) {
      enc.put(cp, out);
      i++;
      continue;
    }
    let end = i + 1;
    if (enc.runs) while (end < cps.length && !enc.can(cps[end])) end++;
    const handler = how();
    failures.seen(handler, () => [enc.name, s, i, end, enc.reason]);
    i = encodeFailure(enc, s, cps, i, end, handler, out, failures);
  }
}

function encodeFailure(enc: CharEncoder, s: string, cps: Uint32Array, start: number, end: number, how: Handler, out: ByteSink, failures: Failures): number {
  const fail = (from: number) => encodeError(enc.name, s, cps, from, end, enc.reason, failures);
  /** A handler's ASCII replacement, encoded by the codec; a character it cannot encode raises the original error, as CPython's codecs do. */
  const replace = (text: string) => {
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (!enc.can(c)) throw fail(start);
      enc.put(c, out);
    }
  };
  switch (how) {
    case 'strict':
      throw fail(start);
    case 'ignore':
      break;
    case 'replace':
      replace('?'.repeat(end - start));
      break;
    case 'backslashreplace':
    case 'xmlcharrefreplace':
    case 'namereplace':
      for (let k = start; k < end; k++) {
        const name = how === 'namereplace' ? nameOf(cps[k], true) : null;
        replace(how === 'xmlcharrefreplace' ? `&#${cps[k]};` : name !== null ? `\\N{${name}}` : charEscape(cps[k]));
        // up to 90 bytes a character (namereplace): refused at the one that passes the limit
        checkSize(out.length);
      }
      break;
    case 'surrogateescape': {
      const escapable = (cp: number) => cp >= 0xdc80 && cp <= 0xdcff;
      if (enc.inline.has('surrogateescape')) {
        for (let k = start; k < end; k++) {
          if (!escapable(cps[k])) throw fail(k);
          out.push(cps[k] - 0xdc00);
        }
      } else {
        if (!cps.subarray(start, end).every(escapable) || (end - start) % enc.unit !== 0) throw fail(start);
        for (let k = start; k < end; k++) out.push(cps[k] - 0xdc00);
      }
      break;
    }
    case 'surrogatepass': {
      const form = surrogateForm(enc.name);
      if (form === null || !cps.subarray(start, end).every(isSurrogate)) throw fail(start);
      for (let k = start; k < end; k++) form.write(cps[k], out);
      break;
    }
  }
  checkSize(out.length);
  return end;
}

/** UnicodeEncodeError(encoding, object, start, end, reason), worded as its __str__. */
function encodeError(encoding: string, s: string, cps: Uint32Array, start: number, end: number, reason: string, failures: Failures): PyException {
  const where = end - start === 1 ? `character '${charEscape(cps[start])}' in position ${start}` : `characters in position ${start}-${end - 1}`;
  return failures.raise(UnicodeEncodeError, [encoding, s, start, end, reason], `'${encoding}' codec can't encode ${where}: ${reason}`);
}

/** A decoder's failures: each span of bytes it cannot decode, given to the handler. */
export class DecodeFailures {
  private how: (() => Handler) | Handler;
  private readonly failures: Failures;

  /** `object` makes the error's bytes (a bytearray's copied, as CPython's codecs make it); `inline`, the handlers the C codec runs itself */
  constructor(
    readonly name: string,
    private readonly d: Uint8Array,
    how: () => Handler,
    private readonly object: () => PyBytes,
    inline: ReadonlySet<Handler> = NONE,
  ) {
    this.how = how;
    this.failures = new Failures(inline);
  }

  /** Bytes [start, end) failed for reason: raises, or writes the replacement and answers where to go on. */
  fail(out: StrSink, start: number, end: number, reason: string): number {
    if (typeof this.how === 'function') this.how = this.how();
    this.failures.seen(this.how, () => [this.name, this.object(), start, end, reason]);
    const d = this.d;
    switch (this.how) {
      case 'strict':
        throw this.error(start, end, reason);
      case 'ignore':
        return end;
      case 'replace':
        out.push(0xfffd);
        return end;
      case 'backslashreplace':
        for (let k = start; k < end; k++) out.text(charEscape(d[k]));
        return end;
      case 'xmlcharrefreplace':
      case 'namereplace':
        // handlers that only encode, as CPython's codecs module words it
        throw typeErr("don't know how to handle UnicodeDecodeError in error callback");
      case 'surrogateescape': {
        // up to four bytes, none of them ASCII
        let k = start;
        while (k < end && k - start < 4 && d[k] >= 0x80) out.push(0xdc00 + d[k++]);
        if (k === start) throw this.error(start, end, reason);
        return k;
      }
      case 'surrogatepass': {
        // one surrogate, read from start whatever the span; the codec calls again for the next
        const form = surrogateForm(this.name);
        const cp = form !== null && d.length - start >= form.size ? form.read(d, start) : 0;
        if (!isSurrogate(cp)) throw this.error(start, end, reason);
        out.push(cp);
        return start + form!.size;
      }
    }
  }

  /** UnicodeDecodeError(encoding, object, start, end, reason), worded as its __str__. */
  private error(start: number, end: number, reason: string): PyException {
    const where = end - start === 1 ? `byte 0x${this.d[start].toString(16).padStart(2, '0')} in position ${start}` : `bytes in position ${start}-${end - 1}`;
    return this.failures.raise(UnicodeDecodeError, [this.name, this.object(), start, end, reason], `'${this.name}' codec can't decode ${where}: ${reason}`);
  }
}
