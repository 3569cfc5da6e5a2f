/**
 * difflib.Differ and ndiff: a line-by-line delta, each replaced block searched for its most
 * similar pair of lines, marked within the line ('?' lines), as Lib/difflib.py's generators
 * make it. The search recurses before and after each pair: its depth is counted as CPython's
 * frames are (a generator's frame and _fancy_helper's a level), and each pair tried is paid for.
 */
import { enterCall, exitCall, nestingRoom, tick } from '../../budget.js';
import { callValue } from '../../call.js';
import { makeClass, OBJECT_CLASS, setattr } from '../../classes.js';
import { pyErr, RecursionError, valueErr } from '../../exceptions.js';
import { getattr } from '../../attributes.js';
import { add, eq, getitem, getslice, iterate, ltValue, toList, truthy } from '../../ops.js';
import { BUILTINS } from '../../builtins.js';
import { repr, str } from '../../repr.js';
import { Signature, bindArgs } from '../../signature.js';
import { PyFloat, PyFunc, PyTuple, type Py } from '../../values.js';
import { PyGenerator, type GeneratorBody } from '../../generator.js';
import { callMethod } from '../calendar/py.js';
import { IS_CHARACTER_JUNK } from './diffs.js';
import { SEQUENCE_MATCHER } from './matcher.js';

export const DIFFER = makeClass('Differ', 'Differ', [OBJECT_CLASS]);
DIFFER.module = 'difflib';

const param = (name: string) => ({ name, star: '' as const });
const INIT = new Signature('Differ.__init__', ['self', 'linejunk', 'charjunk'].map(param), 'python');
const COMPARE = new Signature('Differ.compare', ['self', 'a', 'b'].map(param), 'python');

DIFFER.attrs.set('__init__', new PyFunc('Differ.__init__', (a, k) => {
  const [self, linejunk, charjunk] = bindArgs(INIT, a, k, [undefined, null, null]);
  setattr(self, 'linejunk', linejunk);
  setattr(self, 'charjunk', charjunk);
  return null;
}, 'function'));

/** The depth where CPython's recursion limit stops the nested generators (AT_ENVELOPE, budget.ts). */
const AT_ENVELOPE = 998;

/** One compare()'s walk: its generators nest as _fancy_replace recurses. */
class Walk {
  depth = 0;
  constructor(readonly self: Py) {}

  *dump(tag: string, x: Py, lo: number, hi: number): Generator<Py> {
    for (let i = lo; i < hi; i++) {
      tick();
      yield `${tag} ${str(getitem(x, i))}`;
    }
  }

  *plainReplace(a: Py, alo: number, ahi: number, b: Py, blo: number, bhi: number): Generator<Py> {
    if (bhi - blo < ahi - alo) {
      yield* this.dump('+', b, blo, bhi);
      yield* this.dump('-', a, alo, ahi);
    } else {
      yield* this.dump('-', a, alo, ahi);
      yield* this.dump('+', b, blo, bhi);
    }
  }

  *fancyReplace(a: Py, alo: number, ahi: number, b: Py, blo: number, bhi: number): Generator<Py> {
    // _fancy_replace's frame and _fancy_helper's, a level each
    if (this.depth + 2 > nestingRoom(AT_ENVELOPE)) throw pyErr(RecursionError, 'maximum recursion depth exceeded');
    this.depth += 2;
    try {
      yield* this.fancyIn(a, alo, ahi, b, blo, bhi);
    } finally {
      this.depth -= 2;
    }
  }

  private *fancyIn(a: Py, alo: number, ahi: number, b: Py, blo: number, bhi: number): Generator<Py> {
    let bestRatio: Py = new PyFloat(0.74);
    const cutoff = new PyFloat(0.75);
    const cruncher = callValue(SEQUENCE_MATCHER, [getattr(this.self, 'charjunk')], null);
    let eqi = -1;
    let eqj = -1;
    let bestI = -1;
    let bestJ = -1;
    const better = (r: Py): boolean => truthy(ltValue(bestRatio, r));
    for (let j = blo; j < bhi; j++) {
      const bj = getitem(b, j);
      callMethod(cruncher, 'set_seq2', bj);
      for (let i = alo; i < ahi; i++) {
        tick();
        const ai = getitem(a, i);
        if (eq(ai, bj)) {
          if (eqi < 0) [eqi, eqj] = [i, j];
          continue;
        }
        callMethod(cruncher, 'set_seq1', ai);
        if (better(callMethod(cruncher, 'real_quick_ratio')) && better(callMethod(cruncher, 'quick_ratio')) && better(callMethod(cruncher, 'ratio'))) {
          [bestRatio, bestI, bestJ] = [callMethod(cruncher, 'ratio'), i, j];
        }
      }
    }
    if (truthy(ltValue(bestRatio, cutoff))) {
      if (eqi < 0) {
        yield* this.plainReplace(a, alo, ahi, b, blo, bhi);
        return;
      }
      [bestI, bestJ] = [eqi, eqj];
    } else eqi = -1;
    yield* this.fancyHelper(a, alo, bestI, b, blo, bestJ);
    const aelt = getitem(a, bestI);
    const belt = getitem(b, bestJ);
    if (eqi < 0) {
      let atags = '';
      let btags = '';
      callMethod(cruncher, 'set_seqs', aelt, belt);
      for (const code of toList(callMethod(cruncher, 'get_opcodes'))) {
        tick();
        const [tag, ai1, ai2, bj1, bj2] = toList(code);
        const la = Number(ai2) - Number(ai1);
        const lb = Number(bj2) - Number(bj1);
        if (tag === 'replace') {
          atags += '^'.repeat(la);
          btags += '^'.repeat(lb);
        } else if (tag === 'delete') atags += '-'.repeat(la);
        else if (tag === 'insert') btags += '+'.repeat(lb);
        else if (tag === 'equal') {
          atags += ' '.repeat(la);
          btags += ' '.repeat(lb);
        } else throw valueErr(`unknown tag ${repr(tag)}`);
      }
      yield* qformat(aelt, belt, atags, btags);
    } else yield add('  ', aelt);
    yield* this.fancyHelper(a, bestI + 1, ahi, b, bestJ + 1, bhi);
  }

  *fancyHelper(a: Py, alo: number, ahi: number, b: Py, blo: number, bhi: number): Generator<Py> {
    if (alo < ahi) {
      if (blo < bhi) yield* this.fancyReplace(a, alo, ahi, b, blo, bhi);
      else yield* this.dump('-', a, alo, ahi);
    } else if (blo < bhi) yield* this.dump('+', b, blo, bhi);
  }

  *compare(a: Py, b: Py): Generator<Py> {
    const cruncher = callValue(SEQUENCE_MATCHER, [getattr(this.self, 'linejunk'), a, b], null);
    for (const code of toList(callMethod(cruncher, 'get_opcodes'))) {
      const [tag, alo, ahi, blo, bhi] = (code as PyTuple).items as [string, number, number, number, number];
      if (tag === 'replace') yield* this.fancyReplace(a, alo, ahi, b, blo, bhi);
      else if (tag === 'delete') yield* this.dump('-', a, alo, ahi);
      else if (tag === 'insert') yield* this.dump('+', b, blo, bhi);
      else if (tag === 'equal') yield* this.dump(' ', a, alo, ahi);
      else throw valueErr(`unknown tag ${repr(tag)}`);
    }
  }
}

/** _keep_original_ws(s, tag_s): each blank of the tags that stands under whitespace is that whitespace. */
function keepOriginalWs(s: Py, tags: string): string {
  const chars = Array.from(tags);
  let out = '';
  let k = 0;
  for (const c of iterate(s)) {
    if (k >= chars.length) break;
    const t = chars[k++];
    out += t === ' ' && truthy(callMethod(c, 'isspace')) ? str(c) : t;
  }
  return out;
}

/** _qformat: the two lines, each followed by its marks when it has any. */
function* qformat(aline: Py, bline: Py, atags: string, btags: string): Generator<Py> {
  const a = callMethod(keepOriginalWs(aline, atags), 'rstrip') as string;
  const b = callMethod(keepOriginalWs(bline, btags), 'rstrip') as string;
  yield add('- ', aline);
  if (a) yield `? ${a}\n`;
  yield add('+ ', bline);
  if (b) yield `? ${b}\n`;
}

DIFFER.attrs.set('compare', new PyFunc('Differ.compare', (a, k) => {
  const [self, x, y] = bindArgs(COMPARE, a, k);
  return new PyGenerator(new Walk(self).compare(x, y) as GeneratorBody, 'Differ.compare', true, false);
}, 'function'));

const NDIFF = new Signature('ndiff', ['a', 'b', 'linejunk', 'charjunk'].map(param), 'python');

/** ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK): Differ(linejunk, charjunk).compare(a, b). */
export const NDIFF_FN = new PyFunc('ndiff', (a, k) => {
  const [x, y, linejunk, charjunk] = bindArgs(NDIFF, a, k, [undefined, undefined, null, IS_CHARACTER_JUNK]);
  enterCall();
  try {
    return callMethod(callValue(DIFFER, [linejunk, charjunk], null), 'compare', x, y);
  } finally {
    exitCall();
  }
}, 'function');

const RESTORE = new Signature('restore', ['delta', 'which'].map(param), 'python');

/** restore(delta, which): one of the two sequences an ndiff delta was made from, its lines as they were. */
function* restoreLines(delta: Py, tag: string): Generator<Py> {
  for (const line of iterate(delta)) {
    tick();
    const head = getslice(line, null, 2, null);
    if (eq(head, '  ') || eq(head, tag)) yield getslice(line, 2, null, null);
  }
}

export const RESTORE_FN = new PyFunc('restore', (a, k) => {
  const [delta, which] = bindArgs(RESTORE, a, k);
  // a generator: the choice is checked at the first next()
  return new PyGenerator((function* () {
    const n = callValue(BUILTINS.get('int'), [which], null);
    const tag = eq(n, 1) ? '- ' : eq(n, 2) ? '+ ' : null;
    if (tag === null) throw valueErr(`unknown delta choice (must be 1 or 2): ${repr(which)}`);
    yield* restoreLines(delta, tag);
    return null;
  })(), 'restore', true, false);
}, 'function');
