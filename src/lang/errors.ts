/**
 * A condition that cannot be compiled: a syntax error, an unsupported construct or a
 * parser limit. It carries the source range; line, column and the caret excerpt are
 * computed only when asked for, so a cached failure costs nothing until it is shown.
 */
export class ConditionError extends Error {
  /** Python's name for it: SyntaxError, IndentationError, or the evaluator's UnsupportedError. */
  readonly type: string;
  readonly source: string;
  readonly start: number;
  readonly end: number;
  constructor(type: string, message: string, source: string, start: number, end = start + 1) {
    super(message);
    this.type = type;
    this.source = source;
    this.start = Math.min(start, source.length);
    this.end = Math.max(this.start + 1, Math.min(end, source.length + 1));
  }

  get line(): number {
    return lineColumn(this.source, this.start).line;
  }

  get column(): number {
    return lineColumn(this.source, this.start).column;
  }

  /** The source line with a caret under the range, as Python prints it. */
  get excerpt(): string {
    const { line, column } = lineColumn(this.source, this.start);
    const text = this.source.split('\n')[line - 1] ?? '';
    const width = Math.max(1, Math.min(this.end - this.start, text.length - column + 1));
    return `${text}\n${' '.repeat(column - 1)}${'^'.repeat(width)}`;
  }

  /** One line, as the service reports it: `SyntaxError: invalid syntax (line 2, column 5)`. */
  describe(): string {
    return `${this.type}: ${this.message} (line ${this.line}, column ${this.column})`;
  }
}

/** 1-based line and column of an offset; columns count UTF-16 units. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
