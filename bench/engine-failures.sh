#!/usr/bin/env bash
# Benchmark harness for failure detection from the Docker engine's event stream. Not a test: it
# prints figures and asserts nothing.
#
#   bench/engine-failures.sh [--kills K] [--outages O]
#
# Starts `bin/paasta server` (SmartStack: its embedded ZooKeeper and HAProxy; its own temporary
# --state-dir, free loopback ports, a random cluster name, --full-pass-every 60) reaching the
# engine through a socket proxy (paasta-bench's EngineProxy, DOCKER_HOST=unix://<work>/engine.sock),
# runs `main` (3 tasks, in SmartStack) and `side` (2 tasks), and measures:
#  (1) K times (default 5): `docker kill` of a task of main (on the real engine) until its
#      replacement answers its health check and until it is UP in HAProxy; main has
#      backoff_factor 1, so every relaunch waits the same 1 s after the exit (the crash backoff);
#  (2) O times (default 3): the engine away and back, played by the proxy: cut, every task of the
#      cluster killed meanwhile (what an engine restart does to them), restored; from the restore
#      to the daemon's "answers again" log line, to every new task answering, and to every task of
#      main UP in HAProxy and every task of side answering; and whether it applied any backoff.
# Times come from the engine's own events and in-process HTTP probes every 5 ms (EngineTimeline),
# the proxy's own clock for cut and restore, and HAProxy's stats CSV polled every 50 ms (routed).
# Progress on stderr, a Markdown table on stdout, with the machine's load average. KEEP=1 keeps
# the work dir. Needs root, the Docker engine, the registry and HAProxy (scripts/lib.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
KILLS=5
OUTAGES=3
while (($#)); do
  case "$1" in
    --kills) KILLS="$2"; shift 2 ;;
    --outages) OUTAGES="$2"; shift 2 ;;
    -h | --help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "engine-failures.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$KILLS" "$OUTAGES"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "engine-failures.sh: counts must be positive integers, not '$n'" >&2; exit 2; }
done
[[ -x /usr/sbin/haproxy ]] || { echo "engine-failures.sh: /usr/sbin/haproxy is missing (apt-get install haproxy)" >&2; exit 2; }
ensure_docker >&2
ensure_registry >&2
log() { echo "[bench] $*" >&2; }
DOCKER=(docker)
command -v docker >/dev/null || DOCKER=(/usr/bin/docker)
ENGINE_SOCKET=${DOCKER_HOST:-unix:///var/run/docker.sock}
[[ "$ENGINE_SOCKET" == unix://* ]] || { echo "engine-failures.sh: the engine must be on a unix socket, not $ENGINE_SOCKET" >&2; exit 2; }
ENGINE_SOCKET=${ENGINE_SOCKET#unix://}

log "building paasta-cli and paasta-bench (package, no tests)"
./mvnw -q -B -o package dependency:build-classpath -pl paasta-cli,paasta-bench -am -DskipTests -DskipITs \
  -Dmdep.outputFile=target/classpath.txt >&2
CP="paasta-bench/target/classes:$(cat paasta-bench/target/classpath.txt)"
JAVA=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx64m -cp "$CP")

WORK="$(mktemp -d /tmp/paasta-bench-ef.XXXXXX)"
SERVICE=benchef
CLUSTER=bench$RANDOM$RANDOM
SOA=$WORK/soa
STATE=$WORK/state
export PAASTA_SOA_DIR=$SOA PAASTA_GIT_CACHE=$WORK/cache PAASTA_SYSTEM_CONFIG_DIR=$WORK/etc
DAEMON_PID=
PROXY_PID=
TIMELINE_PID=
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
  [[ -n "$DAEMON_PID" ]] && kill "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null
  [[ -n "$TIMELINE_PID" ]] && kill "$TIMELINE_PID" 2>/dev/null
  exec 3>&- 2>/dev/null # the proxy stops at the end of its stdin
  [[ -n "$PROXY_PID" ]] && wait "$PROXY_PID" 2>/dev/null
  local ids
  ids=$("${DOCKER[@]}" ps -aq --filter "label=paasta_cluster=$CLUSTER")
  [[ -n "$ids" ]] && "${DOCKER[@]}" rm -f $ids >/dev/null 2>&1
  stop_haproxy
  if [[ -n "${KEEP:-}" ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

read -r API ZK STATS PROXY SENSU <<<"$("${JAVA[@]}" io.paasta.bench.smartstack.SmartStackBench ports 5 | tr "\n" " ")"
log "work dir $WORK, cluster $CLUSTER; API $API, ZooKeeper $ZK, HAProxy stats $STATS, proxy port $PROXY"
mkdir -p "$WORK/etc" "$SOA/$SERVICE" "$STATE"
cp examples/etc_paasta/*.json "$WORK/etc/"
cat >"$WORK/etc/99-bench.json" <<JSON
{
  "cluster": "$CLUSTER",
  "synapse_port": $STATS,
  "sensu_port": $SENSU,
  "location": {"habitat": "bench1", "region": "bench", "superregion": "bench", "ecosystem": "bench"}
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
cat >"$SOA/$SERVICE/marathon-$CLUSTER.yaml" <<YAML
_web: &web
  deploy_group: prod
  cmd: "exec httpd -f -p 127.0.0.1:\$PORT0 -h /www"
  cpus: 0.05
  mem: 32
  drain_method: noop
  backoff_factor: 1
  healthcheck_mode: http
  healthcheck_uri: /status
  healthcheck_grace_period_seconds: 1
  healthcheck_interval_seconds: 1
  healthcheck_timeout_seconds: 1
main:
  <<: *web
  instances: 3
side:
  <<: *web
  instances: 2
YAML
printf 'pipeline:\n- step: prod\n' >"$SOA/$SERVICE/deploy.yaml"
bin/paasta cook-image -s "$SERVICE" -c "$SHA" --repo-dir "$WORK/checkout" >/dev/null
bin/paasta push-to-registry -s "$SERVICE" -c "$SHA" >/dev/null

# the proxy the daemon reaches the engine through: commands on fd 3, answers in proxy.out
mkfifo "$WORK/proxy.in"
"${JAVA[@]}" io.paasta.bench.engine.EngineProxy "$WORK/engine.sock" "$ENGINE_SOCKET" \
  <"$WORK/proxy.in" >"$WORK/proxy.out" 2>&1 &
PROXY_PID=$!
exec 3>"$WORK/proxy.in"
until grep -q ready "$WORK/proxy.out"; do
  kill -0 "$PROXY_PID" 2>/dev/null || { cat "$WORK/proxy.out" >&2; exit 1; }
  sleep 0.1
done
proxy() { # cut|restore -> the proxy's epoch ns for it
  local before
  before=$(wc -l <"$WORK/proxy.out")
  echo "$1" >&3
  until (($(wc -l <"$WORK/proxy.out") > before)); do sleep 0.01; done
  tail -1 "$WORK/proxy.out" | cut -d' ' -f2
}

# the stopwatch on the real engine (see EngineTimeline): container events and first answers, in ns
TIMELINE=$WORK/timeline.log
"${JAVA[@]}" io.paasta.bench.localcluster.EngineTimeline "$TIMELINE" /status "$CLUSTER" >"$WORK/timeline.out" 2>&1 &
TIMELINE_PID=$!
until grep -q ready "$WORK/timeline.out"; do
  kill -0 "$TIMELINE_PID" 2>/dev/null || { cat "$WORK/timeline.out" >&2; exit 1; }
  sleep 0.1
done

DOCKER_HOST="unix://$WORK/engine.sock" bin/paasta server --state-dir "$STATE" \
  --api-listen "127.0.0.1:$API" --zookeeper-port "$ZK" --deployments-poll-every 1 \
  --full-pass-every 60 >>"$WORK/server.log" 2>&1 &
DAEMON_PID=$!
bin/paasta mark-for-deployment -s "$SERVICE" -l prod -c "$SHA" >/dev/null
log "daemon pid $DAEMON_PID, reaching the engine through $WORK/engine.sock"

now_ns() { date +%s%N; }
running() { # instance -> ids of its running tasks
  "${DOCKER[@]}" ps -q --no-trunc --filter "label=paasta_cluster=$CLUSTER" --filter "label=paasta_instance=$1"
}
port_of() { "${DOCKER[@]}" inspect -f '{{index .Config.Labels "paasta_port0"}}' "$1" 2>/dev/null; }
up_in_haproxy() { # -> addresses of main's servers UP in HAProxy
  curl -fs --max-time 1 "http://127.0.0.1:$STATS/;csv;norefresh" 2>/dev/null |
    awk -F, -v b="$SERVICE.main" '
      NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) col[$i] = i; next }
      $1 == b && $2 != "BACKEND" && $2 != "FRONTEND" && $col["status"] ~ /^UP/ { print $col["addr"] }'
}
routed() { # -> 0 when main has 3 running tasks, all UP in HAProxy, and side 2 answering
  local ids id up n=0
  mapfile -t ids < <(running main)
  ((${#ids[@]} == 3)) || return 1
  up=" $(up_in_haproxy | tr '\n' ' ') "
  for id in "${ids[@]}"; do
    [[ "$up" == *" 127.0.0.1:$(port_of "$id") "* ]] || return 1
  done
  for id in $(running side); do
    curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$(port_of "$id")/status" && n=$((n + 1))
  done
  ((n == 2))
}
await_routed() { # timeout_s -> ns when routed
  local t0=$SECONDS
  until routed; do
    ((SECONDS - t0 > $1)) && { echo "not routed in $1 s" >&2; tail -30 "$WORK/server.log" >&2; exit 1; }
    sleep 0.05
  done
  now_ns
}
# the last first answer after t0 of a task not in the list of ids before -> ns (waits up to 60 s)
last_new_answer() { # t0_ns count "ids before"
  local i
  for ((i = 0; i < 1200; i++)); do
    awk -v t0="$1" -v n="$2" -v before=" $3 " '
      $1 >= t0 && $2 == "answer" && index(before, " " $3 " ") == 0 && !seen[$3]++ { count++; last = $1 }
      END { if (count >= n) { print last; exit 0 } exit 1 }' "$TIMELINE" && return 0
    sleep 0.05
  done
  echo "no $2 new answers in 60 s (the stopwatch gave up: a loaded machine)" >&2
  echo ""
}
ms() { [[ -n "$2" ]] && echo $((($2 - $1) / 1000000)) || echo "n/a"; }

await_routed 180 >/dev/null
log "converged: main 3 tasks routed, side 2 tasks answering"

kill_routed=()
kill_answer=()
for ((k = 0; k < KILLS; k++)); do
  sleep 2
  mapfile -t ids < <(running main)
  victim=${ids[0]}
  t0=$(now_ns)
  "${DOCKER[@]}" kill "$victim" >/dev/null
  t_routed=$(await_routed 60)
  t_answer=$(last_new_answer "$t0" 1 "${ids[*]}")
  kill_answer+=("$(ms "$t0" "$t_answer")")
  kill_routed+=("$(ms "$t0" "$t_routed")")
  log "kill $((k + 1)): replacement answered +${kill_answer[-1]} ms, routed +${kill_routed[-1]} ms"
done

back_noticed=()
back_answer=()
back_routed=()
backoffs=0
for ((o = 0; o < OUTAGES; o++)); do
  sleep 2
  before="$(running main | tr '\n' ' ')$(running side | tr '\n' ' ')"
  lines_before=$(wc -l <"$WORK/server.log")
  proxy cut >/dev/null
  # what an engine restart does to the tasks: all killed while the engine is away
  # shellcheck disable=SC2086
  "${DOCKER[@]}" kill $before >/dev/null
  sleep 3 # the engine is away a while
  t0=$(proxy restore)
  t_routed=$(await_routed 120)
  t_answer=$(last_new_answer "$t0" 5 "$before")
  for ((i = 0; i < 100; i++)); do
    noticed=$(tail -n +"$((lines_before + 1))" "$WORK/server.log" | grep -m1 "answers again after" || true)
    [[ -n "$noticed" ]] && break
    sleep 0.1
  done
  # the daemon's log time (ms, UTC) of the line
  stamp=$(cut -d' ' -f1 <<<"$noticed")
  noticed_ns=$(date -d "$stamp" +%s%N 2>/dev/null || echo "$t0")
  tail -n +"$((lines_before + 1))" "$WORK/server.log" | grep -q "before relaunching" && backoffs=$((backoffs + 1))
  back_noticed+=("$(ms "$t0" "$noticed_ns")")
  back_answer+=("$(ms "$t0" "$t_answer")")
  back_routed+=("$(ms "$t0" "$t_routed")")
  log "outage $((o + 1)): noticed +${back_noticed[-1]} ms, 5 new tasks answered +${back_answer[-1]} ms, all routed +${back_routed[-1]} ms"
done

median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
read -r load1 load5 _ </proc/loadavg
echo "Engine failure benchmark: $(nproc) CPUs, load average ${load1} (1 min) ${load5} (5 min) at the end, $(date -u +%FT%TZ)"
echo
echo "| what | figure |"
echo "| --- | --- |"
echo "| \`docker kill\` of a task to its replacement answering its health check (backoff 1 s included) | median $(median "${kill_answer[@]}") ms (runs: ${kill_answer[*]}) |"
echo "| \`docker kill\` of a task to its replacement UP in HAProxy (backoff 1 s included) | median $(median "${kill_routed[@]}") ms (runs: ${kill_routed[*]}) |"
echo "| engine back (proxy restored; its 5 tasks were killed while it was away) to the daemon's \"answers again\" log line | median $(median "${back_noticed[@]}") ms (runs: ${back_noticed[*]}) |"
echo "| engine back to all 5 new tasks answering | median $(median "${back_answer[@]}") ms (runs: ${back_answer[*]}) |"
echo "| engine back to every instance routed (main 3/3 UP in HAProxy, side 2/2 answering) | median $(median "${back_routed[@]}") ms (runs: ${back_routed[*]}) |"
echo "| outages after which the daemon applied crash backoff | $backoffs of $OUTAGES |"
