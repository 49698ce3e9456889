#!/usr/bin/env bash
# Benchmark of the autoscaler's decision pass (issue 17). Not a test: it prints figures and asserts
# nothing about speed.
#
#   bench/autoscale.sh [--instances N] [--runs R] [--skip-build]
#
# Builds paasta-bench and what it needs (package only, nothing installed), then runs
# io.paasta.bench.AutoscalerPassBench: one decision pass over N autoscaled instances (default
# 10,000; goal < 100 ms), pure (params read, decision made over a 30-point history), R passes
# (default 50): the first (cold), then the median and best of the warm ones.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
INSTANCES=10000
RUNS=50
BUILD=1
while (($#)); do
  case "$1" in
    --instances) [[ $# -ge 2 ]] || { echo "autoscale.sh: --instances needs a value" >&2; exit 2; }; INSTANCES="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || { echo "autoscale.sh: --runs needs a value" >&2; exit 2; }; RUNS="$2"; shift 2 ;;
    --skip-build) BUILD=0; shift ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "autoscale.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$INSTANCES" =~ ^[1-9][0-9]*$ ]] || { echo "autoscale.sh: --instances needs a positive integer" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "autoscale.sh: --runs needs a positive integer" >&2; exit 2; }
CLASSPATH_FILE=paasta-bench/target/autoscale-bench.classpath
if ((BUILD)); then
  echo "[bench] building paasta-bench (./mvnw package -pl paasta-bench -am)" >&2
  ./mvnw -q -B -o package dependency:build-classpath -pl paasta-bench -am \
    -DskipTests -DskipITs -Dspotless.check.skip=true \
    -Dmdep.outputFile=target/autoscale-bench.classpath -Dmdep.includeScope=runtime >&2
fi
echo "[bench] $(java -version 2>&1 | head -n 1); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec java -cp "paasta-bench/target/paasta-bench.jar:$(cat "$CLASSPATH_FILE")" \
  io.paasta.bench.AutoscalerPassBench "$INSTANCES" "$RUNS"
