import { getattr } from '../attributes.js';
import { step } from '../budget.js';
import { callValue } from '../call.js';
import { typeErr } from '../exceptions.js';
import { iterate, truthy } from '../iteration.js';
import { STR_METHODS } from '../methods-str.js';
import { Signature, bindArgs } from '../signature.js';
import { PyFunc, PyModule, typeName, type Py } from '../values.js';
import { TEMPLATE } from './string-template.js';
import { FORMATTER } from './string-formatter.js';

const lower = 'abcdefghijklmnopqrstuvwxyz';
const upper = lower.toUpperCase();
const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const whitespace = ' \t\n\r\x0b\x0c';

const CAPWORDS = new Signature('capwords', [{ name: 's', star: '' }, { name: 'sep', star: '' }], 'python');

/** Lib/string.py's `(sep or ' ').join(map(str.capitalize, s.split(sep)))`, step by step for its errors. */
function capwords(args: Py[], kw: Map<string, Py> | null): Py {
  const [s, sep] = bindArgs(CAPWORDS, args, kw, [undefined, null]);
  // the callee first: (sep or ' ').join is looked up before s.split(sep) runs
  const join = getattr(truthy(sep) ? sep : ' ', 'join');
  const capitalize = STR_METHODS.get('capitalize')!;
  const words: Py[] = [];
  for (const w of iterate(callValue(getattr(s, 'split'), [sep], null))) {
    // a call of str.capitalize per word, as CPython's map makes
    step();
    if (typeof w !== 'string') throw typeErr(`descriptor 'capitalize' for 'str' objects doesn't apply to a '${typeName(w)}' object`);
    words.push(capitalize(w, [], null));
  }
  return callValue(join, [words], null);
}

/** The string module's constants, as Lib/string.py defines them, and capwords. */
export const STRING = new PyModule(
  'string',
  new Map<string, Py>([
    ['ascii_lowercase', lower],
    ['ascii_uppercase', upper],
    ['ascii_letters', lower + upper],
    ['digits', '0123456789'],
    ['hexdigits', '0123456789abcdefABCDEF'],
    ['octdigits', '01234567'],
    ['punctuation', punctuation],
    ['whitespace', whitespace],
    ['printable', '0123456789' + lower + upper + punctuation + whitespace],
    ['capwords', new PyFunc('capwords', capwords, 'function')],
    ['Template', TEMPLATE],
    ['Formatter', FORMATTER],
  ]),
);
