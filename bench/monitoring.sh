#!/usr/bin/env bash
# Benchmark of the monitoring checks. Not a test: it prints figures and asserts nothing about speed.
#
#   bench/monitoring.sh [--instances N] [--runs R]
#
# Builds paasta-bench and what it needs (package only, nothing installed), then runs
# io.paasta.bench.MonitoringBench: every check (replication, deploy, crash loop, OOM, health checks)
# evaluated for N instances (default 10000) in memory, R timed passes (default 10) after a cold one,
# first for the pure evaluators alone, then for a full runner pass (alert states, routing, events
# handed to the dispatcher). Goal: a full pass for 10000 instances under 200 ms.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
INSTANCES=10000
RUNS=10
while (($#)); do
  case "$1" in
    --instances) [[ $# -ge 2 ]] || { echo "monitoring.sh: --instances needs a value" >&2; exit 2; }; INSTANCES="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || { echo "monitoring.sh: --runs needs a value" >&2; exit 2; }; RUNS="$2"; shift 2 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "monitoring.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$INSTANCES" =~ ^[1-9][0-9]*$ ]] || { echo "monitoring.sh: --instances needs a positive integer, got '$INSTANCES'" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "monitoring.sh: --runs needs a positive integer, got '$RUNS'" >&2; exit 2; }

CLASSPATH_FILE=paasta-bench/target/monitoring-bench.classpath
echo "[bench] building paasta-bench (./mvnw package -pl paasta-bench -am)" >&2
./mvnw -q -B package dependency:build-classpath -pl paasta-bench -am \
  -DskipTests -DskipITs -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/monitoring-bench.classpath -Dmdep.includeScope=runtime >&2
echo "[bench] $(java -version 2>&1 | head -n 1); $(nproc) CPUs" >&2
exec java -cp "paasta-bench/target/paasta-bench.jar:$(cat "$CLASSPATH_FILE")" \
  io.paasta.bench.MonitoringBench "$INSTANCES" "$RUNS"
