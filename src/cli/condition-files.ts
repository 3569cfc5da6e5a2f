import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { describeException, getitem, JsonSyntaxError, le, len, parseJson, PyDict, PyException, typeName, type ConditionKind, type Py } from '../lang/index.js';
import { toJson } from '../service/response-json.js';
import { rawOffset, spans, type Span } from './json-spans.js';
import { LineIndex } from './line-index.js';

/** Larger files are refused rather than read: a rule file is kilobytes. */
export const MAX_FILE_BYTES = 64 * 2 ** 20;

/** A condition found in a file, with the way back from a position in it to one in the file. */
export interface FoundCondition {
  kind: ConditionKind;
  source: string;
  /** The offset in the file of the character at `offset` in `source`. */
  at(offset: number): number;
  /** The context of the /eval body it came with, if any. */
  context: Py | undefined;
}

/** Something wrong at a place in a file. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  type: string;
  message: string;
  /** The line with a caret under the place, or null when the problem has no place within the condition. */
  excerpt: string | null;
}

/** A file read: its text (for positions) and what it holds. */
export interface ConditionFile {
  path: string;
  lines: LineIndex;
  conditions: FoundCondition[];
  problems: Problem[];
}

export const FILE_KINDS = '.py (one condition), .json (an array of condition objects, or an /eval, /eval-launch or /eval/batch body) or .ndjson/.jsonl (one body a line)';

/** Reads a file whose text is UTF-8 and at most MAX_FILE_BYTES, or says why not as a Problem. */
export function readText(path: string): string | Problem {
  const refuse = (message: string): Problem => ({ file: path, line: 1, column: 1, type: 'FileError', message, excerpt: null });
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return refuse(`file is over ${MAX_FILE_BYTES} bytes, the most a rule file may be`);
    bytes = readFileSync(path);
  } catch (err) {
    return refuse(`cannot read the file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstBadByte(bytes);
    // the BOM is not part of the text, as TextDecoder reads it
    const before = bad.before.startsWith('\ufeff') ? bad.before.slice(1) : bad.before;
    return { ...refuse(`file is not valid UTF-8 (first bad byte at offset ${bad.offset})`), ...new LineIndex(before).position(before.length) };
  }
}

/**
 * Where a file stops being UTF-8, and its text before that. Node's lenient decoding puts
 * one U+FFFD for each bad sequence; up to the first, every character's UTF-8 length is known.
 */
function firstBadByte(bytes: Buffer): { offset: number; before: string } {
  const text = bytes.toString('utf8');
  let offset = 0;
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // a U+FFFD the file itself holds is the three bytes EF BF BD
    if (cp === 0xfffd && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) break;
    offset += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  return { offset, before: text.slice(0, i) };
}

/** The conditions of one file, by its extension; `pyKind` is what a .py file holds. */
export function readConditionFile(path: string, pyKind: ConditionKind): ConditionFile {
  const text = readText(path);
  if (typeof text !== 'string') return { path, lines: new LineIndex(''), conditions: [], problems: [text] };
  const file = new Reader(path, text);
  const ext = extname(path).toLowerCase();
  if (ext === '.py') file.conditions.push({ kind: pyKind, source: text, at: (o) => o, context: undefined });
  else if (ext === '.json') file.json(0, text.length);
  else if (ext === '.ndjson' || ext === '.jsonl') {
    for (let start = 0; start <= text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (text.slice(start, end).trim() !== '') file.json(start, end);
      start = end + 1;
    }
  } else file.problem(0, 'FileError', `unknown kind of file '${ext}': expected ${FILE_KINDS}`);
  return file;
}

/** Conditions and problems of one file, found as its JSON values are walked. */
class Reader implements ConditionFile {
  readonly conditions: FoundCondition[] = [];
  readonly problems: Problem[] = [];
  readonly lines: LineIndex;

  constructor(
    readonly path: string,
    private readonly text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  problem(offset: number, type: string, message: string, excerpt: string | null = this.lines.excerpt(offset)): void {
    const { line, column } = this.lines.position(offset);
    this.problems.push({ file: this.path, line, column, type, message, excerpt });
  }

  /** The JSON text from start to end: an array of conditions, one condition, or a body. */
  json(start: number, end: number): void {
    let value: Py;
    try {
      value = parseJson(this.text.slice(start, end));
    } catch (err) {
      if (!(err instanceof JsonSyntaxError)) throw err;
      return this.problem(start + err.pos, 'JSONDecodeError', err.message);
    }
    const span = spans(this.text, start);
    if (Array.isArray(value)) value.forEach((c, i) => this.condition(c, span.items![i], undefined));
    else if (value instanceof PyDict && value.has('payloads') && Array.isArray(value.get('payloads'))) {
      const payloads = span.members!.get('payloads')!;
      (value.get('payloads') as Py[]).forEach((p, i) => this.payload(p, payloads.items![i], `payloads[${i}]`));
    } else if (value instanceof PyDict && value.has('payload')) this.payload(value.get('payload'), span.members!.get('payload')!, 'payload');
    else if (value instanceof PyDict && value.has('type')) this.condition(value, span, undefined);
    else this.problem(span.start, 'FormatError', 'expected an array of condition objects, a condition object, or an /eval, /eval-launch or /eval/batch body');
  }

  private payload(p: Py, span: Span, path: string): void {
    if (!(p instanceof PyDict)) return this.problem(span.start, 'FormatError', `${path} must be an object, not ${typeName(p)}`);
    const members = span.members!;
    if (p.has('launchCondition')) {
      const source = p.get('launchCondition');
      const token = members.get('launchCondition')!;
      if (typeof source !== 'string') this.problem(token.start, 'FormatError', `${path}.launchCondition must be a string, not ${typeName(source)}`);
      else this.conditions.push({ kind: 'launch', source, at: (o) => rawOffset(this.text, token, o), context: undefined });
    }
    const conditions = p.get('conditions');
    if (Array.isArray(conditions)) {
      const context = p.get('context');
      conditions.forEach((c, i) => this.condition(c, members.get('conditions')!.items![i], context instanceof PyDict ? context : undefined));
    } else if (conditions !== undefined) this.problem(members.get('conditions')!.start, 'FormatError', `${path}.conditions must be an array, not ${typeName(conditions)}`);
    else if (!p.has('launchCondition')) this.problem(span.start, 'FormatError', `${path} has neither "conditions" nor "launchCondition"`);
  }

  /**
   * A condition object, read as the evaluator reads it: each field the original would
   * read, with the error CPython raised there ("KeyError: 'text'").
   */
  private condition(c: Py, span: Span, context: Py | undefined): void {
    try {
      const type = getitem(c, 'type');
      if (type === 'Standard' || type === 'Timed') {
        const source = getitem(c, 'text');
        const token = span.members!.get('text')!;
        if (typeof source !== 'string') return this.problem(token.start, 'TypeError', `condition text must be str, not ${typeName(source)}`);
        getitem(c, 'numeration');
        // the original compares the time taken with it: CPython's TypeError if it cannot
        if (type === 'Timed') le(0, getitem(c, 'timeRange'));
        this.conditions.push({ kind: 'standard', source, at: (o) => rawOffset(this.text, token, o), context });
      } else if (type === 'Order') {
        len(getitem(c, 'order'));
        getitem(c, 'numeration');
      } else this.problem(span.members!.get('type')!.start, 'ValueError', `unknown condition type ${toJson(type)}; expected "Standard", "Timed" or "Order"`);
    } catch (err) {
      if (!(err instanceof PyException)) throw err;
      const [type, ...message] = describeException(err).split(': ');
      this.problem(span.start, type, message.join(': '));
    }
  }
}
