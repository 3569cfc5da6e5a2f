import { Engine } from '../lang/index.js';
import type { ServeOptions } from '../cli/options.js';
import { slow } from '../service/observe.js';
import { BearerAuth } from './auth.js';
import { BodyPool } from './body-pool.js';
import { createLog } from './log.js';
import { workerMetrics, type MetricJson } from './metrics.js';
import { RequestStats } from './request-stats.js';
import { playgroundServed } from './playground-route.js';
import { errorBody, STATUS, type Answer, type WorkerView } from './answer.js';
import { answerPost, GET_ROUTES, POST_ROUTES } from './routes.js';
import { loadUws, type HttpRequest, type HttpResponse, type TemplatedApp, type us_listen_socket } from './uws.js';
import { startVitals } from './vitals.js';

/** Messages between the primary and its workers, over the IPC channel. */
export type WorkerMessage =
  | { type: 'ready'; port: number }
  | { type: 'listen-failed'; message: string }
  | { type: 'beat' }
  | { type: 'recycle'; heapUsed: number; heapLimit: number }
  | { type: 'metrics-request'; id: number }
  | { type: 'metrics-part'; id: number; metrics: MetricJson[] };
export type PrimaryMessage =
  | { type: 'shutdown'; deadline: number }
  /** Whether every worker listens and the service is not stopping: what /readyz says. */
  | { type: 'readiness'; ready: boolean }
  /** Send this worker's metrics for collection id. */
  | { type: 'collect'; id: number }
  /** The merged metrics a worker asked for. */
  | { type: 'metrics'; id: number; text: string };

const JSON_TYPE = 'application/json';
/**
 * A draining worker exits once nothing has arrived for this long: a client that sends on a
 * keep-alive connection it already had gets its answer (with Connection: close) rather
 * than a reset.
 */
const DRAIN_QUIET_MS = 1000;
/** How long a worker waits for the primary's merged metrics (it waits 1 s for the workers'). */
const METRICS_WAIT_MS = 3000;
/** Characters of a path an access log line shows: the client chooses it, up to what uWS takes (some 100 KB). */
const PATH_LOGGED = 1000;
/** Bodies from this size on take a buffer of their own (see BodyPool) and count against 64 x --max-body; smaller ones always pass. */
const LARGE_BODY = 64 * 1024;

/** A request: done once answered or aborted; what its metrics and access log line need. */
interface Exchange {
  done: boolean;
  /** Counted in inFlight until done. */
  inFlight: boolean;
  /** A known path, or 'unmatched': a label of the metrics, so never the client's own text. */
  route: string;
  method: string;
  url: string;
  started: number;
}

/**
 * One worker: a uWS app on the shared port (uWS sets SO_REUSEPORT, so the kernel spreads
 * connections over the workers), its own compile cache, and a graceful drain on request.
 */
export function runWorker(options: ServeOptions): void {
  const uws = loadUws();
  const log = createLog(options.logFormat);
  const auth = options.authTokenFile === null ? null : BearerAuth.fromFile(options.authTokenFile, options.authExempt);
  const requests = new RequestStats();
  slow.ms = options.slowMs;
  slow.report = (fields) => log.warn('slow-condition', fields, `condition ${fields.condition} (numeration ${JSON.stringify(fields.numeration)}) took ${fields.ms} ms`);
  const engine = new Engine({ maxSteps: options.maxSteps, cacheSize: options.cacheSize, cacheBytes: options.cacheBytes, requestMillis: options.requestBudget });
  const bodies = new BodyPool();
  const getRoutes = playgroundServed(options) ? GET_ROUTES : new Map([...GET_ROUTES].filter(([path]) => path !== '/'));
  /** Bytes of the large request bodies being read, by their Content-Length, and the most a worker holds. */
  let reading = 0;
  const maxReading = 64 * options.maxBody;
  let listenSocket: us_listen_socket | null = null;
  let inFlight = 0;
  let draining = false;
  /** Set once the listening socket is closed: answers then close their connection, and the client reconnects to a worker that listens. */
  let closing = false;
  let lastArrival = 0;
  /** What the primary last said: every worker listens and none is being stopped. */
  let allListening = false;
  const metricsWaiting = new Map<number, (text: string | null) => void>();
  let metricsIds = 0;

  const send = (res: HttpResponse, answer: Answer, ex: Exchange, close = false, header?: [string, string]): void => {
    if (ex.done) return;
    ex.done = true;
    if (ex.inFlight) inFlight--;
    res.cork(() => {
      res.writeStatus(answer.status).writeHeader('Content-Type', answer.contentType ?? JSON_TYPE);
      if (header !== undefined) res.writeHeader(header[0], header[1]);
      if (answer.headers !== undefined) for (const [name, value] of answer.headers) res.writeHeader(name, value);
      res.end(answer.body, close || closing);
    });
    const ms = performance.now() - ex.started;
    requests.record(ex.route, answer.status, ms / 1000);
    if (options.accessLog) {
      const status = Number(answer.status.slice(0, 3));
      const method = ex.method.toUpperCase();
      const path = ex.url.length > PATH_LOGGED ? ex.url.slice(0, PATH_LOGGED) + '...' : ex.url;
      log.info('request', { method, path, status, ms: Math.round(ms * 1000) / 1000, bytes: Buffer.byteLength(answer.body) }, `${method} ${path} ${status} ${ms.toFixed(3)} ms`);
    }
  };

  const view: WorkerView = {
    draining: () => draining,
    allListening: () => allListening,
    metrics: () =>
      new Promise((resolve, reject) => {
        if (!process.connected) return reject(new Error('the primary is gone'));
        const id = ++metricsIds;
        const timer = setTimeout(() => metricsWaiting.get(id)?.(null), METRICS_WAIT_MS);
        metricsWaiting.set(id, (text) => {
          clearTimeout(timer);
          metricsWaiting.delete(id);
          if (text === null) reject(new Error('the primary did not answer'));
          else resolve(text);
        });
        process.send!({ type: 'metrics-request', id } satisfies WorkerMessage);
      }),
  };

  const answerGet = (res: HttpResponse, ex: Exchange, answer: Answer | Promise<Answer>): void => {
    if (!(answer instanceof Promise)) return send(res, answer, ex);
    res.onAborted(() => (ex.done = true));
    answer.then(
      (a) => send(res, a, ex),
      (err: Error) => send(res, { status: STATUS.unavailable, body: errorBody(`${ex.url} is not available: ${err.message}`) }, ex),
    );
  };

  const handle = (res: HttpResponse, req: HttpRequest): void => {
    const started = performance.now();
    if (draining) lastArrival = started;
    const url = req.getUrl();
    const method = req.getMethod();
    const route = POST_ROUTES.get(url);
    const get = getRoutes.get(url);
    const ex: Exchange = { done: false, inFlight: false, route: route !== undefined || get !== undefined ? url : 'unmatched', method, url, started };
    // a request with a body we will not read closes its connection after the answer
    const hasBody = req.getHeader('content-length') !== '' || req.getHeader('transfer-encoding') !== '';
    if (auth !== null && !(method === 'get' && auth.exempt.has(url)) && !auth.allows(req.getHeader('authorization'))) {
      const message = req.getHeader('authorization') === '' ? 'this service needs Authorization: Bearer <token>' : 'the Authorization header holds no valid Bearer token';
      send(res, { status: STATUS.unauthorized, body: errorBody(message) }, ex, hasBody, ['WWW-Authenticate', 'Bearer']);
      return;
    }
    if (method === 'get' && get !== undefined) {
      answerGet(res, ex, get(view, req.getHeader('accept-encoding')));
      return;
    }
    if (route === undefined) {
      if (get !== undefined) {
        send(res, { status: STATUS.methodNotAllowed, body: errorBody(`method ${method.toUpperCase()} is not allowed on ${url}; use GET`) }, ex, hasBody, ['Allow', 'GET']);
      } else send(res, { status: STATUS.notFound, body: errorBody(`no route ${method.toUpperCase()} ${url}`) }, ex, hasBody);
      return;
    }
    if (method !== 'post') {
      send(res, { status: STATUS.methodNotAllowed, body: errorBody(`method ${method.toUpperCase()} is not allowed on ${url}; use POST`) }, ex, hasBody, ['Allow', 'POST']);
      return;
    }
    const lengthHeader = req.getHeader('content-length');
    const chunked = req.getHeader('transfer-encoding').toLowerCase().includes('chunked');
    if (lengthHeader === '' && chunked) {
      send(res, { status: STATUS.lengthRequired, body: errorBody('chunked request bodies are not supported; send Content-Length') }, ex, true);
      return;
    }
    const length = lengthHeader === '' ? 0 : Number(lengthHeader);
    if (!Number.isSafeInteger(length) || length < 0) {
      send(res, { status: STATUS.badRequest, body: errorBody(`invalid Content-Length '${lengthHeader}'`) }, ex, true);
      return;
    }
    if (length > options.maxBody) {
      // answer at once and close: the rest of the body is never read
      send(res, { status: STATUS.tooLarge, body: errorBody(`body of ${length} bytes is over the limit of ${options.maxBody} bytes (--max-body)`) }, ex, true);
      return;
    }
    const large = length >= LARGE_BODY;
    if (large && reading + length > maxReading) {
      // many clients each sending a large body slowly would hold its buffers (outside the V8 heap and its cap)
      send(res, { status: STATUS.unavailable, body: errorBody(`this worker is reading ${reading} bytes of request bodies already, the most it holds is ${maxReading} (64 x --max-body); retry later`) }, ex, true);
      return;
    }
    // the request object is valid only in this callback; the body arrives later
    const query = req.getQuery() ?? '';
    ex.inFlight = true;
    inFlight++;
    if (large) reading += length;
    // chunks are only valid during the callback: copy each into the body buffer
    const body = bodies.take(length);
    const release = () => {
      if (large) reading -= length;
      bodies.give(body);
    };
    res.onAborted(() => {
      if (!ex.done) {
        ex.done = true;
        inFlight--;
        release();
      }
    });
    let received = 0;
    res.onData((chunk, isLast) => {
      if (ex.done) return;
      const bytes = new Uint8Array(chunk);
      if (received + bytes.length > length) {
        send(res, { status: STATUS.badRequest, body: errorBody('body is longer than its Content-Length') }, ex, true);
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
        log.error('internal-error', { path: url, error: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined }, `internal error on ${url}: ${err instanceof Error ? err.stack : String(err)}`);
        answer = { status: STATUS.internal, body: errorBody('internal error of the evaluator') };
      }
      release(); // the answer holds nothing of it: decoding copied the bytes
      send(res, answer, ex);
    });
  };

  // The primary coordinates a stop; a terminal's Ctrl-C reaches it too. The same for its
  // reload and scaling signals: a terminal's hang-up reaches the whole group, and a TTIN or
  // TTOU sent to a worker by mistake would otherwise stop it until the watchdog kills it.
  // Set before listening: the service is up once every worker listens, and a signal may follow.
  for (const signal of ['SIGINT', 'SIGHUP', 'SIGTTIN', 'SIGTTOU'] as const) process.on(signal, () => {});

  const app = makeApp(uws, options).any('/*', handle);

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
    startVitals(options.workerMemory * 2 ** 20, (msg) => {
      if (msg.type === 'recycle') engine.capCache();
      if (process.connected) process.send?.(msg satisfies WorkerMessage);
    });
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
      closing = true;
    });
    setTimeout(() => process.exit(0), Math.max(0, deadline - Date.now())).unref();
    // polled every 50 ms, which also lets requests already on the wire arrive and be answered
    setInterval(() => {
      if (inFlight === 0 && performance.now() - lastArrival >= DRAIN_QUIET_MS) process.exit(0);
    }, 50);
  };

  process.on('message', (msg: PrimaryMessage) => {
    switch (msg?.type) {
      case 'shutdown':
        return drain(msg.deadline);
      case 'readiness':
        allListening = msg.ready;
        return;
      case 'collect':
        if (process.connected) process.send!({ type: 'metrics-part', id: msg.id, metrics: workerMetrics(requests, engine) } satisfies WorkerMessage);
        return;
      case 'metrics':
        metricsWaiting.get(msg.id)?.(msg.text);
    }
  });
  process.on('SIGTERM', () => drain(Date.now() + options.shutdownTimeout));
  // Orphaned when the primary dies: stop rather than serve unsupervised.
  process.on('disconnect', () => drain(Date.now() + options.shutdownTimeout));
}

/** uWS reads the PEM files itself, so a worker started by a SIGHUP takes changed ones; its own error names no file. */
function makeApp(uws: ReturnType<typeof loadUws>, options: ServeOptions): TemplatedApp {
  if (options.tlsCert === null || options.tlsKey === null) return uws.App();
  try {
    return uws.SSLApp({ cert_file_name: options.tlsCert, key_file_name: options.tlsKey });
  } catch (err) {
    throw new Error(`cannot serve TLS with --tls-cert '${options.tlsCert}' and --tls-key '${options.tlsKey}': ${(err as Error).message}`);
  }
}
