import type { Node } from '../ast.js';
import { CLASS_DUNDERS, PROTOCOL_DUNDERS, UNREADABLE_DUNDERS } from '../dunders.js';
import { ConditionError } from '../errors.js';
import type { Limits } from '../limits.js';
import { INDENT, NAME, OP, TOKEN_NAMES, Tokenizer } from '../tokenizer.js';
import { PARSER_STACK } from './parser-stack.js';

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
  /** How deep CPython's parser would stand at the expression being parsed, in parser-stack.ts's units. */
  protected level = 0;
  /**
   * Where a primary starts that CPython's parser reads first as an assignment's target, and at
   * what level: it memoises what it read there, so that level is the one that counts (parsePrimary).
   */
  protected leadAt = -1;
  protected leadLevel = 0;
  /** Where the statement's leading parenthesis is, if it has one: the first primary in it is read first as a target too. */
  protected leadParenAt = -1;
  /** For the sequence a statement starts with, or assigns: the level its items after the first are read at as targets, while they are (parseSequence). */
  protected leadItems = NaN;
  /** Whether the statement being parsed is directly in a class body, where some dunder names may be defined. */
  protected classBody = false;
  /** Loops around the statement being parsed, for 'break' outside loop (counted from an except* block's start, within one). */
  protected loops = 0;
  /** Whether the statement being parsed is in an except* block (not in a def or class of it): no return, and no break or continue out of it. */
  protected inExceptStar = false;
  /** Lambdas around the expression being parsed. */
  protected lambdas = 0;
  /** Syntax-tree nodes built so far, against limits.maxNodes. */
  protected nodes = 0;
  /** String constants internalized so far, against MAX_INTERNALIZED_PER_SOURCE. */
  protected internalizedCount = 0;

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
    this.checkName(id, this.t.start, this.t.end, true);
    this.t.next();
    return id;
  }

  /**
   * Names with double underscores lead to Python's internals: refused everywhere, but for a
   * class body's CLASS_DUNDERS, and its own names (`own`, not an attribute's) that CPython
   * gives no meaning (dunders.ts's PROTOCOL_DUNDERS): plain class attributes.
   */
  protected checkName(id: string, start: number, end: number, own = false): void {
    if (!id.includes('__') || (this.classBody && CLASS_DUNDERS.has(id))) return;
    if (this.classBody && /^__\w+__$/.test(id)) {
      if (own && !PROTOCOL_DUNDERS.has(id)) return;
      throw this.error(`a class in a condition may define only ${[...CLASS_DUNDERS].join(', ')}: '${id}' is not supported`, start, end, 'UnsupportedError');
    }
    const why = UNREADABLE_DUNDERS.get(id);
    if (why !== undefined) throw this.error(`'${id}' is not available in conditions: ${why}`, start, end, 'UnsupportedError');
    throw this.error(`names with double underscores ('${id}') are not allowed in conditions`, start, end, 'UnsupportedError');
  }

  /** Every node the parser builds passes here: a condition may have at most limits.maxNodes. */
  protected node<T extends Node>(n: T): T {
    if (++this.nodes > this.limits.maxNodes) throw this.error(`too many syntax-tree nodes (the limit is ${this.limits.maxNodes})`);
    return n;
  }

  /**
   * An atom, or a bracket's inside, `extra` levels below the level at hand: past CPython's
   * MAXSTACK its parser gives up with a bare MemoryError (parser-stack.ts). Every nesting the
   * parser recurses into adds a level at least, so this also bounds its own recursion.
   */
  protected reach(start: number, extra = 0): void {
    if (this.level + extra >= PARSER_STACK) throw this.error('', start, start + 1, 'MemoryError');
  }

  /** Parses `what` `by` levels deeper (parser-stack.ts), then comes back: for statements, whose expressions are few. */
  protected deeper<T>(by: number, what: () => T): T {
    this.level += by;
    const v = what();
    this.level -= by;
    return v;
  }

}
