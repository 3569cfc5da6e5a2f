import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawClient } from '../support/raw.js';
import { startServer, type Server } from '../support/server.js';

/**
 * Large bodies being read are held in buffers outside the V8 heap and its cap: a worker holds
 * at most 64 x --max-body of them, and answers a large one past that with 503 at once.
 */
describe('request bodies being read', () => {
  let server: Server;
  beforeAll(async () => {
    // one worker, so that every connection lands on it; 64 x 64 KiB = 4 MiB of bodies
    server = await startServer('bundle', ['--workers', '1', '--max-body', '64KiB']);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const head = (length: number) => `POST /eval HTTP/1.1\r\nHost: x\r\nContent-Length: ${length}\r\n\r\n`;

  it('refuses the 65th large body read at once with 503, and serves again once they are gone', async () => {
    const slow: RawClient[] = [];
    for (let i = 0; i < 64; i++) {
      const c = await RawClient.open(server.port);
      c.write(head(65536) + '{"payload": ');
      slow.push(c);
    }
    // wait until the worker has taken every head
    await new Promise((r) => setTimeout(r, 300));
    const over = await RawClient.open(server.port);
    over.write(head(65536) + '{');
    const answer = await over.until((d) => d.includes('\r\n\r\n') && d.includes('}'), 5000);
    expect(answer).toMatch(/^HTTP\/1.1 503 /);
    expect(answer).toContain('reading 4194304 bytes of request bodies already');
    // small bodies still pass: they take no buffer of their own
    const small = await fetch(server.url + '/eval', { method: 'POST', body: '{}' });
    expect(small.status).toBe(400);
    for (const c of slow) c.socket.destroy();
    over.socket.destroy();
    await new Promise((r) => setTimeout(r, 300));
    const after = await fetch(server.url + '/eval', { method: 'POST', body: '{}' });
    expect(after.status).toBe(400);
  });
});
