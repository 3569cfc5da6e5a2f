/**
 * _string.formatter_parser and _string.formatter_field_name_split, as CPython's
 * unicode_format.h reads a format string (MarkupIterator, parse_field, FieldNameIterator):
 * string.Formatter's parse and get_field, with CPython's words for each malformed field.
 */
import { tick } from '../budget.js';
import { asciiDigit } from '../int/text.js';
import { valueErr } from '../exceptions.js';
import { PyIterator, PyTuple, type Py } from '../values.js';

const DIGIT = /^\p{Nd}$/u;

/** get_integer: the decimal value of a field's text, or -1 when it is empty or holds a non-digit. */
export function fieldIndex(s: string): number | bigint {
  if (s.length === 0) return -1;
  let digits = '';
  for (const ch of s) {
    if (!DIGIT.test(ch)) return -1;
    // any Unicode decimal digit, as Py_UNICODE_TODECIMAL reads it
    digits += asciiDigit(ch);
  }
  const v = BigInt(digits);
  // PY_SSIZE_T_MAX on the 64-bit host
  if (v > 9223372036854775807n) throw valueErr('Too many decimal digits in format string');
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** One step of the parser: the literal text, and the field after it if any (name, spec, conversion). */
type Part = [string, string | null, string | null, string | null];

/** parse_field: the field from `pos` (after its '{') to its closing '}', as its name, its spec, its conversion and where it ends. */
export function parseField(s: string, pos: number): [string, string, string | null, number] {
  let i = pos;
  let c = '';
  while (i < s.length) {
    c = s[i++];
    if (c === '{') throw valueErr("unexpected '{' in field name");
    if (c === '[') {
      // a key in brackets may hold any of the other marks
      while (i < s.length && s[i] !== ']') i++;
      continue;
    }
    if (c === '}' || c === ':' || c === '!') break;
  }
  const name = s.slice(pos, i - 1);
  if (c !== '!' && c !== ':') {
    if (c !== '}') throw valueErr("expected '}' before end of string");
    return [name, '', null, i];
  }
  let conversion: string | null = null;
  if (c === '!') {
    if (i >= s.length) throw valueErr('end of string while looking for conversion specifier');
    // one code point: a pair's two units, or a lone high surrogate's (codepoints.ts)
    conversion = s.slice(i, i + ((s.charCodeAt(i) & 0xfc00) === 0xd800 ? 2 : 1));
    i += conversion.length;
    if (i < s.length) {
      c = s[i++];
      if (c === '}') return [name, '', conversion, i];
      if (c !== ':') throw valueErr("expected ':' after conversion specifier");
    }
  }
  const specStart = i;
  let count = 1;
  while (i < s.length) {
    c = s[i++];
    if (c === '{') count++;
    else if (c === '}' && --count === 0) return [name, s.slice(specStart, i - 1), conversion, i];
  }
  throw valueErr("unmatched '{' in format spec");
}

/** MarkupIterator: the parts of a format string, lazily, as formatter_parser yields them. */
export function* markup(s: string): Generator<Py> {
  let pos = 0;
  while (pos < s.length) {
    tick();
    const start = pos;
    let c = '';
    let markupFollows = false;
    while (pos < s.length) {
      c = s[pos++];
      if (c === '{' || c === '}') {
        markupFollows = true;
        break;
      }
    }
    const atEnd = pos >= s.length;
    let len = pos - start;
    if (c === '}' && markupFollows && (atEnd || s[pos] !== '}')) throw valueErr("Single '}' encountered in format string");
    if (atEnd && c === '{' && markupFollows) throw valueErr("Single '{' encountered in format string");
    if (!atEnd && markupFollows) {
      if (s[pos] === c) {
        // an escaped brace: literal text, no field after it
        pos++;
        markupFollows = false;
      } else len--;
    }
    const literal = s.slice(start, start + len);
    if (!markupFollows) {
      yield tuple([literal, null, null, null]);
      continue;
    }
    const [name, spec, conversion, end] = parseField(s, pos);
    pos = end;
    yield tuple([literal, name, spec, conversion]);
  }
}

const tuple = (p: Part): PyTuple => new PyTuple(p);

/** formatter_parser(s): an iterator of (literal_text, field_name, format_spec, conversion). */
export const formatterParser = (s: string): PyIterator => new PyIterator(markup(s), 'formatteriterator');

/** FieldNameIterator: `.name` and `[key]` after a field's first part, as (is_attr, name) pairs, its errors met as it is walked. */
export function* fieldRest(s: string, pos: number): Generator<Py> {
  while (pos < s.length) {
    tick();
    const c = s[pos++];
    let name: string;
    let isAttr: boolean;
    if (c === '.') {
      isAttr = true;
      const start = pos;
      while (pos < s.length && s[pos] !== '[' && s[pos] !== '.') pos++;
      name = s.slice(start, pos);
    } else if (c === '[') {
      isAttr = false;
      const start = pos;
      while (pos < s.length && s[pos] !== ']') pos++;
      if (pos >= s.length) throw valueErr("Missing ']' in format string");
      name = s.slice(start, pos);
      pos++;
    } else throw valueErr("Only '.' or '[' may follow ']' in format field specifier");
    if (name === '') throw valueErr('Empty attribute in format string');
    const index = isAttr ? -1 : fieldIndex(name);
    yield new PyTuple([isAttr, index === -1 ? name : index]);
  }
}

/** formatter_field_name_split(name): its first part (an int when all digits) and an iterator of the rest. */
export function fieldNameSplit(s: string): PyTuple {
  let i = 0;
  while (i < s.length && s[i] !== '[' && s[i] !== '.') i++;
  const first = s.slice(0, i);
  const index = fieldIndex(first);
  return new PyTuple([index === -1 ? first : index, new PyIterator(fieldRest(s, i), 'fieldnameiterator')]);
}
