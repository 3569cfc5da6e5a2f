import { cpLen } from './codepoints.js';
import { chargeSteps, checkSize } from './budget.js';
import { IndexError, pyErr, typeErr, ValueError } from './exceptions.js';
import { parseInt } from './int/text.js';
import { Tokenizer } from './re/parse.js';
import { strRepr } from './str-repr.js';
import { PyException } from './values.js';

// Replacement templates (re.sub's repl, Match.expand), as sre_parse's parse_template and
// expand_template (Lib/re/_parser.py, 3.11) read and expand them.

/**
 * A template parsed: its literal pieces and group references, in order. A bytes template
 * (`bytes`) is read as its latin-1 decoding, so its literals are latin-1 text.
 */
export interface Template {
  items: (string | number)[];
  bytes: boolean;
}

const DIGITS = '0123456789';
const OCTDIGITS = '01234567';
/** sre's MAXGROUPS on a 64-bit build. */
const MAXGROUPS = 2147483647;
/** Steps per character of a template parsed: 0.3-0.6 µs measured (10**6 characters of text, escapes or group references). */
const PARSE_STEPS_PER_CHAR = 2;
const ESCAPES: Record<string, string> = { '\\a': '\x07', '\\b': '\b', '\\f': '\f', '\\n': '\n', '\\r': '\r', '\\t': '\t', '\\v': '\v', '\\\\': '\\' };

const isIdentifier = (name: string) => /^[\p{L}\p{Nl}_][\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]*$/u.test(name);
/** `tok in SET` for one of sre_parse's sets of characters: a token of two (an escape) is in none. */
const isIn = (set: string, tok: string | null) => tok !== null && tok.length === 1 && set.includes(tok);

/** int(name) as parse_template calls it, or null where int() raises ValueError. */
function intOfName(name: string): number | bigint | null {
  try {
    return parseInt(name, 10);
  } catch (err) {
    if (err instanceof PyException && err.type === ValueError) return null;
    throw err;
  }
}

/** parse_template: `text` is the template (a bytes one latin-1 decoded); `groups` and `names` the pattern's. */
export function parseTemplate(text: string, bytes: boolean, groups: number, names: ReadonlyMap<string, number>): Template {
  // parsing cannot be interrupted: paid before, by the template's length
  chargeSteps(text.length * PARSE_STEPS_PER_CHAR);
  const s = new Tokenizer(text, !bytes);
  const items: (string | number)[] = [];
  let literal = '';
  const addGroup = (index: number | bigint, pos: number) => {
    if (index > groups) s.error(`invalid group reference ${index}`, pos);
    if (literal !== '') items.push(literal);
    literal = '';
    items.push(Number(index));
  };
  for (;;) {
    let t = s.get();
    if (t === null) break;
    if (t[0] !== '\\') {
      literal += t;
      continue;
    }
    const c = t.slice(1);
    if (c === 'g') {
      if (!s.match('<')) s.error('missing <');
      const name = s.getUntil('>', 'group name');
      let index: number | bigint;
      if (isIdentifier(name)) {
        const n = names.get(name);
        if (n === undefined) throw pyErr(IndexError, `unknown group name ${strRepr(name)}`);
        index = n;
      } else {
        const n = intOfName(name);
        if (n === null || n < 0) return s.error(`bad character in group name ${strRepr(name)}`, cpLen(name) + 1);
        if (n >= MAXGROUPS) s.error(`invalid group reference ${n}`, cpLen(name) + 1);
        index = n;
      }
      addGroup(index, cpLen(name) + 1);
    } else if (c === '0') {
      if (isIn(OCTDIGITS, s.next)) {
        t += s.get();
        if (isIn(OCTDIGITS, s.next)) t += s.get();
      }
      literal += String.fromCharCode(globalThis.parseInt(t.slice(1), 8) & 0xff);
    } else if (isIn(DIGITS, c)) {
      let octal = false;
      if (isIn(DIGITS, s.next)) {
        t += s.get();
        if (OCTDIGITS.includes(c) && OCTDIGITS.includes(t[2]) && isIn(OCTDIGITS, s.next)) {
          t += s.get();
          octal = true;
          const v = globalThis.parseInt(t.slice(1), 8);
          if (v > 0o377) s.error(`octal escape value ${t} outside of range 0-0o377`, t.length);
          literal += String.fromCharCode(v);
        }
      }
      if (!octal) addGroup(Number(t.slice(1)), t.length - 1);
    } else {
      const e = ESCAPES[t];
      if (e !== undefined) literal += e;
      else {
        if (/^[a-zA-Z]$/.test(c)) s.error(`bad escape ${t}`, t.length);
        // an escape of anything else is kept whole: '\\.' stays two characters
        literal += t;
      }
    }
  }
  if (literal !== '') items.push(literal);
  return { items, bytes };
}

/**
 * expand_template's join: the template's items with each group's value (or the empty value),
 * joined by the subject's empty value, which refuses a literal of the other kind in join's
 * words. `group` gives a group's value as latin-1 text for a bytes subject.
 */
export function expandTemplate(t: Template, bytesSubject: boolean, group: (g: number) => string | undefined): string {
  let out = '';
  for (let k = 0; k < t.items.length; k++) {
    const item = t.items[k];
    if (typeof item === 'number') {
      out += group(item) ?? '';
      // a group may be long, and named many times
      checkSize(out.length);
    }
    else if (t.bytes === bytesSubject) out += item;
    else throw typeErr(`sequence item ${k}: ${bytesSubject ? 'expected a bytes-like object, str found' : 'expected str instance, bytes found'}`);
  }
  return out;
}
