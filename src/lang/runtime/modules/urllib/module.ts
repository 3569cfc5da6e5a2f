/** urllib and urllib.parse: the package holds its parse module, as after `import urllib.parse`. */
import { PyModule, type Py } from '../../values.js';
import { QUOTE_FUNCTIONS } from './quote.js';
import { DEFRAG_RESULT, DEFRAG_RESULT_BYTES, PARSE_RESULT, PARSE_RESULT_BYTES, SPLIT_RESULT, SPLIT_RESULT_BYTES } from './results.js';
import { SPLIT_FUNCTIONS } from './split.js';

export const URLLIB_PARSE = new PyModule(
  'urllib.parse',
  new Map<string, Py>([
    ...SPLIT_FUNCTIONS,
    ...QUOTE_FUNCTIONS,
    ['DefragResult', DEFRAG_RESULT],
    ['SplitResult', SPLIT_RESULT],
    ['ParseResult', PARSE_RESULT],
    ['DefragResultBytes', DEFRAG_RESULT_BYTES],
    ['SplitResultBytes', SPLIT_RESULT_BYTES],
    ['ParseResultBytes', PARSE_RESULT_BYTES],
  ]),
);

export const URLLIB = new PyModule('urllib', new Map<string, Py>([['parse', URLLIB_PARSE]]));
