/**
 * Whether two targets answered a request alike, structurally: JSON values compared by
 * meaning, not by spelling (key order and white space do not matter), numbers by type
 * and value (`2` is not `2.0`, as in Python), and an object with an `error` text by that
 * text alone (the evaluator adds fields to some error answers, such as `detail`).
 */

/** A JSON number, as Python reads it: an int (exact) or a float. */
class Num {
  constructor(
    readonly float: boolean,
    readonly value: number | bigint,
    readonly text: string,
  ) {}
}

type Json = null | boolean | string | Num | Json[] | { [key: string]: Json };

class ParseError extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
// what Python's json module writes for floats JSON has no spelling for
const SPECIAL: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** JSON text to a tree whose numbers keep their type; ParseError when it is not JSON. */
function parse(text: string): Json {
  let at = 0;
  const space = () => {
    while (at < text.length && (text[at] === ' ' || text[at] === '\n' || text[at] === '\r' || text[at] === '\t')) at++;
  };
  const value = (): Json => {
    space();
    const c = text[at];
    if (c === '{') {
      at++;
      // no prototype: a key such as "__proto__" or "toString" is just a key
      const o: { [key: string]: Json } = Object.create(null);
      space();
      if (text[at] === '}') return at++, o;
      for (;;) {
        space();
        const key = value();
        if (typeof key !== 'string') throw new ParseError(`a key at ${at}`);
        space();
        if (text[at++] !== ':') throw new ParseError(`':' at ${at - 1}`);
        o[key] = value();
        space();
        const next = text[at++];
        if (next === '}') return o;
        if (next !== ',') throw new ParseError(`',' or '}' at ${at - 1}`);
      }
    }
    if (c === '[') {
      at++;
      const a: Json[] = [];
      space();
      if (text[at] === ']') return at++, a;
      for (;;) {
        a.push(value());
        space();
        const next = text[at++];
        if (next === ']') return a;
        if (next !== ',') throw new ParseError(`',' or ']' at ${at - 1}`);
      }
    }
    if (c === '"') {
      // the string's own JSON text, decoded by JSON.parse
      let end = at + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) throw new ParseError(`an unterminated string at ${at}`);
      const s = JSON.parse(text.slice(at, end + 1)) as string;
      at = end + 1;
      return s;
    }
    for (const word of ['true', 'false', 'null', 'NaN', 'Infinity', '-Infinity'] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        if (word in SPECIAL) return new Num(true, SPECIAL[word], word);
        return word === 'null' ? null : word === 'true';
      }
    }
    NUMBER.lastIndex = at;
    const m = NUMBER.exec(text);
    if (m === null) throw new ParseError(`a value at ${at}`);
    at += m[0].length;
    const float = m[1] !== undefined || m[2] !== undefined;
    return new Num(float, float ? Number(m[0]) : BigInt(m[0]), m[0]);
  };
  const v = value();
  space();
  if (at !== text.length) throw new ParseError(`the end at ${at}`);
  return v;
}

const show = (v: Json): string => (v instanceof Num ? `${v.text} (${v.float ? 'float' : 'int'})` : v === null || typeof v !== 'object' ? JSON.stringify(v) : Array.isArray(v) ? 'a list' : 'an object');
const errorText = (v: Json) => (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Num) && typeof v.error === 'string' ? v.error : undefined);

/** Where a and b first differ, as `$.context.count: 2 (int) against 2.0 (float)`; null when alike. */
function difference(a: Json, b: Json, path: string): string | null {
  if (a instanceof Num || b instanceof Num) {
    if (a instanceof Num && b instanceof Num && a.float === b.float && (a.value === b.value || (a.float && Number.isNaN(a.value) && Number.isNaN(b.value)))) return null;
    return `${path}: ${show(a)} against ${show(b)}`;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? null : `${path}: ${show(a)} against ${show(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: ${show(a)} against ${show(b)}`;
  if (Array.isArray(a)) {
    const bs = b as Json[];
    if (a.length !== bs.length) return `${path}: ${a.length} items against ${bs.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], bs[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  const bo = b as { [key: string]: Json };
  const ea = errorText(a);
  const eb = errorText(bo);
  if (ea !== undefined || eb !== undefined) return ea === eb ? null : `${path}.error: ${ea === undefined ? 'none' : JSON.stringify(ea)} against ${eb === undefined ? 'none' : JSON.stringify(eb)}`;
  for (const k of Object.keys(a)) if (!(k in bo)) return `${path}.${k}: present against missing`;
  for (const k of Object.keys(bo)) if (!(k in a)) return `${path}.${k}: missing against present`;
  for (const k of Object.keys(a)) {
    const d = difference(a[k], bo[k], `${path}.${k}`);
    if (d !== null) return d;
  }
  return null;
}

export interface Answer {
  status: number;
  body: string;
}

/** Where answer b differs from the reference a, in words; null when they are alike. */
export function compareAnswers(a: Answer, b: Answer): string | null {
  if (a.status !== b.status) return `status ${a.status} against ${b.status}`;
  let ja: Json;
  let jb: Json;
  try {
    ja = parse(a.body);
  } catch {
    // not JSON, or nested deeper than the stack: the texts themselves are compared
    return a.body === b.body ? null : 'the reference answer is not JSON, and the texts differ';
  }
  try {
    jb = parse(b.body);
  } catch (err) {
    if (err instanceof ParseError) return `not JSON: expected ${err.message}`;
    if (err instanceof RangeError) return 'nested too deep to compare';
    throw err;
  }
  try {
    return difference(ja, jb, '$');
  } catch (err) {
    if (err instanceof RangeError) return 'nested too deep to compare';
    throw err;
  }
}
