import { AggregatorRegistry } from 'prom-client';
import type { Engine } from '../lang/index.js';
import { outcomes } from '../service/observe.js';
import { LATENCY_BOUNDS, type RequestStats } from './request-stats.js';

/** A metric as prom-client's registry.getMetricsAsJSON() gives it: what its cluster aggregator merges. */
export interface MetricJson {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  values: { labels: Labels; value: number; metricName?: string }[];
  aggregator: 'sum';
}

type Labels = Record<string, string | number>;

const metric = (name: string, help: string, type: MetricJson['type'], values: MetricJson['values']): MetricJson => ({ name, help, type, values, aggregator: 'sum' });

const fromMap = (map: Map<string, number>, label: string, extra: Labels = {}) => [...map].map(([key, value]) => ({ labels: { ...extra, [label]: key }, value }));

/** A worker's counters as metrics, built when /metrics is scraped, never on the hot path. */
export function workerMetrics(requests: RequestStats, engine: Engine): MetricJson[] {
  const requestValues: { labels: Labels; value: number }[] = [];
  const latency: { labels: Labels; value: number; metricName: string }[] = [];
  const seconds = 'evaluator_http_request_duration_seconds';
  for (const [route, stats] of requests.routes) {
    for (const [status, n] of stats.statuses) requestValues.push({ labels: { route, status: status.slice(0, 3) }, value: n });
    let cumulative = 0;
    LATENCY_BOUNDS.forEach((le, i) => {
      cumulative += stats.buckets[i];
      latency.push({ labels: { route, le }, value: cumulative, metricName: `${seconds}_bucket` });
    });
    latency.push({ labels: { route, le: '+Inf' }, value: stats.count, metricName: `${seconds}_bucket` });
    latency.push({ labels: { route }, value: stats.sum, metricName: `${seconds}_sum` });
    latency.push({ labels: { route }, value: stats.count, metricName: `${seconds}_count` });
  }
  const memory = process.memoryUsage();
  const worker = { worker: String(process.pid) };
  return [
    metric('evaluator_http_requests_total', 'HTTP requests answered, by route and status.', 'counter', requestValues),
    metric(seconds, 'Time from a request\'s head to its answer, by route.', 'histogram', latency),
    metric('evaluator_conditions_total', 'Conditions run, by outcome: true, false, or error with its exception class.', 'counter', [
      { labels: { outcome: 'true' }, value: outcomes.true },
      { labels: { outcome: 'false' }, value: outcomes.false },
      ...fromMap(outcomes.errors, 'exception', { outcome: 'error' }),
    ]),
    metric('evaluator_limit_hits_total', 'Runs stopped by a limit of the sandbox, by the exception it raised.', 'counter', fromMap(outcomes.limits, 'limit')),
    metric('evaluator_compile_cache_hits_total', 'Conditions found compiled in a worker\'s cache.', 'counter', [{ labels: {}, value: engine.cacheHits }]),
    metric('evaluator_compile_cache_misses_total', 'Conditions compiled because no worker\'s cache held them.', 'counter', [{ labels: {}, value: engine.cacheMisses }]),
    metric('evaluator_compile_cache_entries', 'Compiled conditions kept, all workers together.', 'gauge', [{ labels: {}, value: engine.cacheEntries }]),
    metric('evaluator_compile_cache_bytes', 'Estimated bytes of compiled conditions kept, all workers together.', 'gauge', [{ labels: {}, value: engine.cacheBytes }]),
    metric('evaluator_internal_errors_total', 'Errors of the evaluator itself met while running conditions (each logged with its stack).', 'counter', [{ labels: {}, value: engine.internalErrors }]),
    metric('evaluator_worker_heap_used_bytes', 'V8 heap in use, per worker process.', 'gauge', [{ labels: worker, value: memory.heapUsed }]),
    metric('evaluator_worker_rss_bytes', 'Resident set size, per worker process.', 'gauge', [{ labels: worker, value: memory.rss }]),
  ];
}

/** What the primary counts of its workers. */
export interface PrimaryCounts {
  /** Workers started in place of one that exited, by why it went: exited, stalled (the watchdog), memory, reload (SIGHUP). */
  restarts: Map<string, number>;
  watchdogKills: number;
  /** Workers serving, and how many should. */
  serving: number;
  target: number;
  ready: boolean;
}

export function primaryMetrics(counts: PrimaryCounts): MetricJson[] {
  return [
    metric('evaluator_worker_restarts_total', 'Workers started in place of another, by why it went.', 'counter', fromMap(counts.restarts, 'reason')),
    metric('evaluator_watchdog_kills_total', 'Workers killed by the watchdog for a silent event loop (--stall-timeout).', 'counter', [{ labels: {}, value: counts.watchdogKills }]),
    metric('evaluator_workers', 'Worker processes listening and not draining.', 'gauge', [{ labels: {}, value: counts.serving }]),
    metric('evaluator_workers_target', 'Worker processes the primary keeps (--workers, changed by SIGTTIN and SIGTTOU).', 'gauge', [{ labels: {}, value: counts.target }]),
    metric('evaluator_ready', '1 while /readyz answers 200.', 'gauge', [{ labels: {}, value: counts.ready ? 1 : 0 }]),
  ];
}

/** Only what adds up over time: a gone worker's counters stay in the totals, its gauges do not. */
export const cumulative = (metrics: MetricJson[]): MetricJson[] => metrics.filter((m) => m.type === 'counter' || m.type === 'histogram');

/** One Prometheus text of every worker's and the primary's metrics, merged by prom-client's cluster aggregator (sums by label set). */
export function renderMetrics(parts: MetricJson[][]): Promise<string> {
  return AggregatorRegistry.aggregate(parts).metrics();
}

export const METRICS_CONTENT_TYPE = AggregatorRegistry.PROMETHEUS_CONTENT_TYPE;
