import type { Node } from '../ast.js';
import { CLASS_DUNDERS } from '../dunders.js';
import { ConditionError } from '../errors.js';
import type { Limits } from '../limits.js';
import { INDENT, NAME, OP, TOKEN_NAMES, Tokenizer } from '../tokenizer.js';

export const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

export const UNSUPPORTED_STATEMENTS = new Set(['async', 'await']);
export const AUG_OPS = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '&=', '|=', '^=', '<<=', '>>=', '@=']);

/**
 * The parser's cursor over the tokens, its limits and its errors. The parser is one object
 * across files, as acorn's is: ExpressionParser, FStringParser and StatementParser each
 * extend the one before with the grammar of their concern.
 */
export abstract class ParserState {
  protected readonly t: Tokenizer;
  /** Nesting of the expression being parsed; a statement's own expression is level 0. */
  protected depth = -1;
  /** Whether the statement being parsed is directly in a class body, where some dunder names may be defined. */
  protected classBody = false;
  /** Loops around the statement being parsed, for 'break' outside loop. */
  protected loops = 0;
  /** Lambdas around the expression being parsed. */
  protected lambdas = 0;
  /** Syntax-tree nodes built so far, against limits.maxNodes. */
  protected nodes = 0;

  constructor(readonly source: string, readonly limits: Limits, tokenizer = new Tokenizer(source, limits)) {
    this.t = tokenizer;
    this.t.next();
  }

  protected error(message: string, start = this.t.start, end = this.t.end, type = 'SyntaxError'): ConditionError {
    return new ConditionError(type, message, this.source, start, end);
  }

  /** The current token, for messages: 'if', ':' or a kind such as 'newline'. */
  protected describe(): string {
    const { type, value } = this.t;
    return type === OP || type === NAME ? `'${value}'` : TOKEN_NAMES[type];
  }

  protected unexpected(expected?: string): never {
    if (this.t.type === INDENT) throw this.error('unexpected indent', this.t.start, this.t.start + 1, 'IndentationError');
    throw this.error(expected === undefined ? `invalid syntax: unexpected ${this.describe()}` : `expected ${expected}, found ${this.describe()}`);
  }

  protected isOp(op: string): boolean {
    return this.t.type === OP && this.t.value === op;
  }

  protected isKw(kw: string): boolean {
    return this.t.type === NAME && this.t.value === kw;
  }

  protected eatOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.t.next();
    return true;
  }

  protected eatKw(kw: string): boolean {
    if (!this.isKw(kw)) return false;
    this.t.next();
    return true;
  }

  protected expectOp(op: string): void {
    if (!this.eatOp(op)) this.unexpected(`'${op}'`);
  }

  protected expectKw(kw: string): void {
    if (!this.eatKw(kw)) this.unexpected(`'${kw}'`);
  }

  protected name(): string {
    if (this.t.type !== NAME || KEYWORDS.has(this.t.value)) this.unexpected('a name');
    const id: string = this.t.value;
    this.checkName(id, this.t.start, this.t.end);
    this.t.next();
    return id;
  }

  /** Names with double underscores lead to Python's internals: refused everywhere. */
  protected checkName(id: string, start: number, end: number): void {
    if (!id.includes('__') || (this.classBody && CLASS_DUNDERS.has(id))) return;
    if (this.classBody && /^__\w+__$/.test(id)) {
      throw this.error(`a class in a condition may define only ${[...CLASS_DUNDERS].join(', ')}: '${id}' is not supported`, start, end, 'UnsupportedError');
    }
    throw this.error(`names with double underscores ('${id}') are not allowed in conditions`, start, end, 'UnsupportedError');
  }

  /** Every node the parser builds passes here: a condition may have at most limits.maxNodes. */
  protected node<T extends Node>(n: T): T {
    if (++this.nodes > this.limits.maxNodes) throw this.error(`too many syntax-tree nodes (the limit is ${this.limits.maxNodes})`);
    return n;
  }

  /** One level deeper into an expression: CPython's compiler runs out of its recursion limit at the original's 2,998th (limits.ts). */
  protected enter(start: number): void {
    if (++this.depth > this.limits.maxDepth) throw this.error('maximum recursion depth exceeded during compilation', start, start + 1, 'RecursionError');
  }

}
