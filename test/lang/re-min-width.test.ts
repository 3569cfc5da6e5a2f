import { expect, it } from 'vitest';
import { compareWithCPython } from '../support/cpython.js';

/**
 * sre's INFO block: a pattern's fewest characters (getwidth's min) more than the text holds
 * fails at once. The evaluator charged x{1000000000} by its count before running it, and
 * stopped at the step limit where CPython answers None.
 */
it('fails at once where the text is shorter than any match, as CPython', () => {
  const body = (e: string) => `import re\nreturn ${e}`;
  expect(compareWithCPython([
    body("re.compile('x{1000000000}').search('abc')"),
    body("[re.compile('x{1000000000}').match('abc'), re.compile('x{1000000000}').fullmatch('abc'), re.findall('x{1000000000}', 'abc' * 100)]"),
    body("[re.sub('(ab){1000000000}', '-', 'abab'), re.split('a{1000000000}', 'aaa'), list(re.finditer('a{100000000}', 'aaa')), re.search('x{1000000000}', '€' * 3)]"),
    body("re.compile('(x{1000}){1000000}').search('abc' * 1000)"),
    // the bound is the text from pos: what is long enough still matches
    body("[re.compile('a{2}').search('aaaa', 3), re.compile('a{2}').search('aaaa', 2), re.compile('a{2}').match('aaaa', 2, 3), re.compile('(?<=a)b{2}').search('abbb', 1)]"),
    body("[re.search('(a)\\\\1{3}', 'aaaa'), re.search('(a)\\\\1{3}', 'aaa'), re.search('x{5}|y', 'y'), re.compile('').search('ab', 5), re.compile('a?').match('ab', 7), re.findall('a{2}', 'aaaaa')]"),
  ])).toEqual([]);
});
