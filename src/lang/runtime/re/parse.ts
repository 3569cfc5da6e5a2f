import { cpChars, cpLen } from '../codepoints.js';
import { OverflowError, pyErr, RecursionError, ValueError } from '../exceptions.js';
import { parseInt as intOfText } from '../int/text.js';
import type { Int } from '../int/int.js';
import { PyException } from '../values.js';
import { MAX_GROUP_NESTING, reError } from '../re-translate.js';
import { strRepr } from '../str-repr.js';
import { lookupName } from '../unicode-names.js';
import type { Category } from './categories.js';
import { MAXREPEAT, Sub, type Node, type SetItem } from './tree.js';
import { GROUP_NAME, in14 } from '../unicode-14.js';

// sre_parse (Lib/re/_parser.py, 3.11): a pattern to the tree compile.ts reads,
// with sre_parse's errors at its positions. Recursive, as sre_parse is: nesting is bounded.

export const FLAG = { I: 2, L: 4, M: 8, S: 16, U: 32, X: 64, A: 256 } as const;
const FLAGS: Record<string, number> = { i: FLAG.I, L: FLAG.L, m: FLAG.M, s: FLAG.S, x: FLAG.X, a: FLAG.A, u: FLAG.U };
const TYPE_FLAGS = FLAG.A | FLAG.L | FLAG.U;
const MAXGROUPS = 2147483647;
/** How deep parseSub may go (two levels a group) before RecursionError, as translate's limit. */
const MAX_NESTING = 2 * MAX_GROUP_NESTING;

const DIGITS = '0123456789';
const OCTDIGITS = '01234567';
const HEXDIGITS = '0123456789abcdefABCDEF';
const SPECIAL = '.\\[{()*+?^$|';
const WHITESPACE = ' \t\n\r\v\f';

const ESCAPES: Record<string, Node> = {
  '\\a': { op: 'LITERAL', c: 7 }, '\\b': { op: 'LITERAL', c: 8 }, '\\f': { op: 'LITERAL', c: 12 }, '\\n': { op: 'LITERAL', c: 10 },
  '\\r': { op: 'LITERAL', c: 13 }, '\\t': { op: 'LITERAL', c: 9 }, '\\v': { op: 'LITERAL', c: 11 }, '\\\\': { op: 'LITERAL', c: 92 },
};
const CATS: Record<string, Category> = { '\\d': 'DIGIT', '\\D': 'NOT_DIGIT', '\\s': 'SPACE', '\\S': 'NOT_SPACE', '\\w': 'WORD', '\\W': 'NOT_WORD' };
const ANCHORS: Record<string, Node> = {
  '\\A': { op: 'AT', at: 'BEGINNING_STRING' }, '\\b': { op: 'AT', at: 'BOUNDARY' }, '\\B': { op: 'AT', at: 'NON_BOUNDARY' }, '\\Z': { op: 'AT', at: 'END_STRING' },
};

const IS_GROUP_NAME = new RegExp(`^${GROUP_NAME}$`, 'v');

/** A conditional group's number as 3.11's sre_parse reads it, int(condname): ' +1', '1_0' and '١' are numbers; NaN if none or negative. */
function groupNumber(text: string): number {
  let n: Int;
  try {
    n = intOfText(text, 10);
  } catch (e) {
    if (e instanceof PyException && e.type === ValueError) return NaN;
    throw e;
  }
  return n < 0 ? NaN : Number(n);
}
const isIdentifier = (name: string) => IS_GROUP_NAME.test(name);
const LETTER = new RegExp(`^${in14('\\p{L}')}$`, 'v');

/**
 * sre_parse's Tokenizer, over code points (its positions are code point indexes). A bytes
 * pattern comes as its latin-1 decoding, as sre_parse decodes one, with `istext` false.
 */
export class Tokenizer {
  private readonly cps: string[];
  index = 0;
  next: string | null = null;
  /** Where `next` starts, in code points: its UTF-16 length is not its length ('😀', '\\😀'). */
  private at = 0;
  constructor(readonly pattern: string, readonly istext = true) {
    this.cps = cpChars(pattern);
    this.advance();
  }
  private advance(): void {
    let i = this.index;
    this.at = i;
    if (i >= this.cps.length) {
      this.next = null;
      return;
    }
    let ch = this.cps[i];
    if (ch === '\\') {
      i++;
      if (i >= this.cps.length) reError('bad escape (end of pattern)', this.cps.length - 1);
      ch += this.cps[i];
    }
    this.index = i + 1;
    this.next = ch;
  }
  match(ch: string): boolean {
    if (ch === this.next) {
      this.advance();
      return true;
    }
    return false;
  }
  get(): string | null {
    const t = this.next;
    this.advance();
    return t;
  }
  getWhile(n: number, set: string): string {
    let out = '';
    for (let k = 0; k < n; k++) {
      const c = this.next;
      if (c === null || !set.includes(c) || c.length !== 1) break;
      out += c;
      this.advance();
    }
    return out;
  }
  getUntil(term: string, name: string): string {
    let out = '';
    for (;;) {
      const c = this.next;
      this.advance();
      if (c === null) {
        if (out === '') this.error(`missing ${name}`);
        this.error(`missing ${term}, unterminated name`, cpLen(out));
      }
      if (c === term) {
        if (out === '') this.error(`missing ${name}`, 1);
        return out;
      }
      out += c;
    }
  }
  tell(): number {
    return this.next === null ? this.index : this.at;
  }
  seek(i: number): void {
    this.index = i;
    this.advance();
  }
  error(msg: string, offset = 0): never {
    return reError(msg, this.tell() - offset);
  }
  checkGroupName(name: string, offset: number): void {
    if (!isIdentifier(name)) this.error(`bad character in group name ${strRepr(name)}`, cpLen(name) + offset);
  }
}

const code = (ch: string) => ch.codePointAt(0)!;

class State {
  flags = 0;
  names = new Map<string, number>();
  /** Widths of closed groups, by number (null while open); group 0 is the whole. */
  widths: ([number, number] | null)[] = [null];
  lookbehindGroups: number | null = null;
  grouprefPos = new Map<number, number>();
  get groups(): number {
    return this.widths.length;
  }
  openGroup(name: string | null, source: Tokenizer): number {
    const gid = this.groups;
    this.widths.push(null);
    if (this.groups > MAXGROUPS) source.error('too many groups');
    if (name !== null) {
      const was = this.names.get(name);
      if (was !== undefined) source.error(`redefinition of group name ${strRepr(name)} as group ${gid}; was group ${was}`, cpLen(name) + 1);
      this.names.set(name, gid);
    }
    return gid;
  }
  checkGroup(gid: number): boolean {
    return gid < this.groups && this.widths[gid] !== null;
  }
  checkLookbehindGroup(gid: number, source: Tokenizer): void {
    if (this.lookbehindGroups === null) return;
    if (!this.checkGroup(gid)) source.error('cannot refer to an open group');
    if (gid >= this.lookbehindGroups) source.error('cannot refer to group defined in the same lookbehind subpattern');
  }
}

export interface Parsed {
  p: Sub;
  flags: number;
  groups: number;
  names: Map<string, number>;
}

/**
 * sre_parse.parse: the tree, its flags (a str pattern's with U unless A) and groups. A bytes
 * pattern (`istext` false) is its latin-1 decoding.
 */
export function parse(pattern: string, flags: number, istext = true): Parsed {
  const source = new Tokenizer(pattern, istext);
  const state = new State();
  state.flags = flags;
  const p = parseSub(source, state, (flags & FLAG.X) !== 0, 0);
  const f = fixFlags(state.flags, istext);
  if (source.next !== null) source.error('unbalanced parenthesis');
  for (const [g, at] of state.grouprefPos) if (g >= state.groups) reError(`invalid group reference ${g}`, at);
  return { p, flags: f, groups: state.groups - 1, names: state.names };
}

/** sre_parse's fix_flags: the flags a str or bytes pattern may have. */
function fixFlags(f: number, istext: boolean): number {
  if (istext) {
    if (f & FLAG.L) throw pyErr(ValueError, 'cannot use LOCALE flag with a str pattern');
    if (!(f & FLAG.A)) return f | FLAG.U;
    if (f & FLAG.U) throw pyErr(ValueError, 'ASCII and UNICODE flags are incompatible');
    return f;
  }
  if (f & FLAG.U) throw pyErr(ValueError, 'cannot use UNICODE flag with a bytes pattern');
  if (f & FLAG.L && f & FLAG.A) throw pyErr(ValueError, 'ASCII and LOCALE flags are incompatible');
  return f;
}

function parseSub(source: Tokenizer, state: State, verbose: boolean, nested: number): Sub {
  if (nested > MAX_NESTING) throw pyErr(RecursionError, 'maximum recursion depth exceeded');
  const items: Sub[] = [];
  for (;;) {
    items.push(parseSeq(source, state, verbose, nested + 1, nested === 0 && items.length === 0));
    if (!source.match('|')) break;
    if (nested === 0) verbose = (state.flags & FLAG.X) !== 0;
  }
  if (items.length === 1) return items[0];
  const sub = new Sub([], state.widths);
  // a prefix common to every alternative moves out of the branch
  for (;;) {
    let prefix: Node | null = null;
    let common = true;
    for (const item of items) {
      if (item.items.length === 0) {
        common = false;
        break;
      }
      if (prefix === null) prefix = item.items[0];
      else if (!sameNode(item.items[0], prefix)) {
        common = false;
        break;
      }
    }
    if (!common || prefix === null) break;
    for (const item of items) item.items.shift();
    sub.items.push(prefix);
  }
  // alternatives of single characters or sets make one set
  const set: SetItem[] = [];
  let asSet = true;
  for (const item of items) {
    const n = item.items[0];
    if (item.items.length !== 1) asSet = false;
    else if (n.op === 'LITERAL') set.push({ op: 'LITERAL', c: n.c });
    else if (n.op === 'IN' && n.items[0]?.op !== 'NEGATE') set.push(...n.items);
    else asSet = false;
    if (!asSet) break;
  }
  if (asSet) {
    sub.items.push({ op: 'IN', items: uniq(set) });
    return sub;
  }
  sub.items.push({ op: 'BRANCH', alts: items });
  return sub;
}

/** Python's == of two nodes: those holding a subpattern are equal only to themselves (SubPattern has no __eq__). */
function sameNode(a: Node, b: Node): boolean {
  if (a === b) return true;
  if ('p' in a || 'alts' in a || 'yes' in a || 'p' in b || 'alts' in b || 'yes' in b) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function uniq(items: SetItem[]): SetItem[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function classEscape(source: Tokenizer, escape: string): SetItem {
  const simple = ESCAPES[escape];
  if (simple !== undefined) return simple as SetItem;
  const cat = CATS[escape];
  if (cat !== undefined) return { op: 'CATEGORY', cat };
  const c = escape[1];
  const hex = hexEscape(source, escape);
  if (hex !== null) return { op: 'LITERAL', c: hex };
  if (OCTDIGITS.includes(c)) {
    escape += source.getWhile(2, OCTDIGITS);
    const v = parseInt(escape.slice(1), 8);
    if (v > 0o377) source.error(`octal escape value ${escape} outside of range 0-0o377`, escape.length);
    return { op: 'LITERAL', c: v };
  }
  if (!DIGITS.includes(c) && cpLen(escape) === 2 && !/[a-zA-Z]/.test(c)) return { op: 'LITERAL', c: code(c) };
  return source.error(`bad escape ${escape}`, cpLen(escape));
}

/** \x, \u and \U with their digits, \N{name}, or null for another escape (\u, \U and \N are bad escapes in a bytes pattern). */
function hexEscape(source: Tokenizer, escape: string): number | null {
  const c = escape[1];
  if (!source.istext && c !== 'x') return null;
  const n = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (c === 'N') return namedEscape(source);
  if (n === 0) return null;
  escape += source.getWhile(n, HEXDIGITS);
  if (escape.length !== n + 2) source.error(`incomplete escape ${escape}`, escape.length);
  const v = parseInt(escape.slice(2), 16);
  // chr(c) checks it: past a C int an OverflowError, else a ValueError sre_parse words as a bad escape
  if (v > 0x7fffffff) throw pyErr(OverflowError, 'Python int too large to convert to C int');
  if (v > 0x10ffff) source.error(`bad escape ${escape}`, escape.length);
  return v;
}

/** \N{name} (3.8+), as sre_parse reads it: looked up as unicodedata.lookup does, a named sequence being no character. */
function namedEscape(source: Tokenizer): number {
  if (!source.match('{')) source.error('missing {');
  const name = source.getUntil('}', 'character name');
  const code = lookupName(name, false);
  if (typeof code !== 'number') source.error(`undefined character name ${strRepr(name)}`, cpLen(name) + 4);
  return code;
}

function escapeNode(source: Tokenizer, escape: string, state: State): Node {
  const cat = CATS[escape];
  if (cat !== undefined) return { op: 'IN', items: [{ op: 'CATEGORY', cat }] };
  const at = ANCHORS[escape];
  if (at !== undefined) return at;
  const simple = ESCAPES[escape];
  if (simple !== undefined) return simple;
  const c = escape[1];
  const hex = hexEscape(source, escape);
  if (hex !== null) return { op: 'LITERAL', c: hex };
  if (c === '0') {
    escape += source.getWhile(2, OCTDIGITS);
    return { op: 'LITERAL', c: parseInt(escape.slice(1), 8) };
  }
  if (DIGITS.includes(c)) {
    if (source.next !== null && DIGITS.includes(source.next)) {
      escape += source.get();
      if (OCTDIGITS.includes(escape[1]) && OCTDIGITS.includes(escape[2]) && source.next !== null && OCTDIGITS.includes(source.next)) {
        escape += source.get();
        const v = parseInt(escape.slice(1), 8);
        if (v > 0o377) source.error(`octal escape value ${escape} outside of range 0-0o377`, escape.length);
        return { op: 'LITERAL', c: v };
      }
    }
    const group = Number(escape.slice(1));
    if (group < state.groups) {
      if (!state.checkGroup(group)) source.error('cannot refer to an open group', escape.length);
      state.checkLookbehindGroup(group, source);
      return { op: 'GROUPREF', g: group };
    }
    source.error(`invalid group reference ${group}`, escape.length - 1);
  }
  if (cpLen(escape) === 2 && !/[a-zA-Z]/.test(c)) return { op: 'LITERAL', c: code(c) };
  return source.error(`bad escape ${escape}`, cpLen(escape));
}

function parseSeq(source: Tokenizer, state: State, verbose: boolean, nested: number, first = false): Sub {
  const sub = new Sub([], state.widths);
  const items = sub.items;
  for (;;) {
    let t = source.next;
    if (t === null || t === '|' || t === ')') break;
    source.get();
    if (verbose) {
      if (WHITESPACE.includes(t)) continue;
      if (t === '#') {
        while (t !== null && t !== '\n') t = source.get();
        continue;
      }
    }
    if (t[0] === '\\') items.push(escapeNode(source, t, state));
    else if (!SPECIAL.includes(t)) items.push({ op: 'LITERAL', c: code(t) });
    else if (t === '[') items.push(parseSet(source));
    else if ('*+?{'.includes(t)) {
      const here = source.tell();
      let min = 0;
      let max = MAXREPEAT;
      if (t === '?') max = 1;
      else if (t === '+') min = 1;
      else if (t === '{') {
        if (source.next === '}') {
          items.push({ op: 'LITERAL', c: code(t) });
          continue;
        }
        let lo = '';
        let hi = '';
        while (source.next !== null && DIGITS.includes(source.next)) lo += source.get();
        if (source.match(',')) while (source.next !== null && DIGITS.includes(source.next)) hi += source.get();
        else hi = lo;
        if (!source.match('}')) {
          items.push({ op: 'LITERAL', c: code(t) });
          source.seek(here);
          continue;
        }
        if (lo !== '') {
          min = Number(lo);
          if (min >= MAXREPEAT) throw pyErr(OverflowError, 'the repetition number is too large');
        }
        if (hi !== '') {
          max = Number(hi);
          if (max >= MAXREPEAT) throw pyErr(OverflowError, 'the repetition number is too large');
          if (max < min) source.error('min repeat greater than max repeat', source.tell() - here);
        }
      }
      const last = items[items.length - 1];
      if (last === undefined || last.op === 'AT') source.error('nothing to repeat', source.tell() - here + t.length);
      if (last.op === 'MAX_REPEAT' || last.op === 'MIN_REPEAT' || last.op === 'POSSESSIVE_REPEAT') source.error('multiple repeat', source.tell() - here + t.length);
      const item = last.op === 'SUBPATTERN' && last.group === null && last.add === 0 && last.del === 0 ? last.p : new Sub([last], state.widths);
      const op = source.match('?') ? 'MIN_REPEAT' : source.match('+') ? 'POSSESSIVE_REPEAT' : 'MAX_REPEAT';
      items[items.length - 1] = { op, min, max, p: item };
    } else if (t === '.') items.push({ op: 'ANY' });
    else if (t === '(') {
      const node = parseGroup(source, state, verbose, nested, first && items.length === 0);
      if (node === 'global') verbose = (state.flags & FLAG.X) !== 0;
      else if (node !== null) items.push(node);
    } else if (t === '^') items.push({ op: 'AT', at: 'BEGINNING' });
    else if (t === '$') items.push({ op: 'AT', at: 'END' });
  }
  // non-capturing groups without flags are unpacked
  for (let i = items.length - 1; i >= 0; i--) {
    const n = items[i];
    if (n.op === 'SUBPATTERN' && n.group === null && n.add === 0 && n.del === 0) items.splice(i, 1, ...n.p.items);
  }
  return sub;
}

function parseSet(source: Tokenizer): Node {
  const here = source.tell() - 1;
  let set: SetItem[] = [];
  const negate = source.match('^');
  for (;;) {
    const t = source.get();
    if (t === null) source.error('unterminated character set', source.tell() - here);
    if (t === ']' && set.length > 0) break;
    const code1: SetItem = t[0] === '\\' ? classEscape(source, t) : { op: 'LITERAL', c: code(t) };
    if (source.match('-')) {
      const that = source.get();
      if (that === null) source.error('unterminated character set', source.tell() - here);
      if (that === ']') {
        set.push(code1, { op: 'LITERAL', c: 0x2d });
        break;
      }
      const code2: SetItem = that[0] === '\\' ? classEscape(source, that) : { op: 'LITERAL', c: code(that) };
      if (code1.op !== 'LITERAL' || code2.op !== 'LITERAL' || code2.c < code1.c) {
        source.error(`bad character range ${t}-${that}`, cpLen(t) + 1 + cpLen(that));
      }
      set.push({ op: 'RANGE', lo: code1.c, hi: code2.c });
    } else set.push(code1);
  }
  set = uniq(set);
  if (set.length === 1 && set[0].op === 'LITERAL') return negate ? { op: 'NOT_LITERAL', c: set[0].c } : { op: 'LITERAL', c: set[0].c };
  if (negate) set.unshift({ op: 'NEGATE' });
  return { op: 'IN', items: set };
}

/** What follows a '(': a node, null for a comment, 'global' for leading global flags. */
function parseGroup(source: Tokenizer, state: State, verbose: boolean, nested: number, first: boolean): Node | null | 'global' {
  const start = source.tell() - 1;
  let capture = true;
  let atomic = false;
  let name: string | null = null;
  let add = 0;
  let del = 0;
  if (source.match('?')) {
    const char = source.get();
    if (char === null) source.error('unexpected end of pattern');
    if (char === 'P') {
      if (source.match('<')) {
        name = source.getUntil('>', 'group name');
        source.checkGroupName(name, 1);
      } else if (source.match('=')) {
        const ref = source.getUntil(')', 'group name');
        source.checkGroupName(ref, 1);
        const gid = state.names.get(ref);
        if (gid === undefined) source.error(`unknown group name ${strRepr(ref)}`, cpLen(ref) + 1);
        if (!state.checkGroup(gid)) source.error('cannot refer to an open group', cpLen(ref) + 1);
        state.checkLookbehindGroup(gid, source);
        return { op: 'GROUPREF', g: gid };
      } else {
        const c = source.get();
        if (c === null) source.error('unexpected end of pattern');
        source.error(`unknown extension ?P${c}`, cpLen(c) + 2);
      }
    } else if (char === ':') capture = false;
    else if (char === '#') {
      for (;;) {
        if (source.next === null) source.error('missing ), unterminated comment', source.tell() - start);
        if (source.get() === ')') return null;
      }
    } else if (char === '=' || char === '!' || char === '<') {
      let kind = char;
      let dir: 1 | -1 = 1;
      let outer: number | null = null;
      if (char === '<') {
        const c = source.get();
        if (c === null) source.error('unexpected end of pattern');
        if (c !== '=' && c !== '!') source.error(`unknown extension ?<${c}`, cpLen(c) + 2);
        kind = c;
        dir = -1;
        outer = state.lookbehindGroups;
        if (outer === null) state.lookbehindGroups = state.groups;
      }
      const p = parseSub(source, state, verbose, nested + 1);
      if (dir < 0 && outer === null) state.lookbehindGroups = null;
      if (!source.match(')')) source.error('missing ), unterminated subpattern', source.tell() - start);
      return { op: kind === '=' ? 'ASSERT' : 'ASSERT_NOT', dir, p };
    } else if (char === '(') {
      const condName = source.getUntil(')', 'group name');
      let g: number;
      if (isIdentifier(condName)) {
        const gid = state.names.get(condName);
        if (gid === undefined) source.error(`unknown group name ${strRepr(condName)}`, cpLen(condName) + 1);
        g = gid;
      } else {
        const n = groupNumber(condName);
        if (Number.isNaN(n)) source.error(`bad character in group name ${strRepr(condName)}`, cpLen(condName) + 1);
        if (n === 0) source.error('bad group number', cpLen(condName) + 1);
        if (n >= MAXGROUPS) source.error(`invalid group reference ${n}`, cpLen(condName) + 1);
        if (!state.grouprefPos.has(n)) state.grouprefPos.set(n, source.tell() - cpLen(condName) - 1);
        g = n;
      }
      state.checkLookbehindGroup(g, source);
      const yes = parseSeq(source, state, verbose, nested + 1);
      let no: Sub | null = null;
      if (source.match('|')) {
        no = parseSeq(source, state, verbose, nested + 1);
        if (source.next === '|') source.error('conditional backref with more than two branches');
      }
      if (!source.match(')')) source.error('missing ), unterminated subpattern', source.tell() - start);
      return { op: 'GROUPREF_EXISTS', g, yes, no };
    } else if (char === '>') {
      capture = false;
      atomic = true;
    } else if (char in FLAGS || char === '-') {
      const flags = parseFlags(source, state, char);
      if (flags === null) {
        if (!first) source.error('global flags not at the start of the expression', source.tell() - start);
        return 'global';
      }
      [add, del] = flags;
      capture = false;
    } else source.error(`unknown extension ?${char}`, cpLen(char) + 1);
  }
  const group = capture ? state.openGroup(name, source) : null;
  const subVerbose = (verbose || (add & FLAG.X) !== 0) && !(del & FLAG.X);
  const p = parseSub(source, state, subVerbose, nested + 1);
  if (!source.match(')')) source.error('missing ), unterminated subpattern', source.tell() - start);
  if (group !== null) state.widths[group] = p.getWidth();
  if (atomic) return { op: 'ATOMIC_GROUP', p };
  return { op: 'SUBPATTERN', group, add, del, p };
}

/** sre_parse's _parse_flags: null for global flags `(?i)`, else the flags turned on and off. */
function parseFlags(source: Tokenizer, state: State, char: string | null): [number, number] | null {
  let add = 0;
  let del = 0;
  if (char !== '-') {
    for (;;) {
      const flag = FLAGS[char!];
      if (source.istext && char === 'L') source.error("bad inline flags: cannot use 'L' flag with a str pattern");
      if (!source.istext && char === 'u') source.error("bad inline flags: cannot use 'u' flag with a bytes pattern");
      add |= flag;
      if (flag & TYPE_FLAGS && (add & TYPE_FLAGS) !== flag) source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
      char = source.get();
      if (char === null) source.error('missing -, : or )');
      if (')-:'.includes(char)) break;
      if (!(char in FLAGS)) source.error(LETTER.test(char) ? 'unknown flag' : 'missing -, : or )', cpLen(char));
    }
  }
  if (char === ')') {
    state.flags |= add;
    return null;
  }
  if (char === '-') {
    char = source.get();
    if (char === null) source.error('missing flag');
    if (!(char in FLAGS)) source.error(LETTER.test(char) ? 'unknown flag' : 'missing flag', cpLen(char));
    for (;;) {
      const flag = FLAGS[char];
      if (flag & TYPE_FLAGS) source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
      del |= flag;
      char = source.get();
      if (char === null) source.error('missing :');
      if (char === ':') break;
      if (!(char in FLAGS)) source.error(LETTER.test(char) ? 'unknown flag' : 'missing :', cpLen(char));
    }
  }
  if (add & del) source.error('bad inline flags: flag turned on and off', 1);
  return [add, del];
}
