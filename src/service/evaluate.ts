import {
  ConditionError, describeException, isFlat, isPlainObject, getitem, le, len, PyDict, PyException, sub, toPy, typeName, type Engine, type Py,
  type Program,
} from '../lang/index.js';
import { arrayField, asObject, BadRequest, dictField, member, numberField, objectField, stringField, type Json, type JsonObject } from './payload.js';
import { SeenRuns } from './order-runs.js';
import { toJson } from './response-json.js';
import { Explain, shownValue } from './explain.js';
import { conditionHash, countError, outcomes, slow } from './observe.js';

/** The original's clean_text: newlines become spaces. */
const cleanText = (text: string): string => (text.includes('\n') ? text.replace(/\n/g, ' ') : text);

/** The log of a payload, with its Text cleaned as the original did before any condition ran. */
function cleanLog(payload: JsonObject, path: string): { log: PyDict; text: string } {
  const log = dictField(payload, 'log', path);
  const text = cleanText(stringField(log, 'Text', path + '.log'));
  log.m.set('Text', text);
  return { log, text };
}

/** A condition's failure in the original's words: "KeyError: 'Thread'". */
class ConditionFailure {
  constructor(readonly message: string) {}
}

/** The fields of a condition object; none is a property of Object.prototype. */
type CondKey = 'type' | 'text' | 'numeration' | 'timeRange' | 'order';

/**
 * cond[key] as the original's Python read it: a KeyError or TypeError where CPython
 * raised one. A condition object stays as JSON.parse made it; only what is read converts.
 * JSON has no undefined, and no CondKey is inherited, so undefined means no such key.
 */
function condField(cond: Json, key: CondKey): Py {
  if (isPlainObject(cond)) {
    const v = cond[key];
    if (v !== undefined) return toPy(v);
  }
  return getitem(toPy(cond), key);
}

function program(engine: Engine, cond: Json, kind: 'standard' | 'launch'): Program {
  const text = condField(cond, 'text');
  if (typeof text !== 'string') throw new ConditionFailure(`TypeError: condition text must be str, not ${typeName(text)}`);
  const compiled = engine.compile(text, kind);
  if (compiled instanceof ConditionError) throw new ConditionFailure(compiled.describe());
  return compiled;
}

/**
 * POST /eval: which conditions hold for this log. Conditions run in order, each seeing
 * the context the true ones before it left; the first that raises ends the answer with
 * the original's error shape. Field access on a condition object follows Python's, so
 * a missing field is "KeyError: 'text'" exactly where the original raised it.
 */
export function evaluate(engine: Engine, body: Json, query = ''): string {
  return evaluatePayload(engine, objectField(asObject(body, 'body'), 'payload', 'body'), 'payload', explainWanted(query));
}

/** `?explain=1` asks for an explanation of every condition (see Explain); `explain=0` or none, not. */
function explainWanted(query: string): boolean {
  if (query === '') return false;
  const value = new URLSearchParams(query).get('explain');
  if (value === null || value === '0') return false;
  if (value === '1') return true;
  throw new BadRequest(`query parameter explain must be 1 or 0, not ${JSON.stringify(value)}`);
}

function evaluatePayload(engine: Engine, payload: JsonObject, path: string, wanted = false): string {
  const { log, text } = cleanLog(payload, path);
  let context: Py = dictField(payload, 'context', path);
  const conditions = arrayField(payload, 'conditions', path);
  const before = toPy(arrayField(payload, 'trueConditions', path)) as Py[];
  const processing = numberField(payload, 'logProcessingTime', path);
  const state = numberField(payload, 'stateTime', path);
  const flat = isFlat(log);
  const found: Py[] = [];
  const explain = wanted ? new Explain() : undefined;
  // built at the first Order condition, from the numerations seen by then
  let runs: SeenRuns | undefined;
  for (const cond of conditions) {
    let ran = false;
    explain?.begin();
    try {
      engine.checkRequestBudget();
      const kind = condField(cond, 'type');
      if (kind === 'Standard' || kind === 'Timed') {
        const compiled = program(engine, cond, 'standard');
        ran = true;
        const started = slow.ms > 0 ? performance.now() : -1;
        let result;
        try {
          result = engine.runStandard(compiled, log, text, context, flat, explain === undefined ? undefined : shownValue);
        } finally {
          if (started >= 0) reportIfSlow(compiled.source, cond, started);
        }
        if (result.truthy) outcomes.true++;
        else outcomes.false++;
        const inTime = kind === 'Standard' || le(sub(processing, state), condField(cond, 'timeRange'));
        const held = result.truthy && inTime;
        const was = context;
        if (held) {
          found.push(condField(cond, 'numeration'));
          context = result.data;
        }
        if (explain !== undefined) {
          const time = kind === 'Timed' ? { elapsed: sub(processing, state), timeRange: condField(cond, 'timeRange'), inTime } : undefined;
          explain.ran(cond, held, result.shown!, was, context, time);
        }
      } else if (kind === 'Order') {
        const order = condField(cond, 'order');
        runs ??= new SeenRuns(before);
        const held = before.length + found.length >= len(order) && runs.contains(found, order);
        explain?.order(cond, held, order, before, found);
        if (held) found.push(condField(cond, 'numeration'));
      } else {
        throw new ConditionFailure(`ValueError: unknown condition type ${toJson(kind)}; expected "Standard", "Timed" or "Order"`);
      }
    } catch (err) {
      // a Python exception from the condition or from reading the condition object, or a refusal of ours
      const message = err instanceof PyException ? describeException(err) : err instanceof ConditionFailure ? err.message : null;
      if (message === null) throw err;
      countError(err instanceof PyException ? err : message);
      if (explain === undefined) return `{"condition":${toJson(toPy(cond))},"error":${JSON.stringify(message)}}`;
      explain.failed(cond, message, ran);
      return `{"condition":${toJson(toPy(cond))},"error":${JSON.stringify(message)},"explain":${explain.toJson()}}`;
    }
  }
  if (explain === undefined) return `{"context":${toJson(context)},"trueConditions":${toJson(found)}}`;
  return `{"context":${toJson(context)},"explain":${explain.toJson()},"trueConditions":${toJson(found)}}`;
}

/** Characters of a numeration's JSON a log line shows: the client chooses it, and a line of megabytes breaks log shippers. */
const NUMERATION_LOGGED = 200;

/** --slow-ms: reports a run that took longer, by its digest and numeration (past NUMERATION_LOGGED, the start of its JSON). */
function reportIfSlow(source: string, cond: Json, started: number): void {
  const ms = performance.now() - started;
  if (ms <= slow.ms) return;
  let numeration = isPlainObject(cond) ? (cond.numeration ?? null) : null;
  const json = toJson(toPy(numeration));
  if (json.length > NUMERATION_LOGGED) numeration = json.slice(0, NUMERATION_LOGGED) + '...';
  slow.report({ condition: conditionHash(source), numeration, ms: Math.round(ms * 1000) / 1000 });
}

/**
 * POST /eval-launch: whether this log launches a new machine. Errors keep the
 * original's words, with the exception added as "detail".
 */
export function evaluateLaunch(engine: Engine, body: Json, query = ''): string {
  const explain = explainWanted(query) ? new Explain() : undefined;
  explain?.begin();
  const payload = objectField(asObject(body, 'body'), 'payload', 'body');
  const { log, text } = cleanLog(payload, 'payload');
  const source = stringField(payload, 'launchCondition', 'payload');
  let detail: string;
  const compiled = engine.compile(source, 'launch');
  if (compiled instanceof ConditionError) {
    detail = compiled.describe();
    countError(detail);
  } else {
    try {
      const started = slow.ms > 0 ? performance.now() : -1;
      let r;
      try {
        r = engine.runLaunch(compiled, log, text);
      } finally {
        if (started >= 0) reportIfSlow(source, null, started);
      }
      const explained = explain === undefined ? '' : `"explain":${explain.launch(true)},`;
      if (!r.launch) {
        outcomes.false++;
        return `{${explained}"launch":false}`;
      }
      outcomes.true++;
      return `{"condition":${JSON.stringify(source)},"context":${toJson(r.context)},${explained}"launch":true}`;
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      countError(e);
      detail = describeException(e);
    }
  }
  const explained = explain === undefined ? '' : `,"explain":${explain.launch(!(compiled instanceof ConditionError))}`;
  return `{"detail":${JSON.stringify(detail)},"error":"Error checking launch condition"${explained},"launch":false}`;
}

/**
 * Characters a batch's answers may take: each context is held to the size limit (1,000,000
 * characters of JSON), but a batch of payloads each making one could answer gigabytes.
 */
const MAX_BATCH_ANSWER = 64 * 2 ** 20;

/**
 * POST /eval/batch: {"payloads": [...]}, each answered as /eval would, in order and
 * independently; a payload /eval would refuse with 400 gets {"error", "status": 400}.
 */
export function evaluateBatch(engine: Engine, body: Json, query = ''): string {
  const wanted = explainWanted(query);
  const payloads = arrayField(asObject(body, 'body'), 'payloads', 'body');
  const results: string[] = new Array(payloads.length);
  let answered = 0;
  for (let i = 0; i < payloads.length; i++) {
    const path = `payloads[${i}]`;
    if (answered > MAX_BATCH_ANSWER) {
      results[i] = `{"error":"${path} was not evaluated: the answers before it passed ${MAX_BATCH_ANSWER} characters, the most one batch may answer","status":413}`;
      continue;
    }
    try {
      results[i] = evaluatePayload(engine, asObject(payloads[i], path), path, wanted);
    } catch (err) {
      if (!(err instanceof BadRequest)) throw err;
      results[i] = `{"error":${JSON.stringify(err.message)},"status":400}`;
    }
    answered += results[i].length;
  }
  return `{"results":[${results.join(',')}]}`;
}

/** POST /check: whether a condition compiles, and where it does not. */
export function check(engine: Engine, body: Json): string {
  const obj = asObject(body, 'body');
  const source = stringField(obj, 'condition', 'body');
  const kindValue = member(obj, 'kind') ?? 'standard';
  if (kindValue !== 'standard' && kindValue !== 'launch') throw new BadRequest(`body.kind must be "standard" or "launch", not ${toJson(toPy(kindValue))}`);
  const compiled = engine.compile(source, kindValue);
  if (!(compiled instanceof ConditionError)) return '{"ok":true}';
  const error = new PyDict();
  error.m.set('type', compiled.type);
  error.m.set('message', compiled.message);
  error.m.set('line', compiled.line);
  error.m.set('column', compiled.column);
  error.m.set('excerpt', compiled.excerpt);
  return `{"error":${toJson(error)},"ok":false}`;
}

export { BadRequest };
