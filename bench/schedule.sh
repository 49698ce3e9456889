#!/usr/bin/env bash
# Benchmark of the schedule arithmetic (ScheduleTimes). Not a test: it prints figures and asserts
# nothing about speed.
#
#   bench/schedule.sh [--jobs N] [--runs R]
#
# Builds paasta-bench and what it needs (package only, nothing installed), then runs
# io.paasta.bench.ScheduleTimesBench: for N jobs (default 10000) in memory, what the scheduler asks
# at each pass (parse the schedule in its zone, last run at or before now, next run after now),
# R timed passes (default 20) after a cold one, across a daylight-saving change. The scheduler's
# whole pass over 10000 jobs has a goal of 20 ms; this is its schedule part.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JOBS=10000
RUNS=20
while (($#)); do
  case "$1" in
    --jobs) [[ $# -ge 2 ]] || { echo "schedule.sh: --jobs needs a value" >&2; exit 2; }; JOBS="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || { echo "schedule.sh: --runs needs a value" >&2; exit 2; }; RUNS="$2"; shift 2 ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "schedule.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || { echo "schedule.sh: --jobs needs a positive integer, got '$JOBS'" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "schedule.sh: --runs needs a positive integer, got '$RUNS'" >&2; exit 2; }

CLASSPATH_FILE=paasta-bench/target/schedule-bench.classpath
echo "[bench] building paasta-bench (./mvnw package -pl paasta-bench -am)" >&2
./mvnw -q -B -o package dependency:build-classpath -pl paasta-bench -am \
  -DskipTests -DskipITs -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/schedule-bench.classpath -Dmdep.includeScope=runtime >&2
echo "[bench] $(java -version 2>&1 | head -n 1); $(nproc) CPUs" >&2
exec java -cp "paasta-bench/target/paasta-bench.jar:$(cat "$CLASSPATH_FILE")" \
  io.paasta.bench.ScheduleTimesBench "$JOBS" "$RUNS"
