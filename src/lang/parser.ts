import type { Stmt } from './ast.js';
import type { Limits } from './limits.js';
import { StatementParser } from './parse/statement.js';

/** Parses a condition's text (the body of the original's envelope function) into statements. */
export function parse(source: string, limits: Limits): Stmt[] {
  return new StatementParser(source, limits).parseFile();
}
