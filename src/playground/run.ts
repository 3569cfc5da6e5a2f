import type { State } from './state.js';

/** A field the user typed that is not what it must be: shown beside the field, nothing is sent. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function json(state: State, field: 'log' | 'context' | 'trueConditions' | 'order', want: 'object' | 'array'): unknown {
  let v: unknown;
  try {
    v = JSON.parse(state[field]);
  } catch (err) {
    throw new FieldError(field, `${field} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const ok = want === 'array' ? Array.isArray(v) : typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!ok) throw new FieldError(field, `${field} must be a JSON ${want}`);
  return v;
}

function number(state: State, field: 'logProcessingTime' | 'stateTime' | 'timeRange'): number {
  const v = Number(state[field]);
  if (state[field].trim() === '' || !Number.isFinite(v)) throw new FieldError(field, `${field} must be a number, not '${state[field]}'`);
  return v;
}

/**
 * The request Run sends: the route, with ?explain=1 for steps and time, and its body. The
 * JSON fields go as typed (checked first), not re-encoded: JSON.parse would turn 2.0 into 2,
 * which a condition can tell apart.
 */
export function request(state: State): { path: string; body: string; context: unknown } {
  json(state, 'log', 'object');
  if (state.kind === 'launch') return { path: '/eval-launch?explain=1', body: `{"payload":{"log":${state.log},"launchCondition":${JSON.stringify(state.condition)}}}`, context: undefined };
  const context = json(state, 'context', 'object');
  json(state, 'trueConditions', 'array');
  let condition = `{"type":${JSON.stringify(state.kind)},"numeration":0`;
  if (state.kind === 'Order') condition += `,"order":${(json(state, 'order', 'array'), state.order)}`;
  else condition += `,"text":${JSON.stringify(state.condition)}`;
  if (state.kind === 'Timed') condition += `,"timeRange":${number(state, 'timeRange')}`;
  const times = `"logProcessingTime":${number(state, 'logProcessingTime')},"stateTime":${number(state, 'stateTime')}`;
  const body = `{"payload":{"log":${state.log},"conditions":[${condition}}],"context":${state.context},"trueConditions":${state.trueConditions},${times}}}`;
  return { path: '/eval?explain=1', body, context };
}

/** What the result panel shows. */
export interface Outcome {
  verdict: 'true' | 'false' | 'error';
  value?: string;
  error?: string;
  launch?: string;
  time?: string;
  order?: string;
  steps?: number;
  micros?: number;
  /** The context before and after, for the diff; absent for launch conditions. */
  before?: unknown;
  after?: unknown;
}

interface Entry {
  result: 'true' | 'false' | 'error';
  value?: string;
  error?: string;
  steps: number;
  micros: number;
  time?: { elapsed: number; timeRange: number; inTime: boolean };
  order?: { run: unknown; seen: unknown[]; seenCount: number };
}

/** The evaluator's answer (with its explain entry) as the result panel shows it. */
export function outcome(path: string, answer: Record<string, unknown>, before: unknown): Outcome {
  if (path.startsWith('/eval-launch')) {
    const explain = answer.explain as { steps: number; micros: number };
    const base = { steps: explain.steps, micros: explain.micros };
    if (typeof answer.detail === 'string') return { ...base, verdict: 'error', error: answer.detail, launch: 'not launched: the condition raised' };
    if (answer.launch !== true) return { ...base, verdict: 'false', launch: 'launch() was not called' };
    return { ...base, verdict: 'true', launch: `launched, with the context ${JSON.stringify(answer.context)}` };
  }
  const entry = (answer.explain as Entry[])[0];
  const out: Outcome = { verdict: entry.result, value: entry.value, error: entry.error, steps: entry.steps, micros: entry.micros, before };
  if (entry.result !== 'error') out.after = answer.context;
  if (entry.time !== undefined) out.time = `logProcessingTime - stateTime = ${entry.time.elapsed} ${entry.time.inTime ? '<=' : '>'} timeRange ${entry.time.timeRange}: ${entry.time.inTime ? 'in time' : 'out of time'}`;
  if (entry.order !== undefined) {
    const seen = `${entry.order.seenCount > entry.order.seen.length ? '..., ' : ''}${entry.order.seen.map((v) => JSON.stringify(v)).join(', ')}`;
    out.order = `${JSON.stringify(entry.order.run)} ${entry.result === 'true' ? 'found' : 'not found'} in [${seen}]`;
  }
  return out;
}

/** One line of the context diff. */
export interface DiffLine {
  kind: 'added' | 'removed' | 'changed' | 'same';
  text: string;
}

/** The context before and after, key by key, as JSON texts. */
export function diff(before: unknown, after: unknown): DiffLine[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(before) || !isObject(after)) return [{ kind: 'changed', text: `${JSON.stringify(before)} -> ${JSON.stringify(after)}` }];
  const lines: DiffLine[] = [];
  for (const [k, v] of Object.entries(before)) {
    const key = JSON.stringify(k);
    if (!Object.hasOwn(after, k)) lines.push({ kind: 'removed', text: `- ${key}: ${JSON.stringify(v)}` });
    else if (JSON.stringify(after[k]) !== JSON.stringify(v)) lines.push({ kind: 'changed', text: `~ ${key}: ${JSON.stringify(v)} -> ${JSON.stringify(after[k])}` });
    else lines.push({ kind: 'same', text: `  ${key}: ${JSON.stringify(v)}` });
  }
  for (const [k, v] of Object.entries(after)) if (!Object.hasOwn(before, k)) lines.push({ kind: 'added', text: `+ ${JSON.stringify(k)}: ${JSON.stringify(v)}` });
  return lines;
}
