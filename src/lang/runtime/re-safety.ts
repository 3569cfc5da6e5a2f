/**
 * What a translated pattern can cost on V8's two regexp engines, decided once per pattern.
 *
 * The backtracking engine is fast on ordinary input but, on a hostile subject, takes
 * exponential time on an ambiguous pattern ((a|a)*c) and polynomial time when two
 * quantifiers can share the same text (\d*\d*x) or when a search restarts a quantifier
 * at every position (\d+x on '1' * n: each attempt is O(n)). V8 gives up on it for the
 * linear engine only after many counted backtracks, and greedy loops over one character
 * are not counted at all (.*x on 600,000 characters: 60 s). The linear engine is O(n·m)
 * but 50-750 ns per character and pattern position, and takes no lookaround, no
 * backreference, no case folding and no large counted repeat. So: patterns are classified
 * here, searches charged by what their engine may cost (re.ts), and a pattern that only the
 * backtracking engine can run and that is ambiguous is refused.
 */

/**
 * A set of characters: the ASCII ones exactly, the others as 'maybe's: whitespace to both
 * JS and Python, U+0085 (Python's only), U+FEFF (JS's only) and the rest, enough to tell
 * \s from \S, [^\n] from \w, and Python's Unicode \s from its \w and \S apart.
 */
interface Chars {
  ascii: number[];
  space: boolean;
  nel: boolean;
  bom: boolean;
  other: boolean;
}

const NONE: Chars = { ascii: [0, 0, 0, 0], space: false, nel: false, bom: false, other: false };
const ALL: Chars = { ascii: [-1, -1, -1, -1], space: true, nel: true, bom: true, other: true };

function union(a: Chars, b: Chars): Chars {
  return { ascii: a.ascii.map((w, i) => w | b.ascii[i]), space: a.space || b.space, nel: a.nel || b.nel, bom: a.bom || b.bom, other: a.other || b.other };
}

function overlap(a: Chars, b: Chars): boolean {
  const x = a.ascii;
  const y = b.ascii;
  return (a.space && b.space) || (a.nel && b.nel) || (a.bom && b.bom) || (a.other && b.other) || (x[0] & y[0]) !== 0 || (x[1] & y[1]) !== 0 || (x[2] & y[2]) !== 0 || (x[3] & y[3]) !== 0;
}

/**
 * A piece of pattern as a flat sequence, groups opened (they change no cost): single
 * characters, long repeats of one character, and anything else bounded; null when it
 * holds a repeat of something longer, or a repeat in an alternation or a lookaround.
 */
type Flat = ({ kind: 'char' | 'repeat'; chars: Chars } | { kind: 'other' })[] | null;

const OTHER: Flat = [{ kind: 'other' }];

/**
 * Whether every long repeat comes right after a character it cannot match (up to
 * (\d+\.\d+) s). Each run it reads then starts after a character it stops at, so the
 * runs read by different attempts, or by one attempt backtracking an earlier repeat,
 * never overlap: a search reads each character a bounded number of times.
 */
function guarded(flat: Flat): boolean {
  return flat !== null && flat.every((f, i) => {
    if (f.kind !== 'repeat') return true;
    const before = flat[i - 1];
    return before?.kind === 'char' && !overlap(before.chars, f.chars);
  });
}

/** What the analysis knows of a piece of pattern. */
interface Info {
  /** It can match the empty string. */
  nullable: boolean;
  /** It can fail where it is tried (so backtracking into what precedes it can happen). */
  canFail: boolean;
  /** It can match texts of different lengths: a variable repeat, an optional alternative. */
  variable: boolean;
  /** It holds a repeat whose backtracking is unbounded (or long: more than SHORT_REPEAT choices). */
  loops: boolean;
  /** The first characters it can consume, and all it can consume. */
  first: Chars;
  chars: Chars;
  /** Characters a failed attempt may read: counted repeats multiply. */
  weight: number;
  flat: Flat;
}

export interface Safety {
  /** Why the backtracking engine could take exponential or high polynomial time on it; null if it cannot. */
  ambiguous: string | null;
  /**
   * A search over n characters backtracks O(n**degree · weight): 1 when no long repeat is
   * followed by something that can fail, 3 when a backreference repeats a group holding
   * one (each of its lengths compared again), else 2 (a repeat retried from every position);
   * when ambiguous, one more per quantifier in a chain that can share text (\d*\d*x: 3),
   * Infinity when exponential.
   */
  degree: number;
  /** Characters a failed attempt may read, at least the pattern's length (the linear engine's state count). */
  weight: number;
  /** A repeat holds another: the linear engine then keeps many more threads alive per character. */
  nested: boolean;
}

/** A repeat with at most this many choices (max - min) backtracks a bounded amount. */
const SHORT_REPEAT = 16;
/** Longer translations are not analysed (the analysis is quadratic in nesting): taken as ambiguous. */
const MAX_ANALYSED = 5_000;
/** Items that can be skipped between two quantifiers that share text before the pair is taken as exponential (a?a?a?…). */
const MAX_CHAIN_SCAN = 64;
/** Alternations with overlapping alternatives outside any repeat that are tolerated (2**n paths). */
const MAX_OVERLAPPING_ALTERNATIONS = 3;

/** Classifies a JS pattern made by re.ts's translation (so of a known, regular shape). */
export function analyse(source: string, icase: boolean): Safety {
  if (source.length > MAX_ANALYSED) return { ambiguous: `a pattern too long to analyse (over ${MAX_ANALYSED} characters)`, degree: 3, weight: source.length, nested: true };
  const a = new Analyser(source, icase);
  const info = a.alternation();
  const ambiguous = a.reason ?? (a.overlappingAlternations > MAX_OVERLAPPING_ALTERNATIONS ? 'alternatives that can match the same text' : null);
  const base = a.cheap ? 1 : a.backrefToRepeat ? 3 : guarded(info.flat) ? 1 : 2;
  const degree = ambiguous === null ? base : a.exponential || a.reason === null ? Infinity : Math.max(base, a.chain + 1);
  return { ambiguous, degree, weight: Math.max(source.length, Math.min(info.weight, 1e9)), nested: a.nested };
}

class Analyser {
  i = 0;
  reason: string | null = null;
  cheap = true;
  backrefToRepeat = false;
  nested = false;
  overlappingAlternations = 0;
  /** Whether an ambiguity found is exponential, and the longest chain of quantifiers that can share text. */
  exponential = false;
  chain = 1;
  /** Repeats (of more than one iteration) open around the current position. */
  private repeatDepth = 0;
  /** What each group matches, by number, once the group is closed. */
  private groups: Info[] = [];
  private groupCount = 0;
  private names = new Map<string, number>();

  /** Where the group opened at each '(' ends (after its ')'): found once, so nesting costs no rescans. */
  private readonly groupEnd: Int32Array;

  constructor(private readonly s: string, private readonly icase: boolean) {
    this.groupEnd = new Int32Array(s.length).fill(s.length);
    const open: number[] = [];
    for (let j = 0; j < s.length; j++) {
      const d = s[j];
      if (d === '\\') j++;
      else if (d === '[') j = this.classEnd(j) - 1;
      else if (d === '(') open.push(j);
      else if (d === ')' && open.length > 0) this.groupEnd[open.pop()!] = j + 1;
    }
  }

  private flag(why: string, exponential = true): void {
    this.reason ??= why;
    this.exponential ||= exponential;
  }

  /** alt := seq ('|' seq)*. What follows a group is judged where the group is an item. */
  alternation(): Info {
    const alts: Info[] = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    if (alts.length === 1) return alts[0];
    // some two alternatives overlap iff one overlaps those before it
    let before = alts[0].first;
    let overlapping = false;
    for (let x = 1; x < alts.length; x++) {
      overlapping ||= overlap(before, alts[x].first);
      before = union(before, alts[x].first);
    }
    if (overlapping) {
      if (this.repeatDepth > 0) this.flag('alternatives that can match the same text under a quantifier');
      else this.overlappingAlternations++;
    }
    const nullable = alts.some((a) => a.nullable);
    const loops = alts.some((a) => a.loops);
    return {
      nullable,
      canFail: alts.every((a) => a.canFail),
      variable: nullable || alts.some((a) => a.variable),
      loops,
      first: alts.reduce((c, a) => union(c, a.first), NONE),
      chars: alts.reduce((c, a) => union(c, a.chars), NONE),
      weight: alts.reduce((w, a) => w + a.weight, 0),
      flat: loops || alts.some((a) => a.flat === null) ? null : OTHER,
    };
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') items.push(this.quantified());
    // whether anything after item k can fail: a long repeat before it may be backtracked into
    let after = false;
    for (let k = items.length - 1; k >= 0; k--) {
      if (items[k].loops && after) this.cheap = false;
      after ||= items[k].canFail;
    }
    // two variable items that can read the same characters, with nothing between them
    // that only one could read: the text between them can be split in many ways
    const chain = items.map(() => 1);
    for (let k = 0; k < items.length; k++) {
      const a = items[k];
      if (!a.variable) continue;
      for (let j = k + 1; j < items.length; j++) {
        const b = items[j];
        if (j - k > MAX_CHAIN_SCAN) {
          this.flag('quantifiers that can match the same text one after the other');
          break;
        }
        if (b.variable && overlap(a.chars, b.chars)) {
          this.flag('quantifiers that can match the same text one after the other', false);
          chain[j] = Math.max(chain[j], chain[k] + 1);
          this.chain = Math.max(this.chain, chain[j]);
        }
        if (!b.nullable && !overlap(a.chars, b.chars)) break;
      }
    }
    let first = NONE;
    for (const info of items) {
      first = union(first, info.first);
      if (!info.nullable) break;
    }
    return {
      nullable: items.every((x) => x.nullable),
      canFail: items.some((x) => x.canFail),
      variable: items.some((x) => x.variable),
      loops: items.some((x) => x.loops),
      first,
      chars: items.reduce((c, x) => union(c, x.chars), NONE),
      weight: items.reduce((w, x) => w + x.weight, 0),
      flat: items.some((x) => x.flat === null) ? null : items.flatMap((x) => x.flat!),
    };
  }

  /** An atom and the repeat after it, if any. */
  private quantified(): Info {
    const start = this.i;
    // a repeat's body is analysed knowing it is repeated; decided by peeking past the atom
    const end = this.skipAtom(start);
    REPEAT.lastIndex = end;
    const rep = REPEAT.exec(this.s);
    let min = 1;
    let max = 1;
    if (rep !== null) {
      if (rep[1] !== undefined) [min, max] = rep[1] === '*' ? [0, Infinity] : rep[1] === '+' ? [1, Infinity] : [0, 1];
      else {
        min = Number(rep[2]);
        max = rep[3] === undefined ? min : rep[4] === '' ? Infinity : Number(rep[4]);
      }
    }
    const repeated = max > 1;
    if (repeated) this.repeatDepth++;
    this.i = start;
    const body = this.atom();
    if (repeated) this.repeatDepth--;
    this.i = end + (rep === null ? 0 : rep[0].length);
    if (rep === null || (min === 1 && max === 1)) return body;
    if (repeated && body.variable) {
      this.nested = true;
      this.flag('a nested quantifier');
    }
    if (repeated && body.nullable) this.flag('a repeated group that can match the empty string');
    const long = max - min > SHORT_REPEAT;
    return {
      nullable: body.nullable || min === 0,
      canFail: body.canFail && min > 0,
      variable: body.variable || min !== max,
      loops: body.loops || long,
      first: body.first,
      chars: body.chars,
      // V8 unrolls a counted repeat: min copies and a loop, or max copies
      weight: body.weight * Math.max(1, max === Infinity ? min + 1 : max),
      flat: long ? (body.flat?.length === 1 && body.flat[0].kind === 'char' ? [{ kind: 'repeat', chars: body.chars }] : null) : body.loops || body.flat === null ? null : OTHER,
    };
  }

  /** Where the atom starting at i ends. */
  private skipAtom(i: number): number {
    const c = this.s[i];
    if (c === '\\') {
      ESCAPE.lastIndex = i;
      return i + ESCAPE.exec(this.s)![0].length;
    }
    if (c === '[') return this.classEnd(i);
    if (c === '(') return this.groupEnd[i];
    return i + 1;
  }

  private classEnd(i: number): number {
    let j = i + 1;
    if (this.s[j] === '^') j++;
    for (; j < this.s.length && this.s[j] !== ']'; j++) if (this.s[j] === '\\') j++;
    return j + 1;
  }

  private atom(): Info {
    const s = this.s;
    const c = s[this.i];
    if (c === '(') {
      this.i++;
      let look = false;
      let capture = false;
      GROUP_KIND.lastIndex = this.i;
      const m = GROUP_KIND.exec(s);
      if (m === null) capture = true;
      else {
        look = m[0] !== '?:' && m[1] === undefined;
        if (m[1] !== undefined) {
          capture = true;
          this.names.set(m[1], this.groupCount + 1);
        }
        this.i += m[0].length;
      }
      const n = capture ? ++this.groupCount : 0;
      const body = this.alternation();
      this.i++; // ')'
      if (capture) this.groups[n] = body;
      if (!look) return body;
      // what a repeat in a lookaround reads is not consumed: the next attempt reads it again
      if (body.loops) this.cheap = false;
      // zero width, but run wherever it is reached: a long repeat inside makes it as costly as one
      return { nullable: true, canFail: true, variable: body.loops, loops: false, first: NONE, chars: body.chars, weight: body.weight, flat: body.loops || body.flat === null ? null : OTHER };
    }
    const end = this.skipAtom(this.i);
    const src = s.slice(this.i, end);
    this.i = end;
    if (src === '^' || src === '$' || src === '\\b' || src === '\\B') return { nullable: true, canFail: true, variable: false, loops: false, first: NONE, chars: NONE, weight: 1, flat: OTHER };
    const ref = /^\\(?:(\d+)\(\?:\)|k<([^>]*)>)$/.exec(src);
    if (ref !== null) {
      const n = ref[1] !== undefined ? Number(ref[1]) : this.names.get(ref[2]) ?? 0;
      // the text its group matched: fixed once it is reached, so it does not backtrack
      const group = this.groups[n];
      if (group === undefined || group.loops) this.backrefToRepeat = true;
      const chars = group?.chars ?? ALL;
      return { nullable: group?.nullable ?? true, canFail: true, variable: false, loops: false, first: chars, chars, weight: 1, flat: OTHER };
    }
    const chars = this.charsOf(src);
    return { nullable: false, canFail: true, variable: false, loops: false, first: chars, chars, weight: 1, flat: [{ kind: 'char', chars }] };
  }

  /** The characters one char atom (a literal, an escape or a class) matches. */
  private charsOf(src: string): Chars {
    // a lone surrogate, spelt \u{d83d} for the u flag (re-translate.ts): a character beyond
    // ASCII; in a set, which no JS set without the flag reads alike, taken to match anything
    if (src.includes('\\u{')) return src[0] === '\\' ? { ascii: [0, 0, 0, 0], space: false, nel: false, bom: false, other: true } : ALL;
    if (src.length === 1 || (src.length === 2 && src[0] === '\\' && !/[dDwWsSbBux0-9]/.test(src[1]))) {
      const ch = src[src.length - 1];
      const code = ch.charCodeAt(0);
      if (src.length === 2 && 'nrtfv'.includes(ch)) return single('\n\r\t\f\v'['nrtfv'.indexOf(ch)].charCodeAt(0), false);
      if (code < 128) return single(code, this.icase);
      const [space, nel, bom] = [ch !== '\ufeff' && /\s/.test(ch), ch === '\x85', ch === '\ufeff'];
      return { ascii: [0, 0, 0, 0], space, nel, bom, other: !space && !nel && !bom };
    }
    const key = (this.icase ? 'i' : '-') + src;
    let known = CLASS_CACHE.get(key);
    if (known === undefined) {
      // a set holding characters beyond the BMP (run under the u flag) is no JS set without it:
      // taken to match anything, which can only make the pattern look more ambiguous
      try {
        new RegExp(src);
      } catch {
        return ALL;
      }
      const re = new RegExp(`^(?:${src})$`, this.icase ? 'i' : '');
      const ascii = [0, 0, 0, 0];
      for (let k = 0; k < 128; k++) if (re.test(String.fromCharCode(k))) ascii[k >> 5] |= 1 << (k & 31);
      const nonAscii = new RegExp(src, this.icase ? 'i' : '');
      known = { ascii, space: nonAscii.test(nonAsciiText().spaces), nel: nonAscii.test('\x85'), bom: nonAscii.test('\ufeff'), other: nonAscii.test(nonAsciiText().others) };
      if (CLASS_CACHE.size > 4096) CLASS_CACHE.clear();
      CLASS_CACHE.set(key, known);
    }
    return known;
  }
}

/** ECMAScript's \s above ASCII but the BOM, which Python's is too: the Zs spaces and the two Unicode line terminators. */
const NON_ASCII_SPACES = '\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

let texts: { spaces: string; others: string } | null = null;

/** Every UTF-16 unit above ASCII, whitespace and the rest apart (U+0085 and U+FEFF on their own): a class is tested on them in one scan each. */
function nonAsciiText(): { spaces: string; others: string } {
  if (texts === null) {
    const codes: number[] = [];
    for (let c = 128; c < 0x10000; c++) if (c !== 0x85 && c !== 0xfeff && !NON_ASCII_SPACES.includes(String.fromCharCode(c))) codes.push(c);
    let others = '';
    for (let k = 0; k < codes.length; k += 4096) others += String.fromCharCode(...codes.slice(k, k + 4096));
    texts = { spaces: NON_ASCII_SPACES, others };
  }
  return texts;
}

/** A repeat after an atom, an escape, and what follows a '(': read in place (sticky), not on copies of the rest. */
const REPEAT = /(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/y;
const ESCAPE = /\\(?:\d+\(\?:\)|k<[^>]*>|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/y;
const GROUP_KIND = /\?(?::|=|!|<=|<!|<([A-Za-z_]\w*)>)/y;

/** Char class sets by source (and case): the same few classes recur in every pattern. */
const CLASS_CACHE = new Map<string, Chars>();

function single(code: number, icase: boolean): Chars {
  const ascii = [0, 0, 0, 0];
  ascii[code >> 5] |= 1 << (code & 31);
  const ch = String.fromCharCode(code);
  if (icase && /[a-zA-Z]/.test(ch)) {
    const other = (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()).charCodeAt(0);
    ascii[other >> 5] |= 1 << (other & 31);
  }
  return { ascii, space: false, nel: false, bom: false, other: false };
}
