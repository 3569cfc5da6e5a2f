import type { Stmt } from './ast.js';
import type { Limits } from './limits.js';
import { checkNesting } from './parse/nesting.js';
import { StatementParser } from './parse/statement.js';

/** Parses a condition's text (the body of the original's envelope function) into statements, nested no deeper than CPython compiles. */
export function parse(source: string, limits: Limits): Stmt[] {
  const lines = envelopeLines(source);
  const tree = new StatementParser(lines, limits).parseFile();
  checkNesting(tree, lines);
  return tree;
}

/** What str.splitlines() ends a line at, besides \n (\r\n is one end). */
const OTHER_LINE_ENDS = /\r\n?|[\v\f\x1c-\x1e\x85\u2028\u2029]/g;

/**
 * The original built its envelope from `cond_text.splitlines()`, joined by '\n': a \r, \f,
 * \v, U+2028 and the rest end a line there (`x = 1\rreturn x` compiles, and a string
 * literal holding one is unterminated). Line numbers and columns are the same either way.
 */
function envelopeLines(source: string): string {
  OTHER_LINE_ENDS.lastIndex = 0;
  return OTHER_LINE_ENDS.test(source) ? source.replace(OTHER_LINE_ENDS, '\n') : source;
}
