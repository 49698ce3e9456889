#!/usr/bin/env bash
# Benchmark of `paasta logs` (issue 15). Not a test: it prints figures and asserts nothing about speed.
#
#   bench/logs.sh [--megabytes M] [--runs R] [--containers N] [--seconds S] [--skip-collector]
#                 [--skip-reads]   (--skip-reads: the collector's (a) and (d) only)
#
# (b) `paasta logs -l 100` and (c) a one-hour time range, each a fresh JVM (bin/paasta, start-up
# included), on M MB (default 1024) of generated log lines for one service spread over 10 days, in
# the default rotation (100 MiB files, 12 kept), read from this host's files (a cluster without an
# API); R timed runs each (default 5). Goals: (b) under 0.5 s, (c) under 1 s.
# (a)+(d) start N containers (default 10; busybox from scratch, labelled as managed tasks of a
# random cluster) printing about 1000 lines per second each, run the output collector on them
# with the file writer for S seconds (default 30) and follow the files as `paasta logs -f` does:
# (a) engine timestamp -> line read by the follower, p99 (goal: under 300 ms); (d) the process's
# CPU while 10,000 lines per second come (goal: under 10 % of one core), also without the
# follower's thread (what the daemon spends) and per line, by thread. The JVM runs with the
# daemon's options. Its containers are removed at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MB=1024
RUNS=5
CONTAINERS=10
SECONDS_COLLECT=30
COLLECTOR=1
READS=1
while (($#)); do
  case "$1" in
    --megabytes) MB="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --containers) CONTAINERS="$2"; shift 2 ;;
    --seconds) SECONDS_COLLECT="$2"; shift 2 ;;
    --skip-collector) COLLECTOR=0; shift ;;
    --skip-reads) READS=0; shift ;;
    -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "logs.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$MB" "$RUNS" "$CONTAINERS" "$SECONDS_COLLECT"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "logs.sh: expected a positive integer, got '$n'" >&2; exit 2; }
done

CLASSPATH_FILE=paasta-bench/target/logs-bench.classpath
echo "[bench] building paasta-bench and paasta-cli (./mvnw package -pl paasta-bench,paasta-cli -am)" >&2
./mvnw -q -B package dependency:build-classpath -pl paasta-bench,paasta-cli -am \
  -DskipTests -DskipITs -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/logs-bench.classpath -Dmdep.includeScope=runtime >&2
echo "[bench] $(java -version 2>&1 | head -n 1); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# The collector runs in the daemon: with the daemon's JVM options (bin/paasta server).
bench() {
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "paasta-bench/target/paasta-bench.jar:$(cat "$CLASSPATH_FILE")" io.paasta.bench.logs.LogsBench "$@"
}

WORK="${BENCH_LOGS_DIR:-/tmp/paasta-logs-bench}"
if [[ $READS == 1 ]]; then
  mkdir -p "$WORK/etc" "$WORK/soa"
  FORMAT="$WORK/logs/{service}.log"
  cat >"$WORK/etc/00-cluster.json" <<JSON
{"cluster": "bench", "docker_registry": "127.0.0.1:5000",
 "log_writer": {"driver": "file", "options": {"path_format": "$FORMAT", "max_file_bytes": 104857600, "keep_files": 12}}}
JSON
  if [[ ! -f "$WORK/generated-$MB" ]]; then
    rm -rf "$WORK/logs" "$WORK"/generated-*
    echo "[bench] generating $MB MB of log lines" >&2
    bench generate "$FORMAT" logbench "$((MB * 1024 * 1024))" 10 104857600 12 >&2
    touch "$WORK/generated-$MB"
  fi
  echo "[bench] $(du -sh "$WORK/logs" | cut -f1) in $(ls "$WORK/logs" | wc -l) files" >&2

  time_runs() { # label, command...
    local label="$1"; shift
    local times=()
    "$@" >/dev/null 2>&1 || true # warm-up (page cache)
    for _ in $(seq "$RUNS"); do
      local t0 t1
      t0=$(date +%s%N)
      "$@" >/dev/null
      t1=$(date +%s%N)
      times+=($(((t1 - t0) / 1000000)))
    done
    local sorted
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    echo "| $label | $RUNS | $(echo "$sorted" | head -1) | $(echo "$sorted" | sed -n "$(((RUNS + 1) / 2))p") | $(echo "$sorted" | tail -1) |"
  }
  PAASTA=(bin/paasta logs -s logbench -c bench -y "$WORK/soa" --system-config-dir "$WORK/etc")
  MIDDLE=$(date -u -d '5 days ago' +%Y-%m-%dT%H:00:00Z)
  END=$(date -u -d "$MIDDLE + 1 hour" +%Y-%m-%dT%H:%M:%SZ)
  echo "| command ($MB MB of logs) | runs | min ms | median ms | max ms |"
  echo "| --- | --- | --- | --- | --- |"
  time_runs "(b) paasta logs -l 100" "${PAASTA[@]}" -l 100
  time_runs "(c) paasta logs -a $MIDDLE -t $END ($("${PAASTA[@]}" -a "$MIDDLE" -t "$END" | wc -l) lines)" "${PAASTA[@]}" -a "$MIDDLE" -t "$END"
fi

if [[ $COLLECTOR == 1 ]]; then
  # shellcheck source=../scripts/lib.sh
  source scripts/lib.sh
  ensure_docker >&2
  CLUSTER="logbench-$RANDOM$RANDOM"
  IMAGE="paasta-logs-bench:busybox"
  ensure_busybox_image "$IMAGE"
  cleanup() { docker ps -aq --filter "label=paasta_cluster=$CLUSTER" | xargs -r docker rm -f >/dev/null; }
  trap cleanup EXIT
  for i in $(seq "$CONTAINERS"); do
    docker run -d --network host --label paasta_managed=true --label "paasta_cluster=$CLUSTER" \
      --label paasta_service=logbench --label "paasta_instance=i$i" "$IMAGE" \
      sh -c 'n=0; while true; do i=0; while [ $i -lt 100 ]; do echo "line $n.$i of a bench task printing its request log"; i=$((i+1)); done; n=$((n+1)); usleep 100000; done' >/dev/null
  done
  rm -rf "$WORK/collect"
  bench collect "$CLUSTER" "$WORK/collect/{service}.log" "$SECONDS_COLLECT"
fi
