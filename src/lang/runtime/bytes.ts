import { bind, indexValue } from './args.js';
import { checkedMethods } from './arity.js';
import { bufferOf, contiguousOf, octetsOf } from './bytes-like.js';
import { allocItems, allocStr, charge, checkSize, work } from './budget.js';
import { fromhex, MORE_BYTES_ARITIES, MORE_BYTES_METHODS } from './bytes-methods.js';
import { LookupError, OverflowError, pyErr, typeErr, UnicodeDecodeError, UnicodeEncodeError, valueErr } from './exceptions.js';
import { isIterable } from './iteration.js';
import { pyHashBig } from './hash.js';
import { NOT_IMPLEMENTED, type Method, type PyTypeSlots } from './types/protocol.js';
import { registerType, registerTypeObject } from './types/table.js';
import { indexSized, intOf } from './numbers.js';
import { bytesBeyondMemory, repeatBeyondMemory } from './sizes.js';
import { nameOf } from './unicode-names.js';
import { PyBytes, PyException, PyFunc, PyStrBox, PyTuple, typeName, type Py } from './values.js';

export { PyBytes };

/** The encodings the evaluator has, by CPython's normalised names. */
function codec(given: Py): 'utf-8' | 'ascii' {
  const name = given instanceof PyStrBox ? given.value : given;
  if (typeof name !== 'string') throw typeErr(`encode() argument 'encoding' must be str, not ${typeName(name)}`);
  const n = name.toLowerCase().replace(/_/g, '-');
  if (n === 'utf-8' || n === 'utf8') return 'utf-8';
  if (n === 'ascii' || n === 'us-ascii') return 'ascii';
  throw pyErr(LookupError, `unknown encoding: ${name} (the evaluator encodes UTF-8 and ASCII only)`);
}

type Handler = 'strict' | 'ignore' | 'replace' | 'backslashreplace' | 'xmlcharrefreplace' | 'namereplace';
const HANDLERS = new Set<string>(['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']);

/** The error handler, looked up only when an error needs it, as CPython does. */
function handler(errors: Py): () => Handler {
  // a str subclass's instance is taken as its str, as PyUnicode_Check has it
  if (errors instanceof PyStrBox) errors = errors.value;
  if (typeof errors !== 'string') throw typeErr(`encode() argument 'errors' must be str, not ${typeName(errors)}`);
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

/** str.encode(encoding='utf-8', errors='strict'). */
export function encode(s: string, args: Py[], kw: Map<string, Py> | null): PyBytes {
  const [encoding = 'utf-8', errors = 'strict'] = bind('encode', args, kw, ['encoding', 'errors']);
  const enc = codec(encoding);
  const onError = handler(errors);
  charge(s.length);
  const points = [...s].map((c) => c.codePointAt(0)!);
  const out: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const cp = points[i];
    const bad = enc === 'ascii' ? cp > 0x7f : cp >= 0xd800 && cp <= 0xdfff;
    if (bad) {
      const how = onError();
      if (how === 'strict') {
        // a run of characters the codec cannot encode is reported at once, as CPython does
        let end = i + 1;
        while (end < points.length && (enc === 'ascii' ? points[end] > 0x7f : points[end] >= 0xd800 && points[end] <= 0xdfff)) end++;
        const reason = enc === 'ascii' ? 'ordinal not in range(128)' : 'surrogates not allowed';
        const where = end - i === 1 ? `character '${charEscape(cp)}' in position ${i}` : `characters in position ${i}-${end - 1}`;
        throw new PyException(UnicodeEncodeError, [enc, s, i, end, reason], `'${enc}' codec can't encode ${where}: ${reason}`);
      }
      if (how === 'replace') out.push(0x3f);
      // \xe9, \u20ac, \U0001f600 or &#233;, in ASCII
      else if (how === 'backslashreplace' || how === 'xmlcharrefreplace') for (const c of how === 'backslashreplace' ? charEscape(cp) : `&#${cp};`) out.push(c.charCodeAt(0));
      else if (how === 'namereplace') {
        // \N{LATIN SMALL LETTER E WITH ACUTE}, or \xe9's escape for a character without a name;
        // up to 90 bytes a character, so the size is checked as they come
        const name = nameOf(cp, true);
        const text = name === null ? charEscape(cp) : `\\N{${name}}`;
        for (let k = 0; k < text.length; k++) out.push(text.charCodeAt(k));
        checkSize(out.length);
      }
      continue;
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  allocItems(out.length);
  return new PyBytes(Uint8Array.from(out));
}

/** How many bytes from i form a valid prefix of a UTF-8 sequence, and how long the sequence must be (0: invalid start). */
function utf8Sequence(d: Uint8Array, i: number): { need: number; valid: number } {
  const b = d[i];
  if (b < 0x80) return { need: 1, valid: 1 };
  const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (need === 0) return { need: 0, valid: 0 };
  let valid = 1;
  for (let k = 1; k < need && i + k < d.length; k++) {
    const c = d[i + k];
    // the second byte's range excludes overlong forms, surrogates and code points past U+10FFFF
    const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
    const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
    if (c < lo || c > hi) break;
    valid++;
  }
  return { need, valid };
}

/** bytes.decode(encoding='utf-8', errors='strict'), with CPython's UnicodeDecodeError positions and reasons. */
export function decode(b: PyBytes, args: Py[], kw: Map<string, Py> | null): string {
  const [encoding = 'utf-8', errors = 'strict'] = bind('decode', args, kw, ['encoding', 'errors']);
  const enc = codec(encoding);
  const onError = handler(errors);
  const d = b.data;
  charge(d.length);
  let out = '';
  for (let i = 0; i < d.length; ) {
    let start = i;
    let end: number;
    let reason: string;
    if (enc === 'ascii') {
      if (d[i] < 0x80) {
        out += String.fromCharCode(d[i++]);
        continue;
      }
      end = i + 1;
      reason = 'ordinal not in range(128)';
    } else {
      const { need, valid } = utf8Sequence(d, i);
      if (need !== 0 && valid === need) {
        let cp = need === 1 ? d[i] : d[i] & (0xff >> (need + 1));
        for (let k = 1; k < need; k++) cp = (cp << 6) | (d[i + k] & 0x3f);
        out += String.fromCodePoint(cp);
        i += need;
        continue;
      }
      if (need === 0) [end, reason] = [i + 1, 'invalid start byte'];
      else if (i + valid >= d.length) [end, reason] = [d.length, 'unexpected end of data'];
      else [end, reason] = [i + valid, 'invalid continuation byte'];
    }
    const how = onError();
    if (how === 'strict') {
      const where = end - start === 1 ? `byte 0x${d[start].toString(16).padStart(2, '0')} in position ${start}` : `bytes in position ${start}-${end - 1}`;
      // its object is bytes, a bytearray's octets copied, as CPython's codecs make it
      const object = b.constructor === PyBytes ? b : new PyBytes(d.slice());
      throw new PyException(UnicodeDecodeError, [enc, object, start, end, reason], `'${enc}' codec can't decode ${where}: ${reason}`);
    }
    if (how === 'replace') out += '\ufffd';
    else if (how === 'backslashreplace') for (let k = start; k < end; k++) out += charEscape(d[k]);
    // a handler that only encodes, as CPython's codecs module words it
    else if (how === 'xmlcharrefreplace' || how === 'namereplace') throw typeErr("don't know how to handle UnicodeDecodeError in error callback");
    i = end;
    start = end;
  }
  // an escape is four characters a byte
  allocStr(out.length);
  return out;
}

/** bytes(), bytes(n), bytes(iterable of ints), bytes(str, encoding[, errors]), bytes(bytes). */
export function makeBytes(args: Py[], kw: Map<string, Py> | null, items: (v: Py) => Py[]): PyBytes {
  const [given, encoding, errors] = bind('bytes', args, kw, ['source', 'encoding', 'errors']);
  // a str subclass's instance is encoded as its str
  const source = given instanceof PyStrBox ? given.value : given;
  if (source === undefined) {
    if (encoding !== undefined || errors !== undefined) throw typeErr(encoding !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
    return new PyBytes(new Uint8Array(0));
  }
  if (typeof source === 'string') {
    if (encoding === undefined) throw typeErr('string argument without an encoding');
    return encode(source, [encoding, ...(errors === undefined ? [] : [errors])], null);
  }
  if (encoding !== undefined) throw typeErr('encoding without a string argument');
  if (errors !== undefined) throw typeErr('errors without a string argument');
  // bytes itself; a bytearray's or a memoryview's octets copied
  if (source instanceof PyBytes && source.constructor === PyBytes) return source;
  const octets = octetsOf(source);
  if (octets !== null) {
    allocItems(octets.length);
    return new PyBytes(octets.slice());
  }
  // an int, re's flags, or a class's __index__
  const count = indexValue(source);
  if (count !== undefined) {
    // a count of any size: past Py_ssize_t CPython cannot fit it, below it is refused by the size limit before anything is made
    if (typeof count === 'bigint' && (count >= 1n << 63n || count < -(1n << 63n))) throw pyErr(OverflowError, "cannot fit 'int' into an index-sized integer");
    const n = Number(count);
    if (n < 0) throw valueErr('negative count');
    bytesBeyondMemory(n);
    allocItems(n);
    return new PyBytes(new Uint8Array(n));
  }
  if (!isIterable(source)) throw typeErr(`cannot convert '${typeName(source)}' object to bytes`);
  const values = items(source);
  allocItems(values.length);
  const out = new Uint8Array(values.length);
  values.forEach((item, i) => {
    const v = indexValue(item);
    if (v === undefined) throw typeErr(`'${typeName(item)}' object cannot be interpreted as an integer`);
    const n = typeof v === 'bigint' ? -1 : v;
    if (n < 0 || n > 255) throw valueErr('bytes must be in range(0, 256)');
    out[i] = n;
  });
  return new PyBytes(out);
}

/** bytes_repr: b'...', with ' as the quote unless only " avoids escaping; bytearray_repr escapes every ' (`bytearray(b"it\\'s")`). */
export function bytesRepr(b: PyBytes, escapeEveryApostrophe = false): string {
  const d = b.data;
  charge(d.length);
  const quote = d.includes(0x27) && !d.includes(0x22) ? '"' : "'";
  let out = 'b' + quote;
  for (const c of d) {
    if (c === quote.charCodeAt(0) || c === 0x5c || (escapeEveryApostrophe && c === 0x27)) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

/** a + b, of a's type. */
function concat(a: PyBytes, b: Uint8Array): PyBytes {
  allocItems(a.data.length + b.length);
  const out = new Uint8Array(a.data.length + b.length);
  out.set(a.data);
  out.set(b, a.data.length);
  return a.like(out);
}

/** bytes_richcompare: octet by octet, then by length (-1, 0 or 1). */
function compareOctets(a: Uint8Array, b: Uint8Array): number {
  work(Math.min(a.length, b.length));
  // memcmp, as CPython's: an octet at a time in JavaScript, 55 ms for two million-octet bytes
  return Buffer.compare(a, b);
}

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  charge(hay.length);
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

export const BYTES_METHODS = checkedMethods('bytes', new Map<string, Method>([['decode', decode], ...MORE_BYTES_METHODS]), { decode: 'own', ...MORE_BYTES_ARITIES });

export const BYTES: PyTypeSlots<PyBytes> = {
  name: () => 'bytes',
  truthy: (v) => v.data.length !== 0,
  len: (v) => v.data.length,
  iter: (v) => v.data,
  repr: (v) => bytesRepr(v),
  // bytes hash as the str of the same one-byte characters does (both are _Py_HashBytes of the same octets)
  // each pays for the octets it reads, as str's do: 100,000 == of two million-octet bytes held a worker
  hash: (v) => (work(v.data.length), pyHashBig(v.latin1())),
  key: (v) => (work(v.data.length), '\u0000bytes' + v.latin1()),
  eq: (a, b) => (b instanceof PyBytes ? a.data.length === b.data.length && compareOctets(a.data, b.data) === 0 : NOT_IMPLEMENTED),
  compare: (a, b) => (b instanceof PyBytes ? compareOctets(a.data, b.data) : NOT_IMPLEMENTED),
  contains: (v, item) => {
    const sub = bufferOf(item);
    if (sub !== null) return indexOf(v.data, sub) >= 0;
    if (typeof item === 'number' || typeof item === 'boolean') {
      const n = Number(item);
      if (n < 0 || n > 255) throw valueErr('byte must be in range(0, 256)');
      return v.data.includes(n);
    }
    throw typeErr(`a bytes-like object is required, not '${typeName(item)}'`);
  },
  nb: {
    add: (a, b) => {
      if (!(a instanceof PyBytes)) return NOT_IMPLEMENTED;
      const other = contiguousOf(b);
      if (other === null) throw typeErr(`can't concat ${typeName(b)} to ${typeName(a)}`);
      return concat(a, other);
    },
    multiply: (a, b) => {
      const [bytes, count] = a instanceof PyBytes ? [a, b] : [b as PyBytes, a];
      const n = intOf(count);
      if (n === undefined) {
        // a builtin sequence on the right has no nb_multiply to answer first: bytes' sq_repeat refuses it, as CPython's
        if (a instanceof PyBytes && (typeof count === 'string' || Array.isArray(count) || count instanceof PyTuple || count instanceof PyBytes)) throw typeErr(`can't multiply sequence by non-int of type '${typeName(count)}'`);
        return NOT_IMPLEMENTED;
      }
      const times = Math.max(0, indexSized(n));
      if (times > 0) repeatBeyondMemory(typeName(bytes) === 'bytearray' ? 'bytearray' : 'bytes', bytes.data.length, n, () => bytes.data.length, () => 0xff);
      allocItems(bytes.data.length * times);
      const out = new Uint8Array(bytes.data.length * times);
      if (out.length === 0) return bytes.like(out);
      // by doubling, as CPython's bytes_repeat: a copy a piece took 30 ms for b'a' * 999999
      out.set(bytes.data);
      for (let done = bytes.data.length; done < out.length; done *= 2) out.copyWithin(done, 0, Math.min(done, out.length - done));
      return bytes.like(out);
    },
  },
  methods: BYTES_METHODS,
  classMethods: new Map([['fromhex', fromhex]]),
  // the class method read through a value, as CPython's classmethod descriptor answers it
  getattr: (_v, name) => (name === 'fromhex' ? new PyFunc('fromhex', fromhex, 'method') : undefined),
};

registerType(PyBytes, BYTES);
registerTypeObject('bytes', BYTES);
