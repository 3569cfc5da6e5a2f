import { bind, indexArg, indexOf } from './args.js';
import { bindArgs, keywordSignature, positionalSignature } from './signature.js';
import { allocStr, charge, chargeSteps, checkSize, step, work } from './budget.js';
import { PyMappingProxy } from './mappingproxy-value.js';
import { PyScanner } from './re-scanner.js';
import { analyse } from './re-safety.js';
import { FALLBACK_BACKTRACKS } from './regex-engine.js';
import { truthy } from './iteration.js';
import { attrErr, EXCEPTION_TYPES, fatalErr, IndexError, OverflowError, pyErr, typeErr, UnsupportedError, valueErr } from './exceptions.js';
import { ReError, withPattern } from './re-error.js';
import { strRepr } from './str-repr.js';
import { hashKey, latin1, type Py, boundMethod, PyBytes, PyDict, PyException, PyIntBox, PyIterator, PyStrBox, PyTuple, tupleOf, typeName } from './values.js';
import { PyByteArray } from './bytearray.js';
import { PyMemoryView } from './memoryview.js';
import { bytesRepr } from './bytes.js';
import { parse } from './re/parse.js';
import { refuseTemplateRepeats, TEMPLATE } from './re/template-flag.js';
import { expandTemplate, parseTemplate, type Template } from './re-template.js';
import { FLAGS, OwnEngine, reError, translate, type Kind, type Marked, type Repertoire, type Translation, type Variant } from './re-translate.js';
import { codePoints, OwnPattern, type OwnMatch } from './re/engine.js';
import { unfaithfulOnV8 } from './re/v8-fidelity.js';
import { withoutNegatedFFFF } from './negated-ffff.js';
import { realise } from './unicode-classes.js';
import { bytesOfText, pieceOf, split, sub, templateText } from './re-sub.js';
import { astral, cpIndex, cpLen, cpSlice, cpUnits, hasLoneHigh, unitOffset } from './codepoints.js';

/** A match as Python numbers its groups ([whole, group 1, ...]) and where it starts. */
export type Found = ArrayLike<string | undefined> & { 0: string; index: number };

/** A match of the marked translation, as Python's: groups renumbered, the marked \n given back. */
function unmark(m: RegExpExecArray, mk: Marked): Found {
  const out: [string, ...(string | undefined)[]] = [m[0]];
  for (let g = 1; g < mk.groupOf.length; g++) out.push(m[mk.groupOf[g]]);
  const hit = mk.markers.find((x) => m[x.group] !== undefined);
  if (hit !== undefined) {
    out[0] = m[0].slice(0, -1);
    for (const g of hit.around) out[g] = out[g]?.slice(0, -1);
  }
  return Object.assign(out, { index: m.index });
}

/** Group positions of a match made with the 'd' flag, by Python number. */
function spansOf(m: RegExpExecArray, mk: Marked | null): ([number, number] | null)[] {
  const indices = m.indices ?? [];
  const span = (x: [number, number] | undefined): [number, number] | null => (x === undefined ? null : [x[0], x[1]]);
  if (mk === null) return Array.from(indices, span);
  const out = [span(indices[0])];
  for (let g = 1; g < mk.groupOf.length; g++) out.push(span(indices[mk.groupOf[g]]));
  const hit = mk.markers.find((x) => m[x.group] !== undefined);
  if (hit !== undefined) for (const g of [0, ...hit.around]) if (out[g] !== null) out[g]![1]--;
  return out;
}

/** The JS expressions of one pattern, made and classified on first use. */
class Compiled {
  /** By kind (g: search from lastIndex, y: match at lastIndex, f: fullmatch), form (plain, marked, exact), group positions. */
  private variants = new Map<string, Variant>();
  /** The plain ones by kind, the common case, without building a key. */
  private plain: Partial<Record<Kind, Variant>> = {};
  /** The translations for subjects beyond ASCII, made when one is first met. */
  private wider: Partial<Record<Repertoire, Translation>> = {};
  /** The own engine's program of the pattern (re/engine.ts), made when first needed. */
  private ownPattern: OwnPattern | null = null;
  /**
   * `t` is the translation for ASCII subjects, made (and checked) when the pattern is compiled;
   * null when the pattern has what JavaScript lacks, and only the own engine runs it.
   */
  readonly t: Translation;
  constructor(t: Translation | null, private readonly pattern: string, private readonly flags: number) {
    if (t === null) {
      const own = this.own();
      this.onlyOwn = true;
      t = { plain: '', exact: '', marked: null, flags: own.flags & ~FLAGS.U, groups: own.groups, names: own.names, anchors: false, unicode: false, nonBoundary: false, setBeyondBmp: false, repertoire: 'ascii' };
    }
    this.t = t;
  }

  /**
   * Whether only the own engine runs the pattern: JS lacks one of its constructs, V8 could
   * backtrack catastrophically on it, or would leave its groups otherwise than sre (v8-fidelity.ts).
   */
  onlyOwn = false;

  own(): OwnPattern {
    return (this.ownPattern ??= new OwnPattern(this.pattern, this.flags));
  }

  /**
   * Whether a search of `subject` is the own engine's: a pattern only it runs, or re.I where
   * sre's case rules and JavaScript's can differ, on a cased character beyond ASCII (the
   * Kelvin sign and 'k', 'ſ' and 's', 'ẞ' and 'ß'...) in the pattern or the subject.
   */
  ownFor(subject: string): boolean {
    if (this.onlyOwn) return true;
    // sre's \B holds nowhere in an empty string
    if (subject.length === 0 && this.t.nonBoundary) return true;
    if ((this.t.flags & FLAGS.I) === 0) return false;
    return (this.patternCased ??= CASED_BEYOND_ASCII.test(this.pattern) || /\\(?:x[89a-fA-F]|u(?!00[0-7])|U|[23][0-7]{2})/.test(this.pattern)) || (beyondAscii(subject) && CASED_BEYOND_ASCII.test(subject));
  }
  private patternCased: boolean | undefined;

  /** Which translation a subject needs: ASCII text (nearly all logs) keeps JS's own classes. */
  private repertoire(subject: string): Repertoire {
    if (!this.t.unicode || !beyondAscii(subject)) return 'ascii';
    if (astral(subject) || (this.t.setBeyondBmp && subject.includes('\uffff'))) return 'astral';
    return (this.t.flags & FLAGS.A) !== 0 ? 'ascii' : 'bmp';
  }

  private translation(r: Repertoire): Translation {
    return r === 'ascii' ? this.t : (this.wider[r] ??= translate(this.pattern, this.flags, r));
  }

  /**
   * The expression to run on `subject`, its budget charged first: a search cannot be
   * interrupted, so what it may cost on its engine is paid before it starts.
   */
  get(kind: Kind, subject: string, indices = false, from = 0): Variant | null {
    if (this.ownFor(subject)) return null;
    const r = this.repertoire(subject);
    // a lone high surrogate, held doubled, would be two characters to V8's u flag: the own engine reads code points
    if (r !== 'bmp' && beyondAscii(subject) && hasLoneHigh(subject)) return null;
    let form: 'p' | 'm' | 'e' = 'p';
    if (this.t.anchors) {
      if ((this.t.flags & FLAGS.M) !== 0) form = LINE_TERMINATORS.test(subject) ? 'e' : 'p';
      // a fullmatch ends at the end, where JS's $ is Python's: plain, when every $ ends the match
      else if (subject.endsWith('\n')) form = this.t.marked === null ? 'e' : kind === 'f' ? 'p' : 'm';
    }
    let v: Variant;
    try {
      v = form === 'p' && !indices && r === 'ascii' ? (this.plain[kind] ??= this.variant(kind, form, false, r)) : this.variant(kind, form, indices, r);
    } catch (err) {
      if (err instanceof OwnEngine) return null;
      throw err;
    }
    // group positions of a polynomially ambiguous pattern are found by backtracking, charged by their degree
    // what V8 could backtrack catastrophically on, the own engine runs, charged by the step:
    // group positions of an exponential pattern, and the expressions for a subject beyond
    // ASCII (Unicode's \b) or the BMP, or for anchors JS's do not spell
    if (v.safety.ambiguous !== null && !v.linear && !(indices && v.safety.degree < Infinity)) return null;
    const n = subject.length;
    const w = v.safety.weight;
    // steps of about 0.5 µs, measured on the development machine (worst of several runs):
    // the linear engine takes up to 120 ns a character and pattern position, 8 times that
    // when repeats nest; the backtracking one up to 0.3 ns per character read, and a
    // search restarts a backtracked repeat at every position
    const linearSteps = ((n * w) / LINEAR_PER_STEP) * (v.safety.nested ? 8 : 1);
    // one attempt (match, fullmatch, group positions) is a search without its restarts
    const degree = kind === 'g' ? v.safety.degree : Math.max(1, v.safety.degree - 1);
    const reads = n ** degree * w;
    // counted repeats that multiply (a{16} inside {16}) read at some 2 ns a character, four times the rest
    let steps = n / 32 + reads / (w > 4 * v.size ? READS_PER_STEP / 4 : READS_PER_STEP);
    // that many reads may pass V8's backtrack limit, and the rest run on the linear engine
    if (v.linear && reads > FALLBACK_BACKTRACKS) steps += linearSteps;
    // a long counted repeat (x{1000000000}) is charged by its count: where the text from `from`
    // is shorter than the fewest characters a match takes, the own engine answers at once, as sre's INFO check
    if (steps > FEW_STEPS && this.own().program.min > n - from) return null;
    if (v.linear && (v.safety.ambiguous !== null || linearSteps < steps)) {
      v.run = v.linearTime ??= make(v.source, v.flags + 'l');
      steps = linearSteps;
    } else v.run = v.backtracking ??= make(v.source, v.flags);
    chargeSteps(steps);
    v.run.lastIndex = 0;
    return v;
  }

  /** Classifies the pattern's main expression: one only V8's backtracking engine could run, and ambiguous, is the own engine's. */
  check(): void {
    if (this.onlyOwn) return;
    const v = this.variant('g', 'p', false, 'ascii');
    if ((v.safety.ambiguous !== null && !v.linear) || unfaithfulOnV8(this.pattern, this.flags)) {
      this.own();
      this.onlyOwn = true;
      return;
    }
    v.backtracking ??= make(v.source, v.flags);
  }

  private variant(kind: Kind, form: 'p' | 'm' | 'e', indices: boolean, r: Repertoire): Variant {
    const key = kind + form + (indices ? 'd' : '') + r;
    let v = this.variants.get(key);
    if (v !== undefined) return v;
    const t = this.translation(r);
    const exact = form === 'e';
    const marked = form === 'm' ? t.marked : null;
    let analysed = exact ? t.exact : marked !== null ? marked.source : t.plain;
    if (kind === 'f') analysed = (t.flags & FLAGS.M) !== 0 || exact ? `(?:${analysed})(?![\\s\\S])` : `(?:${analysed})$`;
    let flags = (kind === 'g' ? 'g' : 'y') + ((t.flags & FLAGS.I) !== 0 ? 'i' : '') + (indices ? 'd' : '') + (r === 'astral' ? 'u' : '');
    if (!exact && (t.flags & FLAGS.M) !== 0) flags += 'm';
    let source = realise(analysed, r, (t.flags & FLAGS.A) !== 0);
    // V8's linear engine misreads a negated set holding U+FFFF (negated-ffff.ts): spelt positive, or left to the backtracking engine
    const positive = r === 'astral' ? source : withoutNegatedFFFF(source, flags.includes('i'));
    // the sets spelt out were paid by realise(); the longer source is counted by the pattern cache
    if (source !== analysed) holdChars(source.length);
    // the analysis takes up to about 3 µs a character (a?a?a?…): charged, since a run may make
    // many patterns; before V8 compiles it, which takes as long for a pattern of 10**5 groups
    chargeSteps(analysed.length * ANALYSIS_STEPS_PER_CHAR);
    let linear = positive !== null;
    if (positive !== null) source = positive;
    try {
      if (linear) new RegExp(source, flags + 'l');
    } catch {
      linear = false;
    }
    const safety = analyse(analysed, flags.includes('i'));
    v = { source, flags, linear, safety, backtracking: null, linearTime: null, run: null, marked, size: analysed.length };
    this.variants.set(key, v);
    return v;
  }
}

/** Octets of a bytes-like subject read as latin-1 text in one step. */
const LATIN1_PER_STEP = 512;
/** Steps charged per character of a pattern translated (once per pattern and flags, then cached). */
const TRANSLATE_STEPS_PER_CHAR = 1;
/** Steps charged per character of an expression analysed (once per pattern and kind, then cached). */
const ANALYSIS_STEPS_PER_CHAR = 8;
/** Characters times pattern positions the linear engine goes through in one step. */
const LINEAR_PER_STEP = 4;
/** Characters times pattern positions the backtracking engine reads in one step. */
const READS_PER_STEP = 1024;
/** A charge above which a search first asks whether the text is long enough for any match. */
const FEW_STEPS = 1000;

function make(source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (err) {
    return reError(`pattern cannot be translated: ${(err as Error).message}`);
  }
}

/** Where JS's multiline anchors see lines that Python's do not. */
const LINE_TERMINATORS = /[\r\u2028\u2029]/;
/** A character beyond ASCII that has a case (or changes in one): where sre's re.I and JS's can differ. */
const CASED_BEYOND_ASCII = /(?![\x00-\x7f])\p{CWCM}/u;
/** What JS's \s takes differently from Python's: beyond ASCII, and \x1c-\x1f. */
const NON_ASCII = /[^\x00-\x1b\x20-\x7f]/;

/**
 * Whether a subject holds NON_ASCII, remembered for the last one: a condition's searches,
 * and the conditions of one log, nearly always search the same text (a scan was 8% of a
 * one-search condition's run).
 */
let lastSubject = '';
let lastBeyond = false;
function beyondAscii(subject: string): boolean {
  if (subject !== lastSubject) {
    lastBeyond = NON_ASCII.test(subject);
    lastSubject = subject;
  }
  return lastBeyond;
}

/**
 * A compiled pattern. A bytes pattern (`raw`, its bytes) is run as its latin-1 decoding
 * (`source`), one char an octet, with re.A's classes and case rules, which are sre's for
 * bytes, on its subjects' octets read the same way (`subject` below); its results are made
 * bytes again. `bytesFlags` is what its `flags` answers (the ASCII flag only if given).
 */
export class Pattern {
  readonly pyTypeName = 're.Pattern';
  constructor(readonly source: string, readonly c: Compiled, readonly raw: PyBytes | null = null, private readonly bytesFlags = 0) {}

  pyRepr(): string {
    const flags = this.raw === null ? this.c.t.flags & ~FLAGS.U : this.bytesFlags;
    // CPython's %.200R: the pattern's repr cut at 200 characters
    const source = cpSlice(this.raw === null ? strRepr(this.source) : bytesRepr(this.raw), 0, 200);
    return `re.compile(${source}${flags ? ', ' + flagNames(flags) : ''})`;
  }

  /** A search (g), match (y) or fullmatch (f) of `s` from code point pos; `subject` is what was passed (a bytes pattern's s is its latin-1 text). */
  exec(kind: 'g' | 'y' | 'f', s: string, pos: number, subject: Py): Match | null {
    const v = this.c.get(kind, s, false, pos);
    if (v === null) {
      const m = this.ownMatch(kind, s, pos, false, subject);
      return m === null ? null : startedAt(m, pos);
    }
    const re = v.run!;
    // pos counts code points, as Python's, clamped to the string
    re.lastIndex = pos <= 0 ? 0 : unitOffset(s, Math.min(pos, cpLen(s)));
    const m = execWhole(re, s);
    if (m === null) return null;
    const match = new Match(this, s, v.marked === null ? m : unmark(m, v.marked), null, kind === 'f', subject);
    return pos === 0 ? match : startedAt(match, pos);
  }

  /** A match by the own engine, from code point pos. */
  ownMatch(kind: 'g' | 'y' | 'f', s: string, pos: number, mustAdvance: boolean, subject: Py): Match | null {
    const found = this.c.own().exec(kind, codePoints(s), pos, mustAdvance);
    return found === null ? null : new Match(this, s, ownFound(s, found), found, false, subject);
  }

  /** Every match from left to right, from code point `start` (each match's pos), Python 3.7's rule for empty matches. */
  *all(s: string, subject: Py = s, start = 0): Generator<Match> {
    // one charge for the whole walk: the searches start where the last match ended
    const v = this.c.get('g', s, false, start);
    if (v === null) {
      // sre's: after an empty match, the next must not be empty where it was
      const end = cpLen(s);
      let pos = start;
      let mustAdvance = false;
      while (pos <= end) {
        step();
        const m = this.ownMatch('g', s, pos, mustAdvance, subject);
        if (m === null) return;
        yield startedAt(m, start);
        const [a, b] = m.span(0);
        mustAdvance = a === b;
        pos = b;
      }
      return;
    }
    const re = v.run!;
    let pos = start === 0 ? 0 : unitOffset(s, start);
    while (pos <= s.length) {
      step();
      re.lastIndex = pos;
      const found = execWhole(re, s);
      if (found === null) return;
      const m = v.marked === null ? found : unmark(found, v.marked);
      const match = new Match(this, s, m, null, false, subject);
      yield start === 0 ? match : startedAt(match, start);
      const end = m.index + m[0].length;
      if (end !== m.index) {
        pos = end;
        continue;
      }
      // sre's must_advance: a non-empty match may start where the empty one was, which V8
      // cannot be asked for; the own engine tries that one place
      const own = end < s.length ? this.c.own() : null;
      const next = own !== null && own.followsEmpty ? own.exec('y', codePoints(s), cpIndex(s, end), true) : null;
      if (next !== null) {
        const f = ownFound(s, next);
        yield startedAt(new Match(this, s, f, next, false, subject), start);
        pos = f.index + f[0].length;
        continue;
      }
      // past an empty match by one character: both units of a pair, or of a lone high surrogate
      pos = end + cpUnits(s, end);
    }
  }

  /** p.name(...) without a bound method: what methodCaller uses. */
  pyCall(name: string, args: Py[], kw: Map<string, Py> | null): Py {
    const fn = PATTERN_METHODS.get(name);
    return fn === undefined ? undefined : fn(this, args, kw);
  }

  pyAttr(name: string): Py {
    switch (name) {
      case 'pattern':
        return this.raw ?? this.source;
      case 'flags':
        if (this.raw !== null) return this.bytesFlags;
        // a str pattern is UNICODE unless it is ASCII
        return (this.c.t.flags & FLAGS.A) !== 0 ? this.c.t.flags : this.c.t.flags | FLAGS.U;
      case 'groups':
        return this.c.t.groups;
      case 'groupindex': {
        // a read-only view, as sre's: the pattern's names cannot be changed through it; with no name, a new dict
        const d = new PyDict();
        for (const [k, v] of this.c.t.names) d.set(k, v);
        return d.size === 0 ? d : new PyMappingProxy(d);
      }
    }
    if (name === 'scanner') return boundMethod(name, (a, k) => scanner(this, a, k), this, undefined);
    const fn = PATTERN_METHODS.get(name);
    return fn === undefined ? undefined : boundMethod(name, (a, k) => fn(this, a, k), this, undefined);
  }
}

/**
 * re.exec from its lastIndex, past a match that V8's search starts between the two units of a
 * pair, with the u flag or without (a lookbehind or \B holds there: re.sub(r'\B', '-', '𝛼') split it),
 * where sre, which reads code points, never tries one.
 */
function execWhole(re: RegExp, s: string): RegExpExecArray | null {
  const m = re.exec(s);
  // the common case, one test: a match that does not start on a low surrogate
  return m === null || (s.charCodeAt(m.index) & 0xfc00) !== 0xdc00 ? m : pastHalves(re, s, m);
}

function pastHalves(re: RegExp, s: string, m: RegExpExecArray | null): RegExpExecArray | null {
  while (m !== null && (s.charCodeAt(m.index) & 0xfc00) === 0xdc00 && (s.charCodeAt(m.index - 1) & 0xfc00) === 0xd800) {
    step();
    re.lastIndex = m.index + 1;
    m = re.exec(s);
  }
  return m;
}

/** The match, with the pos its search started from. */
function startedAt(m: Match, pos: number): Match {
  m.pos = pos;
  return m;
}

/** The groups of an own engine's match as a Found: strings and a start by UTF-16 unit. */
function ownFound(s: string, found: OwnMatch): Found {
  const sp = found.spans;
  const out: [string, ...(string | undefined)[]] = [''];
  for (let g = 0; g < sp.length; g += 2) {
    // CPython's own check of a group's span (sre can leave one backwards)
    if (sp[g] > sp[g + 1]) throw pyErr(EXCEPTION_TYPES.get('SystemError')!, 'The span of capturing group is wrong, please report a bug for the re module.');
    out[g / 2] = sp[g] < 0 ? undefined : cpSlice(s, sp[g], sp[g + 1]);
  }
  return Object.assign(out, { index: unitOffset(s, sp[0]) });
}

export class Match {
  readonly pyTypeName = 're.Match';
  /** Where its search started (Pattern.search's pos, clamped), code points; unset for 0, which most are, at no cost to them. */
  pos?: number;
  private spans: ([number, number] | null)[] | null = null;
  /**
   * `full`: a fullmatch's, whose groups are found again as one (group positions the own engine
   * finds). `string` is the text searched, `subject` what was passed: for a bytes pattern, the
   * bytes-like object whose latin-1 text `string` is.
   */
  constructor(readonly pattern: Pattern, readonly string: string, readonly m: Found, private readonly own: OwnMatch | null, private readonly full: boolean, readonly subject: Py) {
    if (own !== null) {
      const sp = own.spans;
      this.spans = [];
      for (let g = 0; g < sp.length; g += 2) this.spans.push(sp[g] < 0 ? null : [sp[g], sp[g + 1]]);
    }
  }

  pyRepr(): string {
    const [a, b] = this.span(0);
    const g = this.group(0);
    // CPython's %.50R: the match's repr cut at 50 characters
    return `<re.Match object; span=(${a}, ${b}), match=${cpSlice(typeof g === 'string' ? strRepr(g) : bytesRepr(g as PyBytes), 0, 50)}>`;
  }

  /** A unit offset in the subject as Python counts it, by code point. */
  private at(u: number): number {
    return u < 0 ? u : cpIndex(this.string, u);
  }

  index(g: Py): number {
    // an int or str subclass's instance is its int or str (PyIndex_Check, then the names' dict)
    if (g instanceof PyIntBox || g instanceof PyStrBox) g = g.value;
    // any other value with __index__ is its int (PyIndex_Check, then PyNumber_AsSsize_t)
    else if (typeof g === 'object' && g !== null) g = indexOf(g) ?? g;
    if (typeof g === 'string') {
      const n = this.pattern.c.t.names.get(g);
      if (n === undefined) throw pyErr(IndexError, 'no such group');
      return n;
    }
    if ((typeof g !== 'number' && typeof g !== 'boolean') || Number(g) < 0 || Number(g) > this.pattern.c.t.groups) throw pyErr(IndexError, 'no such group');
    return Number(g);
  }

  group(g: Py): Py {
    const n = this.index(g);
    return this.pattern.raw === null ? (this.m[n] ?? null) : this.bytesGroup(n);
  }

  /**
   * Group n's text (a bytes subject's as latin-1), or undefined when unset. A bytearray or
   * memoryview is read as it is now, clamped to its length, as _sre's group() reads it;
   * `live` false takes the text matched (sub's, where nothing can have changed it).
   */
  text(n: number, live = true): string | undefined {
    const t = this.m[n];
    const s = this.subject;
    if (t === undefined || !live || !(s instanceof PyByteArray || s instanceof PyMemoryView)) return t;
    const data = s instanceof PyMemoryView ? s.pyBuffer(false) : s.data;
    // getstring's words for a view released since
    if (data === null) throw typeErr(`expected string or bytes-like object, got '${typeName(s)}'`);
    const [a, b] = this.span(n);
    return latin1(data.subarray(Math.min(a, data.length), Math.min(b, data.length)));
  }

  /** A bytes pattern's group n: bytes, the subject itself where a group is the whole of a bytes object, as CPython's getslice. */
  private bytesGroup(n: number): Py {
    const t = this.text(n);
    if (t === undefined) return null;
    return pieceOf(t, this.string, this.subject);
  }

  /**
   * expand_template's result as text: the template's items and the groups' texts, joined by
   * the subject's empty value, which a memoryview's cannot (it has no join).
   */
  expandText(t: Template, live: boolean): string {
    const s = this.subject;
    // match.string[:0] first: a view released since is memoryview's ValueError
    if (s instanceof PyMemoryView) throw attrErr(s.live(), 'join');
    return expandTemplate(t, this.pattern.raw !== null, (g) => this.text(g, live));
  }

  /** Match.expand(template): _expand's parse_template, then expand_template, of the subject's type (a bytearray's is a bytearray). */
  expand(template: Py): Py {
    const t = parseTemplate(...templateText(template), this.pattern.c.t.groups, this.pattern.c.t.names);
    const out = this.expandText(t, true);
    if (this.pattern.raw === null) return (allocStr(out.length), out);
    const b = bytesOfText(out);
    return this.subject instanceof PyByteArray ? new PyByteArray(b.data) : b;
  }

  span(g: Py): [number, number] {
    const n = this.index(g);
    if (n === 0 && this.own === null) return [this.at(this.m.index), this.at(this.m.index + this.m[0].length)];
    if (this.spans === null) {
      // group positions need the 'd' flag: run it again, only when asked
      const v = this.pattern.c.get('y', this.string, true);
      if (v === null) {
        // the own engine finds them, where V8 could backtrack catastrophically
        const found = this.pattern.ownMatch(this.full ? 'f' : 'y', this.string, this.at(this.m.index), false, this.subject);
        this.spans = found?.spans ?? [];
        return this.spans[n] ?? [-1, -1];
      }
      v.run!.lastIndex = this.m.index;
      this.spans = spansOf(v.run!.exec(this.string)!, v.marked).map((x) => (x === null ? null : [this.at(x[0]), this.at(x[1])]));
    }
    return this.spans[n] ?? [-1, -1];
  }

  /**
   * sre's lastindex is the group closed last, which V8 does not say (`((a))` closes 1 after 2):
   * the own engine matches again at the same place to tell, only when asked.
   */
  private lastindex(): number | null {
    if (this.own !== null) return this.own.lastindex;
    if (this.pattern.c.t.groups === 0) return null;
    return this.pattern.ownMatch(this.full ? 'f' : 'y', this.string, this.at(this.m.index), false, this.subject)?.lastindex() ?? null;
  }

  groups(dflt: Py = null): PyTuple {
    const out: Py[] = [];
    for (let i = 1; i <= this.pattern.c.t.groups; i++) out.push(this.pattern.raw === null ? (this.m[i] ?? dflt) : (this.bytesGroup(i) ?? dflt));
    return tupleOf(out);
  }

  pyGetItem(key: Py): Py {
    return this.group(key);
  }

  /** m.name(...) without a bound method: what methodCaller uses. */
  pyCall(name: string, args: Py[], kw: Map<string, Py> | null): Py {
    if (name === 'group' && args.length <= 1 && kw === null) return this.group(args.length === 0 ? 0 : args[0]);
    const fn = MATCH_METHODS.get(name);
    return fn === undefined ? undefined : fn(this, args, kw);
  }

  pyAttr(name: string): Py {
    switch (name) {
      case 'string':
        return this.subject;
      case 're':
        return this.pattern;
      case 'pos':
        return this.pos ?? 0;
      case 'endpos':
        return cpLen(this.string);
      case 'lastindex':
        return this.lastindex();
      // every group's span, (-1, -1) for one that took no part
      case 'regs': {
        const groups = this.pattern.c.t.groups;
        charge(groups);
        return new PyTuple(Array.from({ length: groups + 1 }, (_, g) => new PyTuple(this.span(g))));
      }
      case 'lastgroup': {
        const last = this.lastindex();
        for (const [name, n] of this.pattern.c.t.names) if (n === last) return name;
        return null;
      }
    }
    const fn = MATCH_METHODS.get(name);
    return fn === undefined ? undefined : boundMethod(name, (a, k) => fn(this, a, k), this, undefined);
  }
}

type Fn<T> = (self: T, args: Py[], kw: Map<string, Py> | null) => Py;

// Argument Clinic's, positional only: "span expected at most 1 argument, got 2", "Match.start() takes no keyword arguments"
// METH_VARARGS: any number of groups, no keywords
const MATCH_GROUP = positionalSignature('group', 'parse', 0, Infinity, 'Match');
/** The group a start/end/span names: 0 when none is given (None is no group: IndexError). */
const groupArg = ([g]: Py[]): Py => (g === undefined ? 0 : g);
const MATCH_START = positionalSignature('start', 'clinic', 0, 1, 'Match');
const MATCH_END = positionalSignature('end', 'clinic', 0, 1, 'Match');
const MATCH_SPAN = positionalSignature('span', 'clinic', 0, 1, 'Match');
const MATCH_EXPAND = keywordSignature('expand', ['template'], 1);

const MATCH_METHODS = new Map<string, Fn<Match>>([
  ['group', (m, a, k) => (bindArgs(MATCH_GROUP, a, k).length <= 1 ? m.group(a[0] ?? 0) : new PyTuple(a.map((g) => m.group(g))))],
  ['groups', (m, a, k) => m.groups(bind('groups', a, k, ['default'])[0] ?? null)],
  [
    'groupdict',
    (m, a, k) => {
      const [dflt = null] = bind('groupdict', a, k, ['default']);
      const d = new PyDict();
      for (const [name, n] of m.pattern.c.t.names) d.set(name, m.group(n) ?? dflt);
      return d;
    },
  ],
  ['start', (m, a, k) => m.span(groupArg(bindArgs(MATCH_START, a, k)))[0]],
  ['end', (m, a, k) => m.span(groupArg(bindArgs(MATCH_END, a, k)))[1]],
  ['span', (m, a, k) => new PyTuple(m.span(groupArg(bindArgs(MATCH_SPAN, a, k))))],
  ['expand', (m, a, k) => m.expand(bindArgs(MATCH_EXPAND, a, k)[0])],
]);

/**
 * The text a pattern searches, as _sre's getstring reads a subject: a str pattern's is a str;
 * a bytes pattern's the octets of a bytes-like object, as latin-1 text.
 */
function subject(p: Pattern, v: Py): string {
  if (typeof v === 'string' || v instanceof PyStrBox) {
    if (p.raw !== null) throw typeErr('cannot use a bytes pattern on a string-like object');
    return typeof v === 'string' ? v : v.value;
  }
  // a view released or not contiguous gives no buffer
  const data = v instanceof PyBytes ? v.data : v instanceof PyMemoryView ? v.pyBuffer(false) : null;
  if (data === null) throw typeErr(`expected string or bytes-like object, got '${typeName(v)}'`);
  if (p.raw === null) throw typeErr('cannot use a string pattern on a bytes-like object');
  // Node's latin-1 decoder: about 1 ms a million octets
  chargeSteps(data.length / LATIN1_PER_STEP);
  return latin1(data);
}

function findall(p: Pattern, s: string, orig: Py, start = 0): Py[] {
  const out: Py[] = [];
  const groups = p.c.t.groups;
  const piece = p.raw === null ? (t: string | undefined) => t ?? '' : (t: string | undefined) => pieceOf(t ?? '', s, orig);
  for (const m of p.all(s, orig, start)) {
    if (groups <= 1) out.push(piece(m.m[groups]));
    else {
      const row: Py[] = [];
      for (let i = 1; i <= groups; i++) row.push(piece(m.m[i]));
      out.push(new PyTuple(row));
    }
    if ((out.length & 1023) === 0) checkSize(out.length);
  }
  return out;
}

/** A Pattern's search, match, fullmatch, findall and finditer: string, pos=0, endpos=sys.maxsize. */
const SEARCH_ARGS = ['string', 'pos', 'endpos'];

/**
 * The text a search with pos and endpos reads, as _sre's state_init clamps them to the
 * subject: the subject cut at endpos (as if it were that long), and pos, both code points.
 * What comes before pos is still read by lookbehinds and \b, and ^ holds there only where a line starts.
 * state_init does not order them: a pos past endpos is answered by `inverted` (null when it is not).
 */
function searchWindow(s: string, pos: Py = 0, endpos: Py | undefined = undefined): [string, number] | null {
  const from = indexArg(pos);
  if (endpos === undefined && from <= 0) return [s, 0];
  const n = cpLen(s);
  const to = endpos === undefined ? n : Math.min(Math.max(indexArg(endpos), 0), n);
  if (Math.min(Math.max(from, 0), n) > to) return null;
  return [to === n ? s : cpSlice(s, 0, to), Math.min(Math.max(from, 0), n)];
}

/**
 * A search from past its end: sre's search, fullmatch and findall find nothing there, while its
 * match runs the pattern's code from beyond the end, where what holds depends on which opcodes
 * check the bound ('' and '(a)?' match, 'a*' and '$' do not): refused, not guessed.
 */
function inverted(kind: 'g' | 'y' | 'f'): null {
  if (kind === 'y') throw fatalErr(UnsupportedError, 'match() with pos past endpos is not available in conditions: sre runs the pattern beyond the end of the text, which the evaluator does not follow');
  return null;
}

/** Neither pos nor endpos given: the common call, re.search(p, s), which makes no window. */
const wholeSubject = (pos: Py | undefined, endpos: Py | undefined): boolean => endpos === undefined && (pos === undefined || pos === 0);

/** Argument Clinic converts a method's ints (pos, endpos, count, maxsplit) as it parses them, before the string is looked at. */
function indexesFirst(...vs: (Py | undefined)[]): void {
  for (const v of vs) if (v !== undefined) indexArg(v);
}

/** search, match or fullmatch of the string bound, from pos, up to endpos. */
function searchIn(p: Pattern, kind: 'g' | 'y' | 'f', [s, pos, endpos]: Py[]): Match | null {
  indexesFirst(pos, endpos);
  const text = subject(p, s);
  if (wholeSubject(pos, endpos)) return p.exec(kind, text, 0, s);
  const window = searchWindow(text, pos, endpos);
  if (window === null) return inverted(kind);
  return p.exec(kind, window[0], window[1], s);
}

/** Pattern.scanner(string, pos=0, endpos=sys.maxsize): the own engine's search or match, again and again, over the window (re-scanner.ts). */
function scanner(p: Pattern, a: Py[], k: Map<string, Py> | null): PyScanner {
  const [s, pos, endpos] = bind('scanner', a, k, SEARCH_ARGS, 1);
  indexesFirst(pos, endpos);
  const window = searchWindow(subject(p, s), pos, endpos);
  if (window === null) return new PyScanner(p, 0, inverted);
  const [text, start] = window;
  const n = cpLen(text);
  return new PyScanner(p, start, (kind, at, mustAdvance) => {
    const m = at > n ? null : p.ownMatch(kind, text, at, mustAdvance, s);
    if (m === null) return null;
    const [from, to] = m.span(0) as [number, number];
    return { match: startedAt(m, start), start: from, end: to };
  });
}

const PATTERN_METHODS = new Map<string, Fn<Pattern>>([
  ['search', (p, a, k) => searchIn(p, 'g', bind('search', a, k, SEARCH_ARGS, 1))],
  ['match', (p, a, k) => searchIn(p, 'y', bind('match', a, k, SEARCH_ARGS, 1))],
  ['fullmatch', (p, a, k) => searchIn(p, 'f', bind('fullmatch', a, k, SEARCH_ARGS, 1))],
  ['findall', (p, a, k) => {
    const [s, pos, endpos] = bind('findall', a, k, SEARCH_ARGS, 1);
    indexesFirst(pos, endpos);
    if (wholeSubject(pos, endpos)) return findall(p, subject(p, s), s);
    const window = searchWindow(subject(p, s), pos, endpos);
    return window === null ? [] : findall(p, window[0], s, window[1]);
  }],
  ['finditer', (p, a, k) => {
    const [s, pos, endpos] = bind('finditer', a, k, SEARCH_ARGS, 1);
    indexesFirst(pos, endpos);
    const window = searchWindow(subject(p, s), pos, endpos);
    return new PyIterator(window === null ? [][Symbol.iterator]() : p.all(window[0], s, window[1]), 'callable_iterator');
  }],
  ['sub', (p, a, k) => {
    const [repl, s, count = 0] = bind('sub', a, k, ['repl', 'string', 'count'], 2);
    indexesFirst(count);
    return sub(p, repl, () => subject(p, s), s, indexArg(count))[0];
  }],
  ['subn', (p, a, k) => {
    const [repl, s, count = 0] = bind('subn', a, k, ['repl', 'string', 'count'], 2);
    indexesFirst(count);
    return new PyTuple(sub(p, repl, () => subject(p, s), s, indexArg(count)));
  }],
  ['split', (p, a, k) => {
    const [s, maxsplit = 0] = bind('split', a, k, ['string', 'maxsplit'], 1);
    indexesFirst(maxsplit);
    return split(p, subject(p, s), s, indexArg(maxsplit));
  }],
]);

const PATTERN_CACHE_SIZE = 512;
/**
 * Characters of pattern source the cache holds: a compiled pattern keeps about 40 bytes a
 * character (512 distinct 39 KB patterns kept 822 MiB), so about 40 MiB.
 */
const PATTERN_CACHE_CHARS = 1 << 20;
/** Patterns by flags, then by source: a condition's pattern literal is the same string each run, its hash cached. */
const patterns = new Map<number, Map<string, Pattern>>();
/** Bytes patterns, by flags, then by their latin-1 text. */
const bytesPatterns = new Map<number, Map<string, Pattern>>();
let patternCount = 0;
let patternChars = 0;

/** More characters of expression kept by a cached pattern: its Unicode sets, made at its first search beyond ASCII. */
function holdChars(n: number): void {
  patternChars += n;
  if (patternChars > PATTERN_CACHE_CHARS) clearPatterns();
}

function clearPatterns(): void {
  patterns.clear();
  bytesPatterns.clear();
  patternCount = 0;
  patternChars = 0;
}

/** The pattern translated for V8, or null when it has what JavaScript lacks (the own engine's then). */
function translateOrOwn(pattern: string, flags: number): Translation | null {
  try {
    return translate(pattern, flags);
  } catch (err) {
    if (err instanceof OwnEngine) return null;
    if (!(err instanceof PyException) || err.type !== ReError) throw err;
    // the translator reads UTF-16 units and stops at what it lacks: the error raised is the
    // parser's, sre_parse's words at its code point positions, and a pattern it takes is the
    // own engine's ('(?(+1)a)(a)')
    chargeSteps(pattern.length * TRANSLATE_STEPS_PER_CHAR);
    parse(pattern, flags);
    return null;
  }
}

/** re.compile: translated once per (pattern, flags), then served from a bounded cache. */
export function compilePattern(pattern: Py, flags: Py = 0): Pattern {
  // the common call, a str pattern without flags compiled before, before any type is tested
  if (typeof pattern === 'string' && flags === 0) {
    const p = patterns.get(0)?.get(pattern);
    if (p !== undefined) return p;
  }
  // re.I and its kin are ints, as an int subclass's instance is
  if (flags instanceof PyIntBox) flags = flags.value;
  // re's cache key (type, pattern, flags) is hashed first: an unhashable flags is refused so
  if (flags !== null && typeof flags === 'object') hashKey(flags);
  if (pattern instanceof Pattern) {
    if (truthy(flags)) throw valueErr('cannot process flags argument with a compiled pattern');
    return pattern;
  }
  if (typeof pattern !== 'string' && pattern instanceof PyStrBox) pattern = pattern.value;
  const raw = pattern instanceof PyBytes ? pattern : null;
  if (raw !== null) {
    // re's cache is a dict: its key is hashed before anything else (a bytearray is unhashable)
    if (raw instanceof PyByteArray) hashKey(raw);
    pattern = raw.latin1();
  }
  if (typeof pattern !== 'string') {
    if (pattern !== null && typeof pattern === 'object') hashKey(pattern);
    throw typeErr(`first argument must be string or compiled pattern`);
  }
  // _compile's first use of flags is `flags & T`
  if (typeof flags === 'boolean') flags = Number(flags);
  // sre's flags are a C int
  if (typeof flags === 'bigint' || (typeof flags === 'number' && (flags | 0) !== flags)) throw pyErr(OverflowError, 'Python int too large to convert to C int');
  if (typeof flags !== 'number') throw typeErr(`unsupported operand type(s) for &: '${typeName(flags)}' and 'RegexFlag'`);
  const cache = raw === null ? patterns : bytesPatterns;
  let byFlags = cache.get(flags);
  let p = byFlags?.get(pattern);
  if (p !== undefined) return p;
  // translating cannot be interrupted: paid before, by the pattern's length (some 0.5 µs a
  // character for '(a)' * 10**5), so that a huge pattern is refused before the work
  chargeSteps(pattern.length * TRANSLATE_STEPS_PER_CHAR);
  try {
    if (flags & TEMPLATE) refuseTemplateRepeats(pattern, flags, raw === null);
    p = raw === null ? new Pattern(pattern, new Compiled(translateOrOwn(pattern, flags), pattern, flags)) : bytesPattern(raw, pattern, flags);
    // fail now, not at the first search, if JS refuses the translation or it is unsafe
    p.c.check();
  } catch (e) {
    // re.error's fields, and its line and column, are its pattern's
    throw withPattern(e, raw ?? pattern);
  }
  if (patternCount >= PATTERN_CACHE_SIZE || patternChars + pattern.length > PATTERN_CACHE_CHARS) {
    // full: start again; recompiling the few live patterns costs microseconds
    clearPatterns();
    byFlags = undefined;
  }
  if (byFlags === undefined) cache.set(flags, (byFlags = new Map()));
  byFlags.set(pattern, p);
  patternCount++;
  patternChars += pattern.length;
  return p;
}

/** The words re.L is refused in: it reads the host's locale. */
const LOCALE_REFUSED = 'the LOCALE flag is not supported by the evaluator';
/** Steps per character of a bytes pattern read by sre_parse's parser, as the own engine's (re/engine.ts). */
const BYTES_PARSE_STEPS_PER_CHAR = 3;

/**
 * A bytes pattern, `text` its latin-1 decoding: read first as sre_parse reads a bytes one
 * (\u, \U and \N are bad escapes, (?u) and re.U refused, in its order and words), then
 * compiled as a str pattern with re.A, whose classes (\w is [a-zA-Z0-9_]) and case rules
 * (re.I folds ASCII letters only) are sre's for bytes.
 */
function bytesPattern(raw: PyBytes, text: string, flags: number): Pattern {
  chargeSteps(text.length * BYTES_PARSE_STEPS_PER_CHAR);
  const parsed = parse(text, flags, false).flags;
  if (parsed & FLAGS.L) reError(LOCALE_REFUSED);
  const run = parsed | FLAGS.A;
  return new Pattern(text, new Compiled(translateOrOwn(text, run), text, run), raw, parsed);
}

/** pattern_repr's names, in its order; bits it has no name for as one hex number. */
function flagNames(flags: number): string {
  const names: string[] = [];
  for (const [name, bit] of REPR_FLAGS) {
    if (flags & bit) {
      names.push('re.' + name);
      flags &= ~bit;
    }
  }
  if (flags) names.push('0x' + (flags >>> 0).toString(16));
  return names.join('|');
}

const REPR_FLAGS = [['TEMPLATE', 1], ['IGNORECASE', FLAGS.I], ['LOCALE', FLAGS.L], ['MULTILINE', FLAGS.M], ['DOTALL', FLAGS.S], ['UNICODE', FLAGS.U], ['VERBOSE', FLAGS.X], ['DEBUG', 128], ['ASCII', FLAGS.A]] as const;

/** The characters re.escape puts a backslash before: Python 3.7's set. */
const SPECIAL = /[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g;
const SPECIAL_CODES = new Set(Array.from('()[]{}?*+-|^$\\.&~# \t\n\r\v\f', (c) => c.charCodeAt(0)));

/** re.escape: a str's special characters escaped; any other value is read as str(s, 'latin1') reads it, and escaped as bytes. */
export function escape(s: Py): Py {
  if (s instanceof PyStrBox) s = s.value;
  if (typeof s !== 'string') return bytesOfText(escape(templateText(s)[0]) as string);
  // its size is known before it is built: a cheap count, then the limit and the charge
  let specials = 0;
  for (let i = 0; i < s.length; i++) if (SPECIAL_CODES.has(s.charCodeAt(i))) specials++;
  allocStr(s.length + specials);
  // a replacement per special character costs more than a copied one
  work(specials * 8);
  return specials === 0 ? s : s.replace(SPECIAL, (c) => '\\' + c);
}

/** The module-level functions: re.search(pattern, string, flags=0) and friends. */
export function moduleFunction(name: string): Fn<never> | undefined {
  const method = PATTERN_METHODS.get(name);
  if (method === undefined) return undefined;
  const params: Record<string, string[]> = {
    search: ['pattern', 'string', 'flags'],
    match: ['pattern', 'string', 'flags'],
    fullmatch: ['pattern', 'string', 'flags'],
    findall: ['pattern', 'string', 'flags'],
    finditer: ['pattern', 'string', 'flags'],
    split: ['pattern', 'string', 'maxsplit', 'flags'],
    sub: ['pattern', 'repl', 'string', 'count', 'flags'],
    subn: ['pattern', 'repl', 'string', 'count', 'flags'],
  };
  const names = params[name];
  const needed = name === 'sub' || name === 'subn' ? 3 : 2;
  return (_self, a, k) => {
    // the common call, re.search(pattern, text), without binding keywords
    if (k === null && a.length === needed) return method(compilePattern(a[0]), a.slice(1), null);
    const bound = bind(name, a, k, names, needed, name);
    const given = bound[names.indexOf('flags')];
    const flags = given === undefined ? 0 : given;
    const rest = bound.slice(1, names.indexOf('flags')).filter((x) => x !== undefined);
    return method(compilePattern(bound[0], flags), rest, null);
  };
}
