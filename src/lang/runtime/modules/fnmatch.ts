/**
 * fnmatch, as CPython 3.11's Lib/fnmatch.py writes it on a POSIX host: translate's regular
 * expression text (atomic groups for each interior `*`, so no pattern backtracks badly),
 * compiled by the re module (through re.compile's own cache, bounded and per worker, in place
 * of _compile_pattern's lru_cache) and matched with its `match`. os.path.normcase is POSIX's:
 * os.fspath, which takes a str or bytes as it is and refuses anything else.
 */
import { cpChars } from '../codepoints.js';
import { getattr } from '../attributes.js';
import { work, step } from '../budget.js';
import { BUILTINS } from '../builtins.js';
import { callValue } from '../call.js';
import { AttributeError, pyErr, typeErr } from '../exceptions.js';
import { PyByteArray } from '../bytearray.js';
import * as ops from '../ops.js';
import { compilePattern, escape } from '../re.js';
import { Signature, bindArgs } from '../signature.js';
import { latin1, PyBytes, PyFunc, PyModule, PyStrBox, typeName, type Py } from '../values.js';

/** A `*` among translate's pieces (its STAR sentinel). */
const STAR = Symbol('STAR');

/** A chunk a join has taken into the one before it. */
const EMPTY_CHUNK: string[] = [];

/** The text inside a `[...]` set, from the pattern's code points i to j (the `]`), as translate makes it. */
function setText(pat: string[], i: number, j: number): string {
  let stuff: string;
  const slice = (a: number, b: number) => pat.slice(a, b).join('');
  // the set's text is sliced, searched and joined a few times over: paid for before
  work((j - i) * 4);
  if (!pat.slice(i, j).includes('-')) stuff = slice(i, j).replace(/\\/g, '\\\\');
  else {
    const chunks: string[][] = [];
    let k = pat[i] === '!' ? i + 2 : i + 1;
    for (;;) {
      k = pat.indexOf('-', k);
      if (k < 0 || k >= j) break;
      chunks.push(pat.slice(i, k));
      i = k + 1;
      k = k + 3;
    }
    const chunk = pat.slice(i, j);
    if (chunk.length > 0) chunks.push(chunk);
    else chunks[chunks.length - 1] = [...chunks[chunks.length - 1], '-'];
    // empty ranges (z-a) are invalid in a regular expression: removed, the chunks either side joined
    // (each join copies the chunks, quadratic for '[' + 'z-a' * n + ']' as in CPython: paid for as it goes)
    for (let m = chunks.length - 1; m > 0; m--) {
      const before = chunks[m - 1];
      // code points compare as Python's str comparison does
      if (before[before.length - 1].codePointAt(0)! > chunks[m][0].codePointAt(0)!) {
        work((before.length + chunks[m].length) * 4);
        chunks[m - 1] = [...before.slice(0, -1), ...chunks[m].slice(1)];
        // dropped from the end, where the loop has been: no shift of the chunks before it
        chunks[m] = EMPTY_CHUNK;
      }
    }
    const kept = chunks.filter((c) => c !== EMPTY_CHUNK);
    chunks.length = 0;
    chunks.push(...kept);
    // backslashes and hyphens escaped for set difference (--); hyphens that make ranges are not
    stuff = chunks.map((c) => c.join('').replace(/\\/g, '\\\\').replace(/-/g, '\\-')).join('-');
  }
  // set operations (&&, ~~ and ||) escaped
  return stuff.replace(/([&~|])/g, '\\$1');
}

/**
 * translate(pat): Lib/fnmatch.py's loops over a str's code points, or over another sequence's
 * items (a list of one-character strs translates as the str would), `seq` then naming its type.
 */
function translate(pat: Py[], seq: Py = null): string {
  const n = pat.length;
  const pieces: (string | typeof STAR)[] = [];
  let i = 0;
  while (i < n) {
    const c = pat[i++];
    if (typeof c !== 'string') {
      // re.escape(c) of an item that is not a str
      pieces.push(escape(c) as string);
    } else if (c === '*') {
      // consecutive `*`s are one
      if (pieces.length === 0 || pieces[pieces.length - 1] !== STAR) pieces.push(STAR);
    } else if (c === '?') pieces.push('.');
    else if (c === '[') {
      let j = i;
      if (j < n && pat[j] === '!') j++;
      if (j < n && pat[j] === ']') j++;
      while (j < n && pat[j] !== ']') j++;
      // each `[` scans on to its `]`: '[' * 10**5 is quadratic, paid for as it goes
      work(j - i);
      if (j >= n) pieces.push('\\[');
      else {
        // a list's slice has neither str.replace nor str.find, which the set's text is made with
        if (seq !== null) throw pyErr(AttributeError, `'${typeName(seq)}' object has no attribute '${pat.slice(i, j).includes('-') ? 'find' : 'replace'}'`);
        const stuff = setText(pat, i, j);
        i = j + 1;
        // an empty set never matches; a negated empty one matches any character
        if (stuff === '') pieces.push('(?!)');
        else if (stuff === '!') pieces.push('.');
        else pieces.push(`[${stuff[0] === '!' ? '^' + stuff.slice(1) : stuff[0] === '^' || stuff[0] === '[' ? '\\' + stuff : stuff}]`);
      }
    } else pieces.push(escape(c) as string);
  }
  // fixed pieces at the start, then each `*` and the fixed text after it: a lazy .*? in an atomic group, the last a plain .*
  let out = '';
  let at = 0;
  while (at < pieces.length && pieces[at] !== STAR) out += pieces[at++] as string;
  while (at < pieces.length) {
    at++;
    let fixed = '';
    while (at < pieces.length && pieces[at] !== STAR) fixed += pieces[at++] as string;
    out += at === pieces.length ? `.*${fixed}` : `(?>.*?${fixed})`;
  }
  return `(?s:${out})\\Z`;
}

/** A pattern's code points, each a piece of the translation: paid for before they are split out. */
const codePoints = (text: string): string[] => (work(text.length), cpChars(text));

const textOf = (v: Py): Py => (v instanceof PyStrBox ? v.value : v);

/** translate(pat) as a caller meets it: a str's code points, or len(pat) and then the items of another sequence. */
function translateArg(pat: Py): string {
  const text = textOf(pat);
  if (typeof text === 'string') return translate(codePoints(text));
  const n = ops.len(pat);
  work(n);
  const items: Py[] = [];
  for (let i = 0; i < n; i++) items.push(textOf(ops.getitem(pat, i)));
  return translate(items, pat);
}
/** Translations of short str patterns, per worker and bounded in count and size (a pattern is pure text: nothing of a run is kept). */
const TRANSLATED = new Map<string, string>();
const TRANSLATED_MAX = 256;
const TRANSLATED_LONGEST = 256;

function translated(text: string): string {
  let source = TRANSLATED.get(text);
  if (source === undefined) {
    source = translate(codePoints(text));
    if (text.length > TRANSLATED_LONGEST) return source;
    if (TRANSLATED.size >= TRANSLATED_MAX) TRANSLATED.clear();
    TRANSLATED.set(text, source);
  }
  return source;
}

const HASH = BUILTINS.get('hash') as PyFunc;

/** _compile_pattern(pat).match: bytes patterns are translated as latin-1 text, and compiled as bytes. */
function matcher(pat: Py): Py {
  // lru_cache hashes its argument first
  callValue(HASH, [pat], null);
  const text = textOf(pat);
  let source: Py;
  if (typeof text === 'string') source = translated(text);
  else if (pat instanceof PyBytes && !(pat instanceof PyByteArray)) source = latinBytes(translate(codePoints(latin1(pat.data))));
  else source = translateArg(pat);
  return getattr(compilePattern(source), 'match');
}

function latinBytes(s: string): PyBytes {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return new PyBytes(out);
}

/** posixpath.normcase: os.fspath(s). */
function normcase(v: Py): Py {
  if (typeof v === 'string' || v instanceof PyStrBox || v instanceof PyBytes) return v;
  throw typeErr(`expected str, bytes or os.PathLike object, not ${typeName(v)}`);
}

const matches = (match: Py, name: Py): boolean => callValue(match, [name], null) !== null;

const params = (...names: string[]) => names.map((name) => ({ name, star: '' as const }));
const FNMATCH = new Signature('fnmatch', params('name', 'pat'), 'python');
const FNMATCHCASE = new Signature('fnmatchcase', params('name', 'pat'), 'python');
const FILTER = new Signature('filter', params('names', 'pat'), 'python');
const TRANSLATE = new Signature('translate', params('pat'), 'python');

const fn = (name: string, f: (a: Py[], k: Map<string, Py> | null) => Py): [string, PyFunc] => [name, new PyFunc(name, f, 'function')];

export const FNMATCH_MODULE = new PyModule(
  'fnmatch',
  new Map<string, Py>([
    fn('fnmatch', (a, k) => {
      const [name, pat] = bindArgs(FNMATCH, a, k);
      const normal = normcase(name);
      return matches(matcher(normcase(pat)), normal);
    }),
    fn('fnmatchcase', (a, k) => {
      const [name, pat] = bindArgs(FNMATCHCASE, a, k);
      return matches(matcher(pat), name);
    }),
    fn('filter', (a, k) => {
      const [names, pat] = bindArgs(FILTER, a, k);
      const match = matcher(normcase(pat));
      const result: Py[] = [];
      for (const name of ops.iterate(names)) {
        step();
        if (matches(match, name)) result.push(name);
      }
      return result;
    }),
    fn('translate', (a, k) => translateArg(bindArgs(TRANSLATE, a, k)[0])),
  ]),
);
