import type { Expr, Handler, ImportFromName, ImportName, Keyword, Stmt, WithItem } from '../ast.js';
import { ConditionError } from '../errors.js';
import { MODULE_NAMES, unknownModule } from '../runtime/module-names.js';
import { DEDENT, EOF, INDENT, NAME, NEWLINE, OP, type TokenType } from '../tokenizer.js';
import { describeExpr } from './describe.js';
import { BODY, LEVEL } from './parser-stack.js';
import { PatternParser } from './pattern.js';
import { AUG_OPS, UNSUPPORTED_STATEMENTS } from './state.js';

/** CPython's words for a return, break or continue that would leave an except* block. */
const EXCEPT_STAR_JUMP = "'break', 'continue' and 'return' cannot appear in an except* block";

/** Statements, blocks and the file: the whole condition. */
export class StatementParser extends PatternParser {
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
  protected parseStatement(out: Stmt[]): void {
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
        case 'with':
          out.push(this.parseWith());
          return;
        case 'def':
          out.push(this.parseDef([], this.t.start));
          return;
        case 'class':
          out.push(this.parseClass());
          return;
        case 'match': {
          const m = this.tryParseMatch();
          if (m !== null) {
            out.push(m);
            return;
          }
        }
      }
      if (UNSUPPORTED_STATEMENTS.has(this.t.value)) {
        throw this.error(`'${this.t.value}' is not supported in conditions`, this.t.start, this.t.end, 'UnsupportedError');
      }
    }
    if (this.isOp('@')) {
      out.push(this.parseDecorated());
      return;
    }
    this.parseSimpleStatements(out);
  }

  // decorated: ('@' namedexpr_test NEWLINE)+ (funcdef | classdef)
  protected parseDecorated(): Stmt {
    const s = this.t.start;
    const decorators: Expr[] = [];
    while (this.eatOp('@')) {
      decorators.push(this.deeper(LEVEL.decorator, () => this.parseNamed()));
      if (this.t.type !== NEWLINE) this.unexpected('a newline');
      this.t.next();
    }
    if (this.isKw('class')) return this.parseClass(decorators, s);
    if (!this.isKw('def')) this.unexpected("'def'");
    return this.parseDef(decorators, s);
  }

  // funcdef: 'def' NAME '(' [parameters] ')' ['->' test] block
  protected parseDef(decorators: Expr[], s: number): Stmt {
    this.t.next();
    const name = this.name();
    this.expectOp('(');
    const annotations: Expr[] = [];
    const params = this.deeper(LEVEL.defParameter, () => this.parseParams(')', annotations));
    this.expectOp(')');
    if (this.eatOp('->')) annotations.push(this.deeper(LEVEL.defReturns, () => this.parseTest()));
    // a loop around the def is not around its body: 'break' there is outside any loop
    const { loops, classBody, inExceptStar } = this;
    this.loops = 0;
    this.classBody = false;
    this.inExceptStar = false;
    try {
      const body = this.parseBlock(BODY.def);
      return this.node({ k: 'FunctionDef', name, params, annotations, body, decorators, s, e: this.t.lastEnd });
    } finally {
      this.loops = loops;
      this.classBody = classBody;
      this.inExceptStar = inExceptStar;
    }
  }

  // classdef: 'class' NAME ['(' [bases] ')'] block
  protected parseClass(decorators: Expr[] = [], s = this.t.start): Stmt {
    this.t.next();
    const name = this.name();
    const bases: Expr[] = [];
    const keywords: Keyword[] = [];
    if (this.eatOp('(')) {
      // a call's arguments: bases, *bases, name=value and **mapping, handed to __build_class__
      const names = new Set<string>();
      while (!this.isOp(')')) {
        const as = this.t.start;
        const level = bases.length === 0 && keywords.length === 0 ? LEVEL.defParameter : LEVEL.defParameter + 1;
        if (this.eatOp('**')) keywords.push(this.node({ k: 'Keyword', name: null, value: this.deeper(level, () => this.parseTest()), s: as, e: this.t.lastEnd }));
        else if (this.eatOp('*')) {
          if (keywords.some((k) => k.name === null)) throw this.error('iterable argument unpacking follows keyword argument unpacking', as);
          bases.push(this.node({ k: 'Starred', value: this.deeper(level, () => this.parseTest()), s: as, e: this.t.lastEnd }));
        } else if (this.t.type === NAME && !this.isKw('lambda') && this.peekIsKeyword()) {
          const name = this.name();
          if (names.has(name)) throw this.error(`keyword argument repeated: ${name}`, as, this.t.lastEnd);
          names.add(name);
          this.expectOp('=');
          const value = this.deeper(level, () => this.parseTest());
          keywords.push(this.node({ k: 'Keyword', name, value, s: as, e: this.t.lastEnd }));
        } else {
          const base = this.deeper(level, () => this.parseTest());
          if (keywords.length > 0) throw this.error(keywords.some((k) => k.name === null) ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument', base.s, base.e);
          bases.push(base);
        }
        if (!this.eatOp(',')) break;
      }
      this.expectOp(')');
    }
    const { loops, classBody, inExceptStar } = this;
    this.loops = 0;
    this.classBody = true;
    this.inExceptStar = false;
    try {
      const body = this.parseBlock(BODY.class);
      return this.node({ k: 'ClassDef', name, bases, keywords, body, decorators, s, e: this.t.lastEnd });
    } finally {
      this.loops = loops;
      this.classBody = classBody;
      this.inExceptStar = inExceptStar;
    }
  }

  /** Whether the name at hand is followed by '=': a keyword argument. */
  protected peekIsKeyword(): boolean {
    const restore = this.t.save();
    this.t.next();
    const keyword = this.isOp('=');
    restore();
    return keyword;
  }

  // simple_stmts: small_stmt (';' small_stmt)* [';'] NEWLINE
  protected parseSimpleStatements(out: Stmt[]): void {
    const level = this.level;
    for (;;) {
      out.push(this.parseSmallStatement());
      if (!this.eatOp(';')) break;
      if (this.t.type === NEWLINE || this.t.type === EOF) break;
      this.level = level + LEVEL.laterSmallStatement;
    }
    this.level = level;
    if (this.t.type !== NEWLINE && this.t.type !== EOF) this.unexpected('a newline');
    if (this.t.type === NEWLINE) this.t.next();
  }

  // block: ':' (simple_stmts | NEWLINE INDENT stmt+ DEDENT)
  /** The statements `depth` levels of CPython's parser deeper than the statement that holds them (parser-stack.ts's BODY). */
  protected parseBlock(depth: number): Stmt[] {
    this.expectOp(':');
    const body: Stmt[] = [];
    const level = this.level;
    if (this.t.type !== NEWLINE) {
      this.level = level + depth + LEVEL.oneLine;
      this.parseSimpleStatements(body);
      this.level = level;
      return body;
    }
    this.t.next();
    if ((this.t.type as TokenType) !== INDENT) throw this.error('expected an indented block', this.t.start, this.t.start + 1, 'IndentationError');
    this.t.next();
    this.level = level + depth;
    while ((this.t.type as TokenType) !== DEDENT && (this.t.type as TokenType) !== EOF) this.parseStatement(body);
    this.level = level;
    this.t.next();
    return body;
  }

  /** An except* block: a loop around the try is not around it, as for a def (compiler_unwind_fblock_stack meets the handler first). */
  protected parseExceptStarBody(): Stmt[] {
    const { loops, inExceptStar } = this;
    this.loops = 0;
    this.inExceptStar = true;
    try {
      return this.parseBlock(BODY.except);
    } finally {
      this.loops = loops;
      this.inExceptStar = inExceptStar;
    }
  }

  protected parseLoopBody(): Stmt[] {
    this.loops++;
    try {
      return this.parseBlock(BODY.for);
    } finally {
      this.loops--;
    }
  }

  // if_stmt: 'if' test block ('elif' test block)* ['else' block]
  protected parseIf(): Stmt {
    const s = this.t.start;
    this.t.next();
    this.level += LEVEL.ifTest;
    const test = this.parseNamed();
    this.level -= LEVEL.ifTest;
    const body = this.parseBlock(BODY.if);
    let orelse: Stmt[] = [];
    if (this.isKw('elif')) {
      // CPython's grammar nests each elif in the one before (elif_stmt: 'elif' ... block elif_stmt);
      // no closure here, for a long chain recurses here once a link
      this.level += LEVEL.elif;
      orelse = [this.parseIf()];
      this.level -= LEVEL.elif;
    } else if (this.eatKw('else')) orelse = this.parseBlock(BODY.else);
    return this.node({ k: 'If', test, body, orelse, s, e: this.t.lastEnd });
  }

  // for_stmt: 'for' targets 'in' testlist block ['else' block]
  protected parseFor(): Stmt {
    const s = this.t.start;
    this.t.next();
    this.level += LEVEL.forTarget;
    const target = this.parseTargetList();
    this.level += LEVEL.forIter - LEVEL.forTarget;
    this.expectKw('in');
    const iter = this.parseTestList();
    this.level -= LEVEL.forIter;
    const body = this.parseLoopBody();
    const orelse = this.eatKw('else') ? this.parseBlock(BODY.else) : [];
    return this.node({ k: 'For', target, iter, body, orelse, s, e: this.t.lastEnd });
  }

  // while_stmt: 'while' test block ['else' block]
  protected parseWhile(): Stmt {
    const s = this.t.start;
    this.t.next();
    this.level += LEVEL.whileTest;
    const test = this.parseNamed();
    this.level -= LEVEL.whileTest;
    const body = this.parseLoopBody();
    const orelse = this.eatKw('else') ? this.parseBlock(BODY.else) : [];
    return this.node({ k: 'While', test, body, orelse, s, e: this.t.lastEnd });
  }

  // try_stmt: 'try' block (('except' [test ['as' NAME]] block)+ ['else' block] ['finally' block] | 'finally' block)
  protected parseTry(): Stmt {
    const s = this.t.start;
    this.t.next();
    const body = this.parseBlock(BODY.try);
    const handlers: Handler[] = [];
    while (this.isKw('except')) {
      const hs = this.t.start;
      this.t.next();
      const star = this.isOp('*');
      if (star) this.t.next();
      if (handlers.length > 0 && (handlers[0].star === true) !== star) throw this.error("cannot have both 'except' and 'except*' on the same 'try'", hs, this.t.lastEnd);
      if (star && this.isOp(':')) throw this.error('expected one or more exception types', hs, this.t.end);
      let types: Expr | null = null;
      let name: string | null = null;
      if (!this.isOp(':')) {
        types = this.deeper(LEVEL.exceptType, () => this.parseTest());
        if (this.eatOp(',')) throw this.error('multiple exception types must be parenthesized', types.s, this.t.start);
        if (this.eatKw('as')) name = this.name();
      }
      if (handlers.length > 0 && handlers[handlers.length - 1].types === null) throw this.error("default 'except:' must be last", hs);
      const body = star ? this.parseExceptStarBody() : this.parseBlock(BODY.except);
      handlers.push(this.node(star ? { k: 'Handler', types, name, body, star, s: hs, e: this.t.lastEnd } : { k: 'Handler', types, name, body, s: hs, e: this.t.lastEnd }));
    }
    const orelse = handlers.length > 0 && this.eatKw('else') ? this.parseBlock(BODY.else) : [];
    const finalbody = this.eatKw('finally') ? this.parseBlock(BODY.finally) : [];
    if (handlers.length === 0 && finalbody.length === 0) this.unexpected("'except' or 'finally'");
    return this.node({ k: 'Try', body, handlers, orelse, finalbody, s, e: this.t.lastEnd });
  }

  // with_stmt: 'with' '(' with_item (',' with_item)* [','] ')' block | 'with' with_item (',' with_item)* block
  protected parseWith(): Stmt {
    const s = this.t.start;
    this.t.next();
    let items = this.isOp('(') ? this.tryParenthesizedWithItems() : null;
    if (items === null) {
      items = [this.parseWithItem(true)];
      while (this.eatOp(',')) items.push(this.parseWithItem(false));
    }
    const body = this.parseBlock(BODY.with);
    return this.node({ k: 'With', items, body, s, e: this.t.lastEnd });
  }

  /**
   * `with (a as x, b):` is a list of items only if ')' is followed by ':', as CPython's PEG
   * grammar tries it first; otherwise the parenthesis opens the first item's expression
   * (`with (a, b) as t:`, `with (a):`), parsed again from the start. The retry is one level
   * deep, so at most twice the work.
   */
  protected tryParenthesizedWithItems(): WithItem[] | null {
    const restore = this.t.save();
    const { nodes, level, lambdas } = this;
    try {
      this.t.next();
      const items: WithItem[] = [];
      do {
        if (this.isOp(')')) break;
        items.push(this.parseWithItem(items.length === 0));
      } while (this.eatOp(','));
      if (items.length > 0 && this.eatOp(')') && this.isOp(':')) return items;
    } catch (err) {
      // past CPython's parser stack there is no second try (state.ts)
      if (!(err instanceof ConditionError) || err.type === 'MemoryError') throw err;
    }
    restore();
    this.nodes = nodes;
    this.level = level;
    this.lambdas = lambdas;
    return null;
  }

  // with_item: test ['as' star_target]
  protected parseWithItem(first: boolean): WithItem {
    const s = this.t.start;
    const context = this.deeper(first ? LEVEL.withItem : LEVEL.withItemRest, () => this.parseTest());
    const target = this.eatKw('as') ? this.checkTarget(this.parseTargetAtom(), 'assign to') : null;
    return this.node({ k: 'WithItem', context, target, s, e: this.t.lastEnd });
  }

  // small_stmt: pass | break | continue | return [testlist] | del targets | import | from_import
  //           | global NAME (',' NAME)* | raise [test] | assert test [',' test] | expr_stmt
  protected parseSmallStatement(): Stmt {
    const s = this.t.start;
    if (this.t.type === NAME) {
      switch (this.t.value) {
        case 'pass':
        case 'break':
        case 'continue': {
          const k = this.t.value === 'pass' ? 'Pass' : this.t.value === 'break' ? 'Break' : 'Continue';
          if (k !== 'Pass' && this.loops === 0) throw this.error(this.inExceptStar ? EXCEPT_STAR_JUMP : `'${this.t.value}' ${k === 'Break' ? 'outside' : 'not properly in'} loop`);
          this.t.next();
          return this.node({ k, s, e: this.t.lastEnd });
        }
        case 'return': {
          if (this.inExceptStar) throw this.error(EXCEPT_STAR_JUMP);
          this.t.next();
          const value = this.atStatementEnd() ? null : this.parseTestList();
          return this.node({ k: 'Return', value, s, e: this.t.lastEnd });
        }
        case 'del': {
          this.t.next();
          const targets: Expr[] = [];
          do {
            if (this.atStatementEnd()) break;
            targets.push(this.checkTarget(this.deeper(targets.length === 0 ? LEVEL.delTarget : LEVEL.delTargetRest, () => this.parseBitOr()), 'delete'));
          } while (this.eatOp(','));
          if (targets.length === 0) this.unexpected('a target');
          return this.node({ k: 'Del', targets, s, e: this.t.lastEnd });
        }
        case 'import':
          return this.parseImport();
        case 'from':
          return this.parseFromImport();
        case 'global':
        case 'nonlocal': {
          const k = this.t.value === 'global' ? 'Global' : 'Nonlocal';
          this.t.next();
          const names = [this.name()];
          while (this.eatOp(',')) names.push(this.name());
          return this.node({ k, names, s, e: this.t.lastEnd });
        }
        case 'raise': {
          this.t.next();
          const exc = this.atStatementEnd() ? null : this.deeper(LEVEL.raise, () => this.parseTest());
          const cause = exc !== null && this.eatKw('from') ? this.deeper(LEVEL.raiseCause, () => this.parseTest()) : null;
          return this.node({ k: 'Raise', exc, cause, s, e: this.t.lastEnd });
        }
        case 'assert': {
          this.t.next();
          const test = this.deeper(LEVEL.assertTest, () => this.parseTest());
          const msg = this.eatOp(',') ? this.deeper(LEVEL.assertMessage, () => this.parseTest()) : null;
          return this.node({ k: 'Assert', test, msg, s, e: this.t.lastEnd });
        }
      }
    }
    return this.parseExprStatement();
  }

  protected atStatementEnd(): boolean {
    return this.t.type === NEWLINE || this.t.type === EOF || this.isOp(';');
  }

  // import_stmt: 'import' dotted_name ['as' NAME] (',' dotted_name ['as' NAME])*
  protected parseImport(): Stmt {
    const s = this.t.start;
    this.t.next();
    const names: ImportName[] = [];
    do {
      const ms = this.t.start;
      const module = this.dottedName();
      this.checkModule(module, ms);
      // `import urllib.parse` binds the package, `import urllib.parse as p` the submodule
      const as = this.eatKw('as') ? this.name() : null;
      names.push(this.node({ k: 'ImportName', module: as === null ? module.split('.')[0] : module, as: as ?? module.split('.')[0] }));
    } while (this.eatOp(','));
    return this.node({ k: 'Import', names, s, e: this.t.lastEnd });
  }

  // from_import: 'from' dotted_name 'import' (NAME ['as' NAME] (',' ...)* | '(' ... ')')
  protected parseFromImport(): Stmt {
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

  protected dottedName(): string {
    let name = this.name();
    while (this.eatOp('.')) name += '.' + this.name();
    return name;
  }

  protected checkModule(module: string, start: number): void {
    if (!MODULE_NAMES.includes(module)) {
      throw this.error(unknownModule(module), start, this.t.lastEnd, 'UnsupportedError');
    }
  }

  // expr_stmt: testlist_star_expr (augassign testlist | ('=' testlist_star_expr)*)
  protected parseExprStatement(): Stmt {
    const s = this.t.start;
    // CPython tries assignment first, whose rules read a leading primary as a target (parsePrimary)
    this.leadAt = s;
    this.leadParenAt = s;
    this.leadLevel = this.level + LEVEL.exprStatement + LEVEL.target;
    this.leadItems = this.level + LEVEL.targetItems;
    // inline, not deeper(): this runs for most statements
    const yields = this.isKw('yield');
    const by = yields ? LEVEL.yieldStatement : LEVEL.exprStatement;
    this.level += by;
    const first = yields ? this.parseYield() : this.parseTestListStar();
    this.level -= by;
    if (this.t.type === OP && AUG_OPS.has(this.t.value)) {
      const op = (this.t.value as string).slice(0, -1);
      if (first.k !== 'Name' && first.k !== 'Subscript' && first.k !== 'Attribute') {
        throw this.error(`'${describeExpr(first)}' is an illegal expression for augmented assignment`, first.s, first.e);
      }
      this.checkTarget(first, 'assign to');
      this.t.next();
      const value = this.deeper(LEVEL.assignValue, () => (this.isKw('yield') ? this.parseYield() : this.parseTestList()));
      return this.node({ k: 'AugAssign', target: first, op, value, s, e: this.t.lastEnd });
    }
    if (this.isOp(':')) return this.parseAnnAssign(first, s);
    if (!this.isOp('=')) return this.node({ k: 'Expr', value: first, s, e: this.t.lastEnd });
    const targets = [this.checkTarget(first, 'assign to')];
    let value: Expr = first;
    while (this.eatOp('=')) {
      // each value is read first as the next target
      this.leadAt = this.t.start;
      this.leadLevel = this.level + LEVEL.assignedTarget;
      this.leadItems = this.level + LEVEL.targetItems;
      this.level += LEVEL.assignValue;
      value = this.isKw('yield') ? this.parseYield() : this.parseTestListStar();
      this.level -= LEVEL.assignValue;
      if (this.isOp('=')) targets.push(this.checkTarget(value, 'assign to'));
    }
    return this.node({ k: 'Assign', targets, value, s, e: this.t.lastEnd });
  }

  // annassign: target ':' test ['=' (yield_expr | testlist_star_expr)]
  protected parseAnnAssign(target: Expr, s: number): Stmt {
    if (target.k === 'Tuple') throw this.error('only single target (not tuple) can be annotated', target.s, target.e);
    if (target.k === 'List') throw this.error('only single target (not list) can be annotated', target.s, target.e);
    if (target.k !== 'Name' && target.k !== 'Subscript' && target.k !== 'Attribute') throw this.error('illegal target for annotation', target.s, target.e);
    this.t.next();
    const annotation = this.deeper(LEVEL.annotation, () => this.parseTest());
    const value = this.eatOp('=') ? this.deeper(LEVEL.annotatedValue, () => (this.isKw('yield') ? this.parseYield() : this.parseTestListStar())) : null;
    return this.node({ k: 'AnnAssign', target, annotation, value, s, e: this.t.lastEnd });
  }
}
