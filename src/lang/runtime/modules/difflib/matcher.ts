/**
 * difflib.SequenceMatcher, Lib/difflib.py's class written as one: its state is its instance's
 * attributes (a, b, b2j, bjunk, bpopular, fullbcount, matching_blocks, opcodes), as CPython's,
 * so a condition may read them. find_longest_match is quadratic in the worst case: each pass of
 * its inner loop is an item of the run's budget, so two huge inputs end in StepLimitError.
 */
import { getattr } from '../../attributes.js';
import { intArg } from '../../args.js';
import { enterCall, exitCall, tick, untimed } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { classOfInstance, makeClass, OBJECT_CLASS, setattr } from '../../classes.js';
import { PyInstance } from '../../class-values.js';
import { valueErr } from '../../exceptions.js';
import { contains, eq, getitem, iterate, len, ltValue, toList, truthy } from '../../ops.js';
import { Signature, bindArgs } from '../../signature.js';
import { PyDict, PyFloat, PyFunc, PyTuple, type Py } from '../../values.js';
import { PyGenerator, type GeneratorBody } from '../../generator.js';
import { namedtuple, type NamedTupleType } from '../collections/namedtuple.js';
import { sharedObjectRefusal } from '../../shared-objects.js';
import { callMethod } from '../calendar/py.js';
import { add, sub } from '../../arith.js';

export const SEQUENCE_MATCHER = makeClass('SequenceMatcher', 'SequenceMatcher', [OBJECT_CLASS]);
SEQUENCE_MATCHER.module = 'difflib';

/**
 * Match = namedtuple('Match', 'a b size'): made once and shared by every condition, so a store
 * on it is refused as on the modules' other classes (a namedtuple's own type takes stores).
 */
export const MATCH: NamedTupleType = untimed(() => callValue(namedtuple, ['Match', 'a b size'], new Map([['module', 'difflib']])));
MATCH.store = (name: string): boolean => {
  throw sharedObjectRefusal(MATCH, name)!;
};

const param = (name: string) => ({ name, star: '' as const });

/** A method of the class: a frame, as the Python function's is. */
function method(name: string, params: string[], defaults: Py[] | undefined, body: (args: Py[]) => Py): void {
  const sig = new Signature(`SequenceMatcher.${name}`, [param('self'), ...params.map(param)], 'python');
  SEQUENCE_MATCHER.attrs.set(name, new PyFunc(`SequenceMatcher.${name}`, (a, k) => {
    enterCall();
    try {
      return body(bindArgs(sig, a, k, defaults));
    } finally {
      exitCall();
    }
  }, 'function'));
}

const newSet = (): Py => callValue(BUILTINS.get('set'), [], null);
const num = (v: Py): number => Number(v);

method('__init__', ['isjunk', 'a', 'b', 'autojunk'], [undefined, null, '', '', true], ([self, isjunk, a, b, autojunk]) => {
  setattr(self, 'isjunk', isjunk);
  setattr(self, 'a', null);
  setattr(self, 'b', null);
  setattr(self, 'autojunk', autojunk);
  callMethod(self, 'set_seqs', a, b);
  return null;
});


method('set_seqs', ['a', 'b'], undefined, ([self, a, b]) => {
  callMethod(self, 'set_seq1', a);
  callMethod(self, 'set_seq2', b);
  return null;
});

method('set_seq1', ['a'], undefined, ([self, a]) => {
  if (a === getattr(self, 'a')) return null;
  setattr(self, 'a', a);
  setattr(self, 'matching_blocks', null);
  setattr(self, 'opcodes', null);
  return null;
});

method('set_seq2', ['b'], undefined, ([self, b]) => {
  if (b === getattr(self, 'b')) return null;
  setattr(self, 'b', b);
  setattr(self, 'matching_blocks', null);
  setattr(self, 'opcodes', null);
  setattr(self, 'fullbcount', null);
  chainB(self);
  return null;
});

/** __chain_b: where each element of b is, less junk and (from 200 elements, autojunk) the popular ones. */
function chainB(self: Py): void {
  const b = getattr(self, 'b');
  const b2j = new PyDict();
  setattr(self, 'b2j', b2j);
  let i = 0;
  for (const elt of toList(b)) {
    tick();
    const indices = b2j.setDefault(elt, []) as number[];
    indices.push(i++);
  }
  const junk = newSet();
  setattr(self, 'bjunk', junk);
  const isjunk = getattr(self, 'isjunk');
  if (truthy(isjunk)) {
    for (const elt of b2j.keyList()) {
      tick();
      if (truthy(callValue(isjunk, [elt], null))) callMethod(junk, 'add', elt);
    }
    for (const elt of toList(junk)) b2j.delete(elt);
  }
  const popular = newSet();
  setattr(self, 'bpopular', popular);
  const n = len(b);
  if (truthy(getattr(self, 'autojunk')) && n >= 200) {
    const ntest = Math.floor(n / 100) + 1;
    for (const elt of b2j.keyList()) {
      tick();
      if ((b2j.get(elt) as number[]).length > ntest) callMethod(popular, 'add', elt);
    }
    for (const elt of toList(popular)) b2j.delete(elt);
  }
}

/** find_longest_match(alo, ahi, blo, bhi): the longest block of a[alo:ahi] in b[blo:bhi], junk-free, then grown by equal junk at its ends. */
function findLongestMatch(self: Py, A: Py[], B: Py[], alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
  const b2j = getattr(self, 'b2j') as PyDict;
  const bjunk = getattr(self, 'bjunk');
  const isbjunk = (x: Py): boolean => contains(bjunk, x);
  let besti = alo;
  let bestj = blo;
  let bestsize = 0;
  let j2len = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    tick();
    const newj2len = new Map<number, number>();
    const js = b2j.get(A[i]) as number[] | undefined;
    if (js !== undefined) {
      for (const j of js) {
        // the quadratic part: an item of the budget each
        tick();
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
    }
    j2len = newj2len;
  }
  while (besti > alo && bestj > blo && !isbjunk(B[bestj - 1]) && eq(A[besti - 1], B[bestj - 1])) {
    tick();
    besti--;
    bestj--;
    bestsize++;
  }
  while (besti + bestsize < ahi && bestj + bestsize < bhi && !isbjunk(B[bestj + bestsize]) && eq(A[besti + bestsize], B[bestj + bestsize])) (tick(), bestsize++);
  while (besti > alo && bestj > blo && isbjunk(B[bestj - 1]) && eq(A[besti - 1], B[bestj - 1])) {
    tick();
    besti--;
    bestj--;
    bestsize++;
  }
  while (besti + bestsize < ahi && bestj + bestsize < bhi && isbjunk(B[bestj + bestsize]) && eq(A[besti + bestsize], B[bestj + bestsize])) (tick(), bestsize++);
  return [besti, bestj, bestsize];
}

const match = (i: number, j: number, k: number): Py => callValue(MATCH, [i, j, k], null);

method('find_longest_match', ['alo', 'ahi', 'blo', 'bhi'], [undefined, 0, null, 0, null], ([self, alo, ahi, blo, bhi]) => {
  const A = toList(getattr(self, 'a'));
  const B = toList(getattr(self, 'b'));
  // range(alo, ahi)'s ints; blo and bhi, only compared in the Python, are taken as ints too
  const index = (v: Py): number => Number(intArg(v));
  const [i, j, k] = findLongestMatch(self, A, B, index(alo), ahi === null ? A.length : index(ahi), index(blo), bhi === null ? B.length : index(bhi));
  return match(i, j, k);
});

/** self.find_longest_match(alo, ahi, blo, bhi): the class's own, unless the condition's subclass (or instance) has another. */
function longest(self: Py, A: Py[], B: Py[], alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
  const cls = classOfInstance(self);
  const own = cls !== null && cls.lookup('find_longest_match') === SEQUENCE_MATCHER.attrs.get('find_longest_match') && cls.lookup('__getattribute__') === undefined && !(self instanceof PyInstance && self.dict.has('find_longest_match'));
  if (own) return findLongestMatch(self, A, B, alo, ahi, blo, bhi);
  const got = Array.from(iterate(callMethod(self, 'find_longest_match', alo, ahi, blo, bhi)));
  if (got.length !== 3) throw valueErr(got.length > 3 ? 'too many values to unpack (expected 3)' : `not enough values to unpack (expected 3, got ${got.length})`);
  return got.map(num) as [number, number, number];
}

/** get_matching_blocks: the matches, in order, adjacent ones joined, ended by (len(a), len(b), 0); kept on the instance. */
export function matchingBlocks(self: Py): Py[] {
  const kept = getattr(self, 'matching_blocks');
  if (kept !== null) return kept;
  const A = toList(getattr(self, 'a'));
  const B = toList(getattr(self, 'b'));
  const la = A.length;
  const lb = B.length;
  const queue: [number, number, number, number][] = [[0, la, 0, lb]];
  const blocks: [number, number, number][] = [];
  while (queue.length > 0) {
    tick();
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const x = longest(self, A, B, alo, ahi, blo, bhi);
    const [i, j, k] = x;
    if (k) {
      blocks.push(x);
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
  }
  blocks.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  let i1 = 0;
  let j1 = 0;
  let k1 = 0;
  const nonAdjacent: [number, number, number][] = [];
  for (const [i2, j2, k2] of blocks) {
    if (i1 + k1 === i2 && j1 + k1 === j2) k1 += k2;
    else {
      if (k1) nonAdjacent.push([i1, j1, k1]);
      [i1, j1, k1] = [i2, j2, k2];
    }
  }
  if (k1) nonAdjacent.push([i1, j1, k1]);
  nonAdjacent.push([la, lb, 0]);
  const made = nonAdjacent.map(([i, j, k]) => match(i, j, k));
  setattr(self, 'matching_blocks', made);
  return made;
}

method('get_matching_blocks', [], undefined, ([self]) => matchingBlocks(self));

const field = (m: Py, i: number): number => num(getitem(m, i));

/** get_opcodes: how to turn a into b, as (tag, i1, i2, j1, j2) tuples; kept on the instance. */
export function opcodes(self: Py): Py[] {
  const kept = getattr(self, 'opcodes');
  if (kept !== null) return kept;
  let i = 0;
  let j = 0;
  const answer: Py[] = [];
  setattr(self, 'opcodes', answer);
  for (const m of callMethod(self, 'get_matching_blocks') as Py[]) {
    tick();
    const ai = field(m, 0);
    const bj = field(m, 1);
    const size = field(m, 2);
    const tag = i < ai && j < bj ? 'replace' : i < ai ? 'delete' : j < bj ? 'insert' : '';
    if (tag) answer.push(new PyTuple([tag, i, ai, j, bj]));
    i = ai + size;
    j = bj + size;
    if (size) answer.push(new PyTuple(['equal', ai, i, bj, j]));
  }
  return answer;
}

method('get_opcodes', [], undefined, ([self]) => opcodes(self));

/** get_grouped_opcodes(n): the changes with n lines of context, in hunks; a generator, as CPython's. */
export function* groupedOpcodes(self: Py, nArg: Py): Generator<Py> {
  let codes = callMethod(self, 'get_opcodes') as Py[];
  if (codes.length === 0) codes = [new PyTuple(['equal', 0, 1, 0, 1])];
  const n = nArg;
  const items = (t: Py): Py[] => toList(t);
  const max = (x: Py, y: Py): Py => (truthy(ltValue(x, y)) ? y : x);
  const min = (x: Py, y: Py): Py => (truthy(ltValue(y, x)) ? y : x);
  if (eq(getitem(codes[0], 0), 'equal')) {
    const [tag, i1, i2, j1, j2] = items(codes[0]);
    codes[0] = new PyTuple([tag, max(i1, sub(i2, n)), i2, max(j1, sub(j2, n)), j2]);
  }
  const last = codes.length - 1;
  if (eq(getitem(codes[last], 0), 'equal')) {
    const [tag, i1, i2, j1, j2] = items(codes[last]);
    codes[last] = new PyTuple([tag, i1, min(i2, add(i1, n)), j1, min(j2, add(j1, n))]);
  }
  const nn = add(n, n);
  let group: Py[] = [];
  for (const code of codes) {
    tick();
    let [tag, i1, i2, j1, j2] = items(code);
    if (eq(tag, 'equal') && truthy(ltValue(nn, sub(i2, i1)))) {
      group.push(new PyTuple([tag, i1, min(i2, add(i1, n)), j1, min(j2, add(j1, n))]));
      yield group;
      group = [];
      [i1, j1] = [max(i1, sub(i2, n)), max(j1, sub(j2, n))];
    }
    group.push(new PyTuple([tag, i1, i2, j1, j2]));
  }
  if (group.length > 0 && !(group.length === 1 && eq(getitem(group[0], 0), 'equal'))) yield group;
}


method('get_grouped_opcodes', ['n'], [undefined, 3], ([self, n]) => new PyGenerator(groupedOpcodes(self, n) as GeneratorBody, 'SequenceMatcher.get_grouped_opcodes', true, false));

/** _calculate_ratio: 2.0 * matches / length, 1.0 for two empty sequences. */
const ratioOf = (matches: number, length: number): PyFloat => new PyFloat(length ? (2.0 * matches) / length : 1.0);

method('ratio', [], undefined, ([self]) => {
  let matches = 0;
  for (const m of callMethod(self, 'get_matching_blocks') as Py[]) matches += field(m, 2);
  return ratioOf(matches, len(getattr(self, 'a')) + len(getattr(self, 'b')));
});

method('quick_ratio', [], undefined, ([self]) => {
  if (getattr(self, 'fullbcount') === null) {
    const full = new PyDict();
    for (const elt of toList(getattr(self, 'b'))) {
      tick();
      full.set(elt, ((full.get(elt) as number | undefined) ?? 0) + 1);
    }
    setattr(self, 'fullbcount', full);
  }
  const full = getattr(self, 'fullbcount') as PyDict;
  const avail = new PyDict();
  let matches = 0;
  for (const elt of toList(getattr(self, 'a'))) {
    tick();
    const had = avail.get(elt);
    const numb = had !== undefined ? (had as number) : ((full.get(elt) as number | undefined) ?? 0);
    avail.set(elt, numb - 1);
    if (numb > 0) matches++;
  }
  return ratioOf(matches, len(getattr(self, 'a')) + len(getattr(self, 'b')));
});

method('real_quick_ratio', [], undefined, ([self]) => {
  const la = len(getattr(self, 'a'));
  const lb = len(getattr(self, 'b'));
  return ratioOf(Math.min(la, lb), la + lb);
});
