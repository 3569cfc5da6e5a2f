/** Lines of a text: positions as 1-based line and column (UTF-16 units, as the compiler counts), and excerpts. */
export class LineIndex {
  /** Where each line starts. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  /** The line holding `offset` with a caret under it; a long line (NDJSON) is cut to the part around it. */
  excerpt(offset: number, width = 1): string {
    const { line, column } = this.position(offset);
    const start = this.starts[line - 1];
    const end = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    let from = start;
    let to = end;
    const WINDOW = 100;
    if (end - start > WINDOW) {
      from = Math.max(start, start + column - 1 - 40);
      to = Math.min(end, from + WINDOW);
    }
    const prefix = from > start ? '...' : '';
    const text = prefix + this.text.slice(from, to).replace(/\r$/, '') + (to < end ? '...' : '');
    const caret = Math.max(1, Math.min(width, to - (start + column - 1)));
    return `${text}\n${' '.repeat(prefix.length + start + column - 1 - from)}${'^'.repeat(caret)}`;
  }
}
