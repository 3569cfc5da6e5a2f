/**
 * Is the built-in load generator the bottleneck? The same server (the evaluator, 2
 * workers), the same request body, 20 connections for 10 s: wrk first, then ours.
 *   apt-get install wrk && npm run bench:loadgen
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRequest, runLoad } from '../src/bench/loadgen.js';
import { evalBodies } from '../src/bench/workload.js';

const SECONDS = 10;
const CLIENTS = 20;

if (spawnSync('wrk', ['--version']).error !== undefined) {
  console.error('wrk is not installed: apt-get install wrk');
  process.exit(2);
}

const body = evalBodies(1)[0];
const server = spawn(process.execPath, ['dist/evaluator.cjs', '--port', '0', '--host', '127.0.0.1', '--workers', '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve) => {
  let out = '';
  server.stdout!.on('data', (d) => {
    out += d;
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'wrk-'));
const script = join(dir, 'post.lua');
writeFileSync(script, `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\nwrk.headers["Content-Type"] = "application/json"\n`);
// warm-up, then wrk with one thread (as our generator has one)
spawnSync('wrk', ['-t1', `-c${CLIENTS}`, '-d2s', '-s', script, `${url}/eval`]);
const wrk = spawnSync('wrk', ['-t1', `-c${CLIENTS}`, `-d${SECONDS}s`, '-s', script, `${url}/eval`], { encoding: 'utf8' });
const wrkRps = Number(/Requests\/sec:\s+([\d.]+)/.exec(wrk.stdout)?.[1]);

const { hostname, port } = new URL(url);
const ours = await runLoad({ host: hostname, port: Number(port), clients: CLIENTS, requests: Number.MAX_SAFE_INTEGER, durationMs: SECONDS * 1000, payloads: [encodeRequest('/eval', body)], check: (b) => b.includes('"trueConditions"') });
const oursRps = (ours.requests / ours.elapsedMs) * 1000;
server.kill('SIGTERM');

console.log(`/eval on the evaluator (2 workers), ${CLIENTS} connections, ${SECONDS} s, one request body`);
console.log('| load generator | requests/s | vs wrk |');
console.log('|---|---:|---:|');
console.log(`| wrk 4.1 (-t1) | ${wrkRps.toFixed(0)} | 1.00x |`);
console.log(`| evaluator --bench's | ${oursRps.toFixed(0)} | ${(oursRps / wrkRps).toFixed(2)}x |`);
