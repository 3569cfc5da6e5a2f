import type { Comprehension, Expr, FormattedValue, Keyword, Param } from '../ast.js';
import type { ConditionError } from '../errors.js';
import { EOF, FSTRING, LiteralError, NAME, NEWLINE, NUMBER, OP, STRING, type FStringToken } from '../tokenizer.js';
import { CLASS_DUNDERS, isReadableDunder } from '../dunders.js';
import { ELLIPSIS, PyBytes, sharedBytes } from '../runtime/scalars.js';
import { describeExpr } from './describe.js';
import { internalized, MAX_INTERNALIZED_PER_SOURCE } from './intern.js';
import { LEVEL } from './parser-stack.js';
import { AUG_OPS, KEYWORDS, ParserState, UNSUPPORTED_STATEMENTS } from './state.js';

/** Lambdas nested in one another: CPython's limit is its compiler's recursion (limits.ts), held lower here (parseLambda). */
const MAX_LAMBDAS = 100;

const COMPARE_OPS = new Set(['<', '>', '==', '>=', '<=', '!=', 'in', 'not', 'is']);

/** Expressions, from `test` down to atoms and displays; f-string bodies are FStringParser's. */
export abstract class ExpressionParser extends ParserState {
  // testlist: test (',' test)* [',']   (a tuple when there is a comma)
  protected parseTestList(): Expr {
    return this.parseSequence(() => this.parseTest());
  }

  // testlist_star_expr: (test | star_expr) (',' (test | star_expr))* [',']
  protected parseTestListStar(): Expr {
    return this.parseSequence(() => this.parseTestOrStar());
  }

  protected parseSequence(item: () => Expr): Expr {
    const s = this.t.start;
    const leadItems = this.leadItems;
    this.leadItems = NaN;
    const first = item();
    if (!this.isOp(',')) return first;
    const elts = [first];
    this.level += LEVEL.sequenceRest;
    // CPython's assignment rules read the items first as targets while they are targets
    let targets = !Number.isNaN(leadItems) && isTarget(first);
    while (this.eatOp(',')) {
      if (this.atSequenceEnd()) break;
      if (targets) {
        this.leadAt = this.t.start;
        this.leadLevel = leadItems;
      }
      const e = item();
      targets &&= isTarget(e);
      elts.push(e);
    }
    this.level -= LEVEL.sequenceRest;
    return this.node({ k: 'Tuple', elts, s, e: this.t.lastEnd });
  }

  protected atSequenceEnd(): boolean {
    const { type, value } = this.t;
    if (type === NEWLINE || type === EOF) return true;
    return type === OP && (value === ')' || value === ']' || value === '}' || value === '=' || value === ';' || value === ':' || AUG_OPS.has(value));
  }

  protected parseTestOrStar(): Expr {
    return this.isOp('*') ? this.parseStarred(LEVEL.starred) : this.parseTest();
  }

  /** `*x`, whose operand CPython's grammar reaches `by` levels from where an expression would stand. */
  protected parseStarred(by: number): Expr {
    const s = this.t.start;
    this.t.next();
    this.level += by;
    const value = this.parseBitOr();
    this.level -= by;
    return this.node({ k: 'Starred', value, s, e: this.t.lastEnd });
  }

  /** A subscript's `*x` (3.11's starred_expression: '*' expression), where a display's is '*' bitwise_or. */
  protected parseStarredExpression(by: number): Expr {
    const s = this.t.start;
    this.t.next();
    const value = this.deeper(by, () => this.parseTest());
    return this.node({ k: 'Starred', value, s, e: this.t.lastEnd });
  }

  /** A display's or parenthesised tuple's item: a star, or a test that may be a walrus. */
  protected parseStarOrNamed(): Expr {
    return this.isOp('*') ? this.parseStarred(LEVEL.displayStarred) : this.parseNamed();
  }

  // namedexpr_test: test [':=' test]   (where CPython's grammar takes a named_expression)
  protected parseNamed(walrusValue: number = LEVEL.walrusValue): Expr {
    const target = this.parseTest();
    if (!this.isOp(':=')) return target;
    if (target.k !== 'Name') throw this.error(`cannot use assignment expressions with ${describeExpr(target)}`, target.s, target.e);
    this.t.next();
    this.level += walrusValue;
    const value = this.parseTest();
    this.level -= walrusValue;
    return this.node({ k: 'NamedExpr', target, value, s: target.s, e: this.t.lastEnd });
  }

  // targets of for and comprehensions: star_target (',' star_target)* [',']
  protected parseTargetList(): Expr {
    const s = this.t.start;
    const first = this.parseTargetAtom();
    if (!this.isOp(',')) return this.checkTarget(first, 'assign to');
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isKw('in')) break;
      elts.push(this.parseTargetAtom());
    }
    // checked as a tuple, where a starred item is a target (`for a, *b in x`), alone it is not
    return this.checkTarget(this.node({ k: 'Tuple', elts, s, e: this.t.lastEnd }), 'assign to');
  }

  protected parseTargetAtom(): Expr {
    return this.isOp('*') ? this.parseStarred(0) : this.parseBitOr();
  }

  // test: or_test ['if' or_test 'else' test] | lambdef
  protected parseTest(): Expr {
    const s = this.t.start;
    if (this.isKw('lambda')) return this.parseLambda(true);
    const body = this.parseOrTest();
    if (!this.isKw('if')) return body;
    this.t.next();
    const test = this.parseOrTest();
    this.expectKw('else');
    this.level += LEVEL.orelse;
    const orelse = this.parseTest();
    this.level -= LEVEL.orelse;
    return this.node({ k: 'IfExp', test, body, orelse, s, e: this.t.lastEnd });
  }

  // test_nocond: or_test | lambdef_nocond   (the `if` of a comprehension)
  protected parseTestNoCond(): Expr {
    if (this.isKw('lambda')) return this.parseLambda(false);
    return this.parseOrTest();
  }

  // lambdef: 'lambda' [params] ':' test
  protected parseLambda(withCond: boolean): Expr {
    const s = this.t.start;
    // below CPython's 2,998: resolving each lambda's scope walks the lambdas inside it, 1,000 nested took a second
    if (++this.lambdas > MAX_LAMBDAS) throw this.error(`lambdas nested too deeply (the limit is ${MAX_LAMBDAS})`, s, s + 6);
    this.t.next();
    this.level += LEVEL.lambdaDefault;
    const params = this.parseParams(':', null);
    this.level -= LEVEL.lambdaDefault;
    this.expectOp(':');
    this.level += LEVEL.lambdaBody;
    const body = withCond ? this.parseTest() : this.parseTestNoCond();
    this.level -= LEVEL.lambdaBody;
    this.lambdas--;
    return this.node({ k: 'Lambda', params, body, s, e: this.t.lastEnd });
  }

  /**
   * Parameters up to `end` (':' for a lambda, ')' for a def): positional-only (before a `/`),
   * plain, defaulted, `*args`, a bare `*`, keyword-only, `**kwargs`. `annotations` collects a def's `x: T` (null: a lambda has none).
   */
  protected parseParams(end: string, annotations: Expr[] | null): Param[] {
    const params: Param[] = [];
    const seen = new Set<string>();
    // kept as parameters come: a lambda may have thousands
    let keywordOnly = false;
    let positionalDefault = false;
    let slash = false;
    while (!this.isOp(end)) {
      let star: Param['star'] = '';
      const ps = this.t.start;
      if (this.isOp('/')) {
        // `/`: the parameters before it are positional-only (a keyword does not name them)
        if (keywordOnly) throw this.error('/ must be ahead of *', ps, this.t.end);
        if (slash) throw this.error('/ may appear only once', ps, this.t.end);
        if (params.length === 0) throw this.error("invalid syntax: '/' needs a parameter before it", ps, this.t.end);
        this.t.next();
        for (const p of params) p.posOnly = true;
        slash = true;
        if (!this.eatOp(',') && !this.isOp(end)) throw this.error(`invalid syntax: expected ',' or '${end}' after '/'`, this.t.start, this.t.end);
        continue;
      }
      if (this.eatOp('**')) star = '**';
      else if (this.eatOp('*')) star = '*';
      if (star === '*' && (this.isOp(',') || this.isOp(end))) {
        // a bare *: the parameters after it are keyword-only
        if (!this.eatOp(',') || this.isOp(end)) throw this.error('named arguments must follow bare *', ps, this.t.lastEnd);
        params.push(this.node({ k: 'Param', name: '', default: null, star }));
        keywordOnly = true;
        continue;
      }
      const name = this.name();
      if (seen.has(name)) throw this.error(`duplicate argument '${name}' in function definition`, ps, this.t.lastEnd);
      seen.add(name);
      const annotated = annotations !== null && this.eatOp(':');
      if (annotated) annotations.push(this.deeper(LEVEL.paramAnnotation, () => this.parseTest()));
      const def = star === '' && this.eatOp('=') ? this.parseTest() : null;
      // only positional parameters must keep defaults last; keyword-only ones (after *) may mix
      if (def === null && star === '' && !keywordOnly && positionalDefault) {
        throw this.error('non-default argument follows default argument', ps, this.t.lastEnd);
      }
      params.push(this.node(annotated ? { k: 'Param', name, default: def, star, annotated } : { k: 'Param', name, default: def, star }));
      if (star === '*') keywordOnly = true;
      if (def !== null) positionalDefault = true;
      if (star === '**' && !this.isOp(end) && !(this.eatOp(',') && this.isOp(end))) throw this.error('arguments cannot follow var-keyword argument', this.t.start, this.t.end);
      if (!this.eatOp(',')) break;
    }
    return params;
  }

  // or_test: and_test ('or' and_test)*    and_test: not_test ('and' not_test)*
  protected parseOrTest(): Expr {
    return this.parseBoolOp('or', () => this.parseBoolOp('and', () => this.parseNotTest()));
  }

  protected parseBoolOp(op: 'and' | 'or', operand: () => Expr): Expr {
    const s = this.t.start;
    const first = operand();
    if (!this.isKw(op)) return first;
    const values = [first];
    this.level += LEVEL.boolRight;
    while (this.eatKw(op)) values.push(operand());
    this.level -= LEVEL.boolRight;
    return this.node({ k: 'BoolOp', op, values, s, e: this.t.lastEnd });
  }

  // not_test: 'not' not_test | comparison
  protected parseNotTest(): Expr {
    if (!this.isKw('not')) return this.parseComparison();
    const s = this.t.start;
    this.t.next();
    this.level += LEVEL.not;
    this.reach(s);
    const operand = this.parseNotTest();
    this.level -= LEVEL.not;
    return this.node({ k: 'Not', operand, s, e: this.t.lastEnd });
  }

  // comparison: bitor (comp_op bitor)*
  // comp_op: '<'|'>'|'=='|'>='|'<='|'!='|'in'|'not' 'in'|'is'|'is' 'not'
  protected parseComparison(): Expr {
    const s = this.t.start;
    const left = this.parseBitOr();
    const ops: string[] = [];
    const comparators: Expr[] = [];
    this.level += LEVEL.comparator;
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
    this.level -= LEVEL.comparator;
    if (ops.length === 0) return left;
    return this.node({ k: 'Compare', left, ops, comparators, s, e: this.t.lastEnd });
  }

  // bitor: bitxor ('|' bitxor)*   bitxor: bitand ('^' bitand)*   bitand: shift ('&' shift)*
  // shift: arith (('<<'|'>>') arith)*   arith: term (('+'|'-') term)*   term: factor (('*'|'/'|'//'|'%'|'@') factor)*
  protected parseBitOr(): Expr {
    return this.parseBinary(0);
  }

  private static readonly LEVELS: readonly (readonly string[])[] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];

  protected parseBinary(level: number): Expr {
    if (level === ExpressionParser.LEVELS.length) return this.parseFactor();
    const s = this.t.start;
    let left = this.parseBinary(level + 1);
    const ops = ExpressionParser.LEVELS[level];
    while (this.t.type === OP && ops.includes(this.t.value)) {
      const op: string = this.t.value;
      this.t.next();
      const right = this.parseBinary(level + 1);
      left = this.node({ k: 'BinOp', op, left, right, s, e: this.t.lastEnd });
    }
    return left;
  }

  // factor: ('+'|'-'|'~') factor | power
  protected parseFactor(): Expr {
    if (this.t.type === OP && (this.t.value === '-' || this.t.value === '+' || this.t.value === '~')) {
      const s = this.t.start;
      const op = this.t.value as '-' | '+' | '~';
      this.t.next();
      this.level += LEVEL.unary;
      // the chain recurses here without an atom: checked at each link
      this.reach(s);
      const operand = this.parseFactor();
      this.level -= LEVEL.unary;
      return this.node({ k: 'Unary', op, operand, s, e: this.t.lastEnd });
    }
    return this.parsePower();
  }

  // power: primary ['**' factor]
  protected parsePower(): Expr {
    const s = this.t.start;
    const base = this.parsePrimary();
    if (!this.eatOp('**')) return base;
    this.level += LEVEL.exponent;
    const exponent = this.parseFactor();
    this.level -= LEVEL.exponent;
    return this.node({ k: 'BinOp', op: '**', left: base, right: exponent, s, e: this.t.lastEnd });
  }

  // primary: atom trailer*   trailer: '(' [arglist] ')' | '[' subscript ']' | '.' NAME
  protected parsePrimary(): Expr {
    const s = this.t.start;
    const outer = this.level;
    if (s === this.leadAt) {
      // a statement's leading primary (`a[i] = ...`, `f(x)`), which CPython's assignment rules
      // read first, as a target, at another level than an expression's (parser-stack.ts)
      this.level = this.leadLevel;
      this.leadAt = -1;
    }
    let e = this.parseAtom();
    for (;;) {
      if (this.isOp('(')) e = this.parseCall(e, s);
      else if (this.isOp('[')) {
        const index = this.parseSubscript();
        this.expectOp(']');
        e = this.node({ k: 'Subscript', value: e, index, s, e: this.t.lastEnd });
      } else if (this.eatOp('.')) {
        const as = this.t.start;
        if (this.t.type !== NAME) this.unexpected('an attribute name');
        const attr: string = this.t.value;
        // `type(e).__name__` is how an error is named (see READABLE_DUNDERS), `x.__add__` a builtin type's method (BUILTIN_DUNDER_NAMES); super().__getitem__ reaches a base's method the class may define
        if (!isReadableDunder(attr) && !(CLASS_DUNDERS.has(attr) && isSuperCall(e))) this.checkName(attr, as, this.t.end);
        this.t.next();
        e = this.node({ k: 'Attribute', value: e, attr, s, e: this.t.lastEnd });
      } else {
        this.level = outer;
        return e;
      }
    }
  }

  // arglist: argument (',' argument)* [',']
  // argument: test [comp_for] | NAME '=' test | '*' test | '**' test
  protected parseCall(func: Expr, s: number): Expr {
    const outer = this.level;
    this.level = outer + LEVEL.callFirst;
    this.reach(this.t.start);
    this.t.next();
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    // what the keywords so far hold, kept as they come: a call may have thousands
    const names = new Set<string>();
    let unpacked = false;
    while (!this.isOp(')')) {
      const as = this.t.start;
      const first = args.length === 0 && keywords.length === 0;
      this.level = outer + (first ? LEVEL.callFirst : LEVEL.callRest);
      if (this.eatOp('**')) {
        if (first) this.level = outer + LEVEL.callFirstOther;
        unpacked = true;
        keywords.push(this.node({ k: 'Keyword', name: null, value: this.parseTest(), s: as, e: this.t.lastEnd }));
      } else if (this.eatOp('*')) {
        if (first) this.level = outer + LEVEL.callFirstOther;
        else if (keywords.length > 0) this.level = outer + LEVEL.callStarAfterKeyword;
        if (unpacked) throw this.error('iterable argument unpacking follows keyword argument unpacking', as);
        args.push(this.node({ k: 'Starred', value: this.parseTest(), s: as, e: this.t.lastEnd }));
      } else {
        const value = this.parseNamed();
        if (this.isOp('=') && value.k === 'Name') {
          this.nodes--; // the name, parsed as an expression, is no node of the tree
          this.t.next();
          if (names.has(value.id)) throw this.error(`keyword argument repeated: ${value.id}`, value.s, value.e);
          names.add(value.id);
          if (first) this.level = outer + LEVEL.callFirstOther;
          keywords.push(this.node({ k: 'Keyword', name: value.id, value: this.parseTest(), s: as, e: this.t.lastEnd }));
        } else if (this.isOp('=')) throw this.error('expression cannot contain assignment, perhaps you meant "=="?', value.s, this.t.end);
        else if (this.isKw('for')) {
          const gen: Expr = this.node({ k: 'GenExp', elt: value, gens: this.parseCompFor(outer + LEVEL.callCompIter, outer + LEVEL.callCompIf), s: as, e: this.t.lastEnd });
          if (args.length > 0 || keywords.length > 0 || !this.isOp(')')) throw this.error('Generator expression must be parenthesized', as, this.t.lastEnd);
          args.push(gen);
        } else {
          if (keywords.length > 0) throw this.error(unpacked ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument', value.s, value.e);
          args.push(value);
        }
      }
      if (!this.eatOp(',')) break;
    }
    this.level = outer;
    this.expectOp(')');
    return this.node({ k: 'Call', func, args, keywords, s, e: this.t.lastEnd });
  }

  // subscript: test | [test] ':' [test] [':' [test]] | '*' expr   (a tuple when there is a comma or a star: 3.11's `A[*Ts]`)
  protected parseSubscript(): Expr {
    const outer = this.level;
    this.level = outer + LEVEL.subscript;
    this.reach(this.t.start);
    this.t.next();
    const s = this.t.start;
    const item = (first: boolean): Expr => {
      const is = this.t.start;
      if (this.isOp('*')) return this.parseStarredExpression(first ? LEVEL.subscriptStarredFirst : 0);
      const lower = this.isOp(':') ? null : this.parseNamed(LEVEL.subscriptWalrusValue);
      if (!this.eatOp(':')) return lower!;
      const upper = this.isOp(':') || this.isOp(']') || this.isOp(',') ? null : this.parseTest();
      this.level += LEVEL.sliceStep;
      const step = this.eatOp(':') && !this.isOp(']') && !this.isOp(',') ? this.parseTest() : null;
      this.level -= LEVEL.sliceStep;
      return this.node({ k: 'Slice', lower, upper, step, s: is, e: this.t.lastEnd });
    };
    const first = item(true);
    if (!this.isOp(',') && first.k !== 'Starred') {
      this.level = outer;
      return first;
    }
    const elts = [first];
    this.level = outer + LEVEL.subscriptRest;
    while (this.eatOp(',') && !this.isOp(']')) elts.push(item(false));
    this.level = outer;
    return this.node({ k: 'Tuple', elts, s, e: this.t.lastEnd });
  }

  // comp_for: 'for' targets 'in' or_test comp_iter*   comp_if: 'if' test_nocond
  /** The clauses, at the levels CPython's parser reaches their iterables and conditions. */
  protected parseCompFor(iterLevel: number, ifLevel: number): Comprehension[] {
    const outer = this.level;
    const gens: Comprehension[] = [];
    while (this.isKw('for')) {
      this.t.next();
      this.level = iterLevel + LEVEL.compTarget;
      const target = this.parseTargetList();
      this.expectKw('in');
      this.level = iterLevel;
      const iter = this.parseOrTest();
      const ifs: Expr[] = [];
      this.level = ifLevel;
      while (this.eatKw('if')) ifs.push(this.parseTestNoCond());
      gens.push(this.node({ k: 'Comprehension', target, iter, ifs }));
    }
    this.level = outer;
    return gens;
  }

  // atom: NAME | NUMBER | STRING+ | '(' [testlist_comp] ')' | '[' [testlist_comp] ']' | '{' [dictorsetmaker] '}'
  protected parseAtom(): Expr {
    const { type, value, start: s } = this.t;
    this.reach(s, type === STRING || type === FSTRING ? LEVEL.string : 0);
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
            this.t.next();
            return this.node({ k: 'Const', v: ELLIPSIS, s, e: this.t.lastEnd });
        }
    }
    return this.unexpected(type === NEWLINE || type === EOF ? 'an expression' : undefined);
  }

  /** Adjacent literals concatenate: 'a' "b" f'{c}'. */
  protected parseStrings(): Expr {
    const s = this.t.start;
    const parts: (string | FormattedValue)[] = [];
    let formatted = false;
    let bytes: PyBytes | null = null;
    let bad: ConditionError | null = null;
    let sawAny = false;
    // as CPython's concatenation: each literal decoded in turn (an f-string after the check
    // that bytes and str do not mix); the run is read to its end past the first bad one, and
    // its error reported at the token after it, where CPython's parser stands then
    for (; this.t.type === STRING || this.t.type === FSTRING; this.t.next()) {
      const v = this.t.value;
      if (bad !== null) continue;
      if (v instanceof LiteralError) {
        bad = v;
        continue;
      }
      // b'a' b'b' concatenate; bytes beside a str do not
      if (sawAny && (v instanceof PyBytes) !== (bytes !== null)) {
        bad = this.error('cannot mix bytes and nonbytes literals');
        continue;
      }
      sawAny = true;
      if (v instanceof PyBytes) bytes = bytes === null ? v : sharedBytes(Uint8Array.from([...bytes.data, ...v.data]));
      else if (this.t.type === STRING) parts.push(v);
      else {
        formatted = true;
        try {
          this.parseFString(v as FStringToken, parts);
        } catch (e) {
          if (!(e instanceof LiteralError)) throw e;
          bad = e;
        }
      }
    }
    if (bad !== null) throw this.error(bad.message, this.t.start, this.t.end);
    if (bytes !== null) return this.node({ k: 'Const', v: bytes, s, e: this.t.lastEnd });
    if (!formatted) {
      const v = parts.join('');
      return this.node({ k: 'Const', v: this.internalizedCount++ < MAX_INTERNALIZED_PER_SOURCE ? internalized(v) : v, s, e: this.t.lastEnd });
    }
    return this.node({ k: 'FString', parts, s, e: this.t.lastEnd });
  }

  // '(' [yield_expr | testlist_comp] ')'
  protected parseParen(): Expr {
    const s = this.t.start;
    const outer = this.level;
    this.level = outer + LEVEL.paren;
    this.reach(s);
    this.t.next();
    if (s === this.leadParenAt) {
      // the first primary in a statement's leading parenthesis is read first by the rule for `(x): int`, a level below it
      this.leadParenAt = -1;
      this.leadAt = this.t.start;
      this.leadLevel = outer + 1;
    }
    if (this.eatOp(')')) {
      this.level = outer;
      return this.node({ k: 'Tuple', elts: [], s, e: this.t.lastEnd });
    }
    if (this.isKw('yield')) {
      const y = this.parseYield();
      this.level = outer;
      this.expectOp(')');
      return y;
    }
    const first = this.parseStarOrNamed();
    if (this.isKw('for')) {
      const gens = this.parseCompFor(outer + LEVEL.compIter, outer + LEVEL.compIf);
      this.level = outer;
      this.expectOp(')');
      return this.node({ k: 'GenExp', elt: first, gens, s, e: this.t.lastEnd });
    }
    if (!this.isOp(',')) {
      if (!this.isOp(')')) this.forgotComma(first);
      this.level = outer;
      this.expectOp(')');
      if (first.k === 'Starred') throw this.error('cannot use starred expression here', first.s, first.e);
      return first;
    }
    const elts = [first];
    // tuple: '(' star_named_expression ',' star_named_expressions ')', whose first item is a level above the rest
    this.level = outer + LEVEL.parenSecond;
    while (this.eatOp(',') && !this.isOp(')')) {
      elts.push(this.parseStarOrNamed());
      this.level = outer + LEVEL.parenRest;
    }
    this.level = outer;
    this.expectOp(')');
    return this.node({ k: 'Tuple', elts, s, e: this.t.lastEnd });
  }

  /**
   * Inside brackets, an expression right after another: CPython's invalid_expression rule
   * ("Perhaps you forgot a comma?", from the first's start to the second's end), but for a
   * name before a string (a misspelt prefix); any other token is the usual "expected ')'".
   */
  private forgotComma(first: Expr): void {
    const starts = (this.t.type === NAME && !KEYWORDS.has(this.t.value)) || this.t.type === NUMBER || ((this.t.type === STRING || this.t.type === FSTRING) && first.k !== 'Name');
    if (!starts) return;
    let second: Expr;
    try {
      second = this.parseStarOrNamed();
    } catch {
      return;
    }
    throw this.error('invalid syntax. Perhaps you forgot a comma?', first.s, second.e);
  }

  // yield_expr: 'yield' 'from' test | 'yield' [testlist_star_expr]
  protected parseYield(): Expr {
    const s = this.t.start;
    this.t.next();
    if (this.eatKw('from')) return this.node({ k: 'YieldFrom', value: this.deeper(LEVEL.yieldFromValue, () => this.parseTest()), s, e: this.t.lastEnd });
    const value = this.atSequenceEnd() ? null : this.deeper(LEVEL.yieldValue, () => this.parseTestListStar());
    return this.node({ k: 'Yield', value, s, e: this.t.lastEnd });
  }

  // '[' [test comp_for | testlist_star] ']'
  protected parseListDisplay(): Expr {
    const s = this.t.start;
    const outer = this.level;
    this.level = outer + LEVEL.display;
    this.reach(s);
    this.t.next();
    const elts: Expr[] = [];
    if (!this.isOp(']')) {
      const first = this.parseStarOrNamed();
      if (this.isKw('for')) {
        const gens = this.parseCompFor(outer + LEVEL.compIter, outer + LEVEL.compIf);
        this.level = outer;
        this.expectOp(']');
        return this.node({ k: 'ListComp', elt: first, gens, s, e: this.t.lastEnd });
      }
      elts.push(first);
      this.level = outer + LEVEL.displayRest;
      while (this.eatOp(',') && !this.isOp(']')) elts.push(this.parseStarOrNamed());
    }
    this.level = outer;
    this.expectOp(']');
    return this.node({ k: 'List', elts, s, e: this.t.lastEnd });
  }

  // dictorsetmaker: (test ':' test | '**' bitor) (comp_for | (',' ...)* [',']) | (test | star_expr) (comp_for | (',' ...)* [','])
  protected parseBraceDisplay(): Expr {
    const s = this.t.start;
    const outer = this.level;
    this.level = outer + LEVEL.display;
    this.reach(s);
    this.t.next();
    if (this.eatOp('}')) {
      this.level = outer;
      return this.node({ k: 'Dict', keys: [], values: [], s, e: this.t.lastEnd });
    }
    if (this.isOp('**') || !this.isOp('*')) {
      const firstKey = this.eatOp('**') ? null : this.parseTest();
      if (firstKey === null || this.isOp(':')) {
        let value: Expr;
        if (firstKey === null) value = this.deeper(LEVEL.displayStarred, () => this.parseBitOr());
        else {
          this.t.next();
          value = this.parseTest();
        }
        if (firstKey !== null && this.isKw('for')) {
          const gens = this.parseCompFor(outer + LEVEL.compIter, outer + LEVEL.compIf);
          this.level = outer;
          this.expectOp('}');
          return this.node({ k: 'DictComp', key: firstKey, value, gens, s, e: this.t.lastEnd });
        }
        const keys: (Expr | null)[] = [firstKey];
        const values = [value];
        this.level = outer + LEVEL.displayRest;
        while (this.eatOp(',') && !this.isOp('}')) {
          if (this.eatOp('**')) {
            keys.push(null);
            values.push(this.deeper(LEVEL.displayStarred, () => this.parseBitOr()));
          } else {
            keys.push(this.parseTest());
            this.expectOp(':');
            values.push(this.parseTest());
          }
        }
        this.level = outer;
        this.expectOp('}');
        return this.node({ k: 'Dict', keys, values, s, e: this.t.lastEnd });
      }
      return this.finishSet(firstKey, s, outer);
    }
    return this.finishSet(this.parseStarOrNamed(), s, outer);
  }

  /** A set display or comprehension after its first item; `outer` is the level of the '{'. */
  protected finishSet(first: Expr, s: number, outer: number): Expr {
    if (this.isKw('for')) {
      const gens = this.parseCompFor(outer + LEVEL.compIter, outer + LEVEL.compIf);
      this.level = outer;
      this.expectOp('}');
      return this.node({ k: 'SetComp', elt: first, gens, s, e: this.t.lastEnd });
    }
    const elts = [first];
    this.level = outer + LEVEL.displayRest;
    while (this.eatOp(',') && !this.isOp('}')) elts.push(this.parseStarOrNamed());
    this.level = outer;
    this.expectOp('}');
    return this.node({ k: 'Set', elts, s, e: this.t.lastEnd });
  }

  /** A target of assignment, `for` or `del`: names, subscripts, attributes, and tuples or lists of them. */
  protected checkTarget(e: Expr, verb: string): Expr {
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

  /** Parses an f-string's body into `out` (see FStringParser). */
  protected abstract parseFString(tok: FStringToken, out: (string | FormattedValue)[], level?: number, from?: number): number;
}

/** What CPython's star_targets take: a name, attribute, subscript, or a starred, tuple or list of them. */
function isTarget(e: Expr): boolean {
  switch (e.k) {
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      return true;
    case 'Starred':
      return isTarget(e.value);
    case 'Tuple':
    case 'List':
      return e.elts.every(isTarget);
  }
  return false;
}

/** `super()` or `super(C, self)`, whose `__init__` a method may call. */
const isSuperCall = (e: Expr): boolean => e.k === 'Call' && e.func.k === 'Name' && e.func.id === 'super';
