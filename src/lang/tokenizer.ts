import { ConditionError } from './errors.js';
import type { Limits } from './limits.js';
import { MAX_STR_DIGITS, norm } from './runtime/int/index.js';
import { lookupName } from './runtime/unicode-names.js';
import { cpString } from './runtime/codepoints.js';
import { PyBytes, PyComplex, PyFloat, sharedBytes } from './runtime/values.js';
import { in14 } from './runtime/unicode-14.js';

/** CPython's tokenizer's MAXLEVEL: brackets of every kind nested 200 deep, the 201st refused. */
const MAXLEVEL = 200;
/** CPython's MAXINDENT, counted with the envelope's def: a condition's blocks nest 98 deep. */
const MAXINDENT = 100;

export const EOF = 0;
export const NEWLINE = 1;
export const INDENT = 2;
export const DEDENT = 3;
export const NAME = 4;
export const NUMBER = 5;
export const STRING = 6;
export const FSTRING = 7;
export const OP = 8;
export type TokenType = typeof EOF | typeof NEWLINE | typeof INDENT | typeof DEDENT | typeof NAME | typeof NUMBER | typeof STRING | typeof FSTRING | typeof OP;

export const TOKEN_NAMES = ['end of input', 'newline', 'indent', 'dedent', 'name', 'number', 'string', 'f-string', 'operator'];

/** Operators by length, longest first; a token is the longest one that matches. */
const OPS3 = new Set(['**=', '//=', '>>=', '<<=', '...']);
const OPS2 = new Set(['**', '//', '>>', '<<', '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=', '->', ':=']);
const OPS1 = new Set(['+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '=']);

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

/**
 * The original indented every line of a condition by four spaces to put it inside its
 * envelope function, so the continuation lines of a multi-line string carry four more
 * spaces in CPython. Conditions must answer as they did there.
 */
export function envelopeIndent(text: string): string {
  return text.includes('\n') ? text.replace(/\n/g, '\n    ') : text;
}

/** Where an f-string's text lies in the source, for the parser to split into parts. */
export interface FStringToken {
  body: string;
  bodyStart: number;
  raw: boolean;
}

/**
 * A literal that does not decode (a bad \N{...} or \x escape): CPython decodes a run of
 * adjacent literals once its parser has read the token after them, and reports the error
 * there. The parser does the same.
 */
export class LiteralError extends ConditionError {}

/**
 * Python's tokenizer for one condition. Like acorn's, it keeps the current token in
 * its own fields (type, value, start, end) instead of allocating token objects, and
 * positions stay offsets until an error needs a line and a column.
 *
 * An f-string field `{expr}` is tokenized in place, as acorn's parseExpressionAt does:
 * over the same source, from its '{' to its end, read as if they were '(' and ')' (the
 * field's text is parsed as CPython 3.11 parses it, parenthesized). Nothing is copied.
 */
export class Tokenizer {
  type: TokenType = NEWLINE;
  value: any = null;
  start = 0;
  end = 0;
  /** End of the previous token, for node ranges. */
  lastEnd = 0;

  private pos = 0;
  private atLineStart = true;
  private readonly indents: number[] = [0];
  private pendingDedents = 0;
  private depth = 0;
  /** Where the text ends: the source's end, or one past a field's closing ')'. */
  private readonly limit: number;
  /** A field's '{' and end, read as '(' and ')'; -1 outside fields. */
  private readonly fieldOpen: number;
  private readonly fieldClose: number;

  /** The whole condition, or with `open` and `close` the f-string field between them. */
  constructor(readonly source: string, readonly limits: Limits, open = -1, close = -1) {
    if (source.length > limits.maxSourceLength) {
      throw new ConditionError('SyntaxError', `condition is ${source.length} characters long; the limit is ${limits.maxSourceLength}`, source, limits.maxSourceLength);
    }
    this.fieldOpen = open;
    this.fieldClose = close;
    this.limit = open < 0 ? source.length : close + 1;
    if (open >= 0) {
      this.pos = open;
      this.atLineStart = false;
    }
  }

  /** Where the tokenizer stands, to come back to (the parser looks ahead past a soft keyword: `match`). */
  save(): () => void {
    const { type, value, start, end, lastEnd, pos, atLineStart, pendingDedents, depth } = this;
    const indents = this.indents.slice();
    return () => {
      Object.assign(this, { type, value, start, end, lastEnd, pos, atLineStart, pendingDedents, depth });
      this.indents.splice(0, this.indents.length, ...indents);
    };
  }

  error(message: string, start = this.start, end = this.end, type = 'SyntaxError'): ConditionError {
    return new ConditionError(type, message, this.source, start, end);
  }

  next(): void {
    this.lastEnd = this.end;
    if (this.pendingDedents > 0) {
      this.pendingDedents--;
      this.finish(DEDENT, null, this.pos, this.pos);
      return;
    }
    if (this.atLineStart && this.depth === 0 && this.readIndent()) return;
    this.skipSpace();
    const src = this.source;
    const start = this.pos;
    if (start >= this.limit) {
      this.atEnd();
      return;
    }
    const c = start === this.fieldOpen ? 40 : start === this.fieldClose ? 41 : src.charCodeAt(start);
    switch (c) {
      case 10: // \n, outside brackets (skipSpace passes those inside)
        this.pos++;
        this.atLineStart = true;
        this.finish(NEWLINE, null, start, start + 1);
        return;
      case 34: // "
      case 39: // '
        this.readString(start, start, '');
        return;
      case 40: // (
      case 91: // [
      case 123: // {
        if (++this.depth > MAXLEVEL) throw this.error('too many nested parentheses', start, start + 1);
        this.pos++;
        this.finish(OP, String.fromCharCode(c), start, start + 1);
        return;
      case 41: // )
      case 93: // ]
      case 125: // }
        if (this.depth > 0) this.depth--;
        this.pos++;
        this.finish(OP, String.fromCharCode(c), start, start + 1);
        return;
      case 46: // .
        if (isDigit(src.charCodeAt(start + 1))) {
          this.readNumber(start);
          return;
        }
        break;
    }
    if (isDigit(c)) {
      this.readNumber(start);
      return;
    }
    if (isIdentStart(c, src, start)) {
      let end = start + 1;
      while (end < this.limit && isIdentPart(src.charCodeAt(end), src, end)) end++;
      const word = src.slice(start, end);
      const q = src.charCodeAt(end);
      if ((q === 34 || q === 39) && word.length <= 2 && /^(?:[rRuUfFbB]|[rR][fFbB]|[fFbB][rR])$/.test(word)) {
        this.readString(start, end, word.toLowerCase());
        return;
      }
      this.pos = end;
      this.finish(NAME, word, start, end);
      return;
    }
    for (const [len, set] of [[3, OPS3], [2, OPS2], [1, OPS1]] as const) {
      // an operator stops before a field's end: `{x+=}` is `(x+)`
      if (this.fieldClose >= 0 && start + len > this.fieldClose) continue;
      const op = src.slice(start, start + len);
      if (set.has(op)) {
        this.pos = start + len;
        this.finish(OP, op, start, start + len);
        return;
      }
    }
    throw this.error(c === 33 ? "invalid syntax: '!' is only part of '!='" : `invalid character '${String.fromCodePoint(src.codePointAt(start)!)}'`, start, start + 1);
  }

  private finish(type: TokenType, value: any, start: number, end: number): void {
    this.type = type;
    this.value = value;
    this.start = start;
    this.end = end;
  }

  private atEnd(): void {
    const n = this.limit;
    if (this.type !== NEWLINE && this.type !== DEDENT && this.type !== INDENT) {
      this.atLineStart = true;
      this.finish(NEWLINE, null, n, n);
      return;
    }
    if (this.indents.length > 1) {
      this.indents.pop();
      this.finish(DEDENT, null, n, n);
      return;
    }
    this.finish(EOF, null, n, n);
  }

  /** At the start of a logical line: skip blank lines, then emit INDENT or DEDENT if the depth changed. */
  private readIndent(): boolean {
    const src = this.source;
    for (;;) {
      let col = 0;
      let p = this.pos;
      for (; p < this.limit; p++) {
        const c = src.charCodeAt(p);
        if (c === 32) col++;
        else if (c === 9) col = (col & ~7) + 8;
        else if (c === 12) col = 0;
        else break;
      }
      const c = src.charCodeAt(p);
      if (c === 35) while (p < this.limit && src.charCodeAt(p) !== 10) p++;
      if (p >= this.limit) {
        this.pos = p;
        this.atLineStart = false;
        return false;
      }
      if (src.charCodeAt(p) === 10 || src.charCodeAt(p) === 13) {
        this.pos = p + 1;
        continue;
      }
      this.pos = p;
      this.atLineStart = false;
      const top = this.indents[this.indents.length - 1];
      if (col > top) {
        if (this.indents.length >= MAXINDENT - 1) throw this.error('too many levels of indentation', p, p + 1, 'IndentationError');
        this.indents.push(col);
        this.finish(INDENT, null, p, p);
        return true;
      }
      if (col < top) {
        let dedents = 0;
        while (col < this.indents[this.indents.length - 1]) {
          this.indents.pop();
          dedents++;
        }
        if (col !== this.indents[this.indents.length - 1]) throw this.error('unindent does not match any outer indentation level', p, p + 1, 'IndentationError');
        this.pendingDedents = dedents - 1;
        this.finish(DEDENT, null, p, p);
        return true;
      }
      return false;
    }
  }

  /** Spaces, comments, line continuations, '\r', and newlines inside brackets: a loop, since there may be 100,000. */
  private skipSpace(): void {
    const src = this.source;
    while (this.pos < this.limit) {
      const c = src.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 12 || c === 13 || (c === 10 && this.depth > 0)) this.pos++;
      else if (c === 35) while (this.pos < this.limit && src.charCodeAt(this.pos) !== 10) this.pos++;
      else if (c === 92 && (src.charCodeAt(this.pos + 1) === 10 || (src.charCodeAt(this.pos + 1) === 13 && src.charCodeAt(this.pos + 2) === 10))) {
        this.pos += src.charCodeAt(this.pos + 1) === 13 ? 3 : 2;
        if (this.pos >= this.limit) throw this.error('unexpected end of input after line continuation', this.pos - 1, this.pos);
      } else break;
    }
  }

  private readNumber(start: number): void {
    const src = this.source;
    const rest = src.slice(start, this.limit);
    let m = /^0[xX](?:_?[0-9a-fA-F])+|^0[oO](?:_?[0-7])+|^0[bB](?:_?[01])+/.exec(rest);
    if (m !== null) {
      const text = m[0].replace(/_/g, '').toLowerCase();
      this.finishNumber(start, m[0].length, BigInt(text));
      return;
    }
    m = /^(?:\d(?:_?\d)*)?(?:\.(?:\d(?:_?\d)*)?)?(?:[eE][+-]?\d(?:_?\d)*)?/.exec(rest)!;
    if (m[0] === '' || m[0] === '.') throw this.error('invalid decimal literal', start, start + 1);
    const isFloat = /[.eE]/.test(m[0]);
    const clean = m[0].replace(/_/g, '');
    const j = src.charCodeAt(start + m[0].length);
    if (j === 106 || j === 74) {
      // an imaginary literal: a float's digits (09j included) and a j
      const end = start + m[0].length + 1;
      if (isIdentStart(src.charCodeAt(end), src, end)) throw this.error('invalid imaginary literal', start, end + 1);
      this.pos = end;
      this.finish(NUMBER, new PyComplex(0, Number(clean)), start, end);
      return;
    }
    if (!isFloat && clean.length > 1 && clean[0] === '0' && /[1-9]/.test(clean)) {
      throw this.error('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', start, start + m[0].length);
    }
    // CPython's words for a decimal past int()'s limit, which converting it would hit
    if (!isFloat && clean.length > MAX_STR_DIGITS) {
      throw this.error(`Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${clean.length} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.`, start, start + m[0].length);
    }
    this.finishNumber(start, m[0].length, isFloat ? new PyFloat(Number(clean)) : BigInt(clean));
  }

  /** An int literal arrives as a BigInt and becomes an Int: a number while it is a safe integer. */
  private finishNumber(start: number, length: number, literal: bigint | PyFloat): void {
    const end = start + length;
    const after = this.source.charCodeAt(end);
    if (isIdentStart(after, this.source, end)) throw this.error('invalid decimal literal', start, end + 1);
    const value = typeof literal === 'bigint' ? norm(literal) : literal;
    this.pos = end;
    this.finish(NUMBER, value, start, end);
  }

  private readString(start: number, quoteAt: number, prefix: string): void {
    const src = this.source;
    const q = src[quoteAt];
    const triple = src.startsWith(q + q + q, quoteAt);
    const delim = triple ? q + q + q : q;
    const bodyStart = quoteAt + delim.length;
    let p = bodyStart;
    for (;;) {
      if (p >= this.limit) throw this.error(triple ? 'unterminated triple-quoted string literal' : 'unterminated string literal', start, p);
      const c = src.charCodeAt(p);
      if (c === 92) {
        p += 2;
        continue;
      }
      if (!triple && c === 10) throw this.error('unterminated string literal', start, p);
      if (src.startsWith(delim, p)) break;
      p++;
    }
    const body = src.slice(bodyStart, p);
    this.pos = p + delim.length;
    const raw = prefix.includes('r');
    if (prefix.includes('f')) {
      const token: FStringToken = { body, bodyStart, raw };
      this.finish(FSTRING, token, start, this.pos);
      return;
    }
    const indented = envelopeIndent(body);
    const bytes = prefix.includes('b');
    let value: string | PyBytes | LiteralError;
    try {
      value = bytes ? this.bytesLiteral(indented, raw, start) : raw ? indented : this.unescape(indented, bodyStart);
    } catch (e) {
      if (!(e instanceof LiteralError)) throw e;
      value = e;
    }
    this.finish(STRING, value, start, this.pos);
  }

  /** b'...': ASCII characters only; \x, octal and the simple escapes, but not \u, \U or \N, which stay as written. */
  private bytesLiteral(body: string, raw: boolean, start: number): PyBytes {
    if (/[^\x00-\x7f]/.test(body)) throw this.error('bytes can only contain ASCII literal characters', start, this.pos);
    const text = raw ? body : this.unescape(body, start, true);
    // made from octets, as CPython's compiler makes it: b'' and one octet are its shared objects
    return sharedBytes(Uint8Array.from(text, (c) => c.charCodeAt(0)));
  }

  /**
   * Backslash escapes of a non-raw string literal (of bytes, where \u, \U and \N are no
   * escapes); `offset` is where the text starts, for errors.
   */
  unescape(body: string, offset: number, bytes = false): string {
    if (!body.includes('\\')) return body;
    let out = '';
    for (let i = 0; i < body.length; i++) {
      const ch = body[i];
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = body[++i];
      if (e === undefined) {
        out += '\\';
        break;
      }
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        continue;
      }
      if (e === '\r' && body[i + 1] === '\n') {
        i++;
        continue;
      }
      if (e === 'x' || (!bytes && (e === 'u' || e === 'U'))) {
        const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = /^[0-9a-fA-F]*/.exec(body.slice(i + 1, i + 1 + n))![0];
        const at = offset + i - 1;
        // the codecs' words: CPython decodes a literal once its parser has read on (see LiteralError)
        if (hex.length < n && bytes) throw new LiteralError('SyntaxError', `(value error) invalid \\x escape at position ${i - 1}`, this.source, at);
        if (hex.length < n) throw new LiteralError('SyntaxError', codecError(body, i - 1, i + 1 + hex.length, `truncated \\${e}${'X'.repeat(n)} escape`), this.source, at);
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) throw new LiteralError('SyntaxError', codecError(body, i - 1, i + 1 + n, 'illegal Unicode character'), this.source, at);
        out += cpString(code);
        i += n;
        continue;
      }
      if (e >= '0' && e <= '7') {
        const oct = /^[0-7]{1,3}/.exec(body.slice(i))![0];
        out += cpString(parseInt(oct, 8));
        i += oct.length - 1;
        continue;
      }
      if (e === 'N' && !bytes) {
        const named = namedEscape(body, i - 1);
        if (typeof named === 'string') throw new LiteralError('SyntaxError', named, this.source, offset + i - 1, offset + i + 1);
        out += cpString(named[0]);
        i = named[1] - 1;
        continue;
      }
      out += '\\' + e;
    }
    return out;
  }
}

/**
 * The \N{name} escape whose backslash is at body[at], as CPython's unicodeescape codec reads
 * it: [code point, where it ends], or the SyntaxError's message. The codec's positions count
 * the bytes of the text the parser gives it, where a character beyond ASCII is spelt
 * \U0000XXXX (10 bytes), and a backslash before one \u005c (6).
 */
function namedEscape(body: string, at: number): [number, number] | string {
  let message = 'malformed \\N character escape';
  let end = at + 2;
  if (body[end] === '{') {
    const close = body.indexOf('}', end + 1);
    if (close < 0) end = body.length;
    else if (close === end + 1) end = close;
    else {
      const found = lookupName(body.slice(end + 1, close), false);
      if (typeof found === 'number') return [found, close + 1];
      message = 'unknown Unicode character name';
      end = close + 1;
    }
  }
  return codecError(body, at, end, message);
}

/** The unicodeescape codec's error for body[start:end], as the parser words it. */
function codecError(body: string, start: number, end: number, message: string): string {
  const from = codecPosition(body, start);
  const to = codecPosition(body, end) - 1;
  const where = to === from ? `byte 0x5c in position ${from}` : `bytes in position ${from}-${to}`;
  return `(unicode error) 'unicodeescape' codec can't decode ${where}: ${message}`;
}

/** Where body[i] lands in the bytes CPython's parser hands the unicodeescape codec. */
function codecPosition(body: string, i: number): number {
  let n = 0;
  for (let k = 0; k < i; k++) {
    const c = body.charCodeAt(k);
    if (c === 92) {
      // the parser copies a backslash with the ASCII character after it, or adds u005c
      if (body.charCodeAt(k + 1) >= 0x80) n += 6;
      else if (k + 1 < i) {
        n += 2;
        k++;
      } else n++;
    } else if (c < 0x80) n++;
    else if ((c & 0xfc00) !== 0xd800 || (body.charCodeAt(k + 1) & 0xfc00) !== 0xdc00) n += 10;
  }
  return n;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const ID_START = new RegExp(in14('\\p{ID_Start}'), 'v');
const ID_CONTINUE = new RegExp(in14('\\p{ID_Continue}'), 'v');

function isIdentStart(c: number, src: string, at: number): boolean {
  if (c >= 97 && c <= 122) return true; // a-z
  if (c >= 65 && c <= 90) return true; // A-Z
  if (c === 95) return true; // _
  return c > 127 && ID_START.test(String.fromCodePoint(src.codePointAt(at)!));
}

function isIdentPart(c: number, src: string, at: number): boolean {
  if (isIdentStart(c, src, at) || isDigit(c)) return true;
  return c > 127 && ID_CONTINUE.test(String.fromCodePoint(src.codePointAt(at)!));
}
