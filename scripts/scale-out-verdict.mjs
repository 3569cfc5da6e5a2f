#!/usr/bin/env node
// The verdict of scripts/scale-out-test.sh, from nginx's access log (one line a request:
// `$msec $status $upstream_addr|$upstream_status`), the script's event times and the
// bench's --json. Prints the requests per second by host, then each check; exits 1 if any fails.
// Usage: scale-out-verdict.mjs EVENTS ACCESS_LOG BENCH_JSON
import { readFileSync } from 'node:fs';

const [eventsFile, logFile, benchFile] = process.argv.slice(2);
if (benchFile === undefined) {
  console.error('usage: scale-out-verdict.mjs EVENTS ACCESS_LOG BENCH_JSON');
  process.exit(2);
}

const KILLED = '10.88.0.11:8080';
const HOSTS = [KILLED, '10.88.0.12:8080', '10.88.0.13:8080'];
/** nginx's fail_timeout: how long after the restart before nginx tries the host again. */
const FAIL_TIMEOUT = 2;
/** The first seconds' baseline leaves out the bench's connecting and the hosts' JIT warming up. */
const WARM_UP = 2;
/** The restarted host's share of the answers once back, against a fair third. */
const MIN_SHARE = 0.15;
/**
 * Throughput at the end against the first seconds. Loose: the hosts, nginx and the bench
 * share the machine's cores with whatever else runs, so per-second rates swing 2-3x.
 */
const MIN_RECOVERY = 0.5;

const events = Object.fromEntries(
  readFileSync(eventsFile, 'utf8').trim().split('\n').map((l) => {
    const [name, at] = l.split(' ');
    return [name, Number(at)];
  }),
);
const logged = readFileSync(logFile, 'utf8').trim().split('\n').map((line) => {
  // the hosts tried are listed as "a:8080, b:8080", their statuses as "502, 200"
  const m = /^(\S+) (\d+) (.*)\|(.*)$/.exec(line);
  if (m === null) throw new Error(`not an access log line: ${line}`);
  const tried = m[3].split(', ');
  // the host that answered is the last one tried
  return { at: Number(m[1]), status: Number(m[2]), host: tried[tried.length - 1], tries: tried.length, upstreamStatuses: m[4] };
});
const [bench] = JSON.parse(readFileSync(benchFile, 'utf8'));

const t0 = events.start;
// the script's own probes come before the load
const requests = logged.filter((r) => r.at >= t0);
const seconds = Math.ceil(events.end - t0);
const rows = ['| second | requests | ' + HOSTS.map((h) => h.split(':')[0]).join(' | ') + ' | retried |', '|---:|---:|---:|---:|---:|---:|'];
for (let s = 0; s < seconds; s++) {
  const inSecond = requests.filter((r) => r.at - t0 >= s && r.at - t0 < s + 1);
  const by = HOSTS.map((h) => inSecond.filter((r) => r.host === h).length);
  const mark = s === Math.floor(events.kill - t0) ? ' (kill)' : s === Math.floor(events.restart - t0) ? ' (restart)' : '';
  rows.push(`| ${s}${mark} | ${inSecond.length} | ${by.join(' | ')} | ${inSecond.filter((r) => r.tries > 1).length} |`);
}
console.log(rows.join('\n'));

const between = (from, to) => requests.filter((r) => r.at >= from && r.at < to);
const rate = (list, from, to) => list.length / (to - from);
const before = between(t0 + WARM_UP, events.kill);
const down = between(events.kill + 0.5, events.restart);
const backFrom = events.listening + FAIL_TIMEOUT + 1;
const after = between(backFrom, events.end);
const retried = requests.filter((r) => r.tries > 1);
const notOk = requests.filter((r) => r.status !== 200);
const share = after.length === 0 ? 0 : after.filter((r) => r.host === KILLED).length / after.length;
const recovery = rate(after, backFrom, events.end) / rate(before, t0 + WARM_UP, events.kill);

const checks = [
  [`the bench: ${bench.requests} requests, ${bench.errors} failed ${JSON.stringify(bench.errors_by_kind)}`, bench.requests > 0 && bench.errors === 0],
  [`nginx: ${requests.length} requests logged, ${notOk.length} not 200`, requests.length > 0 && notOk.length === 0],
  [`retried on another host: ${retried.length} requests (${[...new Set(retried.map((r) => r.upstreamStatuses))].slice(0, 3).join('; ')})`, retried.length > 0],
  [`the killed host answered ${down.filter((r) => r.host === KILLED).length} requests while down`, down.length > 0 && down.every((r) => r.host !== KILLED)],
  [`the restarted host answered ${(share * 100).toFixed(1)}% from ${(backFrom - t0).toFixed(1)} s on (at least ${MIN_SHARE * 100}%)`, share >= MIN_SHARE],
  [
    `throughput: ${rate(before, t0 + WARM_UP, events.kill).toFixed(0)}/s from ${WARM_UP} s to the kill, ${rate(down, events.kill + 0.5, events.restart).toFixed(0)}/s while down, ${rate(after, backFrom, events.end).toFixed(0)}/s from ${(backFrom - t0).toFixed(1)} s on: ${recovery.toFixed(2)}x (at least ${MIN_RECOVERY}x)`,
    recovery >= MIN_RECOVERY,
  ],
];
for (const [what, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
const failed = checks.filter(([, ok]) => !ok).length;
console.log(failed === 0 ? 'scale-out: passed' : `scale-out: ${failed} checks failed`);
process.exit(failed === 0 ? 0 : 1);
