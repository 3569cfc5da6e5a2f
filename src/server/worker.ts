import { Engine } from '../lang/index.js';
import type { ServeOptions } from '../cli/options.js';
import { BodyPool } from './body-pool.js';
import { answerPost, errorBody, GET_ROUTES, POST_ROUTES, STATUS, type Answer } from './routes.js';
import { loadUws, type HttpRequest, type HttpResponse, type us_listen_socket } from './uws.js';
import { startVitals } from './vitals.js';

/** Messages between the primary and its workers, over the IPC channel. */
export type WorkerMessage =
  | { type: 'ready'; port: number }
  | { type: 'listen-failed'; message: string }
  | { type: 'beat' }
  | { type: 'recycle'; heapUsed: number; heapLimit: number };
export type PrimaryMessage = { type: 'shutdown'; deadline: number };

const JSON_TYPE = 'application/json';
/**
 * A draining worker exits once nothing has arrived for this long: a client that sends on a
 * keep-alive connection it already had gets its answer (with Connection: close) rather
 * than a reset.
 */
const DRAIN_QUIET_MS = 1000;
/** Bodies from this size on take a buffer of their own (see BodyPool) and count against 64 x --max-body; smaller ones always pass. */
const LARGE_BODY = 64 * 1024;

/** A request whose body is being read: done once answered or aborted. */
interface Pending {
  done: boolean;
}

/**
 * One worker: a uWS app on the shared port (uWS sets SO_REUSEPORT, so the kernel spreads
 * connections over the workers), its own compile cache, and a graceful drain on request.
 */
export function runWorker(options: ServeOptions): void {
  const uws = loadUws();
  const engine = new Engine({ maxSteps: options.maxSteps, cacheSize: options.cacheSize, cacheBytes: options.cacheBytes, requestMillis: options.requestBudget });
  const bodies = new BodyPool();
  const getRoutes = new Map([...GET_ROUTES].filter(([, r]) => r.served?.(options) ?? true));
  /** Bytes of the large request bodies being read, by their Content-Length, and the most a worker holds. */
  let reading = 0;
  const maxReading = 64 * options.maxBody;
  let listenSocket: us_listen_socket | null = null;
  let inFlight = 0;
  let draining = false;
  let lastArrival = 0;

  const send = (res: HttpResponse, answer: Answer, pending: Pending | null, close = false, allow?: string): void => {
    if (pending !== null) {
      if (pending.done) return;
      pending.done = true;
      inFlight--;
    }
    res.cork(() => {
      res.writeStatus(answer.status).writeHeader('Content-Type', JSON_TYPE);
      if (allow !== undefined) res.writeHeader('Allow', allow);
      res.end(answer.body, close || draining);
    });
  };

  const handle = (res: HttpResponse, req: HttpRequest): void => {
    if (draining) lastArrival = performance.now();
    const url = req.getUrl();
    const method = req.getMethod();
    const route = POST_ROUTES.get(url);
    const get = method === 'get' ? getRoutes.get(url) : undefined;
    if (get !== undefined) {
      const answer = get.answer(req.getHeader('accept-encoding'));
      res.cork(() => {
        res.writeStatus(answer.status).writeHeader('Content-Type', answer.type);
        for (const [name, value] of answer.headers) res.writeHeader(name, value);
        res.end(answer.body, draining);
      });
      return;
    }
    // a request with a body we will not read closes its connection after the answer
    const hasBody = req.getHeader('content-length') !== '' || req.getHeader('transfer-encoding') !== '';
    if (route === undefined) {
      if (getRoutes.has(url)) {
        send(res, { status: STATUS.methodNotAllowed, body: errorBody(`method ${method.toUpperCase()} is not allowed on ${url}; use GET`) }, null, hasBody, 'GET');
      } else send(res, { status: STATUS.notFound, body: errorBody(`no route ${method.toUpperCase()} ${url}`) }, null, hasBody);
      return;
    }
    if (method !== 'post') {
      send(res, { status: STATUS.methodNotAllowed, body: errorBody(`method ${method.toUpperCase()} is not allowed on ${url}; use POST`) }, null, hasBody, 'POST');
      return;
    }
    const lengthHeader = req.getHeader('content-length');
    const chunked = req.getHeader('transfer-encoding').toLowerCase().includes('chunked');
    if (lengthHeader === '' && chunked) {
      send(res, { status: STATUS.lengthRequired, body: errorBody('chunked request bodies are not supported; send Content-Length') }, null, true);
      return;
    }
    const length = lengthHeader === '' ? 0 : Number(lengthHeader);
    if (!Number.isSafeInteger(length) || length < 0) {
      send(res, { status: STATUS.badRequest, body: errorBody(`invalid Content-Length '${lengthHeader}'`) }, null, true);
      return;
    }
    if (length > options.maxBody) {
      // answer at once and close: the rest of the body is never read
      send(res, { status: STATUS.tooLarge, body: errorBody(`body of ${length} bytes is over the limit of ${options.maxBody} bytes (--max-body)`) }, null, true);
      return;
    }
    const large = length >= LARGE_BODY;
    if (large && reading + length > maxReading) {
      // many clients each sending a large body slowly would hold its buffers (outside the V8 heap and its cap)
      send(res, { status: STATUS.unavailable, body: errorBody(`this worker is reading ${reading} bytes of request bodies already, the most it holds is ${maxReading} (64 x --max-body); retry later`) }, null, true);
      return;
    }
    // the request object is valid only in this callback; the body arrives later
    const query = req.getQuery() ?? '';
    const pending: Pending = { done: false };
    inFlight++;
    if (large) reading += length;
    // chunks are only valid during the callback: copy each into the body buffer
    const body = bodies.take(length);
    const release = () => {
      if (large) reading -= length;
      bodies.give(body);
    };
    res.onAborted(() => {
      if (!pending.done) {
        pending.done = true;
        inFlight--;
        release();
      }
    });
    let received = 0;
    res.onData((chunk, isLast) => {
      if (pending.done) return;
      const bytes = new Uint8Array(chunk);
      if (received + bytes.length > length) {
        send(res, { status: STATUS.badRequest, body: errorBody('body is longer than its Content-Length') }, pending, true);
        release();
        return;
      }
      body.set(bytes, received);
      received += bytes.length;
      if (!isLast) return;
      let answer: Answer;
      try {
        answer = answerPost(engine, route, body.subarray(0, received), query);
      } catch (err) {
        // a bug of the evaluator, never the client's fault: report it, keep serving
        process.stderr.write(`evaluator: internal error on ${url}: ${err instanceof Error ? err.stack : String(err)}\n`);
        answer = { status: STATUS.internal, body: errorBody('internal error of the evaluator') };
      }
      release(); // the answer holds nothing of it: decoding copied the bytes
      send(res, answer, pending);
    });
  };

  const app = uws.App().any('/*', handle);

  app.listen(options.host, options.port, (socket) => {
    if (socket === false) {
      process.send?.({ type: 'listen-failed', message: `cannot listen on ${options.host}:${options.port}` } satisfies WorkerMessage);
      process.exitCode = 1;
      setTimeout(() => process.exit(1), 50);
      return;
    }
    listenSocket = socket;
    process.send?.({ type: 'ready', port: uws.us_socket_local_port(socket as never) } satisfies WorkerMessage);
    // once the primary is gone, nobody listens (and the worker drains, see 'disconnect')
    startVitals(options.workerMemory * 2 ** 20, (msg) => process.connected && process.send?.(msg satisfies WorkerMessage));
  });

  /** Stop accepting, answer what is in flight (on connections then closed), exit when none is left and none arrives, or at the deadline. */
  const drain = (deadline: number) => {
    if (draining) return;
    draining = true;
    lastArrival = performance.now();
    // after this turn's poll phase has accepted what is queued: closing resets what is still queued
    setImmediate(() => {
      if (listenSocket !== null) uws.us_listen_socket_close(listenSocket);
      listenSocket = null;
    });
    setTimeout(() => process.exit(0), Math.max(0, deadline - Date.now())).unref();
    // polled every 50 ms, which also lets requests already on the wire arrive and be answered
    setInterval(() => {
      if (inFlight === 0 && performance.now() - lastArrival >= DRAIN_QUIET_MS) process.exit(0);
    }, 50);
  };

  process.on('message', (msg: PrimaryMessage) => {
    if (msg?.type === 'shutdown') drain(msg.deadline);
  });
  // The primary coordinates a stop; a terminal's Ctrl-C reaches it too.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => drain(Date.now() + options.shutdownTimeout));
  // Orphaned when the primary dies: stop rather than serve unsupervised.
  process.on('disconnect', () => drain(Date.now() + options.shutdownTimeout));
}
