import { allocItems, checkSize, work } from './budget.js';
import { bufferOf, contiguousOf } from './bytes-like.js';
import { callValue } from './call.js';
import { PyInstance } from './classes.js';
import { typeErr } from './exceptions.js';
import type { Pattern } from './re.js';
import { parseTemplate, type Template } from './re-template.js';
import { slotsOf } from './types/table.js';
import { freshBytes, hashKey, latin1, PyBytes, PyException, PyFunc, PyStrBox, sharedBytes, typeName, type Py } from './values.js';

// re.sub and re.split, as _sre's pattern_subx and pattern_split make them.

/** Latin-1 text as the octets it stands for. */
function octetsOfText(text: string): Uint8Array {
  allocItems(text.length);
  const data = new Uint8Array(text.length);
  if (text.length <= 64) for (let i = 0; i < text.length; i++) data[i] = text.charCodeAt(i);
  else Buffer.from(data.buffer, data.byteOffset, data.length).write(text, 'latin1');
  return data;
}

/** Latin-1 text as bytes: a bytes pattern's results, made from octets it has (b'' and one octet are shared objects, as getslice makes them). */
export function bytesOfText(text: string): PyBytes {
  return sharedBytes(octetsOfText(text));
}

/** A piece of a bytes subject (its text `whole`), as _sre's getslice makes it: the subject itself where the piece is the whole of an exact bytes. */
export function pieceOf(text: string, whole: string, subject: Py): PyBytes {
  return text.length === whole.length && subject instanceof PyBytes && subject.constructor === PyBytes ? subject : bytesOfText(text);
}

/**
 * A template's text as sre_parse's Tokenizer reads it: a str as it is, anything else through
 * str(x, 'latin1'), which takes a bytes-like object only.
 */
export function templateText(v: Py): [text: string, bytes: boolean] {
  if (typeof v === 'string') return [v, false];
  if (v instanceof PyStrBox) return [v.value, false];
  const data = bufferOf(v);
  if (data === null) throw typeErr(`decoding to str: need a bytes-like object, ${typeName(v)} found`);
  work(data.length);
  return [latin1(data), true];
}

/** PyCallable_Check: a function, a type, or an instance whose class has __call__. */
function isCallable(v: Py): boolean {
  if (v instanceof PyFunc) return true;
  if (v instanceof PyInstance) return v.cls.lookup('__call__') !== undefined;
  return v !== null && typeof v === 'object' && !(v instanceof PyBytes) && slotsOf(v)?.call !== undefined;
}

/**
 * An item of sub's result as the final join takes it, as text (latin-1 for bytes), or null
 * for one of the wrong type: PyUnicode_Join takes strs, _PyBytes_Join bytes-like objects.
 */
function itemText(v: Py, bytes: boolean): string | null {
  if (!bytes) return typeof v === 'string' ? v : v instanceof PyStrBox ? v.value : null;
  if (typeof v === 'string' || v instanceof PyStrBox) return null;
  const data = bufferOf(v);
  return data === null ? null : latin1(data);
}

const joinError = (k: number, v: Py, bytes: boolean) =>
  typeErr(`sequence item ${k}: expected ${bytes ? 'a bytes-like object' : 'str instance'}, ${typeName(v)} found`);

/**
 * What replaces each match: a function's answer (None for nothing), a literal (a template
 * without a backslash, or one _subx finds to be a single literal), or a template's expansion.
 */
type Replacement = { call: Py } | { literal: Py } | { template: Template };

function replacement(p: Pattern, repl: Py): Replacement {
  if (isCallable(repl)) return { call: repl };
  // pattern_subx's literal check: a str or bytes-like template without a backslash
  const data = typeof repl === 'string' ? null : contiguousOf(repl);
  const text = typeof repl === 'string' ? repl : data === null ? null : latin1(data);
  if (text !== null && !text.includes('\\')) return { literal: repl };
  // _compile_repl is an lru_cache: its key is hashed first (a bytearray is unhashable)
  hashKey(repl);
  const t = parseTemplate(...templateText(repl), p.c.t.groups, p.c.t.names);
  if (t.items.length === 1 && typeof t.items[0] === 'string') return { literal: t.bytes ? bytesOfText(t.items[0]) : t.items[0] };
  return { template: t };
}

/**
 * re.sub on `s` (a bytes subject's latin-1 text), as pattern_subx: the pieces between the
 * matches and the replacements are joined at the end, where one of the wrong type is
 * refused, after every function has been called. Answers the result as text; `text` reads the
 * subject, after the template.
 */
export function sub(p: Pattern, repl: Py, text: () => string, subject: Py, count: number): [Py, number] {
  if (repl instanceof PyStrBox) repl = repl.value;
  // pattern_subx reads the template before the subject (state_init): sub(5, 2) is about the 5
  const r = replacement(p, repl);
  const s = text();
  const bytes = p.raw !== null;
  const literal = 'literal' in r ? itemText(r.literal, bytes) : null;
  // a template is read again for every match, whatever it expands to (\1 of an empty group)
  const cost = typeof repl === 'string' ? repl.length : 'call' in r ? 0 : (contiguousOf(repl)?.length ?? 0);
  let out = '';
  let last = 0;
  let n = 0;
  // the items of CPython's list so far, which its join's error counts
  let items = 0;
  // the list's first item, which a list of one is joined into (a bytes subject's pieces are its slices)
  let first: Py = null;
  let wrong: PyException | null = null;
  for (const m of p.all(s, subject)) {
    // a negative count, as sre's `while (!count || n < count)`, makes none
    if (count !== 0 && n >= count) break;
    work(cost);
    const at = m.m.index;
    if (at > last) {
      out += s.slice(last, at);
      if (items++ === 0) first = s.slice(last, at);
    }
    if ('template' in r) {
      out += m.expandText(r.template, false);
      if (items++ === 0) first = undefined;
    } else {
      const v = 'call' in r ? callValue(r.call, [m], null) : r.literal;
      // a function's None adds nothing
      if (v !== null) {
        const text = literal ?? itemText(v, bytes);
        if (text !== null) out += text;
        else wrong ??= joinError(items, v, bytes);
        if (items++ === 0) first = v;
      }
    }
    last = at + m.m[0].length;
    n++;
    checkSize(out.length);
  }
  if (wrong !== null) throw wrong;
  if (last < s.length && items++ === 0) first = s.slice(last);
  out += s.slice(last);
  checkSize(out.length);
  if (!bytes) return [out, n];
  // nothing replaced in a bytes object: CPython's join answers that object itself
  if (n === 0 && subject instanceof PyBytes && subject.constructor === PyBytes) return [subject, 0];
  // a list of one exact bytes is joined into that object (a piece of the subject is a slice of it, sharing b'' and one octet)
  if (items === 1 && first instanceof PyBytes && first.constructor === PyBytes) return [first, n];
  if (items === 1 && typeof first === 'string' && subject instanceof PyBytes && !subject.isByteArray()) return [bytesOfText(first), n];
  return [freshBytes(octetsOfText(out)), n];
}

/** re.split on `s` (a bytes subject's latin-1 text): the pieces, and the groups of each separator. */
export function split(p: Pattern, s: string, subject: Py, maxsplit: number): Py[] {
  const piece = p.raw === null ? (t: string) => t : (t: string) => pieceOf(t, s, subject);
  const out: Py[] = [];
  let last = 0;
  let n = 0;
  for (const m of p.all(s, subject)) {
    if (maxsplit !== 0 && n >= maxsplit) break;
    out.push(piece(s.slice(last, m.m.index)));
    for (let i = 1; i <= p.c.t.groups; i++) {
      const g = m.m[i];
      out.push(g === undefined ? null : piece(g));
    }
    last = m.m.index + m.m[0].length;
    n++;
  }
  out.push(piece(s.slice(last)));
  checkSize(out.length);
  return out;
}
