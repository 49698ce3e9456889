#!/usr/bin/env bash
# Benchmark harness for SmartStack through the real daemon. Not a test: it prints figures.
#
#   bench/smartstack.sh [--rounds N] [--bounces B] [--rate R] [--workers W] [--connections C]
#                       [--baseline]
#
# Starts `bin/paasta server` (its own temporary --state-dir, free loopback ports for the API, the
# embedded ZooKeeper, HAProxy's stats and the proxy port, a random cluster name), deploys a
# hello-web instance in SmartStack, then io.paasta.bench.smartstack.SmartStackBench measures:
#  (1) propagation latency: a task turning healthy (its own port first answers /status, polled
#      directly) to its first request served through HAProxy at 127.0.0.1:proxy_port; N tasks
#      (default 100), each the new task of a config-change bounce of a 1-task instance;
#  (2) B consecutive crossover bounces (default 20) of 3 tasks under steady load through the proxy
#      port (R requests/s, default 200, from W threads, HTTP/1.0): requests, failures and latency
#      during and outside bounces, and HAProxy reloads (its master's `show proc`) across them.
#      --connections C: C clients in a closed loop (each sends its next request once answered)
#      instead of the paced rate; --baseline: then the same load as long again without bounces.
# Stops what it started by pid: the daemon, the tasks, and HAProxy by its pid file.
# Progress on stderr, a Markdown table on stdout. Needs root, the Docker engine, the registry and
# HAProxy (scripts/lib.sh starts the engine and the registry).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
ROUNDS=100
BOUNCES=20
RATE=200
WORKERS=4
BASELINE=no
while (($#)); do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --bounces) BOUNCES="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --connections) WORKERS="$2"; RATE=1000000; shift 2 ;; # BounceLoadRun.CLOSED_LOOP
    --baseline) BASELINE=yes; shift ;;
    -h | --help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "smartstack.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$ROUNDS" "$BOUNCES" "$RATE" "$WORKERS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "smartstack.sh: counts must be positive integers, not '$n'" >&2; exit 2; }
done
[[ -x /usr/sbin/haproxy ]] || { echo "smartstack.sh: /usr/sbin/haproxy is missing (apt-get install haproxy)" >&2; exit 2; }
ensure_docker >&2
ensure_registry >&2
log() { echo "[bench] $*" >&2; }
DOCKER=(docker)
command -v docker >/dev/null || DOCKER=(/usr/bin/docker)

log "building paasta-cli and paasta-bench (package, no tests)"
./mvnw -q -B -o package dependency:build-classpath -pl paasta-cli,paasta-bench -am -DskipTests -DskipITs \
  -Dmdep.outputFile=target/classpath.txt >&2
BENCH=(java -cp "paasta-bench/target/classes:$(cat paasta-bench/target/classpath.txt)" io.paasta.bench.smartstack.SmartStackBench)

WORK="$(mktemp -d /tmp/paasta-bench-ss.XXXXXX)"
SERVICE=benchss
CLUSTER=bench$RANDOM$RANDOM
SOA=$WORK/soa
STATE=$WORK/state
export PAASTA_SOA_DIR=$SOA PAASTA_GIT_CACHE=$WORK/cache PAASTA_SYSTEM_CONFIG_DIR=$WORK/etc
DAEMON_PID=
stop_haproxy() { # by the pid file of the daemon's HAProxy (its master)
  local pid i
  pid=$(cat "$STATE/haproxy/haproxy.pid" 2>/dev/null) || return 0
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  [[ "$(readlink "/proc/$pid/exe" 2>/dev/null)" == /usr/sbin/haproxy ]] || return 0
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  set +e # every step runs, whatever the one before did
  if [[ -n "$DAEMON_PID" ]]; then
    kill "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null
  fi
  local ids
  ids=$("${DOCKER[@]}" ps -aq --filter "label=paasta_cluster=$CLUSTER")
  [[ -n "$ids" ]] && "${DOCKER[@]}" rm -f $ids >/dev/null 2>&1
  stop_haproxy
  if [[ -n "${KEEP:-}" ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

read -r API ZK STATS PROXY SENSU <<<"$("${BENCH[@]}" ports 5 | tr "\n" " ")"
log "work dir $WORK, cluster $CLUSTER; API $API, ZooKeeper $ZK, HAProxy stats $STATS, proxy $PROXY"
mkdir -p "$WORK/etc" "$SOA/$SERVICE" "$STATE" "$WORK/announce"
cp examples/etc_paasta/*.json "$WORK/etc/"
cat >"$WORK/etc/99-bench.json" <<JSON
{
  "cluster": "$CLUSTER",
  "synapse_port": $STATS,
  "sensu_port": $SENSU,
  "location": {"habitat": "bench1", "region": "bench", "superregion": "bench", "ecosystem": "bench"},
  "log_writer": {"driver": "file", "options": {"path": "$WORK/paasta.log"}},
  "log_reader": {"driver": "file", "options": {"path": "$WORK/paasta.log"}}
}
JSON
git init -q --bare -b main "$WORK/repo.git"
cp -r examples/services/hello-web "$WORK/checkout"
git -C "$WORK/checkout" init -q -b main
git -C "$WORK/checkout" add -A
git -C "$WORK/checkout" -c user.name=b -c user.email=b@localhost commit -qm one
git -C "$WORK/checkout" push -q "$WORK/repo.git" main
SHA=$(git -C "$WORK/checkout" rev-parse HEAD)
cat >"$SOA/$SERVICE/service.yaml" <<YAML
git_url: $WORK/repo.git
docker_registry: 127.0.0.1:5000
YAML
cat >"$SOA/$SERVICE/smartstack.yaml" <<YAML
main:
  proxy_port: $PROXY
  mode: http
YAML
printf 'pipeline:\n- step: prod\n' >"$SOA/$SERVICE/deploy.yaml"
# The driver writes marathon-$CLUSTER.yaml from this template: @INSTANCES@ for a scale, @ROUND@ in
# the env for a bounce (a new config hash). Each task writes its port to /www/id (what it serves at
# /id, so the driver knows which task answered through the proxy), announces itself with a file
# named after its port in a host directory, and starts its HTTP server 0.3 s later, so the driver
# polls the port before it first answers.
cat >"$WORK/instance.template" <<YAML
main:
  instances: @INSTANCES@
  deploy_group: prod
  cmd: "echo \$PORT0 > /www/id && touch /announce/\$PORT0 && sleep 0.3 && exec httpd -f -p 127.0.0.1:\$PORT0 -h /www"
  env: {BENCH_ROUND: "@ROUND@"}
  extra_volumes: [{containerPath: /announce, hostPath: $WORK/announce, mode: RW}]
  cpus: 0.1
  mem: 32
  bounce_method: crossover
  drain_method: hacheck
  drain_method_params: {delay: 1}
  bounce_health_params: {check_haproxy: true}
  healthcheck_mode: http
  healthcheck_uri: /status
  healthcheck_grace_period_seconds: 10
  healthcheck_interval_seconds: 1
  healthcheck_timeout_seconds: 1
YAML
bin/paasta cook-image -s "$SERVICE" -c "$SHA" --repo-dir "$WORK/checkout" >/dev/null
bin/paasta push-to-registry -s "$SERVICE" -c "$SHA" >/dev/null

bin/paasta server --state-dir "$STATE" --api-listen "127.0.0.1:$API" --zookeeper-port "$ZK" \
  --deployments-poll-every 1 --full-pass-every 30 >>"$WORK/server.log" 2>&1 &
DAEMON_PID=$!
bin/paasta mark-for-deployment -s "$SERVICE" -l prod -c "$SHA" >/dev/null
log "daemon pid $DAEMON_PID ($(/usr/sbin/haproxy -v | head -1 | cut -d' ' -f1-3))"
if ! "${BENCH[@]}" run --instance-file "$SOA/$SERVICE/marathon-$CLUSTER.yaml" \
  --template "$WORK/instance.template" --announce "$WORK/announce" --haproxy-dir "$STATE/haproxy" \
  --namespace "$SERVICE.main" --discover region:bench --zookeeper-port "$ZK" \
  --proxy-port "$PROXY" --rounds "$ROUNDS" --bounces "$BOUNCES" \
  --rate "$RATE" --workers "$WORKERS" --baseline "$BASELINE"; then
  log "the driver failed; last lines of the daemon's log:"
  tail -30 "$WORK/server.log" >&2
  exit 1
fi
