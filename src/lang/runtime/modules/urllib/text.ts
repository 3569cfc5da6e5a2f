/**
 * urllib.parse works on str, and on bytes by decoding them as ASCII first (_coerce_args) and
 * encoding its answers back. Here the text is a JS string either way: bytes' text is their
 * latin-1 reading, which is their ASCII one once _coerce_args has accepted them.
 */
import { allocStr } from '../../budget.js';
import { typeErr } from '../../exceptions.js';
import { truthy } from '../../ops.js';
import { latin1, PyBytes, PyStrBox, typeName, type Py } from '../../values.js';
import { callMethod } from '../calendar/py.js';

/** A str's text (a str subclass's instance is its str, as isinstance(x, str) takes it), else undefined. */
export const strOf = (v: Py): string | undefined => (typeof v === 'string' ? v : v instanceof PyStrBox ? v.value : undefined);

/** bytes of a text whose code points are below 256. */
export function bytesOf(s: string): PyBytes {
  allocStr(s.length);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return new PyBytes(out);
}

/** x.decode('ascii', 'strict'), as text: CPython's UnicodeDecodeError for a byte past 127, its AttributeError for what has no decode. */
function decodeAscii(x: Py): string {
  if (x instanceof PyBytes && x.data.every((b) => b < 128)) return latin1(x.data);
  const text = strOf(callMethod(x, 'decode', 'ascii', 'strict'));
  if (text === undefined) throw typeErr(`decode() returned ${typeName(x)}`);
  return text;
}

/**
 * _coerce_args(*args): the texts, and whether the answer is to be encoded back (the first
 * argument not a str). Mixed kinds are CPython's TypeError; a false argument other than
 * the first passes either way (scheme='' with a bytes url), read as ''.
 */
export function coerceArgs(args: readonly Py[]): [string[], boolean] {
  const strInput = strOf(args[0]) !== undefined;
  for (let i = 1; i < args.length; i++) {
    if (truthy(args[i]) && (strOf(args[i]) !== undefined) !== strInput) throw typeErr('Cannot mix str and non-str arguments');
  }
  if (strInput) return [args.map((a) => strOf(a) ?? ''), false];
  return [args.map((a) => (truthy(a) ? decodeAscii(a) : '')), true];
}

/** _coerce_result of a text: itself, or its encode('ascii') (the text came from ASCII bytes, or holds what unquote made of them). */
export function coerceResult(text: string, encode: boolean): Py {
  if (!encode) return text;
  if (/^[\x00-\x7f]*$/.test(text)) return bytesOf(text);
  return callMethod(text, 'encode', 'ascii', 'strict');
}
