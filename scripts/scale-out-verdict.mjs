#!/usr/bin/env node
// The verdict of scripts/scale-out-test.sh, from nginx's access log (one line a request:
// `$msec $status $upstream_addr|$upstream_status|$upstream_response_time`), the script's
// event times and the bench runs' --json: the first run, and the latest second run. Prints
// the requests per second by host, then each check. Exits 0 when all pass, 3 when only the
// throughput falls short (the script may measure again), 1 otherwise.
// Usage: scale-out-verdict.mjs EVENTS ACCESS_LOG BENCH_JSON AGAIN_JSON
import { readFileSync } from 'node:fs';

const [eventsFile, logFile, benchFile, againFile] = process.argv.slice(2);
if (againFile === undefined) {
  console.error('usage: scale-out-verdict.mjs EVENTS ACCESS_LOG BENCH_JSON AGAIN_JSON');
  process.exit(2);
}

const KILLED = '10.88.0.11:8080';
const HOSTS = [KILLED, '10.88.0.12:8080', '10.88.0.13:8080'];
/**
 * The restarted host's share of the requests in flight in the second run, against a fair
 * third. In flight, not answered: least_conn balances the requests in flight, and hosts
 * that share this machine's cores answer at speeds that differ 10x from second to second.
 */
const MIN_SHARE = 0.2;
/** The first run's baseline leaves out the bench's connecting and the hosts' JIT warming up. */
const WARM_UP = 2;
/** The second run's throughput against the first run's before the kill. */
const MIN_RECOVERY = 0.5;

// a name written again (a second run measured again) counts at its latest time
const events = Object.fromEntries(
  readFileSync(eventsFile, 'utf8').trim().split('\n').map((l) => {
    const [name, at] = l.split(' ');
    return [name, Number(at)];
  }),
);
const t0 = events.start;
const logged = readFileSync(logFile, 'utf8').trim().split('\n').map((line) => {
  // the hosts tried are listed as "a:8080, b:8080", their statuses and times likewise
  const m = /^(\S+) (\d+) (.*)\|(.*)\|(.*)$/.exec(line);
  if (m === null) throw new Error(`not an access log line: ${line}`);
  const tried = m[3].split(', ');
  const times = m[5].split(', ').map(Number);
  // the host that answered is the last one tried
  return { at: Number(m[1]), status: Number(m[2]), host: tried[tried.length - 1], tries: tried.length, upstreamStatuses: m[4], seconds: times[times.length - 1] || 0 };
});
// the script's own probes come before the load
const requests = logged.filter((r) => r.at >= t0);
const [bench] = JSON.parse(readFileSync(benchFile, 'utf8'));
const [again] = JSON.parse(readFileSync(againFile, 'utf8'));

const seconds = Math.ceil(events.again_end - t0);
const marks = { [Math.floor(events.kill - t0)]: ' (kill)', [Math.floor(events.restart - t0)]: ' (restart)', [Math.floor(events.again - t0)]: ' (second run)' };
const rows = ['| second | requests | ' + HOSTS.map((h) => h.split(':')[0]).join(' | ') + ' | retried |', '|---:|---:|---:|---:|---:|---:|'];
for (let s = 0; s < seconds; s++) {
  const inSecond = requests.filter((r) => r.at - t0 >= s && r.at - t0 < s + 1);
  if (inSecond.length === 0) continue;
  const by = HOSTS.map((h) => inSecond.filter((r) => r.host === h).length);
  rows.push(`| ${s}${marks[s] ?? ''} | ${inSecond.length} | ${by.join(' | ')} | ${inSecond.filter((r) => r.tries > 1).length} |`);
}
console.log(rows.join('\n'));

const between = (from, to) => requests.filter((r) => r.at >= from && r.at < to);
const before = between(t0 + WARM_UP, events.kill).length / (events.kill - t0 - WARM_UP);
const down = between(events.kill + 0.5, events.restart);
const second = between(events.again, events.again_end);
const afterRate = second.length / (events.again_end - events.again);
const retried = requests.filter((r) => r.tries > 1);
const notOk = requests.filter((r) => r.status !== 200);
// Little's law: a host's requests in flight, on average, are the sum of its answer times over the window
const inFlight = (h) => second.filter((r) => r.host === h).reduce((sum, r) => sum + r.seconds, 0);
const flightShare = inFlight(KILLED) / HOSTS.reduce((sum, h) => sum + inFlight(h), 0) || 0;
const answerShare = second.filter((r) => r.host === KILLED).length / second.length || 0;
const secondsOfSecond = Math.floor(events.again_end - events.again);
const silentSeconds = Array.from({ length: secondsOfSecond }, (_, s) => between(events.again + s, events.again + s + 1)).filter((list) => list.length > 0 && !list.some((r) => r.host === KILLED)).length;
const failed = (b) => `${b.requests} requests, ${b.errors} failed ${JSON.stringify(b.errors_by_kind)}`;

console.log(`the restarted host listened again at ${(events.listening - t0).toFixed(1)} s; it answered ${(answerShare * 100).toFixed(1)}% of the second run`);
const THROUGHPUT = 'throughput';
const checks = [
  [`the first run: ${failed(bench)}`, bench.requests > 0 && bench.errors === 0],
  [`the second run: ${failed(again)}`, again.requests > 0 && again.errors === 0],
  [`nginx: ${requests.length} requests logged, ${notOk.length} not 200`, requests.length > 0 && notOk.length === 0],
  [`retried on another host: ${retried.length} requests (${[...new Set(retried.map((r) => r.upstreamStatuses))].slice(0, 3).join('; ')}), ${second.filter((r) => r.tries > 1).length} in the second run`, retried.length > 0 && second.every((r) => r.tries === 1)],
  [`the killed host answered ${down.filter((r) => r.host === KILLED).length} requests while down`, down.length > 0 && down.every((r) => r.host !== KILLED)],
  [`the restarted host held ${(flightShare * 100).toFixed(1)}% of the second run's requests in flight (at least ${MIN_SHARE * 100}%), and answered in ${secondsOfSecond - silentSeconds} of its ${secondsOfSecond} whole seconds`, flightShare >= MIN_SHARE && silentSeconds === 0],
  [
    `${THROUGHPUT}: ${before.toFixed(0)}/s from ${WARM_UP} s to the kill, ${(down.length / (events.restart - events.kill - 0.5)).toFixed(0)}/s while down, ${afterRate.toFixed(0)}/s in the second run: ${(afterRate / before).toFixed(2)}x (at least ${MIN_RECOVERY}x)`,
    afterRate / before >= MIN_RECOVERY,
  ],
];
for (const [what, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
const failures = checks.filter(([, ok]) => !ok);
console.log(failures.length === 0 ? 'scale-out: passed' : `scale-out: ${failures.length} checks failed`);
process.exit(failures.length === 0 ? 0 : failures.every(([what]) => what.startsWith(THROUGHPUT)) ? 3 : 1);
