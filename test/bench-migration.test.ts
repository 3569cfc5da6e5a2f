import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mismatch } from '../src/bench/compare.js';
import type { Row } from '../src/bench/report.js';
import { FIXTURES, freePort, relay, startProcess, until } from './support/bench-targets.js';
import { BUNDLE, startServer, type Server } from './support/server.js';

/**
 * The bench as a migration tool: against the original as it was deployed (a Flask app under
 * Debian's gunicorn, whose sync workers close every connection), and comparing answers.
 */
const ORACLE = join(__dirname, '../../shared/oracle');

function bench(args: string[]) {
  const r = spawnSync(process.execPath, [BUNDLE, '--bench', '--warmup', '0', ...args], { encoding: 'utf8', timeout: 180_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('evaluator --bench as a migration tool', () => {
  let evaluator: Server;
  let flask: { url: string; child: ChildProcess };
  let oracle: { url: string; child: ChildProcess };
  let closing: { url: string; child: ChildProcess };
  let wrong: { url: string; child: ChildProcess };
  const dir = mkdtempSync(join(tmpdir(), 'evaluator-migration-'));
  const rowsOf = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Row[];

  beforeAll(async () => {
    evaluator = await startServer('bundle');
    // the original as deployed: Debian's gunicorn, 2 sync workers, Debian's python3 and Flask
    flask = await startProcess('/usr/bin/gunicorn', ['--workers', '2', '--bind', '127.0.0.1:0', '--chdir', FIXTURES, 'original_app:app'], /Listening at: http:\/\/127\.0\.0\.1:(\d+)/);
    // the shared oracle's server prints nothing: it gets a port that was free a moment ago
    const port = await freePort();
    oracle = { url: `http://127.0.0.1:${port}`, child: spawn('python3', [join(ORACLE, 'serve.py'), '--port', String(port), '--inprocess'], { env: { ...process.env, PYTHONHASHSEED: '0' }, stdio: 'ignore' }) };
    await until(async () => (await fetch(`${oracle.url}/healthz`)).ok);
    wrong = await relay(evaluator.url, { SPOIL_ONE: '1' });
    closing = await relay(evaluator.url, { CLOSE: '1' });
  }, 60_000);
  afterAll(async () => {
    await evaluator?.stop();
    for (const p of [flask, oracle, closing, wrong]) p?.child.kill();
  });

  it('counts every answer of a server that closes each connection (Connection: close): sent = answered, no errors', () => {
    const json = join(dir, 'closing.json');
    const r = bench(['--target', `closing=${closing.url}`, '--requests', '300', '--clients', '2,10', '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    for (const row of rowsOf(json)) expect(row).toMatchObject({ target: 'closing', url: closing.url, requests: 300, answered: 300, logs: 300, errors: 0, errors_by_kind: {} });
  });

  it("measures the original as deployed, Flask under gunicorn's sync workers: no errors, and the same answers as the evaluator", () => {
    const json = join(dir, 'flask.json');
    const r = bench(['--target', `evaluator=${evaluator.url}`, '--target', `flask=${flask.url}`, '--compare', '--requests', '24', '--clients', '2,4', '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    const rows = rowsOf(json);
    expect(rows.map((x) => [x.target, x.clients, x.requests, x.answered, x.errors, x.compared, x.mismatches])).toEqual([
      ['evaluator', 2, 24, 24, 0, null, null],
      ['evaluator', 4, 24, 24, 0, null, null],
      ['flask', 2, 24, 24, 0, 24, 0],
      ['flask', 4, 24, 24, 0, 24, 0],
    ]);
    expect(r.stdout).toMatch(/\| original \| flask \| eval \| 4 \| - \| - \| 24 \| 24 \| 0 \| 0 of 24 \|/);
    // a python3 per condition: 2-30 requests a second, as busy as this machine is
  }, 150_000);

  it("compares answers with the shared oracle's: the evaluator's all alike, one wrong answer found and written with its request", () => {
    const json = join(dir, 'compare.json');
    const mismatches = join(dir, 'mismatches.ndjson');
    const r = bench(['--target', `oracle=${oracle.url}`, '--target', `evaluator=${evaluator.url}`, '--target', `wrong=${wrong.url}`, '--mismatches', mismatches, '--requests', '200', '--clients', '4', '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    expect(rowsOf(json).map((x) => [x.target, x.requests, x.errors, x.compared, x.mismatches])).toEqual([
      ['oracle', 200, 0, null, null],
      ['evaluator', 200, 0, 200, 0],
      ['wrong', 200, 0, 200, 1],
    ]);
    expect(r.stdout).toContain(`answers compared with oracle's: 1 mismatch, the first 1 in ${mismatches}`);
    const lines = readFileSync(mismatches, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const m = JSON.parse(lines[0]) as Mismatch;
    expect(m).toMatchObject({ scenario: 'original', clients: 4, reference: 'oracle', target: 'wrong', path: '/eval' });
    expect(m.difference).toMatch(/^\$\.context\.count: (\d+) \(int\) against \1\.0 \(float\)$/);
    // the request as sent, and each side's answer as received: the oracle answers it again alike
    const again = spawnSync('python3', [join(ORACLE, 'evaluate.py'), 'eval'], { input: m.request + '\n', encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } });
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(m.answers.oracle.body));
    expect(m.answers.wrong.body).toMatch(/"count":\d+\.0/);
  });

  it("proves a team's own traffic (--payload) answered alike by the evaluator and the oracle", () => {
    const json = join(dir, 'payload.json');
    const r = bench(['--target', `oracle=${oracle.url}`, '--target', `evaluator=${evaluator.url}`, '--compare', '--payload', join(__dirname, '../../shared/fixtures/differential/eval.requests.ndjson'), '--requests', '600', '--clients', '4', '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    expect(rowsOf(json)[1]).toMatchObject({ target: 'evaluator', requests: 600, errors: 0, compared: 600, mismatches: 0 });
  }, 60_000);
});
