import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { AggregatorRegistry } from 'prom-client';
import { MAX_WORKERS, type ServeOptions } from '../cli/options.js';
import { createLog } from './log.js';
import { cumulative, primaryMetrics, renderMetrics, type MetricJson } from './metrics.js';
import { withHeapCap, workerCommand } from './self.js';
import { HEARTBEAT_MS } from './vitals.js';
import type { PrimaryMessage, WorkerMessage } from './worker.js';

/** Respawn backoff: doubles per crash in a row, reset by a worker that stays up. */
const BACKOFF_FIRST_MS = 100;
const BACKOFF_MAX_MS = 10_000;
const STABLE_AFTER_MS = 10_000;
/** How long a scrape waits for the workers' metrics: a stalled worker's are left out. */
const COLLECT_WAIT_MS = 1000;

export const WORKER_ENV = 'EVALUATOR_WORKER_OPTIONS';

/** What the primary knows of a worker. */
interface Worker {
  bornAt: number;
  ready: boolean;
  /** performance.now() of its last heartbeat. */
  lastBeat: number;
  /** Being replaced (memory, SIGHUP) or removed (SIGTTOU): not respawned when it exits. */
  retiring: boolean;
  drainSent: boolean;
  /** Why the primary killed it, for the log line when it exits. */
  killedFor: string | null;
  /** Its metrics at the last scrape: once it exits, its counters stay in the totals. */
  lastMetrics: MetricJson[] | null;
  /** The worker it was started to replace (memory, SIGHUP), kept serving until this one listens. */
  replaces: ChildProcess | null;
}

/** A scrape of /metrics: the workers that asked (with their request ids), and the workers yet to answer. */
interface Collection {
  askers: [ChildProcess, number][];
  parts: MetricJson[][];
  waiting: Set<ChildProcess>;
  timer: NodeJS.Timeout;
}

/** A free port on host, for --port 0: every worker must listen on the same one. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The primary: forks the workers (re-executing this program, never `node` by name),
 * reports when all of them listen, replaces any that dies, stalls (no heartbeat for
 * --stall-timeout: killed, as gunicorn's worker timeout) or outgrows its memory
 * threshold (replaced first, then drained, as uWSGI's reload-on-rss), replaces them one
 * by one on SIGHUP, adds or removes one on SIGTTIN or SIGTTOU (as gunicorn), gathers
 * their metrics for /metrics, tells them whether the service is ready, and stops them
 * gracefully.
 */
export async function runPrimary(options: ServeOptions, version: string): Promise<void> {
  const log = createLog(options.logFormat);
  const port = options.port === 0 ? await freePort(options.host) : options.port;
  const env = withHeapCap({ ...process.env, [WORKER_ENV]: JSON.stringify({ ...options, port }) }, options.workerMemory);
  const workers = new Map<ChildProcess, Worker>();
  let target = options.workers;
  let stopping = false;
  let started = false;
  let crashes = 0;
  const restarts = new Map<string, number>();
  let watchdogKills = 0;
  /** SIGHUP: the workers still to replace, and the one being replaced. */
  const reloadQueue: ChildProcess[] = [];
  let reloading: ChildProcess | null = null;
  const collections = new Map<number, Collection>();
  let collectIds = 0;
  /** The counters of workers gone, merged. */
  let gone: MetricJson[] = [];
  const scheme = options.tlsCert === null ? 'http' : 'https';

  log.info('start', { version, config: { ...options, port } }, `evaluator ${version} starting ${target} worker${target === 1 ? '' : 's'} on ${options.host}:${port}`);

  const serving = () => [...workers.values()].filter((w) => w.ready && !w.drainSent && w.killedFor === null).length;
  let lastReadiness = false;
  const isReady = () => started && !stopping && serving() >= target;
  const tell = (child: ChildProcess) => child.connected && child.send({ type: 'readiness', ready: lastReadiness } satisfies PrimaryMessage);
  /** Tells every worker whether the service is ready, when that changes. */
  const announce = () => {
    const ready = isReady();
    if (ready === lastReadiness) return;
    lastReadiness = ready;
    for (const child of workers.keys()) tell(child);
  };

  const start = (replaces: ChildProcess | null = null): void => {
    const [command, args] = workerCommand();
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env });
    const now = performance.now();
    const worker: Worker = { bornAt: now, ready: false, lastBeat: now, retiring: false, drainSent: false, killedFor: null, lastMetrics: null, replaces };
    workers.set(child, worker);
    child.on('message', (msg: WorkerMessage) => {
      switch (msg?.type) {
        case 'beat':
          worker.lastBeat = performance.now();
          break;
        case 'ready':
          worker.ready = true;
          worker.lastBeat = performance.now();
          onReady(child, worker);
          break;
        case 'recycle':
          retire(child, worker, 'memory', `worker ${child.pid} holds ${mib(msg.heapUsed)} MiB of its ${mib(msg.heapLimit)} MiB heap after a full GC; replacing it`);
          break;
        case 'listen-failed':
          if (!started) fatal(msg.message);
          break;
        case 'metrics-request':
          collect(child, msg.id);
          break;
        case 'metrics-part':
          worker.lastMetrics = msg.metrics;
          collected(child, msg.id, msg.metrics);
      }
    });
    // a message to a worker that has just died fails (EPIPE) before its 'exit' arrives: without
    // a listener that error would end the primary, and with it the service
    child.on('error', (err) => log.warn('worker-error', { worker: child.pid, error: err.message }, `worker ${child.pid}: ${err.message}`));
    child.on('exit', (code, signal) => {
      workers.delete(child);
      for (const [id, c] of collections) if (c.waiting.delete(child) && c.waiting.size === 0) finishCollection(id);
      if (worker.lastMetrics !== null) keepCounters(worker.lastMetrics);
      if (stopping) {
        if (workers.size === 0) {
          log.info('stop', {}, 'every worker stopped');
          process.exit(0);
        }
        return;
      }
      if (!started) return fatal(`a worker exited during start-up (${signal ?? `code ${code}`})`);
      announce();
      const old = worker.replaces === null ? undefined : workers.get(worker.replaces);
      if (!worker.ready && old !== undefined && old.retiring && !old.drainSent) {
        // a replacement that cannot start (a token file or certificate now unreadable, say): the old worker keeps serving
        old.retiring = false;
        reloadQueue.length = 0;
        reloading = null;
        log.error('worker-exit', { worker: child.pid, code, signal, kept: worker.replaces!.pid }, `worker ${child.pid} ${worker.killedFor ?? `exited (${signal ?? `code ${code}`})`} before it listened; worker ${worker.replaces!.pid} keeps serving and any reload stops`);
        return;
      }
      const how = worker.killedFor ?? `exited (${signal ?? `code ${code}`})`;
      const fields = { worker: child.pid, code, signal };
      // a retiring worker's replacement is already there, a removed one has none
      if (worker.retiring) {
        if (!worker.drainSent) log.warn('worker-exit', fields, `worker ${child.pid} ${how} before its replacement was ready`);
        else if (code !== 0) log.warn('worker-exit', fields, `worker ${child.pid} ${how} while draining`);
        else log.info('worker-exit', fields, `worker ${child.pid} drained and stopped`);
        if (child === reloading) reloadNext();
        return;
      }
      crashes = performance.now() - worker.bornAt > STABLE_AFTER_MS ? 1 : crashes + 1;
      const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (crashes - 1));
      bump(restarts, worker.killedFor === null ? 'exited' : 'stalled');
      log.warn('worker-exit', { ...fields, respawnInMs: delay }, `worker ${child.pid} ${how}; starting another in ${delay} ms`);
      setTimeout(() => {
        if (!stopping && workers.size < target + retiringCount()) start();
      }, delay);
    });
  };

  const mib = (n: number) => Math.round(n / 2 ** 20);
  const retiringCount = () => [...workers.values()].filter((w) => w.retiring).length;

  /** Starts a replacement now; the worker drains once a replacement listens, so capacity never drops. */
  const retire = (child: ChildProcess, worker: Worker, reason: string, text: string) => {
    if (stopping || worker.retiring) return;
    worker.retiring = true;
    bump(restarts, reason);
    log.info('worker-replace', { worker: child.pid, reason }, text);
    start(child);
  };

  const drain = (child: ChildProcess, worker: Worker) => {
    worker.drainSent = true;
    if (child.connected) child.send({ type: 'shutdown', deadline: Date.now() + options.shutdownTimeout } satisfies PrimaryMessage);
    else child.kill('SIGTERM');
  };

  /** A replacement listens: the worker it replaces drains. */
  const drainReplaced = (replacement: Worker) => {
    const old = replacement.replaces === null ? undefined : workers.get(replacement.replaces);
    if (old !== undefined && old.retiring && !old.drainSent) drain(replacement.replaces!, old);
  };

  /** SIGHUP, as gunicorn's: each worker in turn is replaced, the next once the last has drained, so capacity never drops. */
  const reload = () => {
    if (stopping || !started) return;
    for (const [child, worker] of workers) if (!worker.retiring && !reloadQueue.includes(child)) reloadQueue.push(child);
    log.info('reload', { workers: reloadQueue.length }, `SIGHUP: replacing ${reloadQueue.length} worker${reloadQueue.length === 1 ? '' : 's'} one by one`);
    if (reloading === null) reloadNext();
  };

  const reloadNext = () => {
    reloading = null;
    while (reloadQueue.length > 0) {
      const child = reloadQueue.shift()!;
      const worker = workers.get(child);
      if (worker === undefined || worker.retiring || stopping) continue;
      reloading = child;
      retire(child, worker, 'reload', `SIGHUP: replacing worker ${child.pid}`);
      return;
    }
    if (!stopping) log.info('reloaded', {}, 'SIGHUP: every worker replaced');
  };

  /** SIGTTIN: one worker more. */
  const addWorker = () => {
    if (stopping) return;
    if (target >= MAX_WORKERS) {
      log.warn('workers', { target }, `SIGTTIN: ${MAX_WORKERS} workers is the most; none added`);
      return;
    }
    target++;
    log.info('workers', { target }, `SIGTTIN: starting a worker, ${target} from now on`);
    announce();
    start();
  };

  /** SIGTTOU: one worker fewer, never none; the newest drains. */
  const removeWorker = () => {
    if (stopping) return;
    if (target <= 1) {
      log.warn('workers', { target }, 'SIGTTOU: one worker is the fewest; none removed');
      return;
    }
    target--;
    const candidates = [...workers].filter(([, w]) => !w.retiring && w.killedFor === null);
    const newest = candidates[candidates.length - 1];
    log.info('workers', { target, worker: newest?.[0].pid }, `SIGTTOU: stopping worker ${newest?.[0].pid}, ${target} from now on`);
    if (newest !== undefined) {
      newest[1].retiring = true;
      drain(newest[0], newest[1]);
    }
    announce();
  };

  /** The watchdog: a worker whose event loop has not turned for --stall-timeout is killed; the kernel then stops routing to its socket. */
  const watch = () => {
    const now = performance.now();
    for (const [child, worker] of workers) {
      if (!worker.ready || worker.killedFor !== null || now - worker.lastBeat <= options.stallTimeout) continue;
      worker.killedFor = `stalled (no heartbeat for ${Math.round(now - worker.lastBeat)} ms) and was killed`;
      watchdogKills++;
      log.error('watchdog-kill', { worker: child.pid, silentMs: Math.round(now - worker.lastBeat) }, `worker ${child.pid} is silent: killing it`);
      child.kill('SIGKILL');
      announce();
    }
  };
  setInterval(watch, HEARTBEAT_MS);

  const onReady = (child: ChildProcess, worker: Worker) => {
    if (started) {
      drainReplaced(worker);
      announce();
      tell(child);
      return;
    }
    if (serving() >= target) {
      started = true;
      // not the words of the stdout line below, which scripts look for
      log.info('listening', { url: `${scheme}://${options.host}:${port}`, workers: target }, `${target} worker${target === 1 ? ' listens' : 's listen'} on ${scheme}://${options.host}:${port}`);
      process.stdout.write(`evaluator ${version} listening on ${scheme}://${options.host}:${port} with ${target} worker${target === 1 ? '' : 's'}\n`);
      announce();
    }
  };

  /** A worker asked for /metrics: every worker sends its own, the primary merges them with its own and the gone workers' counters. */
  const collect = (from: ChildProcess, fromId: number) => {
    // scrapes at once share one collection: a flood of them costs the workers one each
    for (const c of collections.values()) {
      if (c.parts.length === 0) {
        c.askers.push([from, fromId]);
        return;
      }
    }
    const id = ++collectIds;
    const waiting = new Set([...workers.keys()].filter((w) => w.connected));
    const timer = setTimeout(() => finishCollection(id), COLLECT_WAIT_MS);
    collections.set(id, { askers: [[from, fromId]], parts: [], waiting, timer });
    for (const w of waiting) w.send({ type: 'collect', id } satisfies PrimaryMessage);
  };

  const collected = (child: ChildProcess, id: number, metrics: MetricJson[]) => {
    const c = collections.get(id);
    if (c === undefined || !c.waiting.delete(child)) return;
    c.parts.push(metrics);
    if (c.waiting.size === 0) finishCollection(id);
  };

  const finishCollection = (id: number) => {
    const c = collections.get(id);
    if (c === undefined) return;
    collections.delete(id);
    clearTimeout(c.timer);
    const own = primaryMetrics({ restarts, watchdogKills, serving: serving(), target, ready: isReady() });
    // a worker that did not answer (stopped, stalled) counts as of its last answer: left out, its counters would go down, which Prometheus takes for a restart
    const silent = [...c.waiting].flatMap((w) => {
      const last = workers.get(w)?.lastMetrics;
      return last == null ? [] : [cumulative(last)];
    });
    renderMetrics([...c.parts, ...silent, gone, own]).then(
      (text) => {
        for (const [from, fromId] of c.askers) if (from.connected) from.send({ type: 'metrics', id: fromId, text } satisfies PrimaryMessage);
      },
      (err: Error) => log.error('metrics', { error: err.message }, `cannot merge the metrics: ${err.message}`),
    );
  };

  /** A gone worker's counters, as of the last scrape, added to the totals: they never go down. */
  const keepCounters = (metrics: MetricJson[]) => {
    AggregatorRegistry.aggregate([gone, cumulative(metrics)])
      .getMetricsAsJSON()
      .then((merged) => (gone = merged as unknown as MetricJson[]));
  };

  const fatal = (message: string) => {
    log.error('fatal', {}, message);
    stopping = true;
    for (const w of workers.keys()) w.kill('SIGKILL');
    process.exit(1);
  };

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('drain', { signal }, `${signal}: finishing requests in flight, then stopping`);
    const deadline = Date.now() + options.shutdownTimeout;
    for (const w of workers.keys()) {
      if (w.connected) {
        w.send({ type: 'readiness', ready: false } satisfies PrimaryMessage);
        w.send({ type: 'shutdown', deadline } satisfies PrimaryMessage);
      } else w.kill('SIGTERM');
    }
    if (workers.size === 0) process.exit(0);
    setTimeout(() => {
      log.warn('stop', { left: workers.size }, `${workers.size} worker(s) still busy at --shutdown-timeout: killed`);
      for (const w of workers.keys()) w.kill('SIGKILL');
      process.exit(0);
    }, options.shutdownTimeout + 1000).unref();
  };

  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', reload);
  process.on('SIGTTIN', addWorker);
  process.on('SIGTTOU', removeWorker);
  for (let i = 0; i < target; i++) start();
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
