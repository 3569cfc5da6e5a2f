/**
 * The reference for bench/http.ts: a bare uWS server with the same process model as the
 * evaluator (N workers on one port), which reads the body, parses the same JSON and
 * answers a small JSON object per payload (/eval and /eval/batch). What the evaluator
 * adds on top is the difference.
 *   node dist/bare-server.mjs PORT WORKERS
 */
import { spawn } from 'node:child_process';
import { loadUws, type HttpResponse } from '../src/server/uws.js';

const [port, workers] = [Number(process.argv[2] ?? 9000), Number(process.argv[3] ?? 2)];

if (process.env.BARE_WORKER === undefined) {
  let ready = 0;
  for (let i = 0; i < workers; i++) {
    const child = spawn(process.execPath, [process.argv[1], String(port), String(workers)], { env: { ...process.env, BARE_WORKER: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', () => {
      if (++ready === workers) console.log(`bare listening on ${port}`);
    });
    process.on('SIGTERM', () => child.kill());
  }
  process.on('SIGTERM', () => process.exit(0));
} else {
  const uws = loadUws();
  type Payload = { context: unknown };
  const route = (answer: (body: { payload: Payload; payloads: Payload[] }) => string) => (res: HttpResponse) => {
    const chunks: Buffer[] = [];
    res.onAborted(() => {});
    res.onData((chunk, last) => {
      chunks.push(Buffer.from(chunk.slice(0)));
      if (!last) return;
      const text = answer(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.cork(() => res.writeStatus('200 OK').writeHeader('Content-Type', 'application/json').end(text));
    });
  };
  uws
    .App()
    .post('/eval', route((body) => JSON.stringify({ trueConditions: [], context: body.payload.context })))
    .post('/eval/batch', route((body) => JSON.stringify({ results: body.payloads.map((p) => ({ trueConditions: [], context: p.context })) })))
    .listen('127.0.0.1', port, (s) => {
      if (s) console.log('ready');
    });
}
