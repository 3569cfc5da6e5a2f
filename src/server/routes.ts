import { isAscii, isUtf8 } from 'node:buffer';
import { describeException, Engine, JsonSyntaxError, parseJsonValues, PyException } from '../lang/index.js';
import { check, evaluate, evaluateLaunch, evaluateBatch } from '../service/evaluate.js';
import { parseBatchBody } from '../service/batch-body.js';
import { BadRequest, type Json } from '../service/payload.js';
import { metrics } from './metrics-route.js';
import { openapi } from './openapi.js';
import { playground } from './playground-route.js';
import { healthz, readyz } from './probes.js';
import { errorBody, STATUS, type GetRoute, type PostAnswer } from './answer.js';

/** A POST route: how it parses its body, and how it answers. */
export interface Route {
  parse(text: string): Json;
  /** `query`: the URL's query string, without '?' ('' when none). */
  answer(engine: Engine, body: Json, query: string): string;
}

const route = (answer: Route['answer'], parse: Route['parse'] = parseJsonValues): Route => ({ parse, answer });

/** POST routes by path. */
export const POST_ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  ['/eval', route(evaluate)],
  ['/eval-launch', route(evaluateLaunch)],
  ['/eval/batch', route(evaluateBatch, parseBatchBody)],
  ['/check', route(check)],
]);

/** GET routes by path. */
export const GET_ROUTES: ReadonlyMap<string, GetRoute> = new Map<string, GetRoute>([
  ['/healthz', healthz],
  ['/readyz', readyz],
  ['/metrics', metrics],
  ['/openapi.json', openapi],
  ['/', playground],
]);

/** Decodes, parses and answers one POST body. Client mistakes are 400s that say where. */
export function answerPost(engine: Engine, route: Route, bytes: Uint8Array, query = ''): PostAnswer {
  // the request's budget (--request-budget) runs from here: parsing, compiling and runs
  engine.beginRequest();
  try {
    const parsed = parseBody(route, bytes);
    if (parsed instanceof Refusal) return { status: STATUS.badRequest, body: errorBody(parsed.message) };
    return { status: STATUS.ok, body: route.answer(engine, parsed, query) };
  } catch (err) {
    if (err instanceof BadRequest) return { status: STATUS.badRequest, body: errorBody(err.message) };
    throw err;
  } finally {
    engine.endRequest();
  }
}

class Refusal {
  constructor(readonly message: string) {}
}

/**
 * The body's JSON. A function of its own so that the decoded text, as large as the
 * body, is garbage once it returns: kept alive through the evaluation it would be
 * promoted to the old generation and freed late, and each request would then take
 * fresh memory for its text, a page fault per 4 KiB.
 */
function parseBody(route: Route, bytes: Uint8Array): Json | Refusal {
  const text = decodeBody(bytes);
  if (text === null) return new Refusal(`body is not valid UTF-8 (first bad byte at offset ${firstBadByte(bytes)})`);
  try {
    return route.parse(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) return new Refusal(`body is not valid JSON: ${err.describe()}`);
    // an integer of over 4,300 digits: json.loads' ValueError, in its words
    if (err instanceof PyException) return new Refusal(`body is not valid JSON: ${describeException(err)}`);
    throw err;
  }
}

/**
 * The body as a string, or null when it is not UTF-8. Validation runs in C++ (simdutf).
 * Most bodies are ASCII, and Node turns those into a string 20x faster as 'ascii' than as
 * UTF-8 (1.2 MB: 0.2 ms against 4 ms; 'latin1' takes 1-2 ms), so they take that path.
 */
export function decodeBody(bytes: Uint8Array): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(bytes)) return buf.toString('ascii');
  return isUtf8(bytes) ? buf.toString('utf8') : null;
}

function firstBadByte(bytes: Uint8Array): number {
  // decode growing prefixes is quadratic; instead find the first offset whose prefix fails
  let lo = 0;
  let hi = bytes.length;
  const ok = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
