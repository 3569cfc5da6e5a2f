/**
 * difflib's functions over a SequenceMatcher: unified_diff and context_diff (generators, as
 * CPython's: their checks run at the first next()), get_close_matches, IS_LINE_JUNK and
 * IS_CHARACTER_JUNK, as Lib/difflib.py writes them.
 */
import { getattr as getattrOf } from '../../attributes.js';
import { tick, untimed } from '../../budget.js';
import { BUILTINS } from '../../builtins.js';
import { callValue } from '../../call.js';
import { typeErr, valueErr } from '../../exceptions.js';
import { add, contains, getitem, getslice, iterate, leValue, ltValue, toList, truthy } from '../../ops.js';
import { compilePattern } from '../../re.js';
import { repr } from '../../repr.js';
import { Signature, bindArgs } from '../../signature.js';
import { PyFloat, PyFunc, PyStrBox, PyTuple, typeName, type Py } from '../../values.js';
import { PyGenerator, type GeneratorBody } from '../../generator.js';
import { callMethod } from '../calendar/py.js';
import { SEQUENCE_MATCHER } from './matcher.js';

const param = (name: string) => ({ name, star: '' as const });
const isStr = (v: Py): boolean => typeof v === 'string' || v instanceof PyStrBox;
const matcher = (a: Py, b: Py): Py => callValue(SEQUENCE_MATCHER, [null, a, b], null);

/** _check_types: the first line of each a str, and every other argument. */
function checkTypes(a: Py, b: Py, args: Py[]): void {
  for (const seq of [a, b]) {
    if (truthy(seq)) {
      const first = getitem(seq, 0);
      if (!isStr(first)) throw typeErr(`lines to compare must be str, not ${typeName(first)} (${repr(first)})`);
    }
  }
  for (const arg of args) if (!isStr(arg)) throw typeErr(`all arguments must be str, not: ${repr(arg)}`);
}

const DIFF_PARAMS = ['a', 'b', 'fromfile', 'tofile', 'fromfiledate', 'tofiledate', 'n', 'lineterm'];
const DIFF_DEFAULTS = [undefined, undefined, '', '', '', '', 3, '\n'];
const text = (v: Py): string => String(callValue(BUILTINS.get('str'), [v], null));
const int = (v: Py): number => Number(v);

/** _format_range_unified(start, stop): 'start,length' from line 1, or the one line. */
function rangeUnified(start: number, stop: number): string {
  let beginning = start + 1;
  const length = stop - start;
  if (length === 1) return `${beginning}`;
  if (!length) beginning -= 1;
  return `${beginning},${length}`;
}

/** _format_range_context(start, stop): 'first,last' from line 1, or the one line. */
function rangeContext(start: number, stop: number): string {
  let beginning = start + 1;
  const length = stop - start;
  if (!length) beginning -= 1;
  if (length <= 1) return `${beginning}`;
  return `${beginning},${beginning + length - 1}`;
}

const slice = (seq: Py, i: Py, j: Py): Py[] => toList(getslice(seq, i, j, null));

function* unified(a: Py, b: Py, fromfile: Py, tofile: Py, fromdate: Py, todate: Py, n: Py, lineterm: Py): Generator<Py> {
  checkTypes(a, b, [fromfile, tofile, fromdate, todate, lineterm]);
  let started = false;
  for (const group of iterate(callMethod(matcher(a, b), 'get_grouped_opcodes', n))) {
    if (!started) {
      started = true;
      const from = truthy(fromdate) ? `\t${text(fromdate)}` : '';
      const to = truthy(todate) ? `\t${text(todate)}` : '';
      yield `--- ${text(fromfile)}${from}${text(lineterm)}`;
      yield `+++ ${text(tofile)}${to}${text(lineterm)}`;
    }
    const codes = toList(group).map((c) => (c as PyTuple).items);
    const first = codes[0];
    const last = codes[codes.length - 1];
    yield `@@ -${rangeUnified(int(first[1]), int(last[2]))} +${rangeUnified(int(first[3]), int(last[4]))} @@${text(lineterm)}`;
    for (const [tag, i1, i2, j1, j2] of codes) {
      if (tag === 'equal') {
        for (const line of slice(a, i1, i2)) (tick(), yield add(' ', line));
        continue;
      }
      if (tag === 'replace' || tag === 'delete') for (const line of slice(a, i1, i2)) (tick(), yield add('-', line));
      if (tag === 'replace' || tag === 'insert') for (const line of slice(b, j1, j2)) (tick(), yield add('+', line));
    }
  }
}

const PREFIX: Record<string, string> = { insert: '+ ', delete: '- ', replace: '! ', equal: '  ' };

function* context(a: Py, b: Py, fromfile: Py, tofile: Py, fromdate: Py, todate: Py, n: Py, lineterm: Py): Generator<Py> {
  checkTypes(a, b, [fromfile, tofile, fromdate, todate, lineterm]);
  let started = false;
  for (const group of iterate(callMethod(matcher(a, b), 'get_grouped_opcodes', n))) {
    if (!started) {
      started = true;
      const from = truthy(fromdate) ? `\t${text(fromdate)}` : '';
      const to = truthy(todate) ? `\t${text(todate)}` : '';
      yield `*** ${text(fromfile)}${from}${text(lineterm)}`;
      yield `--- ${text(tofile)}${to}${text(lineterm)}`;
    }
    const codes = toList(group).map((c) => (c as PyTuple).items);
    const first = codes[0];
    const last = codes[codes.length - 1];
    yield '***************' + text(lineterm);
    yield `*** ${rangeContext(int(first[1]), int(last[2]))} ****${text(lineterm)}`;
    if (codes.some(([tag]) => tag === 'replace' || tag === 'delete')) {
      for (const [tag, i1, i2] of codes) if (tag !== 'insert') for (const line of slice(a, i1, i2)) (tick(), yield add(PREFIX[tag], line));
    }
    yield `--- ${rangeContext(int(first[3]), int(last[4]))} ----${text(lineterm)}`;
    if (codes.some(([tag]) => tag === 'replace' || tag === 'insert')) {
      for (const [tag, , , j1, j2] of codes) if (tag !== 'delete') for (const line of slice(b, j1, j2)) (tick(), yield add(PREFIX[tag], line));
    }
  }
}

const diffFunction = (name: string, body: typeof unified): PyFunc => {
  const sig = new Signature(name, DIFF_PARAMS.map(param), 'python');
  return new PyFunc(name, (a, k) => {
    const args = bindArgs(sig, a, k, DIFF_DEFAULTS);
    return new PyGenerator((body as (...x: Py[]) => GeneratorBody)(...args), name, true, false);
  }, 'function');
};

export const UNIFIED_DIFF = diffFunction('unified_diff', unified);
export const CONTEXT_DIFF = diffFunction('context_diff', context);

const CLOSE = new Signature('get_close_matches', ['word', 'possibilities', 'n', 'cutoff'].map(param), 'python');

export const GET_CLOSE_MATCHES = new PyFunc('get_close_matches', (a, k) => {
  const [word, possibilities, n, cutoff] = bindArgs(CLOSE, a, k, [undefined, undefined, 3, new PyFloat(0.6)]);
  if (!truthy(ltValue(0, n))) throw valueErr(`n must be > 0: ${repr(n)}`);
  if (!(truthy(leValue(new PyFloat(0), cutoff)) && truthy(leValue(cutoff, new PyFloat(1))))) throw valueErr(`cutoff must be in [0.0, 1.0]: ${repr(cutoff)}`);
  const s = callValue(SEQUENCE_MATCHER, [], null);
  callMethod(s, 'set_seq2', word);
  const result: Py[] = [];
  for (const x of iterate(possibilities)) {
    tick();
    callMethod(s, 'set_seq1', x);
    if (truthy(leValue(cutoff, callMethod(s, 'real_quick_ratio'))) && truthy(leValue(cutoff, callMethod(s, 'quick_ratio'))) && truthy(leValue(cutoff, callMethod(s, 'ratio')))) {
      result.push(new PyTuple([callMethod(s, 'ratio'), x]));
    }
  }
  // heapq.nlargest(n, result): sorted(result, reverse=True)[:n]
  const best = callValue(BUILTINS.get('sorted'), [result], new Map([['reverse', true]])) as Py[];
  return toList(getslice(best, null, n, null)).map((t) => (t as PyTuple).items[1]);
}, 'function');

let lineJunk: Py;
const LINE_JUNK = new Signature('IS_LINE_JUNK', [param('line'), param('pat')], 'python');
/** pat's default, the compiled pattern's match, made at the first call. */
const NO_PAT = {};
/** IS_LINE_JUNK(line, pat=re.compile(r"\s*(?:#\s*)?$").match): a blank line, or one of a lone '#'. */
export const IS_LINE_JUNK = new PyFunc('IS_LINE_JUNK', (a, k) => {
  const [line, pat] = bindArgs(LINE_JUNK, a, k, [undefined, NO_PAT]);
  const match = pat !== NO_PAT ? pat : getattrOf((lineJunk ??= untimed(() => compilePattern('\\s*(?:#\\s*)?$'))), 'match');
  return callValue(match, [line], null) !== null;
}, 'function');

const CHARACTER_JUNK = new Signature('IS_CHARACTER_JUNK', [param('ch'), param('ws')], 'python');
/** IS_CHARACTER_JUNK(ch, ws=" \t"): a space or a tab. */
export const IS_CHARACTER_JUNK = new PyFunc('IS_CHARACTER_JUNK', (a, k) => {
  const [ch, ws] = bindArgs(CHARACTER_JUNK, a, k, [undefined, ' \t']);
  return contains(ws, ch);
}, 'function');

