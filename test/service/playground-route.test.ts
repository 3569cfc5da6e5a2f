import { createHash } from 'node:crypto';
import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, targets, type Server } from '../support/server.js';

/** GET with the headers given and nothing else (fetch would ask for gzip and unpack it). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe.each(targets())('GET / (%s)', (target) => {
  let server: Server;
  let off: Server;
  beforeAll(async () => {
    [server, off] = await Promise.all([startServer(target), startServer(target, ['--no-playground'])]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), off?.stop()]);
  });

  it('serves one self-contained page whose policy allows its own script and requests to itself only', async () => {
    const res = await rawGet(server.url + '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const html = res.body.toString('utf8');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(1);
    // nothing loaded from elsewhere: no src or href but a data: icon
    expect([...html.matchAll(/\b(?:src|href)=["']?([^"' >]+)/g)].map((m) => m[1])).toEqual(['data:,']);
    const hash = createHash('sha256').update(scripts[0][1]).digest('base64');
    expect(res.headers['content-security-policy']).toBe(
      `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    const gz = await rawGet(server.url + '/', { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.length).toBeLessThan(res.body.length / 2);
    expect(gunzipSync(gz.body).toString('utf8')).toBe(html);
    // a weight of 0 refuses a coding (RFC 9110); * stands for any
    for (const [header, gzipped] of [['gzip;q=0, deflate', false], ['deflate, GZIP ; q=0.5', true], ['*', true], ['x-gzip-like', false]] as const) {
      const r = await rawGet(server.url + '/', { 'accept-encoding': header });
      expect(r.headers['content-encoding'], header).toBe(gzipped ? 'gzip' : undefined);
    }
  });

  it('answers other methods on / with 405, and --no-playground with 404', async () => {
    const post = await fetch(server.url + '/', { method: 'POST', body: '{}' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET']);
    const res = await rawGet(off.url + '/');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body.toString())).toEqual({ error: 'no route GET /' });
    expect((await rawGet(off.url + '/healthz')).status).toBe(200);
  });
});
