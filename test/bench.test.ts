import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../src/bench/report.js';
import { BINARY, BUNDLE, startServer, type Server } from './support/server.js';

/** Runs --bench; without the default second of warm-up per point unless a test asks for it. */
function bench(args: string[], command = [process.execPath, BUNDLE]) {
  const warmup = args.includes('--warmup') || args.includes('--help') ? [] : ['--warmup', '0'];
  const r = spawnSync(command[0], [...command.slice(1), '--bench', ...args, ...warmup], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('evaluator --bench', () => {
  let server: Server;
  let failing: ChildProcess;
  let failingUrl: string;
  const dir = mkdtempSync(join(tmpdir(), 'evaluator-bench-'));

  beforeAll(async () => {
    server = await startServer('bundle');
    // a server that answers 500 to everything but GET /count (how many it answered 500),
    // in its own process (spawnSync blocks this one)
    const script = `let n = 0; const s = require('node:http').createServer((q, r) => { q.resume(); q.on('end', () => q.url === '/count' ? r.end(String(n)) : (n++, r.writeHead(500, {'content-type': 'application/json'}).end('{"error":"boom"}'))); });
      s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;
    failing = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<string>((r) => failing.stdout!.once('data', (d) => r(String(d).trim())));
    failingUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.stop();
    failing?.kill();
  });

  it('runs the original scenario against a target: the counts add up, and --json, --csv, --html hold them', () => {
    const json = join(dir, 'rows.json');
    const csv = join(dir, 'csv');
    const html = join(dir, 'report.html');
    const r = bench(['--target', server.url, '--requests', '60', '--clients', '2,3', '--json', json, '--csv', csv, '--html', html]);
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(readFileSync(json, 'utf8')) as Row[];
    expect(rows.map((x) => [x.scenario, x.clients, x.requests, x.logs, x.errors])).toEqual([
      ['original', 2, 60, 60, 0],
      ['original', 3, 60, 60, 0],
    ]);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['scenario', 'target', 'endpoint', 'clients', 'workers', 'batch', 'requests', 'logs', 'errors', 'elapsed_ms', 'time_per_request_ms', 'rps', 'latency_ms']));
      expect(Object.keys(row.latency_ms)).toEqual(['p50', 'p90', 'p99', 'max']);
      expect(row.time_per_request_ms).toBeCloseTo(row.elapsed_ms / row.requests, 6);
      expect(row.latency_ms.p50).toBeGreaterThan(0);
      expect(row.latency_ms.p99).toBeGreaterThanOrEqual(row.latency_ms.p50);
    }
    expect(r.stdout).toMatch(/\| original \| http:\/\/127\.0\.0\.1:\d+ \| eval \| 2 \| - \| - \| 60 \| 60 \| 0 \| - \|/);
    expect(readdirSync(csv)).toEqual(['original.csv']);
    const lines = readFileSync(join(csv, 'original.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('scenario,target,endpoint,clients,workers,batch,requests,answered,logs,errors,compared,mismatches,elapsed_ms,time_per_request_ms,rps,p50_ms,p90_ms,p99_ms,max_ms');
    expect(lines).toHaveLength(3);
    const page = readFileSync(html, 'utf8');
    expect(page.match(/<svg /g)).toHaveLength(1);
    expect(page).toContain('ms per request (elapsed / requests), log scale');
    expect(page).toMatch(/<p class="headline">[^<]+: [\d.,]+ ms per request at best \([23] clients, [\d,.]+ requests\/s\); no errors in 120 requests\.<\/p>/);
    expect(page).not.toMatch(/<script|<link|src=|href=/);
  });

  it('counts every error against a server that answers 500, by kind', () => {
    const json = join(dir, 'errors.json');
    const r = bench(['--target', failingUrl, '--requests', '30', '--clients', '3', '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    const [row] = JSON.parse(readFileSync(json, 'utf8')) as Row[];
    expect(row).toMatchObject({ requests: 30, answered: 0, logs: 0, errors: 30, errors_by_kind: { '500': 30 } });
  });

  it.each([0, 1])('loads for --warmup %i s first, and does not count it', async (warmup) => {
    const json = join(dir, `warmup-${warmup}.json`);
    const served = async () => Number(await (await fetch(`${failingUrl}/count`)).text());
    const before = await served();
    const r = bench(['--target', failingUrl, '--requests', '30', '--clients', '3', '--warmup', String(warmup), '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    const [row] = JSON.parse(readFileSync(json, 'utf8')) as Row[];
    expect(row).toMatchObject({ requests: 30, errors: 30 });
    const extra = (await served()) - before - 30;
    if (warmup === 0) expect(extra).toBe(0);
    else expect(extra).toBeGreaterThan(30); // a second of a local server answering at once
  });

  it('compares several targets in one run, with ratios to the first', () => {
    const r = bench(['--target', server.url, '--target', failingUrl, '--requests', '20', '--clients', '2']);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| original'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/\| 1\.00x \|$/);
  });

  it('claims no time per request for a target that answered nothing, first or not', () => {
    for (const targets of [['ev=' + server.url, 'failing=' + failingUrl], ['failing=' + failingUrl, 'ev=' + server.url]]) {
      const r = bench([...targets.flatMap((t) => ['--target', t]), '--requests', '20', '--clients', '2']);
      expect(r.status, r.stderr).toBe(0);
      const headline = r.stdout.split('\n').find((l) => l.startsWith('original · eval: '))!;
      expect(headline).toContain('failing: 20 errors in 20 requests');
      expect(headline).not.toMatch(/time per request/);
    }
  });

  it('replays logs in batches, counting logs apart from requests', () => {
    const json = join(dir, 'replay.json');
    const r = bench(['--target', server.url, '--scenario', 'replay', '--logs', '500', '--batch', '100', '--clients', '2', '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    const [row] = JSON.parse(readFileSync(json, 'utf8')) as Row[];
    expect(row).toMatchObject({ scenario: 'replay', batch: 100, requests: 5, logs: 500, errors: 0 });
    expect(r.stdout).toMatch(/replay .*: 500 logs in [\d.]+ s, .*the original: 459311 logs in 71\.6 min/);
  });

  it('saturates for a duration, on the eval-launch and mixed endpoints too', () => {
    for (const endpoint of ['eval-launch', 'mixed']) {
      const json = join(dir, `saturate-${endpoint}.json`);
      const r = bench(['--target', server.url, '--scenario', 'saturate', '--duration', '1', '--clients', '2', '--endpoint', endpoint, '--json', json]);
      expect(r.status, r.stderr).toBe(0);
      const [row] = JSON.parse(readFileSync(json, 'utf8')) as Row[];
      expect(row.requests).toBeGreaterThan(10);
      expect(row.errors).toBe(0);
      expect(row.elapsed_ms).toBeGreaterThanOrEqual(1000);
    }
  });

  it('replays NDJSON request bodies from --payload, cycling', () => {
    const file = join(dir, 'bodies.ndjson');
    writeFileSync(file, readFileSync(join(__dirname, '../../shared/fixtures/original/eval.ndjson'), 'utf8'));
    const json = join(dir, 'payload.json');
    const r = bench(['--target', server.url, '--payload', file, '--requests', '200', '--clients', '4', '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))[0]).toMatchObject({ requests: 200, errors: 0 });
  });

  it('starts and stops its own evaluator when given no target', () => {
    const json = join(dir, 'local.json');
    const r = bench(['--requests', '40', '--clients', '2', '--workers', '1', '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))[0]).toMatchObject({ target: 'local', workers: 1, requests: 40, errors: 0 });
  });

  it.runIf(existsSync(BINARY))('is built into the single executable', () => {
    const r = bench(['--requests', '20', '--clients', '2', '--workers', '1'], [BINARY]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\| original \| local \| eval \| 2 \| 1 \| - \| 20 \| 20 \| 0 \|/);
  });

  it.each([
    [['--scenario', 'nope'], "evaluator: --scenario must be one of original, workers, replay, saturate or all, not 'nope'\n"],
    [['--clients', 'two'], "evaluator: --clients needs a whole number, not 'two'\n"],
    [['--target', 'ftp://x'], "evaluator: --target must be an http://host:port URL, not 'ftp://x'\n"],
    [['--frobnicate'], "evaluator: unknown bench option '--frobnicate' (see --bench --help)\n"],
    [['--target', 'a b=http://x:1'], "evaluator: --target's name must be 1-40 letters, digits or . _ - + @ : /, not 'a b'\n"],
    [['--target', '=http://x:1'], "evaluator: --target's name must be 1-40 letters, digits or . _ - + @ : /, not ''\n"],
    [['--target', 'a=http://x:1', '--target', 'a=http://y:2'], 'evaluator: --target a is given twice\n'],
    [['--target', 'a=ftp://x'], "evaluator: --target must be an http://host:port URL, not 'ftp://x'\n"],
    [['--target', 'a=http://x:1', '--compare'], 'evaluator: --compare needs two or more --target to compare\n'],
    [['--mismatches', 'm.ndjson'], 'evaluator: --compare needs two or more --target to compare\n'],
    [['--max-mismatches', '-1'], "evaluator: --max-mismatches needs a whole number, not '-1'\n"],
  ])('refuses %j with status 2', (args, message) => {
    const r = bench(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(message);
  });

  it('prints its own help', () => {
    const r = bench(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: evaluator --bench [options]');
  });
});
