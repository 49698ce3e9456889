#!/usr/bin/env bash
# Benchmark of a scheduled job's start latency (issue 14, figures a and b). Not a test: it prints
# figures and asserts nothing about speed.
#
#   bench/job-latency.sh [--jobs N] [--pairs P] [--skip-build]
#
# Builds paasta-bench and what it needs (package only, nothing installed), pushes a busybox image
# built FROM scratch to the registry on 127.0.0.1:5000, then runs io.paasta.bench.JobLatencyBench:
# the daemon's job scheduler on the local Docker backend (real engine, run history in SQLite in a
# temp state directory, wall clock) with one soa-configs tree of a random scratch cluster holding
# N jobs (default 50) with one-shot R1/<start>/PT1M schedules a second apart, a few seconds ahead,
# then P parent->child pairs (default 20) whose parents are due a second apart after them.
# (a) a run's scheduled instant -> its container's State.StartedAt (engine), p50/p99/max; (a') the
# same to the run's recorded start (the scheduler's clock just before it asks the engine);
# (b) the parent container's FinishedAt -> the child container's StartedAt. Goals: p99 < 500 ms.
# Takes about N + P + 20 seconds. Removes its containers and temp dirs at the end. Set
# JOB_LATENCY_LOG=FILE to keep the scheduler's log; --skip-build reuses the last build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JOBS=50
PAIRS=20
BUILD=1
while (($#)); do
  case "$1" in
    --jobs) [[ $# -ge 2 ]] || { echo "job-latency.sh: --jobs needs a value" >&2; exit 2; }; JOBS="$2"; shift 2 ;;
    --pairs) [[ $# -ge 2 ]] || { echo "job-latency.sh: --pairs needs a value" >&2; exit 2; }; PAIRS="$2"; shift 2 ;;
    --skip-build) BUILD=0; shift ;;
    -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "job-latency.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || { echo "job-latency.sh: --jobs needs a positive integer, got '$JOBS'" >&2; exit 2; }
[[ "$PAIRS" =~ ^[0-9]+$ ]] || { echo "job-latency.sh: --pairs needs a non-negative integer, got '$PAIRS'" >&2; exit 2; }

# shellcheck source=../scripts/lib.sh
source scripts/lib.sh
docker_answers || { echo "job-latency.sh: the Docker engine does not answer on /var/run/docker.sock (scripts/lib.sh ensure_docker starts it)" >&2; exit 1; }
registry_answers || { echo "job-latency.sh: no registry on 127.0.0.1:5000 (scripts/lib.sh ensure_registry starts it)" >&2; exit 1; }

CLASSPATH_FILE=paasta-bench/target/job-latency-bench.classpath
if [[ $BUILD == 1 || ! -f $CLASSPATH_FILE ]]; then
  echo "[bench] building paasta-bench (./mvnw package -pl paasta-bench -am)" >&2
  ./mvnw -q -B package dependency:build-classpath -pl paasta-bench -am \
    -DskipTests -DskipITs -Dspotless.check.skip=true \
    -Dmdep.outputFile=target/job-latency-bench.classpath -Dmdep.includeScope=runtime >&2
fi

REGISTRY=127.0.0.1:5000
SERVICE=jobbench
SHA=$(printf 'paasta job latency bench busybox' | sha1sum | cut -c1-40)
IMAGE="$REGISTRY/services-$SERVICE:paasta-$SHA"
ensure_busybox_image "$IMAGE"
docker push -q "$IMAGE" >/dev/null

CLUSTER="jobbench-$RANDOM$RANDOM"
WORK=$(mktemp -d /tmp/paasta-job-latency.XXXXXX)
cleanup() {
  docker ps -aq --filter "label=paasta_cluster=$CLUSTER" | xargs -r docker rm -f >/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
echo "[bench] $(java -version 2>&1 | head -n 1); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java -cp "paasta-bench/target/paasta-bench.jar:$(cat "$CLASSPATH_FILE")" io.paasta.bench.JobLatencyBench \
  "$CLUSTER" "$REGISTRY" "$SERVICE" "$SHA" "$WORK/soa" "$WORK/state" "$JOBS" "$PAIRS"
echo "[bench] load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
