import { PyModule } from '../values.js';

const lower = 'abcdefghijklmnopqrstuvwxyz';
const upper = lower.toUpperCase();
const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const whitespace = ' \t\n\r\x0b\x0c';

/** The string module's constants, as Lib/string.py defines them. */
export const STRING = new PyModule(
  'string',
  new Map([
    ['ascii_lowercase', lower],
    ['ascii_uppercase', upper],
    ['ascii_letters', lower + upper],
    ['digits', '0123456789'],
    ['hexdigits', '0123456789abcdefABCDEF'],
    ['octdigits', '01234567'],
    ['punctuation', punctuation],
    ['whitespace', whitespace],
    ['printable', '0123456789' + lower + upper + punctuation + whitespace],
  ]),
);
