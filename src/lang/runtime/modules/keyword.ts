/**
 * keyword, as CPython 3.11's Lib/keyword.py has it: the keywords and soft keywords as lists (a
 * run's own, since a condition may change its list), and iskeyword and issoftkeyword, which are
 * `frozenset(kwlist).__contains__`: a membership test, an unhashable argument its TypeError.
 */
import { getattr } from '../attributes.js';
import { PerRun } from '../per-run.js';
import { PyFrozenSet } from '../pyset.js';
import { PyModule, type Py } from '../values.js';
import { allocItems } from '../budget.js';

const KWLIST = ['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'];
const SOFT_KWLIST = ['_', 'case', 'match'];

/** `frozenset(words).__contains__`: the builtin method itself (its words, its qualified name), bound anew in each run. */
function containsOf(words: readonly string[]): PerRun {
  const set = new PyFrozenSet();
  for (const w of words) set.add(w);
  return new PerRun(() => getattr(set, '__contains__'));
}

const list = (words: readonly string[]) => new PerRun(() => (allocItems(words.length), [...words] as Py));

export const KEYWORD_MODULE = new PyModule('keyword', new Map<string, Py>([
  ['kwlist', list(KWLIST)],
  ['softkwlist', list(SOFT_KWLIST)],
  ['iskeyword', containsOf(KWLIST)],
  ['issoftkeyword', containsOf(SOFT_KWLIST)],
]));
