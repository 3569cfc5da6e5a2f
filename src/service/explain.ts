import { describeException, PyDict, PyException, PyTuple, repr, stepsTaken, toPy, type Py } from '../lang/index.js';
import { isObject, member, type Json } from './payload.js';
import { toJson } from './response-json.js';

/** Characters of a returned value's repr that an entry shows. */
const VALUE_CHARS = 200;
/** Numerations before an Order condition that its entry shows: the end of what its run was searched in. */
const SEEN_SHOWN = 20;

/**
 * `?explain=1`: one entry per condition evaluated, in order, saying why it held or not.
 * Entries are JSON texts with sorted keys, as the rest of an answer. Nothing here runs
 * without the parameter; with it, what it costs counts against the request's budget,
 * which is checked before each condition.
 */
export class Explain {
  private readonly entries: string[] = [];
  private started = 0;

  /** A condition starts: its time runs from here, compiling included. */
  begin(): void {
    this.started = performance.now();
  }

  /** A Standard or Timed condition that ran; `time` only for Timed. */
  ran(cond: Json, held: boolean, shown: string, before: Py, after: Py, time?: { elapsed: Py; timeRange: Py; inTime: boolean }): void {
    const steps = stepsTaken();
    const timed = time === undefined ? '' : `,"time":{"elapsed":${toJson(time.elapsed)},"inTime":${time.inTime},"timeRange":${toJson(time.timeRange)}}`;
    this.add(cond, `"changed":${changes(before, after)}`, held ? 'true' : 'false', `"steps":${steps}${timed}`, `,"value":${JSON.stringify(shown)}`);
  }

  /** An Order condition: the run it looked for and the end of the numerations it looked in. */
  order(cond: Json, held: boolean, run: Py, before: Py[], found: Py[]): void {
    const tail = before.length + found.length > SEEN_SHOWN ? [...before, ...found].slice(-SEEN_SHOWN) : [...before, ...found];
    this.add(cond, `"order":{"run":${toJson(run)},"seen":${toJson(tail)},"seenCount":${before.length + found.length}}`, held ? 'true' : 'false', '"steps":0', '');
  }

  /** The condition that raised (or could not be read or compiled): evaluation stops here. */
  failed(cond: Json, error: string, ran: boolean): void {
    this.add(cond, `"error":${JSON.stringify(error)}`, 'error', `"steps":${ran ? stepsTaken() : 0}`, '');
  }

  /** A launch condition's one entry: its steps (none when it did not compile) and time. */
  launch(ran: boolean): string {
    const micros = Math.round((performance.now() - this.started) * 10_000) / 10;
    return `{"micros":${micros},"steps":${ran ? stepsTaken() : 0}}`;
  }

  toJson(): string {
    return `[${this.entries.join(',')}]`;
  }

  /** One entry, its keys in sorted order: the caller's fields fall between the fixed ones. */
  private add(cond: Json, first: string, result: string, steps: string, value: string): void {
    const micros = Math.round((performance.now() - this.started) * 10_000) / 10;
    this.entries.push(`{${first},"micros":${micros},"numeration":${fieldJson(cond, 'numeration')},"result":"${result}",${steps},"type":${fieldJson(cond, 'type')}${value}}`);
  }
}

/** A field of a condition object (as JSON.parse or the exact parser made it) as JSON, null when it has none: an entry never raises. */
function fieldJson(cond: Json, key: 'numeration' | 'type'): string {
  const v = isObject(cond) ? member(cond, key) : undefined;
  return v === undefined ? 'null' : toJson(toPy(v));
}

/**
 * The first VALUE_CHARS characters of the repr of what a condition returned. Lists, tuples
 * and dicts are walked only as far as that, so a value of a million items costs no more
 * than a small one; other values are printed whole, within the size limit (past it repr
 * raises MemoryError, shown as such). Called inside the condition's run (Engine.runStandard's
 * `show`): a class's __repr__ is its code, under its limits, which end it as a failed repr.
 */
export function shownValue(v: Py): string {
  const out: string[] = [];
  let length = 0;
  const emit = (s: string) => {
    out.push(s);
    length += s.length;
  };
  const open = new Set<unknown>();
  const walk = (x: Py): void => {
    if (length > VALUE_CHARS) return;
    if (typeof x === 'string' && x.length > VALUE_CHARS) emit(stringStart(x));
    // a subclass (struct_time, a namedtuple, Counter, OrderedDict) words its own repr, as repr.ts leaves it to
    else if (Array.isArray(x) || (x instanceof PyTuple && x.constructor === PyTuple) || (x instanceof PyDict && x.constructor === PyDict)) {
      if (open.has(x)) return emit(Array.isArray(x) ? '[...]' : x instanceof PyDict ? '{...}' : '(...)');
      open.add(x);
      if (x instanceof PyDict) {
        emit('{');
        let first = true;
        for (const [nk, item] of x.m) {
          if (length > VALUE_CHARS) break;
          emit(first ? '' : ', ');
          first = false;
          walk(x.key(nk));
          emit(': ');
          walk(item);
        }
        emit('}');
      } else {
        const items = Array.isArray(x) ? x : x.items;
        emit(Array.isArray(x) ? '[' : '(');
        for (let i = 0; i < items.length && length <= VALUE_CHARS; i++) {
          emit(i === 0 ? '' : ', ');
          walk(items[i]);
        }
        emit(Array.isArray(x) ? ']' : items.length === 1 ? ',)' : ')');
      }
      open.delete(x);
    } else emit(repr(x));
  };
  try {
    walk(v);
  } catch (err) {
    if (!(err instanceof PyException)) throw err;
    return `<repr failed: ${describeException(err)}>`;
  }
  const text = out.join('');
  return text.length > VALUE_CHARS ? text.slice(0, VALUE_CHARS) + '...' : text;
}

/**
 * The start of a long string's repr without printing all of it. Python quotes with '"'
 * only when the string holds "'" and no '"': a character added after the prefix makes
 * the prefix's repr choose as the whole string's would, and falls past the cut.
 */
function stringStart(s: string): string {
  const prefix = s.slice(0, VALUE_CHARS);
  const single = s.includes("'");
  const double = s.includes('"');
  const nudge = single && !double ? "'" : single && double ? '"' : '';
  return repr(prefix + nudge).slice(0, VALUE_CHARS + 1);
}

/**
 * The context keys a condition added, changed or removed, compared by their JSON text (what
 * the detector receives); `{"replaced": true}` when the context was or became something
 * other than a dict. The same object means the condition only read it.
 */
function changes(before: Py, after: Py): string {
  if (before === after) return '{"added":[],"changed":[],"removed":[]}';
  if (!(before instanceof PyDict) || !(after instanceof PyDict)) return '{"replaced":true}';
  const added: Py[] = [];
  const changed: Py[] = [];
  const removed: Py[] = [];
  for (const [nk, v] of after.m) {
    const old = before.m.get(nk);
    if (old === undefined && !before.m.has(nk)) added.push(after.key(nk));
    // equal scalars need no printing; containers a round trip made anew are compared as text
    else if (old !== v && toJson(old as Py) !== toJson(v)) changed.push(after.key(nk));
  }
  for (const nk of before.m.keys()) if (!after.m.has(nk)) removed.push(before.key(nk));
  return `{"added":${toJson(added)},"changed":${toJson(changed)},"removed":${toJson(removed)}}`;
}
