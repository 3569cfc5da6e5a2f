import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evalBody } from '../support/load.js';
import { get, until } from '../support/ops.js';
import { commandFor, startServer, type Server } from '../support/server.js';

const dir = mkdtempSync(join(tmpdir(), 'evaluator-security-'));
const CERT = join(dir, 'cert.pem');
const KEY = join(dir, 'key.pem');
const TOKENS = join(dir, 'tokens');
const TOKEN = 'first-token-0123456789abcdef';
const OTHER = 'second-token-0123456789abcdef';

/** An HTTPS request trusting only the test's own certificate. */
function https(port: number, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', ca: readFileSync(CERT), agent: false }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function evalWith(server: Server, authorization?: string): Promise<{ status: number; body: string; auth: string | null }> {
  const res = await fetch(server.url + '/eval', { method: 'POST', body: evalBody(['return True']), headers: authorization === undefined ? {} : { authorization } });
  return { status: res.status, body: await res.text(), auth: res.headers.get('www-authenticate') };
}

describe('TLS and bearer tokens', () => {
  let server: Server | undefined;
  beforeAll(() => {
    // a self-signed certificate for 127.0.0.1, made for this run only
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', KEY, '-out', CERT, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  });
  afterEach(async () => {
    await server?.stop('SIGKILL');
    server = undefined;
  });

  it('--tls-cert and --tls-key serve HTTPS, and only HTTPS', async () => {
    server = await startServer('bundle', ['--tls-cert', CERT, '--tls-key', KEY]);
    expect(server.output()).toMatch(/listening on https:\/\/127\.0\.0\.1:\d+ with 2 workers/);
    const answer = await https(server.port, '/eval', evalBody(['return "x" in text']));
    expect(answer).toEqual({ status: 200, body: '{"context":{},"trueConditions":[0]}' });
    expect((await https(server.port, '/healthz')).status).toBe(200);
    // plain HTTP on the TLS port gets no answer
    await expect(get(server.port, '/healthz')).rejects.toThrow();
  });

  it('refuses a key that does not match its certificate before serving', async () => {
    const otherKey = join(dir, 'other-key.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-out', otherKey], { stdio: 'ignore' });
    const cmd = commandFor('bundle', ['--port', '0', '--host', '127.0.0.1', '--workers', '1', '--tls-cert', CERT, '--tls-key', otherKey]);
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(cmd.command, cmd.args, { env: cmd.env, encoding: 'utf8', timeout: 15_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^evaluator: --tls-cert '.*cert\.pem' and --tls-key '.*other-key\.pem' do not make a TLS pair: .*key values mismatch\n$/);
  });

  it('--auth-token-file: 401 without a valid Bearer token, exemptions by flag, a new file in force after SIGHUP', async () => {
    writeFileSync(TOKENS, `${TOKEN}\n`);
    server = await startServer('bundle', ['--auth-token-file', TOKENS, '--auth-exempt', '/healthz,/metrics']);
    const missing = await evalWith(server);
    expect(missing).toEqual({ status: 401, body: '{"error":"this service needs Authorization: Bearer <token>"}', auth: 'Bearer' });
    for (const bad of [`Bearer ${OTHER}`, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, `Bearer  `, `Bearer ${TOKEN} ${TOKEN}`]) {
      expect(await evalWith(server, bad), bad).toMatchObject({ status: 401, body: '{"error":"the Authorization header holds no valid Bearer token"}' });
    }
    expect(await evalWith(server, `Bearer ${TOKEN}`)).toMatchObject({ status: 200, body: '{"context":{},"trueConditions":[0]}' });
    expect(await evalWith(server, `bearer ${TOKEN}`)).toMatchObject({ status: 200 });
    expect((await get(server.port, '/healthz')).status).toBe(200);
    expect((await get(server.port, '/metrics')).status).toBe(200);
    // not exempted: probes and unknown routes alike need the token, so a stranger learns nothing
    expect((await get(server.port, '/readyz')).status).toBe(401);
    expect((await get(server.port, '/nowhere')).status).toBe(401);
    // 503 for a moment after start (the primary tells the workers over IPC), never 401
    await until('/readyz with the token', async () => (await get(server!.port, '/readyz', { authorization: `Bearer ${TOKEN}` })).status === 200, 2000);
    // rotation: a second token first, then the old one gone; workers read the file when a SIGHUP starts them
    writeFileSync(TOKENS, `${OTHER}\n`);
    server.process.kill('SIGHUP');
    await until('the reload', () => server!.errors().includes('"event":"reloaded"'), 30_000);
    expect((await evalWith(server, `Bearer ${OTHER}`)).status).toBe(200);
    expect((await evalWith(server, `Bearer ${TOKEN}`)).status).toBe(401);
  });

  it('a SIGHUP whose new workers cannot read the token file keeps the old ones serving', async () => {
    writeFileSync(TOKENS, `${TOKEN}\n`);
    server = await startServer('bundle', ['--auth-token-file', TOKENS]);
    const before = server.workers();
    writeFileSync(TOKENS, 'short\n');
    server.process.kill('SIGHUP');
    await until('the failed replacement', () => server!.errors().includes('keeps serving and any reload stops'));
    await new Promise((r) => setTimeout(r, 500));
    // no second attempt, no crash loop: the same two workers, and the token they read still works
    expect(server.workers()).toEqual(before);
    expect((await evalWith(server, `Bearer ${TOKEN}`)).status).toBe(200);
    expect(server.errors()).toContain('the token on line 1 is 5 characters');
  });

  it('without exemptions, /healthz and /metrics need the token too', async () => {
    writeFileSync(TOKENS, `${TOKEN}\n`);
    server = await startServer('bundle', ['--auth-token-file', TOKENS]);
    expect((await get(server.port, '/healthz')).status).toBe(401);
    expect((await get(server.port, '/metrics')).status).toBe(401);
    expect((await get(server.port, '/metrics', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });
});
