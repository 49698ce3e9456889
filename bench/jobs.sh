#!/usr/bin/env bash
# Benchmark of the job planner (issue 14, figure c). Not a test: it prints figures and asserts nothing about speed.
#
#   bench/jobs.sh [--jobs N] [--runs R]
#
# Builds paasta-bench and what it needs (package only, nothing installed), then runs
# io.paasta.bench.JobPlannerBench: one pass of the pure job planner over N jobs (default 10000) in
# memory (hourly ISO 8601 and cron schedules, children of parents, runs in progress, exited tasks),
# R timed warm passes (default 100; 10 with every schedule read) after a cold one, wall and CPU time,
# the heap its inputs hold and what a pass allocates. Goal: a warm pass over 10000 jobs under 20 ms.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JOBS=10000
RUNS=100
while (($#)); do
  case "$1" in
    --jobs) [[ $# -ge 2 ]] || { echo "jobs.sh: --jobs needs a value" >&2; exit 2; }; JOBS="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || { echo "jobs.sh: --runs needs a value" >&2; exit 2; }; RUNS="$2"; shift 2 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "jobs.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || { echo "jobs.sh: --jobs needs a positive integer, got '$JOBS'" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "jobs.sh: --runs needs a positive integer, got '$RUNS'" >&2; exit 2; }

CLASSPATH_FILE=paasta-bench/target/jobs-bench.classpath
echo "[bench] building paasta-bench (./mvnw package -pl paasta-bench -am)" >&2
./mvnw -q -B package dependency:build-classpath -pl paasta-bench -am \
  -DskipTests -DskipITs -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/jobs-bench.classpath -Dmdep.includeScope=runtime >&2
echo "[bench] $(java -version 2>&1 | head -n 1); $(nproc) CPUs" >&2
exec java -cp "paasta-bench/target/paasta-bench.jar:$(cat "$CLASSPATH_FILE")" \
  io.paasta.bench.JobPlannerBench "$JOBS" "$RUNS"
