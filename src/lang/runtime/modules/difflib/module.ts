/** The difflib module: SequenceMatcher, Differ, ndiff, unified_diff, context_diff, get_close_matches and the junk tests (Lib/difflib.py; HtmlDiff is not built). */
import { PyModule, type Py } from '../../values.js';
import { CONTEXT_DIFF, GET_CLOSE_MATCHES, IS_CHARACTER_JUNK, IS_LINE_JUNK, UNIFIED_DIFF } from './diffs.js';
import { MATCH, SEQUENCE_MATCHER } from './matcher.js';
import { DIFFER, NDIFF_FN, RESTORE_FN } from './differ.js';

export const DIFFLIB_MODULE = new PyModule(
  'difflib',
  new Map<string, Py>([
    ['SequenceMatcher', SEQUENCE_MATCHER],
    ['Match', MATCH],
    ['Differ', DIFFER],
    ['ndiff', NDIFF_FN],
    ['restore', RESTORE_FN],
    ['get_close_matches', GET_CLOSE_MATCHES],
    ['unified_diff', UNIFIED_DIFF],
    ['context_diff', CONTEXT_DIFF],
    ['IS_LINE_JUNK', IS_LINE_JUNK],
    ['IS_CHARACTER_JUNK', IS_CHARACTER_JUNK],
  ]),
);
