/**
 * The text json.loads reads (Lib/json/__init__.py): a str (not one that starts with a BOM),
 * or bytes or a bytearray, decoded by the encoding detect_encoding finds, 'surrogatepass'.
 */
import { getattr } from './attributes.js';
import { PyByteArray } from './bytearray.js';
import { callValue } from './call.js';
import { typeErr } from './exceptions.js';
import { decodeErrorOf } from './json.js';
import { PyBytes, PyStrBox, typeName, type Py } from './values.js';

export function jsonText(arg: Py): string {
  // a str subclass's instance is a str (isinstance)
  const s = arg instanceof PyStrBox ? arg.value : arg;
  if (typeof s === 'string') {
    if (s.startsWith('\ufeff')) throw decodeErrorOf('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0);
    return s;
  }
  if (!(s instanceof PyBytes || s instanceof PyByteArray)) throw typeErr(`the JSON object must be str, bytes or bytearray, not ${typeName(s)}`);
  const text = callValue(getattr(s, 'decode'), [detectEncoding(s.data), 'surrogatepass'], null);
  return text as string;
}

/** json.detect_encoding: a BOM, else where the first octets are 0, else UTF-8. */
function detectEncoding(b: Uint8Array): string {
  const starts = (...p: number[]) => p.every((x, i) => b[i] === x);
  if (starts(0, 0, 0xfe, 0xff) || starts(0xff, 0xfe, 0, 0)) return 'utf-32';
  if (starts(0xfe, 0xff) || starts(0xff, 0xfe)) return 'utf-16';
  if (starts(0xef, 0xbb, 0xbf)) return 'utf-8-sig';
  if (b.length >= 4) {
    if (b[0] === 0) return b[1] ? 'utf-16-be' : 'utf-32-be';
    if (b[1] === 0) return b[2] || b[3] ? 'utf-16-le' : 'utf-32-le';
  } else if (b.length === 2) {
    if (b[0] === 0) return 'utf-16-be';
    if (b[1] === 0) return 'utf-16-le';
  }
  return 'utf-8';
}
