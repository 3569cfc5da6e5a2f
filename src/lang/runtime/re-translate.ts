import { cpLen } from './codepoints.js';
import { OverflowError, RecursionError, pyErr } from './exceptions.js';
import { patternError } from './re-error.js';
import { strRepr } from './str-repr.js';
import { lookupName } from './unicode-names.js';
import type { Safety } from './re-safety.js';
import { GROUP_NAME } from './unicode-14.js';

// Python's regular expressions translated into JavaScript's: flags, groups, anchors, escapes.

export const FLAGS = { I: 2, L: 4, M: 8, S: 16, U: 32, X: 64, A: 256 } as const;
const FLAG_LETTERS: Record<string, number> = { i: FLAGS.I, L: FLAGS.L, m: FLAGS.M, s: FLAGS.S, u: FLAGS.U, x: FLAGS.X, a: FLAGS.A };

/**
 * A Python pattern translated to JavaScript: `plain` uses JS's own anchors, which agree
 * with Python's but on subjects with \r, \u2028 or \u2029 (multiline) or ending in \n
 * (not multiline, where Python's `$` also holds before that \n). `exact` spells Python's
 * `^` and `$` with lookarounds, which only the backtracking engine runs. `marked`, when
 * every `$` ends the match, keeps the final-\n case linear: see Marked.
 */
export interface Translation {
  plain: string;
  exact: string;
  marked: Marked | null;
  flags: number;
  groups: number;
  names: Map<string, number>;
  /** Whether the pattern has ^ or $ whose meaning depends on the subject. */
  anchors: boolean;
  /** Whether it reads a subject beyond ASCII differently: \d \w \s \b and their negations, ., [^...] or a character beyond the BMP. */
  unicode: boolean;
  /** Whether it has \B, which sre never matches in an empty string, where JS's matches. */
  nonBoundary: boolean;
  /** Whether a set holds a character beyond the BMP, spelt U+FFFF for a subject within the BMP: a subject holding U+FFFF itself is read as one beyond it. */
  setBeyondBmp: boolean;
  /** For which subjects it was made (see Repertoire). */
  repertoire: Repertoire;
}

/**
 * The subjects a translation is for. Python's \d \w \s and \b are Unicode's on a str; JS's
 * are ASCII's, which is the same on an ASCII subject ('ascii', the common case: the classes
 * stay JS's own). Beyond ASCII ('bmp') the classes are spelt out as sets of UTF-16 units and
 * \b as lookarounds; beyond the BMP ('astral') the expression takes the u flag, so that a
 * character is one code point, with the classes as Unicode properties.
 */
export type Repertoire = 'ascii' | 'bmp' | 'astral';

/**
 * Python's `$` (not multiline) as `(?:$|\n$())`: on a subject ending in \n, the second
 * branch takes the \n where Python stops before it and marks that with an empty group.
 * Exact when nothing can follow a `$` in the pattern: the match then ends there, and a
 * marked match loses its last character, as do the groups around that `$`.
 */
export interface Marked {
  source: string;
  /** The JS group of each Python group, by Python number. */
  groupOf: number[];
  /** Each marker's JS group and the Python groups around it. */
  markers: { group: number; around: number[] }[];
}

const BAD_ESCAPE = /[a-zA-Z]/;
const VERBOSE_SPACE = ' \t\n\r\v\f';
const CLASS_ESCAPES = 'dDwWsS';
const SIMPLE = 'nrtfv';

/**
 * Thrown by translate at a construct JavaScript lacks (scoped flags, atomic groups, possessive
 * repeats, conditional groups): the pattern is the evaluator's own engine's (re/engine.ts),
 * which parses it again from the start, as sre_parse does, with its errors.
 */
export class OwnEngine extends Error {}

export function reError(msg: string, pos?: number): never {
  throw patternError(msg, pos);
}

export function translate(pattern: string, flags: number, repertoire: Repertoire = 'ascii'): Translation {
  let plain = '';
  let exact = '';
  let marked = '';
  const emit = (p: string, e = p, mk = p) => {
    plain += p;
    exact += e;
    marked += mk;
  };
  let groups = 0;
  // for `marked`: JS group numbers, markers, where they end, and the Python groups open
  const groupOf = [0];
  const markers: { group: number; around: number[] }[] = [];
  const markerEnds: number[] = [];
  const around: number[] = [];
  const names = new Map<string, number>();
  let anchors = false;
  let unicode = false;
  let nonBoundary = false;
  let setBeyondBmp = false;
  // Global inline flags must lead the pattern, as in Python 3.11.
  const lead = /^\(\?([aiLmsux]+)\)/.exec(pattern);
  let i = 0;
  if (lead !== null) {
    for (const c of lead[1]) flags |= FLAG_LETTERS[c];
    i = lead[0].length;
  }
  // a str pattern cannot have re.L, nor re.A with re.U: the own parser says so in sre_parse's words
  if (flags & FLAGS.L || (flags & FLAGS.A && flags & FLAGS.U)) throw new OwnEngine();
  const verbose = (flags & FLAGS.X) !== 0;
  const multiline = (flags & FLAGS.M) !== 0;
  const dotall = (flags & FLAGS.S) !== 0;
  const classes = (flags & FLAGS.A) !== 0 ? 'A' : repertoire === 'ascii' ? 'ascii' : 'unicode';
  let inClass = false;
  // sre_parse's checks, with its words and positions: what the last item was (a quantifier
  // needs something to repeat, and may not follow another), and the groups still open
  let last: 'none' | 'atom' | 'anchor' | 'repeat' | 'lazy' = 'none';
  const open: number[] = [];
  const repeat = (at: number) => {
    if (last === 'none' || last === 'anchor') reError('nothing to repeat', at);
    if (last === 'repeat' || last === 'lazy') reError('multiple repeat', at);
    last = 'repeat';
  };
  for (; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      if (!inClass) last = 'ABZbB'.includes(pattern[i + 1] ?? '') ? 'anchor' : 'atom';
      const e = pattern[i + 1];
      if (e === undefined) reError('bad escape (end of pattern)', i);
      i++;
      if (e === 'A' && !inClass) emit(multiline ? '(?<![\\s\\S])' : '^', '(?<![\\s\\S])');
      else if (e === 'Z' && !inClass) emit(multiline ? '(?![\\s\\S])' : '$', '(?![\\s\\S])');
      else if (CLASS_ESCAPES.includes(e)) {
        unicode = true;
        emit(classEscape(e, inClass, classes));
      } else if ((e === 'b' || e === 'B') && !inClass) {
        unicode = true;
        nonBoundary ||= e === 'B';
        // Unicode's (lookarounds) replace it in the expression run, not in the one analysed: see realise
        emit('\\' + e);
      } else if (SIMPLE.includes(e)) emit('\\' + e);
      else if (e === 'b') emit('\\x08');
      else if (e === 'a') emit('\\x07');
      else if (e === 'x' || e === 'u' || e === 'U' || e === 'N') {
        let code: number;
        if (e === 'N') {
          [code, i] = namedChar(pattern, i - 1);
          i--;
        } else {
          const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = pattern.slice(i + 1, i + 1 + n);
          if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) reError(`incomplete escape \\${e}${hex}`, i - 1);
          code = parseInt(hex, 16);
          // past the last code point: sre_parse's words, which the parser says (translateOrOwn)
          if (code > 0x10ffff) reError(`bad escape \\${e}${hex}`, i - 1);
          i += n;
        }
        unicode ||= code > 0xffff || isSurrogate(code);
        setBeyondBmp ||= code > 0xffff && inClass;
        if (code > 0xffff && inClass && repertoire !== 'astral') emit('\\uffff');
        else if (code > 0xffff) emit(inClass ? String.fromCodePoint(code) : astralChar(String.fromCodePoint(code)));
        else emit(loneSurrogate(code, repertoire) ?? '\\u' + code.toString(16).padStart(4, '0'));
      } else if (e >= '0' && e <= '9') {
        const digits = /^\d{1,2}/.exec(pattern.slice(i))![0];
        // in a set every octal digit starts an octal escape, as in _class_escape
        if (e === '0' || (inClass && e <= '7') || (digits.length === 2 && /^[0-7]{3}/.test(pattern.slice(i)))) {
          const oct = /^[0-7]{1,3}/.exec(pattern.slice(i))![0];
          if (parseInt(oct, 8) > 0o377) reError(`octal escape value \\${oct} outside of range 0-0o377`, i - 1);
          emit('\\u' + parseInt(oct, 8).toString(16).padStart(4, '0'));
          i += oct.length - 1;
        } else {
          if (inClass) reError(`bad escape \\${e}`, i - 1);
          if (Number(digits) > groups) reError(`invalid group reference ${digits}`, i - 1);
          // a reference to a group that did not match fails in sre, and matches '' in JS: the own engine's
          throw new OwnEngine();
        }
      } else if (isHighSurrogate(e) && isLowSurrogate(pattern[i + 1] ?? '')) {
        // an escaped character beyond the BMP is itself, both its units, as a \U escape of it is
        const c = pattern.slice(i, i + 2);
        i++;
        unicode = true;
        setBeyondBmp ||= inClass;
        if (inClass && repertoire !== 'astral') emit('\\uffff');
        else emit(inClass ? c : astralChar(c));
      } else if (BAD_ESCAPE.test(e)) reError(`bad escape \\${e}`, i - 1);
      // a '-' escaped in a set is no range
      else emit(inClass && e === '-' ? '\\-' : escapeChar(e));
      continue;
    }
    if (inClass) {
      // a ] first in the set is text, taken where the set opens: any other closes it (`[\[]`, `[a[]`)
      if (ch === ']') {
        inClass = false;
        last = 'atom';
      }
      if (isHighSurrogate(ch) && isLowSurrogate(pattern[i + 1] ?? '')) {
        // a character beyond the BMP in a set: one code point under the u flag; a subject
        // within the BMP has none, so there U+FFFF stands in for it (and ends a range up to it)
        unicode = true;
        setBeyondBmp = true;
        emit(repertoire === 'astral' ? pattern.slice(i, i + 2) : '\\uffff');
        i++;
        continue;
      }
      unicode ||= isSurrogate(ch.charCodeAt(0));
      emit(loneSurrogate(ch.charCodeAt(0), repertoire) ?? (ch === '/' ? '\\/' : ch));
      continue;
    }
    // sre_parse's verbose whitespace is ASCII's six, not JS's \s (U+00A0, U+2028 are text)
    if (verbose && VERBOSE_SPACE.includes(ch)) continue;
    if (verbose && ch === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
      continue;
    }
    switch (ch) {
      case '[':
        checkRanges(pattern, i);
        inClass = true;
        emit(ch);
        if (pattern[i + 1] === '^') {
          unicode = true;
          emit('^');
          i++;
        }
        if (pattern[i + 1] === ']') {
          emit('\\]');
          i++;
        }
        continue;
      case '.':
        unicode = true;
        last = 'atom';
        emit(dotall ? '[\\s\\S]' : '[^\\n]');
        continue;
      case '^':
        last = 'anchor';
        anchors ||= multiline;
        emit('^', multiline ? '(?<![^\\n])' : '^');
        continue;
      case '$':
        last = 'anchor';
        anchors = true;
        if (!multiline) {
          markers.push({ group: groups + markers.length + 1, around: around.filter((g) => g > 0) });
          emit('$', '(?=\\n?(?![\\s\\S]))', '(?:$|\\n$())');
          markerEnds.push(marked.length);
        } else emit('$', '(?=\\n|(?![\\s\\S]))');
        continue;
      case '(': {
        last = 'none';
        if (open.length >= MAX_GROUP_NESTING) throw pyErr(RecursionError, 'maximum recursion depth exceeded');
        if (pattern[i + 1] !== '?') {
          open.push(i);
          groupOf[++groups] = groups + markers.length;
          around.push(groups);
          emit('(');
          continue;
        }
        const rest = pattern.slice(i + 2);
        let m: RegExpExecArray | null;
        if (!/^(?:P=|#)/.test(rest)) {
          open.push(i);
          around.push(/^P</.test(rest) ? groups + 1 : 0);
        }
        if (rest.startsWith('P<')) groupName(rest, '>', i + 4);
        else if (rest.startsWith('P=')) groupName(rest, ')', i + 4);
        if ((m = NAMED_GROUP.exec(rest)) !== null) {
          // sre_parse's positions: the name's
          if (names.has(m[1])) reError(`redefinition of group name ${strRepr(m[1])} as group ${groups + 1}; was group ${names.get(m[1])}`, i + 4);
          names.set(m[1], ++groups);
          groupOf[groups] = groups + markers.length;
          emit(`(?<${m[1]}>`);
          i += 1 + m[0].length;
        } else if ((m = NAMED_REFERENCE.exec(rest)) !== null) {
          if (!names.has(m[1])) reError(`unknown group name ${strRepr(m[1])}`, i + 4);
          throw new OwnEngine();
        } else if ((m = /^#[^)]*\)/.exec(rest)) !== null) {
          i += 1 + m[0].length;
        } else if (/^(?::|=|!|<=|<!)/.test(rest)) {
          const len = rest.startsWith('<') ? 3 : 2;
          emit(pattern.slice(i, i + 1 + len));
          i += len;
        } else if (/^[aiLmsux]+\)/.test(rest)) {
          reError('global flags not at the start of the expression', i);
        } else if (/^(?:[aiLmsux-]|>|\()/.test(rest)) {
          // scoped flags, atomic and conditional groups: JS has none
          throw new OwnEngine();
        } else reError(`unknown extension ?${rest[0] ?? ''}`, i);
        continue;
      }
      case '{': {
        // a repeat as sre_parse reads one: {m,n}, {,n} (0 to n), {m,} and {,}; {} and the rest are text
        const m = /^\{(\d*)(?:(,)(\d*))?\}/.exec(pattern.slice(i));
        if (m === null || m[0] === '{}') {
          last = 'atom';
          emit('\\{');
          continue;
        }
        repeat(i);
        const lo = m[1] === '' ? 0 : Number(m[1]);
        const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
        if (lo >= MAXREPEAT || (hi !== Infinity && hi >= MAXREPEAT)) throw pyErr(OverflowError, 'the repetition number is too large');
        if (hi < lo) reError('min repeat greater than max repeat', i + 1);
        emit(`{${lo}${m[2] === undefined ? '' : ','}${hi === Infinity ? '' : m[2] === undefined ? '' : hi}}`);
        i += m[0].length - 1;
        if (pattern[i + 1] === '+') throw new OwnEngine();
        continue;
      }
      case '*':
      case '+':
      case '?':
        emit(ch);
        // `?` after a repeat makes it lazy; a `+` after a repeat is 3.11's possessive form
        if (ch === '?' && (last as string) === 'repeat') {
          last = 'lazy';
          continue;
        }
        repeat(i);
        if (pattern[i + 1] === '+') throw new OwnEngine();
        continue;
      case ')':
        const opened = open.pop();
        if (opened === undefined) reError('unbalanced parenthesis', i);
        // a repeated lookaround, which sre takes and JS does not
        if (/^\(\?<?[=!]/.test(pattern.slice(opened, opened + 4)) && /^[*+?{]/.test(pattern[i + 1] ?? '')) throw new OwnEngine();
        around.pop();
        last = 'atom';
        emit(ch);
        continue;
      case '|':
        last = 'none';
        emit(ch);
        continue;
      case '/':
        emit('\\/');
        continue;
      default:
        last = 'atom';
        if (isHighSurrogate(ch) && isLowSurrogate(pattern[i + 1] ?? '')) {
          unicode = true;
          emit(astralChar(pattern.slice(i, i + 2)));
          i++;
          continue;
        }
        unicode ||= isSurrogate(ch.charCodeAt(0));
        // a lone } or ] is text, which the u flag wants escaped
        emit(loneSurrogate(ch.charCodeAt(0), repertoire) ?? (ch === '}' || ch === ']' ? '\\' + ch : ch));
    }
  }
  if (inClass) reError('unterminated character set', pattern.lastIndexOf('['));
  if (open.length > 0) reError('missing ), unterminated subpattern', open[open.length - 1]);
  const markable = markers.length > 0 && markerEnds.every((at) => endsMatch(marked, at));
  return { plain, exact, marked: markable ? { source: marked, groupOf, markers } : null, flags, groups, names, anchors, unicode, nonBoundary, setBeyondBmp, repertoire };
}

/**
 * sre_parse's check of a set's ranges, before it is translated: both ends single characters
 * (`[a-\d]` is not a range) in order (`[z-a]`), in its words and at the range's position.
 */
function checkRanges(pattern: string, open: number): void {
  let i = open + 1;
  if (pattern[i] === '^') i++;
  let first = true;
  /**
   * The item at i: the token sre_parse names it by (an escape's first two characters), how
   * many characters it takes, and its code point, or null for a class such as \d.
   */
  const item = (): [string, number, number | null] => {
    if (pattern[i] !== '\\') {
      const c = pattern.codePointAt(i)!;
      const t = String.fromCodePoint(c);
      return [t, t.length, c];
    }
    const e = pattern[i + 1] ?? '';
    const token = '\\' + e;
    if (e === 'N') {
      const [c, end] = namedChar(pattern, i);
      return [token, end - i, c];
    }
    const n = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (n > 0 && new RegExp(`^[0-9a-fA-F]{${n}}`).test(pattern.slice(i + 2))) return [token, 2 + n, parseInt(pattern.slice(i + 2, i + 2 + n), 16)];
    const oct = /^[0-7]{1,3}/.exec(pattern.slice(i + 1));
    if (oct !== null) return [token, 1 + oct[0].length, parseInt(oct[0], 8)];
    if (CLASS_ESCAPES.includes(e)) return [token, 2, null];
    const simple = 'abfnrtv'.indexOf(e);
    return [token, 2, simple >= 0 ? [7, 8, 12, 10, 13, 9, 11][simple] : e.codePointAt(0) ?? 0];
  };
  while (i < pattern.length) {
    if (pattern[i] === ']' && !first) return;
    first = false;
    const [a, aLen, lo] = item();
    i += aLen;
    if (pattern[i] !== '-' || i + 1 >= pattern.length || pattern[i + 1] === ']') continue;
    i++;
    const [b, bLen, hi] = item();
    i += bLen;
    // sre_parse counts back from where the range ends by the tokens' lengths
    if (lo === null || hi === null || hi < lo) reError(`bad character range ${a}-${b}`, i - a.length - 1 - b.length);
  }
}

/**
 * The \N{name} escape whose backslash is at pattern[at] (3.8+), as sre_parse reads it:
 * [code point, where it ends], with its errors at its positions (code points). The name is
 * sre's tokens up to a '}' (so `\}` does not end it), looked up as unicodedata.lookup
 * looks it up, a named sequence being no character.
 */
function namedChar(pattern: string, at: number): [number, number] {
  const cp = (i: number) => cpLen(pattern.slice(0, i));
  let k = at + 2;
  if (pattern[k] !== '{') reError('missing {', cp(k));
  let name = '';
  for (k++; ; ) {
    if (k >= pattern.length) reError(name === '' ? 'missing character name' : 'missing }, unterminated name', cp(k) - cpLen(name));
    const width = pattern[k] === '\\' ? 1 + (pattern.codePointAt(k + 1)! > 0xffff ? 2 : 1) : pattern.codePointAt(k)! > 0xffff ? 2 : 1;
    if (width > 1 && pattern[k] === '\\' && k + 1 >= pattern.length) reError('bad escape (end of pattern)', cp(k));
    const token = pattern.slice(k, k + width);
    k += width;
    if (token === '}') break;
    name += token;
  }
  if (name === '') reError('missing character name', cp(k) - 1);
  const code = lookupName(name, false);
  if (typeof code !== 'number') reError(`undefined character name ${strRepr(name)}`, cp(at));
  return [code, k];
}

/** Groups nested deeper than this raise RecursionError, where sre_parse's recursion ends under CPython's default limit (some 495). */
export const MAX_GROUP_NESTING = 490;

/** sre's MAXREPEAT: a repeat count must be below it. */
const MAXREPEAT = 4294967295;

const isIdentifier = (name: string) => IS_GROUP_NAME.test(name);
const IS_GROUP_NAME = new RegExp(`^${GROUP_NAME}$`, 'v');
const NAMED_GROUP = new RegExp(`^P<(${GROUP_NAME})>`, 'v');
const NAMED_REFERENCE = new RegExp(`^P=(${GROUP_NAME})\\)`, 'v');

/** A group name in (?P<name>...) or (?P=name), checked as sre_parse checks it; `at` is where it starts. */
function groupName(rest: string, close: string, at: number): void {
  const end = rest.indexOf(close, 2);
  if (end < 0) reError(`missing ${close}, unterminated name`, at);
  const name = rest.slice(2, end);
  if (name === '') reError('missing group name', at);
  if (!isIdentifier(name)) reError(`bad character in group name ${strRepr(name)}`, at);
}

const isHighSurrogate = (ch: string) => (ch.charCodeAt(0) & 0xfc00) === 0xd800;
const isLowSurrogate = (ch: string) => (ch.charCodeAt(0) & 0xfc00) === 0xdc00;
const isSurrogate = (code: number) => (code & 0xf800) === 0xd800;

/**
 * A lone surrogate of the pattern, for a subject with pairs (the u flag): one code point,
 * which matches a lone one and not half of a pair, as in sre; spelt \u{...}, since
 * \uD83D\uDE00 would be read as one pair. Null for any other code, and within the BMP.
 */
const loneSurrogate = (code: number, repertoire: Repertoire): string | null =>
  repertoire === 'astral' && isSurrogate(code) ? `\\u{${code.toString(16)}}` : null;

/** A character beyond the BMP outside a set: grouped, so that a repeat after it takes both its units, as the u flag does (`a😀?` matches 'a'). */
const astralChar = (pair: string) => `(?:${pair})`;

/**
 * What \d \w \s stand for, as items of a set. On a subject of ASCII but \x1c-\x1f (which
 * str.isspace() takes), JS's own are Python's. For re.A, \s is spelt out (JS's takes
 * spaces beyond ASCII). Beyond ASCII the translation holds stand-ins (UNICODE): small sets that re-safety.ts
 * classifies as it would the real ones (the same ASCII characters, spaces, U+0085, U+FEFF
 * and others), which
 * unicode-classes.ts replaces with the real ones in the expression run. They are the only
 * \u escapes with capital hex digits, so no pattern's own text can be taken for one.
 */
export const UNICODE: Record<string, string> = {
  d: '0-9\\u09E6',
  w: '0-9A-Z_a-z\\u00AA',
  s: '\\t-\\r\\x1c-\\x20\\u00A0\\u0085',
  D: '\\x00-\\/:-\\u09E5\\u09E7-\\uFFFF',
  W: '\\x00-\\/:-@\\[-\\^`\\{-\\u00A9\\u00AB-\\uFFFF',
  S: '\\x00-\\x08\\x0e-\\x1b!-\\u0084\\u0086-\\u009F\\u00A1-\\u167F\\u1681-\\u1FFF\\u200B-\\u2027\\u202A-\\u202E\\u2030-\\u205E\\u2060-\\u2FFF\\u3001-\\uFFFF',
};

/** \d \w \s \D \W \S in or out of a set, for re.A ('A'), an ASCII subject or any other. */
function classEscape(e: string, inClass: boolean, classes: 'A' | 'ascii' | 'unicode'): string {
  if (classes === 'unicode') return inClass ? UNICODE[e] : `[${UNICODE[e]}]`;
  if (classes === 'ascii' || (e !== 's' && e !== 'S')) return '\\' + e;
  if (e === 's') return inClass ? '\\t-\\r ' : '[\\t-\\r ]';
  return inClass ? '\\x00-\\x08\\x0e-\\x1f!-\\uffff' : '[^\\t-\\r ]';
}



/**
 * Whether nothing can match after position `at` of a JS pattern: only the ends of
 * groups that are not repeated, and other alternatives, follow it.
 */
function endsMatch(source: string, at: number): boolean {
  for (let i = at; i < source.length; i++) {
    const c = source[i];
    if (c === ')') {
      if (/[*+?{]/.test(source[i + 1] ?? '')) return false;
    } else if (c === '|') {
      // skip the other alternatives of this group
      for (let depth = 0; i + 1 < source.length; i++) {
        const d = source[i + 1];
        if (d === '\\') i++;
        else if (d === '[') while (i + 1 < source.length && source[i + 1] !== ']') i += source[i + 1] === '\\' ? 2 : 1;
        else if (d === '(') depth++;
        else if (d === ')' && depth-- === 0) break;
      }
    } else return false;
  }
  return true;
}

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

export type Kind = 'g' | 'y' | 'f';

/**
 * One JS expression of a pattern and how it may be run: V8's linear-time engine when it
 * can (`l`), else only the backtracking one, which must then not be ambiguous.
 */
export interface Variant {
  source: string;
  flags: string;
  linear: boolean;
  safety: Safety;
  backtracking: RegExp | null;
  linearTime: RegExp | null;
  /** The engine chosen for the subject at hand, by Compiled.get. */
  run: RegExp | null;
  /** Set when it is the marked translation: its matches are read with unmark. */
  marked: Marked | null;
  /** The length of the expression analysed: the source before UNICODE's stand-ins were replaced. */
  size: number;
}
