import { JsonSyntaxError, parseJson, PyDict, typeName, type Py } from '../lang/index.js';
import { readText, type Problem } from './condition-files.js';
import { LineIndex } from './line-index.js';

/** A sample log to run conditions on, as /eval would give it to them. */
export interface Sample {
  log: PyDict;
  text: string;
  /** The context of the /eval body it came in, if any. */
  context: Py | undefined;
  /** Where it is: `logs.ndjson:3`. */
  where: string;
}

/**
 * `--log FILE`: NDJSON of log records, or of /eval or /eval-launch bodies, whose
 * payload.log (and payload.context) are taken. Lines that are neither are problems.
 */
export function readSamples(path: string): { samples: Sample[]; problems: Problem[] } {
  const samples: Sample[] = [];
  const problems: Problem[] = [];
  const text = readText(path);
  if (typeof text !== 'string') return { samples, problems: [text] };
  const lines = new LineIndex(text);
  const problem = (offset: number, type: string, message: string) => problems.push({ file: path, ...lines.position(offset), type, message, excerpt: lines.excerpt(offset) });
  for (let start = 0, n = 1; start <= text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.trim() !== '') {
      try {
        const value = parseJson(line);
        const payload = value instanceof PyDict ? value.get('payload') : undefined;
        const log = payload instanceof PyDict ? payload.get('log') : value;
        const logText = log instanceof PyDict ? log.get('Text') : undefined;
        if (!(log instanceof PyDict)) problem(start, 'FormatError', `expected a log record or an /eval or /eval-launch body, not ${typeName(value)}`);
        else if (typeof logText !== 'string') problem(start, 'FormatError', `the log's Text must be a string, not ${logText === undefined ? 'missing' : typeName(logText)}`);
        else {
          // the original's clean_text, done once before any condition runs
          const clean = logText.replace(/\n/g, ' ');
          log.set('Text', clean);
          samples.push({ log, text: clean, context: payload instanceof PyDict ? payload.get('context') : undefined, where: `${path}:${n}` });
        }
      } catch (err) {
        if (!(err instanceof JsonSyntaxError)) throw err;
        problem(start + err.pos, 'JSONDecodeError', err.message);
      }
    }
    start = end + 1;
  }
  return { samples, problems };
}
