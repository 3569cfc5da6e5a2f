/**
 * quote, quote_plus, quote_from_bytes, unquote, unquote_plus, unquote_to_bytes and urlencode,
 * as Lib/urllib/parse.py 3.11 writes them: encoding and decoding through str.encode and
 * bytes.decode (so every codec and error handler the evaluator has is CPython's), and the
 * Python's own type tests, so a wrong argument fails where and as CPython's does.
 */
import { getattr } from '../../attributes.js';
import { allocStr, step, work } from '../../budget.js';
import { PyByteArray } from '../../bytearray.js';
import { callValue } from '../../call.js';
import { TypeError_, typeErr, valueErr, pyErr } from '../../exceptions.js';
import { add, contains, getitem, iterate, len, truthy } from '../../ops.js';
import { str } from '../../repr.js';
import { PyBytes, PyException, PyFunc, PyTuple, typeName, type Py } from '../../values.js';
import { callMethod, unpack } from '../calendar/py.js';
import { pyDef } from '../python-def.js';
import { bytesOf, strOf } from './text.js';

const ALWAYS_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~';
const HEX = '0123456789ABCDEF';

/** bytes, not bytearray (isinstance(x, bytes)). */
const isBytes = (v: Py): v is PyBytes => v instanceof PyBytes && !(v instanceof PyByteArray);

/** The safe bytes below 128 of quote_from_bytes' `safe`: a str's ASCII characters, or the items below 128 of anything else. */
function safeBytes(safe: Py): Set<number> {
  const out = new Set<number>();
  const text = strOf(safe);
  if (text !== undefined) {
    work(text.length);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 128) out.add(text.charCodeAt(i));
    return out;
  }
  for (const c of iterate(safe)) {
    step();
    if (typeof c !== 'number' && typeof c !== 'bigint' && typeof c !== 'boolean') throw typeErr(`'<' not supported between instances of '${typeof c === 'string' ? 'str' : 'object'}' and 'int'`);
    const n = Number(c);
    if (n < 128) {
      if (n < 0) throw valueErr('bytes must be in range(0, 256)');
      out.add(n);
    }
  }
  return out;
}

export function quoteFromBytes(bs: Py, safe: Py): string {
  if (!(bs instanceof PyBytes)) throw typeErr('quote_from_bytes() expected bytes');
  if (bs.data.length === 0) return '';
  const safeSet = safeBytes(safe);
  // each byte becomes up to three characters
  allocStr(bs.data.length * 3);
  let out = '';
  for (const b of bs.data) {
    if (b < 128 && (ALWAYS_SAFE.includes(String.fromCharCode(b)) || safeSet.has(b))) out += String.fromCharCode(b);
    else out += '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

export function quote(string: Py, safe: Py, encoding: Py, errors: Py): Py {
  if (strOf(string) !== undefined) {
    if (!truthy(string)) return string;
    string = callMethod(string, 'encode', encoding ?? 'utf-8', errors ?? 'strict');
  } else {
    if (encoding !== null) throw typeErr("quote() doesn't support 'encoding' for bytes");
    if (errors !== null) throw typeErr("quote() doesn't support 'errors' for bytes");
  }
  return quoteFromBytes(string, safe);
}

export function quotePlus(string: Py, safe: Py, encoding: Py, errors: Py): Py {
  const text = strOf(string);
  if ((text !== undefined && !text.includes(' ')) || (isBytes(string) && !string.data.includes(32))) return quote(string, safe, encoding, errors);
  const space = strOf(safe) !== undefined ? ' ' : bytesOf(' ');
  const quoted = quote(string, add(safe, space), encoding, errors);
  return callMethod(quoted, 'replace', ' ', '+');
}

const hexValue = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);

/** The %XX escapes of bytes replaced by the bytes they name; any other '%' kept. */
function unquoteBytes(data: Uint8Array): Uint8Array {
  work(data.length);
  const out = new Uint8Array(data.length);
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    if (b === 37 && i + 2 < data.length + 0 && hexValue(data[i + 1]) >= 0 && hexValue(data[i + 2]) >= 0) {
      out[n++] = hexValue(data[i + 1]) * 16 + hexValue(data[i + 2]);
      i += 2;
    } else out[n++] = b;
  }
  return out.slice(0, n);
}

export function unquoteToBytes(string: Py): Py {
  if (!truthy(string)) {
    getattr(string, 'split');
    return new PyBytes(new Uint8Array(0));
  }
  if (strOf(string) !== undefined) string = callMethod(string, 'encode', 'utf-8');
  if (!(string instanceof PyBytes)) getattr(string, 'split');
  const data = (string as PyBytes).data;
  // no '%': the argument itself (bits of one)
  if (!data.includes(37)) return string;
  // each piece after a '%' is looked up in _hextobyte by its first two items: a bytearray's slice is unhashable
  if (string instanceof PyByteArray) throw typeErr("unhashable type: 'bytearray'");
  return new PyBytes(unquoteBytes(data));
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** bytes.decode(encoding, errors) of unquoted bytes: UTF-8 with 'replace' (the default) decoded here, any other by bytes.decode. */
function decodeUnquoted(data: Uint8Array, encoding: Py, errors: Py): string {
  if ((encoding === 'utf-8' || encoding === 'utf8') && errors === 'replace') return UTF8.decode(data);
  const text = callMethod(new PyBytes(data), 'decode', encoding, errors);
  return strOf(text) ?? str(text);
}

export function unquote(string: Py, encoding: Py, errors: Py): Py {
  if (isBytes(string)) return callMethod(unquoteToBytes(string), 'decode', encoding, errors);
  if (!contains(string, '%')) {
    getattr(string, 'split');
    return string;
  }
  const text = strOf(string);
  if (text === undefined) throw typeErr(`expected string or bytes-like object, got '${typeName(string)}'`);
  encoding ??= 'utf-8';
  errors ??= 'replace';
  work(text.length * 2);
  // _asciire.split: runs of ASCII unquoted as bytes, the rest kept
  return text.replace(/[\x00-\x7f]+/g, (run) => {
    if (!run.includes('%')) {
      // unquote_to_bytes gives the run's bytes back; decoding ASCII is the run itself, for an ASCII-compatible codec
      if ((encoding === 'utf-8' || encoding === 'utf8') && (errors === 'replace' || errors === 'strict')) return run;
    }
    const raw = new Uint8Array(run.length);
    for (let i = 0; i < run.length; i++) raw[i] = run.charCodeAt(i);
    return decodeUnquoted(unquoteBytes(raw), encoding, errors);
  });
}

export function unquotePlus(string: Py, encoding: Py, errors: Py): Py {
  return unquote(callMethod(string, 'replace', '+', ' '), encoding, errors);
}

/** urlencode(query, doseq, safe, encoding, errors, quote_via): `quote_via` called as the Python calls it. */
export function urlencode(query: Py, doseq: Py, safe: Py, encoding: Py, errors: Py, quoteVia: Py): Py {
  let pairs: Py;
  let hasItems = true;
  try {
    getattr(query, 'items');
  } catch (e) {
    if (!(e instanceof PyException) || e.type.name !== 'AttributeError') throw e;
    hasItems = false;
  }
  if (hasItems) pairs = callMethod(query, 'items');
  else {
    try {
      if (len(query) > 0 && !(getitem(query, 0) instanceof PyTuple)) throw typeErr('');
    } catch (e) {
      if (e instanceof PyException && e.type === TypeError_) throw pyErr(TypeError_, 'not a valid non-string sequence or mapping object');
      throw e;
    }
    pairs = query;
  }
  const quoteOf = (x: Py): Py => (isBytes(x) ? callValue(quoteVia, [x, safe], null) : callValue(quoteVia, [str(x), safe, encoding, errors], null));
  const parts: Py[] = [];
  for (const pair of iterate(pairs)) {
    step();
    const [k, v] = unpack(pair, 2);
    const key = quoteOf(k);
    if (!truthy(doseq) || isBytes(v) || strOf(v) !== undefined) {
      parts.push(add(add(key, '='), quoteOf(v)));
      continue;
    }
    let sequence = true;
    try {
      len(v);
    } catch (e) {
      if (!(e instanceof PyException) || e.type !== TypeError_) throw e;
      sequence = false;
    }
    if (!sequence) parts.push(add(add(key, '='), quoteOf(v)));
    else for (const elt of iterate(v)) {
      step();
      parts.push(add(add(key, '='), quoteOf(elt)));
    }
  }
  return callMethod('&', 'join', parts);
}

export const QUOTE_FUNCTIONS: [string, PyFunc][] = [];
const def = (name: string, params: string[], defaults: Record<string, Py>, body: (...a: Py[]) => Py) => {
  const f = pyDef(name, params, defaults, body);
  QUOTE_FUNCTIONS.push([name, f]);
  return f;
};
def('quote', ['string', 'safe', 'encoding', 'errors'], { safe: '/', encoding: null, errors: null }, quote);
const QUOTE_PLUS = def('quote_plus', ['string', 'safe', 'encoding', 'errors'], { safe: '', encoding: null, errors: null }, quotePlus);
def('quote_from_bytes', ['bs', 'safe'], { safe: '/' }, quoteFromBytes);
def('unquote', ['string', 'encoding', 'errors'], { encoding: 'utf-8', errors: 'replace' }, unquote);
def('unquote_plus', ['string', 'encoding', 'errors'], { encoding: 'utf-8', errors: 'replace' }, unquotePlus);
def('unquote_to_bytes', ['string'], {}, unquoteToBytes);
def('urlencode', ['query', 'doseq', 'safe', 'encoding', 'errors', 'quote_via'], { doseq: false, safe: '', encoding: null, errors: null, quote_via: QUOTE_PLUS }, urlencode);
