#!/usr/bin/env bash
# Benchmark harness for the local cluster (the daemon on the Docker engine). Not a test.
#
#   bench/local-cluster.sh [--runs R] [--idle-seconds S]
#
# Prints, as a Markdown table on stdout (progress on stderr):
#  (a) deploy latency: from a new deploy tag (its ref file's time) to 3 new tasks answering their
#      health check and the 3 old ones removed (crossover, drain noop), next to the floor measured
#      in the same run: one `docker run` of the same image until its first passing health check;
#      and what the engine alone needs for the same bounce (3 `docker run` at once until all
#      answer, then 3 older containers stopped and removed at once);
#  (c) the daemon's idle CPU and memory with 50 tasks running;
#  and a crash drill: the daemon killed with SIGKILL in the middle of a bounce, started again,
#  converging with no task of the old app left.
# The times of (a) are read from the engine's own event stream (nanoseconds) and from in-process
# HTTP probes every 5 ms (paasta-bench's EngineTimeline), never from this script's polling.
# KEEP=1 keeps the work dir (server.log, timeline.log). Needs root, the Docker engine and the
# registry (scripts/lib.sh starts them).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
RUNS=3
IDLE=60
while (($#)); do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --idle-seconds) IDLE="$2"; shift 2 ;;
    -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "local-cluster.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
ensure_docker >&2
ensure_registry >&2
log() { echo "[bench] $*" >&2; }
log "building paasta-cli and paasta-bench (package, no tests)"
./mvnw -q -B -o package dependency:build-classpath -pl paasta-cli,paasta-bench -am -DskipTests -DskipITs \
  -Dmdep.outputFile=target/classpath.txt >&2
TIMELINE_CMD=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx64m
  -cp "paasta-bench/target/classes:$(cat paasta-bench/target/classpath.txt)" io.paasta.bench.localcluster.EngineTimeline)
now_ms() { echo $(($(date +%s%N) / 1000000)); }
DOCKER=(docker)
command -v docker >/dev/null || DOCKER=(/usr/bin/docker)

WORK="$(mktemp -d /tmp/paasta-bench-lc.XXXXXX)"
SERVICE=benchweb
CLUSTER=bench$RANDOM
ENGINE_ONLY=$CLUSTER-engine # the floor's containers: labelled for the stopwatch, not the daemon's
SOA=$WORK/soa
export PAASTA_SOA_DIR=$SOA PAASTA_GIT_CACHE=$WORK/cache PAASTA_SYSTEM_CONFIG_DIR=$WORK/etc
DAEMON_PID=
TIMELINE_PID=
cleanup() {
  set +e # every step runs: the daemon's exit status (143 after SIGTERM) must not end the clean-up
  [[ -n "$TIMELINE_PID" ]] && kill "$TIMELINE_PID" 2>/dev/null
  [[ -n "$DAEMON_PID" ]] && kill "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null
  local ids
  ids=$("${DOCKER[@]}" ps -aq --filter "label=paasta_cluster=$CLUSTER"
    "${DOCKER[@]}" ps -aq --filter "label=paasta_cluster=$ENGINE_ONLY")
  [[ -n "$ids" ]] && "${DOCKER[@]}" rm -f $ids >/dev/null 2>&1
  [[ -n "${KEEP:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

log "repository, images and soa-configs in $WORK (cluster $CLUSTER)"
mkdir -p "$WORK/etc" "$SOA/$SERVICE"
cp examples/etc_paasta/*.json "$WORK/etc/"
echo "{\"cluster\": \"$CLUSTER\"}" >"$WORK/etc/99-bench.json"
git init -q --bare -b main "$WORK/repo.git"
cp -r examples/services/hello-web "$WORK/checkout"
git -C "$WORK/checkout" init -q -b main
git -C "$WORK/checkout" add -A
git -C "$WORK/checkout" -c user.name=b -c user.email=b@localhost commit -qm one
git -C "$WORK/checkout" -c user.name=b -c user.email=b@localhost commit -q --allow-empty -m two
git -C "$WORK/checkout" push -q "$WORK/repo.git" main
SHAS=($(git -C "$WORK/checkout" rev-parse HEAD~1 HEAD))
cat >"$SOA/$SERVICE/service.yaml" <<YAML
git_url: $WORK/repo.git
docker_registry: 127.0.0.1:5000
YAML
instances_yaml() {
  cat >"$SOA/$SERVICE/marathon-$CLUSTER.yaml" <<YAML
main:
  instances: $1
  deploy_group: prod
  cmd: "httpd -f -p 127.0.0.1:\$PORT0 -h /www"
  cpus: 0.05
  mem: 32
  bounce_method: crossover
  drain_method: noop
  healthcheck_mode: http
  healthcheck_uri: /status
  healthcheck_grace_period_seconds: 1
  healthcheck_interval_seconds: 1
  healthcheck_timeout_seconds: 1
YAML
}
instances_yaml 3
printf 'pipeline:\n- step: prod\n' >"$SOA/$SERVICE/deploy.yaml"
for sha in "${SHAS[@]}"; do
  bin/paasta cook-image -s "$SERVICE" -c "$sha" --repo-dir "$WORK/checkout" >/dev/null
  bin/paasta push-to-registry -s "$SERVICE" -c "$sha" >/dev/null
done
IMAGE=127.0.0.1:5000/services-$SERVICE:paasta-${SHAS[0]}

start_daemon() {
  # the local cluster alone (no SmartStack: this service has no namespace), its state in $WORK
  bin/paasta server --deployments-poll-every 1 --full-pass-every 30 --no-smartstack \
    --state-dir "$WORK/state" --api-listen 127.0.0.1:0 >>"$WORK/server.log" 2>&1 &
  DAEMON_PID=$!
}
# running tasks of a sha whose /status answers 200, and running tasks of other shas
count_tasks() { # sha -> "healthy_of_sha others"
  local healthy=0 others=0 id sha port
  for id in $("${DOCKER[@]}" ps -q --filter "label=paasta_cluster=$CLUSTER"); do
    read -r sha port < <("${DOCKER[@]}" inspect -f '{{index .Config.Labels "paasta_git_sha"}} {{index .Config.Labels "paasta_port0"}}' "$id" 2>/dev/null) || continue # gone meanwhile
    if [[ "$sha" == "$1" ]]; then
      curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/status" && healthy=$((healthy + 1))
    else
      others=$((others + 1))
    fi
  done
  echo "$healthy $others"
}
wait_for() { # sha count timeout_s -> ms waited
  local t0 counts
  t0=$(now_ms)
  while true; do
    counts=$(count_tasks "$1")
    [[ "$counts" == "$2 0" ]] && break
    (($(now_ms) - t0 > $3 * 1000)) && { echo "timeout waiting for $2 tasks of $1 ($counts)" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
    sleep 0.1
  done
  echo $(($(now_ms) - t0))
}

# The stopwatch: the engine's container events of both clusters and the first answer of each
# started task, with their times in nanoseconds (see EngineTimeline)
TIMELINE=$WORK/timeline.log
"${TIMELINE_CMD[@]}" "$TIMELINE" /status "$CLUSTER" "$ENGINE_ONLY" >"$WORK/timeline.out" 2>&1 &
TIMELINE_PID=$!
until grep -q ready "$WORK/timeline.out"; do
  kill -0 "$TIMELINE_PID" 2>/dev/null || { cat "$WORK/timeline.out" >&2; exit 1; }
  sleep 0.1
done
now_ns() { date +%s%N; }
# bounce_state since_ns new_sha -> "answered old_left": new tasks that answered since the tag, and
# tasks of other shas started before and not destroyed yet
bounce_state() {
  awk -v t0="$1" -v sha="$2" '
    $2 == "start" && $4 != sha { alive[$3] = 1 }
    $2 == "destroy" { delete alive[$3] }
    $1 >= t0 && $2 == "answer" && $4 == sha && !seen[$3]++ { answered++ }
    END { left = 0; for (id in alive) left++; printf "%d %d\n", answered, left }' "$TIMELINE"
}
# deploy_timeline tag_ns new_sha -> "total create start answer gone", ms after the tag: the first
# new create, the last new start, the last new answer, the last old destroyed; total is the later
# of the last two
deploy_timeline() {
  awk -v t0="$1" -v sha="$2" '
    $1 < t0 { next }
    $2 == "create" && $4 == sha && !create { create = $1 }
    $2 == "start" && $4 == sha { start = $1 }
    $2 == "answer" && $4 == sha { answer = $1 }
    $2 == "destroy" && $4 != sha { gone = $1 }
    END {
      end = answer > gone ? answer : gone
      printf "%d %d %d %d %d\n", (end - t0) / 1e6, (create - t0) / 1e6, (start - t0) / 1e6, (answer - t0) / 1e6, (gone - t0) / 1e6
    }' "$TIMELINE"
}
# answered_at id -> ns of the container's first answer, once it answered (waits up to 20 s)
answered_at() {
  local i
  for ((i = 0; i < 400; i++)); do
    awk -v id="$1" '$2 == "answer" && $3 == id { print $1; found = 1; exit } END { exit !found }' "$TIMELINE" && return 0
    sleep 0.05
  done
  echo "no answer from container $1 in 20 s" >&2
  return 1
}
destroyed_at() { # id -> ns of its destroy event (waits up to 20 s)
  local i
  for ((i = 0; i < 400; i++)); do
    awk -v id="$1" '$2 == "destroy" && $3 == id { print $1; found = 1; exit } END { exit !found }' "$TIMELINE" && return 0
    sleep 0.05
  done
  echo "container $1 was not destroyed in 20 s" >&2
  return 1
}
engine_run() { # port -> container id: the image's server on the port, labelled for the stopwatch
  "${DOCKER[@]}" run -d --network host --init -e PORT0="$1" -l paasta_cluster="$ENGINE_ONLY" \
    -l paasta_port0="$1" "$IMAGE" sh -c 'httpd -f -p 127.0.0.1:$PORT0 -h /www'
}

start_daemon
bin/paasta mark-for-deployment -s "$SERVICE" -l prod -c "${SHAS[0]}" >/dev/null
log "first deploy: $(wait_for "${SHAS[0]}" 3 120) ms"

deploys=()
timelines=()
floors=()
engine3=()
for ((r = 0; r < RUNS; r++)); do
  next=${SHAS[$(((r + 1) % 2))]}
  sleep 1 # deploy tags have one-second timestamps
  bin/paasta mark-for-deployment -s "$SERVICE" -l prod -c "$next" >/dev/null
  # from the moment the deploy tag was written (its ref file's time), not from when the mark
  # command returned: the daemon sees the tag while mark-for-deployment is still finishing
  tag_file=$(ls -t "$WORK"/repo.git/refs/tags/paasta-prod-*-deploy | head -1)
  tag_ns=$(stat -c '%.9Y' "$tag_file" | tr -d .)
  # the script watches the stopwatch's file (every 50 ms), not the engine, to take no CPU from it
  t_wait=$(now_ms)
  until [[ "$(bounce_state "$tag_ns" "$next")" == "3 0" ]]; do
    (($(now_ms) - t_wait > 60000)) && { echo "no bounce in 60 s ($(bounce_state "$tag_ns" "$next"))" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
    sleep 0.05
  done
  [[ "$(count_tasks "$next")" == "3 0" ]] || { echo "the engine disagrees: $(count_tasks "$next")" >&2; exit 1; }
  read -r total create start answer gone < <(deploy_timeline "$tag_ns" "$next")
  deploys+=("$total")
  timelines+=("first create +$create, last start +$start, last new answer +$answer, last old destroyed +$gone")
  # the floor: one docker run until its first answer
  t0=$(now_ns)
  id=$(engine_run 39999)
  floors+=($((($(answered_at "$id") - t0) / 1000000)))
  "${DOCKER[@]}" rm -f "$id" >/dev/null
  # the engine alone for the same bounce: 3 docker runs at once until all answer, then 3 other
  # containers (running since before) stopped and removed at once
  old=()
  for p in 39991 39992 39993; do old+=("$(engine_run $p)"); done
  for id in "${old[@]}"; do answered_at "$id" >/dev/null; done
  t0=$(now_ns)
  ids=()
  for p in 39994 39995 39996; do engine_run $p >"$WORK/run-$p" & ids+=($!); done
  wait "${ids[@]}" # not a bare wait: the daemon is a background job too
  last=0
  for p in 39994 39995 39996; do
    at=$(answered_at "$(cat "$WORK/run-$p")")
    ((at > last)) && last=$at
  done
  "${DOCKER[@]}" stop "${old[@]}" >/dev/null
  "${DOCKER[@]}" rm "${old[@]}" >/dev/null
  for id in "${old[@]}"; do
    at=$(destroyed_at "$id")
    ((at > last)) && last=$at
  done
  engine3+=($(((last - t0) / 1000000)))
  for p in 39994 39995 39996; do "${DOCKER[@]}" rm -f "$(cat "$WORK/run-$p")" >/dev/null; done
  log "deploy ${deploys[-1]} ms after the tag (${timelines[-1]}); floor ${floors[-1]} ms; the engine alone ${engine3[-1]} ms"
done

log "crash drill: SIGKILL the daemon in the middle of a bounce"
current=${SHAS[$((RUNS % 2))]}
other=${SHAS[$(((RUNS + 1) % 2))]}
sleep 1
bin/paasta mark-for-deployment -s "$SERVICE" -l prod -c "$other" >/dev/null
until [[ $(count_tasks "$other" | cut -d' ' -f1) -ge 1 ]]; do sleep 0.1; done
kill -9 "$DAEMON_PID"
wait "$DAEMON_PID" 2>/dev/null || true
start_daemon
drill=$(wait_for "$other" 3 120)
log "converged ${drill} ms after the restart; no task of the old app left"

log "50 tasks"
instances_yaml 50
wait_for "$other" 50 300 >/dev/null
sleep 5
read -r u0 s0 < <(awk '{print $14, $15}' /proc/$DAEMON_PID/stat)
sleep "$IDLE"
read -r u1 s1 < <(awk '{print $14, $15}' /proc/$DAEMON_PID/stat)
ticks=$(getconf CLK_TCK)
cpu=$(awk -v d=$(((u1 + s1) - (u0 + s0))) -v t="$ticks" -v s="$IDLE" 'BEGIN {printf "%.1f", 100 * d / t / s}')
rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$DAEMON_PID/status)
log "idle with 50 tasks: ${cpu}% of one core, ${rss} MiB RSS"

median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
echo "Local cluster benchmark: $(nproc) CPUs, $(date -u +%FT%TZ), $RUNS runs"
echo
echo "| what | figure |"
echo "| --- | --- |"
echo "| (a) deploy latency: new deploy tag to 3 new tasks healthy, 3 old removed (crossover, drain noop; a local repository, watched) | median $(median "${deploys[@]}") ms (runs: ${deploys[*]}) |"
echo "| (a) floor: one \`docker run\` of the image to its first passing health check | median $(median "${floors[@]}") ms (runs: ${floors[*]}) |"
echo "| (a) the engine alone for the same bounce: 3 \`docker run\` at once until all answer, then 3 old ones stopped and removed at once | median $(median "${engine3[@]}") ms (runs: ${engine3[*]}) |"
echo "| crash drill: daemon SIGKILLed mid-bounce, restarted, converged with no old task left | ${drill} ms after the restart |"
echo "| (c) daemon idle with 50 tasks running | ${cpu}% of one core, ${rss} MiB RSS |"
