#!/usr/bin/env bash
# Scale-out across hosts: three evaluator hosts, each in its own network namespace with its
# own address on a bridge, behind Debian's nginx (deploy/nginx/evaluator.conf, as it is).
# `evaluator --bench` saturates nginx for 20 s; one host is SIGKILLed (all its processes, as
# a crashed machine) at 5 s and started again at 12 s; then a second run of 5 s measures the
# recovery. Passes when no request failed, the retry path was taken, the killed host
# answered nothing while down, and in the second run nginx gives it its share of the
# requests in flight again, at a throughput close to the first run's before the kill
# (scripts/scale-out-verdict.mjs).
# FAULT=stop freezes the host instead (SIGSTOP, then SIGCONT at 12 s), FAULT=unplug takes
# its link down (up again at 12 s): nginx then waits for its timeouts before retrying.
#
# Needs root, iproute2 and nginx. Usage: [FAULT=kill|stop|unplug] scripts/scale-out-test.sh [build/evaluator]
# Nothing touches the host's own network: the bridge, nginx and the bench live in a
# namespace of their own, so the addresses of deploy/nginx/evaluator.conf cannot clash.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=$(realpath "${1:-build/evaluator}")
DURATION=20 KILL_AT=5 RESTART_AT=12 AGAIN=5 CLIENTS=20 WORKERS=1
CONF=deploy/nginx/evaluator.conf
FAULT=${FAULT:-kill}

fail() { echo "scale-out-test: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root for ip netns (CI runs it as root)"
command -v ip >/dev/null || fail "needs iproute2 (apt-get install iproute2)"
command -v nginx >/dev/null || fail "needs nginx (apt-get install nginx)"
[ -x "$BIN" ] || fail "no executable at $BIN: run npm run build first"
case $FAULT in kill | stop | unplug) ;; *) fail "FAULT must be kill, stop or unplug, not '$FAULT'" ;; esac

# Interface names are namespace-local, but namespace names are global: one set per run.
NS=evso$$
LB=${NS}lb
HOSTS=(1 2 3)
WORK=$(mktemp -d /tmp/scale-out.XXXXXX)
# nginx's workers drop root: they must reach the prefix
chmod 755 "$WORK"
pids_in() { ip netns pids "$1" 2>/dev/null || true; }

cleanup() {
  local status=$?
  for ns in "$LB" "${HOSTS[@]/#/${NS}h}"; do
    pids_in "$ns" | xargs -r kill -9 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    for f in "$WORK"/*.log; do [ -s "$f" ] && { echo "--- $f"; tail -n 20 "$f"; }; done >&2
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The network: a bridge in the balancer's namespace, one veth pair per host.
ip netns add "$LB"
ip -n "$LB" link set lo up
ip -n "$LB" link add br0 type bridge
ip -n "$LB" addr add 10.88.0.1/24 dev br0
ip -n "$LB" link set br0 up
for i in "${HOSTS[@]}"; do
  ns=${NS}h$i
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  ip -n "$LB" link add "h$i" type veth peer name eth0 netns "$ns"
  ip -n "$LB" link set "h$i" master br0 up
  ip -n "$ns" addr add "10.88.0.1$i/24" dev eth0
  ip -n "$ns" link set eth0 up
done

# Starts host i's evaluator in the background; waits until every worker listens.
start_host() {
  local i=$1 log="$WORK/host$1.log"
  : >"$log"
  XDG_CACHE_HOME="$WORK/cache" ip netns exec "${NS}h$i" "$BIN" --host "10.88.0.1$i" --port 8080 --workers "$WORKERS" >>"$log" 2>&1 &
  # killed on purpose: no job report from bash
  disown
  for _ in $(seq 100); do
    grep -q 'listening on' "$log" && return 0
    sleep 0.1
  done
  fail "host $i did not start: $(cat "$log")"
}
for i in "${HOSTS[@]}"; do start_host "$i"; done

# nginx: the shipped configuration, inside a main context that keeps everything in $WORK
# (-e: not even the error log of its start goes to /var/log/nginx).
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    log_format timing '\$msec \$status \$upstream_addr|\$upstream_status|\$upstream_response_time';
    # unbuffered: the verdict reads it while nginx runs
    access_log $WORK/access.log timing;
    include $(realpath "$CONF");
}
EOF
nginx -t -q -c "$WORK/nginx.conf" -p "$WORK/nginx" -e "$WORK/nginx-error.log" 2>"$WORK/nginx-test.log" || fail "nginx -t: $(cat "$WORK/nginx-test.log")"
ip netns exec "$LB" nginx -c "$WORK/nginx.conf" -p "$WORK/nginx" -e "$WORK/nginx-error.log" -g 'daemon off;' 2>>"$WORK/nginx-error.log" &
disown
for _ in $(seq 50); do
  ip netns exec "$LB" bash -c 'exec 3<>/dev/tcp/10.88.0.1/8080' 2>/dev/null && break
  sleep 0.1
done
# a body over the limit gets nginx's 413 in the evaluator's JSON shape
# (read up to the body: nginx would wait 5 s for the body before it closes)
too_large=$(ip netns exec "$LB" bash -c 'exec 3<>/dev/tcp/10.88.0.1/8080 &&
  printf "POST /eval HTTP/1.1\r\nHost: lb\r\nContent-Length: 2000000\r\n\r\n" >&3 &&
  while read -r -t 2 line; do echo "$line"; [[ $line == "{"* ]] && break; done <&3')
grep -q '^HTTP/1.1 413' <<<"$too_large" && grep -q '^{"error": "body is over the limit' <<<"$too_large" ||
  fail "an oversized body should get a JSON 413 from nginx, not: $too_large"

# The load, with the kill and the restart of host 1 on its clock. No warm-up: every
# request counts, the first seconds' included.
now() { date +%s.%N; }
echo "start $(now)" >"$WORK/events"
ip netns exec "$LB" "$BIN" --bench --target http://10.88.0.1:8080 --scenario saturate \
  --duration "$DURATION" --warmup 0 --clients "$CLIENTS" --json "$WORK/bench.json" >"$WORK/bench.log" 2>&1 &
BENCH=$!
sleep "$KILL_AT"
case $FAULT in
  kill) pids_in "${NS}h1" | xargs -r kill -KILL ;;
  stop) pids_in "${NS}h1" | xargs -r kill -STOP ;;
  unplug) ip -n "$LB" link set h1 down ;;
esac
# once done: on a loaded machine, ip and kill may take a while
echo "kill $(now)" >>"$WORK/events"
sleep "$((RESTART_AT - KILL_AT))"
echo "restart $(now)" >>"$WORK/events"
case $FAULT in
  kill) start_host 1 ;;
  stop) pids_in "${NS}h1" | xargs -r kill -CONT ;;
  unplug) ip -n "$LB" link set h1 up ;;
esac
echo "listening $(now)" >>"$WORK/events"
wait "$BENCH" || fail "the bench failed: $(cat "$WORK/bench.log")"
echo "end $(now)" >>"$WORK/events"
cat "$WORK/bench.log"

# Recovery, measured in a run of its own: the restarted host's first seconds hold its
# start-up and a cold JIT, which on a loaded machine can fill what is left of the 20 s.
# Other work on the machine can halve the throughput for seconds at a time: when only the
# throughput falls short (exit 3), it is measured again, twice at most. A host that stays
# degraded fails every time.
for attempt in 1 2 3; do
  echo "again $(now)" >>"$WORK/events"
  ip netns exec "$LB" "$BIN" --bench --target http://10.88.0.1:8080 --scenario saturate \
    --duration "$AGAIN" --warmup 0 --clients "$CLIENTS" --json "$WORK/again.json" >"$WORK/again.log" 2>&1 ||
    fail "the second bench failed: $(cat "$WORK/again.log")"
  echo "again_end $(now)" >>"$WORK/events"
  cat "$WORK/again.log"
  verdict=0
  node scripts/scale-out-verdict.mjs "$WORK/events" "$WORK/access.log" "$WORK/bench.json" "$WORK/again.json" || verdict=$?
  [ "$verdict" = 3 ] && [ "$attempt" -lt 3 ] && { echo "scale-out-test: throughput short, measuring again"; continue; }
  exit "$verdict"
done
