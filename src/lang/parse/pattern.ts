import { patternNames, type Expr, type MatchCase, type Pattern, type Stmt } from '../ast.js';
import { ConditionError } from '../errors.js';
import { DEDENT, EOF, INDENT, NAME, NEWLINE, NUMBER, OP, STRING, type TokenType } from '../tokenizer.js';
import { PyComplex } from '../runtime/values.js';
import { FStringParser } from './fstring.js';
import { BODY, LEVEL } from './parser-stack.js';
import { KEYWORDS } from './state.js';

/** `match` and its `case` patterns (PEP 634), with CPython 3.11's refusals. */
export abstract class PatternParser extends FStringParser {
  protected abstract parseBlock(body: number): Stmt[];

  /**
   * `match` is a soft keyword: `match(x)` and `match = 1` are ordinary statements. The
   * header is tried, and if it is not `match subject:` and a newline, the tokens are read
   * again as a statement (null).
   */
  protected tryParseMatch(): Stmt | null {
    const s = this.t.start;
    const restore = this.t.save();
    const { nodes, level } = this;
    let subject: Expr;
    try {
      this.t.next();
      if (this.isOp('=') || this.isOp('.') || this.t.type === NEWLINE || this.t.type === EOF) throw null;
      subject = this.deeper(LEVEL.matchSubject, () => this.parseSubject());
      if (!this.isOp(':')) throw null;
      this.t.next();
      if ((this.t.type as TokenType) !== NEWLINE) throw null;
    } catch (err) {
      // CPython's parser gives up at once past its stack, whatever else it would try (state.ts)
      if (err instanceof ConditionError && err.type === 'MemoryError') throw err;
      restore();
      this.nodes = nodes;
      this.level = level;
      return null;
    }
    this.t.next();
    if ((this.t.type as TokenType) !== INDENT) throw this.error('expected an indented block', this.t.start, this.t.start + 1, 'IndentationError');
    this.t.next();
    const cases: MatchCase[] = [];
    while ((this.t.type as TokenType) !== DEDENT && (this.t.type as TokenType) !== EOF) {
      if (!this.isKw('case')) this.unexpected("'case'");
      cases.push(this.parseCase());
    }
    this.t.next();
    // an irrefutable pattern without a guard must be the last case
    cases.forEach((c, i) => {
      const why = i < cases.length - 1 && c.guard === null ? irrefutable(c.pattern) : null;
      if (why !== null) throw this.error(`${why} makes remaining patterns unreachable`, c.pattern.s, c.pattern.e);
    });
    return this.node({ k: 'Match', subject, cases, s, e: this.t.lastEnd });
  }

  // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
  protected parseSubject(): Expr {
    const s = this.t.start;
    const first = this.parseStarOrNamed();
    if (!this.isOp(',')) {
      if (first.k === 'Starred') throw this.error('cannot use starred expression here', first.s, first.e);
      return first;
    }
    const elts = [first];
    while (this.eatOp(',') && !this.isOp(':')) elts.push(this.parseStarOrNamed());
    return this.node({ k: 'Tuple', elts, s, e: this.t.lastEnd });
  }

  // case_block: 'case' patterns guard? ':' block
  protected parseCase(): MatchCase {
    const s = this.t.start;
    this.t.next();
    const pattern = this.parsePatterns();
    const names = patternNames(pattern);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) throw this.error(`multiple assignments to name '${dup}' in pattern`, pattern.s, pattern.e);
    const guard = this.eatKw('if') ? this.deeper(LEVEL.caseGuard, () => this.parseNamed()) : null;
    const body = this.parseBlock(BODY.case);
    return this.node({ k: 'MatchCase', pattern, guard, body, s, e: this.t.lastEnd });
  }

  // patterns: open_sequence_pattern | pattern
  protected parsePatterns(): Pattern {
    const s = this.t.start;
    const first = this.parseMaybeStar();
    if (!this.isOp(',')) {
      if (first.k === 'MatchStar') throw this.error('can use starred expression only as assignment target', first.s, first.e);
      return first;
    }
    const patterns = [first];
    while (this.eatOp(',') && !this.isOp(':') && !this.isKw('if')) patterns.push(this.parseMaybeStar());
    return this.sequence(patterns, s);
  }

  protected sequence(patterns: Pattern[], s: number): Pattern {
    if (patterns.filter((p) => p.k === 'MatchStar').length > 1) throw this.error('multiple starred names in sequence pattern', s, this.t.lastEnd);
    return this.node({ k: 'MatchSequence', patterns, s, e: this.t.lastEnd });
  }

  // maybe_star_pattern: '*' NAME | pattern
  protected parseMaybeStar(): Pattern {
    const s = this.t.start;
    if (!this.eatOp('*')) return this.parsePattern();
    const name = this.captureName();
    return this.node({ k: 'MatchStar', name, s, e: this.t.lastEnd });
  }

  // pattern: or_pattern ['as' NAME]
  protected parsePattern(): Pattern {
    const s = this.t.start;
    const p = this.parseOrPattern();
    if (!this.eatKw('as')) return p;
    if (this.isKw('_')) throw this.error("cannot use '_' as a target");
    if (this.t.type !== NAME || KEYWORDS.has(this.t.value)) throw this.error('invalid pattern target');
    const name = this.name();
    return this.node({ k: 'MatchAs', pattern: p, name, s, e: this.t.lastEnd });
  }

  // or_pattern: '|'.closed_pattern+
  protected parseOrPattern(): Pattern {
    const s = this.t.start;
    const first = this.parseClosedPattern();
    if (!this.isOp('|')) return first;
    const patterns = [first];
    while (this.eatOp('|')) patterns.push(this.parseClosedPattern());
    const names = patternNames(patterns[0]).sort().join(',');
    patterns.forEach((p, i) => {
      const why = i < patterns.length - 1 ? irrefutable(p) : null;
      if (why !== null) throw this.error(`${why} makes remaining patterns unreachable`, p.s, p.e);
      if (patternNames(p).sort().join(',') !== names) throw this.error('alternative patterns bind different names', s, this.t.lastEnd);
    });
    return this.node({ k: 'MatchOr', patterns, s, e: this.t.lastEnd });
  }

  // closed_pattern: literal | capture | wildcard | value | group | sequence | mapping | class
  protected parseClosedPattern(): Pattern {
    const s = this.t.start;
    const { type, value } = this.t;
    if (type === OP && value === '(') {
      this.t.next();
      if (this.eatOp(')')) return this.sequence([], s);
      const first = this.parseMaybeStar();
      if (!this.isOp(',')) {
        this.expectOp(')');
        if (first.k === 'MatchStar') throw this.error('can use starred expression only as assignment target', first.s, first.e);
        return first;
      }
      const patterns = [first];
      while (this.eatOp(',') && !this.isOp(')')) patterns.push(this.parseMaybeStar());
      this.expectOp(')');
      return this.sequence(patterns, s);
    }
    if (type === OP && value === '[') {
      this.t.next();
      const patterns: Pattern[] = [];
      while (!this.isOp(']')) {
        patterns.push(this.parseMaybeStar());
        if (!this.eatOp(',')) break;
      }
      this.expectOp(']');
      return this.sequence(patterns, s);
    }
    if (type === OP && value === '{') return this.parseMappingPattern();
    if (type === NAME && !KEYWORDS.has(value)) {
      const target = this.parseNameOrAttr();
      if (this.isOp('(')) return this.parseClassPattern(target, s);
      if (target.k === 'Attribute') return this.node({ k: 'MatchValue', value: target, s, e: this.t.lastEnd });
      const name = (target as { id: string }).id;
      this.nodes--; // the name is no node of the tree: the pattern is
      return this.node({ k: 'MatchAs', pattern: null, name: name === '_' ? null : name, s, e: this.t.lastEnd });
    }
    if (type === NAME && (value === 'None' || value === 'True' || value === 'False')) {
      this.t.next();
      return this.node({ k: 'MatchSingleton', value: value === 'None' ? null : value === 'True', s, e: this.t.lastEnd });
    }
    const literal = this.parseLiteral();
    return this.node({ k: 'MatchValue', value: literal, s, e: this.t.lastEnd });
  }

  /** A name or a dotted name: `x`, `_`, `Color.RED`, `re.I`. */
  protected parseNameOrAttr(): Expr {
    const s = this.t.start;
    let e: Expr = this.node({ k: 'Name', id: this.name(), s, e: this.t.lastEnd });
    while (this.eatOp('.')) {
      const as = this.t.start;
      if (this.t.type !== NAME) this.unexpected('an attribute name');
      const attr: string = this.t.value;
      this.checkName(attr, as, this.t.end);
      this.t.next();
      e = this.node({ k: 'Attribute', value: e, attr, s, e: this.t.lastEnd });
    }
    return e;
  }

  /** `*rest` or `**rest`'s name; `_` binds nothing. */
  protected captureName(): string | null {
    const name = this.name();
    return name === '_' ? null : name;
  }

  // literal_pattern: signed_number | complex_number | strings (no f-strings)
  protected parseLiteral(): Expr {
    const s = this.t.start;
    if (this.isOp('-')) {
      this.t.next();
      if (this.t.type !== NUMBER) this.unexpected('a number');
      const operand = this.parseAtom();
      return this.complexLiteral(this.node({ k: 'Unary', op: '-', operand, s, e: this.t.lastEnd }), operand);
    }
    if (this.t.type === NUMBER) {
      const e = this.parseAtom();
      return this.complexLiteral(e, e);
    }
    if (this.t.type === STRING) {
      const e = this.parseAtom();
      if (e.k !== 'Const') throw this.error('patterns may only match literals and attribute lookups', e.s, e.e);
      return e;
    }
    if (this.t.type !== NAME && this.t.type !== OP) this.unexpected('a pattern');
    if (this.t.type === OP && this.t.value === '*') throw this.error('can use starred expression only as assignment target');
    return this.unexpected('a pattern');
  }

  // complex_number: signed_real_number ('+' | '-') imaginary_number
  private complexLiteral(real: Expr, number: Expr): Expr {
    if (!this.isOp('+') && !this.isOp('-')) return real;
    const op: string = this.t.value;
    if (number.k === 'Const' && number.v instanceof PyComplex) throw this.error('real number required in complex literal', number.s, number.e);
    this.t.next();
    if (this.t.type !== NUMBER) this.unexpected('a number');
    const imag = this.parseAtom();
    if (!(imag.k === 'Const' && imag.v instanceof PyComplex)) throw this.error('imaginary number required in complex literal', imag.s, imag.e);
    return this.node({ k: 'BinOp', op, left: real, right: imag, s: real.s, e: this.t.lastEnd });
  }

  // mapping_pattern: '{' [(key ':' pattern) ',' ...] ['**' NAME] '}'
  protected parseMappingPattern(): Pattern {
    const s = this.t.start;
    this.t.next();
    const keys: Expr[] = [];
    const patterns: Pattern[] = [];
    let rest: string | null = null;
    const seen = new Set<string>();
    while (!this.isOp('}')) {
      if (this.eatOp('**')) {
        rest = this.name();
        this.eatOp(',');
        if (!this.isOp('}')) throw this.error('double star pattern must be last in a mapping pattern');
        break;
      }
      const ks = this.t.start;
      const key =
        this.t.type === NAME && !['None', 'True', 'False'].includes(this.t.value)
          ? this.parseNameOrAttr()
          : this.t.type === NAME
            ? this.parseAtom()
            : this.parseLiteral();
      if (key.k === 'Name') throw this.error('mapping pattern keys may only match literals and attribute lookups', ks, this.t.lastEnd);
      if (key.k === 'Const' || key.k === 'Unary') {
        const text = this.source.slice(key.s, key.e);
        if (seen.has(text)) throw this.error(`mapping pattern checks duplicate key (${text})`, ks, this.t.lastEnd);
        seen.add(text);
      }
      this.expectOp(':');
      keys.push(key);
      patterns.push(this.parsePattern());
      if (!this.eatOp(',')) break;
    }
    this.expectOp('}');
    return this.node({ k: 'MatchMapping', keys, patterns, rest, s, e: this.t.lastEnd });
  }

  // class_pattern: name_or_attr '(' [patterns] [keyword patterns] ')'
  protected parseClassPattern(cls: Expr, s: number): Pattern {
    this.t.next();
    const patterns: Pattern[] = [];
    const kwdAttrs: string[] = [];
    const kwdPatterns: Pattern[] = [];
    while (!this.isOp(')')) {
      const ps = this.t.start;
      const restore = this.t.save();
      let keyword: string | null = null;
      if (this.t.type === NAME && !KEYWORDS.has(this.t.value)) {
        const name: string = this.t.value;
        this.t.next();
        if (this.isOp('=')) keyword = name;
        else restore();
      }
      if (keyword !== null) {
        this.checkName(keyword, ps, this.t.lastEnd);
        this.t.next();
        if (kwdAttrs.includes(keyword)) throw this.error(`attribute name repeated in class pattern: ${keyword}`, ps, this.t.lastEnd);
        kwdAttrs.push(keyword);
        kwdPatterns.push(this.parsePattern());
      } else {
        const p = this.parsePattern();
        if (kwdAttrs.length > 0) throw this.error('positional patterns follow keyword patterns', p.s, p.e);
        patterns.push(p);
      }
      if (!this.eatOp(',')) break;
    }
    this.expectOp(')');
    return this.node({ k: 'MatchClass', cls, patterns, kwdAttrs, kwdPatterns, s, e: this.t.lastEnd });
  }
}

/** Why a pattern matches anything (CPython's words), or null: a capture, a wildcard, or an OR holding one. */
function irrefutable(p: Pattern): string | null {
  if (p.k === 'MatchAs') return p.pattern === null ? (p.name === null ? 'wildcard' : `name capture '${p.name}'`) : irrefutable(p.pattern);
  if (p.k === 'MatchOr') return p.patterns.map(irrefutable).find((w) => w !== null) ?? null;
  return null;
}
