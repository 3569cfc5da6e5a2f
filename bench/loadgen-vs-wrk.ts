/**
 * Is the built-in load generator the bottleneck? The same server (the evaluator, 2
 * workers), the same request body, 20 connections: wrk, then ours, 3 s each, in 5 rounds
 * (this machine's speed moves within seconds, so each ratio compares neighbours in time).
 *   apt-get install wrk && npm run bench:loadgen
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRequest, runLoad } from '../src/bench/loadgen.js';
import { evalBodies } from '../src/bench/workload.js';

const SECONDS = 3;
const ROUNDS = 5;
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
// warm-up, then wrk with one thread (as our generator has one), and ours, in turns
spawnSync('wrk', ['-t1', `-c${CLIENTS}`, '-d2s', '-s', script, `${url}/eval`]);
const { hostname, port } = new URL(url);
const payloads = [encodeRequest('/eval', body)];
const check = (b: string) => b.includes('"trueConditions"');
await runLoad({ host: hostname, port: Number(port), clients: CLIENTS, requests: Number.MAX_SAFE_INTEGER, durationMs: 2000, payloads, check });
const rounds: { wrk: number; ours: number }[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const wrk = spawnSync('wrk', ['-t1', `-c${CLIENTS}`, `-d${SECONDS}s`, '-s', script, `${url}/eval`], { encoding: 'utf8' });
  const ours = await runLoad({ host: hostname, port: Number(port), clients: CLIENTS, requests: Number.MAX_SAFE_INTEGER, durationMs: SECONDS * 1000, payloads, check });
  rounds.push({ wrk: Number(/Requests\/sec:\s+([\d.]+)/.exec(wrk.stdout)?.[1]), ours: (ours.requests / ours.elapsedMs) * 1000 });
}
server.kill('SIGTERM');

const ratios = rounds.map((r) => r.ours / r.wrk).sort((a, b) => a - b);
console.log(`/eval on the evaluator (2 workers), ${CLIENTS} connections, one request body, ${ROUNDS} rounds of ${SECONDS} s each`);
console.log('| round | wrk 4.1 (-t1) requests/s | evaluator --bench\'s requests/s | ours / wrk |');
console.log('|---:|---:|---:|---:|');
rounds.forEach((r, i) => console.log(`| ${i + 1} | ${r.wrk.toFixed(0)} | ${r.ours.toFixed(0)} | ${(r.ours / r.wrk).toFixed(2)}x |`));
console.log(`median ours / wrk: ${ratios[Math.floor(ratios.length / 2)].toFixed(2)}x`);
