/**
 * textwrap, as CPython 3.11's Lib/textwrap.py writes it. TextWrapper is a class with
 * CPython's methods, each reading `self`'s attributes and calling `self`'s other methods
 * as the Python does, so a condition's subclass (its own _split or wordsep_re) or an
 * instance's attributes take their place. Its patterns are CPython's, run by the
 * evaluator's re; widths are counted in code points, as len() counts them.
 */
import { SPACES } from '../../py-space.js';
import { getattr } from '../../attributes.js';
import { allocStr, step, untimed, work } from '../../budget.js';
import { callValue } from '../../call.js';
import { classOfInstance, makeClass, OBJECT_CLASS, PyClass, PyInstance, setattr } from '../../classes.js';
import { PyClassValue } from '../../descriptors.js';
import { attrErr, typeErr, valueErr } from '../../exceptions.js';
import { add, bitop, le, lt, sub, truthy } from '../../ops.js';
import { compilePattern } from '../../re.js';
import { repr } from '../../repr.js';
import { PyBytes, PyDict, PyFunc, PyModule, typeName, type Py } from '../../values.js';
import { regexFlag } from '../../re-flags.js';
import { callMethod } from '../calendar/py.js';
import { pyDef } from '../python-def.js';
import { strOf } from '../urllib/text.js';
import { astral, cpChars, cpLen, forUPattern, hasLoneHigh } from '../../codepoints.js';

export const TEXT_WRAPPER = makeClass('TextWrapper', 'TextWrapper', [OBJECT_CLASS]);
TEXT_WRAPPER.module = 'textwrap';

const WHITESPACE = '\t\n\x0b\x0c\r ';
const WS = '[\\\t\\\n\\\x0b\\\x0c\\\r\\ ]';
const WORDSEP = `
        ( # any whitespace
          ${WS}+
        | # em-dash between words
          (?<=[\\w!"'&.,?]) -{2,} (?=\\w)
        | # word, possibly hyphenated
          [^${WS.slice(1)}+? (?:
            # hyphenated word
              -(?: (?<=[^\\d\\W]{2}-) | (?<=[^\\d\\W]-[^\\d\\W]-))
              (?= [^\\d\\W] -? [^\\d\\W])
            | # end of word
              (?=${WS}|\\Z)
            | # em-dash
              (?<=[\\w!"'&.,?]) (?=-{2,}\\w)
            )
        )`;

const VERBOSE = regexFlag(64);
/** The class's patterns, compiled at their first use (untimed: a process's one-time setup), not at load, where re may not be ready. */
const lazy = (make: () => Py): (() => Py) => {
  let made: Py;
  return () => (made ??= untimed(make));
};
const wordsepRe = lazy(() => compilePattern(WORDSEP, bitop('|', VERBOSE, 0)));
const wordsepSimpleRe = lazy(() => compilePattern(`(${WS}+)`));
const sentenceEndRe = lazy(() => compilePattern('[a-z][\\.\\!\\?][\\"\\\']?\\Z'));
/** unicode_whitespace_trans: a dict, so made for each read (no condition's change reaches the next). */
const whitespaceTrans = (): Py => {
  const d = new PyDict();
  for (const c of WHITESPACE) d.set(c.charCodeAt(0), 32);
  return d;
};
/**
 * A class attribute CPython keeps as a plain value (a compiled pattern, a dict), made at its
 * first read: a property here, whose getter gives an instance's own value first and whose
 * setter and deleter keep one in the instance's __dict__, as a plain class attribute allows.
 */
const ownOf = (self: Py): Map<string, Py> | null => (self instanceof PyInstance ? self.dict : null);
const classValue = (name: string, make: () => Py) => TEXT_WRAPPER.attrs.set(name, new PyClassValue(
  new PyFunc(name, (a) => {
    const own = ownOf(a[0]);
    return own !== null && own.has(name) ? (own.get(name) as Py) : make();
  }),
  new PyFunc(name, (a) => (ownOf(a[0])?.set(name, a[1]), null)),
  new PyFunc(name, (a) => {
    if (!ownOf(a[0])?.delete(name)) throw attrErr(a[0], name);
    return null;
  }),
  make,
));
classValue('unicode_whitespace_trans', whitespaceTrans);
classValue('wordsep_re', wordsepRe);
classValue('wordsep_simple_re', wordsepSimpleRe);
classValue('sentence_end_re', sentenceEndRe);

const method = (name: string, params: string[], defaults: Record<string, Py>, body: (...a: Py[]) => Py): void => {
  TEXT_WRAPPER.attrs.set(name, pyDef(`TextWrapper.${name}`, ['self', ...params], defaults, body));
};

const OPTIONS: [string, Py][] = [
  ['width', 70], ['initial_indent', ''], ['subsequent_indent', ''], ['expand_tabs', true], ['replace_whitespace', true], ['fix_sentence_endings', false],
  ['break_long_words', true], ['drop_whitespace', true], ['break_on_hyphens', true], ['tabsize', 8],
];
const KEYWORD_OPTIONS: [string, Py][] = [['max_lines', null], ['placeholder', ' [...]']];

method('__init__', [...OPTIONS.map(([n]) => n), '*', ...KEYWORD_OPTIONS.map(([n]) => n)], Object.fromEntries([...OPTIONS, ...KEYWORD_OPTIONS]), (self, ...values) => {
  const names = [...OPTIONS, ...KEYWORD_OPTIONS].map(([n]) => n);
  // the bare '*' takes a slot of its own
  const given = [...values.slice(0, OPTIONS.length), ...values.slice(OPTIONS.length + 1)];
  names.forEach((n, i) => setattr(self, n, given[i]));
  return null;
});

/** len(s) of a str: its code points (a lone high surrogate, held doubled, is one). */
function lenOf(v: Py): number {
  const s = strOf(v);
  if (s === undefined) throw typeErr(`object of type '${typeName(v)}' has no len()`);
  work(s.length);
  return cpLen(s);
}

/** str.isspace's characters, which str.strip() takes off. */
const BLANK = new RegExp(`^[${SPACES}]*$`);
/** `not s.strip()`: a str's test here, anything else's strip() called. */
function isBlank(v: Py): boolean {
  if (typeof v === 'string') return BLANK.test(v);
  return !truthy(callMethod(v, 'strip'));
}

/**
 * The class's own patterns as JS expressions, for the common case (the class's patterns
 * unchanged): the evaluator's re runs wordsep_re's lookbehinds at each character of a
 * lazy repeat, slowly. Python's \w (str.isalnum or '_') is [\p{L}\p{N}_]; [^\d\W] leaves out Nd.
 */
const JS_WS = '[\\t\\n\\x0b\\x0c\\r ]';
const JS_WORD = '[\\p{L}\\p{N}_]';
const JS_LETTER = '[\\p{L}\\p{Nl}\\p{No}_]';
const JS_PUNCT = `(?:${JS_WORD}|[!"'&.,?])`;
const JS_WORDSEP = new RegExp(
  `(${JS_WS}+|(?<=${JS_PUNCT})-{2,}(?=${JS_WORD})|[^\\t\\n\\x0b\\x0c\\r ]+?(?:-(?:(?<=${JS_LETTER}{2}-)|(?<=${JS_LETTER}-${JS_LETTER}-))(?=${JS_LETTER}-?${JS_LETTER})|(?=${JS_WS}|$)|(?<=${JS_PUNCT})(?=-{2,}${JS_WORD})))`,
  'u',
);
const JS_WORDSEP_SIMPLE = new RegExp(`(${JS_WS}+)`, 'u');
const JS_SENTENCE_END = /[a-z][.!?]["']?$/;

/**
 * Whether `self.<name>` is the class's own pattern: no attribute of the instance's, no
 * subclass's in its place, and no __getattribute__ of a subclass's. Asked before the pattern
 * is read, so that the common case needs no compiled pattern (compiling wordsep_re by re
 * takes a cold worker longer than a run's budget).
 */
function classDefault(self: Py, name: string): boolean {
  if (!(self instanceof PyInstance) || self.dict.has(name)) return false;
  const cls = classOfInstance(self);
  if (cls === null) return false;
  for (const c of cls.mro) {
    if (c === TEXT_WRAPPER) return true;
    if (c instanceof PyClass && (c.attrs.has(name) || c.attrs.has('__getattribute__') || c.attrs.has('__getattr__'))) return false;
  }
  return false;
}

method('_munge_whitespace', ['text'], {}, (self, text) => {
  if (truthy(getattr(self, 'expand_tabs'))) text = callMethod(text, 'expandtabs', getattr(self, 'tabsize'));
  if (truthy(getattr(self, 'replace_whitespace'))) {
    // the class's own table maps each of _whitespace to ' ': a str's translation is that replacement
    if (typeof text === 'string' && classDefault(self, 'unicode_whitespace_trans')) {
      work(text.length);
      text = text.replace(/[\t\n\x0b\x0c\r]/g, ' ');
    } else text = callMethod(text, 'translate', getattr(self, 'unicode_whitespace_trans'));
  }
  return text;
});

/**
 * text.split(pattern) for a text holding a lone high surrogate, held as its unit twice: the
 * 'u' patterns would read the doubled unit as two characters, or a lone high and a lone low
 * as a pair (a letter, for U+1D400). They run on forUPattern's copy, and the parts (which,
 * with the separators the group keeps, make the whole text) are cut from the text itself.
 */
function splitHeld(text: string, pattern: RegExp): string[] {
  let at = 0;
  return forUPattern(text).split(pattern).map((p) => text.slice(at, (at += p.length)));
}

method('_split', ['text'], {}, (self, text) => {
  const hyphens = getattr(self, 'break_on_hyphens') === true;
  const name = hyphens ? 'wordsep_re' : 'wordsep_simple_re';
  let chunks: Py[];
  if (typeof text === 'string' && classDefault(self, name)) {
    // a match is never empty (each alternative takes a character or more), so JS's split parts the text as re.split does
    work(text.length * 16);
    chunks = hasLoneHigh(text) ? splitHeld(text, hyphens ? JS_WORDSEP : JS_WORDSEP_SIMPLE) : text.split(hyphens ? JS_WORDSEP : JS_WORDSEP_SIMPLE);
    allocStr(text.length);
  } else chunks = callMethod(getattr(self, name), 'split', text) as Py[];
  return chunks.filter((c) => truthy(c));
});

method('_fix_sentence_endings', ['chunks'], {}, (self, chunks) => {
  const list = chunks as Py[];
  const own = classDefault(self, 'sentence_end_re');
  const search = own ? null : getattr(getattr(self, 'sentence_end_re'), 'search');
  const ends = (chunk: Py): boolean => (search === null && typeof chunk === 'string' ? JS_SENTENCE_END.test(chunk) : truthy(callValue(search ?? getattr(sentenceEndRe(), 'search'), [chunk], null)));
  let i = 0;
  while (i < list.length - 1) {
    step();
    if (list[i + 1] === ' ' && ends(list[i])) {
      list[i + 1] = '  ';
      i += 2;
    } else i += 1;
  }
  return null;
});

method('_handle_long_word', ['reversed_chunks', 'cur_line', 'cur_len', 'width'], {}, (self, reversedChunks, curLine, curLen, width) => {
  const chunks = reversedChunks as Py[];
  const line = curLine as Py[];
  const spaceLeft = truthy(lt(width, 1)) ? 1 : sub(width, curLen);
  if (truthy(getattr(self, 'break_long_words'))) {
    if (typeof spaceLeft !== 'number' || !Number.isInteger(spaceLeft)) throw typeErr('slice indices must be integers or None or have an __index__ method');
    let end: Py = spaceLeft;
    const text = strOf(chunks[chunks.length - 1]) ?? '';
    work(text.length);
    // code points, as Python slices them: a str of no high surrogate unit is its UTF-16 units
    const chunk: ArrayLike<string> & { slice(a: number, b?: number): ArrayLike<string> | string; lastIndexOf(c: string, at: number): number } = astral(text) ? cpChars(text) : text;
    const joined = (v: ArrayLike<string> | string): string => (typeof v === 'string' ? v : Array.prototype.join.call(v, ''));
    const left = Number(spaceLeft);
    if (truthy(getattr(self, 'break_on_hyphens')) && chunk.length > left) {
      // chunk.rfind('-', 0, space_left), a negative end counted from the end
      const stop = left < 0 ? Math.max(0, chunk.length + left) : left;
      const hyphen = chunk.lastIndexOf('-', stop - 1);
      if (stop > 0 && hyphen > 0 && /[^-]/.test(joined(chunk.slice(0, hyphen)))) end = hyphen + 1;
    }
    const at = Number(end);
    const cut = at < 0 ? Math.max(0, chunk.length + at) : at;
    line.push(joined(chunk.slice(0, cut)));
    chunks[chunks.length - 1] = joined(chunk.slice(cut));
  } else if (line.length === 0) line.push(chunks.pop()!);
  return null;
});

/** The operators on widths and lengths: ints and floats as JS numbers, anything else through Python's operators. */
const plus = (a: Py, b: Py): Py => (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a + b) ? a + b : add(a, b));
const minus = (a: Py, b: Py): Py => (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a - b) ? a - b : sub(a, b));
const leq = (a: Py, b: Py): boolean => (typeof a === 'number' && typeof b === 'number' ? a <= b : truthy(le(a, b)));
const less = (a: Py, b: Py): boolean => (typeof a === 'number' && typeof b === 'number' ? a < b : truthy(lt(a, b)));

/** _wrap_chunks: the lines, each within self.width, of the chunks. */
method('_wrap_chunks', ['chunks'], {}, (self, chunksArg) => {
  const chunks = chunksArg as Py[];
  const lines: string[] = [];
  const selfWidth = getattr(self, 'width');
  if (leq(selfWidth, 0)) throw valueErr(`invalid width ${repr(selfWidth)} (must be > 0)`);
  const maxLines = getattr(self, 'max_lines');
  const placeholder = getattr(self, 'placeholder');
  if (maxLines !== null) {
    const indent = less(1, maxLines) ? getattr(self, 'subsequent_indent') : getattr(self, 'initial_indent');
    if (less(selfWidth, lenOf(indent) + lenOf(callMethod(placeholder, 'lstrip')))) throw valueErr('placeholder too large for max width');
  }
  chunks.reverse();
  const drop = truthy(getattr(self, 'drop_whitespace'));
  const initial = getattr(self, 'initial_indent');
  const subsequent = getattr(self, 'subsequent_indent');
  const text = (v: Py): string => {
    const s = strOf(v);
    if (s === undefined) throw typeErr(`sequence item 0: expected str instance, ${typeName(v)} found`);
    return s;
  };
  while (chunks.length > 0) {
    step();
    const curLine: Py[] = [];
    let curLen: Py = 0;
    const indent = lines.length > 0 ? subsequent : initial;
    const width = minus(selfWidth, lenOf(indent));
    if (drop && isBlank(chunks[chunks.length - 1]) && lines.length > 0) chunks.pop();
    while (chunks.length > 0) {
      step();
      const l = lenOf(chunks[chunks.length - 1]);
      if (!leq(plus(curLen, l), width)) break;
      curLine.push(chunks.pop()!);
      curLen = plus(curLen, l);
    }
    if (chunks.length > 0 && less(width, lenOf(chunks[chunks.length - 1]))) {
      callMethod(self, '_handle_long_word', chunks, curLine, curLen, width);
      curLen = curLine.reduce((n: number, c) => n + lenOf(c), 0);
    }
    if (drop && curLine.length > 0 && isBlank(curLine[curLine.length - 1])) {
      curLen = minus(curLen, lenOf(curLine[curLine.length - 1]));
      curLine.pop();
    }
    if (curLine.length === 0) continue;
    const joined = () => {
      const body = curLine.map(text).join('');
      allocStr(body.length);
      return text(indent) + body;
    };
    if (maxLines === null || less(lines.length + 1, maxLines) || ((chunks.length === 0 || (drop && chunks.length === 1 && isBlank(chunks[0]))) && leq(curLen, width))) {
      lines.push(joined());
      continue;
    }
    let placed = false;
    while (curLine.length > 0) {
      step();
      if (!isBlank(curLine[curLine.length - 1]) && leq(plus(curLen, lenOf(placeholder)), width)) {
        curLine.push(placeholder);
        lines.push(joined());
        placed = true;
        break;
      }
      curLen = minus(curLen, lenOf(curLine[curLine.length - 1]));
      curLine.pop();
    }
    if (!placed) {
      if (lines.length > 0) {
        const prev = strOf(callMethod(lines[lines.length - 1], 'rstrip'))!;
        if (leq(lenOf(prev) + lenOf(placeholder), selfWidth)) {
          lines[lines.length - 1] = prev + text(placeholder);
          break;
        }
      }
      lines.push(text(indent) + text(callMethod(placeholder, 'lstrip')));
    }
    break;
  }
  return lines;
});

method('_split_chunks', ['text'], {}, (self, text) => callMethod(self, '_split', callMethod(self, '_munge_whitespace', text)));

method('wrap', ['text'], {}, (self, text) => {
  const chunks = callMethod(self, '_split_chunks', text);
  if (truthy(getattr(self, 'fix_sentence_endings'))) callMethod(self, '_fix_sentence_endings', chunks);
  return callMethod(self, '_wrap_chunks', chunks);
});

method('fill', ['text'], {}, (self, text) => callMethod('\n', 'join', callMethod(self, 'wrap', text)));

/** TextWrapper(width=width, **kwargs), as the module's functions make it. */
function wrapper(width: Py, kwargs: Py, extra: [string, Py][] = []): Py {
  const kw = new Map<string, Py>([['width', width], ...extra]);
  for (const [k, v] of (kwargs as PyDict).m) {
    // keyword names are strs
    if (kw.has(k as string)) throw typeErr(`textwrap.TextWrapper() got multiple values for keyword argument '${String(k)}'`);
    kw.set(k as string, v);
  }
  return callValue(TEXT_WRAPPER, [], kw);
}

/** dedent: the margin every line that is not blank shares, taken off each; lines of spaces and tabs alone emptied. */
function dedent(text: Py): Py {
  const s = strOf(text);
  if (s === undefined) throw typeErr(text instanceof PyBytes ? 'cannot use a string pattern on a bytes-like object' : `expected string or bytes-like object, got '${typeName(text)}'`);
  work(s.length * 2);
  // '^[ \t]+$' with MULTILINE: lines are parted by '\n' alone
  const lines = s.split('\n').map((line) => (step(), /^[ \t]+$/.test(line) ? '' : line));
  let margin: string | null = null;
  for (const line of lines) {
    step();
    const m = /^[ \t]*(?=[^ \t\n])/.exec(line);
    if (m === null) continue;
    const indent = m[0];
    if (margin === null) margin = indent;
    else if (indent.startsWith(margin)) continue;
    else if (margin.startsWith(indent)) margin = indent;
    else {
      let i = 0;
      while (i < margin.length && i < indent.length && margin[i] === indent[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  const m = margin;
  const out = m ? lines.map((line) => (line.startsWith(m) ? line.slice(m.length) : line)) : lines;
  return out.join('\n');
}

function indent(text: Py, prefix: Py, predicate: Py): Py {
  const parts: Py[] = [];
  for (const line of callValue(getattr(text, 'splitlines'), [true], null) as Py[]) {
    step();
    const keep = predicate === null ? truthy(callMethod(line, 'strip')) : truthy(callValue(predicate, [line], null));
    parts.push(keep ? add(prefix, line) : line);
  }
  return callMethod('', 'join', parts);
}

export const TEXTWRAP_MODULE = new PyModule(
  'textwrap',
  new Map<string, Py>([
    ['TextWrapper', TEXT_WRAPPER],
    ['wrap', pyDef('wrap', ['text', 'width', '**kwargs'], { width: 70 }, (text, width, kwargs) => callMethod(wrapper(width, kwargs), 'wrap', text))],
    ['fill', pyDef('fill', ['text', 'width', '**kwargs'], { width: 70 }, (text, width, kwargs) => callMethod(wrapper(width, kwargs), 'fill', text))],
    ['shorten', pyDef('shorten', ['text', 'width', '**kwargs'], {}, (text, width, kwargs) => {
      const w = wrapper(width, kwargs, [['max_lines', 1]]);
      return callMethod(w, 'fill', callMethod(' ', 'join', callMethod(callMethod(text, 'strip'), 'split')));
    })],
    ['dedent', pyDef('dedent', ['text'], {}, dedent)],
    ['indent', pyDef('indent', ['text', 'prefix', 'predicate'], { predicate: null }, indent)],
  ]),
);
