#!/usr/bin/env bash
# Benchmark of the Kubernetes backend on fabric8's mock API server (in the same JVM, on loopback).
# Not a test: it prints figures and asserts nothing about speed.
#
#   bench/kubernetes.sh [--first N] [--noop M] [--heap SIZE]
#
# Builds paasta-bench and what it needs (package only, nothing installed), then runs
# io.paasta.backend.kubernetes.bench.KubernetesBench: (a) the first pass over N instances (default
# 1000: namespace, Deployment and PDB each), objects created and time; (b) a no-op pass over M
# instances (default 10000), the API requests it made (0 expected: everything is read from the
# informers' caches) and time; (c) the heap the backend holds with M instances watched. The mock
# server has no controllers: no pods are made (the caches hold namespaces, Deployments and PDBs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
FIRST=1000
NOOP=10000
HEAP=2g
while (($#)); do
  case "$1" in
    --first) [[ $# -ge 2 ]] || { echo "kubernetes.sh: --first needs a value" >&2; exit 2; }; FIRST="$2"; shift 2 ;;
    --noop) [[ $# -ge 2 ]] || { echo "kubernetes.sh: --noop needs a value" >&2; exit 2; }; NOOP="$2"; shift 2 ;;
    --heap) [[ $# -ge 2 ]] || { echo "kubernetes.sh: --heap needs a value" >&2; exit 2; }; HEAP="$2"; shift 2 ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "kubernetes.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$FIRST" =~ ^[1-9][0-9]*$ ]] || { echo "kubernetes.sh: --first needs a positive integer, got '$FIRST'" >&2; exit 2; }
[[ "$NOOP" =~ ^[1-9][0-9]*$ ]] || { echo "kubernetes.sh: --noop needs a positive integer, got '$NOOP'" >&2; exit 2; }

CLASSPATH_FILE=paasta-bench/target/kubernetes-bench.classpath
echo "[bench] building paasta-bench (./mvnw package -pl paasta-bench -am)" >&2
./mvnw -q -B -o package dependency:build-classpath -pl paasta-bench -am \
  -DskipTests -DskipITs -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/kubernetes-bench.classpath -Dmdep.includeScope=runtime >&2
echo "[bench] $(java -version 2>&1 | head -n 1); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec java -Xmx"$HEAP" -cp "paasta-bench/target/paasta-bench.jar:$(cat "$CLASSPATH_FILE")" \
  io.paasta.backend.kubernetes.bench.KubernetesBench "$FIRST" "$NOOP"
