/**
 * Where each value of a JSON text is, so that a condition's position can be reported in
 * the file and not only in the condition. The text was parsed already (and refused, with
 * CPython's message, if it was not JSON), so this only walks it; JSON.parse gives no
 * positions, and the yaml package, which does, reads JSON as YAML (other rules for long
 * keys and escapes).
 */
export interface Span {
  /** The value's first character and the character after it. */
  start: number;
  end: number;
  /** An array's elements. */
  items?: Span[];
  /** An object's members by decoded key; a repeated key keeps its last value, as json.loads does. */
  members?: Map<string, Span>;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The spans of the JSON value starting at or after `from` in `text`, which must be valid JSON. */
export function spans(text: string, from = 0): Span {
  let i = from;
  const ws = () => {
    while (isSpace(text.charCodeAt(i))) i++;
  };
  const string = (): number => {
    const start = i++;
    for (let c = text.charCodeAt(i); c !== 34 && i < text.length; c = text.charCodeAt(i)) i += c === 92 ? 2 : 1;
    i++;
    return start;
  };
  // depth is bounded by the parser that accepted the text (512 levels)
  const value = (): Span => {
    ws();
    // only a text that is not JSON ends early: a bug of the caller, never a loop without end
    if (i >= text.length) throw new Error('json-spans: the text ended inside a value');
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 34) {
      string();
      return { start, end: i };
    }
    if (c === 91) {
      i++;
      const items: Span[] = [];
      ws();
      if (text.charCodeAt(i) === 93) i++;
      else {
        for (;;) {
          items.push(value());
          ws();
          if (text.charCodeAt(i++) === 93) break;
        }
      }
      return { start, end: i, items };
    }
    if (c === 123) {
      i++;
      const members = new Map<string, Span>();
      ws();
      if (text.charCodeAt(i) === 125) i++;
      else {
        for (;;) {
          ws();
          const keyStart = string();
          const key = JSON.parse(text.slice(keyStart, i)) as string;
          ws();
          i++; // ':'
          members.set(key, value());
          ws();
          if (text.charCodeAt(i++) === 125) break;
        }
      }
      return { start, end: i, members };
    }
    // a number, true, false or null
    while (i < text.length && !isSpace(text.charCodeAt(i)) && !',]}'.includes(text[i])) i++;
    return { start, end: i };
  };
  return value();
}

/**
 * The offset in `text` of the character at `offset` in the decoded string `token`: every
 * escape decodes to one UTF-16 unit (a pair of \u escapes to two), so the walk is exact.
 */
export function rawOffset(text: string, token: Span, offset: number): number {
  let i = token.start + 1;
  for (let d = 0; d < offset && i < token.end - 1; d++) i += text.charCodeAt(i) !== 92 ? 1 : text.charCodeAt(i + 1) === 117 ? 6 : 2;
  return i;
}
