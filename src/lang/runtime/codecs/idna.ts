import { checkSize } from '../budget.js';
import { pyErr, UnicodeError } from '../exceptions.js';
import { PyBytes, PyException } from '../values.js';
import type { Codec } from './codec.js';
import type { Handler } from './errors.js';
import { PUNYCODE } from './punycode.js';
import { ASCII, allAscii } from './single-byte.js';
import { ByteSink } from './sinks.js';
import { nameprep } from './stringprep.js';
import { wrapCodecError } from './wrap-error.js';

// IDNA 2003 (RFC 3490) as CPython 3.11's Lib/encodings/idna.py: labels split at any of its four
// dots, each nameprepped on Unicode 3.2 and written in Punycode after 'xn--' (ToASCII), or read
// back and checked to round-trip (ToUnicode); 'strict' only, and the module's UnicodeErrors.

const DOTS = /[.\u3002\uff0e\uff61]/;
const ACE = 'xn--';

const idnaErr = (text: string) => pyErr(UnicodeError, text);
const isAscii = (s: string) => /^[\0-\x7f]*$/.test(s);
const latin1 = (d: Uint8Array) => Buffer.from(d.buffer, d.byteOffset, d.length).toString('latin1');

/** An ASCII label as bytes, if it is neither empty nor longer than 63. */
function short(label: string): Uint8Array {
  if (label.length > 0 && label.length < 64) return Uint8Array.from(label, (c) => c.charCodeAt(0));
  throw idnaErr('label empty or too long');
}

/** ToASCII(label). */
function toAscii(label: string): Uint8Array {
  if (isAscii(label)) return short(label);
  const prepared = nameprep(label);
  if (isAscii(prepared)) return short(prepared);
  if (prepared.startsWith(ACE)) throw idnaErr('Label starts with ACE prefix');
  // Punycode writes at least a byte a code point: a label this long is too long whatever it writes
  if ([...prepared].length + ACE.length >= 64) throw idnaErr('label empty or too long');
  const encoded = PUNYCODE.encode(prepared, () => 'strict');
  const out = new Uint8Array(ACE.length + encoded.length);
  out.set([0x78, 0x6e, 0x2d, 0x2d]);
  out.set(encoded, ACE.length);
  if (out.length < 64) return out;
  throw idnaErr('label empty or too long');
}

function encode(s: string, _how: () => Handler, errors = 'strict'): Uint8Array {
  if (errors !== 'strict') throw idnaErr(`unsupported error handling ${errors}`);
  if (isAscii(s)) {
    const labels = s.split('.');
    for (const label of labels.slice(0, -1)) if (label.length === 0 || label.length >= 64) throw idnaErr('label empty or too long');
    if (labels[labels.length - 1].length >= 64) throw idnaErr('label too long');
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  }
  const labels = s.split(DOTS);
  const trailingDot = labels[labels.length - 1] === '';
  if (trailingDot) labels.pop();
  const out = new ByteSink();
  for (const label of labels) {
    if (out.length > 0) out.push(0x2e);
    for (const b of toAscii(label)) out.push(b);
    checkSize(out.length);
  }
  if (trailingDot) out.push(0x2e);
  return out.bytes();
}

const startsWithAce = (d: Uint8Array) => d.length >= 4 && d[0] === 0x78 && d[1] === 0x6e && d[2] === 0x2d && d[3] === 0x2d;

/** ToUnicode(label) of a label of bytes: read as ASCII unless it starts with the ACE prefix, then decoded and checked to round-trip. */
function toUnicode(label: Uint8Array): string {
  if (!startsWithAce(label)) return ASCII.decode(label, () => 'strict', () => new PyBytes(label.slice()));
  const rest = label.subarray(ACE.length);
  let result: string;
  try {
    result = PUNYCODE.decode(rest, () => 'strict', () => new PyBytes(rest.slice()), 'strict');
  } catch (e) {
    // label1.decode("punycode") goes through the registry too
    throw wrapCodecError(e, 'decode', 'punycode');
  }
  const again = toAscii(result);
  if (latin1(label).toLowerCase() !== latin1(again)) throw new PyException(UnicodeError, ['IDNA does not round-trip', new PyBytes(label.slice()), new PyBytes(again)]);
  return result;
}

/** Whether the ACE prefix is anywhere in the bytes. */
const hasAce = (d: Uint8Array) => Buffer.from(d.buffer, d.byteOffset, d.length).includes(ACE);

function decode(d: Uint8Array, _how: () => Handler, _object: () => PyBytes, errors = 'strict'): string {
  if (errors !== 'strict') throw idnaErr(`Unsupported error handling ${errors}`);
  if (!hasAce(d) && allAscii(d)) return latin1(d);
  const labels: Uint8Array[] = [];
  for (let from = 0; ; ) {
    const dot = d.indexOf(0x2e, from);
    labels.push(d.subarray(from, dot < 0 ? d.length : dot));
    if (dot < 0) break;
    from = dot + 1;
  }
  const trailingDot = labels[labels.length - 1].length === 0;
  if (trailingDot) labels.pop();
  return labels.map(toUnicode).join('.') + (trailingDot ? '.' : '');
}

export const IDNA: Codec = { encode, decode };
