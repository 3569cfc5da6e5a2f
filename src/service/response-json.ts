import { COMPACT, compareStr, dumps, singleHighs, floatText, PyDict, PyFloat, quoteJson, toDecimal, type Py } from '../lang/index.js';

const RESPONSE_JSON = Object.freeze({ ...COMPACT, sortKeys: true });

/**
 * Python values as the original's Flask jsonify wrote them: compact, every object's keys
 * sorted. What a response carries is JSON-shaped already (a request's values, or a JSON
 * round trip's), so this walks it directly; anything else (tuples, non-string keys) goes
 * through json.dumps' general encoder, which says the same and knows more.
 */
export function toJson(v: Py): string {
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
      return String(v);
    case 'bigint':
      return toDecimal(v);
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (v === null) return 'null';
  if (v instanceof PyFloat) return floatText(v.v);
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + toJson(v[i]);
    return out + ']';
  }
  if (v instanceof PyDict && v.k === null) {
    const keys: string[] = [];
    let sorted = true;
    for (const k of v.m.keys()) {
      if (typeof k !== 'string') return dumps(v, RESPONSE_JSON);
      // sort_keys orders by code point, as Python's < (JS's orders a pair below U+E000-U+FFFF)
      if (sorted && keys.length > 0 && compareStr(keys[keys.length - 1], k) > 0) sorted = false;
      keys.push(k);
    }
    if (!sorted) keys.sort(compareStr);
    let out = '{';
    for (let i = 0; i < keys.length; i++) out += (i === 0 ? '' : ',') + quote(keys[i]) + ':' + toJson(v.m.get(keys[i]));
    return out + '}';
  }
  return dumps(v, RESPONSE_JSON);
}

/** A string's JSON text, as JSON.stringify writes it (quoteJson: a lone surrogate is slow there); short plain ones need no builtin call. json-quote.ts quoteStr is the same look, kept apart: through it the /eval row counted 1.6% more instructions. */
function quote(s: string): string {
  if (s.length > 64) return quoteJson(singleHighs(s));
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // control characters, quote, backslash: escaped; surrogates: lone ones are escaped
    if (c < 32 || c === 34 || c === 92 || c >= 0xd800) return quoteJson(singleHighs(s));
  }
  return '"' + s + '"';
}
