/**
 * Python's white space, which JS's \s is not (it has U+FEFF, and lacks U+001C-U+001F and
 * U+0085): as bodies of a regex set, and the strip of the number parsers.
 */

/** str.isspace()'s characters within ASCII (Py_UNICODE_ISSPACE): \t-\r, \x1c-\x1f and the space. */
export const ASCII_SPACES = '\\t-\\r\\x1c-\\x20';
/** str.isspace()'s characters beyond ASCII. */
export const NON_ASCII_SPACES = '\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** str.isspace()'s characters. */
export const SPACES = ASCII_SPACES + NON_ASCII_SPACES;

const ASCII_SIX = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;
/**
 * s without Py_ISSPACE's six at its ends (not \x1c-\x1f): what int(), float() and complex()
 * strip, once _PyUnicode_TransformDecimalAndSpaceToASCII has made the spaces beyond ASCII ' '.
 */
export const stripAsciiSix = (s: string): string => s.replace(ASCII_SIX, '');
