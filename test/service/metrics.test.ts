import { afterEach, describe, expect, it } from 'vitest';
import { evalBody, postOnce } from '../support/load.js';
import { get, parseMetrics, scrape, sleep, total, until } from '../support/ops.js';
import { startServer, type Server } from '../support/server.js';

describe('GET /metrics', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.stop('SIGKILL');
    for (const pid of server?.workers() ?? []) process.kill(pid, 'SIGKILL');
    server = undefined;
  });

  it('merges every worker: requests, latency, outcomes, limits, the cache, memory per worker', async () => {
    server = await startServer('bundle');
    const body = evalBody(['return True', 'return False', "return log['missing']", 'while True: pass', 'if x', 'return True']);
    // a connection each, so that the kernel spreads them over both workers
    const statuses = await Promise.all(Array.from({ length: 20 }, () => postOnce(server!.port, '/eval', body, 5000)));
    expect(statuses).toEqual(Array(20).fill(200));
    expect(await postOnce(server.port, '/nowhere/' + 'x'.repeat(50), '{}')).toBe(404);
    const m = await scrape(server.url);
    expect(total(m, 'evaluator_http_requests_total', { route: '/eval', status: '200' })).toBe(20);
    // a client's URL is never a label
    expect(total(m, 'evaluator_http_requests_total', { route: 'unmatched', status: '404' })).toBe(1);
    expect([...m.keys()].some((k) => k.includes('nowhere'))).toBe(false);
    expect(total(m, 'evaluator_http_request_duration_seconds_count', { route: '/eval' })).toBe(20);
    expect(total(m, 'evaluator_http_request_duration_seconds_bucket', { route: '/eval', le: '+Inf' })).toBe(20);
    // the first three run; the third raises, and ends the answer
    expect(total(m, 'evaluator_conditions_total', { outcome: 'true' })).toBe(20);
    expect(total(m, 'evaluator_conditions_total', { outcome: 'false' })).toBe(20);
    expect(total(m, 'evaluator_conditions_total', { outcome: 'error', exception: 'KeyError' })).toBe(20);
    expect(total(m, 'evaluator_compile_cache_misses_total') + total(m, 'evaluator_compile_cache_hits_total')).toBe(60);
    expect(total(m, 'evaluator_compile_cache_entries')).toBeGreaterThanOrEqual(3);
    expect(total(m, 'evaluator_compile_cache_bytes')).toBeGreaterThan(0);
    const workers = server.workers().map(String);
    for (const pid of workers) {
      expect(total(m, 'evaluator_worker_heap_used_bytes', { worker: pid })).toBeGreaterThan(1e6);
      expect(total(m, 'evaluator_worker_rss_bytes', { worker: pid })).toBeGreaterThan(1e7);
    }
    expect(total(m, 'evaluator_workers')).toBe(2);
    expect(total(m, 'evaluator_ready')).toBe(1);

    const limits = evalBody(['while True: pass', 'if x', 'return 1']);
    await postOnce(server.port, '/eval', limits, 5000);
    await postOnce(server.port, '/eval', evalBody(['if x']), 5000);
    const after = await scrape(server.url);
    expect(total(after, 'evaluator_limit_hits_total', { limit: 'StepLimitError' })).toBe(1);
    expect(total(after, 'evaluator_conditions_total', { outcome: 'error', exception: 'StepLimitError' })).toBe(1);
    expect(total(after, 'evaluator_conditions_total', { outcome: 'error', exception: 'SyntaxError' })).toBe(1);
    expect(total(after, 'evaluator_http_requests_total', { route: '/metrics', status: '200' })).toBe(1);
    // scrapes at once share collections, and each gets the whole text
    const many = await Promise.all(Array.from({ length: 30 }, () => get(server!.port, '/metrics')));
    for (const res of many) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(res.body).toMatch(/^evaluator_ready 1$/m);
    }
  });

  it('counts worker restarts and watchdog kills, and keeps a gone worker\'s counters in the totals', async () => {
    // a watchdog quick enough for the test, slow enough that a busy machine does not set it off on a running worker
    server = await startServer('bundle', ['--stall-timeout', '1500', '--request-budget', '1000']);
    await Promise.all(Array.from({ length: 10 }, () => postOnce(server!.port, '/eval', evalBody(['return True']), 5000)));
    expect(total(await scrape(server.url), 'evaluator_http_requests_total', { route: '/eval' })).toBe(10);
    const [first, second] = server.workers();
    process.kill(first, 'SIGKILL');
    await until('a replacement', () => server!.workers().length === 2 && !server!.workers().includes(first));
    process.kill(second, 'SIGSTOP');
    await until('the watchdog', () => !server!.workers().includes(second));
    // a scrape queued on the killed worker's socket is reset: that one is asked again
    await until('every worker ready', async () => total(await scrape(server!.url).catch(() => new Map()), 'evaluator_ready') === 1);
    const m = await scrape(server.url);
    expect(total(m, 'evaluator_worker_restarts_total', { reason: 'exited' })).toBe(1);
    expect(total(m, 'evaluator_worker_restarts_total', { reason: 'stalled' })).toBe(1);
    expect(total(m, 'evaluator_watchdog_kills_total')).toBe(1);
    // both workers that served them are gone; the requests stay counted
    expect(total(m, 'evaluator_http_requests_total', { route: '/eval' })).toBe(10);
    expect(new Set([...m.keys()].filter((k) => k.startsWith('evaluator_worker_rss_bytes')))).toEqual(new Set(server.workers().map((p) => `evaluator_worker_rss_bytes{worker="${p}"}`)));
  });

  it('answers while a worker is stopped, leaving out its gauges', async () => {
    server = await startServer('bundle', ['--stall-timeout', '10000']);
    const [stopped] = server.workers();
    process.kill(stopped, 'SIGSTOP');
    try {
      await sleep(100);
      // a scrape that lands on the stopped worker itself waits; the others answer after the primary's 1 s wait
      // connections spread over the workers: some reach a running one, which asks the primary, which waits 1 s for the stopped one
        const answers = await Promise.all(Array.from({ length: 12 }, () => Promise.race([get(server!.port, '/metrics'), sleep(8000).then(() => null)])));
      const answered = answers.filter((a) => a !== null);
      expect(answered.length).toBeGreaterThan(0);
      for (const a of answered) {
        expect(a.status).toBe(200);
        expect(a.body).toContain(`evaluator_worker_rss_bytes{worker="${server.workers().find((p) => p !== stopped)}"}`);
        expect(a.body).not.toContain(`worker="${stopped}"`);
      }
    } finally {
      process.kill(stopped, 'SIGCONT');
    }
  });

  it('keeps a stopped worker\'s counters at their last values: a counter never goes down', async () => {
    server = await startServer('bundle', ['--stall-timeout', '10000']);
    await Promise.all(Array.from({ length: 20 }, () => postOnce(server!.port, '/eval', evalBody(['return True']), 5000)));
    expect(total(await scrape(server.url), 'evaluator_http_requests_total', { route: '/eval' })).toBe(20);
    // each worker in turn: one of them served some of the 20
    for (const stopped of server.workers()) {
      process.kill(stopped, 'SIGSTOP');
      try {
        // connections spread over the workers: some reach a running one, which asks the primary, which waits 1 s for the stopped one
        const answers = await Promise.all(Array.from({ length: 12 }, () => Promise.race([get(server!.port, '/metrics'), sleep(8000).then(() => null)])));
        const answered = answers.filter((a) => a !== null);
        expect(answered.length).toBeGreaterThan(0);
        for (const a of answered) expect(total(parseMetrics(a.body), 'evaluator_http_requests_total', { route: '/eval' })).toBe(20);
      } finally {
        process.kill(stopped, 'SIGCONT');
      }
    }
  });

  it('keeps the counters of workers that exit together', async () => {
    server = await startServer('bundle', ['--workers', '3']);
    await Promise.all(Array.from({ length: 30 }, () => postOnce(server!.port, '/eval', evalBody(['return True']), 5000)));
    expect(total(await scrape(server.url), 'evaluator_http_requests_total', { route: '/eval' })).toBe(30);
    const gone = server.workers();
    for (const pid of gone) process.kill(pid, 'SIGKILL');
    await until('replacements', () => server!.workers().length === 3 && server!.workers().every((p) => !gone.includes(p)), 15_000, () => `workers ${server!.workers()}; log:\n${server!.errors()}`);
    // until the replacements listen, a connection may be refused
    await until('every worker ready', async () => total(await scrape(server!.url).catch(() => new Map()), 'evaluator_ready') === 1);
    expect(total(await scrape(server.url), 'evaluator_http_requests_total', { route: '/eval' })).toBe(30);
  });
});
