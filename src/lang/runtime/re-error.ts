/**
 * re.error, which Lib/re/_constants.py writes in Python: its __init__(msg, pattern=None,
 * pos=None) keeps msg, pattern, pos, lineno and colno, and words its message with the
 * position, and the line and column where the pattern has more than one line.
 */
import { Exception, pyErr, typeErr } from './exceptions.js';
import { lineAndColumn } from './codepoints.js';
import { bindArgs, Signature } from './signature.js';
import { PyBytes, PyException, PyIntBox, PyStrBox, PyType, typeName, type Py } from './values.js';
import { str } from './repr.js';

const INIT = new Signature('error.__init__', ['self', 'msg', 'pattern', 'pos'].map((name) => ({ name, star: '' as const })), 'python');
const DEFAULTS: readonly Py[] = [undefined, undefined, null, null];

export const ReError: PyType = new PyType('error', (args, kw) => {
  const [, msg, pattern, pos] = bindArgs(INIT, [null, ...args], kw, DEFAULTS);
  return reErrorOf(msg, pattern, pos);
}, Exception, true);

/** An re.error as its __init__ makes it. */
export function reErrorOf(msg: Py, pattern: Py, pos: Py): PyException {
  let text = str(msg);
  let lineno: Py = null;
  let colno: Py = null;
  if (pattern !== null && pos !== null) {
    // '%s at position %d' % (msg, pos)
    const at = pos instanceof PyIntBox ? pos.value : pos;
    if (typeof at !== 'number' && typeof at !== 'boolean') throw typeErr(`%d format: a real number is required, not ${typeName(pos)}`);
    const n = Number(at);
    text = `${text} at position ${n}`;
    const source = typeof pattern === 'string' ? pattern : pattern instanceof PyStrBox ? pattern.value : pattern instanceof PyBytes ? pattern.latin1() : null;
    if (source !== null) {
      [lineno, colno] = lineAndColumn(source, n);
      if (source.includes('\n')) text = `${text} (line ${lineno}, column ${colno})`;
    }
  }
  const e = pyErr(ReError, text);
  e.dict = new Map<string, Py>([['msg', msg], ['pattern', pattern], ['pos', pos], ['lineno', lineno], ['colno', colno]]);
  return e;
}

/** The parser's or translator's error: its message and position, its pattern added by re.compile (withPattern). */
export function patternError(msg: string, pos: number | undefined): PyException {
  const e = pyErr(ReError, pos === undefined ? msg : `${msg} at position ${pos}`);
  e.dict = new Map<string, Py>([['msg', msg], ['pattern', null], ['pos', pos ?? null], ['lineno', null], ['colno', null]]);
  return e;
}

/**
 * The error the parser or translator raised for a pattern (reError: its message and position
 * only), made again as re.compile's is, with the pattern: its line and column, and its fields.
 */
export function withPattern(e: unknown, pattern: Py): unknown {
  if (!(e instanceof PyException) || e.type !== ReError || e.dict?.get('pattern') !== null || e.dict.get('pos') === null) return e;
  return reErrorOf(e.dict.get('msg')!, pattern, e.dict.get('pos')!);
}
