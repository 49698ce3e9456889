#!/usr/bin/env bash
# Benchmark of the daemon's state database (the run history of scheduled jobs). Not a test: it
# prints figures and asserts nothing about speed.
#
#   bench/store.sh [--runs N] [--jobs J] [--dir DIR]
#
# Builds paasta-bench and what it needs (package only, nothing installed), then runs
# io.paasta.bench.JobRunStoreBench: N runs (default 500) spread over J jobs (default 50), each
# created, read back (recent, running) and finished, every write a committed SQLite transaction
# (WAL, synchronous=FULL) in a fresh state directory under DIR (default: a temporary directory;
# give a directory on the disk the daemon's --state-dir uses). Prints p50/p99/max per operation.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS=500
JOBS=50
DIR="${TMPDIR:-/tmp}"
while (($#)); do
  case "$1" in
    --runs) [[ $# -ge 2 ]] || { echo "store.sh: --runs needs a value" >&2; exit 2; }; RUNS="$2"; shift 2 ;;
    --jobs) [[ $# -ge 2 ]] || { echo "store.sh: --jobs needs a value" >&2; exit 2; }; JOBS="$2"; shift 2 ;;
    --dir) [[ $# -ge 2 ]] || { echo "store.sh: --dir needs a value" >&2; exit 2; }; DIR="$2"; shift 2 ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "store.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "store.sh: --runs needs a positive integer, got '$RUNS'" >&2; exit 2; }
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || { echo "store.sh: --jobs needs a positive integer, got '$JOBS'" >&2; exit 2; }

CLASSPATH_FILE=paasta-bench/target/store-bench.classpath
echo "[bench] building paasta-bench (./mvnw package -pl paasta-bench -am)" >&2
./mvnw -q -B -o package dependency:build-classpath -pl paasta-bench -am \
  -DskipTests -DskipITs -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/store-bench.classpath -Dmdep.includeScope=runtime >&2
echo "[bench] $(java -version 2>&1 | head -n 1); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec java -cp "paasta-bench/target/paasta-bench.jar:$(cat "$CLASSPATH_FILE")" \
  io.paasta.bench.JobRunStoreBench "$RUNS" "$JOBS" "$DIR"
