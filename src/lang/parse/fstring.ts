import type { Expr, FormattedValue } from '../ast.js';
import { ConditionError } from '../errors.js';
import { EOF, NEWLINE, Tokenizer, envelopeIndent, type FStringToken, type TokenType } from '../tokenizer.js';
import { ExpressionParser } from './expression.js';
import { LEVEL } from './parser-stack.js';

/** F-strings: their text and {fields}, each field's expression parsed where it stands. */
export class FStringParser extends ExpressionParser {
  /**
   * Splits an f-string's body into literal text and {fields}, appended to `out`, from
   * `from` on; each field's expression is parsed in place. A format spec (`level` 1 or
   * more) ends at its first unmatched '}': where it stops is returned.
   */
  protected parseFString(tok: FStringToken, out: (string | FormattedValue)[], level = 0, from = 0): number {
    const { body, bodyStart: base } = tok;
    let textStart = from;
    const flush = (end: number): void => {
      if (end === textStart) return;
      let text = '';
      // CPython decodes the text up to each doubled brace's first on its own: the positions
      // in its unicodeescape errors start again there
      for (let at = textStart; at < end; ) {
        let k = at;
        while (k < end && !(body[k] === body[k + 1] && (body[k] === '{' || body[k] === '}'))) k = tok.raw ? k + 1 : skipEscape(body, k);
        const piece = envelopeIndent(body.slice(at, Math.min(k + 1, end)));
        text += tok.raw ? piece : this.t.unescape(piece, base + at);
        at = k + 2;
      }
      if (text !== '') out.push(text);
    };
    let i = from;
    while (i < body.length) {
      const ch = body[i];
      // an escape is skipped, but as in CPython a backslash does not hide a brace after it
      if (ch === '\\' && !tok.raw) {
        i = skipEscape(body, i);
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
  protected parseField(tok: FStringToken, open: number, level: number): { value: FormattedValue; end: number } {
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
  protected parseEmbedded(open: number, close: number): Expr {
    try {
      const sub = new FStringParser(this.source, this.limits, new Tokenizer(this.source, this.limits, open, close));
      // CPython 3.11 parses a field with a parser of its own, as `(expr)`: at one level wherever it stands
      sub.level = LEVEL.fstringField - LEVEL.paren;
      sub.lambdas = this.lambdas;
      sub.nodes = this.nodes;
      const e = sub.parseAtom();
      if ((sub.t.type as TokenType) !== NEWLINE && sub.t.type !== EOF) sub.unexpected();
      this.nodes = sub.nodes;
      return e;
    } catch (err) {
      // CPython's bare MemoryError has no words to prefix
      if (err instanceof ConditionError && err.type !== 'MemoryError') throw new ConditionError(err.type, `f-string: ${err.message}`, this.source, err.start, err.end);
      throw err;
    }
  }
}

/**
 * Past the character at i, or past the escape it starts, as CPython's fstring_find_literal
 * skips it: a backslash does not hide a brace after it, and \N{name}'s braces are no
 * field's (it skips to the '}', and takes the character after \N whatever it is).
 */
function skipEscape(body: string, i: number): number {
  if (body[i] !== '\\') return i + 1;
  const e = body[i + 1];
  if (e === '{' || e === '}') return i + 1;
  if (e !== 'N') return i + 2;
  if (body[i + 2] !== '{') return i + 3;
  const close = body.indexOf('}', i + 3);
  return close < 0 ? body.length : close + 1;
}
