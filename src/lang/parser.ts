import type { Comprehension, Expr, FormattedValue, Handler, ImportFromName, ImportName, Keyword, Node, Param, Stmt } from './ast.js';
import { ConditionError } from './errors.js';
import type { Limits } from './limits.js';
import { DEDENT, EOF, FSTRING, INDENT, NAME, NEWLINE, NUMBER, OP, STRING, TOKEN_NAMES, Tokenizer, envelopeIndent, type FStringToken, type TokenType } from './tokenizer.js';

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

const UNSUPPORTED_STATEMENTS = new Set(['def', 'class', 'with', 'async', 'await', 'yield', 'nonlocal']);
const AUG_OPS = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '&=', '|=', '^=', '<<=', '>>=', '@=']);
const COMPARE_OPS = new Set(['<', '>', '==', '>=', '<=', '!=', 'in', 'not', 'is']);

/** Parses a condition's text (the body of the original's envelope function) into statements. */
export function parse(source: string, limits: Limits): Stmt[] {
  return new Parser(source, limits).parseFile();
}

class Parser {
  private readonly t: Tokenizer;
  /** Nesting of the expression being parsed; a statement's own expression is level 0. */
  private depth = -1;
  /** Loops around the statement being parsed, for 'break' outside loop. */
  private loops = 0;
  /** Syntax-tree nodes built so far, against limits.maxNodes. */
  private nodes = 0;

  constructor(readonly source: string, readonly limits: Limits, tokenizer = new Tokenizer(source, limits)) {
    this.t = tokenizer;
    this.t.next();
  }

  // ------------------------------------------------------------ helpers

  private error(message: string, start = this.t.start, end = this.t.end, type = 'SyntaxError'): ConditionError {
    return new ConditionError(type, message, this.source, start, end);
  }

  /** The current token, for messages: 'if', ':' or a kind such as 'newline'. */
  private describe(): string {
    const { type, value } = this.t;
    return type === OP || type === NAME ? `'${value}'` : TOKEN_NAMES[type];
  }

  private unexpected(expected?: string): never {
    if (this.t.type === INDENT) throw this.error('unexpected indent', this.t.start, this.t.start + 1, 'IndentationError');
    throw this.error(expected === undefined ? `invalid syntax: unexpected ${this.describe()}` : `expected ${expected}, found ${this.describe()}`);
  }

  private isOp(op: string): boolean {
    return this.t.type === OP && this.t.value === op;
  }

  private isKw(kw: string): boolean {
    return this.t.type === NAME && this.t.value === kw;
  }

  private eatOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.t.next();
    return true;
  }

  private eatKw(kw: string): boolean {
    if (!this.isKw(kw)) return false;
    this.t.next();
    return true;
  }

  private expectOp(op: string): void {
    if (!this.eatOp(op)) this.unexpected(`'${op}'`);
  }

  private expectKw(kw: string): void {
    if (!this.eatKw(kw)) this.unexpected(`'${kw}'`);
  }

  private name(): string {
    if (this.t.type !== NAME || KEYWORDS.has(this.t.value)) this.unexpected('a name');
    const id: string = this.t.value;
    this.checkName(id, this.t.start, this.t.end);
    this.t.next();
    return id;
  }

  /** Names with double underscores lead to Python's internals: refused everywhere. */
  private checkName(id: string, start: number, end: number): void {
    if (id.includes('__')) throw this.error(`names with double underscores ('${id}') are not allowed in conditions`, start, end, 'UnsupportedError');
  }

  /** Every node the parser builds passes here: a condition may have at most limits.maxNodes. */
  private node<T extends Node>(n: T): T {
    if (++this.nodes > this.limits.maxNodes) throw this.error(`too many syntax-tree nodes (the limit is ${this.limits.maxNodes})`);
    return n;
  }

  private enter(start: number): void {
    if (++this.depth > this.limits.maxDepth) throw this.error(`expression nested too deeply (the limit is ${this.limits.maxDepth})`, start, start + 1);
  }

  // ------------------------------------------------------------ statements

  // file: stmt* ENDMARKER
  parseFile(): Stmt[] {
    const body: Stmt[] = [];
    while (this.t.type !== EOF) {
      if (this.t.type === NEWLINE) {
        this.t.next();
        continue;
      }
      this.parseStatement(body);
    }
    return body;
  }

  // stmt: compound_stmt | simple_stmts
  private parseStatement(out: Stmt[]): void {
    if (this.t.type === NAME) {
      switch (this.t.value) {
        case 'if':
          out.push(this.parseIf());
          return;
        case 'for':
          out.push(this.parseFor());
          return;
        case 'while':
          out.push(this.parseWhile());
          return;
        case 'try':
          out.push(this.parseTry());
          return;
      }
      if (UNSUPPORTED_STATEMENTS.has(this.t.value)) {
        throw this.error(`'${this.t.value}' is not supported in conditions`, this.t.start, this.t.end, 'UnsupportedError');
      }
    }
    this.parseSimpleStatements(out);
  }

  // simple_stmts: small_stmt (';' small_stmt)* [';'] NEWLINE
  private parseSimpleStatements(out: Stmt[]): void {
    for (;;) {
      out.push(this.parseSmallStatement());
      if (!this.eatOp(';')) break;
      if (this.t.type === NEWLINE || this.t.type === EOF) break;
    }
    if (this.t.type !== NEWLINE && this.t.type !== EOF) this.unexpected('a newline');
    if (this.t.type === NEWLINE) this.t.next();
  }

  // block: ':' (simple_stmts | NEWLINE INDENT stmt+ DEDENT)
  private parseBlock(): Stmt[] {
    this.expectOp(':');
    const body: Stmt[] = [];
    if (this.t.type !== NEWLINE) {
      this.parseSimpleStatements(body);
      return body;
    }
    this.t.next();
    if ((this.t.type as TokenType) !== INDENT) throw this.error('expected an indented block', this.t.start, this.t.start + 1, 'IndentationError');
    this.t.next();
    while ((this.t.type as TokenType) !== DEDENT && (this.t.type as TokenType) !== EOF) this.parseStatement(body);
    this.t.next();
    return body;
  }

  private parseLoopBody(): Stmt[] {
    this.loops++;
    try {
      return this.parseBlock();
    } finally {
      this.loops--;
    }
  }

  // if_stmt: 'if' test block ('elif' test block)* ['else' block]
  private parseIf(): Stmt {
    const s = this.t.start;
    this.t.next();
    const test = this.parseTest();
    const body = this.parseBlock();
    let orelse: Stmt[] = [];
    if (this.isKw('elif')) orelse = [this.parseIf()];
    else if (this.eatKw('else')) orelse = this.parseBlock();
    return this.node({ k: 'If', test, body, orelse, s, e: this.t.lastEnd });
  }

  // for_stmt: 'for' targets 'in' testlist block ['else' block]
  private parseFor(): Stmt {
    const s = this.t.start;
    this.t.next();
    const target = this.parseTargetList();
    this.expectKw('in');
    const iter = this.parseTestList();
    const body = this.parseLoopBody();
    const orelse = this.eatKw('else') ? this.parseBlock() : [];
    return this.node({ k: 'For', target, iter, body, orelse, s, e: this.t.lastEnd });
  }

  // while_stmt: 'while' test block ['else' block]
  private parseWhile(): Stmt {
    const s = this.t.start;
    this.t.next();
    const test = this.parseTest();
    const body = this.parseLoopBody();
    const orelse = this.eatKw('else') ? this.parseBlock() : [];
    return this.node({ k: 'While', test, body, orelse, s, e: this.t.lastEnd });
  }

  // try_stmt: 'try' block (('except' [test ['as' NAME]] block)+ ['else' block] ['finally' block] | 'finally' block)
  private parseTry(): Stmt {
    const s = this.t.start;
    this.t.next();
    const body = this.parseBlock();
    const handlers: Handler[] = [];
    while (this.isKw('except')) {
      const hs = this.t.start;
      this.t.next();
      let types: Expr | null = null;
      let name: string | null = null;
      if (!this.isOp(':')) {
        types = this.parseTest();
        if (this.eatOp(',')) throw this.error('multiple exception types must be parenthesized', types.s, this.t.start);
        if (this.eatKw('as')) name = this.name();
      }
      if (handlers.length > 0 && handlers[handlers.length - 1].types === null) throw this.error("default 'except:' must be last", hs);
      handlers.push(this.node({ k: 'Handler', types, name, body: this.parseBlock(), s: hs, e: this.t.lastEnd }));
    }
    const orelse = handlers.length > 0 && this.eatKw('else') ? this.parseBlock() : [];
    const finalbody = this.eatKw('finally') ? this.parseBlock() : [];
    if (handlers.length === 0 && finalbody.length === 0) this.unexpected("'except' or 'finally'");
    return this.node({ k: 'Try', body, handlers, orelse, finalbody, s, e: this.t.lastEnd });
  }

  // small_stmt: pass | break | continue | return [testlist] | del targets | import | from_import
  //           | global NAME (',' NAME)* | raise [test] | assert test [',' test] | expr_stmt
  private parseSmallStatement(): Stmt {
    const s = this.t.start;
    if (this.t.type === NAME) {
      switch (this.t.value) {
        case 'pass':
        case 'break':
        case 'continue': {
          const k = this.t.value === 'pass' ? 'Pass' : this.t.value === 'break' ? 'Break' : 'Continue';
          if (k !== 'Pass' && this.loops === 0) throw this.error(`'${this.t.value}' ${k === 'Break' ? 'outside' : 'not properly in'} loop`);
          this.t.next();
          return this.node({ k, s, e: this.t.lastEnd });
        }
        case 'return': {
          this.t.next();
          const value = this.atStatementEnd() ? null : this.parseTestList();
          return this.node({ k: 'Return', value, s, e: this.t.lastEnd });
        }
        case 'del': {
          this.t.next();
          const targets: Expr[] = [];
          do {
            if (this.atStatementEnd()) break;
            targets.push(this.checkTarget(this.parseBitOr(), 'delete'));
          } while (this.eatOp(','));
          if (targets.length === 0) this.unexpected('a target');
          return this.node({ k: 'Del', targets, s, e: this.t.lastEnd });
        }
        case 'import':
          return this.parseImport();
        case 'from':
          return this.parseFromImport();
        case 'global': {
          this.t.next();
          const names = [this.name()];
          while (this.eatOp(',')) names.push(this.name());
          return this.node({ k: 'Global', names, s, e: this.t.lastEnd });
        }
        case 'raise': {
          this.t.next();
          const exc = this.atStatementEnd() ? null : this.parseTest();
          if (this.isKw('from')) throw this.error("'raise ... from' is not supported in conditions", this.t.start, this.t.end, 'UnsupportedError');
          return this.node({ k: 'Raise', exc, s, e: this.t.lastEnd });
        }
        case 'assert': {
          this.t.next();
          const test = this.parseTest();
          const msg = this.eatOp(',') ? this.parseTest() : null;
          return this.node({ k: 'Assert', test, msg, s, e: this.t.lastEnd });
        }
      }
    }
    return this.parseExprStatement();
  }

  private atStatementEnd(): boolean {
    return this.t.type === NEWLINE || this.t.type === EOF || this.isOp(';');
  }

  // import_stmt: 'import' dotted_name ['as' NAME] (',' dotted_name ['as' NAME])*
  private parseImport(): Stmt {
    const s = this.t.start;
    this.t.next();
    const names: ImportName[] = [];
    do {
      const ms = this.t.start;
      const module = this.dottedName();
      if (module.includes('.')) throw this.error(`no module named '${module}' is available to conditions (only re, json and math)`, ms, this.t.lastEnd, 'UnsupportedError');
      this.checkModule(module, ms);
      names.push(this.node({ k: 'ImportName', module, as: this.eatKw('as') ? this.name() : module }));
    } while (this.eatOp(','));
    return this.node({ k: 'Import', names, s, e: this.t.lastEnd });
  }

  // from_import: 'from' dotted_name 'import' (NAME ['as' NAME] (',' ...)* | '(' ... ')')
  private parseFromImport(): Stmt {
    const s = this.t.start;
    this.t.next();
    const ms = this.t.start;
    const module = this.dottedName();
    this.checkModule(module, ms);
    this.expectKw('import');
    if (this.isOp('*')) throw this.error("'from ... import *' is not supported in conditions", this.t.start, this.t.end, 'UnsupportedError');
    const paren = this.eatOp('(');
    const names: ImportFromName[] = [];
    do {
      if (paren && this.isOp(')')) break;
      const ns = this.t.start;
      const name = this.name();
      names.push(this.node({ k: 'ImportFromName', name, as: this.eatKw('as') ? this.name() : name, s: ns, e: this.t.lastEnd }));
    } while (this.eatOp(','));
    if (paren) this.expectOp(')');
    return this.node({ k: 'ImportFrom', module, names, s, e: this.t.lastEnd });
  }

  private dottedName(): string {
    let name = this.name();
    while (this.eatOp('.')) name += '.' + this.name();
    return name;
  }

  private checkModule(module: string, start: number): void {
    if (module !== 're' && module !== 'json' && module !== 'math') {
      throw this.error(`no module named '${module}' is available to conditions (only re, json and math)`, start, this.t.lastEnd, 'UnsupportedError');
    }
  }

  // expr_stmt: testlist_star_expr (augassign testlist | ('=' testlist_star_expr)*)
  private parseExprStatement(): Stmt {
    const s = this.t.start;
    const first = this.parseTestListStar();
    if (this.t.type === OP && AUG_OPS.has(this.t.value)) {
      const op = (this.t.value as string).slice(0, -1);
      if (first.k !== 'Name' && first.k !== 'Subscript' && first.k !== 'Attribute') {
        throw this.error(`'${describeExpr(first)}' is an illegal expression for augmented assignment`, first.s, first.e);
      }
      this.checkTarget(first, 'assign to');
      this.t.next();
      const value = this.parseTestList();
      return this.node({ k: 'AugAssign', target: first, op, value, s, e: this.t.lastEnd });
    }
    if (this.isOp(':')) throw this.error('annotated assignments are not supported in conditions', this.t.start, this.t.end, 'UnsupportedError');
    if (!this.isOp('=')) return this.node({ k: 'Expr', value: first, s, e: this.t.lastEnd });
    const targets = [this.checkTarget(first, 'assign to')];
    let value: Expr = first;
    while (this.eatOp('=')) {
      value = this.parseTestListStar();
      if (this.isOp('=')) targets.push(this.checkTarget(value, 'assign to'));
    }
    return this.node({ k: 'Assign', targets, value, s, e: this.t.lastEnd });
  }

  /** A target of assignment, `for` or `del`: names, subscripts, attributes, and tuples or lists of them. */
  private checkTarget(e: Expr, verb: string): Expr {
    switch (e.k) {
      case 'Name':
        if (e.id === 'True' || e.id === 'False' || e.id === 'None') break;
        return e;
      case 'Subscript':
      case 'Attribute':
        return e;
      case 'Tuple':
      case 'List': {
        let starred = 0;
        for (const el of e.elts) {
          if (el.k === 'Starred' && verb !== 'delete') {
            if (++starred > 1) throw this.error('multiple starred expressions in assignment', el.s, el.e);
            this.checkTarget(el.value, verb);
          } else this.checkTarget(el, verb);
        }
        return e;
      }
    }
    throw this.error(`cannot ${verb} ${describeExpr(e)}`, e.s, e.e);
  }

  // ------------------------------------------------------------ expressions

  // testlist: test (',' test)* [',']   (a tuple when there is a comma)
  private parseTestList(): Expr {
    return this.parseSequence(() => this.parseTest());
  }

  // testlist_star_expr: (test | star_expr) (',' (test | star_expr))* [',']
  private parseTestListStar(): Expr {
    return this.parseSequence(() => this.parseTestOrStar());
  }

  private parseSequence(item: () => Expr): Expr {
    const s = this.t.start;
    const first = item();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.atSequenceEnd()) break;
      elts.push(item());
    }
    return this.node({ k: 'Tuple', elts, s, e: this.t.lastEnd });
  }

  private atSequenceEnd(): boolean {
    const { type, value } = this.t;
    if (type === NEWLINE || type === EOF) return true;
    return type === OP && (value === ')' || value === ']' || value === '}' || value === '=' || value === ';' || value === ':' || AUG_OPS.has(value));
  }

  private parseTestOrStar(): Expr {
    if (this.isOp('*')) {
      const s = this.t.start;
      this.t.next();
      return this.node({ k: 'Starred', value: this.parseBitOr(), s, e: this.t.lastEnd });
    }
    return this.parseTest();
  }

  // targets of for and comprehensions: star_target (',' star_target)* [',']
  private parseTargetList(): Expr {
    const s = this.t.start;
    const item = (): Expr => this.checkTarget(this.parseTargetAtom(), 'assign to');
    const first = item();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isKw('in')) break;
      elts.push(item());
    }
    return this.node({ k: 'Tuple', elts, s, e: this.t.lastEnd });
  }

  private parseTargetAtom(): Expr {
    if (this.isOp('*')) {
      const s = this.t.start;
      this.t.next();
      return this.node({ k: 'Starred', value: this.parseBitOr(), s, e: this.t.lastEnd });
    }
    return this.parseBitOr();
  }

  // test: or_test ['if' or_test 'else' test] | lambdef
  private parseTest(): Expr {
    const s = this.t.start;
    this.enter(s);
    try {
      if (this.isKw('lambda')) return this.parseLambda(true);
      const body = this.parseOrTest();
      if (!this.isKw('if')) return body;
      this.t.next();
      const test = this.parseOrTest();
      this.expectKw('else');
      const orelse = this.parseTest();
      return this.node({ k: 'IfExp', test, body, orelse, s, e: this.t.lastEnd });
    } finally {
      this.depth--;
    }
  }

  // test_nocond: or_test | lambdef_nocond   (the `if` of a comprehension)
  private parseTestNoCond(): Expr {
    if (this.isKw('lambda')) return this.parseLambda(false);
    return this.parseOrTest();
  }

  // lambdef: 'lambda' [params] ':' test
  private parseLambda(withCond: boolean): Expr {
    const s = this.t.start;
    this.t.next();
    const params: Param[] = [];
    const seen = new Set<string>();
    // kept as parameters come: a lambda may have thousands
    let keywordOnly = false;
    let positionalDefault = false;
    while (!this.isOp(':')) {
      let star: Param['star'] = '';
      const ps = this.t.start;
      if (this.eatOp('**')) star = '**';
      else if (this.eatOp('*')) star = '*';
      if (star === '*' && (this.isOp(',') || this.isOp(':'))) {
        // a bare *: the parameters after it are keyword-only
        if (!this.eatOp(',') || this.isOp(':')) throw this.error('named arguments must follow bare *', ps, this.t.lastEnd);
        params.push(this.node({ k: 'Param', name: '', default: null, star }));
        keywordOnly = true;
        continue;
      }
      const name = this.name();
      if (seen.has(name)) throw this.error(`duplicate argument '${name}' in function definition`, ps, this.t.lastEnd);
      seen.add(name);
      const def = star === '' && this.eatOp('=') ? this.parseTest() : null;
      // only positional parameters must keep defaults last; keyword-only ones (after *) may mix
      if (def === null && star === '' && !keywordOnly && positionalDefault) {
        throw this.error('non-default argument follows default argument', ps, this.t.lastEnd);
      }
      params.push(this.node({ k: 'Param', name, default: def, star }));
      if (star === '*') keywordOnly = true;
      if (def !== null) positionalDefault = true;
      if (!this.eatOp(',')) break;
    }
    this.expectOp(':');
    const body = withCond ? this.parseTest() : this.parseTestNoCond();
    return this.node({ k: 'Lambda', params, body, s, e: this.t.lastEnd });
  }

  // or_test: and_test ('or' and_test)*    and_test: not_test ('and' not_test)*
  private parseOrTest(): Expr {
    return this.parseBoolOp('or', () => this.parseBoolOp('and', () => this.parseNotTest()));
  }

  private parseBoolOp(op: 'and' | 'or', operand: () => Expr): Expr {
    const s = this.t.start;
    const first = operand();
    if (!this.isKw(op)) return first;
    const values = [first];
    while (this.eatKw(op)) values.push(operand());
    return this.node({ k: 'BoolOp', op, values, s, e: this.t.lastEnd });
  }

  // not_test: 'not' not_test | comparison
  private parseNotTest(): Expr {
    if (!this.isKw('not')) return this.parseComparison();
    const s = this.t.start;
    this.enter(s);
    this.t.next();
    const operand = this.parseNotTest();
    this.depth--;
    return this.node({ k: 'Not', operand, s, e: this.t.lastEnd });
  }

  // comparison: bitor (comp_op bitor)*
  // comp_op: '<'|'>'|'=='|'>='|'<='|'!='|'in'|'not' 'in'|'is'|'is' 'not'
  private parseComparison(): Expr {
    const s = this.t.start;
    const left = this.parseBitOr();
    const ops: string[] = [];
    const comparators: Expr[] = [];
    while ((this.t.type === OP || this.t.type === NAME) && COMPARE_OPS.has(this.t.value)) {
      let op: string = this.t.value;
      if (op === 'not') {
        this.t.next();
        if (!this.isKw('in')) this.unexpected("'in'");
        op = 'not in';
      } else if (op === 'is') {
        this.t.next();
        if (this.isKw('not')) op = 'is not';
        else {
          ops.push(op);
          comparators.push(this.parseBitOr());
          continue;
        }
      }
      this.t.next();
      ops.push(op);
      comparators.push(this.parseBitOr());
    }
    if (ops.length === 0) return left;
    return this.node({ k: 'Compare', left, ops, comparators, s, e: this.t.lastEnd });
  }

  // bitor: bitxor ('|' bitxor)*   bitxor: bitand ('^' bitand)*   bitand: shift ('&' shift)*
  // shift: arith (('<<'|'>>') arith)*   arith: term (('+'|'-') term)*   term: factor (('*'|'/'|'//'|'%'|'@') factor)*
  private parseBitOr(): Expr {
    return this.parseBinary(0);
  }

  private static readonly LEVELS: readonly (readonly string[])[] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];

  private parseBinary(level: number): Expr {
    if (level === Parser.LEVELS.length) return this.parseFactor();
    const s = this.t.start;
    let left = this.parseBinary(level + 1);
    const ops = Parser.LEVELS[level];
    while (this.t.type === OP && ops.includes(this.t.value)) {
      const op: string = this.t.value;
      this.t.next();
      const right = this.parseBinary(level + 1);
      left = this.node({ k: 'BinOp', op, left, right, s, e: this.t.lastEnd });
    }
    return left;
  }

  // factor: ('+'|'-'|'~') factor | power
  private parseFactor(): Expr {
    if (this.t.type === OP && (this.t.value === '-' || this.t.value === '+' || this.t.value === '~')) {
      const s = this.t.start;
      const op = this.t.value as '-' | '+' | '~';
      this.enter(s);
      this.t.next();
      const operand = this.parseFactor();
      this.depth--;
      return this.node({ k: 'Unary', op, operand, s, e: this.t.lastEnd });
    }
    return this.parsePower();
  }

  // power: primary ['**' factor]
  private parsePower(): Expr {
    const s = this.t.start;
    const base = this.parsePrimary();
    if (!this.eatOp('**')) return base;
    const exponent = this.parseFactor();
    return this.node({ k: 'BinOp', op: '**', left: base, right: exponent, s, e: this.t.lastEnd });
  }

  // primary: atom trailer*   trailer: '(' [arglist] ')' | '[' subscript ']' | '.' NAME
  private parsePrimary(): Expr {
    const s = this.t.start;
    let e = this.parseAtom();
    for (;;) {
      if (this.isOp('(')) e = this.parseCall(e, s);
      else if (this.eatOp('[')) {
        const index = this.parseSubscript();
        this.expectOp(']');
        e = this.node({ k: 'Subscript', value: e, index, s, e: this.t.lastEnd });
      } else if (this.eatOp('.')) {
        const as = this.t.start;
        if (this.t.type !== NAME) this.unexpected('an attribute name');
        const attr: string = this.t.value;
        // `type(e).__name__` is how an error is named; the name of a type or function is all it reads
        if (attr !== '__name__') this.checkName(attr, as, this.t.end);
        this.t.next();
        e = this.node({ k: 'Attribute', value: e, attr, s, e: this.t.lastEnd });
      } else return e;
    }
  }

  // arglist: argument (',' argument)* [',']
  // argument: test [comp_for] | NAME '=' test | '*' test | '**' test
  private parseCall(func: Expr, s: number): Expr {
    this.t.next();
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    // what the keywords so far hold, kept as they come: a call may have thousands
    const names = new Set<string>();
    let unpacked = false;
    while (!this.isOp(')')) {
      const as = this.t.start;
      if (this.eatOp('**')) {
        unpacked = true;
        keywords.push(this.node({ k: 'Keyword', name: null, value: this.parseTest(), s: as, e: this.t.lastEnd }));
      } else if (this.eatOp('*')) {
        if (unpacked) throw this.error('iterable argument unpacking follows keyword argument unpacking', as);
        args.push(this.node({ k: 'Starred', value: this.parseTest(), s: as, e: this.t.lastEnd }));
      } else {
        const value = this.parseTest();
        if (this.isOp('=') && value.k === 'Name') {
          this.nodes--; // the name, parsed as an expression, is no node of the tree
          this.t.next();
          if (names.has(value.id)) throw this.error(`keyword argument repeated: ${value.id}`, value.s, value.e);
          names.add(value.id);
          keywords.push(this.node({ k: 'Keyword', name: value.id, value: this.parseTest(), s: as, e: this.t.lastEnd }));
        } else if (this.isOp('=')) throw this.error('expression cannot contain assignment, perhaps you meant "=="?', value.s, this.t.end);
        else if (this.isKw('for')) {
          const gen: Expr = this.node({ k: 'GenExp', elt: value, gens: this.parseCompFor(), s: as, e: this.t.lastEnd });
          if (args.length > 0 || keywords.length > 0 || !this.isOp(')')) throw this.error('Generator expression must be parenthesized', as, this.t.lastEnd);
          args.push(gen);
        } else {
          if (keywords.length > 0) throw this.error(unpacked ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument', value.s, value.e);
          args.push(value);
        }
      }
      if (!this.eatOp(',')) break;
    }
    this.expectOp(')');
    return this.node({ k: 'Call', func, args, keywords, s, e: this.t.lastEnd });
  }

  // subscript: test | [test] ':' [test] [':' [test]]   (a tuple when there is a comma)
  private parseSubscript(): Expr {
    const s = this.t.start;
    const item = (): Expr => {
      const is = this.t.start;
      const lower = this.isOp(':') ? null : this.parseTest();
      if (!this.eatOp(':')) return lower!;
      const upper = this.isOp(':') || this.isOp(']') || this.isOp(',') ? null : this.parseTest();
      const step = this.eatOp(':') && !this.isOp(']') && !this.isOp(',') ? this.parseTest() : null;
      return this.node({ k: 'Slice', lower, upper, step, s: is, e: this.t.lastEnd });
    };
    const first = item();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',') && !this.isOp(']')) elts.push(item());
    if (elts.some((el) => el.k === 'Slice')) throw this.error('multi-dimensional slices are not supported', s, this.t.lastEnd, 'UnsupportedError');
    return this.node({ k: 'Tuple', elts, s, e: this.t.lastEnd });
  }

  // comp_for: 'for' targets 'in' or_test comp_iter*   comp_if: 'if' test_nocond
  private parseCompFor(): Comprehension[] {
    const gens: Comprehension[] = [];
    while (this.isKw('for')) {
      this.t.next();
      const target = this.parseTargetList();
      this.expectKw('in');
      const iter = this.parseOrTest();
      const ifs: Expr[] = [];
      while (this.eatKw('if')) ifs.push(this.parseTestNoCond());
      gens.push(this.node({ k: 'Comprehension', target, iter, ifs }));
    }
    return gens;
  }

  // atom: NAME | NUMBER | STRING+ | '(' [testlist_comp] ')' | '[' [testlist_comp] ']' | '{' [dictorsetmaker] '}'
  private parseAtom(): Expr {
    const { type, value, start: s } = this.t;
    switch (type) {
      case NAME: {
        if (value === 'True' || value === 'False' || value === 'None') {
          this.t.next();
          return this.node({ k: 'Const', v: value === 'True' ? true : value === 'False' ? false : null, s, e: this.t.lastEnd });
        }
        if (KEYWORDS.has(value)) {
          if (UNSUPPORTED_STATEMENTS.has(value)) throw this.error(`'${value}' is not supported in conditions`, s, this.t.end, 'UnsupportedError');
          this.unexpected();
        }
        return this.node({ k: 'Name', id: this.name(), s, e: this.t.lastEnd });
      }
      case NUMBER:
        this.t.next();
        return this.node({ k: 'Const', v: value, s, e: this.t.lastEnd });
      case STRING:
      case FSTRING:
        return this.parseStrings();
      case OP:
        switch (value) {
          case '(':
            return this.parseParen();
          case '[':
            return this.parseListDisplay();
          case '{':
            return this.parseBraceDisplay();
          case '...':
            throw this.error('Ellipsis is not supported in conditions', s, this.t.end, 'UnsupportedError');
        }
    }
    return this.unexpected(type === NEWLINE || type === EOF ? 'an expression' : undefined);
  }

  /** Adjacent literals concatenate: 'a' "b" f'{c}'. */
  private parseStrings(): Expr {
    const s = this.t.start;
    const parts: (string | FormattedValue)[] = [];
    let formatted = false;
    while (this.t.type === STRING || this.t.type === FSTRING) {
      if (this.t.type === STRING) parts.push(this.t.value);
      else {
        formatted = true;
        this.parseFString(this.t.value as FStringToken, parts);
      }
      this.t.next();
    }
    if (!formatted) return this.node({ k: 'Const', v: parts.join(''), s, e: this.t.lastEnd });
    return this.node({ k: 'FString', parts, s, e: this.t.lastEnd });
  }

  // '(' [yield_expr | testlist_comp] ')'
  private parseParen(): Expr {
    const s = this.t.start;
    this.t.next();
    if (this.eatOp(')')) return this.node({ k: 'Tuple', elts: [], s, e: this.t.lastEnd });
    const first = this.parseTestOrStar();
    if (this.isKw('for')) {
      const gens = this.parseCompFor();
      this.expectOp(')');
      return this.node({ k: 'GenExp', elt: first, gens, s, e: this.t.lastEnd });
    }
    if (!this.isOp(',')) {
      this.expectOp(')');
      if (first.k === 'Starred') throw this.error('cannot use starred expression here', first.s, first.e);
      return first;
    }
    const elts = [first];
    while (this.eatOp(',') && !this.isOp(')')) elts.push(this.parseTestOrStar());
    this.expectOp(')');
    return this.node({ k: 'Tuple', elts, s, e: this.t.lastEnd });
  }

  // '[' [test comp_for | testlist_star] ']'
  private parseListDisplay(): Expr {
    const s = this.t.start;
    this.t.next();
    const elts: Expr[] = [];
    if (!this.isOp(']')) {
      const first = this.parseTestOrStar();
      if (this.isKw('for')) {
        const gens = this.parseCompFor();
        this.expectOp(']');
        return this.node({ k: 'ListComp', elt: first, gens, s, e: this.t.lastEnd });
      }
      elts.push(first);
      while (this.eatOp(',') && !this.isOp(']')) elts.push(this.parseTestOrStar());
    }
    this.expectOp(']');
    return this.node({ k: 'List', elts, s, e: this.t.lastEnd });
  }

  // dictorsetmaker: (test ':' test | '**' bitor) (comp_for | (',' ...)* [',']) | (test | star_expr) (comp_for | (',' ...)* [','])
  private parseBraceDisplay(): Expr {
    const s = this.t.start;
    this.t.next();
    if (this.eatOp('}')) return this.node({ k: 'Dict', keys: [], values: [], s, e: this.t.lastEnd });
    if (this.isOp('**') || !this.isOp('*')) {
      const firstKey = this.eatOp('**') ? null : this.parseTest();
      if (firstKey === null || this.isOp(':')) {
        let value: Expr;
        if (firstKey === null) value = this.parseBitOr();
        else {
          this.t.next();
          value = this.parseTest();
        }
        if (firstKey !== null && this.isKw('for')) {
          const gens = this.parseCompFor();
          this.expectOp('}');
          return this.node({ k: 'DictComp', key: firstKey, value, gens, s, e: this.t.lastEnd });
        }
        const keys: (Expr | null)[] = [firstKey];
        const values = [value];
        while (this.eatOp(',') && !this.isOp('}')) {
          if (this.eatOp('**')) {
            keys.push(null);
            values.push(this.parseBitOr());
          } else {
            keys.push(this.parseTest());
            this.expectOp(':');
            values.push(this.parseTest());
          }
        }
        this.expectOp('}');
        return this.node({ k: 'Dict', keys, values, s, e: this.t.lastEnd });
      }
      return this.finishSet(firstKey, s);
    }
    return this.finishSet(this.parseTestOrStar(), s);
  }

  private finishSet(first: Expr, s: number): Expr {
    if (this.isKw('for')) {
      const gens = this.parseCompFor();
      this.expectOp('}');
      return this.node({ k: 'SetComp', elt: first, gens, s, e: this.t.lastEnd });
    }
    const elts = [first];
    while (this.eatOp(',') && !this.isOp('}')) elts.push(this.parseTestOrStar());
    this.expectOp('}');
    return this.node({ k: 'Set', elts, s, e: this.t.lastEnd });
  }

  // ------------------------------------------------------------ f-strings

  /**
   * Splits an f-string's body into literal text and {fields}, appended to `out`, from
   * `from` on; each field's expression is parsed in place. A format spec (`level` 1 or
   * more) ends at its first unmatched '}': where it stops is returned.
   */
  private parseFString(tok: FStringToken, out: (string | FormattedValue)[], level = 0, from = 0): number {
    const { body, bodyStart: base } = tok;
    let textStart = from;
    const flush = (end: number): void => {
      if (end === textStart) return;
      const raw = envelopeIndent(body.slice(textStart, end).replace(/\{\{/g, '{').replace(/\}\}/g, '}'));
      const text = tok.raw ? raw : this.t.unescape(raw, base + textStart);
      if (text !== '') out.push(text);
    };
    let i = from;
    while (i < body.length) {
      const ch = body[i];
      // an escape is skipped, but as in CPython a backslash does not hide a brace after it
      if (ch === '\\' && !tok.raw) {
        i += body[i + 1] === '{' || body[i + 1] === '}' ? 1 : 2;
        continue;
      }
      if (ch !== '{' && ch !== '}') {
        i++;
        continue;
      }
      // doubled braces are literal, but only outside specs: f'{0:{3}}' ends with two fields' ends
      if (level === 0 && body[i + 1] === ch) {
        i += 2;
        continue;
      }
      if (ch === '}') {
        if (level > 0) break;
        throw this.error("f-string: single '}' is not allowed", base + i, base + i + 1);
      }
      flush(i);
      // CPython's limit: a spec's fields may hold a spec, whose fields may not
      if (level >= 2) throw this.error('f-string: expressions nested too deeply', base + i, base + i + 1);
      const field = this.parseField(tok, i, level);
      out.push(field.value);
      i = field.end;
      textStart = i;
    }
    flush(i);
    return i;
  }

  /** One {expression[=][!conversion][:spec]} starting at the '{' at body[open]. */
  private parseField(tok: FStringToken, open: number, level: number): { value: FormattedValue; end: number } {
    const { body, bodyStart: base } = tok;
    let depth = 0;
    let quote = '';
    let i = open + 1;
    let exprEnd = -1;
    let selfDoc = false;
    // find the expression's end as CPython's fstring_find_expr does: strings (also triple-quoted) and brackets skipped
    for (; i < body.length; i++) {
      const ch = body[i];
      if (ch === '\\') throw this.error('f-string expression part cannot include a backslash', base + i, base + i + 1);
      if (quote !== '') {
        if (body.startsWith(quote, i)) {
          i += quote.length - 1;
          quote = '';
        }
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = body.startsWith(ch + ch + ch, i) ? ch + ch + ch : ch;
        i += quote.length - 1;
      } else if (ch === '#') throw this.error("f-string expression part cannot include '#'", base + i, base + i + 1);
      else if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
      else if (depth === 0 && (ch === '}' || ch === ':' || (ch === '!' && body[i + 1] !== '='))) {
        exprEnd = i;
        break;
      } else if (depth === 0 && ch === '=' && body[i + 1] !== '=' && !'=!<>'.includes(body[i - 1])) {
        selfDoc = true;
        exprEnd = i;
        break;
      }
    }
    if (exprEnd < 0) throw this.error("f-string: expecting '}'", base + open, base + body.length);
    if (body.slice(open + 1, exprEnd).trim() === '') throw this.error('f-string: empty expression not allowed', base + open, base + exprEnd + 1);
    const value = this.parseEmbedded(base + open, base + exprEnd);
    i = exprEnd;
    if (selfDoc) {
      i++;
      while (body[i] === ' ') i++;
    }
    let conversion: FormattedValue['conversion'] = selfDoc ? 'r' : '';
    if (body[i] === '!') {
      const c = body[i + 1];
      if (c !== 'r' && c !== 's' && c !== 'a') throw this.error("f-string: invalid conversion character: expected 's', 'r', or 'a'", base + i, base + i + 2);
      conversion = c;
      i += 2;
    }
    const spec: (string | FormattedValue)[] = [];
    if (body[i] === ':') {
      i = this.parseFString(tok, spec, level + 1, i + 1);
      if (selfDoc && body[exprEnd + 1] !== '!') conversion = '';
    }
    if (body[i] !== '}') throw this.error("f-string: expecting '}'", base + i, base + i + 1);
    const docText = selfDoc ? body.slice(open + 1, i).replace(/[!:][^]*$/, '') : '';
    return { value: this.node({ k: 'FormattedValue', value, conversion, spec, selfDoc: docText, s: base + open, e: base + i + 1 }), end: i + 1 };
  }

  /**
   * Parses a field's expression where it stands, as acorn's parseExpressionAt does: a
   * parser over the same source, whose tokenizer reads the field from its '{' (as '(')
   * to `close` (as ')'), so that lines, columns and errors point into the condition.
   */
  private parseEmbedded(open: number, close: number): Expr {
    try {
      const sub = new Parser(this.source, this.limits, new Tokenizer(this.source, this.limits, open, close));
      sub.depth = this.depth;
      sub.nodes = this.nodes;
      const e = sub.parseAtom();
      if ((sub.t.type as TokenType) !== NEWLINE && sub.t.type !== EOF) sub.unexpected();
      this.nodes = sub.nodes;
      return e;
    } catch (err) {
      if (err instanceof ConditionError) throw new ConditionError(err.type, `f-string: ${err.message}`, this.source, err.start, err.end);
      throw err;
    }
  }
}

function describeExpr(e: Expr): string {
  switch (e.k) {
    case 'Const':
      return e.v === null || typeof e.v === 'boolean' ? String(e.v === null ? 'None' : e.v ? 'True' : 'False') : 'literal';
    case 'Call':
      return 'function call';
    case 'BinOp':
    case 'Unary':
      return 'expression';
    case 'Compare':
      return 'comparison';
    case 'BoolOp':
    case 'Not':
      return 'expression';
    case 'Lambda':
      return 'lambda';
    case 'IfExp':
      return 'conditional expression';
    case 'FString':
      return 'f-string expression';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'ListComp':
      return 'list comprehension';
    case 'GenExp':
      return 'generator expression';
    default:
      return e.k.toLowerCase();
  }
}
