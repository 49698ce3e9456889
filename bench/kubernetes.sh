#!/usr/bin/env bash
# Benchmark of the Kubernetes backend on fabric8's mock API server (in the same JVM, on loopback).
# Not a test: it prints figures and asserts nothing about speed.
#
#   bench/kubernetes.sh [--first N] [--noop M] [--workers W] [--heap SIZE]
#
# Builds paasta-bench and what it needs (package only, nothing installed), then runs
# io.paasta.backend.kubernetes.bench.KubernetesBench, instances planned by W threads (default 4,
# as `paasta server --workers`): (a) the first pass over N instances (default 1000: namespace,
# Deployment and PDB each) through the API, objects created and time; then the other M - N
# instances' objects put in the mock's store directly and a new backend started on it; (b) no-op
# passes over M instances (default 10000): the API requests they made (0 expected: everything is
# read from the informers' caches), wall and CPU time; (c) the heap after GC with M instances
# watched, the backend's share and the mock store's apart. The mock server has no controllers: no
# pods are made by it: the bench stores a ReplicaSet and its pods, running and ready, for each
# Deployment (3 pods per instance) as the controllers would. BENCH_JAVA_OPTS is added to
# the JVM's options (e.g. -XX:StartFlightRecording=filename=k8s.jfr).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
FIRST=1000
NOOP=10000
WORKERS=4
HEAP=2g
while (($#)); do
  case "$1" in
    --first) [[ $# -ge 2 ]] || { echo "kubernetes.sh: --first needs a value" >&2; exit 2; }; FIRST="$2"; shift 2 ;;
    --noop) [[ $# -ge 2 ]] || { echo "kubernetes.sh: --noop needs a value" >&2; exit 2; }; NOOP="$2"; shift 2 ;;
    --workers) [[ $# -ge 2 ]] || { echo "kubernetes.sh: --workers needs a value" >&2; exit 2; }; WORKERS="$2"; shift 2 ;;
    --heap) [[ $# -ge 2 ]] || { echo "kubernetes.sh: --heap needs a value" >&2; exit 2; }; HEAP="$2"; shift 2 ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "kubernetes.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$FIRST" =~ ^[1-9][0-9]*$ ]] || { echo "kubernetes.sh: --first needs a positive integer, got '$FIRST'" >&2; exit 2; }
[[ "$NOOP" =~ ^[1-9][0-9]*$ ]] || { echo "kubernetes.sh: --noop needs a positive integer, got '$NOOP'" >&2; exit 2; }
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || { echo "kubernetes.sh: --workers needs a positive integer, got '$WORKERS'" >&2; exit 2; }

CLASSPATH_FILE=paasta-bench/target/kubernetes-bench.classpath
echo "[bench] building paasta-bench (./mvnw package -pl paasta-bench -am)" >&2
./mvnw -q -B -o package dependency:build-classpath -pl paasta-bench -am \
  -DskipTests -DskipITs -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/kubernetes-bench.classpath -Dmdep.includeScope=runtime >&2
echo "[bench] $(java -version 2>&1 | head -n 1); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec java -Xmx"$HEAP" ${BENCH_JAVA_OPTS:-} -cp "paasta-bench/target/paasta-bench.jar:$(cat "$CLASSPATH_FILE")" \
  io.paasta.backend.kubernetes.bench.KubernetesBench "$FIRST" "$NOOP" "$WORKERS"
