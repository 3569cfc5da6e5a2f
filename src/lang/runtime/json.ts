import { fatalErr, pyErr, UnsupportedError, ValueError } from './exceptions.js';
import { tooDeep } from './budget.js';
import { bindArgs, Signature } from './signature.js';
import { scanJsonNumber } from './int/index.js';
import { PyDict, PyException, PyFloat, PyTuple, PyType, type Py } from './values.js';
import { LONG_KEY } from './keys.js';
import { cpIndex, cpString, lineAndColumn } from './codepoints.js';
import { str } from './repr.js';
import { callValue } from './call.js';

export { COMPACT, dumps, floatText, roundTrip, type DumpOptions } from './json-encode.js';

/** json.JSONDecodeError, a ValueError as in CPython. */
export const JSONDecodeError: PyType = new PyType('JSONDecodeError', (args, kw) => {
  // a condition's call meets JSONDecodeError.__init__(self, msg, doc, pos), written in Python
  const [msg, doc, pos] = bindArgs(DECODE_ERROR_INIT, args, kw);
  if (typeof doc !== 'string' || typeof pos !== 'number') throw fatalErr(UnsupportedError, 'JSONDecodeError() takes a str document and an int position in the evaluator');
  return decodeErrorOf(msg, doc, pos);
}, ValueError, true);
const DECODE_ERROR_INIT = new Signature('JSONDecodeError.__init__', ['msg', 'doc', 'pos'].map((name) => ({ name, star: '' as const })), 'python');

/**
 * A JSONDecodeError as its __init__ makes it: msg, doc, pos (a code point), lineno
 * (doc.count('\\n', 0, pos) + 1) and colno (pos - doc.rfind('\\n', 0, pos)), and its words.
 */
export function decodeErrorOf(msg: Py, doc: string, pos: number): PyException {
  const [lineno, colno] = lineAndColumn(doc, pos);
  const e = pyErr(JSONDecodeError, `${str(msg)}: line ${lineno} column ${colno} (char ${pos})`);
  e.dict = new Map<string, Py>([['msg', msg], ['doc', doc], ['pos', pos], ['lineno', lineno], ['colno', colno]]);
  return e;
}

/** A JSON text that does not parse: the message and the offset, as CPython's json module reports them. */
export class JsonSyntaxError extends Error {
  constructor(message: string, readonly pos: number, readonly text: string) {
    super(message);
  }

  /** json.loads's JSONDecodeError for it, its position a code point. */
  toPython(): PyException {
    return decodeErrorOf(this.message, this.text, cpIndex(this.text, Math.min(this.pos, this.text.length)));
  }

  /** "Expecting value: line 1 column 1 (char 0)" */
  describe(): string {
    let line = 1;
    let col = 1;
    for (let i = 0; i < this.pos && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        col = 1;
      } else col++;
    }
    return `${this.message}: line ${line} column ${col} (char ${this.pos})`;
  }
}

const MAX_JSON_DEPTH = 512;

/**
 * JSON text to Python values, as json.loads makes them: objects keep their key order
 * (also '10' before '2'), and 2.0 stays a float. Used for request bodies as well.
 */
export function parseJson(text: string): Py {
  return toPy(parseJsonValues(text));
}

/**
 * JSON text to JSON.parse's plain values where those say exactly what json.loads would
 * (no integer-like keys, which JS objects reorder; no integral floats such as 2.0; no
 * digit runs past 2**53; no nesting past MAX_JSON_DEPTH), else to Python values from
 * the exact parser. toPy turns either into Python values, so a request converts only
 * the parts a condition sees.
 */
export function parseJsonValues(text: string): unknown {
  return needsExact(text, null) ? parseExact(text) : parsePlain(text);
}

const HIGH_ESCAPE = /\\u[dD][89abAB]/;

/** JSON.parse, with CPython's message and position for a text it refuses. */
export function parsePlain(text: string): unknown {
  // JSON.parse makes a lone high surrogate's escape one unit, where a str holds it doubled (codepoints.ts)
  if (text.includes('\\u') && HIGH_ESCAPE.test(text)) return parseExact(text);
  try {
    return JSON.parse(text);
  } catch {
    return parseExact(text);
  }
}

/**
 * What needsExact reports of a text's structure as it scans, for callers that want to
 * find values by their place (the service finds repeated condition lists this way).
 * Depths count containers: the top object's keys are at depth 1.
 */
export interface ScanHooks {
  /** Keys at this depth or less are reported, and containers opened or closed up to one deeper. */
  readonly depth: number;
  /** A container ({ or [, at `at`) opens at `depth`. */
  open(at: number, depth: number): void;
  /** The container at `depth` closes at `at`. */
  close(at: number, depth: number): void;
  /**
   * A key, s[start, end), whose value starts at `value`. Returns where the scan goes on:
   * `value`, or the end of a value the caller has seen scanned before, to skip it.
   */
  key(start: number, end: number, value: number, depth: number): number;
}

/**
 * Whether JSON.parse could get this text wrong: a key such as "10" (JS objects put it
 * first), a number token such as 2.0, 1e3 or 1.5e0 (it must stay a float), an integer
 * of 16 digits or more (past 2**53), or nesting the exact parser refuses (and toPy could
 * not recurse through). One pass over the characters, strings skipped; a regular
 * expression here would trip V8's slow linear-engine fallback on large bodies.
 */
export function needsExact(s: string, hooks: ScanHooks | null, maxDepth = MAX_JSON_DEPTH): boolean {
  const n = s.length;
  const hookDepth = hooks === null ? -1 : hooks.depth;
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 123 || c === 91) {
      if (++depth > maxDepth) return true;
      if (depth <= hookDepth + 1) hooks!.open(i, depth);
    } else if (c === 125 || c === 93) {
      // an unmatched } or ]: no structure to report, and the exact parser says where it fails
      if (depth === 0) return true;
      if (depth <= hookDepth + 1) hooks!.close(i, depth);
      depth--;
    } else if (c === 34) {
      // a string: jump to its end (escaped quotes aside), then ask: a key? integer-like?
      const start = i + 1;
      let j = s.indexOf('"', start);
      if (j < 0) return true;
      while (s.charCodeAt(j - 1) === 92 && escapedQuote(s, j)) {
        j = s.indexOf('"', j + 1);
        if (j < 0) return true;
      }
      i = j;
      const k = skipSpaces(s, j + 1);
      if (s.charCodeAt(k) !== 58) continue;
      if (isIndexKey(s, start, j)) return true;
      if (depth <= hookDepth) {
        const value = skipSpaces(s, k + 1);
        const next = hooks!.key(start, j, value, depth);
        if (next > value) i = next - 1;
      }
    } else if ((c >= 48 && c <= 57) || c === 45) {
      // a number token
      let j = c === 45 ? i + 1 : i;
      const intStart = j;
      while (j < n && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      if (j - intStart >= 16) return true;
      if (s.charCodeAt(j) === 46) {
        let allZero = true;
        j++;
        while (j < n && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) {
          if (s.charCodeAt(j) !== 48) allZero = false;
          j++;
        }
        if (allZero) return true;
      }
      const e = s.charCodeAt(j);
      if (e === 101 || e === 69) return true;
      i = j - 1;
    }
  }
  return false;
}

/** The first position from i on that is not JSON whitespace. */
export function skipSpaces(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** Whether s[start, end) is a key JS objects would move first: digits, no leading zero, up to 10 of them. */
function isIndexKey(s: string, start: number, end: number): boolean {
  if (end === start || end - start > 10 || (s.charCodeAt(start) === 48 && end > start + 1)) return false;
  for (let k = start; k < end; k++) {
    const d = s.charCodeAt(k);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** Whether the quote at `at` is escaped: an odd run of backslashes before it. */
function escapedQuote(s: string, at: number): boolean {
  let n = 0;
  while (s.charCodeAt(at - 1 - n) === 92) n++;
  return (n & 1) === 1;
}

/**
 * parseJsonValues' result as Python values: plain objects become dicts, whole numbers
 * ints, the rest floats; Python values stay as they are, so it may run twice on a value.
 * Arrays are converted in place.
 */
export function toPy(v: unknown): Py {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? (v === 0 ? 0 : v) : new PyFloat(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = toPy(v[i]);
    return v;
  }
  if (!isPlainObject(v)) return v as Py;
  // setStr's test written out: through setStr for every key, /eval took 1.4-3% more instructions (docs/performance.md)
  const m = new Map<unknown, Py>();
  let d: PyDict | null = null;
  for (const k in v) {
    if (k.length < LONG_KEY) m.set(k, toPy(v[k]));
    else (d ??= new PyDict(m)).set(k, toPy(v[k]));
  }
  return d ?? new PyDict(m);
}

/** A JSON object as JSON.parse makes it (a PyDict is not one). */
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** How deep the exact parser nests containers, and what it raises past that. */
export interface DepthLimit {
  readonly depth: number;
  tooDeep(kind: 'array' | 'object', at: { fail(message: string): never }): never;
}

/** A request's body, or a file's line: a JSONDecodeError-like refusal at the container past MAX_JSON_DEPTH. */
const BODY_LIMIT: DepthLimit = { depth: MAX_JSON_DEPTH, tooDeep: (_kind, at) => at.fail(`Nesting deeper than ${MAX_JSON_DEPTH} levels`) };

/**
 * json.loads: CPython's scanner enters its recursion check for each array and object
 * (scan_once_unicode), so it nests as deep as the frames running leave room for, then raises
 * RecursionError. `depth` is that room (budget.ts nestingRoom).
 */
export function parseJsonNested(text: string, depth: number): Py {
  if (!needsExact(text, null, Math.min(depth, MAX_JSON_DEPTH))) return toPy(parsePlain(text));
  return parseExact(text, { depth, tooDeep: (kind) => { throw tooDeep(`while decoding a JSON ${kind} from a unicode string`); } });
}

/** The exact parser alone: what parseJson falls back to (exported for the tests that compare both). */
export function parseExact(text: string, limit: DepthLimit = BODY_LIMIT): Py {
  const p = new JsonParser(text, limit);
  p.ws();
  const v = p.value(0);
  p.ws();
  if (p.i < text.length) throw new JsonSyntaxError('Extra data', p.i, text);
  return v;
}

/**
 * A JSONDecoder's hooks, as its C scanner holds them (Modules/_json.c): a parse_float or
 * parse_int that is not float or int itself (null here) is called with the number's text,
 * parse_constant with 'NaN', 'Infinity' or '-Infinity'; object_pairs_hook, when not None,
 * takes each object's (key, value) pairs in place of object_hook taking its dict. Each call
 * is a Python call, charged by callValue.
 */
export interface DecodeHooks {
  readonly objectHook: Py | null;
  readonly pairsHook: Py | null;
  readonly parseFloat: Py | null;
  readonly parseInt: Py | null;
  readonly parseConstant: Py;
  readonly strict: boolean;
}

/**
 * scan_once(s, idx) of a JSONDecoder: the value that starts at s[idx] (UTF-16 units), with
 * the hooks, and where it ends. A JsonSyntaxError where it does not parse.
 */
export function scanOnce(text: string, at: number, hooks: DecodeHooks, depth: number): [Py, number] {
  const p = new JsonParser(text, { depth, tooDeep: (kind) => { throw tooDeep(`while decoding a JSON ${kind} from a unicode string`); } }, hooks);
  p.i = at;
  const v = p.value(0);
  return [v, p.i];
}

class JsonParser {
  i = 0;
  constructor(
    readonly s: string,
    readonly limit: DepthLimit,
    readonly hooks: DecodeHooks | null = null,
  ) {}

  fail(message: string, at = this.i): never {
    throw new JsonSyntaxError(message, at, this.s);
  }

  ws(): void {
    this.i = skipSpaces(this.s, this.i);
  }

  value(depth: number): Py {
    const s = this.s;
    const c = s.charCodeAt(this.i);
    switch (c) {
      case 123: // {
        return this.object(depth + 1);
      case 91: // [
        return this.array(depth + 1);
      case 34: // "
        return this.string();
      case 116: // t
        return this.literal('true', true);
      case 102: // f
        return this.literal('false', false);
      case 110: // n
        return this.literal('null', null);
      case 78: // N
        return this.constant('NaN', NaN);
      case 73: // I
        return this.constant('Infinity', Infinity);
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.number();
        return this.fail('Expecting value');
    }
  }

  literal(word: string, v: Py): Py {
    if (!this.s.startsWith(word, this.i)) this.fail('Expecting value');
    this.i += word.length;
    return v;
  }

  /** NaN, Infinity or -Infinity (at this.i): a float, or what the decoder's parse_constant makes of its name. */
  constant(word: string, x: number): Py {
    if (!this.s.startsWith(word, this.i)) this.fail('Expecting value');
    this.i += word.length;
    return this.hooks === null ? new PyFloat(x) : callValue(this.hooks.parseConstant, [word], null);
  }

  number(): Py {
    const s = this.s;
    const start = this.i;
    let i = start;
    if (s.charCodeAt(i) === 45) {
      i++;
      if (s.startsWith('Infinity', i)) {
        this.i = start;
        return this.constant('-Infinity', -Infinity);
      }
    }
    const digitsStart = i;
    while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === digitsStart) this.fail('Expecting value', start);
    // CPython reads "01" as 0 followed by extra data
    if (s.charCodeAt(digitsStart) === 48 && i > digitsStart + 1) i = digitsStart + 1;
    let isFloat = false;
    if (s.charCodeAt(i) === 46 && s.charCodeAt(i + 1) >= 48 && s.charCodeAt(i + 1) <= 57) {
      isFloat = true;
      i += 2;
      while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    }
    const e = s.charCodeAt(i);
    if (e === 101 || e === 69) {
      let j = i + 1;
      if (s.charCodeAt(j) === 43 || s.charCodeAt(j) === 45) j++;
      const expStart = j;
      while (s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      if (j > expStart) {
        isFloat = true;
        i = j;
      }
    }
    this.i = i;
    const hook = this.hooks === null ? null : isFloat ? this.hooks.parseFloat : this.hooks.parseInt;
    if (hook !== null) return callValue(hook, [s.slice(start, i)], null);
    if (isFloat) return new PyFloat(Number(s.slice(start, i)));
    // an int of any size, exact; past 4,300 digits int()'s ValueError, as json.loads raises it
    return scanJsonNumber(s, start)!.int;
  }

  string(): string {
    const s = this.s;
    const start = this.i;
    let i = start + 1;
    // fast path: no escapes
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return s.slice(start + 1, i);
      }
      if (c === 92) break;
      if (c < 32 || i >= s.length) {
        if (i >= s.length) this.fail('Unterminated string starting at', start);
        if (this.hooks === null || this.hooks.strict) this.fail('Invalid control character at', i);
      }
      i++;
    }
    let out = s.slice(start + 1, i);
    for (;;) {
      const c = s.charCodeAt(i);
      if (i >= s.length) this.fail('Unterminated string starting at', start);
      if (c === 34) {
        this.i = i + 1;
        return out;
      }
      if (c < 32 && (this.hooks === null || this.hooks.strict)) this.fail('Invalid control character at', i);
      if (c !== 92) {
        out += s[i++];
        continue;
      }
      const e = s[i + 1];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = s.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape', i + 1);
          const code = parseInt(hex, 16);
          const low = (code & 0xfc00) === 0xd800 && s.charCodeAt(i + 6) === 92 && s.charCodeAt(i + 7) === 117 ? s.slice(i + 8, i + 12) : '';
          if (/^[dD][c-fC-F][0-9a-fA-F]{2}$/.test(low)) {
            // a high escape and a low one: one character beyond the BMP, as py_scanstring joins them
            out += String.fromCharCode(code, parseInt(low, 16));
            i += 6;
          } else out += cpString(code);
          i += 4;
          break;
        }
        default:
          this.fail('Invalid \\escape', i);
      }
      i += 2;
    }
  }

  object(depth: number): Py {
    if (depth > this.limit.depth) this.limit.tooDeep('object', this);
    const d = new PyDict();
    const pairs: Py[] | null = this.hooks?.pairsHook == null ? null : [];
    this.i++;
    this.ws();
    if (this.s.charCodeAt(this.i) === 125) {
      this.i++;
      return this.closed(d, pairs);
    }
    for (;;) {
      if (this.s.charCodeAt(this.i) !== 34) this.fail('Expecting property name enclosed in double quotes');
      const key = this.string();
      this.ws();
      if (this.s.charCodeAt(this.i) !== 58) this.fail("Expecting ':' delimiter");
      this.i++;
      this.ws();
      const v = this.value(depth);
      if (pairs !== null) pairs.push(new PyTuple([key, v]));
      else d.setStr(key, v);
      this.ws();
      const c = this.s.charCodeAt(this.i);
      if (c === 125) {
        this.i++;
        return this.closed(d, pairs);
      }
      if (c !== 44) this.fail("Expecting ',' delimiter");
      this.i++;
      this.ws();
    }
  }

  /** An object as it closes: the dict, or what object_pairs_hook makes of its pairs, or object_hook of the dict. */
  closed(d: PyDict, pairs: Py[] | null): Py {
    const hooks = this.hooks;
    if (hooks === null) return d;
    if (pairs !== null) return callValue(hooks.pairsHook!, [pairs], null);
    return hooks.objectHook === null ? d : callValue(hooks.objectHook, [d], null);
  }

  array(depth: number): Py[] {
    if (depth > this.limit.depth) this.limit.tooDeep('array', this);
    const out: Py[] = [];
    this.i++;
    this.ws();
    if (this.s.charCodeAt(this.i) === 93) {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth));
      this.ws();
      const c = this.s.charCodeAt(this.i);
      if (c === 93) {
        this.i++;
        return out;
      }
      if (c !== 44) this.fail("Expecting ',' delimiter");
      this.i++;
      this.ws();
    }
  }
}
